import type OpeningHours from 'opening_hours';
import type { BusyPeriod } from '@federacycle/contracts';
import { parseHours, type HoursPlace } from './opening-hours';
import { toWall } from './zoned-time';

const MAX_ENTRIES = 1000;
const parsed = new Map<string, OpeningHours>();

/**
 * Parsed opening hours by text and place: a list page evaluates every row's hours, and most
 * texts repeat; parsing is the costly part. Oldest entries leave first.
 */
export function cachedHours(value: string, place: Pick<HoursPlace, 'country' | 'region'>): OpeningHours {
  const key = `${place.country}|${place.region ?? ''}|${value}`;
  let hours = parsed.get(key);
  if (!hours) {
    hours = parseHours(value, place);
    if (parsed.size >= MAX_ENTRIES) parsed.delete(parsed.keys().next().value as string);
    parsed.set(key, hours);
  }
  return hours;
}

/** Preparation minutes at an instant: the first busy period whose selector matches, else the default. */
export function preparationMinutesAt(
  defaultMinutes: number,
  busy: readonly BusyPeriod[],
  now: Date,
  place: HoursPlace,
): number {
  const wallNow = toWall(now, place.timeZone);
  for (const period of busy) {
    try {
      if (cachedHours(period.when, place).getState(wallNow)) return period.minutes;
    } catch {
      // stored periods were validated on write; a library change must not break reads
    }
  }
  return defaultMinutes;
}
