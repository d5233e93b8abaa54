import { ApiException } from '@federacycle/platform-http';
import {
  checkCoordinates,
  checkShiftTimes,
  checkVehicle,
  isStale,
  likePattern,
  newestValidFix,
  normalizeAvailability,
  normalizePhone,
  normalizeSkills,
} from './fleet-rules';

const codeOf = (fn: () => unknown): string | null => {
  try {
    fn();
    return null;
  } catch (error) {
    return error instanceof ApiException ? error.code : 'not an ApiException';
  }
};

describe('fleet rules', () => {
  it('normalizes international phone numbers and refuses national or short ones', () => {
    expect(normalizePhone('+33 6 12 34 56 78')).toBe('+33612345678');
    expect(normalizePhone('0049 (30) 123-4567')).toBe('+49301234567');
    expect(normalizePhone('  ')).toBeNull();
    expect(normalizePhone(null)).toBeNull();
    for (const bad of ['06 12 34 56 78', '+0612345678', '+12345', '+33 6 12 34 56 78 90 12 34', '+33abc12345'])
      expect([bad, codeOf(() => normalizePhone(bad))]).toEqual([bad, 'INVALID_PHONE']);
  });

  it('keeps known skills and valid free tags, lower-cased and once each', () => {
    expect(normalizeSkills(['Cold_Chain', 'heavy', 'cold_chain', 'night-owl'])).toEqual([
      'cold_chain',
      'heavy',
      'night-owl',
    ]);
    for (const bad of [['a'], ['with space'], ['-lead'], ['x'.repeat(31)]])
      expect(codeOf(() => normalizeSkills(bad))).toBe('INVALID_COURIER_TAG');
    expect(codeOf(() => normalizeSkills(Array.from({ length: 13 }, (_, i) => `tag${i}`)))).toBe('INVALID_COURIER_TAG');
  });

  it('asks a car for a note, and only a car', () => {
    expect(codeOf(() => checkVehicle('car', null))).toBe('VEHICLE_NOTE_REQUIRED');
    expect(codeOf(() => checkVehicle('car', '   '))).toBe('VEHICLE_NOTE_REQUIRED');
    expect(checkVehicle('car', ' disability ')).toBe('disability');
    expect(checkVehicle('bike', null)).toBeNull();
  });

  it('sorts weekly slots and refuses reversed or overlapping ones of a day', () => {
    expect(
      normalizeAvailability([
        { weekday: 5, start: '18:00', end: '24:00' },
        { weekday: 1, start: '12:00', end: '14:00' },
        { weekday: 1, start: '08:00', end: '12:00' },
      ]),
    ).toEqual([
      { weekday: 1, start: '08:00', end: '12:00' },
      { weekday: 1, start: '12:00', end: '14:00' },
      { weekday: 5, start: '18:00', end: '24:00' },
    ]);
    expect(codeOf(() => normalizeAvailability([{ weekday: 1, start: '10:00', end: '10:00' }]))).toBe(
      'END_BEFORE_START',
    );
    expect(
      codeOf(() =>
        normalizeAvailability([
          { weekday: 2, start: '08:00', end: '12:00' },
          { weekday: 2, start: '11:59', end: '13:00' },
        ]),
      ),
    ).toBe('VALIDATION_FAILED');
  });

  it('checks coordinates, shift times and staleness', () => {
    expect(codeOf(() => checkCoordinates(90, 180, 0))).toBeNull();
    expect(codeOf(() => checkCoordinates(-90.0001, 0))).toBe('COORDINATES_OUT_OF_RANGE');
    expect(codeOf(() => checkCoordinates(0, 180.1))).toBe('COORDINATES_OUT_OF_RANGE');
    expect(codeOf(() => checkCoordinates(Number.NaN, 0))).toBe('COORDINATES_OUT_OF_RANGE');
    expect(codeOf(() => checkCoordinates(0, 0, -1))).toBe('VALIDATION_FAILED');
    const t = Date.UTC(2030, 0, 1);
    expect(codeOf(() => checkShiftTimes(new Date(t), new Date(t)))).toBe('END_BEFORE_START');
    expect(codeOf(() => checkShiftTimes(new Date(t), new Date(t + 16 * 3_600_000)))).toBeNull();
    expect(codeOf(() => checkShiftTimes(new Date(t), new Date(t + 16 * 3_600_000 + 1)))).toBe('RANGE_TOO_LONG');
    expect(isStale(new Date(t), new Date(t + 5 * 60_000))).toBe(false);
    expect(isStale(new Date(t), new Date(t + 5 * 60_000 + 1))).toBe(true);
  });

  it('escapes LIKE wildcards', () => {
    expect(likePattern('50%_a\\b')).toBe('%50\\%\\_a\\\\b%');
  });
});

describe('newestValidFix', () => {
  const now = Date.parse('2026-12-07T12:00:00Z');
  const fix = (agoMs: number, extra: object = {}) => ({
    lat: 45.75,
    lng: 4.85,
    accuracyM: 10,
    recordedAt: new Date(now - agoMs).toISOString(),
    ...extra,
  });
  const codeOf = (fn: () => unknown): string | undefined => {
    try {
      fn();
    } catch (error) {
      return (error as { code?: string }).code;
    }
    return undefined;
  };

  it('answers the newest fix of a batch, whatever its order', () => {
    const { fix: newest, at } = newestValidFix([fix(60_000), fix(5_000), fix(30_000)], now);
    expect(at.getTime()).toBe(now - 5_000);
    expect(newest.recordedAt).toBe(new Date(now - 5_000).toISOString());
    // a device clock a little ahead is fine
    expect(newestValidFix([fix(-60_000)], now).at.getTime()).toBe(now + 60_000);
  });

  it('refuses the whole batch for one absurd fix, naming why', () => {
    expect(codeOf(() => newestValidFix([fix(1), fix(1, { accuracyM: 5001 })], now))).toBe('LOCATION_ACCURACY_ABSURD');
    expect(codeOf(() => newestValidFix([fix(1, { accuracyM: 0 })], now))).toBe('LOCATION_ACCURACY_ABSURD');
    expect(codeOf(() => newestValidFix([fix(1, { accuracyM: -3 })], now))).toBe('LOCATION_ACCURACY_ABSURD');
    expect(codeOf(() => newestValidFix([fix(-10 * 60_000)], now))).toBe('LOCATION_IN_FUTURE');
    expect(codeOf(() => newestValidFix([fix(13 * 3_600_000)], now))).toBe('LOCATION_TOO_OLD');
    expect(codeOf(() => newestValidFix([fix(1, { lng: 181 })], now))).toBe('COORDINATES_OUT_OF_RANGE');
    expect(codeOf(() => newestValidFix([fix(1, { recordedAt: 'yesterday' })], now))).toBe('VALIDATION_FAILED');
    expect(codeOf(() => newestValidFix([], now))).toBe('VALIDATION_FAILED');
  });
});
