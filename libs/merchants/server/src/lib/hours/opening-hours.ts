import OpeningHours from 'opening_hours';
import type { OpenInterval, OpeningState } from '@federacycle/contracts';
import { fromWall, toWall } from './zoned-time';

/** How far ahead "next change", "opens at" and "closes at" look. */
const HORIZON_MS = 8 * 24 * 3600 * 1000;
const WEEK_MS = 7 * 24 * 3600 * 1000;

/** Where an opening_hours text goes wrong, as the library says it. */
export interface HoursProblem {
  /** character offset into the text where the problem starts */
  position: number;
  /** the library's explanation */
  problem: string;
  /** the text up to the problem */
  near: string;
}

/** Where the hours are read: the merchant's country (holidays), region and the coop's zone. */
export interface HoursPlace {
  country: string;
  region: string | null;
  timeZone: string;
}

export class OpeningHoursError extends Error {
  constructor(readonly detail: HoursProblem) {
    super(`at character ${detail.position + 1}: ${detail.problem}`);
  }
}

/**
 * The library throws a string such as `Mo-F <--- (Unexpected token: "-" ...)`: the text up to
 * the problem, a marker, and the reason. This recovers the position and the reason.
 */
export function problemOf(thrown: unknown, value: string): HoursProblem {
  const text = typeof thrown === 'string' ? thrown : thrown instanceof Error ? thrown.message : String(thrown);
  const marker = text.indexOf(' <--- ');
  if (marker >= 0) {
    const near = text.slice(0, marker);
    const reason = /\((.*)\)\s*$/s.exec(text.slice(marker + 6))?.[1] ?? text.slice(marker + 6);
    // the library echoes the text as it read it; its length is the position in the value
    const position = Math.min(near.length, value.length);
    return { position, problem: reason.trim(), near };
  }
  return { position: 0, problem: text.replace(/\s*Please submit a pull request.*$/s, '').trim(), near: '' };
}

function nominatim(place: Pick<HoursPlace, 'country' | 'region'>) {
  return { lat: 0, lon: 0, address: { country_code: place.country.toLowerCase(), state: place.region ?? '' } };
}

/**
 * Parses (and evaluates once, so a PH rule of a country without a holiday calendar is caught
 * here, not at a later read). Throws OpeningHoursError naming the position and the problem.
 */
export function parseHours(value: string, place: Pick<HoursPlace, 'country' | 'region'>): OpeningHours {
  if (value.trim() === '')
    throw new OpeningHoursError({ position: 0, problem: 'The opening hours are empty', near: '' });
  try {
    const hours = new OpeningHours(value, nominatim(place), {
      mode: 0,
      tag_key: 'opening_hours',
      map_value: false,
      warnings_severity: 4,
      locale: 'en',
    });
    hours.getStatePair(new Date());
    return hours;
  } catch (thrown) {
    throw new OpeningHoursError(problemOf(thrown, value));
  }
}

/** The library's warnings (valid text, doubtful meaning), without its console markers. */
export function warningsOf(hours: OpeningHours): string[] {
  return hours.getWarnings().map((w) => w.trim());
}

/** Open now, the next change, and the next opening or closing, within eight days. */
export function openingState(hours: OpeningHours, now: Date, timeZone: string): OpeningState {
  const wallNow = toWall(now, timeZone);
  const open = hours.getState(wallNow);
  const nextWall = hours.getNextChange(wallNow, new Date(wallNow.getTime() + HORIZON_MS));
  const nextChange = nextWall ? fromWall(nextWall, timeZone).toISOString() : null;
  return {
    openNow: open,
    nextChange,
    opensAt: open ? null : nextChange,
    closesAt: open ? nextChange : null,
    holidayToday: hours.getPublicHolidayContext?.(wallNow)?.isHoliday ?? false,
  };
}

/** The open intervals of the seven days from now (the editor's preview). */
export function weekIntervals(hours: OpeningHours, now: Date, timeZone: string): OpenInterval[] {
  const wallNow = toWall(now, timeZone);
  return hours.getOpenIntervals(wallNow, new Date(wallNow.getTime() + WEEK_MS)).map(([from, to, unknown, comment]) => ({
    from: fromWall(from, timeZone).toISOString(),
    to: fromWall(to, timeZone).toISOString(),
    unknown,
    comment: comment ?? null,
  }));
}
