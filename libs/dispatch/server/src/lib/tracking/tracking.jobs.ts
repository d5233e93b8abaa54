import { defineJob } from '@federacycle/platform-queue';

/**
 * The recipients' mails: a task of a delivery whose dropoff has a contact email was done, so the
 * recipient may have something to hear (on the way, delivered). Its own queue, so the planning
 * queue's processor stays about planning.
 */
export const TRACKING_MAIL_QUEUE = 'dispatch-mail';

export interface RecipientMailPayload {
  deliveryId: string;
}

export const RECIPIENT_MAIL_JOB = defineJob<RecipientMailPayload>(TRACKING_MAIL_QUEUE, 'dispatch.recipient-mail');
