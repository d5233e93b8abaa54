import { AuditEvent } from './audit-event.entity';
import { Coop } from './coop.entity';
import { IdempotencyKey } from './idempotency-key.entity';
import { OutboxEntry } from './outbox-entry.entity';

export { AuditEvent, Coop, IdempotencyKey, OutboxEntry };

/** The platform's tables (the tenant registry, the outbox, the audit trail, idempotency keys), in every process. */
export const PLATFORM_ENTITIES = [Coop, OutboxEntry, AuditEvent, IdempotencyKey];
