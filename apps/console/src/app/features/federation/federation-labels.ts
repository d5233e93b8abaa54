import type { ApplicationStatus, CoopDirectoryEntry, StandingMode } from '@federacycle/contracts';
import type { TranslationKey } from '../../core/i18n/en';

export function applicationStatusKey(status: ApplicationStatus): TranslationKey {
  return `applicationStatus.${status}`;
}

export function standingKey(mode: StandingMode): TranslationKey {
  return `standing.${mode}`;
}

export function directoryStatusKey(status: CoopDirectoryEntry['status']): TranslationKey {
  return `coopStatus.${status}`;
}

/** 0.8 → "80 %" in French, "80%" in English; null → em dash. */
export function formatShare(share: number | null, locale: string): string {
  if (share === null) return '—';
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(share);
}
