import { Inject, Injectable, Logger } from '@nestjs/common';
import type IORedis from 'ioredis';
import type { PartnerPrincipal } from '@federacycle/contracts';
import { APP_CONFIG, type AppConfig } from '@federacycle/platform-config';
import { Database, pgErrorCode, type Coop, type Precondition } from '@federacycle/platform-database';
import { ApiException, hashToken } from '@federacycle/platform-http';
import { REDIS } from '@federacycle/platform-queue';
import type { PartnerApiKey } from '../credentials/partner-api-key.entity';
import type { PartnerOAuthCredential } from '../credentials/partner-oauth-credential.entity';
import type { PartnerClient } from '../partner-client.entity';

/**
 * A live credential as the security-definer lookups answer it (migration 0061): a join of a
 * credential, its client and its coop, typed from their entities.
 */
type CredentialRow = {
  coop_id: PartnerClient['coopId'];
  coop_slug: Coop['slug'];
  client_id: PartnerClient['id'];
  client_name: PartnerClient['name'];
  merchant_id: PartnerClient['merchantId'];
  scopes: PartnerClient['scopes'];
  rate_limit_per_minute: PartnerClient['rateLimitPerMinute'];
  credential_id: PartnerApiKey['id'] | PartnerOAuthCredential['id'];
};

/** A credential found live: who it speaks for and its client's rate limit. */
export interface LiveCredential {
  partner: PartnerPrincipal;
  rateLimit: number;
}

/** Seconds of a rate-limit window, and the most often `last_used_at` is written per credential. */
export const PARTNER_RATE_WINDOW_SECONDS = 60;

// One call: count it in the client's window (the window starts at its first call and lasts a
// minute: INCR, then PEXPIRE on the first), and claim the credential's "used" mark for a minute
// (SET NX): [count, ms left in the window, 1 when last_used_at is due].
const ADMIT = `
local n = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
local touch = 0
if redis.call('SET', KEYS[2], '1', 'NX', 'PX', ARGV[1]) then touch = 1 end
return {n, ttl, touch}
`;

/**
 * The partner strategies' shared work: finding a credential before its coop is known (the
 * security-definer lookups: the key or secret is hashed, never sent), the per-call liveness
 * check of a partner token, and admitting a call: the client's rate limit (Redis, fixed window
 * per client per minute; over it 429 RATE_LIMITED with Retry-After), `last_used_at` at most once
 * a minute per credential, and one log line per call with the client and credential ids.
 */
@Injectable()
export class PartnerAuthService {
  private readonly logger = new Logger('PartnerApi');
  private readonly prefix: string;

  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(REDIS) private readonly redis: IORedis,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    // under the throttle prefix: tests reset it with the other counters
    this.prefix = `${config.queuePrefix}:throttle:partner:`;
  }

  /** The live API key `key` (already checked for its shape), or null. */
  async apiKey(key: string): Promise<LiveCredential | null> {
    const rows = await this.db.readPlatform((m) =>
      m.query('select * from partner_api_key_lookup($1)', [hashToken(key)]),
    );
    return single(rows as CredentialRow[]);
  }

  /** The live OAuth2 credential of this client key and secret, or null. */
  async oauthClient(clientKey: string, secret: string): Promise<LiveCredential | null> {
    const rows = await this.db.readPlatform((m) =>
      m.query('select * from partner_oauth_lookup($1, $2)', [clientKey, hashToken(secret)]),
    );
    return single(rows as CredentialRow[]);
  }

  /** The statement proving a partner token's credential and client are still live (FCPAR when not). */
  tokenCheck(partner: PartnerPrincipal): Precondition {
    return {
      sql: 'select assert_partner_credential($1, $2, $3)',
      params: [partner.coopId, partner.clientId, partner.credentialId],
      translate: (error) =>
        pgErrorCode(error) === 'FCPAR'
          ? new ApiException(401, 'PARTNER_CREDENTIALS_INVALID', 'This partner credential has been revoked')
          : (error as Error),
      passed: false,
    };
  }

  /** Counts one call of the client: 429 RATE_LIMITED with Retry-After once over its limit. */
  async admit(credential: LiveCredential, method: string, path: string): Promise<void> {
    const { partner, rateLimit } = credential;
    const [count, ttl, touch] = (await this.redis.eval(
      ADMIT,
      2,
      `${this.prefix}rate:${partner.clientId}`,
      `${this.prefix}used:${partner.credentialId}`,
      String(PARTNER_RATE_WINDOW_SECONDS * 1000),
    )) as [number, number, number];
    const call = { partnerClientId: partner.clientId, credentialId: partner.credentialId, method, path };
    if (count > rateLimit) {
      const retryAfter = Math.max(1, Math.ceil(ttl / 1000));
      this.logger.warn({ ...call, rateLimit }, 'partner call refused: rate limit');
      throw new ApiException(
        429,
        'RATE_LIMITED',
        `This client may make ${rateLimit} calls a minute; try again in ${retryAfter} seconds`,
        undefined,
        { 'Retry-After': String(retryAfter) },
      );
    }
    this.logger.log(call, 'partner call');
    if (touch === 1) {
      await this.db
        .platform((tx) => tx.execute('select partner_credential_used($1, $2)', [partner.coopId, partner.credentialId]))
        .catch((error: unknown) => this.logger.warn({ ...call, error: String(error) }, 'last_used_at not written'));
    }
  }
}

function single(rows: CredentialRow[]): LiveCredential | null {
  // 256-bit secrets do not collide; two rows would mean something is wrong: refuse
  if (rows.length !== 1) return null;
  const row = rows[0] as CredentialRow;
  return {
    partner: {
      kind: 'partner',
      coopId: row.coop_id,
      coopSlug: row.coop_slug,
      clientId: row.client_id,
      clientName: row.client_name,
      merchantId: row.merchant_id,
      scopes: row.scopes,
      credentialId: row.credential_id,
    },
    rateLimit: row.rate_limit_per_minute,
  };
}
