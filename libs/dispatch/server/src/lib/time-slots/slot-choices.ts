import type OpeningHours from 'opening_hours';
import { MAX_SLOT_CHOICES, type TimeSlotChoice } from '@federacycle/contracts';
import { fromWall, toWall } from '@federacycle/merchants-server';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** What of a time slot decides its windows (the row's columns, hours parsed). */
export interface SlotRule {
  intervalMinutes: number;
  priorNoticeMinutes: number;
  workingDaysOnly: boolean;
  capacity: number | null;
  horizonDays: number;
}

export interface SlotWindow {
  start: Date;
  end: Date;
}

/** Whether a day (a wall Date: its local fields are the coop's wall clock) is a working day. */
export type WorkingDay = (wall: Date) => boolean;

/**
 * Every window of a slot that has not ended yet, within its horizon: each open interval of the
 * opening hours (read in the coop's zone, from the start of today) is cut from its opening into
 * consecutive windows of `intervalMinutes`; a window that does not fit whole before the interval
 * closes is not offered. The horizon is counted in the coop's days: `horizonDays` days from today
 * (1: today only). With `workingDaysOnly`, windows starting on a day that is not a working
 * day are left out. Prior notice and capacity are not applied here (see `slotChoices`).
 */
export function slotWindows(
  hours: OpeningHours,
  rule: SlotRule,
  now: Date,
  timeZone: string,
  workingDay: WorkingDay,
): SlotWindow[] {
  const wallNow = toWall(now, timeZone);
  const today = new Date(wallNow.getFullYear(), wallNow.getMonth(), wallNow.getDate());
  // the coop's days from today: horizonDays of them (1: today only)
  const until = new Date(today.getTime() + rule.horizonDays * DAY);
  const length = rule.intervalMinutes * MINUTE;
  const windows: SlotWindow[] = [];
  for (const [from, to] of hours.getOpenIntervals(today, until)) {
    for (let start = from.getTime(); start + length <= to.getTime(); start += length) {
      const wallStart = new Date(start);
      if (rule.workingDaysOnly && !workingDay(wallStart)) continue;
      const window = { start: fromWall(wallStart, timeZone), end: fromWall(new Date(start + length), timeZone) };
      if (window.end.getTime() <= now.getTime()) continue;
      windows.push(window);
      // a text open all the time (24/7) would give thousands of short windows: the read is capped
      if (windows.length >= MAX_SLOT_CHOICES * 2) return windows;
    }
  }
  return windows;
}

/** The earliest start a booking made now may take. */
export function earliestStart(rule: SlotRule, now: Date): number {
  return now.getTime() + rule.priorNoticeMinutes * MINUTE;
}

/**
 * The windows a booking made now can take: those starting after the prior notice, with the
 * places left (`booked` counts deliveries per window start, in ms). Full windows are left out
 * unless `includeFull`. At most MAX_SLOT_CHOICES.
 */
export function slotChoices(
  windows: readonly SlotWindow[],
  rule: SlotRule,
  now: Date,
  booked: ReadonlyMap<number, number>,
  includeFull = false,
): TimeSlotChoice[] {
  const earliest = earliestStart(rule, now);
  const choices: TimeSlotChoice[] = [];
  for (const window of windows) {
    if (window.start.getTime() < earliest) continue;
    const count = booked.get(window.start.getTime()) ?? 0;
    const remaining = rule.capacity === null ? null : Math.max(0, rule.capacity - count);
    if (remaining === 0 && !includeFull) continue;
    choices.push({ start: window.start.toISOString(), end: window.end.toISOString(), booked: count, remaining });
    if (choices.length >= MAX_SLOT_CHOICES) break;
  }
  return choices;
}

export type WindowMatch =
  | { ok: true; window: SlotWindow }
  | { ok: false; code: 'TIME_SLOT_WINDOW_INVALID' | 'TIME_SLOT_PAST'; window?: SlotWindow };

/**
 * Whether [after, before] is one of the slot's windows that a booking made now may take:
 * exactly one of its windows (misaligned, outside the hours or beyond the horizon:
 * TIME_SLOT_WINDOW_INVALID), starting after the prior notice (else TIME_SLOT_PAST).
 */
export function matchWindow(
  windows: readonly SlotWindow[],
  rule: SlotRule,
  now: Date,
  after: Date,
  before: Date,
): WindowMatch {
  const window = windows.find((w) => w.start.getTime() === after.getTime() && w.end.getTime() === before.getTime());
  if (!window) return { ok: false, code: 'TIME_SLOT_WINDOW_INVALID' };
  if (window.start.getTime() < earliestStart(rule, now)) return { ok: false, code: 'TIME_SLOT_PAST', window };
  return { ok: true, window };
}
