import type { StandingView } from '@federacycle/contracts';
import { complianceBanner, publishingPermission } from './compliance';

const date = (iso: string): string => `<${iso.slice(0, 10)}>`;
const standing = (over: Partial<StandingView>): StandingView => ({
  mode: 'licensed',
  code: null,
  message: '',
  warnings: [],
  graceEndsAt: null,
  ...over,
});

describe('complianceBanner', () => {
  it('shows nothing when licensed without warnings, or before the standing is known', () => {
    expect(complianceBanner(standing({}), date)).toBeNull();
    expect(complianceBanner(null, date)).toBeNull();
  });

  it('shows nothing in the sandbox without warnings', () => {
    expect(complianceBanner(standing({ mode: 'sandbox', code: 'LICENCE_REQUIRED' }), date)).toBeNull();
  });

  it('warns in grace with the end date and the reason', () => {
    const banner = complianceBanner(
      standing({ mode: 'grace', code: 'LICENCE_EXPIRED', graceEndsAt: '2026-12-01T00:00:00Z' }),
      date,
    );
    expect(banner).toEqual({
      tone: 'warning',
      headline: { key: 'compliance.graceUntil', params: { date: '<2026-12-01>' } },
      reasons: ['compliance.code.LICENCE_EXPIRED'],
    });
  });

  it('warns in grace without a date when the server gives none', () => {
    expect(complianceBanner(standing({ mode: 'grace' }), date)?.headline).toEqual({ key: 'compliance.grace' });
  });

  it('is an error when restricted, blocking code first, warnings after, without duplicates', () => {
    const banner = complianceBanner(
      standing({
        mode: 'restricted',
        code: 'COOP_SUSPENDED',
        warnings: [
          { code: 'COOP_NOT_WORKER_OWNED', message: '' },
          { code: 'COOP_SUSPENDED', message: '' },
        ],
      }),
      date,
    );
    expect(banner?.tone).toBe('error');
    expect(banner?.headline).toEqual({ key: 'compliance.restricted' });
    expect(banner?.reasons).toEqual(['compliance.code.COOP_SUSPENDED', 'compliance.code.COOP_NOT_WORKER_OWNED']);
  });

  it('informs when licensed with warnings', () => {
    const banner = complianceBanner(standing({ warnings: [{ code: 'COOP_NOT_WORKER_OWNED', message: '' }] }), date);
    expect(banner).toEqual({
      tone: 'info',
      headline: { key: 'compliance.warning' },
      reasons: ['compliance.code.COOP_NOT_WORKER_OWNED'],
    });
  });
});

describe('publishingPermission', () => {
  it('allows publishing when licensed or in grace, and says so', () => {
    expect(publishingPermission(standing({ mode: 'licensed', code: null }))).toEqual({
      allowed: true,
      key: 'storefront.canPublish',
    });
    expect(publishingPermission(standing({ mode: 'grace', code: 'LICENCE_EXPIRED' }))).toEqual({
      allowed: true,
      key: 'storefront.canPublishGrace',
    });
  });

  it('blocks it in sandbox and when restricted, with the standing’s reason', () => {
    expect(publishingPermission(standing({ mode: 'sandbox', code: 'LICENCE_REQUIRED' }))).toEqual({
      allowed: false,
      key: 'storefront.blockedSandbox',
    });
    expect(publishingPermission(standing({ mode: 'restricted', code: 'COOP_SUSPENDED' })).key).toBe(
      'storefront.blockedSuspended',
    );
    expect(publishingPermission(standing({ mode: 'restricted', code: 'LICENCE_EXPIRED' })).allowed).toBe(false);
  });

  it('leaves the decision to the server while the standing is unknown', () => {
    expect(publishingPermission(null).allowed).toBe(true);
  });
});
