import type { ShiftView } from '@federacycle/contracts';
import {
  addDays,
  dayKey,
  fromLocalInput,
  parseDayKey,
  startOfWeek,
  timelineSpan,
  toLocalInput,
  weekRows,
} from './shift-calendar';

const shift = (courierId: string, courierName: string, start: Date, hours: number): ShiftView => ({
  id: `${courierId}-${start.getTime()}`,
  courierId,
  courierName,
  startsAt: start.toISOString(),
  endsAt: new Date(start.getTime() + hours * 3_600_000).toISOString(),
  zoneId: null,
  note: null,
});

describe('shift calendar', () => {
  it('starts weeks on Monday, local midnight', () => {
    const wednesday = new Date(2026, 11, 2, 15, 30);
    expect(startOfWeek(wednesday)).toEqual(new Date(2026, 10, 30));
    expect(startOfWeek(new Date(2026, 11, 6, 23))).toEqual(new Date(2026, 10, 30)); // Sunday
    expect(startOfWeek(new Date(2026, 11, 7, 0, 1))).toEqual(new Date(2026, 11, 7)); // Monday
  });

  it('round-trips day keys and datetime-local values', () => {
    expect(dayKey(new Date(2026, 0, 5))).toBe('2026-01-05');
    expect(parseDayKey('2026-01-05')).toEqual(new Date(2026, 0, 5));
    expect(parseDayKey('5 Jan')).toBeNull();
    const at = new Date(2026, 2, 9, 7, 45);
    expect(fromLocalInput(toLocalInput(at))).toEqual(at);
    expect(fromLocalInput('')).toBeNull();
  });

  it('groups a week by courier (by name) and by the day each shift starts', () => {
    const monday = new Date(2026, 10, 30);
    const rows = weekRows(
      [
        shift('b', 'Zoé', addDays(monday, 2), 4),
        shift('a', 'Ana', new Date(2026, 10, 30, 8), 4),
        shift('a', 'Ana', new Date(2026, 11, 6, 20), 3),
      ],
      monday,
    );
    expect(rows.map((r) => [r.courierName, r.days.map((d) => d.length)])).toEqual([
      ['Ana', [1, 0, 0, 0, 0, 0, 1]],
      ['Zoé', [0, 0, 1, 0, 0, 0, 0]],
    ]);
  });

  it('places a shift on a day’s timeline, clipped at midnight', () => {
    const day = new Date(2026, 11, 2);
    expect(timelineSpan(shift('a', 'A', new Date(2026, 11, 2, 6), 6), day)).toEqual({ left: 25, width: 25 });
    const late = timelineSpan(shift('a', 'A', new Date(2026, 11, 2, 22), 4), day);
    expect(late.left).toBeCloseTo(91.667, 2);
    expect(late.width).toBeCloseTo(8.333, 2);
  });
});
