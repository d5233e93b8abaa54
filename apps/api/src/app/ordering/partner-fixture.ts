import { generateKeyPairSync, randomBytes } from 'node:crypto';
import type { Client } from 'pg';
import type { PartnerScope } from '@federacycle/contracts';
import { newApiKey, newOAuthClientKey, newOAuthSecret } from '@federacycle/ordering-server';

/** A partner client written as superuser, with one API key and one OAuth2 credential. */
export interface PartnerCredentials {
  coopId: string;
  clientId: string;
  name: string;
  /** `fcp_live_…`: send as `Authorization: Bearer <apiKey>` or `X-Api-Key` */
  apiKey: string;
  apiKeyId: string;
  /** OAuth2 client credentials (`POST /api/partner/oauth2/token`) */
  oauthKey: string;
  oauthSecret: string;
  oauthCredentialId: string;
}

export interface PartnerOptions {
  scopes?: PartnerScope[];
  merchantId?: string | null;
  name?: string;
  rateLimitPerMinute?: number;
}

/** Anything with a superuser client: the harnesses of the API's integration specs. */
type WithSu = { su: Client };

/**
 * Registers a partner client of `coopId` with an API key and OAuth2 client credentials (as
 * superuser, like the other domains' fixtures: no coop admin needed). Specs of partner routes
 * call the API with the answer. The coop also needs the `partner_api` capability:
 * `licenseCoop(h.su, coopId)`.
 */
export async function createPartner(
  h: WithSu,
  coopId: string,
  options: PartnerOptions = {},
): Promise<PartnerCredentials> {
  const name = options.name ?? `Partner ${randomBytes(4).toString('hex')}`;
  const client = await h.su.query<{ id: string }>(
    `insert into partner_clients (coop_id, name, kind, merchant_id, scopes, rate_limit_per_minute)
     values ($1, $2, $3, $4, $5, $6) returning id`,
    [
      coopId,
      name,
      options.merchantId ? 'shop' : 'site',
      options.merchantId ?? null,
      options.scopes ?? ['deliveries', 'webhooks'],
      options.rateLimitPerMinute ?? 1000,
    ],
  );
  const clientId = client.rows[0]?.id as string;
  const key = newApiKey();
  const keyRow = await h.su.query<{ id: string }>(
    'insert into partner_api_keys (coop_id, client_id, prefix, key_hash) values ($1, $2, $3, $4) returning id',
    [coopId, clientId, key.prefix, key.hash],
  );
  const oauthKey = newOAuthClientKey();
  const secret = newOAuthSecret();
  const oauthRow = await h.su.query<{ id: string }>(
    'insert into partner_oauth_credentials (coop_id, client_id, client_key, secret_hash) values ($1, $2, $3, $4) returning id',
    [coopId, clientId, oauthKey, secret.hash],
  );
  return {
    coopId,
    clientId,
    name,
    apiKey: key.key,
    apiKeyId: keyRow.rows[0]?.id as string,
    oauthKey,
    oauthSecret: secret.secret,
    oauthCredentialId: oauthRow.rows[0]?.id as string,
  };
}

/** Gives a coop a licence valid for a year (the `partner_api` capability), as superuser. */
export async function licenseCoop(su: Client, coopId: string): Promise<void> {
  // the licence names a signing key: a public key of no use to anyone else (the guard reads rows, not the JWS)
  const { publicKey } = generateKeyPairSync('ed25519');
  await su.query('insert into licence_signing_keys (kid, public_jwk) values ($1, $2) on conflict (kid) do nothing', [
    'partner-fixture',
    JSON.stringify({ ...publicKey.export({ format: 'jwk' }), kid: 'partner-fixture' }),
  ]);
  await su.query(
    `insert into licences (id, licensed_coop_id, kid, token, issued_at, expires_at)
     select gen_random_uuid(), $1, 'partner-fixture', 'x.y.z', now() - interval '1 day', now() + interval '365 days'
      where not exists (select 1 from licences where licensed_coop_id = $1 and revoked_at is null and expires_at > now())`,
    [coopId],
  );
}
