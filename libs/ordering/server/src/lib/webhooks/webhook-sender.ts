import { Inject, Injectable } from '@nestjs/common';
import {
  WEBHOOK_DELIVERY_HEADER,
  WEBHOOK_EVENT_HEADER,
  type WebhookDeliveryState,
  type WebhookFlavour,
} from '@federacycle/contracts';
import { APP_CONFIG, type AppConfig } from '@federacycle/platform-config';
import { Database, type Tx } from '@federacycle/platform-database';
import { writeOutbox } from '@federacycle/platform-queue';
import { WebhookMetrics, type WebhookSendOutcome } from './webhook-metrics';
import { postWebhook, WEBHOOK_TIMEOUT_MS, type CallOutcome } from './webhook-call';
import { decryptSecret } from './webhook-secrets';
import { signatureHeaders } from './webhook-signature';
import { checkWebhookTarget, type Resolver } from './webhook-target';
import { WEBHOOK_FAILING_MAIL_JOB, WEBHOOK_MAX_ATTEMPTS, webhookRetryDelay } from './webhooks.jobs';

/** A scheduled attempt (BullMQ's attempt number, 1-based) or a person's replay. */
export type AttemptKind = { scheduled: number } | 'replay';

/** A call the sender holds (claimed in the database): what to send, where, signed how. */
export interface ClaimedCall {
  coopId: string;
  webhookDeliveryId: string;
  subscriptionId: string;
  /** the attempt number this call is logged under */
  attempt: number;
  kind: AttemptKind;
  event: string;
  body: string;
  url: string;
  flavour: WebhookFlavour;
  secrets: string[];
}

export interface AttemptResult {
  /** false: nothing to do (sent already, succeeded, disabled, or another sender holds it) */
  called: boolean;
  outcome: CallOutcome | null;
  state: WebhookDeliveryState | null;
  /** the subscription became failing with this attempt */
  becameFailing: boolean;
}

type ClaimRow = {
  attempts: number;
  subscription_id: string;
  request_body: string;
  event: string;
  url: string;
  flavour: WebhookFlavour;
  secret_encrypted: Buffer;
  previous_secret_encrypted: Buffer | null;
  previous_secret_until: Date | null;
};

/**
 * Takes one attempt of a webhook delivery: claims it ($3 = the scheduled attempt number, 0 for a
 * replay) — only a delivery still pending or retrying whose scheduled attempt has not run yet (or
 * ran in a sender that died before recording it), of a subscription not disabled, and not held by
 * a call in flight (a lease of 2 minutes that a crashed sender lets run out) — and counts it.
 */
const CLAIM_SQL = `update webhook_deliveries d
    set attempts = d.attempts + 1, scheduled_attempt = greatest(d.scheduled_attempt, $3),
        sending_until = now() + interval '2 minutes', updated_at = now()
   from webhook_subscriptions s
  where d.coop_id = $1 and d.id = $2 and s.coop_id = d.coop_id and s.id = d.subscription_id
    and s.state <> 'disabled'
    and (d.sending_until is null or d.sending_until < now())
    and ($3 = 0 or (d.state in ('pending', 'retrying')
                    and (d.scheduled_attempt < $3
                         -- the same attempt again after its sender died mid-call (its lease ran out)
                         or (d.scheduled_attempt = $3 and d.sending_until is not null))))
  returning d.attempts, d.subscription_id, d.request_body, d.event, s.url, s.flavour, s.secret_encrypted,
            s.previous_secret_encrypted, s.previous_secret_until`;

const RECORD_ATTEMPT_SQL = `insert into webhook_attempts
    (coop_id, webhook_delivery_id, attempt, status_code, duration_ms, error, response_excerpt, replay)
  values ($1, $2, $3, $4, $5, $6, $7, $8)
  on conflict do nothing`;

/** $3 state (null: keep), $4 status, $5 duration, $6 error, $7 ms to the next attempt (null: none planned) */
const RECORD_DELIVERY_SQL = `update webhook_deliveries
    set state = coalesce($3, state), last_status_code = $4, last_duration_ms = $5, last_error = $6,
        next_attempt_at = case when $7::int is null then (case when $3 is null then next_attempt_at end)
                               else now() + make_interval(secs => $7::int / 1000.0) end,
        sending_until = null, updated_at = now()
  where coop_id = $1 and id = $2`;

/**
 * Makes the calls of webhook deliveries: claim (a transaction), the SSRF check again and the call
 * pinned to the checked address (no transaction held), then the attempt's log row and the
 * delivery's new state (a transaction). A scheduled attempt that fails before the last answers
 * `retrying` (the processor throws so BullMQ retries on the webhook backoff); the last failure
 * makes the delivery `failed` and an active subscription `failing` (with a mail to the coop's
 * admins through the outbox); a success makes a failing subscription active again.
 */
@Injectable()
export class WebhookSender {
  /** the SSRF guard's resolver (tests give hosts chosen addresses) */
  resolver: Resolver | undefined;
  timeoutMs = WEBHOOK_TIMEOUT_MS;

  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(WebhookMetrics) private readonly metrics: WebhookMetrics,
  ) {}

  /** One attempt: claim, call, record. */
  async attempt(coopId: string, webhookDeliveryId: string, kind: AttemptKind): Promise<AttemptResult> {
    const claimed = await this.db.forCoop(coopId, (tx) => this.claim(tx, coopId, webhookDeliveryId, kind));
    return this.callAndRecord(claimed);
  }

  async callAndRecord(claimed: ClaimedCall | null): Promise<AttemptResult> {
    if (claimed === null) return { called: false, outcome: null, state: null, becameFailing: false };
    const [outcome, label] = await this.call(claimed);
    this.metrics.sends.inc({ outcome: label, kind: claimed.kind === 'replay' ? 'replay' : 'scheduled' });
    this.metrics.duration.observe({ outcome: label }, outcome.durationMs / 1000);
    return this.record(claimed, outcome);
  }

  /** Claims the attempt in the caller's transaction (null: nothing to send). */
  async claim(tx: Tx, coopId: string, webhookDeliveryId: string, kind: AttemptKind): Promise<ClaimedCall | null> {
    const scheduled = kind === 'replay' ? 0 : kind.scheduled;
    const rows = await tx.query<ClaimRow>(CLAIM_SQL, [coopId, webhookDeliveryId, scheduled]);
    const row = rows[0];
    if (!row) return null;
    const key = this.config.webhookSecretKey;
    const secrets = [decryptSecret(key, row.secret_encrypted)];
    if (
      row.previous_secret_encrypted &&
      row.previous_secret_until &&
      row.previous_secret_until.getTime() > Date.now()
    ) {
      secrets.push(decryptSecret(key, row.previous_secret_encrypted));
    }
    return {
      coopId,
      webhookDeliveryId,
      subscriptionId: row.subscription_id,
      attempt: row.attempts,
      kind,
      event: row.event,
      body: row.request_body,
      url: row.url,
      flavour: row.flavour,
      secrets,
    };
  }

  private async call(claimed: ClaimedCall): Promise<[CallOutcome, WebhookSendOutcome]> {
    const started = performance.now();
    // checked again at each call: the name may resolve elsewhere now (DNS rebinding)
    const target = await checkWebhookTarget(claimed.url, this.config.webhooksAllowPrivateTargets, this.resolver);
    if ('code' in target) {
      const outcome = {
        statusCode: null,
        durationMs: Math.round(performance.now() - started),
        error: target.message.slice(0, 400),
        responseExcerpt: null,
      };
      return [outcome, 'target_refused'];
    }
    const timestamp = Math.floor(Date.now() / 1000);
    const headers = {
      ...signatureHeaders(claimed.flavour, claimed.secrets, timestamp, claimed.body),
      [WEBHOOK_EVENT_HEADER]: claimed.event,
      [WEBHOOK_DELIVERY_HEADER]: claimed.webhookDeliveryId,
    };
    const outcome = await postWebhook(target, claimed.body, headers, this.timeoutMs);
    const ok = outcome.error === null;
    return [outcome, ok ? 'succeeded' : outcome.statusCode === null ? 'network_error' : 'http_error'];
  }

  private record(claimed: ClaimedCall, outcome: CallOutcome): Promise<AttemptResult> {
    const { coopId, webhookDeliveryId, subscriptionId } = claimed;
    const ok = outcome.error === null;
    const scheduled = claimed.kind === 'replay' ? null : claimed.kind.scheduled;
    const last = scheduled !== null && scheduled >= WEBHOOK_MAX_ATTEMPTS;
    const state: WebhookDeliveryState | null = ok
      ? 'succeeded'
      : scheduled === null
        ? null
        : last
          ? 'failed'
          : 'retrying';
    const nextInMs = !ok && scheduled !== null && !last ? webhookRetryDelay(scheduled) : null;
    return this.db.forCoop(coopId, async (tx) => {
      await tx.execute(RECORD_ATTEMPT_SQL, [
        coopId,
        webhookDeliveryId,
        claimed.attempt,
        outcome.statusCode,
        outcome.durationMs,
        outcome.error,
        outcome.responseExcerpt,
        claimed.kind === 'replay',
      ]);
      await tx.execute(RECORD_DELIVERY_SQL, [
        coopId,
        webhookDeliveryId,
        state,
        outcome.statusCode,
        outcome.durationMs,
        outcome.error,
        nextInMs,
      ]);
      let becameFailing = false;
      if (ok) {
        await tx.execute(
          `update webhook_subscriptions set state = 'active', failing_since = null, updated_at = now()
            where coop_id = $1 and id = $2 and state = 'failing'`,
          [coopId, subscriptionId],
        );
      } else if (state === 'failed') {
        becameFailing =
          (await tx.execute(
            `update webhook_subscriptions set state = 'failing', failing_since = now(), updated_at = now()
              where coop_id = $1 and id = $2 and state = 'active'`,
            [coopId, subscriptionId],
          )) === 1;
        if (becameFailing) await writeOutbox(tx, WEBHOOK_FAILING_MAIL_JOB, { subscriptionId });
      }
      const final = (
        await tx.query<{ state: WebhookDeliveryState }>(
          'select state from webhook_deliveries where coop_id = $1 and id = $2',
          [coopId, webhookDeliveryId],
        )
      )[0];
      return { called: true, outcome, state: final?.state ?? state, becameFailing };
    });
  }
}
