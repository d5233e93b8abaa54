import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RealtimeHub } from './realtime.service';
import { sseFrame, type RealtimeEvent } from './realtime-event';

export interface SseOptions {
  /** a comment line this often keeps proxies and the browser from closing an idle stream */
  heartbeatMs?: number;
  /** what the browser waits before reconnecting (the `retry:` field) */
  retryMs?: number;
}

export const SSE_HEARTBEAT_MS = 15_000;

/**
 * Streams the events of `channels` to one HTTP response as Server-Sent Events until the client
 * goes away. The first frame is `ready` (subscribed: anything published from now on arrives), so a
 * client reads its snapshot after `ready` and misses nothing in between. Frame ids count from 1
 * per stream; a reconnecting client re-reads its snapshot (the board GET) instead of replaying.
 */
export async function streamEvents(
  req: IncomingMessage,
  res: ServerResponse,
  hub: RealtimeHub,
  channels: readonly string[],
  options: SseOptions = {},
): Promise<void> {
  let id = 0;
  const send = (event: RealtimeEvent): void => {
    if (!res.writableEnded) res.write(sseFrame(++id, event));
  };
  res.statusCode = 200;
  res.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
  // no-transform: the compression middleware leaves the stream alone (it would buffer it)
  res.setHeader('Cache-Control', 'no-cache, no-store, no-transform');
  res.setHeader('Connection', 'keep-alive');
  res.setHeader('X-Accel-Buffering', 'no');
  res.flushHeaders();
  res.write(`retry: ${options.retryMs ?? 2000}\n\n`);

  const closers: (() => void)[] = [];
  let closed = false;
  const close = (): void => {
    if (closed) return;
    closed = true;
    clearInterval(heartbeat);
    for (const c of closers) c();
    if (!res.writableEnded) res.end();
  };
  const heartbeat = setInterval(() => {
    if (!res.writableEnded) res.write(': heartbeat\n\n');
  }, options.heartbeatMs ?? SSE_HEARTBEAT_MS);
  heartbeat.unref();
  req.on('close', close);
  res.on('error', close);

  for (const channel of channels) {
    const unsubscribe = await hub.subscribe(channel, send);
    if (closed) unsubscribe();
    else closers.push(unsubscribe);
  }
  if (!closed) send({ type: 'ready', data: { at: new Date().toISOString() } });
}
