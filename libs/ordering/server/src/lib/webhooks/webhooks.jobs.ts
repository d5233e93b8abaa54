import { defineJob } from '@federacycle/platform-queue';

/**
 * Webhook calls. The fan-out (dispatch's `dispatch.delivery-event`, on dispatch's events queue)
 * writes one webhook delivery per matching subscription and adds one send job each to this queue,
 * with BullMQ attempts and the backoff below; a replay asked by a person is an outbox row here.
 */
export const WEBHOOKS_QUEUE = 'webhooks';

export interface WebhookSendPayload {
  webhookDeliveryId: string;
}

export interface WebhookReplayPayload {
  webhookDeliveryId: string;
}

/** one scheduled call of a webhook delivery (BullMQ retries it on the schedule below) */
export const WEBHOOK_SEND_JOB = defineJob<WebhookSendPayload>(WEBHOOKS_QUEUE, 'webhooks.send');

/** a person asked to send a webhook delivery again now (one more attempt, outside the schedule) */
export const WEBHOOK_REPLAY_JOB = defineJob<WebhookReplayPayload>(WEBHOOKS_QUEUE, 'webhooks.replay');

/**
 * The wait after each failed scheduled attempt: 1 min, 5 min, 15 min, 30 min, 1 h, 2 h, 4 h, then
 * 6 h three times — 11 attempts over about 25 h 51 min. After the last the delivery is failed and
 * the subscription failing.
 */
export const WEBHOOK_RETRY_DELAYS_MS: readonly number[] = [1, 5, 15, 30, 60, 120, 240, 360, 360, 360].map(
  (minutes) => minutes * 60_000,
);
export const WEBHOOK_MAX_ATTEMPTS = WEBHOOK_RETRY_DELAYS_MS.length + 1;
export const WEBHOOK_BACKOFF_TYPE = 'webhook';

/** The wait before the next attempt after `attemptsMade` failed ones (BullMQ's custom backoff). */
export function webhookRetryDelay(attemptsMade: number): number {
  const index = Math.min(Math.max(attemptsMade, 1), WEBHOOK_RETRY_DELAYS_MS.length) - 1;
  return WEBHOOK_RETRY_DELAYS_MS[index] as number;
}

/** BullMQ job id of a webhook delivery's scheduled calls (no colon: BullMQ refuses it in ids). */
export function sendJobId(webhookDeliveryId: string): string {
  return `wh-${webhookDeliveryId}`;
}

export interface WebhookFailingMailPayload {
  subscriptionId: string;
}

/** a subscription became failing (a delivery ran out of attempts): tell the coop's admins */
export const WEBHOOK_FAILING_MAIL_JOB = defineJob<WebhookFailingMailPayload>(WEBHOOKS_QUEUE, 'webhooks.failing-mail');
