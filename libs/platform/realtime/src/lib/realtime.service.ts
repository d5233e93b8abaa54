import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import type IORedis from 'ioredis';
import { APP_CONFIG, type AppConfig } from '@federacycle/platform-config';
import type { Tx } from '@federacycle/platform-database';
import { REDIS } from '@federacycle/platform-queue';
import { parseEvent, type RealtimeEvent } from './realtime-event';

/**
 * Publishes events to every API replica through Redis pub/sub, on the process's shared Redis
 * connection (publishing needs no connection of its own). The channel is prefixed with the
 * deployment's queue prefix, so test files and deployments sharing one Redis never meet.
 */
@Injectable()
export class RealtimePublisher {
  constructor(
    @Inject(REDIS) private readonly redis: IORedis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Publishes now: for work that has no transaction (a committed write's follow-up). */
  async publish(channel: string, event: RealtimeEvent): Promise<void> {
    await this.redis.publish(redisChannel(this.config.queuePrefix, channel), JSON.stringify(event));
  }

  /**
   * Publishes once `tx` commits (never when it rolls back): a browser never sees uncommitted state.
   * The work's answer does not wait for Redis (the shared connection queues commands while Redis is
   * away: a write must not hang on it); events of one process still leave in order.
   */
  publishAfterCommit(tx: Tx, channel: string, event: RealtimeEvent): void {
    tx.afterCommit(() => {
      this.publish(channel, event).catch((error: unknown) =>
        this.logger.warn(`real-time event ${event.type} not published: ${String(error)}`),
      );
    });
  }

  private readonly logger = new Logger('Realtime');
}

export type RealtimeListener = (event: RealtimeEvent) => void;

/**
 * The receiving side in one process: ONE subscriber connection (opened on first use), any number
 * of listeners per channel. A channel is subscribed in Redis while it has a listener here, so a
 * replica receives only the coops its connected browsers watch.
 */
@Injectable()
export class RealtimeHub implements OnApplicationShutdown {
  private subscriber: IORedis | null = null;
  private readonly listeners = new Map<string, Set<RealtimeListener>>();

  constructor(
    @Inject(REDIS) private readonly redis: IORedis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Listens to `channel` until the returned function is called; resolves once Redis has subscribed. */
  async subscribe(channel: string, listener: RealtimeListener): Promise<() => void> {
    const key = redisChannel(this.config.queuePrefix, channel);
    let set = this.listeners.get(key);
    const first = !set;
    if (!set) {
      set = new Set();
      this.listeners.set(key, set);
    }
    set.add(listener);
    if (first) await this.connection().subscribe(key);
    let done = false;
    return () => {
      if (done) return;
      done = true;
      const current = this.listeners.get(key);
      current?.delete(listener);
      if (current && current.size === 0) {
        this.listeners.delete(key);
        this.subscriber?.unsubscribe(key).catch(() => undefined);
      }
    };
  }

  /** channels with a listener in this process (tests, metrics) */
  channelCount(): number {
    return this.listeners.size;
  }

  onApplicationShutdown(): void {
    this.subscriber?.disconnect();
    this.subscriber = null;
  }

  private connection(): IORedis {
    if (this.subscriber) return this.subscriber;
    // a connection in subscriber mode can do nothing else: it is this hub's alone
    const subscriber = this.redis.duplicate({ maxRetriesPerRequest: null });
    subscriber.on('message', (key: string, message: string) => {
      const event = parseEvent(message);
      const set = this.listeners.get(key);
      if (!event || !set) return;
      for (const listener of [...set]) listener(event);
    });
    // ioredis re-subscribes its channels after a reconnection by itself (autoResubscribe)
    subscriber.on('error', () => undefined);
    this.subscriber = subscriber;
    return subscriber;
  }
}

function redisChannel(prefix: string, channel: string): string {
  return `${prefix}:rt:${channel}`;
}
