import { AuditEvent } from './audit-event.entity';
import { Coop } from './coop.entity';
import { OutboxEntry } from './outbox-entry.entity';

export { AuditEvent, Coop, OutboxEntry };

/** The platform's tables (the tenant registry, the outbox, the audit trail), in every process. */
export const PLATFORM_ENTITIES = [Coop, OutboxEntry, AuditEvent];
