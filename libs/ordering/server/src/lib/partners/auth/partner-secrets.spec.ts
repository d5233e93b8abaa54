import { partnerScopeAllows } from '@federacycle/contracts';
import { hashToken } from '@federacycle/platform-http';
import {
  API_KEY_PATTERN,
  OAUTH_CLIENT_KEY_PATTERN,
  OAUTH_SECRET_PATTERN,
  apiKeyOf,
  apiKeyPrefix,
  basicCredentials,
  grantedScopes,
  newApiKey,
  newOAuthClientKey,
  newOAuthSecret,
  oauthSecretOf,
} from './partner-secrets';
import { partnerClaimsOf } from './partner-tokens.service';

describe('partner secrets', () => {
  it('makes API keys with a visible prefix and keeps only their SHA-256', () => {
    const a = newApiKey();
    const b = newApiKey();
    expect(a.key).toMatch(API_KEY_PATTERN);
    expect(a.key.startsWith(`${a.prefix}_`)).toBe(true);
    expect(a.prefix).toMatch(/^fcp_live_[0-9a-f]{8}$/);
    expect(a.hash).toBe(hashToken(a.key));
    expect(a.key).not.toBe(b.key);
    expect(apiKeyPrefix(a.key)).toBe(a.prefix);
    expect(apiKeyPrefix('fcp_live_xyz')).toBeNull();
    expect(apiKeyOf('0123abcd', 'A'.repeat(43)).key).toBe(`fcp_live_0123abcd_${'A'.repeat(43)}`);
    expect(() => apiKeyOf('nothex!!', 'A'.repeat(43))).toThrow();
    expect(() => apiKeyOf('0123abcd', 'short')).toThrow();
  });

  it('makes OAuth2 client keys and secrets of the documented shapes', () => {
    expect(newOAuthClientKey()).toMatch(OAUTH_CLIENT_KEY_PATTERN);
    const secret = newOAuthSecret();
    expect(secret.secret).toMatch(OAUTH_SECRET_PATTERN);
    expect(secret.hash).toBe(hashToken(secret.secret));
    expect(() => oauthSecretOf('x')).toThrow();
  });

  it('grants the scopes asked for within the client’s, deliveries implying deliveries:read', () => {
    expect(grantedScopes(undefined, ['deliveries', 'webhooks'])).toEqual(['deliveries', 'webhooks']);
    expect(grantedScopes('', ['deliveries'])).toEqual(['deliveries']);
    expect(grantedScopes('deliveries', ['deliveries', 'webhooks'])).toEqual(['deliveries']);
    expect(grantedScopes('deliveries:read', ['deliveries'])).toEqual(['deliveries:read']);
    expect(grantedScopes('deliveries  deliveries webhooks', ['deliveries', 'webhooks'])).toEqual([
      'deliveries',
      'webhooks',
    ]);
    expect(grantedScopes('deliveries', ['deliveries:read'])).toBeNull();
    expect(grantedScopes('webhooks', ['deliveries'])).toBeNull();
    expect(grantedScopes('admin', ['deliveries'])).toBeNull();
    expect(grantedScopes('constructor', ['deliveries'])).toBeNull();
  });

  it('checks a route’s scope against a credential’s', () => {
    expect(partnerScopeAllows(['deliveries'], 'deliveries:read')).toBe(true);
    expect(partnerScopeAllows(['deliveries'], 'deliveries')).toBe(true);
    expect(partnerScopeAllows(['deliveries:read'], 'deliveries')).toBe(false);
    expect(partnerScopeAllows(['webhooks'], 'deliveries:read')).toBe(false);
    expect(partnerScopeAllows(['webhooks'], 'any')).toBe(true);
  });

  it('reads HTTP Basic client credentials (form-encoded parts), or nothing', () => {
    const basic = (text: string) => `Basic ${Buffer.from(text).toString('base64')}`;
    expect(basicCredentials(basic('fco_key:fcs_secret'))).toEqual({ id: 'fco_key', secret: 'fcs_secret' });
    expect(basicCredentials(basic('a%3Ab:c:d'))).toEqual({ id: 'a:b', secret: 'c:d' });
    expect(basicCredentials(basic('no-colon'))).toBeNull();
    expect(basicCredentials(basic('%E0%A4%A:x'))).toBeNull();
    expect(basicCredentials('Bearer abc')).toBeNull();
    expect(basicCredentials(undefined)).toBeNull();
  });
});

describe('partnerClaimsOf', () => {
  const id = (n: number) => `${String(n).repeat(8)}-1111-4111-8111-111111111111`;
  const good = {
    sub: id(1),
    coop: id(2),
    slug: 'lyon',
    cred: id(3),
    name: 'Shop',
    mid: null,
    scope: 'deliveries webhooks',
    rl: 120,
    typ: 'partner',
  };

  it('builds the principal from a partner token’s claims', () => {
    expect(partnerClaimsOf(good)).toEqual({
      partner: {
        kind: 'partner',
        coopId: id(2),
        coopSlug: 'lyon',
        clientId: id(1),
        clientName: 'Shop',
        merchantId: null,
        scopes: ['deliveries', 'webhooks'],
        credentialId: id(3),
      },
      rateLimit: 120,
    });
  });

  it.each([
    ['a person’s access token', { ...good, typ: 'access' }],
    ['no credential id', { ...good, cred: undefined }],
    ['a client id that is not a uuid', { ...good, sub: 'shop' }],
    ['an unknown scope', { ...good, scope: 'deliveries admin' }],
    ['a merchant that is not a uuid', { ...good, mid: 'store-1' }],
    ['no rate limit', { ...good, rl: undefined }],
    ['a rate limit of 0', { ...good, rl: 0 }],
    ['not an object', 'x'],
  ])('refuses %s', (_name, payload) => {
    expect(partnerClaimsOf(payload)).toBeNull();
  });
});
