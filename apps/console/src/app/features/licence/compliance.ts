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

/**
 * Whether the storefront may be published in a standing, and the sentence that says so.
 * Mirrors the server's capability rule (licensed and grace: yes; sandbox: a licence is
 * needed; restricted: the standing's code); the server still decides.
 */
export function publishingPermission(standing: StandingView | null): { allowed: boolean; key: TranslationKey } {
  switch (standing?.mode) {
    case 'licensed':
      return { allowed: true, key: 'storefront.canPublish' };
    case 'grace':
      return { allowed: true, key: 'storefront.canPublishGrace' };
    case 'sandbox':
      return { allowed: false, key: 'storefront.blockedSandbox' };
    case 'restricted':
      return {
        allowed: false,
        key: standing.code ? STOREFRONT_BLOCKED[standing.code] : 'storefront.blockedRestricted',
      };
    default:
      // standing unknown (not loaded): let the server answer
      return { allowed: true, key: 'storefront.hint' };
  }
}

const STOREFRONT_BLOCKED: Readonly<Record<StandingCode, TranslationKey>> = {
  LICENCE_REQUIRED: 'storefront.blockedSandbox',
  LICENCE_EXPIRED: 'storefront.blockedExpired',
  COOP_SUSPENDED: 'storefront.blockedSuspended',
  COOP_NOT_WORKER_OWNED: 'storefront.blockedOwnership',
};
