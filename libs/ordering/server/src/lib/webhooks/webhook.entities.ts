import {
  Check,
  Column,
  Entity,
  ForeignKey,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
} from 'typeorm';
import type {
  WebhookDeliveryState,
  WebhookEventName,
  WebhookFlavour,
  WebhookSubscriptionState,
} from '@federacycle/contracts';
import { Delivery } from '@federacycle/dispatch-server';
import { Coop } from '@federacycle/platform-database';
import { PartnerClient } from '../partners/partner-client.entity';

/** An HTTPS endpoint of the coop (clientId null) or of a partner client hearing delivery events (migration 0066). */
@Entity({ name: 'webhook_subscriptions' })
@Index('webhook_subscriptions_coop', ['coopId', 'state'])
@Index('webhook_subscriptions_client', ['coopId', 'clientId'], { where: 'client_id is not null' })
@ForeignKey(() => PartnerClient, ['coopId', 'clientId'], ['coopId', 'id'], {
  name: 'webhook_subscriptions_coop_id_client_id_fkey',
})
@Check('webhook_subscriptions_url_check', "length(url) between 9 and 2000 and url ~ '^https?://'")
@Check('webhook_subscriptions_events_check', 'cardinality(events) between 1 and 8')
@Check('webhook_subscriptions_flavour_check', "flavour in ('native', 'coopcycle')")
@Check('webhook_subscriptions_state_check', "state in ('active', 'failing', 'disabled')")
@Check('webhook_subscriptions_failing_since_check', "(state = 'failing') = (failing_since is not null)")
export class WebhookSubscription {
  @PrimaryColumn({ name: 'coop_id', type: 'uuid' })
  coopId!: string;

  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @ManyToOne(() => Coop)
  @JoinColumn({ name: 'coop_id', foreignKeyConstraintName: 'webhook_subscriptions_coop_id_fkey' })
  coop?: Coop;

  @Column({ name: 'client_id', type: 'uuid', nullable: true })
  clientId!: string | null;

  @Column({ type: 'text' })
  url!: string;

  @Column({ type: 'text', array: true })
  events!: WebhookEventName[];

  @Column({ type: 'text', default: 'native' })
  flavour!: WebhookFlavour;

  @Column({ name: 'secret_encrypted', type: 'bytea' })
  secretEncrypted!: Buffer;

  @Column({ name: 'secret_hint', type: 'text' })
  secretHint!: string;

  @Column({ name: 'previous_secret_encrypted', type: 'bytea', nullable: true })
  previousSecretEncrypted!: Buffer | null;

  @Column({ name: 'previous_secret_until', type: 'timestamptz', nullable: true })
  previousSecretUntil!: Date | null;

  @Column({ type: 'text', default: 'active' })
  state!: WebhookSubscriptionState;

  @Column({ name: 'failing_since', type: 'timestamptz', nullable: true })
  failingSince!: Date | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}

/** One event for one subscription: the body as signed and sent, its state and schedule (migration 0067). */
@Entity({ name: 'webhook_deliveries' })
@Index('webhook_deliveries_event_key', ['coopId', 'subscriptionId', 'eventId'], { unique: true })
@Index('webhook_deliveries_log', ['coopId', 'subscriptionId', 'createdAt', 'id'])
@ForeignKey(() => WebhookSubscription, ['coopId', 'subscriptionId'], ['coopId', 'id'], {
  name: 'webhook_deliveries_coop_id_subscription_id_fkey',
  onDelete: 'CASCADE',
})
@ForeignKey(() => Delivery, ['coopId', 'deliveryId'], ['coopId', 'id'], {
  name: 'webhook_deliveries_coop_id_delivery_id_fkey',
})
@Check('webhook_deliveries_event_check', "event ~ '^[a-z_]+\\.[a-z_]+$'")
@Check('webhook_deliveries_state_check', "state in ('pending', 'retrying', 'succeeded', 'failed')")
@Check('webhook_deliveries_attempts_check', 'attempts >= 0')
@Check('webhook_deliveries_scheduled_attempt_check', 'scheduled_attempt >= 0')
export class WebhookDelivery {
  @PrimaryColumn({ name: 'coop_id', type: 'uuid' })
  coopId!: string;

  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @ManyToOne(() => Coop)
  @JoinColumn({ name: 'coop_id', foreignKeyConstraintName: 'webhook_deliveries_coop_id_fkey' })
  coop?: Coop;

  @Column({ name: 'subscription_id', type: 'uuid' })
  subscriptionId!: string;

  @Column({ type: 'text' })
  event!: WebhookEventName;

  @Column({ name: 'delivery_id', type: 'uuid', nullable: true })
  deliveryId!: string | null;

  @Column({ name: 'event_id', type: 'uuid' })
  eventId!: string;

  @Column({ name: 'request_body', type: 'text' })
  requestBody!: string;

  @Column({ type: 'text', default: 'pending' })
  state!: WebhookDeliveryState;

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Column({ name: 'scheduled_attempt', type: 'integer', default: 0 })
  scheduledAttempt!: number;

  @Column({ name: 'sending_until', type: 'timestamptz', nullable: true })
  sendingUntil!: Date | null;

  @Column({ name: 'last_status_code', type: 'integer', nullable: true })
  lastStatusCode!: number | null;

  @Column({ name: 'last_duration_ms', type: 'integer', nullable: true })
  lastDurationMs!: number | null;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;

  @Column({ name: 'next_attempt_at', type: 'timestamptz', nullable: true })
  nextAttemptAt!: Date | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}

/** One call of a webhook delivery (migration 0067). */
@Entity({ name: 'webhook_attempts' })
@ForeignKey(() => WebhookDelivery, ['coopId', 'webhookDeliveryId'], ['coopId', 'id'], {
  name: 'webhook_attempts_coop_id_webhook_delivery_id_fkey',
  onDelete: 'CASCADE',
})
@Check('webhook_attempts_attempt_check', 'attempt >= 1')
@Check('webhook_attempts_duration_ms_check', 'duration_ms >= 0')
@Check('webhook_attempts_error_check', 'length(error) <= 500')
@Check('webhook_attempts_response_excerpt_check', 'length(response_excerpt) <= 500')
export class WebhookAttempt {
  @PrimaryColumn({ name: 'coop_id', type: 'uuid' })
  coopId!: string;

  @PrimaryColumn({ name: 'webhook_delivery_id', type: 'uuid' })
  webhookDeliveryId!: string;

  @PrimaryColumn({ type: 'integer' })
  attempt!: number;

  @ManyToOne(() => Coop)
  @JoinColumn({ name: 'coop_id', foreignKeyConstraintName: 'webhook_attempts_coop_id_fkey' })
  coop?: Coop;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at!: Date;

  @Column({ name: 'status_code', type: 'integer', nullable: true })
  statusCode!: number | null;

  @Column({ name: 'duration_ms', type: 'integer' })
  durationMs!: number;

  @Column({ type: 'text', nullable: true })
  error!: string | null;

  @Column({ name: 'response_excerpt', type: 'text', nullable: true })
  responseExcerpt!: string | null;

  @Column({ type: 'boolean', default: false })
  replay!: boolean;
}
