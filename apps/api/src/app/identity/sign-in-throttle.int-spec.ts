import { TEST_PASSWORD, insertCoop, insertUser, startHarness, type IdentityHarness } from './identity-harness';

const BACKOFF_MS = 250;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The sign-in throttle against real Redis (SIGN_IN_POLICY): failures are counted per account
 * and per IP, successes never count, and a right password is delayed, never locked out.
 * The first delay is made tiny here (SIGN_IN_BACKOFF_MS); production's is one second.
 */
describe('sign-in throttling: failures, not successes', () => {
  let h: IdentityHarness;

  beforeAll(async () => {
    h = await startHarness({ SIGN_IN_BACKOFF_MS: String(BACKOFF_MS) });
    const lyon = await insertCoop(h.su, 'lyon', 'Lyon');
    await insertUser(h, 'admin@lyon.test', 'Admin Lyon', [[lyon, ['coop_admin']]]);
    await insertUser(h, 'fed@fc.test', 'Federation', [], ['federation_admin']);
    for (let i = 0; i < 30; i += 1) await insertUser(h, `rider${i}@lyon.test`, `Rider ${i}`, [[lyon, ['courier']]]);
  });
  afterAll(() => h?.close());
  beforeEach(() => h.resetThrottle());

  const attempt = (email: string, password: string, ip = '127.0.0.1') =>
    h.http().post('/api/auth/sign-in').set('x-forwarded-for', ip).send({ email, password });

  /** One wrong password that is actually checked: waits out the account's delay when told to. */
  const fail = async (email: string): Promise<void> => {
    for (let i = 0; i < 100; i += 1) {
      const res = await attempt(email, `wrong-guess-${i}`);
      if (res.status === 401) return;
      expect([res.status, res.body.code]).toEqual([429, 'RATE_LIMITED']);
      await sleep(BACKOFF_MS);
    }
    throw new Error('never got to try');
  };

  it('ten wrong passwords, then the right one after the short delay: signed in', async () => {
    for (let i = 0; i < 10; i += 1) await fail('fed@fc.test');
    // at once: the account waits a delay (seconds in Retry-After), the right password included
    const early = await attempt('fed@fc.test', TEST_PASSWORD);
    expect([early.status, early.body.code]).toEqual([429, 'RATE_LIMITED']);
    expect(Number(early.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(Number(early.headers['retry-after'])).toBeLessThanOrEqual(300);
    // the delay after the tenth failure: 250 ms · 2^(10 - 5)
    await sleep(BACKOFF_MS * 2 ** 5 + 200);
    const late = await attempt('fed@fc.test', TEST_PASSWORD);
    expect([late.status, late.body.principal?.platformRoles]).toEqual([200, ['federation_admin']]);
    // and the failures are forgotten: a wrong password now is a plain 401, the right one a 200
    expect((await attempt('fed@fc.test', 'wrong-again')).status).toBe(401);
    expect((await attempt('fed@fc.test', TEST_PASSWORD)).status).toBe(200);
  });

  it('never refuses the right password because of successes', async () => {
    for (let i = 0; i < 15; i += 1) {
      const res = await attempt('admin@lyon.test', TEST_PASSWORD);
      expect([i, res.status]).toEqual([i, 200]);
    }
  });

  it('a guesser delays an account but cannot lock it for long; other accounts are untouched', async () => {
    for (let i = 0; i < 5; i += 1) expect((await attempt('admin@lyon.test', `guess-${i}`)).status).toBe(401);
    const delayed = await attempt('admin@lyon.test', `guess-5`);
    expect([delayed.status, delayed.body.code]).toEqual([429, 'RATE_LIMITED']);
    expect((await attempt('rider0@lyon.test', TEST_PASSWORD)).status).toBe(200);
    await sleep(BACKOFF_MS + 100);
    expect((await attempt('admin@lyon.test', TEST_PASSWORD)).status).toBe(200);
  });

  it('spraying one password over 30 accounts from one IP is refused with 429; another IP is not', async () => {
    const answers: number[] = [];
    for (let i = 0; i < 30; i += 1)
      answers.push((await attempt(`rider${i}@lyon.test`, 'Summer2024!', '203.0.113.9')).status);
    expect(answers.slice(0, 20)).toEqual(Array(20).fill(401));
    expect(answers.slice(20)).toEqual(Array(10).fill(429));
    const last = await attempt('rider29@lyon.test', TEST_PASSWORD, '203.0.113.9');
    expect([last.status, last.body.code]).toEqual([429, 'RATE_LIMITED']);
    expect(Number(last.headers['retry-after'])).toBeGreaterThan(0);
    // the sprayed accounts themselves are not locked: from elsewhere the right password works
    expect((await attempt('rider29@lyon.test', TEST_PASSWORD, '198.51.100.7')).status).toBe(200);
  });

  it('answers an unknown email exactly like a wrong password, throttling included', async () => {
    for (const email of ['admin@lyon.test', 'nobody@lyon.test']) {
      for (let i = 0; i < 5; i += 1) {
        const res = await attempt(email, `guess-${i}`);
        expect([email, res.status, res.body.code, res.body.message]).toEqual([
          email,
          401,
          'INVALID_CREDENTIALS',
          'Email or password is wrong',
        ]);
      }
      const sixth = await attempt(email, 'guess-6');
      expect([email, sixth.status, sixth.body.code]).toEqual([email, 429, 'RATE_LIMITED']);
    }
  });

  it('sends no token answer to a cache: Cache-Control no-store and Pragma no-cache', async () => {
    const signedIn = await attempt('admin@lyon.test', TEST_PASSWORD);
    expect([signedIn.headers['cache-control'], signedIn.headers['pragma']]).toEqual(['no-store', 'no-cache']);
    const refreshed = await h.http().post('/api/auth/refresh').send({ refreshToken: signedIn.body.refreshToken });
    expect(refreshed.status).toBe(200);
    expect([refreshed.headers['cache-control'], refreshed.headers['pragma']]).toEqual(['no-store', 'no-cache']);
    const bearer = { Authorization: `Bearer ${refreshed.body.accessToken}` };
    const me = await h.http().get('/api/auth/me').set(bearer);
    expect([me.status, me.headers['cache-control']]).toEqual([200, 'no-store']);
  });
});
