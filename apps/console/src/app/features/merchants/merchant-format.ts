import type { MerchantKind, OpenInterval, OpeningState } from '@federacycle/contracts';
import type { Translate } from '../../core/api/problem-text';
import type { StatusTone } from '../../shared/status-chip.component';

export const KIND_KEYS = {
  restaurant: 'merchants.kind.restaurant',
  shop: 'merchants.kind.shop',
  partner_store: 'merchants.kind.partner_store',
} as const satisfies Record<MerchantKind, string>;

/** Money in minor units, in the locale. */
export function formatMoney(amount: number, currency: string, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(amount / 100);
}

/** A day and time in the coop's zone: "Tue 14:30" (today: just the time). */
export function formatWhen(iso: string, locale: string, timeZone: string, now = new Date()): string {
  const date = new Date(iso);
  const day = new Intl.DateTimeFormat(locale, { timeZone, weekday: 'long' });
  const time = new Intl.DateTimeFormat(locale, { timeZone, hour: '2-digit', minute: '2-digit' }).format(date);
  return day.format(date) === day.format(now) && date.getTime() - now.getTime() < 86_400_000
    ? time
    : `${day.format(date)} ${time}`;
}

/** "Open now · closes at 14:30" / "Closed · opens Tuesday 11:30" / "Closed". */
export function stateSentence(
  t: Translate,
  state: OpeningState,
  locale: string,
  timeZone: string,
  paused = false,
): string {
  if (paused) {
    return state.opensAt
      ? t('merchants.state.pausedUntil', { when: formatWhen(state.opensAt, locale, timeZone) })
      : t('merchants.state.paused');
  }
  if (state.openNow) {
    return state.closesAt
      ? t('merchants.state.openCloses', { when: formatWhen(state.closesAt, locale, timeZone) })
      : t('merchants.state.open');
  }
  return state.opensAt
    ? t('merchants.state.closedOpens', { when: formatWhen(state.opensAt, locale, timeZone) })
    : t('merchants.state.closed');
}

export function stateTone(openNow: boolean, paused: boolean): StatusTone {
  if (paused) return 'warn';
  return openNow ? 'ok' : 'neutral';
}

export interface DayIntervals {
  day: string;
  ranges: string[];
}

/** The week's open intervals, day by day, in the coop's zone and the reader's language. */
export function weekByDay(week: readonly OpenInterval[], locale: string, timeZone: string): DayIntervals[] {
  const day = new Intl.DateTimeFormat(locale, { timeZone, weekday: 'long', day: 'numeric', month: 'short' });
  const time = new Intl.DateTimeFormat(locale, { timeZone, hour: '2-digit', minute: '2-digit' });
  const days: DayIntervals[] = [];
  for (const interval of week) {
    const label = day.format(new Date(interval.from));
    const range = `${time.format(new Date(interval.from))}–${time.format(new Date(interval.to))}`;
    const last = days[days.length - 1];
    if (last && last.day === label) last.ranges.push(range);
    else days.push({ day: label, ranges: [range] });
  }
  return days;
}
