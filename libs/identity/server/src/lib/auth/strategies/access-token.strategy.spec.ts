import { KeyObject, createHmac } from 'node:crypto';
import jsonwebtoken from 'jsonwebtoken';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AppConfig } from '@federacycle/platform-config';
import type { Precondition } from '@federacycle/platform-database';
import { ApiException } from '@federacycle/platform-http';
import type { SessionsService } from '../../sessions/sessions.service';
import { AccessTokenService, type AccessClaims } from '../access-token.service';
import { ACCESS_TOKEN_STRATEGY, AccessTokenStrategy, bearerToken } from './access-token.strategy';
import { AuthStrategyRegistry } from './auth-strategy.registry';

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
function forge(header: object, payload: object, secret = config.jwtSecret, algorithm = 'sha256'): string {
  const head = `${b64(header)}.${b64(payload)}`;
  return `${head}.${createHmac(algorithm, secret).update(head).digest('base64url')}`;
}

/** A SessionsService whose only part the strategy uses: the session check it builds. */
const sessions = {
  sessionCheck: (claims: AccessClaims): Precondition => ({
    sql: 'select assert_session($1, $2, $3, $4, $5, $6)',
    params: [claims.sid, claims.sub, claims.coop, claims.roles, claims.plat],
    translate: (error) => error as Error,
    passed: false,
  }),
} as unknown as SessionsService;

describe('AccessTokenStrategy (passport-jwt through @nestjs/passport)', () => {
  const tokens = new AccessTokenService(config);
  const registry = new AuthStrategyRegistry(new AccessTokenStrategy(tokens, sessions));
  const authenticate = (authorization: string | undefined) =>
    registry.authenticate(
      ACCESS_TOKEN_STRATEGY,
      { headers: authorization === undefined ? {} : { authorization } } as IncomingMessage,
      {} as ServerResponse,
    );
  const outcome = async (token: string): Promise<string> => {
    try {
      await authenticate(`Bearer ${token}`);
      return 'accepted';
    } catch (error) {
      return error instanceof ApiException ? `${error.getStatus()} ${error.code}` : `other ${String(error)}`;
    }
  };
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
  const hs256 = { alg: 'HS256', typ: 'JWT' };

  it('is registered under its passport name, for the Bearer scheme', () => {
    expect(registry.names()).toEqual(['jwt']);
    expect(registry.forHeader('Bearer abc')?.name).toBe('jwt');
    expect(registry.forHeader('bearer abc')?.name).toBe('jwt');
    expect(registry.forHeader('Basic abc')).toBeUndefined();
  });

  it('round-trips the tokens AccessTokenService signs, building the principal from the claims', async () => {
    const claims = { sub: user, sid: session, coop, roles: ['coop_admin', 'courier'], plat: [] } as const;
    const auth = await authenticate(`Bearer ${tokens.sign({ ...claims, roles: [...claims.roles], plat: [] })}`);
    expect(auth.strategy).toBe('jwt');
    expect(auth.caller).toEqual({
      userId: user,
      coopId: coop,
      roles: ['coop_admin', 'courier'],
      platformRoles: [],
      sessionId: session,
      merchantIds: [],
    });
    const merchant = '44444444-4444-4444-8444-444444444444';
    const staff = await authenticate(
      `Bearer ${tokens.sign({ sub: user, sid: session, coop, roles: ['merchant_staff'], plat: [], mids: [merchant] })}`,
    );
    expect(staff.caller).toMatchObject({ roles: ['merchant_staff'], merchantIds: [merchant] });
    await expect(
      authenticate(
        `Bearer ${tokens.sign({ sub: user, sid: session, coop, roles: ['merchant_staff'], plat: [], mids: ['not-a-uuid'] })}`,
      ),
    ).rejects.toMatchObject({ code: 'TOKEN_INVALID' });
    const federation = await authenticate(
      `Bearer ${tokens.sign({ sub: user, sid: session, coop: null, roles: [], plat: ['federation_admin'] })}`,
    );
    expect(federation.caller).toMatchObject({ coopId: null, roles: [], platformRoles: ['federation_admin'] });
  });

  it('checks the session with the token’s claims: assert_session, or assert_session_writable for a coop write', async () => {
    const auth = await authenticate(`Bearer ${forge(hs256, good)}`);
    const read = auth.check(false);
    expect([read.sql, read.params]).toEqual([
      'select assert_session($1, $2, $3, $4, $5, $6)',
      [session, user, coop, ['dispatcher'], []],
    ]);
    const write = auth.check(true);
    expect([write.sql, write.params]).toEqual([
      'select assert_session_writable($1, $2, $3, $4, $5, $6)',
      [session, user, coop, ['dispatcher'], []],
    ]);
    const suspended = write.translate(Object.assign(new Error('suspended'), { code: 'FCCOP' }));
    expect(suspended).toBeInstanceOf(ApiException);
    expect([(suspended as ApiException).getStatus(), (suspended as ApiException).code]).toEqual([
      403,
      'COOP_SUSPENDED',
    ]);
    expect(suspended.message).toMatch(/suspended.*read-only/);
    expect(auth.check(true)).not.toBe(write); // a fresh precondition per request check
  });

  it.each([
    ['alg none', `${b64({ alg: 'none', typ: 'JWT' })}.${b64(good)}.`, '401 TOKEN_INVALID'],
    ['HS512', forge({ alg: 'HS512', typ: 'JWT' }, good, config.jwtSecret, 'sha512'), '401 TOKEN_INVALID'],
    ['HS512 header over an HS256 signature', forge({ alg: 'HS512', typ: 'JWT' }, good), '401 TOKEN_INVALID'],
    ['RS256 header', forge({ alg: 'RS256', typ: 'JWT' }, good), '401 TOKEN_INVALID'],
    ['wrong secret', forge(hs256, good, 'another-secret-another-secret-0123456789'), '401 TOKEN_INVALID'],
    ['wrong audience', forge(hs256, { ...good, aud: 'someone-else' }), '401 TOKEN_INVALID'],
    ['no audience', forge(hs256, { ...good, aud: undefined }), '401 TOKEN_INVALID'],
    ['wrong issuer', forge(hs256, { ...good, iss: 'evil' }), '401 TOKEN_INVALID'],
    ['no issuer', forge(hs256, { ...good, iss: undefined }), '401 TOKEN_INVALID'],
    ['not an access token', forge(hs256, { ...good, typ: 'refresh' }), '401 TOKEN_INVALID'],
    ['coop not a uuid', forge(hs256, { ...good, coop: 'lyon' }), '401 TOKEN_INVALID'],
    ['sub not a uuid', forge(hs256, { ...good, sub: 'admin' }), '401 TOKEN_INVALID'],
    ['no session id', forge(hs256, { ...good, sid: undefined }), '401 TOKEN_INVALID'],
    ['session id a number', forge(hs256, { ...good, sid: 42 }), '401 TOKEN_INVALID'],
    ['no roles claim', forge(hs256, { ...good, roles: undefined }), '401 TOKEN_INVALID'],
    ['an unknown role', forge(hs256, { ...good, roles: ['root'] }), '401 TOKEN_INVALID'],
    ['roles not a list', forge(hs256, { ...good, roles: 'coop_admin' }), '401 TOKEN_INVALID'],
    ['unknown platform role', forge(hs256, { ...good, plat: ['god'] }), '401 TOKEN_INVALID'],
    ['no platform roles', forge(hs256, { ...good, plat: undefined }), '401 TOKEN_INVALID'],
    ['expired', forge(hs256, { ...good, iat: now - 1000, exp: now - 100 }), '401 TOKEN_EXPIRED'],
    ['expired and forged', forge(hs256, { ...good, exp: now - 100 }, 'x'.repeat(48)), '401 TOKEN_INVALID'],
    ['not yet valid', forge(hs256, { ...good, nbf: now + 600 }), '401 TOKEN_INVALID'],
    ['a payload that is not an object', `${b64(hs256)}.${b64('x')}.sig`, '401 TOKEN_INVALID'],
    ['garbage', 'not.a.jwt', '401 TOKEN_INVALID'],
    ['a well-formed token', forge(hs256, good), 'accepted'],
  ])('%s → %s', async (_name, token, expected) => {
    expect(await outcome(token)).toBe(expected);
  });

  it('verifies with the KeyObject itself (a string key is re-parsed as a public key at every verification)', async () => {
    const verify = jest.spyOn(jsonwebtoken, 'verify');
    try {
      await authenticate(`Bearer ${forge(hs256, good)}`);
      expect(verify).toHaveBeenCalledTimes(1);
      const [, key, options] = verify.mock.calls[0] ?? [];
      expect(key).toBeInstanceOf(KeyObject);
      expect(key).toBe(tokens.key);
      expect(options).toMatchObject({ algorithms: ['HS256'], issuer: 'federacycle', audience: 'federacycle-api' });
    } finally {
      verify.mockRestore();
    }
  });

  it('reads the token of a Bearer header only', async () => {
    const token = forge(hs256, good);
    expect(bearerToken({ headers: { authorization: `Bearer ${token}` } } as never)).toBe(token);
    expect(bearerToken({ headers: { authorization: `Bearer ${token} x` } } as never)).toBeNull();
    expect(bearerToken({ headers: { authorization: 'Bearer-less' } } as never)).toBeNull();
    expect(bearerToken({ headers: {} } as never)).toBeNull();
    const missing = await authenticate(undefined).catch((e: unknown) => e);
    expect([(missing as ApiException).getStatus(), (missing as ApiException).code]).toEqual([401, 'TOKEN_INVALID']);
  });
});
