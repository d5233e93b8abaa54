import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Coop } from './coop.entity';

/**
 * The stored answer of a create sent with an `Idempotency-Key` (tenant row, migration 0064),
 * written in the same transaction as the create. `caller` names who sent the key
 * (`partner:<client id>`, `user:<user id>`): keys of two callers never meet.
 */
@Entity({ name: 'idempotency_keys' })
@Index('idempotency_keys_expiry', ['coopId', 'expiresAt'])
@Check('idempotency_keys_caller_check', 'length(caller) between 1 and 120')
@Check('idempotency_keys_key_check', 'length(key) between 1 and 255')
@Check('idempotency_keys_request_hash_check', `request_hash ~ '^[0-9a-f]{64}$'`)
@Check('idempotency_keys_response_status_check', 'response_status between 100 and 599')
export class IdempotencyKey {
  @PrimaryColumn({ name: 'coop_id', type: 'uuid' })
  coopId!: string;

  @ManyToOne(() => Coop)
  @JoinColumn({ name: 'coop_id', foreignKeyConstraintName: 'idempotency_keys_coop_id_fkey' })
  coop?: Coop;

  @PrimaryColumn({ type: 'text' })
  caller!: string;

  @PrimaryColumn({ type: 'text' })
  key!: string;

  @Column({ name: 'request_hash', type: 'text' })
  requestHash!: string;

  @Column({ name: 'response_status', type: 'smallint' })
  responseStatus!: number;

  @Column({ name: 'response_body', type: 'jsonb' })
  responseBody!: unknown;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;
}
