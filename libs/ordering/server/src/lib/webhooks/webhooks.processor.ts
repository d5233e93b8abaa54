import { Processor } from '@nestjs/bullmq';
import { Inject } from '@nestjs/common';
import { DELIVERY_EVENT_JOB, DISPATCH_EVENTS_QUEUE } from '@federacycle/dispatch-server';
import { MailService } from '@federacycle/identity-server';
import { APP_CONFIG, type AppConfig } from '@federacycle/platform-config';
import { Database } from '@federacycle/platform-database';
import { Metrics } from '@federacycle/platform-observability';
import { JobProcessor, claimOutboxRow, handle, type EnvelopeOf, type JobHandler } from '@federacycle/platform-queue';
import type { SupportedLocale } from '@federacycle/contracts';
import { adminLocale, failingMail } from './webhook-failing-mail';
import { WebhookFanOut } from './webhook-fan-out';
import { WebhookSender, type AttemptResult } from './webhook-sender';
import {
  WEBHOOKS_QUEUE,
  WEBHOOK_FAILING_MAIL_JOB,
  WEBHOOK_REPLAY_JOB,
  WEBHOOK_SEND_JOB,
  webhookRetryDelay,
} from './webhooks.jobs';

/**
 * Dispatch's domain events, consumed by ordering: each delivery event fans out to the matching
 * webhook subscriptions (the storefront's order updates will hang off the same handler).
 */
@Processor(DISPATCH_EVENTS_QUEUE, { concurrency: 4 })
export class DispatchEventsProcessor extends JobProcessor {
  constructor(
    @Inject(WebhookFanOut) private readonly fanOut: WebhookFanOut,
    @Inject(Metrics) metrics: Metrics,
  ) {
    super(metrics);
  }

  protected handlers(): readonly JobHandler[] {
    return [handle(DELIVERY_EVENT_JOB, (envelope) => this.fanOut.fanOut(envelope))];
  }
}

/** A scheduled attempt that failed before the last: thrown so BullMQ retries on the webhook backoff. */
export class WebhookAttemptFailed extends Error {
  constructor(readonly result: AttemptResult) {
    super(result.outcome?.error ?? 'webhook call failed');
    this.name = 'WebhookAttemptFailed';
  }
}

/**
 * The webhooks queue: scheduled calls (BullMQ attempts on the custom `webhook` backoff: 1 min … 6 h,
 * about 26 hours in all), replays asked by a person (outbox rows), and the failing subscription's
 * mail to the coop's admins.
 */
@Processor(WEBHOOKS_QUEUE, {
  concurrency: 8,
  settings: { backoffStrategy: (attemptsMade: number) => webhookRetryDelay(attemptsMade) },
})
export class WebhooksProcessor extends JobProcessor {
  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(WebhookSender) private readonly sender: WebhookSender,
    @Inject(MailService) private readonly mail: MailService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(Metrics) metrics: Metrics,
  ) {
    super(metrics);
  }

  protected handlers(): readonly JobHandler[] {
    return [
      handle(WEBHOOK_SEND_JOB, (envelope, job) => this.send(envelope, job.attemptsMade + 1)),
      handle(WEBHOOK_REPLAY_JOB, (envelope) => this.replay(envelope)),
      handle(WEBHOOK_FAILING_MAIL_JOB, (envelope) => this.mailAdmins(envelope)),
    ];
  }

  /** Scheduled attempt `attempt` (1-based); throws while BullMQ should retry. */
  async send(envelope: EnvelopeOf<typeof WEBHOOK_SEND_JOB>, attempt: number): Promise<AttemptResult> {
    if (envelope.coopId === null) throw new Error('a webhook call needs its coop');
    const result = await this.sender.attempt(envelope.coopId, envelope.payload.webhookDeliveryId, {
      scheduled: attempt,
    });
    if (result.state === 'retrying') throw new WebhookAttemptFailed(result);
    return result;
  }

  /** A person's replay: the outbox row and the attempt are claimed together, then the call. */
  async replay(envelope: EnvelopeOf<typeof WEBHOOK_REPLAY_JOB>): Promise<AttemptResult> {
    const { coopId, outboxId } = envelope;
    if (coopId === null || outboxId === null) throw new Error('a webhook replay needs its coop and outbox row');
    const claimed = await this.db.forCoop(coopId, async (tx) => {
      if (!(await claimOutboxRow(tx, coopId, outboxId))) return null;
      const call = await this.sender.claim(tx, coopId, envelope.payload.webhookDeliveryId, 'replay');
      // a call in flight holds the delivery: roll the outbox claim back and let BullMQ try again
      if (call === null) throw new Error('the webhook delivery is being sent: the replay waits for its turn');
      return call;
    });
    return this.sender.callAndRecord(claimed);
  }

  /** Tells each active coop admin, in their language; the outbox row is claimed in the same transaction. */
  async mailAdmins(envelope: EnvelopeOf<typeof WEBHOOK_FAILING_MAIL_JOB>): Promise<{ mailed: number }> {
    const { coopId, outboxId } = envelope;
    if (coopId === null || outboxId === null) throw new Error('a failing webhook mail needs its coop and outbox row');
    return this.db.forCoop(coopId, async (tx) => {
      if (!(await claimOutboxRow(tx, coopId, outboxId))) return { mailed: 0 };
      const subscription = await tx.maybeOne<{
        url: string;
        failing_since: Date | null;
        name: string;
        country: string;
      }>(
        `select s.url, s.failing_since, c.name, c.country
           from webhook_subscriptions s join coops c on c.id = s.coop_id
          where s.coop_id = $1 and s.id = $2`,
        [coopId, envelope.payload.subscriptionId],
      );
      if (!subscription || subscription.failing_since === null) return { mailed: 0 };
      const admins = await tx.query<{ email: string; locale: SupportedLocale | null }>(
        `select u.email, u.locale from memberships m join users u on u.id = m.user_id
          where m.coop_id = $1 and m.status = 'active' and 'coop_admin' = any(m.roles) and u.status = 'active'
          order by u.email`,
        [coopId],
      );
      const link = `${this.config.publicUrl.replace(/\/$/, '')}/webhooks`;
      for (const admin of admins) {
        const content = failingMail(
          { coopName: subscription.name, url: subscription.url, failingSince: subscription.failing_since, link },
          adminLocale(admin.locale, subscription.country),
        );
        await this.mail.send({ to: admin.email, subject: content.subject, text: content.text, link });
      }
      return { mailed: admins.length };
    });
  }
}
