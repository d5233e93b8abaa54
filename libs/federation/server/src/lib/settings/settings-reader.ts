import { Inject, Injectable, Logger, Optional, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type IORedis from 'ioredis';
import type { CoopSettingValues, FederationSettingValues, SettingScope } from '@federacycle/contracts';
import { Database } from '@federacycle/platform-database';
import { REDIS } from '@federacycle/platform-queue';
import { coopValuesOf, federationValuesOf, latestCoopVersions, latestFederationVersions } from './settings-store';

/** The Redis channel on which every process hears that settings changed. */
export const SETTINGS_CHANGED_CHANNEL = 'federacycle:settings-changed';
/** A cached value is re-read after this long even without a message (a lost message heals). */
export const SETTINGS_CACHE_TTL_MS = 5 * 60 * 1000;

interface Entry<T> {
  value: Promise<T>;
  at: number;
}

interface ChangeMessage {
  scope: SettingScope;
  coopId: string | null;
}

/**
 * The one way every domain reads the current settings: the federation's (licence and compliance
 * here; governance for its defaults) and a coop's (dispatch, ordering, governance's proxies).
 *
 * Cached per process; invalidated across processes by a Redis pub/sub message that whoever
 * wrote new versions sends after its transaction committed ({@link announce}); a cached value
 * also expires after {@link SETTINGS_CACHE_TTL_MS}, so a message lost to a crash between commit
 * and publish costs minutes of staleness, never a wrong value forever. A read that started before
 * an invalidation never repopulates the cache with what it read (generation check).
 */
@Injectable()
export class SettingsReader implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('settings');
  private federationEntry: Entry<FederationSettingValues> | null = null;
  private readonly coopEntries = new Map<string, Entry<CoopSettingValues>>();
  private generation = 0;
  private subscriber: IORedis | null = null;

  constructor(
    @Inject(Database) private readonly db: Database,
    // without Redis (a single-process test) changes are only forgotten locally
    @Optional() @Inject(REDIS) private readonly redis: IORedis | null = null,
  ) {}

  async onModuleInit(): Promise<void> {
    if (!this.redis) return;
    const subscriber = this.redis.duplicate();
    this.subscriber = subscriber;
    subscriber.on('message', (_channel: string, message: string) => this.onMessage(message));
    subscriber.on('error', (error: Error) => this.logger.warn({ err: error.message }, 'settings subscriber'));
    await subscriber.subscribe(SETTINGS_CHANGED_CHANNEL);
  }

  async onModuleDestroy(): Promise<void> {
    const subscriber = this.subscriber;
    this.subscriber = null;
    if (subscriber) subscriber.disconnect();
  }

  /** The federation's current settings. */
  federation(): Promise<FederationSettingValues> {
    const entry = this.federationEntry;
    if (entry && Date.now() - entry.at < SETTINGS_CACHE_TTL_MS) return entry.value;
    const generation = this.generation;
    const value = this.db.platform(({ manager }) => latestFederationVersions(manager)).then(federationValuesOf);
    const fresh = { value, at: Date.now() };
    this.federationEntry = fresh;
    value.catch(() => {
      if (this.federationEntry === fresh) this.federationEntry = null;
    });
    void value.then(
      () => {
        if (this.generation !== generation && this.federationEntry === fresh) this.federationEntry = null;
      },
      () => undefined,
    );
    return value;
  }

  /** A coop's current settings. */
  coop(coopId: string): Promise<CoopSettingValues> {
    const entry = this.coopEntries.get(coopId);
    if (entry && Date.now() - entry.at < SETTINGS_CACHE_TTL_MS) return entry.value;
    const generation = this.generation;
    const value = this.db.forCoop(coopId, ({ manager }) => latestCoopVersions(manager, coopId)).then(coopValuesOf);
    const fresh = { value, at: Date.now() };
    this.coopEntries.set(coopId, fresh);
    const drop = () => {
      if (this.coopEntries.get(coopId) === fresh) this.coopEntries.delete(coopId);
    };
    value.then(() => {
      if (this.generation !== generation) drop();
    }, drop);
    return value;
  }

  /**
   * After a transaction that wrote versions committed: forget them here and tell every other
   * process. Never fails its caller (a lost message heals with the TTL).
   */
  async announce(scope: SettingScope, coopId: string | null): Promise<void> {
    this.invalidate({ scope, coopId });
    if (!this.redis) return;
    try {
      await this.redis.publish(SETTINGS_CHANGED_CHANNEL, JSON.stringify({ scope, coopId }));
    } catch (error) {
      this.logger.warn(
        { err: error instanceof Error ? error.message : String(error) },
        'settings change not published',
      );
    }
  }

  private onMessage(message: string): void {
    try {
      const parsed = JSON.parse(message) as Partial<ChangeMessage>;
      if (parsed.scope === 'federation' || parsed.scope === 'coop') {
        this.invalidate({ scope: parsed.scope, coopId: typeof parsed.coopId === 'string' ? parsed.coopId : null });
        return;
      }
    } catch {
      // fall through: an unreadable message forgets everything
    }
    this.invalidate(null);
  }

  private invalidate(change: ChangeMessage | null): void {
    this.generation += 1;
    if (change === null || change.scope === 'federation') this.federationEntry = null;
    if (change === null) this.coopEntries.clear();
    else if (change.scope === 'coop') {
      if (change.coopId) this.coopEntries.delete(change.coopId);
      else this.coopEntries.clear();
    }
  }
}
