import { Processor } from '@nestjs/bullmq';
import { Inject } from '@nestjs/common';
import { MailService } from '@federacycle/identity-server';
import { APP_CONFIG, type AppConfig } from '@federacycle/platform-config';
import { Database, type Tx } from '@federacycle/platform-database';
import { Metrics } from '@federacycle/platform-observability';
import { JobProcessor, claimOutboxRow, handle, type EnvelopeOf } from '@federacycle/platform-queue';
import type { DeliveryTask } from '../deliveries/delivery-task.entity';
import { recipientMail, type RecipientMailKind } from './recipient-mails';
import { RECIPIENT_MAIL_JOB, TRACKING_MAIL_QUEUE } from './tracking.jobs';

type DropoffRow = Pick<DeliveryTask, 'id' | 'state' | 'address'> & {
  contact_email: string;
  contact_language: DeliveryTask['contactLanguage'];
  window_after: DeliveryTask['windowAfter'];
  window_before: DeliveryTask['windowBefore'];
  mailed_on_way_at: DeliveryTask['mailedOnWayAt'];
  mailed_delivered_at: DeliveryTask['mailedDeliveredAt'];
  pickups_done: boolean;
  tracking_token: string;
  coop_name: string;
};

/** What one run did: the mails sent (a second delivery of the job sends none). */
export interface RecipientMailResult {
  claimed: boolean;
  sent: Array<{ taskId: string; kind: RecipientMailKind }>;
}

/**
 * Mails each dropoff's recipient (when it has an email) once its pickups are done (on its way)
 * and once it is done (delivered). Idempotent: the outbox row is claimed, and each mail is
 * claimed on its task (`mailed_on_way_at` / `mailed_delivered_at` set from null), in the
 * transaction that sends it; a failed send rolls both back and BullMQ retries.
 */
@Processor(TRACKING_MAIL_QUEUE, { concurrency: 2 })
export class RecipientMailProcessor extends JobProcessor {
  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(MailService) private readonly mail: MailService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(Metrics) metrics: Metrics,
  ) {
    super(metrics);
  }

  protected handlers() {
    return [handle(RECIPIENT_MAIL_JOB, (envelope) => this.mailRecipients(envelope))];
  }

  async mailRecipients(envelope: EnvelopeOf<typeof RECIPIENT_MAIL_JOB>): Promise<RecipientMailResult> {
    const { coopId, outboxId } = envelope;
    if (coopId === null || outboxId === null) throw new Error('a recipient mail needs its coop and outbox row');
    return this.db.forCoop(coopId, async (tx) => {
      if (!(await claimOutboxRow(tx, coopId, outboxId))) return { claimed: false, sent: [] };
      return { claimed: true, sent: await this.send(tx, coopId, envelope.payload.deliveryId) };
    });
  }

  private async send(tx: Tx, coopId: string, deliveryId: string): Promise<RecipientMailResult['sent']> {
    const dropoffs = await tx.query<DropoffRow>(
      `select t.id, t.state, t.address, t.contact_email, t.contact_language, t.window_after, t.window_before,
              t.mailed_on_way_at, t.mailed_delivered_at, d.tracking_token, c.name as coop_name,
              not exists (select 1 from delivery_tasks p
                           where p.coop_id = t.coop_id and p.delivery_id = t.delivery_id and p.kind = 'pickup'
                             and p.superseded_by is null and p.state <> 'done') as pickups_done
         from delivery_tasks t
         join deliveries d on d.coop_id = t.coop_id and d.id = t.delivery_id
         join coops c on c.id = t.coop_id
        where t.coop_id = $1 and t.delivery_id = $2 and t.kind = 'dropoff' and t.superseded_by is null
          and t.contact_email is not null
        order by t.seq
        for update of t`,
      [coopId, deliveryId],
    );
    const sent: RecipientMailResult['sent'] = [];
    for (const d of dropoffs) {
      let kind: RecipientMailKind | null = null;
      if (d.state === 'done' && d.mailed_delivered_at === null) kind = 'delivered';
      else if (d.pickups_done && d.mailed_on_way_at === null && (d.state === 'assigned' || d.state === 'started')) {
        kind = 'on_way';
      }
      if (kind === null) continue;
      // a delivered mail also stands for the on-the-way one (never sent after it)
      await tx.execute(
        kind === 'delivered'
          ? 'update delivery_tasks set mailed_delivered_at = now(), mailed_on_way_at = coalesce(mailed_on_way_at, now()) where coop_id = $1 and id = $2'
          : 'update delivery_tasks set mailed_on_way_at = now() where coop_id = $1 and id = $2',
        [coopId, d.id],
      );
      const link = `${this.config.publicUrl.replace(/\/$/, '')}/track/${d.tracking_token}`;
      const content = recipientMail(
        kind,
        { coopName: d.coop_name, address: d.address, expected: d.window_before ?? d.window_after, link },
        d.contact_language ?? 'en',
      );
      await this.mail.send({ to: d.contact_email, subject: content.subject, text: content.text, link });
      sent.push({ taskId: d.id, kind });
    }
    return sent;
  }
}
