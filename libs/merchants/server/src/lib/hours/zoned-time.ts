/**
 * The opening_hours library reads a `Date` in the process's local time. A merchant's hours are
 * the coop's wall-clock time (its IANA zone), so instants are moved to a "wall" Date whose local
 * fields are the zone's, evaluated, and moved back. Within an hour of a DST change of the
 * process's own zone the answer may be off by that hour (servers run in UTC; then never).
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

function fieldsAt(instant: Date, timeZone: string): [number, number, number, number, number, number] {
  const parts: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return [
    parts['year'] ?? 1970,
    (parts['month'] ?? 1) - 1,
    parts['day'] ?? 1,
    parts['hour'] ?? 0,
    parts['minute'] ?? 0,
    parts['second'] ?? 0,
  ];
}

/** Whether an IANA zone name is known to this runtime. */
export function isTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The instant as a Date whose process-local fields are the zone's wall clock. */
export function toWall(instant: Date, timeZone: string): Date {
  const [y, mo, d, h, mi, s] = fieldsAt(instant, timeZone);
  return new Date(y, mo, d, h, mi, s, instant.getMilliseconds());
}

/** The zone's offset from UTC at an instant, in milliseconds. */
function offsetAt(instant: number, timeZone: string): number {
  const [y, mo, d, h, mi, s] = fieldsAt(new Date(instant), timeZone);
  const wholeSeconds = Math.floor(instant / 1000) * 1000;
  return Date.UTC(y, mo, d, h, mi, s) - wholeSeconds;
}

/** Back from a wall Date (process-local fields = the zone's wall clock) to the instant. */
export function fromWall(wall: Date, timeZone: string): Date {
  const asUtc = Date.UTC(
    wall.getFullYear(),
    wall.getMonth(),
    wall.getDate(),
    wall.getHours(),
    wall.getMinutes(),
    wall.getSeconds(),
    wall.getMilliseconds(),
  );
  let instant = asUtc - offsetAt(asUtc, timeZone);
  const second = asUtc - offsetAt(instant, timeZone);
  if (second !== instant) instant = second;
  return new Date(instant);
}
