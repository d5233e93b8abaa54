import { COURIER_SKILLS, type Vehicle } from '@federacycle/contracts';
import type { TranslationKey } from '../../core/i18n/en';

export const vehicleKey = (vehicle: Vehicle): TranslationKey => `vehicle.${vehicle}`;

/** The label of a known skill, or the free tag as written. */
export function skillLabel(t: (key: TranslationKey) => string, skill: string): string {
  return (COURIER_SKILLS as readonly string[]).includes(skill) ? t(`skill.${skill}` as TranslationKey) : skill;
}

export const weekdayKey = (weekday: number): TranslationKey => `weekday.${weekday}` as TranslationKey;

/** A share in [0, 1] as a percentage of the locale ("67 %" in French). */
export function formatShare(locale: string, share: number): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(share);
}

export function formatTime(locale: string, iso: string): string {
  return new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
}

export function formatDay(locale: string, date: Date, weekday: 'short' | 'long' = 'short'): string {
  return new Intl.DateTimeFormat(locale, { weekday, day: 'numeric', month: 'short' }).format(date);
}

export function formatDateTime(locale: string, iso: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}
