import { Inject, Injectable } from '@nestjs/common';
import { IsNull } from 'typeorm';
import type {
  CreatedApiKey,
  CreatedOAuthSecret,
  PartnerApiKeyView,
  PartnerCredentialsView,
} from '@federacycle/contracts';
import { Database, type Tx } from '@federacycle/platform-database';
import { ApiException } from '@federacycle/platform-http';
import { AUDIT_RECORD_JOB, writeOutbox } from '@federacycle/platform-queue';
import {
  newApiKey,
  newOAuthClientKey,
  newOAuthSecret,
  type NewApiKey,
  type NewOAuthSecret,
} from '../auth/partner-secrets';
import { PartnerClient } from '../partner-client.entity';
import { PartnerApiKey } from './partner-api-key.entity';
import { PartnerOAuthCredential } from './partner-oauth-credential.entity';

function keyView(key: PartnerApiKey): PartnerApiKeyView {
  return {
    id: key.id,
    prefix: key.prefix,
    createdAt: key.createdAt.toISOString(),
    lastUsedAt: key.lastUsedAt?.toISOString() ?? null,
    revokedAt: key.revokedAt?.toISOString() ?? null,
  };
}

/** Fixed values for the demo seed: the key and secret it prints (random everywhere else). */
export interface FixedCredentials {
  apiKey: NewApiKey;
  oauthKey: string;
  oauthSecret: NewOAuthSecret;
}

/**
 * The coop admin's credential management of a partner client: API keys (created, rotated,
 * revoked; the key is in the answer once, only its prefix afterwards) and the OAuth2 client
 * secret (created or rotated, shown once; the client key stays). Revoking the client revokes
 * everything. Every change is audited through the outbox. A revoked client gets nothing new.
 */
@Injectable()
export class PartnerCredentialsService {
  constructor(@Inject(Database) private readonly db: Database) {}

  async view(coopId: string, clientId: string): Promise<PartnerCredentialsView> {
    return this.db.unitOfWork(async (tx) => {
      await this.client(tx, coopId, clientId, false);
      const keys = await tx.manager.find(PartnerApiKey, {
        where: { coopId, clientId },
        order: { createdAt: 'DESC', id: 'ASC' },
        take: 50,
      });
      const oauth = await tx.manager.findOneBy(PartnerOAuthCredential, { coopId, clientId, revokedAt: IsNull() });
      return {
        apiKeys: keys.map(keyView),
        oauth: oauth
          ? {
              clientKey: oauth.clientKey,
              createdAt: oauth.createdAt.toISOString(),
              lastUsedAt: oauth.lastUsedAt?.toISOString() ?? null,
            }
          : null,
      };
    });
  }

  createApiKey(coopId: string, clientId: string): Promise<CreatedApiKey> {
    return this.db.unitOfWork(async (tx) => {
      await this.client(tx, coopId, clientId, true);
      return this.insertKey(tx, coopId, clientId, newApiKey(), 'ordering.partner_api_key_created');
    });
  }

  /** A new key, then the old one revoked, in one transaction: no moment without a live key. */
  rotateApiKey(coopId: string, clientId: string, keyId: string): Promise<CreatedApiKey> {
    return this.db.unitOfWork(async (tx) => {
      await this.client(tx, coopId, clientId, true);
      const old = await this.liveKey(tx, coopId, clientId, keyId);
      const created = await this.insertKey(tx, coopId, clientId, newApiKey(), 'ordering.partner_api_key_created');
      await tx.manager.update(PartnerApiKey, { coopId, id: old.id }, { revokedAt: () => 'now()' });
      await this.audit(tx, 'ordering.partner_api_key_rotated', clientId, { from: old.prefix, to: created.prefix });
      return created;
    });
  }

  revokeApiKey(coopId: string, clientId: string, keyId: string): Promise<PartnerApiKeyView> {
    return this.db.unitOfWork(async (tx) => {
      await this.client(tx, coopId, clientId, false);
      const key = await this.liveKey(tx, coopId, clientId, keyId);
      await tx.manager.update(PartnerApiKey, { coopId, id: key.id }, { revokedAt: () => 'now()' });
      await this.audit(tx, 'ordering.partner_api_key_revoked', clientId, { prefix: key.prefix });
      return keyView(await tx.manager.findOneByOrFail(PartnerApiKey, { coopId, id: key.id }));
    });
  }

  /** Creates the client's OAuth2 credentials, or rotates the secret (same key; the old secret and its tokens die). */
  oauthSecret(coopId: string, clientId: string): Promise<CreatedOAuthSecret> {
    return this.db.unitOfWork(async (tx) => {
      await this.client(tx, coopId, clientId, true);
      return this.issueOAuth(tx, coopId, clientId, null);
    });
  }

  /** Revokes the client and every credential it has, at once. */
  revokeClient(coopId: string, clientId: string): Promise<void> {
    return this.db.unitOfWork(async (tx) => {
      const client = await this.client(tx, coopId, clientId, false);
      if (client.revokedAt) return;
      await tx.manager.update(PartnerClient, { coopId, id: clientId }, { revokedAt: () => 'now()' });
      await tx.manager.update(PartnerApiKey, { coopId, clientId, revokedAt: IsNull() }, { revokedAt: () => 'now()' });
      await tx.manager.update(
        PartnerOAuthCredential,
        { coopId, clientId, revokedAt: IsNull() },
        { revokedAt: () => 'now()' },
      );
      await this.audit(tx, 'ordering.partner_client_revoked', clientId, { name: client.name });
    });
  }

  /** The seed's fixed demo credentials, written in its transaction (once: the caller checks). */
  async issueFixedIn(tx: Tx, coopId: string, clientId: string, fixed: FixedCredentials): Promise<void> {
    await this.insertKey(tx, coopId, clientId, fixed.apiKey, 'ordering.partner_api_key_created');
    await this.issueOAuth(tx, coopId, clientId, { key: fixed.oauthKey, secret: fixed.oauthSecret });
  }

  private async issueOAuth(
    tx: Tx,
    coopId: string,
    clientId: string,
    fixed: { key: string; secret: NewOAuthSecret } | null,
  ): Promise<CreatedOAuthSecret> {
    // the live row, locked: two rotations at once end with one live secret (the unique index agrees)
    const [live] = await tx.query<{ id: string; client_key: string }>(
      `select id, client_key from partner_oauth_credentials
        where coop_id = $1 and client_id = $2 and revoked_at is null for update`,
      [coopId, clientId],
    );
    if (live) await tx.manager.update(PartnerOAuthCredential, { coopId, id: live.id }, { revokedAt: () => 'now()' });
    const clientKey = live?.client_key ?? fixed?.key ?? newOAuthClientKey();
    const secret = fixed?.secret ?? newOAuthSecret();
    const inserted = await tx.manager.insert(PartnerOAuthCredential, {
      coopId,
      clientId,
      clientKey,
      secretHash: secret.hash,
    });
    const { id } = inserted.identifiers[0] as Pick<PartnerOAuthCredential, 'id'>;
    await this.audit(tx, live ? 'ordering.partner_oauth_secret_rotated' : 'ordering.partner_oauth_created', clientId, {
      clientKey,
    });
    const row = await tx.manager.findOneByOrFail(PartnerOAuthCredential, { coopId, id });
    return { clientKey, clientSecret: secret.secret, createdAt: row.createdAt.toISOString() };
  }

  private async insertKey(
    tx: Tx,
    coopId: string,
    clientId: string,
    key: NewApiKey,
    action: string,
  ): Promise<CreatedApiKey> {
    const inserted = await tx.manager.insert(PartnerApiKey, {
      coopId,
      clientId,
      prefix: key.prefix,
      keyHash: key.hash,
    });
    const { id } = inserted.identifiers[0] as Pick<PartnerApiKey, 'id'>;
    await this.audit(tx, action, clientId, { prefix: key.prefix });
    const row = await tx.manager.findOneByOrFail(PartnerApiKey, { coopId, id });
    return { ...keyView(row), key: key.key };
  }

  private async client(tx: Tx, coopId: string, clientId: string, live: boolean): Promise<PartnerClient> {
    const client = await tx.manager.findOneBy(PartnerClient, { coopId, id: clientId });
    if (!client) throw ApiException.notFound('Partner client');
    if (live && client.revokedAt) {
      throw ApiException.conflict(
        'PARTNER_CLIENT_REVOKED',
        'This partner client has been revoked: it gets no new key or secret',
      );
    }
    return client;
  }

  private async liveKey(tx: Tx, coopId: string, clientId: string, keyId: string): Promise<PartnerApiKey> {
    const key = await tx.manager.findOneBy(PartnerApiKey, { coopId, clientId, id: keyId });
    if (!key) throw ApiException.notFound('API key');
    if (key.revokedAt) throw ApiException.conflict('ILLEGAL_TRANSITION', 'This API key is revoked already');
    return key;
  }

  private async audit(tx: Tx, action: string, clientId: string, data: Record<string, unknown>): Promise<void> {
    await writeOutbox(tx, AUDIT_RECORD_JOB, { action, subjectType: 'partner_client', subjectId: clientId, data });
  }
}
