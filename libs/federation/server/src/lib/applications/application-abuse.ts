import { Inject, Injectable } from '@nestjs/common';
import type IORedis from 'ioredis';
import { In } from 'typeorm';
import { hashToken } from '@federacycle/identity-server';
import { APP_CONFIG, type AppConfig } from '@federacycle/platform-config';
import type { Tx } from '@federacycle/platform-database';
import { ApiException } from '@federacycle/platform-http';
import { REDIS } from '@federacycle/platform-queue';
import { CoopApplication } from './application.entity';

/** At most `limit` applications per `windowSeconds` for one client IP, or one admin email. */
export const APPLICATION_THROTTLE = {
  'application:ip': { limit: 10, windowSeconds: 3600 },
  'application:email': { limit: 5, windowSeconds: 3600 },
} as const;
export type ApplicationThrottleRule = keyof typeof APPLICATION_THROTTLE;

/** Applications awaiting a decision (applied or under review) one admin email may hold. */
export const MAX_PENDING_APPLICATIONS_PER_EMAIL = 3;

// INCR then set the window on the first hit, atomically; returns [count, ms left] (identity's script).
const CONSUME = `
local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
return {n, ttl}
`;

/**
 * What keeps the anonymous "Start a coop" form from being a free file store and mail relay:
 * fixed-window counters in Redis per client IP and per admin email (shared by every API process,
 * under identity's `<queuePrefix>:throttle:` keys, holding hashes only), and a cap on the
 * applications awaiting a decision per admin email, checked in the transaction that inserts.
 */
/** The advisory-lock key space of the pending-applications cap (two-int form: space, hash of the email). */
const PENDING_CAP_LOCK_SPACE = 7301;

@Injectable()
export class ApplicationAbuseLimits {
  private readonly prefix: string;

  constructor(
    @Inject(REDIS) private readonly redis: IORedis,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.prefix = `${config.queuePrefix}:throttle:`;
  }

  /** Counts one application against the rule; 429 RATE_LIMITED with Retry-After once over. */
  async consume(rule: ApplicationThrottleRule, subject: string): Promise<void> {
    const { limit, windowSeconds } = APPLICATION_THROTTLE[rule];
    const key = `${this.prefix}${rule}:${hashToken(subject).slice(0, 32)}`;
    const [count, ttl] = (await this.redis.eval(CONSUME, 1, key, String(windowSeconds * 1000))) as [number, number];
    if (count <= limit) return;
    const retryAfter = Math.max(1, Math.ceil(ttl / 1000));
    throw new ApiException(
      429,
      'RATE_LIMITED',
      `Too many applications from here; try again in ${retryAfter} seconds`,
      undefined,
      { 'Retry-After': String(retryAfter) },
    );
  }

  /**
   * 409 TOO_MANY_PENDING_APPLICATIONS when the email already holds the maximum awaiting a decision.
   * Two submissions of one email at the same moment would both count below the cap; a transaction
   * lock on the email serialises them (the second counts after the first commits its row).
   */
  async assertPendingBelowCap(tx: Tx, adminEmail: string): Promise<void> {
    await tx.execute('select pg_advisory_xact_lock($1::int, hashtext($2))', [PENDING_CAP_LOCK_SPACE, adminEmail]);
    const pending = await tx.manager.count(CoopApplication, {
      where: { adminEmail, status: In(['applied', 'under_review']) },
    });
    if (pending >= MAX_PENDING_APPLICATIONS_PER_EMAIL) {
      throw new ApiException(
        409,
        'TOO_MANY_PENDING_APPLICATIONS',
        `This email already has ${MAX_PENDING_APPLICATIONS_PER_EMAIL} applications awaiting a decision; wait for the federation to decide on them`,
      );
    }
  }
}
