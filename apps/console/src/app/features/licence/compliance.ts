import type { StandingCode, StandingView } from '@federacycle/contracts';
import type { TranslationKey } from '../../core/i18n/en';
import type { TranslationParams } from '../../core/i18n/i18n.service';

export type BannerTone = 'error' | 'warning' | 'info';

export interface ComplianceBanner {
  tone: BannerTone;
  headline: { key: TranslationKey; params?: TranslationParams };
  /** one explanation per distinct standing code, blocking code first */
  reasons: TranslationKey[];
}

export function standingCodeKey(code: StandingCode): TranslationKey {
  return `compliance.code.${code}`;
}

/**
 * What the compliance banner shows for a standing: nothing when licensed (or sandbox)
 * without warnings; an error when restricted; a warning in grace; information otherwise.
 * `formatDate` turns graceEndsAt into the reader's language.
 */
export function complianceBanner(
  standing: StandingView | null,
  formatDate: (iso: string) => string,
): ComplianceBanner | null {
  if (!standing) return null;
  const codes: StandingCode[] = [];
  for (const code of [standing.code, ...standing.warnings.map((w) => w.code)]) {
    if (code && !codes.includes(code)) codes.push(code);
  }
  const reasons = codes.map(standingCodeKey);
  if (standing.mode === 'restricted') {
    return { tone: 'error', headline: { key: 'compliance.restricted' }, reasons };
  }
  if (standing.mode === 'grace') {
    const headline: ComplianceBanner['headline'] = standing.graceEndsAt
      ? { key: 'compliance.graceUntil', params: { date: formatDate(standing.graceEndsAt) } }
      : { key: 'compliance.grace' };
    return { tone: 'warning', headline, reasons };
  }
  if (standing.warnings.length > 0) {
    return { tone: 'info', headline: { key: 'compliance.warning' }, reasons };
  }
  return null;
}
