import type IORedis from 'ioredis';
import type { AppConfig } from '@federacycle/platform-config';
import { ApiException } from '@federacycle/platform-http';
import { THROTTLE_RULES, ThrottleService } from './throttle.service';

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
    const limit = THROTTLE_RULES['sign-in:account'].limit;
    for (let i = 0; i < limit; i += 1) await service.consume([['sign-in:account', 'ana@lyon.demo']]);
    const error = await service.consume([['sign-in:account', 'ana@lyon.demo']]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiException);
    const api = error as ApiException;
    expect(api.getStatus()).toBe(429);
    expect(api.code).toBe('RATE_LIMITED');
    expect(Number(api.headers?.['Retry-After'])).toBe(THROTTLE_RULES['sign-in:account'].windowSeconds - 1);
  });

  it('counts accounts separately', async () => {
    const service = new ThrottleService(fakeRedis(), config);
    const limit = THROTTLE_RULES['reset:account'].limit;
    for (let i = 0; i < limit; i += 1) await service.consume([['reset:account', 'a@x.org']]);
    await expect(service.consume([['reset:account', 'b@x.org']])).resolves.toBeUndefined();
  });
});
