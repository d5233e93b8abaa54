import {
  COURIER_SKILLS,
  COURIER_TAG_PATTERN,
  FIX_CLOCK_SKEW_MS,
  LOCATION_STALE_AFTER_MS,
  MAX_FIX_ACCURACY_M,
  MAX_FIX_AGE_MS,
  MAX_COURIER_TAGS,
  type AvailabilitySlot,
  type Vehicle,
} from '@federacycle/contracts';
import { ApiException } from '@federacycle/platform-http';

/** The longest shift the database accepts (courier_shifts_length_check). */
export const MAX_SHIFT_HOURS = 16;
/** The widest window a shift list answers (a month view at most). */
export const MAX_WINDOW_DAYS = 31;
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/**
 * An international phone number, E.164-ish: `+`, a country code and 7 to 15 digits in all.
 * Spaces, dots, dashes and brackets are dropped; a leading `00` counts as `+`. Empty → null.
 */
export function normalizePhone(input: string | null | undefined): string | null {
  if (input === null || input === undefined) return null;
  const trimmed = input.trim();
  if (trimmed === '') return null;
  let compact = trimmed.replace(/[\s.\-()]/g, '');
  if (compact.startsWith('00')) compact = `+${compact.slice(2)}`;
  if (!/^\+[1-9][0-9]{6,14}$/.test(compact)) {
    throw new ApiException(
      400,
      'INVALID_PHONE',
      `"${trimmed.slice(0, 32)}" is not an international phone number: write it with + and the country code, e.g. +33 6 12 34 56 78`,
    );
  }
  return compact;
}

/** Skills and free tags: lower-cased, trimmed, duplicates dropped, each a known skill or a valid tag. */
export function normalizeSkills(skills: readonly string[]): string[] {
  const out: string[] = [];
  for (const raw of skills) {
    const tag = raw.trim().toLowerCase();
    if (!(COURIER_SKILLS as readonly string[]).includes(tag) && !COURIER_TAG_PATTERN.test(tag)) {
      throw new ApiException(
        400,
        'INVALID_COURIER_TAG',
        `"${raw.slice(0, 30)}" is not a valid tag: use 2 to 30 lower-case letters, digits, _ or -`,
      );
    }
    if (!out.includes(tag)) out.push(tag);
  }
  if (out.length > MAX_COURIER_TAGS) {
    throw new ApiException(400, 'INVALID_COURIER_TAG', `A courier has at most ${MAX_COURIER_TAGS} skills and tags`);
  }
  return out;
}

/** A car is the exception: it needs a note saying why. Returns the note to store. */
export function checkVehicle(vehicle: Vehicle, note: string | null | undefined): string | null {
  const trimmed = note?.trim() ? note.trim() : null;
  if (vehicle === 'car' && trimmed === null) {
    throw new ApiException(
      400,
      'VEHICLE_NOTE_REQUIRED',
      'A car is an exception for a bike coop: say why in the vehicle note (e.g. disability, long-distance contract)',
    );
  }
  return trimmed;
}

const minutes = (time: string): number => {
  const [h, m] = time.split(':').map(Number);
  return (h as number) * 60 + (m as number);
};

/** Weekly slots sorted by day and start; each ends after it starts; slots of one day do not overlap. */
export function normalizeAvailability(slots: readonly AvailabilitySlot[]): AvailabilitySlot[] {
  const sorted = slots
    .map((s) => ({ weekday: s.weekday, start: s.start, end: s.end }))
    .sort((a, b) => a.weekday - b.weekday || minutes(a.start) - minutes(b.start));
  for (const [i, slot] of sorted.entries()) {
    if (minutes(slot.end) <= minutes(slot.start)) {
      throw new ApiException(400, 'END_BEFORE_START', `The slot ${slot.start}–${slot.end} ends before it starts`);
    }
    const next = sorted[i + 1];
    if (next && next.weekday === slot.weekday && minutes(next.start) < minutes(slot.end)) {
      throw ApiException.validation(
        [
          {
            field: 'availability',
            code: 'overlap',
            message: `${slot.start}–${slot.end} overlaps ${next.start}–${next.end}`,
          },
        ],
        'Two availability slots of the same day overlap: merge them',
      );
    }
  }
  return sorted;
}

/** Latitude in [-90, 90], longitude in [-180, 180], accuracy in [0, 100 km]. */
export function checkCoordinates(lat: number, lng: number, accuracyM?: number | null): void {
  if (!(lat >= -90 && lat <= 90) || !(lng >= -180 && lng <= 180)) {
    throw new ApiException(
      400,
      'COORDINATES_OUT_OF_RANGE',
      `(${lat}, ${lng}) is not a place on Earth: latitude must be between -90 and 90, longitude between -180 and 180`,
    );
  }
  if (accuracyM !== null && accuracyM !== undefined && !(accuracyM >= 0 && accuracyM <= 100_000)) {
    throw ApiException.validation(
      [{ field: 'accuracyM', code: 'range', message: 'accuracyM must be between 0 and 100000 metres' }],
      'The accuracy must be between 0 and 100000 metres',
    );
  }
}

/** Whether a location recorded at `recordedAt` is stale at `now` (older than five minutes). */
export function isStale(recordedAt: Date, now: Date): boolean {
  return now.getTime() - recordedAt.getTime() > LOCATION_STALE_AFTER_MS;
}

/** A date-time of a request, or a 400 naming the field. */
export function parseInstant(value: string, field: string): Date {
  const date = new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(value) || Number.isNaN(date.getTime())) {
    throw ApiException.validation(
      [{ field, code: 'isIso8601', message: `${field} must be a date-time such as 2026-12-02T08:00:00Z` }],
      `${field} is not a date-time`,
    );
  }
  return date;
}

/** A shift's start and end: end after start, at most {@link MAX_SHIFT_HOURS} hours. */
export function checkShiftTimes(startsAt: Date, endsAt: Date): void {
  if (endsAt.getTime() <= startsAt.getTime()) {
    throw new ApiException(400, 'END_BEFORE_START', 'The shift ends before it starts: pick an end after the start');
  }
  if (endsAt.getTime() - startsAt.getTime() > MAX_SHIFT_HOURS * HOUR_MS) {
    throw new ApiException(400, 'RANGE_TOO_LONG', `A shift lasts at most ${MAX_SHIFT_HOURS} hours: split it in two`);
  }
}

/** A list window: `to` after `from`, at most {@link MAX_WINDOW_DAYS} days. */
export function checkWindow(from: Date, to: Date): void {
  if (to.getTime() <= from.getTime()) {
    throw new ApiException(400, 'END_BEFORE_START', '`to` must be after `from`');
  }
  if (to.getTime() - from.getTime() > MAX_WINDOW_DAYS * DAY_MS) {
    throw new ApiException(400, 'RANGE_TOO_LONG', `Ask for at most ${MAX_WINDOW_DAYS} days of shifts at once`);
  }
}

/** `%`, `_` and `\` taken literally in an ILIKE pattern. */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * Checks a batch of location fixes (all or nothing) and answers the newest: a fix must be on
 * Earth, with an accuracy in (0, 5 km], taken neither in the future (beyond the device clock's
 * tolerance) nor more than 12 hours ago. 422 with a code naming the first problem and its index.
 */
export function newestValidFix<F extends { lat: number; lng: number; accuracyM: number; recordedAt: string }>(
  fixes: readonly F[],
  now: number,
): { fix: F; at: Date } {
  let newest: { fix: F; at: Date } | null = null;
  fixes.forEach((fix, index) => {
    checkCoordinates(fix.lat, fix.lng);
    const field = `fixes.${index}`;
    if (!(fix.accuracyM > 0 && fix.accuracyM <= MAX_FIX_ACCURACY_M)) {
      throw new ApiException(
        422,
        'LOCATION_ACCURACY_ABSURD',
        `Fix ${index}: an accuracy of ${fix.accuracyM} m means nothing; it must be above 0 and at most ${MAX_FIX_ACCURACY_M} m`,
        [{ field: `${field}.accuracyM`, code: 'LOCATION_ACCURACY_ABSURD', message: 'absurd accuracy' }],
      );
    }
    const at = parseInstant(fix.recordedAt, `${field}.recordedAt`);
    if (at.getTime() > now + FIX_CLOCK_SKEW_MS) {
      throw new ApiException(
        422,
        'LOCATION_IN_FUTURE',
        `Fix ${index} is dated in the future: check the phone’s clock`,
        [{ field: `${field}.recordedAt`, code: 'LOCATION_IN_FUTURE', message: 'in the future' }],
      );
    }
    if (at.getTime() < now - MAX_FIX_AGE_MS) {
      throw new ApiException(422, 'LOCATION_TOO_OLD', `Fix ${index} is more than 12 hours old: it says nothing now`, [
        { field: `${field}.recordedAt`, code: 'LOCATION_TOO_OLD', message: 'too old' },
      ]);
    }
    if (!newest || at.getTime() > newest.at.getTime()) newest = { fix, at };
  });
  if (!newest)
    throw ApiException.validation([{ field: 'fixes', code: 'arrayMinSize', message: 'send at least one fix' }]);
  return newest;
}
