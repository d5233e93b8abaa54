import type { Tx } from '@federacycle/platform-database';
import { writeOutbox } from '@federacycle/platform-queue';
import { RECIPIENT_MAIL_JOB } from './tracking.jobs';

/**
 * After a task of the delivery is done: asks for the recipients' mails (through the outbox, in
 * the caller's transaction) when a dropoff of the delivery has an email to write to.
 */
export async function askRecipientMail(tx: Tx, coopId: string, deliveryId: string): Promise<void> {
  const mailable = await tx.maybeOne(
    `select 1 from delivery_tasks where coop_id = $1 and delivery_id = $2 and kind = 'dropoff'
        and contact_email is not null and superseded_by is null limit 1`,
    [coopId, deliveryId],
  );
  if (mailable) await writeOutbox(tx, RECIPIENT_MAIL_JOB, { deliveryId });
}
