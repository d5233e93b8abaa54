import { createHmac } from 'node:crypto';
import type { AppConfig } from '@federacycle/platform-config';
import { ApiException } from '@federacycle/platform-http';
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

function b64(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}
function forge(header: object, payload: object, secret = config.jwtSecret): string {
  const head = `${b64(header)}.${b64(payload)}`;
  return `${head}.${createHmac('sha256', secret).update(head).digest('base64url')}`;
}
function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    return error instanceof ApiException ? `${error.getStatus()} ${error.code}` : 'other';
  }
  return 'accepted';
}

describe('AccessTokenService', () => {
  const service = new AccessTokenService(config);
  const now = Math.floor(Date.now() / 1000);
  const good = {
    sub: user,
    sid: session,
    coop,
    roles: ['dispatcher'],
    plat: [],
    typ: 'access',
    iss: 'federacycle',
    aud: 'federacycle-api',
    iat: now,
    exp: now + 60,
  };

  it('round-trips its own tokens', () => {
    const claims = { sub: user, sid: session, coop, roles: ['coop_admin', 'courier'], plat: [] } as const;
    expect(service.verify(service.sign({ ...claims, roles: [...claims.roles], plat: [] }))).toEqual({
      ...claims,
      typ: 'access',
    });
    const federation = service.verify(
      service.sign({ sub: user, sid: session, coop: null, roles: [], plat: ['federation_admin'] }),
    );
    expect(federation).toMatchObject({ coop: null, roles: [], plat: ['federation_admin'] });
  });

  it.each([
    ['alg none', `${b64({ alg: 'none', typ: 'JWT' })}.${b64(good)}.`, '401 TOKEN_INVALID'],
    ['HS512', forge({ alg: 'HS512', typ: 'JWT' }, good), '401 TOKEN_INVALID'],
    [
      'wrong secret',
      forge({ alg: 'HS256', typ: 'JWT' }, good, 'another-secret-another-secret-0123456789'),
      '401 TOKEN_INVALID',
    ],
    ['wrong audience', forge({ alg: 'HS256', typ: 'JWT' }, { ...good, aud: 'someone-else' }), '401 TOKEN_INVALID'],
    ['wrong issuer', forge({ alg: 'HS256', typ: 'JWT' }, { ...good, iss: 'evil' }), '401 TOKEN_INVALID'],
    ['not an access token', forge({ alg: 'HS256', typ: 'JWT' }, { ...good, typ: 'refresh' }), '401 TOKEN_INVALID'],
    ['coop not a uuid', forge({ alg: 'HS256', typ: 'JWT' }, { ...good, coop: 'lyon' }), '401 TOKEN_INVALID'],
    ['no roles claim', forge({ alg: 'HS256', typ: 'JWT' }, { ...good, roles: undefined }), '401 TOKEN_INVALID'],
    ['an unknown role', forge({ alg: 'HS256', typ: 'JWT' }, { ...good, roles: ['root'] }), '401 TOKEN_INVALID'],
    ['roles not a list', forge({ alg: 'HS256', typ: 'JWT' }, { ...good, roles: 'coop_admin' }), '401 TOKEN_INVALID'],
    ['unknown platform role', forge({ alg: 'HS256', typ: 'JWT' }, { ...good, plat: ['god'] }), '401 TOKEN_INVALID'],
    ['expired', forge({ alg: 'HS256', typ: 'JWT' }, { ...good, iat: now - 1000, exp: now - 100 }), '401 TOKEN_EXPIRED'],
    ['garbage', 'not.a.jwt', '401 TOKEN_INVALID'],
    ['a well-formed token', forge({ alg: 'HS256', typ: 'JWT' }, good), 'accepted'],
  ])('%s → %s', (_name, token, expected) => {
    expect(codeOf(() => service.verify(token))).toBe(expected);
  });
});
