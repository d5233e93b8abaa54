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

/** The limits of the abuse-prone endpoints, per client IP and per account (email or link). Sign-in: SIGN_IN_POLICY. */
export const THROTTLE_RULES = {
  'invitation:ip': { limit: 60, windowSeconds: 300 },
  'invitation:account': { limit: 20, windowSeconds: 900 },
  'reset:ip': { limit: 20, windowSeconds: 900 },
  'reset:account': { limit: 5, windowSeconds: 3600 },
} as const satisfies Record<string, ThrottleRule>;
export type ThrottleRuleName = keyof typeof THROTTLE_RULES;

/**
 * Sign-in limits. Failures are counted, not successes: a right password resets its account's
 * failures, so nobody can lock an account by signing in, and a guesser can only slow it down.
 * - every attempt per client IP: a flood ceiling (each attempt costs an argon2 verification);
 * - failed attempts per client IP, whatever the account: password spraying (one password
 *   tried over many accounts) is refused with 429 once over;
 * - failed attempts per account, from anywhere: the first `freeFailures` cost nothing, then
 *   each attempt must wait a delay that doubles per failure (SIGN_IN_BACKOFF_MS first),
 *   capped at `maxDelaySeconds`: 429 with Retry-After until it has passed, then the right
 *   password signs in. Never a long lock. Forgotten after `accountWindowSeconds` without one.
 */
export const SIGN_IN_POLICY = {
  ipAttempts: { limit: 100, windowSeconds: 300 },
  ipFailures: { limit: 20, windowSeconds: 900 },
  freeFailures: 5,
  maxDelaySeconds: 300,
  accountWindowSeconds: 3600,
} as const;

/** The delay an account's next sign-in waits after its `failures`-th failure in a row. */
export function signInDelayMs(failures: number, backoffMs: number): number {
  if (failures < SIGN_IN_POLICY.freeFailures) return 0;
  return Math.min(SIGN_IN_POLICY.maxDelaySeconds * 1000, backoffMs * 2 ** (failures - SIGN_IN_POLICY.freeFailures));
}

// INCR then set the window on the first hit, atomically; returns [count, ms left].
const CONSUME = `
local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
return {n, ttl}
`;

// Admits one sign-in attempt or says how long to wait; an admitted attempt is charged as a
// failure to its IP and its account until the password proves right (SIGNED_IN refunds it), so
// concurrent guesses cannot all slip in before the first failure is counted. Redis' clock
// (TIME) is the one clock of every API process. Returns [admitted 0|1, ms to wait].
// KEYS: ip attempts, ip failures, account. ARGV: ip attempt limit, window ms, ip failure limit,
// window ms, free failures, first delay ms, max delay ms, account window ms.
const ADMIT_SIGN_IN = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local attempts = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[2]); ttl = tonumber(ARGV[2]) end
if attempts > tonumber(ARGV[1]) then return {0, ttl} end
local failures = tonumber(redis.call('GET', KEYS[2]) or '0')
if failures >= tonumber(ARGV[3]) then
  local left = redis.call('PTTL', KEYS[2])
  if left < 0 then redis.call('PEXPIRE', KEYS[2], ARGV[4]); left = tonumber(ARGV[4]) end
  return {0, left}
end
local waitUntil = tonumber(redis.call('HGET', KEYS[3], 'until') or '0')
if waitUntil > now then return {0, waitUntil - now} end
if redis.call('INCR', KEYS[2]) == 1 then redis.call('PEXPIRE', KEYS[2], ARGV[4]) end
local n = redis.call('HINCRBY', KEYS[3], 'n', 1)
local free = tonumber(ARGV[5])
local delay = 0
if n >= free then delay = math.min(tonumber(ARGV[7]), tonumber(ARGV[6]) * 2 ^ (n - free)) end
redis.call('HSET', KEYS[3], 'until', string.format('%d', now + math.floor(delay)))
redis.call('PEXPIRE', KEYS[3], ARGV[8])
return {1, 0}
`;

// The password was wrong (or the email unknown): the account's delay counts from now.
// KEYS: account. ARGV: free failures, first delay ms, max delay ms, account window ms.
const SIGN_IN_FAILED = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local n = tonumber(redis.call('HGET', KEYS[1], 'n') or '1')
local free = tonumber(ARGV[1])
local delay = 0
if n >= free then delay = math.min(tonumber(ARGV[3]), tonumber(ARGV[2]) * 2 ^ (n - free)) end
redis.call('HSET', KEYS[1], 'n', n, 'until', string.format('%d', now + math.floor(delay)))
redis.call('PEXPIRE', KEYS[1], ARGV[4])
return 1
`;

// The password was right: the account's failures are forgotten, the IP's charge refunded.
// KEYS: ip failures, account.
const SIGNED_IN = `
redis.call('DEL', KEYS[2])
if tonumber(redis.call('GET', KEYS[1]) or '0') > 0 then redis.call('DECR', KEYS[1]) end
return 1
`;

/**
 * Fixed-window counters in Redis, shared by every API process. Keys live under
 * `<queuePrefix>:throttle:` (tests give each file its own prefix) and hold a hash of
 * the email or token, never the value itself.
 */
@Injectable()
export class ThrottleService {
  private readonly prefix: string;
  private readonly backoffMs: number;

  constructor(
    @Inject(REDIS) private readonly redis: IORedis,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.prefix = `${config.queuePrefix}:throttle:`;
    this.backoffMs = config.signInBackoffMs ?? 1000;
  }

  private key(name: string, subject: string): string {
    return `${this.prefix}${name}:${hashToken(subject).slice(0, 32)}`;
  }

  /**
   * Admits one sign-in attempt (see SIGN_IN_POLICY) or throws 429 RATE_LIMITED with Retry-After.
   * The same for registered and unknown emails. Until `signedIn`, the attempt counts as failed.
   */
  async admitSignIn(ip: string, email: string): Promise<void> {
    const { ipAttempts, ipFailures, freeFailures, maxDelaySeconds, accountWindowSeconds } = SIGN_IN_POLICY;
    const [admitted, waitMs] = (await this.redis.eval(
      ADMIT_SIGN_IN,
      3,
      this.key('sign-in:ip', ip),
      this.key('sign-in:ip-failures', ip),
      this.key('sign-in:account-failures', email),
      String(ipAttempts.limit),
      String(ipAttempts.windowSeconds * 1000),
      String(ipFailures.limit),
      String(ipFailures.windowSeconds * 1000),
      String(freeFailures),
      String(this.backoffMs),
      String(maxDelaySeconds * 1000),
      String(accountWindowSeconds * 1000),
    )) as [number, number];
    if (admitted !== 1) throw rateLimited(Math.max(1, Math.ceil(waitMs / 1000)));
  }

  /** The password was wrong or the email unknown: the account's delay starts now, not at admission. */
  async signInFailed(email: string): Promise<void> {
    const { freeFailures, maxDelaySeconds, accountWindowSeconds } = SIGN_IN_POLICY;
    await this.redis.eval(
      SIGN_IN_FAILED,
      1,
      this.key('sign-in:account-failures', email),
      String(freeFailures),
      String(this.backoffMs),
      String(maxDelaySeconds * 1000),
      String(accountWindowSeconds * 1000),
    );
  }

  /** The password was right: forgets the account's failures and refunds the attempt's charge. */
  async signedIn(ip: string, email: string): Promise<void> {
    await this.redis.eval(
      SIGNED_IN,
      2,
      this.key('sign-in:ip-failures', ip),
      this.key('sign-in:account-failures', email),
    );
  }

  /** Counts one attempt against each rule; throws 429 RATE_LIMITED with Retry-After once over. */
  async consume(attempts: ReadonlyArray<readonly [ThrottleRuleName, string]>): Promise<void> {
    let retryAfter = 0;
    for (const [name, subject] of attempts) {
      const rule = THROTTLE_RULES[name];
      const key = this.key(name, subject);
      const [count, ttl] = (await this.redis.eval(CONSUME, 1, key, String(rule.windowSeconds * 1000))) as [
        number,
        number,
      ];
      if (count > rule.limit) retryAfter = Math.max(retryAfter, Math.ceil(ttl / 1000));
    }
    if (retryAfter > 0) throw rateLimited(retryAfter);
  }

  /** Removes every counter of this prefix (tests, or an operator unlocking an account). */
  async reset(): Promise<void> {
    const keys = await this.redis.keys(`${this.prefix}*`);
    if (keys.length) await this.redis.del(...keys);
  }
}

function rateLimited(retryAfter: number): ApiException {
  return new ApiException(429, 'RATE_LIMITED', `Too many attempts; try again in ${retryAfter} seconds`, undefined, {
    'Retry-After': String(retryAfter),
  });
}
