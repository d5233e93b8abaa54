import { Injectable, inject } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import { API_BASE, AuthService } from '../../../core/auth/auth.service';

export interface StreamEvent {
  type: string;
  data: unknown;
}

export interface StreamHandlers {
  /** subscribed: everything published from now on will arrive (read the snapshot now) */
  ready(): void;
  event(event: StreamEvent): void;
  /** the stream dropped; it reconnects by itself (then `ready` again) */
  lost(): void;
}

/** Waits before reconnecting: 1 s, 2 s, 4 s… up to 15 s. */
export function reconnectDelay(attempt: number): number {
  return Math.min(15_000, 1000 * 2 ** Math.max(0, attempt));
}

/**
 * Parses Server-Sent Events from text chunks: returns the complete frames and keeps the rest.
 * Comment lines (heartbeats) and frames without data are skipped.
 */
export function parseSse(buffer: string): { events: StreamEvent[]; rest: string } {
  const events: StreamEvent[] = [];
  const normalised = buffer.replace(/\r\n/g, '\n');
  let rest = normalised;
  let end = rest.indexOf('\n\n');
  while (end >= 0) {
    const block = rest.slice(0, end);
    rest = rest.slice(end + 2);
    end = rest.indexOf('\n\n');
    let type = 'message';
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (!line || line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'event') type = value;
      else if (field === 'data') data.push(value);
    }
    if (data.length === 0) continue;
    try {
      events.push({ type, data: JSON.parse(data.join('\n')) as unknown });
    } catch {
      // not JSON: not one of ours
    }
  }
  return { events, rest };
}

/**
 * The coop's live events, read with fetch() and a ReadableStream so that the request carries the
 * bearer token like every other call (EventSource cannot send an Authorization header). Reconnects
 * with a growing delay; a 401 refreshes the session first. Each (re)connection says `ready`, and
 * the board re-reads its snapshot then: nothing missed while away.
 */
@Injectable({ providedIn: 'root' })
export class BoardStream {
  private readonly auth = inject(AuthService);

  /** Opens the stream; the returned function closes it for good. */
  open(handlers: StreamHandlers): () => void {
    let closed = false;
    let controller: AbortController | null = null;
    let timer: ReturnType<typeof setTimeout> | null = null;
    let attempt = 0;

    const connect = async (): Promise<void> => {
      if (closed) return;
      controller = new AbortController();
      let dropped = true;
      try {
        const res = await fetch(`${API_BASE}/dispatch/board/stream`, {
          headers: { Accept: 'text/event-stream', Authorization: `Bearer ${this.auth.accessToken ?? ''}` },
          signal: controller.signal,
          cache: 'no-store',
        });
        if (res.status === 401) {
          await firstValueFrom(this.auth.refresh()).catch(() => undefined);
        } else if (res.ok && res.body) {
          const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
          let buffer = '';
          for (;;) {
            const { value, done } = await reader.read();
            if (done) break;
            const parsed = parseSse(buffer + value);
            buffer = parsed.rest;
            for (const event of parsed.events) {
              if (event.type === 'ready') {
                attempt = 0;
                handlers.ready();
              } else handlers.event(event);
            }
          }
        } else if (res.status === 403) {
          dropped = false;
          closed = true;
        }
      } catch {
        // aborted, or the network went away: reconnect below unless closed
      }
      if (closed) return;
      if (dropped) handlers.lost();
      timer = setTimeout(() => void connect(), reconnectDelay(attempt++));
    };
    void connect();
    return () => {
      closed = true;
      if (timer) clearTimeout(timer);
      controller?.abort();
    };
  }
}
