import { randomBytes } from 'node:crypto';
import { PARTNER_SCOPES, type PartnerScope } from '@federacycle/contracts';
import { hashToken } from '@federacycle/platform-http';

/**
 * Partner credentials, pure. An API key is `fcp_live_<8 hex>_<43 base64url>`: the first part is
 * its public prefix (shown in lists, logs and the console), the rest 256 random bits. An OAuth2
 * client has a public key `fco_<22 base64url>` (128 bits) and a secret `fcs_<43 base64url>`
 * (256 bits). The database keeps the SHA-256 of a key or secret, never the value: the secrets are
 * random and long, so a fast hash is enough (nothing to brute-force), and it costs a call nothing.
 */
export const API_KEY_PATTERN = /^(fcp_live_[0-9a-f]{8})_[A-Za-z0-9_-]{43}$/;
export const OAUTH_CLIENT_KEY_PATTERN = /^fco_[A-Za-z0-9_-]{22}$/;
export const OAUTH_SECRET_PATTERN = /^fcs_[A-Za-z0-9_-]{43}$/;

export interface NewApiKey {
  /** the whole key: shown once, never stored */
  key: string;
  prefix: string;
  hash: string;
}

export interface NewOAuthSecret {
  secret: string;
  hash: string;
}

/** A new random API key. */
export function newApiKey(): NewApiKey {
  return apiKeyOf(randomBytes(4).toString('hex'), randomBytes(32).toString('base64url'));
}

/** The key made of these parts (the seed's fixed demo key; tests). */
export function apiKeyOf(prefixHex: string, secret: string): NewApiKey {
  const key = `fcp_live_${prefixHex}_${secret}`;
  const match = API_KEY_PATTERN.exec(key);
  if (!match) throw new Error('an API key is fcp_live_ + 8 hex + _ + 43 base64url characters');
  return { key, prefix: match[1] as string, hash: hashToken(key) };
}

/** The prefix of a well-formed key, or null. */
export function apiKeyPrefix(key: string): string | null {
  return API_KEY_PATTERN.exec(key)?.[1] ?? null;
}

export function newOAuthClientKey(): string {
  return `fco_${randomBytes(16).toString('base64url')}`;
}

export function newOAuthSecret(): NewOAuthSecret {
  return oauthSecretOf(randomBytes(32).toString('base64url'));
}

/** The secret `fcs_<body>` (the seed's fixed demo secret; tests). */
export function oauthSecretOf(body: string): NewOAuthSecret {
  const secret = `fcs_${body}`;
  if (!OAUTH_SECRET_PATTERN.test(secret)) throw new Error('an OAuth2 secret is fcs_ + 43 base64url characters');
  return { secret, hash: hashToken(secret) };
}

/**
 * The scopes an OAuth2 token request gets: the space-separated `scope` parameter, each one a
 * scope the client holds (`deliveries:read` is granted by `deliveries`); absent or empty: every
 * scope of the client. Null when it asks for anything the client does not hold (invalid_scope).
 */
export function grantedScopes(
  requested: string | undefined,
  clientScopes: readonly PartnerScope[],
): PartnerScope[] | null {
  const asked = (requested ?? '').split(' ').filter((s) => s !== '');
  if (asked.length === 0) return [...clientScopes];
  const granted: PartnerScope[] = [];
  for (const scope of asked) {
    if (!(PARTNER_SCOPES as readonly string[]).includes(scope)) return null;
    const known = scope as PartnerScope;
    const held = clientScopes.includes(known) || (known === 'deliveries:read' && clientScopes.includes('deliveries'));
    if (!held) return null;
    if (!granted.includes(known)) granted.push(known);
  }
  return granted;
}

/** HTTP Basic `client_id:client_secret` (RFC 6749 2.3.1: each form-urlencoded), or null. */
export function basicCredentials(authorization: string | undefined): { id: string; secret: string } | null {
  const match = /^Basic ([A-Za-z0-9+/=]+)$/i.exec(authorization ?? '');
  if (!match) return null;
  const decoded = Buffer.from(match[1] as string, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return null;
  try {
    return {
      id: decodeURIComponent(decoded.slice(0, colon).replace(/\+/g, ' ')),
      secret: decodeURIComponent(decoded.slice(colon + 1).replace(/\+/g, ' ')),
    };
  } catch {
    return null;
  }
}
