import { OpeningHoursError, openingState, parseHours, weekIntervals } from './opening-hours';
import { fromWall, toWall } from './zoned-time';

const FR = { country: 'FR', region: null };

describe('opening hours', () => {
  it('names the position and the problem of text that does not parse', () => {
    const cases: Array<[string, number]> = [
      ['Mo-Fx 10:00', 4],
      ['Mo-Fr 25:00-26:00', 11],
      ['Tu 10:00-', 9],
    ];
    for (const [value, position] of cases) {
      let caught: unknown;
      try {
        parseHours(value, FR);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(OpeningHoursError);
      expect([value, (caught as OpeningHoursError).detail.position]).toEqual([value, position]);
      expect((caught as OpeningHoursError).detail.problem.length).toBeGreaterThan(5);
    }
  });

  it('refuses a PH rule for a country without a holiday calendar', () => {
    expect(() => parseHours('Mo-Fr 10:00-12:00; PH off', { country: 'XX', region: null })).toThrow(OpeningHoursError);
  });

  it('reads the hours in the coop’s zone: 09:00 Paris is 08:00 UTC in winter', () => {
    const hours = parseHours('Mo-Fr 09:00-17:00', FR);
    // Wednesday 2 December 2026, 07:30 UTC = 08:30 in Paris: closed, opens at 08:00 UTC
    const state = openingState(hours, new Date('2026-12-02T07:30:00Z'), 'Europe/Paris');
    expect(state).toMatchObject({ openNow: false, opensAt: '2026-12-02T08:00:00.000Z', closesAt: null });
    const open = openingState(hours, new Date('2026-12-02T08:30:00Z'), 'Europe/Paris');
    expect(open).toMatchObject({ openNow: true, closesAt: '2026-12-02T16:00:00.000Z' });
    // New York: 09:00 there is 14:00 UTC
    expect(openingState(hours, new Date('2026-12-02T13:30:00Z'), 'America/New_York').opensAt).toBe(
      '2026-12-02T14:00:00.000Z',
    );
  });

  it('knows the public holidays of the country (Christmas in France)', () => {
    const hours = parseHours('Mo-Su 10:00-20:00; PH off', FR);
    const christmas = openingState(hours, new Date('2026-12-25T11:00:00Z'), 'Europe/Paris');
    expect(christmas).toMatchObject({ openNow: false, holidayToday: true });
    expect(openingState(hours, new Date('2026-12-24T11:00:00Z'), 'Europe/Paris').openNow).toBe(true);
  });

  it('lists the week’s open intervals as instants', () => {
    const hours = parseHours('Mo-Fr 11:30-14:30', FR);
    const week = weekIntervals(hours, new Date('2026-11-30T00:00:00Z'), 'Europe/Paris');
    expect(week).toHaveLength(5);
    expect(week[0]).toMatchObject({ from: '2026-11-30T10:30:00.000Z', to: '2026-11-30T13:30:00.000Z' });
  });

  it('moves instants to wall time and back, across a DST change of the zone', () => {
    for (const iso of [
      '2026-03-29T00:30:00Z',
      '2026-03-29T01:30:00Z',
      '2026-10-25T02:30:00Z',
      '2026-07-01T12:00:00Z',
    ]) {
      const instant = new Date(iso);
      expect(fromWall(toWall(instant, 'Europe/Paris'), 'Europe/Paris').toISOString()).toBe(instant.toISOString());
    }
  });
});
