import type { ShiftView } from '@federacycle/contracts';

/** Calendar arithmetic of the shifts views, in the browser's local time. */
const DAY_MS = 86_400_000;

/** Midnight (local) of the Monday of `date`'s week. */
export function startOfWeek(date: Date): Date {
  const d = startOfDay(date);
  const offset = (d.getDay() + 6) % 7; // Monday 0 … Sunday 6
  return addDays(d, -offset);
}

export function startOfDay(date: Date): Date {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate());
}

/** `days` calendar days later (local midnight stays midnight across daylight-saving changes). */
export function addDays(date: Date, days: number): Date {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate() + days, date.getHours(), date.getMinutes());
}

export function weekDays(weekStart: Date): Date[] {
  return Array.from({ length: 7 }, (_, i) => addDays(weekStart, i));
}

/** `YYYY-MM-DD` of a local date (route parameters). */
export function dayKey(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The local date of a `YYYY-MM-DD` key, or null. */
export function parseDayKey(key: string | null | undefined): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(key ?? '');
  if (!m) return null;
  const date = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return Number.isNaN(date.getTime()) ? null : date;
}

export interface WeekRow {
  courierId: string;
  courierName: string;
  /** the shifts starting on each day of the week, Monday first */
  days: ShiftView[][];
}

/** One row per courier (by name), each shift under the day it starts (local). */
export function weekRows(shifts: readonly ShiftView[], weekStart: Date): WeekRow[] {
  const rows = new Map<string, WeekRow>();
  for (const shift of shifts) {
    const index = Math.floor((startOfDay(new Date(shift.startsAt)).getTime() - weekStart.getTime()) / DAY_MS + 0.5);
    const day = Math.min(6, Math.max(0, index));
    let row = rows.get(shift.courierId);
    if (!row) {
      row = { courierId: shift.courierId, courierName: shift.courierName, days: Array.from({ length: 7 }, () => []) };
      rows.set(shift.courierId, row);
    }
    row.days[day]?.push(shift);
  }
  return [...rows.values()].sort((a, b) => a.courierName.localeCompare(b.courierName));
}

/** Where a shift sits on a day's timeline, in percent of the day (clipped to the day). */
export function timelineSpan(
  shift: Pick<ShiftView, 'startsAt' | 'endsAt'>,
  day: Date,
): { left: number; width: number } {
  const start = day.getTime();
  const end = addDays(day, 1).getTime();
  const from = Math.max(start, new Date(shift.startsAt).getTime());
  const to = Math.min(end, new Date(shift.endsAt).getTime());
  const span = end - start;
  return { left: ((from - start) / span) * 100, width: (Math.max(0, to - from) / span) * 100 };
}

/** The value of an `<input type="datetime-local">` for an instant (local time, minutes). */
export function toLocalInput(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${dayKey(date)}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** The instant of a `datetime-local` value (read as local time), or null. */
export function fromLocalInput(value: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!m) return null;
  return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
}
