import { Inject, Injectable } from '@nestjs/common';
import type IORedis from 'ioredis';
import { APP_CONFIG, type AppConfig } from '@federacycle/platform-config';
import { ApiException } from '@federacycle/platform-http';
import { REDIS } from '@federacycle/platform-queue';
import { hashToken } from '../shared/secrets';

/** One limit: at most `limit` attempts per `windowSeconds` for one key. */
export interface ThrottleRule {
  limit: number;
  windowSeconds: number;
}

/** The limits of the abuse-prone endpoints, per client IP and per account (email or link). */
export const THROTTLE_RULES = {
  'sign-in:ip': { limit: 100, windowSeconds: 300 },
  'sign-in:account': { limit: 10, windowSeconds: 900 },
  'invitation:ip': { limit: 60, windowSeconds: 300 },
  'invitation:account': { limit: 20, windowSeconds: 900 },
  'reset:ip': { limit: 20, windowSeconds: 900 },
  'reset:account': { limit: 5, windowSeconds: 3600 },
} as const satisfies Record<string, ThrottleRule>;
export type ThrottleRuleName = keyof typeof THROTTLE_RULES;

// INCR then set the window on the first hit, atomically; returns [count, ms left].
const CONSUME = `
local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
return {n, ttl}
`;

/**
 * Fixed-window counters in Redis, shared by every API process. Keys live under
 * `<queuePrefix>:throttle:` (tests give each file its own prefix) and hold a hash of
 * the email or token, never the value itself.
 */
@Injectable()
export class ThrottleService {
  private readonly prefix: string;

  constructor(
    @Inject(REDIS) private readonly redis: IORedis,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.prefix = `${config.queuePrefix}:throttle:`;
  }

  /** Counts one attempt against each rule; throws 429 RATE_LIMITED with Retry-After once over. */
  async consume(attempts: ReadonlyArray<readonly [ThrottleRuleName, string]>): Promise<void> {
    let retryAfter = 0;
    for (const [name, subject] of attempts) {
      const rule = THROTTLE_RULES[name];
      const key = `${this.prefix}${name}:${hashToken(subject).slice(0, 32)}`;
      const [count, ttl] = (await this.redis.eval(CONSUME, 1, key, String(rule.windowSeconds * 1000))) as [
        number,
        number,
      ];
      if (count > rule.limit) retryAfter = Math.max(retryAfter, Math.ceil(ttl / 1000));
    }
    if (retryAfter > 0) {
      throw new ApiException(429, 'RATE_LIMITED', `Too many attempts; try again in ${retryAfter} seconds`, undefined, {
        'Retry-After': String(retryAfter),
      });
    }
  }

  /** Removes every counter of this prefix (tests, or an operator unlocking an account). */
  async reset(): Promise<void> {
    const keys = await this.redis.keys(`${this.prefix}*`);
    if (keys.length) await this.redis.del(...keys);
  }
}
