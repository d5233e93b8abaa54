import type { AppConfig } from '@federacycle/platform-config';
import { AccessTokenService } from './access-token.service';

const config = {
  jwtSecret: 'unit-test-secret-unit-test-secret-0123456789',
  jwtIssuer: 'federacycle',
  jwtAudience: 'federacycle-api',
  accessTokenTtlSeconds: 900,
} as AppConfig;
const user = '11111111-1111-4111-8111-111111111111';
const session = '22222222-2222-4222-8222-222222222222';
const coop = '33333333-3333-4333-8333-333333333333';

function decode(part: string | undefined): Record<string, unknown> {
  return JSON.parse(Buffer.from(part ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
}

describe('AccessTokenService', () => {
  const service = new AccessTokenService(config);

  it('signs HS256 tokens with the pinned issuer, audience and lifetime (verification: AccessTokenStrategy)', () => {
    const [header, payload] = service
      .sign({ sub: user, sid: session, coop, roles: ['coop_admin'], plat: [] })
      .split('.');
    expect(decode(header)).toEqual({ alg: 'HS256', typ: 'JWT' });
    const claims = decode(payload);
    expect(claims).toMatchObject({
      sub: user,
      sid: session,
      coop,
      roles: ['coop_admin'],
      plat: [],
      typ: 'access',
      iss: 'federacycle',
      aud: 'federacycle-api',
    });
    expect(Number(claims['exp']) - Number(claims['iat'])).toBe(900);
  });

  it('keeps its secret as a KeyObject (a string key costs a failed public-key parse per verification)', () => {
    expect(service.key.type).toBe('secret');
    expect(service.key.export().toString('utf8')).toBe(config.jwtSecret);
  });
});
