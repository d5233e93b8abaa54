/**
 * What travels on a real-time channel: a type the browser switches on and a compact payload.
 * Events say what changed, not the whole state: a client that missed some re-reads (resync GET).
 */
export interface RealtimeEvent<T = unknown> {
  type: string;
  data: T;
}

/** The channel of one coop's dispatchers (the board): everything that moves on the coop's day. */
export function coopChannel(coopId: string): string {
  return `coop:${coopId}`;
}

/** The channel of one courier of one coop (the courier app, later). */
export function courierChannel(coopId: string, courierId: string): string {
  return `courier:${coopId}:${courierId}`;
}

/** One Server-Sent Events frame (`event`, `id`, `data` on one line: JSON never holds a raw newline). */
export function sseFrame(id: number, event: RealtimeEvent): string {
  return `id: ${id}\nevent: ${event.type}\ndata: ${JSON.stringify(event.data)}\n\n`;
}

/** Parses a message read from Redis; null for anything that is not an event. */
export function parseEvent(message: string): RealtimeEvent | null {
  try {
    const parsed: unknown = JSON.parse(message);
    if (typeof parsed !== 'object' || parsed === null) return null;
    const { type, data } = parsed as { type?: unknown; data?: unknown };
    if (typeof type !== 'string' || !/^[a-z][a-z0-9.-]{0,63}$/.test(type)) return null;
    return { type, data: data ?? null };
  } catch {
    return null;
  }
}
