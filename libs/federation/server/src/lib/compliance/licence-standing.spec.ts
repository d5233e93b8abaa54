import { COOP_STATES } from '../lifecycle/coop-lifecycle';
import {
  DEFAULT_GRACE_DAYS,
  LicenceStanding,
  OPERATIONAL_CAPABILITIES,
  OperationalCapability,
  SANDBOX_TEST_ORDERS_PER_DAY,
  StandingInput,
  StandingMode,
  canOperate,
  standingFor,
} from './licence-standing';

/** A controllable clock: every scenario is evaluated at `now`. */
const now = new Date('2026-06-15T12:00:00Z');
const days = (n: number) => new Date(now.getTime() + n * 86_400_000);
const base: StandingInput = {
  coopStatus: 'active',
  licence: { status: 'active', expiresAt: days(100), revokedAt: null },
  now,
  graceDays: DEFAULT_GRACE_DAYS,
  workerOwnership: { share: 0.8, threshold: 0.5, belowSince: null },
};
const expiredSince = (n: number): StandingInput => ({
  ...base,
  licence: { status: 'active', expiresAt: days(-n), revokedAt: null },
});
const belowSince = (n: number | null, share = 0.4): StandingInput => ({
  ...base,
  workerOwnership: {
    share,
    threshold: 0.5,
    belowSince: n === null ? null : days(-n),
  },
});

type Scenario = [name: string, input: StandingInput, mode: StandingMode, code: string | undefined, warnings: string[]];
const scenarios: Scenario[] = [
  ['licensed, compliant', base, 'licensed', undefined, []],
  ['licensed, ownership never computed', { ...base, workerOwnership: null }, 'licensed', undefined, []],
  [
    'licensed, no active couriers',
    {
      ...base,
      workerOwnership: { share: null, threshold: 0.5, belowSince: null },
    },
    'licensed',
    undefined,
    [],
  ],
  [
    'licensed, exactly at threshold',
    {
      ...base,
      workerOwnership: { share: 0.5, threshold: 0.5, belowSince: null },
    },
    'licensed',
    undefined,
    [],
  ],
  ['suspended', { ...base, coopStatus: 'suspended' }, 'restricted', 'COOP_SUSPENDED', []],
  ['offboarding', { ...base, coopStatus: 'offboarding' }, 'restricted', 'COOP_SUSPENDED', []],
  ['offboarded', { ...base, coopStatus: 'offboarded' }, 'restricted', 'COOP_SUSPENDED', []],
  [
    'suspended without licence',
    { ...base, coopStatus: 'suspended', licence: null },
    'restricted',
    'COOP_SUSPENDED',
    [],
  ],
  [
    'revoked (status)',
    {
      ...base,
      licence: { status: 'revoked', expiresAt: days(100), revokedAt: days(-1) },
    },
    'restricted',
    'LICENCE_REQUIRED',
    [],
  ],
  [
    'revoked (revokedAt past)',
    {
      ...base,
      licence: { status: 'active', expiresAt: days(100), revokedAt: days(-1) },
    },
    'restricted',
    'LICENCE_REQUIRED',
    [],
  ],
  [
    'revocation scheduled later',
    {
      ...base,
      licence: { status: 'active', expiresAt: days(100), revokedAt: days(1) },
    },
    'licensed',
    undefined,
    [],
  ],
  ['no licence', { ...base, licence: null }, 'sandbox', 'LICENCE_REQUIRED', []],
  [
    'no licence, below threshold',
    { ...belowSince(60), licence: null },
    'sandbox',
    'LICENCE_REQUIRED',
    ['COOP_NOT_WORKER_OWNED'],
  ],
  [
    'expires in 1 ms',
    {
      ...base,
      licence: {
        status: 'active',
        expiresAt: new Date(now.getTime() + 1),
        revokedAt: null,
      },
    },
    'licensed',
    undefined,
    [],
  ],
  ['expired right now', expiredSince(0), 'grace', undefined, ['LICENCE_EXPIRED']],
  ['expired 29 days ago', expiredSince(29), 'grace', undefined, ['LICENCE_EXPIRED']],
  ['expired exactly 30 days ago', expiredSince(30), 'restricted', 'LICENCE_EXPIRED', []],
  ['expired 31 days ago', expiredSince(31), 'restricted', 'LICENCE_EXPIRED', []],
  ['expired, grace 0', { ...expiredSince(0), graceDays: 0 }, 'restricted', 'LICENCE_EXPIRED', []],
  ['expired 40 days ago, grace 60', { ...expiredSince(40), graceDays: 60 }, 'grace', undefined, ['LICENCE_EXPIRED']],
  ['below threshold, first day (belowSince unset)', belowSince(null), 'licensed', undefined, ['COOP_NOT_WORKER_OWNED']],
  ['below threshold for 29 days', belowSince(29), 'licensed', undefined, ['COOP_NOT_WORKER_OWNED']],
  ['below threshold for 30 days', belowSince(30), 'restricted', 'COOP_NOT_WORKER_OWNED', []],
  ['no member at all for 45 days', belowSince(45, 0), 'restricted', 'COOP_NOT_WORKER_OWNED', []],
  [
    'expired in grace and below threshold',
    { ...expiredSince(5), workerOwnership: belowSince(3).workerOwnership },
    'grace',
    undefined,
    ['LICENCE_EXPIRED', 'COOP_NOT_WORKER_OWNED'],
  ],
  [
    'expired in grace, ownership past grace',
    { ...expiredSince(5), workerOwnership: belowSince(40).workerOwnership },
    'restricted',
    'COOP_NOT_WORKER_OWNED',
    ['LICENCE_EXPIRED'],
  ],
  [
    'expired past grace and not worker-owned',
    { ...expiredSince(40), workerOwnership: belowSince(40).workerOwnership },
    'restricted',
    'LICENCE_EXPIRED',
    [],
  ],
  [
    'revoked and suspended',
    {
      ...base,
      coopStatus: 'suspended',
      licence: { status: 'revoked', expiresAt: days(1), revokedAt: days(-1) },
    },
    'restricted',
    'COOP_SUSPENDED',
    [],
  ],
];

/** What each mode allows, capability by capability (test_orders under the daily cap). */
const ALLOWED: Readonly<Record<StandingMode, Readonly<Record<OperationalCapability, boolean>>>> = {
  licensed: {
    take_orders: true,
    publish_storefront: true,
    partner_api: true,
    auto_dispatch: true,
    test_orders: true,
  },
  grace: {
    take_orders: true,
    publish_storefront: true,
    partner_api: true,
    auto_dispatch: true,
    test_orders: true,
  },
  sandbox: {
    take_orders: false,
    publish_storefront: false,
    partner_api: false,
    auto_dispatch: false,
    test_orders: true,
  },
  restricted: {
    take_orders: false,
    publish_storefront: false,
    partner_api: false,
    auto_dispatch: false,
    test_orders: false,
  },
};

describe('standingFor', () => {
  it.each(scenarios)('%s', (_name, input, mode, code, warnings) => {
    const standing = standingFor(input);
    expect(standing.mode).toBe(mode);
    expect(standing.code).toBe(code);
    expect(standing.warnings.map((w) => w.code)).toEqual(warnings);
    expect(standing.warning?.code).toBe(warnings[0]);
    expect(standing.message.length).toBeGreaterThan(20);
    expect(standing.message).not.toMatch(/undefined|NaN|null/);
  });

  it('gives the end of the licence grace period', () => {
    const standing = standingFor(expiredSince(10));
    expect(standing.graceEndsAt).toEqual(days(20));
    expect(standing.warning).toMatchObject({
      code: 'LICENCE_EXPIRED',
      restrictsAt: days(20),
    });
    expect(standing.message).toContain(days(20).toISOString().slice(0, 10));
  });

  it('gives the date the ownership breach will restrict', () => {
    const standing = standingFor(belowSince(10));
    expect(standing.graceEndsAt).toEqual(days(20));
    expect(standing.warning?.message).toMatch(/40 % .*50 %/);
  });

  it('orders warnings by urgency and reports the earliest deadline', () => {
    const standing = standingFor({
      ...expiredSince(2),
      workerOwnership: belowSince(25).workerOwnership,
    });
    expect(standing.warnings.map((w) => w.code)).toEqual(['COOP_NOT_WORKER_OWNED', 'LICENCE_EXPIRED']);
    expect(standing.graceEndsAt).toEqual(days(5));
  });

  it('a sandbox ownership warning has no restriction date', () => {
    const standing = standingFor({ ...belowSince(60), licence: null });
    expect(standing.warning?.restrictsAt).toBeNull();
    expect(standing.graceEndsAt).toBeUndefined();
  });

  it('says why: suspended, revoked, sandbox, expired', () => {
    expect(standingFor({ ...base, coopStatus: 'suspended' }).message).toMatch(/suspended/);
    expect(standingFor({ ...base, coopStatus: 'offboarded' }).message).toMatch(/left the federation/);
    expect(
      standingFor({
        ...base,
        licence: { status: 'revoked', expiresAt: days(9), revokedAt: null },
      }).message,
    ).toMatch(/revoked/);
    expect(standingFor({ ...base, licence: null }).message).toMatch(/sandbox/);
    expect(standingFor(expiredSince(40)).message).toMatch(/expired on .* grace period ended/);
  });

  it('every coop state that is not active restricts at once, whatever the licence', () => {
    for (const coopStatus of COOP_STATES.filter((s) => s !== 'active')) {
      for (const licence of [null, base.licence, expiredSince(1).licence]) {
        expect(standingFor({ ...base, coopStatus, licence })).toMatchObject({
          mode: 'restricted',
          code: 'COOP_SUSPENDED',
        });
      }
    }
  });

  it.each([[-1], [1.5], [Number.NaN]])('rejects graceDays %d', (graceDays) => {
    expect(() => standingFor({ ...base, graceDays })).toThrow(RangeError);
  });
});

describe('canOperate: every scenario × capability', () => {
  const cases = scenarios.flatMap(([name, input, mode]) =>
    OPERATIONAL_CAPABILITIES.map((cap) => [name, cap, input, mode] as const),
  );

  it.each(cases)('%s / %s', (_name, capability, input, mode) => {
    const standing = standingFor(input);
    const decision = canOperate(standing, capability, { testOrdersToday: 0 });
    expect(decision.allowed).toBe(ALLOWED[mode][capability]);
    if (!decision.allowed) {
      expect(decision.code).toBe(mode === 'sandbox' ? 'LICENCE_REQUIRED' : standing.code);
      expect(decision.message.length).toBeGreaterThan(20);
    } else if (standing.warning) {
      expect(decision.warning).toEqual(standing.warning);
    }
  });

  it('covers every mode', () => {
    expect(new Set(scenarios.map(([, , mode]) => mode))).toEqual(
      new Set(['licensed', 'grace', 'sandbox', 'restricted']),
    );
  });
});

describe('sandbox test orders', () => {
  const sandbox: LicenceStanding = standingFor({ ...base, licence: null });

  it(`are capped at ${SANDBOX_TEST_ORDERS_PER_DAY} per day`, () => {
    expect(SANDBOX_TEST_ORDERS_PER_DAY).toBe(20);
    expect(canOperate(sandbox, 'test_orders', { testOrdersToday: 19 })).toEqual({ allowed: true });
    expect(canOperate(sandbox, 'test_orders', { testOrdersToday: 20 })).toMatchObject({
      allowed: false,
      code: 'SANDBOX_TEST_ORDER_LIMIT',
    });
    expect(canOperate(sandbox, 'test_orders')).toEqual({ allowed: true });
  });

  it('are not capped for licensed coops', () => {
    expect(canOperate(standingFor(base), 'test_orders', { testOrdersToday: 500 }).allowed).toBe(true);
  });

  it('explain that a licence is needed for real operations', () => {
    const decision = canOperate(sandbox, 'publish_storefront');
    expect(decision).toMatchObject({
      allowed: false,
      code: 'LICENCE_REQUIRED',
    });
    if (!decision.allowed) expect(decision.message).toMatch(/storefront.*sandbox/i);
  });
});
