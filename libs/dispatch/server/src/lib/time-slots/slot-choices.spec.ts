import OpeningHours from 'opening_hours';
import { matchWindow, slotChoices, slotWindows, type SlotRule } from './slot-choices';

const PARIS = 'Europe/Paris';
const hours = (text: string) => new OpeningHours(text, { lat: 0, lon: 0, address: { country_code: 'fr', state: '' } });
const everyDay = () => true;
const weekdays = (wall: Date) => wall.getDay() >= 1 && wall.getDay() <= 5;
const rule = (over: Partial<SlotRule> = {}): SlotRule => ({
  intervalMinutes: 120,
  priorNoticeMinutes: 0,
  workingDaysOnly: false,
  capacity: null,
  horizonDays: 2,
  ...over,
});
const range = (w: { start: Date | string; end: Date | string }) =>
  `${new Date(w.start).toISOString()}/${new Date(w.end).toISOString()}`;

describe('time slot windows (pure)', () => {
  // Thursday 3 December 2026, 09:30 in Paris (08:30 UTC, winter time)
  const now = new Date('2026-12-03T08:30:00Z');

  it('cuts each open interval in windows of the interval, in the coop zone, from today', () => {
    const windows = slotWindows(hours('Mo-Su 10:00-16:00'), rule({ horizonDays: 2 }), now, PARIS, everyDay);
    expect(windows.slice(0, 4).map(range)).toEqual([
      '2026-12-03T09:00:00.000Z/2026-12-03T11:00:00.000Z',
      '2026-12-03T11:00:00.000Z/2026-12-03T13:00:00.000Z',
      '2026-12-03T13:00:00.000Z/2026-12-03T15:00:00.000Z',
      '2026-12-04T09:00:00.000Z/2026-12-04T11:00:00.000Z',
    ]);
  });

  it('offers no window that does not fit whole before the hours close', () => {
    const windows = slotWindows(hours('Mo-Su 10:00-15:00'), rule({ horizonDays: 2 }), now, PARIS, everyDay);
    // 10-12, 12-14; 14-16 would pass the 15:00 close
    expect(windows.filter((w) => w.start.toISOString().startsWith('2026-12-03')).map(range)).toEqual([
      '2026-12-03T09:00:00.000Z/2026-12-03T11:00:00.000Z',
      '2026-12-03T11:00:00.000Z/2026-12-03T13:00:00.000Z',
    ]);
  });

  it('follows the zone across a change of offset (summer time starts 29 March 2026)', () => {
    const saturday = new Date('2026-03-28T06:00:00Z');
    const windows = slotWindows(hours('Mo-Su 10:00-12:00'), rule({ horizonDays: 2 }), saturday, PARIS, everyDay);
    expect(windows.map(range)).toEqual([
      '2026-03-28T09:00:00.000Z/2026-03-28T11:00:00.000Z',
      '2026-03-29T08:00:00.000Z/2026-03-29T10:00:00.000Z',
    ]);
  });

  it('leaves out days that are not working days when asked', () => {
    // Friday 4 December: Friday, then the weekend, then Monday 7
    const friday = new Date('2026-12-04T06:00:00Z');
    const all = slotWindows(hours('Mo-Su 10:00-12:00'), rule({ horizonDays: 4 }), friday, PARIS, weekdays);
    const working = slotWindows(
      hours('Mo-Su 10:00-12:00'),
      rule({ horizonDays: 4, workingDaysOnly: true }),
      friday,
      PARIS,
      weekdays,
    );
    expect(all.map((w) => w.start.toISOString().slice(0, 10))).toEqual([
      '2026-12-04',
      '2026-12-05',
      '2026-12-06',
      '2026-12-07',
    ]);
    expect(working.map((w) => w.start.toISOString().slice(0, 10))).toEqual(['2026-12-04', '2026-12-07']);
  });

  it('choices keep future windows after the prior notice, with the places left, full ones out', () => {
    const slot = rule({ priorNoticeMinutes: 60, capacity: 2, horizonDays: 2 });
    const windows = slotWindows(hours('Mo-Su 10:00-16:00'), slot, now, PARIS, everyDay);
    const booked = new Map([
      [new Date('2026-12-03T11:00:00Z').getTime(), 2],
      [new Date('2026-12-03T13:00:00Z').getTime(), 1],
    ]);
    const choices = slotChoices(windows, slot, now, booked);
    // 10-12 starts within the hour of notice (now 09:30), 12-14 is full
    expect(choices.slice(0, 2)).toEqual([
      { start: '2026-12-03T13:00:00.000Z', end: '2026-12-03T15:00:00.000Z', booked: 1, remaining: 1 },
      { start: '2026-12-04T09:00:00.000Z', end: '2026-12-04T11:00:00.000Z', booked: 0, remaining: 2 },
    ]);
    const withFull = slotChoices(windows, slot, now, booked, true);
    expect(withFull[0]).toMatchObject({ start: '2026-12-03T11:00:00.000Z', remaining: 0 });
    expect(slotChoices(windows, rule({ horizonDays: 2 }), now, booked)[0]).toMatchObject({ remaining: null });
  });

  it('matches a window exactly, says when it starts too soon, and refuses a misaligned one', () => {
    const slot = rule({ priorNoticeMinutes: 60, horizonDays: 2 });
    const windows = slotWindows(hours('Mo-Su 10:00-16:00'), slot, now, PARIS, everyDay);
    const at = (a: string, b: string) => matchWindow(windows, slot, now, new Date(a), new Date(b));
    expect(at('2026-12-03T11:00:00Z', '2026-12-03T13:00:00Z')).toMatchObject({ ok: true });
    expect(at('2026-12-03T09:00:00Z', '2026-12-03T11:00:00Z')).toMatchObject({ ok: false, code: 'TIME_SLOT_PAST' });
    expect(at('2026-12-03T10:00:00Z', '2026-12-03T12:00:00Z')).toMatchObject({
      ok: false,
      code: 'TIME_SLOT_WINDOW_INVALID',
    });
    expect(at('2026-12-03T11:00:00Z', '2026-12-03T12:00:00Z')).toMatchObject({
      ok: false,
      code: 'TIME_SLOT_WINDOW_INVALID',
    });
    // beyond the horizon
    expect(at('2026-12-10T09:00:00Z', '2026-12-10T11:00:00Z')).toMatchObject({
      ok: false,
      code: 'TIME_SLOT_WINDOW_INVALID',
    });
  });

  it('caps an always-open slot instead of listing thousands of windows', () => {
    const windows = slotWindows(hours('24/7'), rule({ intervalMinutes: 15, horizonDays: 60 }), now, PARIS, everyDay);
    expect(windows.length).toBeLessThanOrEqual(1000);
    expect(slotChoices(windows, rule({ intervalMinutes: 15 }), now, new Map()).length).toBe(500);
  });
});
