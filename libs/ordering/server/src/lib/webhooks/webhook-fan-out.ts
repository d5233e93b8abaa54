import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import type { DeliveryEventPayload } from '@federacycle/dispatch-server';
import { Database } from '@federacycle/platform-database';
import { claimOutboxRow, type EnvelopeOf, type JobEnvelope } from '@federacycle/platform-queue';
import type { WebhookFlavour } from '@federacycle/contracts';
import { coopcycleNumbers } from '../coopcycle/coopcycle-ids';
import { PARTNER_OWNS_DELIVERY_SQL } from './partner-delivery-owner';
import { webhookBody } from './webhook-bodies';
import { WebhookDelivery } from './webhook.entities';
import {
  WEBHOOKS_QUEUE,
  WEBHOOK_BACKOFF_TYPE,
  WEBHOOK_MAX_ATTEMPTS,
  WEBHOOK_SEND_JOB,
  sendJobId,
} from './webhooks.jobs';

/** The coop's live subscriptions of the event that may hear of this delivery ($1 coop, $2 event, $3 delivery). */
const MATCHING_SQL = `select s.id, s.flavour
  from webhook_subscriptions s
  left join partner_clients c on c.coop_id = s.coop_id and c.id = s.client_id
 where s.coop_id = $1 and s.state <> 'disabled' and $2::text = any(s.events)
   and (s.client_id is null
        or (c.revoked_at is null and 'webhooks' = any(c.scopes) and ${PARTNER_OWNS_DELIVERY_SQL}))
 order by s.id`;

/**
 * A delivery event → one webhook delivery per matching subscription (the body as it will be signed
 * and sent), then one send job each. Idempotent: rows are unique per (subscription, event) and
 * written with `on conflict do nothing`, jobs have the row's id as job id, and the outbox row is
 * claimed last; a fan-out run twice adds nothing.
 */
@Injectable()
export class WebhookFanOut {
  constructor(
    @Inject(Database) private readonly db: Database,
    @InjectQueue(WEBHOOKS_QUEUE) private readonly queue: Queue,
  ) {}

  async fanOut(envelope: JobEnvelope<DeliveryEventPayload>): Promise<{ webhookDeliveryIds: string[] }> {
    const { coopId, outboxId, payload } = envelope;
    if (coopId === null || outboxId === null) throw new Error('a delivery event needs its coop and outbox row');
    const ids = await this.db.forCoop(coopId, async (tx) => {
      const subscriptions = await tx.query<{ id: string; flavour: WebhookFlavour }>(MATCHING_SQL, [
        coopId,
        payload.event,
        payload.deliveryId,
      ]);
      if (subscriptions.length === 0) {
        // the common case (no subscription hears this): done in this one transaction
        await claimOutboxRow(tx, coopId, outboxId);
        return null;
      }
      const delivery = await tx.maybeOne<{ reference: string | null }>(
        'select reference from deliveries where coop_id = $1 and id = $2',
        [coopId, payload.deliveryId],
      );
      const facts = {
        eventId: outboxId,
        event: payload.event,
        at: payload.at,
        deliveryId: payload.deliveryId,
        reference: delivery?.reference ?? null,
        courierId: payload.courierId ?? null,
        // CoopCycle's bodies name the delivery by its integer id (given on first use)
        ...(subscriptions.some((s) => s.flavour === 'coopcycle')
          ? { coopcycleNumber: (await coopcycleNumbers(tx, 'delivery', [payload.deliveryId])).get(payload.deliveryId) }
          : {}),
      };
      await tx.manager
        .createQueryBuilder()
        .insert()
        .into(WebhookDelivery)
        .values(
          subscriptions.map((s) => ({
            coopId,
            subscriptionId: s.id,
            event: payload.event,
            deliveryId: delivery ? payload.deliveryId : null,
            eventId: outboxId,
            requestBody: webhookBody(s.flavour, facts),
          })),
        )
        .orIgnore()
        .execute();
      const rows = await tx.query<{ id: string }>(
        `select id from webhook_deliveries where coop_id = $1 and event_id = $2 and state = 'pending' order by id`,
        [coopId, outboxId],
      );
      return rows.map((r) => r.id);
    });
    if (ids === null) return { webhookDeliveryIds: [] };
    for (const id of ids) await this.enqueueSend(coopId, envelope, id);
    await this.db.forCoop(coopId, (tx) => claimOutboxRow(tx, coopId, outboxId));
    return { webhookDeliveryIds: ids };
  }

  /** The scheduled calls of one webhook delivery: BullMQ's attempts on the webhook backoff. */
  private async enqueueSend(coopId: string, from: JobEnvelope<unknown>, webhookDeliveryId: string): Promise<void> {
    const data: EnvelopeOf<typeof WEBHOOK_SEND_JOB> = {
      coopId,
      actorId: from.actorId,
      requestId: from.requestId,
      outboxId: null,
      payload: { webhookDeliveryId },
    };
    await this.queue.add(WEBHOOK_SEND_JOB.name, data, {
      jobId: sendJobId(webhookDeliveryId),
      attempts: WEBHOOK_MAX_ATTEMPTS,
      backoff: { type: WEBHOOK_BACKOFF_TYPE },
      removeOnComplete: { age: 3600, count: 10_000 },
      removeOnFail: { age: 7 * 24 * 3600 },
    });
  }
}
