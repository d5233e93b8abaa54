import { Inject, Injectable } from '@nestjs/common';
import { Database, PgErrorCode, pgErrorCode, type Tx } from '@federacycle/platform-database';
import { ApiException } from '@federacycle/platform-http';
import { AUDIT_RECORD_JOB, writeOutbox } from '@federacycle/platform-queue';
import type { CreatePartnerClientRequest } from '@federacycle/contracts';
import type { PartnerClientPage, PartnerClientView } from './partner-clients.dto';
import { PartnerClient } from './partner-client.entity';

/** What the list reads beside the client: its credentials' state (never a secret). */
export interface PartnerCredentialSummary {
  lastUsedAt: Date | null;
  apiKeyPrefixes: string[];
  oauthClientKey: string | null;
}

const NO_CREDENTIALS: PartnerCredentialSummary = { lastUsedAt: null, apiKeyPrefixes: [], oauthClientKey: null };

export function toPartnerClientView(
  client: PartnerClient,
  credentials: PartnerCredentialSummary = NO_CREDENTIALS,
): PartnerClientView {
  return {
    lastUsedAt: credentials.lastUsedAt?.toISOString() ?? null,
    apiKeyPrefixes: credentials.apiKeyPrefixes,
    oauthClientKey: credentials.oauthClientKey,
    id: client.id,
    name: client.name,
    kind: client.kind,
    merchantId: client.merchantId,
    scopes: client.scopes,
    rateLimitPerMinute: client.rateLimitPerMinute,
    createdAt: client.createdAt.toISOString(),
    revokedAt: client.revokedAt?.toISOString() ?? null,
  };
}

/** Database refusals of a client write, as the API answers them (never a 500). */
function translateWriteError(error: unknown, name: string): never {
  const code = pgErrorCode(error);
  if (code === PgErrorCode.UNIQUE_VIOLATION) {
    throw ApiException.conflict(
      'PARTNER_CLIENT_NAME_TAKEN',
      `A partner client named “${name}” exists already: choose another name`,
    );
  }
  if (code === PgErrorCode.FOREIGN_KEY_VIOLATION) {
    throw new ApiException(400, 'UNKNOWN_MERCHANT', 'This merchant is not one of the cooperative’s merchants', [
      { field: 'merchantId', code: 'UNKNOWN_MERCHANT', message: 'not a merchant of this cooperative' },
    ]);
  }
  throw error;
}

/** The coop's partner clients: reads on the one-round-trip path, writes in the caller's transaction. */
@Injectable()
export class PartnerClientsService {
  constructor(@Inject(Database) private readonly db: Database) {}

  /** One page and the total: one statement (a window count), so one round trip. */
  async list(coopId: string, limit: number, offset: number): Promise<PartnerClientPage> {
    const { entities, raw } = await this.db.read((manager) =>
      manager
        .getRepository(PartnerClient)
        .createQueryBuilder('c')
        .addSelect('count(*) over ()', 'total')
        .addSelect(
          `greatest(
             (select max(k.last_used_at) from partner_api_keys k where k.coop_id = c.coop_id and k.client_id = c.id),
             (select max(o.last_used_at) from partner_oauth_credentials o where o.coop_id = c.coop_id and o.client_id = c.id))`,
          'last_used_at',
        )
        .addSelect(
          `array(select k.prefix from partner_api_keys k
                  where k.coop_id = c.coop_id and k.client_id = c.id and k.revoked_at is null order by k.created_at)`,
          'api_key_prefixes',
        )
        .addSelect(
          `(select o.client_key from partner_oauth_credentials o
             where o.coop_id = c.coop_id and o.client_id = c.id and o.revoked_at is null)`,
          'oauth_client_key',
        )
        .where('c.coopId = :coopId', { coopId })
        .orderBy('c.revokedAt', 'DESC', 'NULLS FIRST')
        .addOrderBy('c.name')
        .addOrderBy('c.id')
        .limit(limit)
        .offset(offset)
        .getRawAndEntities<{
          total: string;
          last_used_at: Date | null;
          api_key_prefixes: string[];
          oauth_client_key: string | null;
        }>(),
    );
    if (entities.length > 0 || offset === 0) {
      const items = entities.map((client, i) =>
        toPartnerClientView(client, {
          lastUsedAt: raw[i]?.last_used_at ?? null,
          apiKeyPrefixes: raw[i]?.api_key_prefixes ?? [],
          oauthClientKey: raw[i]?.oauth_client_key ?? null,
        }),
      );
      return { items, total: Number(raw[0]?.total ?? 0) };
    }
    return { items: [], total: await this.db.read((manager) => manager.countBy(PartnerClient, { coopId })) };
  }

  async create(coopId: string, request: CreatePartnerClientRequest): Promise<PartnerClientView> {
    try {
      return await this.db.unitOfWork((tx) => this.createIn(tx, coopId, request));
    } catch (error) {
      translateWriteError(error, request.name);
    }
  }

  /** For other domains' use cases (the seed): writes in the caller's transaction. */
  async createIn(tx: Tx, coopId: string, request: CreatePartnerClientRequest): Promise<PartnerClientView> {
    const inserted = await tx.manager.insert(PartnerClient, {
      coopId,
      name: request.name.trim(),
      kind: request.kind,
      merchantId: request.merchantId ?? null,
      scopes: request.scopes,
      ...(request.rateLimitPerMinute === undefined ? {} : { rateLimitPerMinute: request.rateLimitPerMinute }),
    });
    const { id } = inserted.identifiers[0] as Pick<PartnerClient, 'id'>;
    await writeOutbox(tx, AUDIT_RECORD_JOB, {
      action: 'ordering.partner_client_created',
      subjectType: 'partner_client',
      subjectId: id,
      data: { name: request.name, kind: request.kind, scopes: request.scopes, merchantId: request.merchantId ?? null },
    });
    return toPartnerClientView(await tx.manager.findOneByOrFail(PartnerClient, { coopId, id }));
  }
}
