import type IORedis from 'ioredis';
import type { AppConfig } from '@federacycle/platform-config';
import { ApiException } from '@federacycle/platform-http';
import { SIGN_IN_POLICY, THROTTLE_RULES, ThrottleService, signInDelayMs } from './throttle.service';

/** An in-memory stand-in for the Lua script: enough to test the service's decisions. */
function fakeRedis(): IORedis {
  const counts = new Map<string, number>();
  return {
    eval: async (_script: string, _n: number, key: string, windowMs: string) => {
      const next = (counts.get(key) ?? 0) + 1;
      counts.set(key, next);
      return [next, Number(windowMs) - 1500];
    },
  } as unknown as IORedis;
}

describe('ThrottleService', () => {
  const config = { queuePrefix: 'unit' } as AppConfig;

  it('lets attempts through up to the limit, then answers 429 with Retry-After', async () => {
    const service = new ThrottleService(fakeRedis(), config);
    const limit = THROTTLE_RULES['invitation:account'].limit;
    for (let i = 0; i < limit; i += 1) await service.consume([['invitation:account', 'ana@lyon.demo']]);
    const error = await service.consume([['invitation:account', 'ana@lyon.demo']]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiException);
    const api = error as ApiException;
    expect(api.getStatus()).toBe(429);
    expect(api.code).toBe('RATE_LIMITED');
    expect(Number(api.headers?.['Retry-After'])).toBe(THROTTLE_RULES['invitation:account'].windowSeconds - 1);
  });

  it('counts accounts separately', async () => {
    const service = new ThrottleService(fakeRedis(), config);
    const limit = THROTTLE_RULES['reset:account'].limit;
    for (let i = 0; i < limit; i += 1) await service.consume([['reset:account', 'a@x.org']]);
    await expect(service.consume([['reset:account', 'b@x.org']])).resolves.toBeUndefined();
  });
});

describe('signInDelayMs', () => {
  it('costs nothing for the first failures, then doubles from the configured delay, capped at a few minutes', () => {
    const free = SIGN_IN_POLICY.freeFailures;
    for (let n = 0; n < free; n += 1) expect(signInDelayMs(n, 1000)).toBe(0);
    expect([free, free + 1, free + 2, free + 3].map((n) => signInDelayMs(n, 1000))).toEqual([1000, 2000, 4000, 8000]);
    expect(signInDelayMs(free + 30, 1000)).toBe(SIGN_IN_POLICY.maxDelaySeconds * 1000);
    expect(SIGN_IN_POLICY.maxDelaySeconds).toBeLessThanOrEqual(300);
    expect(signInDelayMs(free + 2, 10)).toBe(40);
  });
});
