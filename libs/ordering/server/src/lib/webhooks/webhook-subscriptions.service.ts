import { Inject, Injectable } from '@nestjs/common';
import {
  MAX_WEBHOOK_SUBSCRIPTIONS_PER_COOP,
  type CreateWebhookSubscriptionRequest,
  type Page,
  type UpdateWebhookSubscriptionRequest,
  type WebhookAttemptView,
  type WebhookDeliveryView,
  type WebhookFlavour,
  type WebhookSubscriptionView,
  type WebhookSubscriptionWithSecret,
} from '@federacycle/contracts';
import { APP_CONFIG, type AppConfig } from '@federacycle/platform-config';
import { Database, type Tx } from '@federacycle/platform-database';
import { ApiException } from '@federacycle/platform-http';
import { AUDIT_RECORD_JOB, writeOutbox } from '@federacycle/platform-queue';
import { WebhookDelivery, WebhookSubscription } from './webhook.entities';
import { encryptSecret, newWebhookSecret, secretHint } from './webhook-secrets';
import { requireWebhookTarget, type Resolver } from './webhook-target';
import { WEBHOOK_REPLAY_JOB } from './webhooks.jobs';

/** Whose subscriptions a caller reaches: the coop admin all of the coop's, a partner client its own. */
export type WebhookScope = { kind: 'coop' } | { kind: 'partner'; clientId: string };

type SubscriptionRow = {
  id: string;
  client_id: string | null;
  client_name: string | null;
  url: string;
  events: WebhookSubscription['events'];
  flavour: WebhookFlavour;
  state: WebhookSubscription['state'];
  failing_since: Date | null;
  secret_hint: string;
  previous_secret_until: Date | null;
  created_at: Date;
  updated_at: Date;
};

type DeliveryRow = {
  id: string;
  event: WebhookDelivery['event'];
  delivery_id: string | null;
  state: WebhookDelivery['state'];
  attempts: number;
  last_status_code: number | null;
  last_duration_ms: number | null;
  last_error: string | null;
  next_attempt_at: Date | null;
  request_body: string;
  created_at: Date;
  history: WebhookAttemptView[];
  total: string;
};

const SUBSCRIPTION_COLUMNS = `s.id, s.client_id, c.name as client_name, s.url, s.events, s.flavour, s.state,
       s.failing_since, s.secret_hint, s.previous_secret_until, s.created_at, s.updated_at`;
const SUBSCRIPTION_FROM = `from webhook_subscriptions s
  left join partner_clients c on c.coop_id = s.coop_id and c.id = s.client_id`;

/** `and ...` restricting to the scope's subscriptions; `$2` is the client id (or null for the coop). */
const SCOPE_CONDITION = '($2::uuid is null or s.client_id = $2)';

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

function toView(r: SubscriptionRow): WebhookSubscriptionView {
  return {
    id: r.id,
    clientId: r.client_id,
    clientName: r.client_name,
    url: r.url,
    events: r.events,
    flavour: r.flavour,
    state: r.state,
    failingSince: iso(r.failing_since),
    secretHint: r.secret_hint,
    previousSecretUntil: iso(r.previous_secret_until),
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}

function clientOf(scope: WebhookScope): string | null {
  return scope.kind === 'partner' ? scope.clientId : null;
}

function notFound(): never {
  throw ApiException.notFound('Webhook subscription');
}

/**
 * Webhook subscriptions and their delivery logs. A coop admin reaches every subscription of the
 * coop (its own and its partners'); a partner client only its own — another's answers 404, as one
 * that does not exist. The URL passes the SSRF guard at every save (and again before each call).
 */
@Injectable()
export class WebhookSubscriptionsService {
  /** the resolver of the SSRF guard (tests replace it to give a host a chosen address) */
  resolver: Resolver | undefined;

  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async list(
    coopId: string,
    scope: WebhookScope,
    limit: number,
    offset: number,
  ): Promise<Page<WebhookSubscriptionView>> {
    const rows: Array<SubscriptionRow & { total: string }> = await this.db.read((m) =>
      m.query(
        `select ${SUBSCRIPTION_COLUMNS}, count(*) over () as total ${SUBSCRIPTION_FROM}
          where s.coop_id = $1 and ${SCOPE_CONDITION}
          order by s.created_at desc, s.id limit $3 offset $4`,
        [coopId, clientOf(scope), limit, offset],
      ),
    );
    let total = Number(rows[0]?.total ?? 0);
    if (rows.length === 0 && offset > 0) {
      const counted: Array<{ n: number }> = await this.db.read((m) =>
        m.query(`select count(*)::int as n from webhook_subscriptions s where s.coop_id = $1 and ${SCOPE_CONDITION}`, [
          coopId,
          clientOf(scope),
        ]),
      );
      total = counted[0]?.n ?? 0;
    }
    return { items: rows.map(toView), total };
  }

  async get(coopId: string, scope: WebhookScope, id: string): Promise<WebhookSubscriptionView> {
    const rows: SubscriptionRow[] = await this.db.read((m) =>
      m.query(
        `select ${SUBSCRIPTION_COLUMNS} ${SUBSCRIPTION_FROM} where s.coop_id = $1 and ${SCOPE_CONDITION} and s.id = $3`,
        [coopId, clientOf(scope), id],
      ),
    );
    return toView(rows[0] ?? notFound());
  }

  /** A new subscription of the scope's owner; the answer carries the secret, this once. */
  async create(
    coopId: string,
    scope: WebhookScope,
    request: CreateWebhookSubscriptionRequest,
    flavour: WebhookFlavour = 'native',
  ): Promise<WebhookSubscriptionWithSecret> {
    const target = await requireWebhookTarget(request.url, this.config.webhooksAllowPrivateTargets, this.resolver);
    const secret = newWebhookSecret();
    const id = await this.db.unitOfWork(async (tx) => {
      // one count at a time per coop: concurrent creates cannot pass the limit together
      await tx.query('select id from coops where id = $1 for update', [coopId]);
      const [{ n }] = (await tx.query<{ n: number }>(
        'select count(*)::int as n from webhook_subscriptions where coop_id = $1',
        [coopId],
      )) as [{ n: number }];
      if (n >= MAX_WEBHOOK_SUBSCRIPTIONS_PER_COOP) {
        throw ApiException.conflict(
          'WEBHOOK_LIMIT_REACHED',
          `The cooperative has ${MAX_WEBHOOK_SUBSCRIPTIONS_PER_COOP} webhook subscriptions already: delete one first`,
        );
      }
      const inserted = await tx.manager.insert(WebhookSubscription, {
        coopId,
        clientId: clientOf(scope),
        url: target.url.href,
        events: [...request.events],
        flavour,
        secretEncrypted: encryptSecret(this.config.webhookSecretKey, secret),
        secretHint: secretHint(secret),
      });
      const created = (inserted.identifiers[0] as Pick<WebhookSubscription, 'id'>).id;
      await this.audit(tx, 'ordering.webhook_subscribed', created, { url: target.url.href, events: request.events });
      return created;
    });
    return { ...(await this.get(coopId, scope, id)), secret };
  }

  async update(
    coopId: string,
    scope: WebhookScope,
    id: string,
    request: UpdateWebhookSubscriptionRequest,
  ): Promise<WebhookSubscriptionView> {
    const url =
      request.url === undefined
        ? undefined
        : (await requireWebhookTarget(request.url, this.config.webhooksAllowPrivateTargets, this.resolver)).url.href;
    await this.db.unitOfWork(async (tx) => {
      const current = await this.lock(tx, coopId, scope, id);
      const patch: Partial<WebhookSubscription> = { updatedAt: new Date() };
      if (url !== undefined) patch.url = url;
      if (request.events !== undefined) patch.events = [...request.events];
      if (request.enabled === false) Object.assign(patch, { state: 'disabled', failingSince: null });
      if (request.enabled === true && current.state !== 'active')
        Object.assign(patch, { state: 'active', failingSince: null });
      await tx.manager.update(WebhookSubscription, { coopId, id }, patch);
      await this.audit(tx, 'ordering.webhook_updated', id, { ...request });
    });
    return this.get(coopId, scope, id);
  }

  /** A new secret (shown once); the previous one keeps signing too for `overlapMinutes`. */
  async rotate(
    coopId: string,
    scope: WebhookScope,
    id: string,
    overlapMinutes = 0,
  ): Promise<WebhookSubscriptionWithSecret> {
    const secret = newWebhookSecret();
    await this.db.unitOfWork(async (tx) => {
      const current = await this.lock(tx, coopId, scope, id);
      await tx.manager.update(
        WebhookSubscription,
        { coopId, id },
        {
          secretEncrypted: encryptSecret(this.config.webhookSecretKey, secret),
          secretHint: secretHint(secret),
          previousSecretEncrypted: overlapMinutes > 0 ? current.secretEncrypted : null,
          previousSecretUntil: overlapMinutes > 0 ? new Date(Date.now() + overlapMinutes * 60_000) : null,
          updatedAt: new Date(),
        },
      );
      await this.audit(tx, 'ordering.webhook_secret_rotated', id, { overlapMinutes });
    });
    return { ...(await this.get(coopId, scope, id)), secret };
  }

  /** Deletes the subscription and its log. */
  async remove(coopId: string, scope: WebhookScope, id: string): Promise<void> {
    await this.db.unitOfWork(async (tx) => {
      await this.lock(tx, coopId, scope, id);
      await tx.manager.delete(WebhookSubscription, { coopId, id });
      await this.audit(tx, 'ordering.webhook_deleted', id, {});
    });
  }

  /** The subscription's log, newest first, each delivery with its attempts; one statement. */
  async deliveries(
    coopId: string,
    scope: WebhookScope,
    subscriptionId: string,
    limit: number,
    offset: number,
  ): Promise<Page<WebhookDeliveryView>> {
    const [exists, rows] = await Promise.all([
      this.db.read((m) =>
        m.query(`select 1 from webhook_subscriptions s where s.coop_id = $1 and ${SCOPE_CONDITION} and s.id = $3`, [
          coopId,
          clientOf(scope),
          subscriptionId,
        ]),
      ) as Promise<unknown[]>,
      this.db.read((m) =>
        m.query(
          `select d.id, d.event, d.delivery_id, d.state, d.attempts, d.last_status_code, d.last_duration_ms,
                  d.last_error, d.next_attempt_at, d.request_body, d.created_at,
                  coalesce((select json_agg(json_build_object(
                              'attempt', a.attempt, 'at', a.at, 'statusCode', a.status_code,
                              'durationMs', a.duration_ms, 'error', a.error,
                              'responseExcerpt', a.response_excerpt, 'replay', a.replay) order by a.attempt)
                              from webhook_attempts a
                             where a.coop_id = d.coop_id and a.webhook_delivery_id = d.id), '[]') as history,
                  count(*) over () as total
             from webhook_deliveries d
             join webhook_subscriptions s on s.coop_id = d.coop_id and s.id = d.subscription_id
            where d.coop_id = $1 and ${SCOPE_CONDITION} and d.subscription_id = $3
            order by d.created_at desc, d.id desc
            limit $4 offset $5`,
          [coopId, clientOf(scope), subscriptionId, limit, offset],
        ),
      ) as Promise<DeliveryRow[]>,
    ]);
    if (exists.length === 0) notFound();
    let total = Number(rows[0]?.total ?? 0);
    if (rows.length === 0 && offset > 0) {
      const counted: Array<{ n: number }> = await this.db.read((m) =>
        m.query('select count(*)::int as n from webhook_deliveries where coop_id = $1 and subscription_id = $2', [
          coopId,
          subscriptionId,
        ]),
      );
      total = counted[0]?.n ?? 0;
    }
    return {
      items: rows.map((r) => ({
        id: r.id,
        event: r.event,
        deliveryId: r.delivery_id,
        state: r.state,
        attempts: r.attempts,
        lastStatusCode: r.last_status_code,
        lastDurationMs: r.last_duration_ms,
        lastError: r.last_error,
        nextAttemptAt: iso(r.next_attempt_at),
        requestBody: r.request_body,
        createdAt: r.created_at.toISOString(),
        history: r.history.map((a) => ({ ...a, at: new Date(a.at).toISOString() })),
      })),
      total,
    };
  }

  /** Sends the delivery again now as a new attempt (queued: the worker makes the call). */
  async replay(coopId: string, scope: WebhookScope, subscriptionId: string, webhookDeliveryId: string): Promise<void> {
    await this.db.unitOfWork(async (tx) => {
      const subscription = await this.lock(tx, coopId, scope, subscriptionId);
      if (subscription.state === 'disabled') {
        throw ApiException.conflict(
          'WEBHOOK_SUBSCRIPTION_DISABLED',
          'This subscription is disabled: enable it before replaying its deliveries',
        );
      }
      const found = await tx.manager.existsBy(WebhookDelivery, { coopId, subscriptionId, id: webhookDeliveryId });
      if (!found) throw ApiException.notFound('Webhook delivery');
      await writeOutbox(tx, WEBHOOK_REPLAY_JOB, { webhookDeliveryId });
    });
  }

  /** The subscription, locked, if the scope reaches it (else 404). */
  private async lock(tx: Tx, coopId: string, scope: WebhookScope, id: string): Promise<WebhookSubscription> {
    const query = tx.manager
      .getRepository(WebhookSubscription)
      .createQueryBuilder('s')
      .setLock('pessimistic_write')
      .where('s.coopId = :coopId and s.id = :id', { coopId, id });
    if (scope.kind === 'partner') query.andWhere('s.clientId = :clientId', { clientId: scope.clientId });
    return (await query.getOne()) ?? notFound();
  }

  private audit(tx: Tx, action: string, subjectId: string, data: Record<string, unknown>): Promise<string> {
    return writeOutbox(tx, AUDIT_RECORD_JOB, { action, subjectType: 'webhook_subscription', subjectId, data });
  }
}
