import { Controller, HttpCode, Module, Post, type INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { generateKeyPairSync } from 'node:crypto';
import { Client } from 'pg';
import request from 'supertest';
import type { OperationalCapability } from '@federacycle/contracts';
import { IDENTITY_ENTITIES } from '@federacycle/identity-server';
import { Database, TenantContext } from '@federacycle/platform-database';
import { ApiErrorFilter } from '@federacycle/platform-http';
import { createTestDatabase, type TestDatabase } from '@federacycle/platform-testing';
import { SANDBOX_TEST_ORDERS_PER_DAY } from '../compliance/licence-standing';
import { CapabilityGuard, RequiresCapability } from './capability.guard';
import { CLOCK, type Clock } from '../shared/clock';
import { StandingService } from './standing.service';
import { FEDERATION_ENTITIES } from '../federation.entities';
import { SettingsReader } from '../settings/settings-reader';

/**
 * Test-only controller: no endpoint exists yet for taking orders, the partner API or automatic
 * dispatch, so the guard is proven here on one route per capability.
 */
@Controller('test-ops')
class OperationsTestController {
  @Post('take-orders')
  @HttpCode(200)
  @RequiresCapability('take_orders')
  takeOrders() {
    return { ok: true };
  }

  @Post('publish-storefront')
  @HttpCode(200)
  @RequiresCapability('publish_storefront')
  publish() {
    return { ok: true };
  }

  @Post('partner-api')
  @HttpCode(200)
  @RequiresCapability('partner_api')
  partner() {
    return { ok: true };
  }

  @Post('auto-dispatch')
  @HttpCode(200)
  @RequiresCapability('auto_dispatch')
  dispatch() {
    return { ok: true };
  }
}

const DAY = 86_400_000;
const NOW = new Date('2026-06-15T12:00:00Z');
const clock: Clock = { now: () => NOW };

describe('the licence guard on every operational capability (real database)', () => {
  let testDb: TestDatabase;
  let db: Database;
  let su: Client;
  let app: INestApplication;
  let standing: StandingService;
  const coops: Record<string, string> = {};
  const KID = 'test-kid';

  const coop = async (slug: string, status = 'active'): Promise<string> => {
    const row = await su.query<{ id: string }>(
      `insert into coops (slug, name, city, country, timezone, currency, status) values ($1, $1, 'City', 'FR', 'Europe/Paris', 'EUR', $2) returning id`,
      [slug, status],
    );
    return row.rows[0]?.id as string;
  };
  const licence = async (coopId: string, expiresAt: Date, revokedAt: Date | null = null) => {
    await su.query(
      `insert into licences (id, licensed_coop_id, kid, token, issued_at, expires_at, revoked_at) values (gen_random_uuid(), $1, $2, 'x.y.z', $3, $4, $5)`,
      [coopId, KID, new Date(expiresAt.getTime() - 365 * DAY), expiresAt, revokedAt],
    );
  };

  beforeAll(async () => {
    testDb = await createTestDatabase();
    db = await Database.connect({
      url: testDb.appUrl,
      max: 4,
      entities: [...IDENTITY_ENTITIES, ...FEDERATION_ENTITIES],
    });
    su = new Client({ connectionString: testDb.superUrl });
    await su.connect();
    const { publicKey } = generateKeyPairSync('ed25519');
    await su.query('insert into licence_signing_keys (kid, public_jwk) values ($1, $2)', [
      KID,
      JSON.stringify({ ...publicKey.export({ format: 'jwk' }), kid: KID }),
    ]);

    coops['licensed'] = await coop('licensed');
    await licence(coops['licensed'], new Date(NOW.getTime() + 100 * DAY));
    coops['grace'] = await coop('grace');
    await licence(coops['grace'], new Date(NOW.getTime() - 10 * DAY));
    coops['sandbox'] = await coop('sandbox');
    coops['expired'] = await coop('expired');
    await licence(coops['expired'], new Date(NOW.getTime() - 31 * DAY));
    coops['suspended'] = await coop('suspended', 'suspended');
    await licence(coops['suspended'], new Date(NOW.getTime() + 100 * DAY));
    coops['revoked'] = await coop('revoked');
    await licence(coops['revoked'], new Date(NOW.getTime() + 100 * DAY), new Date(NOW.getTime() - DAY));
    coops['not-worker-owned'] = await coop('not-worker-owned');
    await licence(coops['not-worker-owned'], new Date(NOW.getTime() + 100 * DAY));
    await su.query(
      'insert into coop_compliance (coop_id, share, active_couriers, member_couriers, threshold, below_since, checked_at) values ($1, 0.2, 5, 1, 0.5, $2, $3)',
      [coops['not-worker-owned'], new Date(NOW.getTime() - 31 * DAY), NOW],
    );

    @Module({
      controllers: [OperationsTestController],
      providers: [
        { provide: Database, useValue: db },
        { provide: CLOCK, useValue: clock },
        SettingsReader,
        StandingService,
        CapabilityGuard,
      ],
    })
    class TestModule {}
    const moduleRef = await Test.createTestingModule({
      imports: [TestModule],
    }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    // stands in for the identity access guard: the token's coop, here from a header
    app.use((req: { header(name: string): string | undefined }, _res: unknown, next: () => void) =>
      TenantContext.run(
        {
          coopId: req.header('x-coop') ?? null,
          actorId: null,
          requestId: 'test',
        },
        next,
      ),
    );
    app.useGlobalFilters(new ApiErrorFilter());
    await app.init();
    standing = app.get(StandingService);
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
    await su?.end();
    await testDb?.drop();
  });

  const ROUTES: Array<[OperationalCapability, string]> = [
    ['take_orders', 'take-orders'],
    ['publish_storefront', 'publish-storefront'],
    ['partner_api', 'partner-api'],
    ['auto_dispatch', 'auto-dispatch'],
  ];
  const STATES: Array<[state: string, status: number, code: string | undefined]> = [
    ['licensed', 200, undefined],
    ['grace', 200, undefined],
    ['sandbox', 403, 'LICENCE_REQUIRED'],
    ['expired', 403, 'LICENCE_EXPIRED'],
    ['suspended', 403, 'COOP_SUSPENDED'],
    ['revoked', 403, 'LICENCE_REQUIRED'],
    ['not-worker-owned', 403, 'COOP_NOT_WORKER_OWNED'],
  ];
  const cases = STATES.flatMap(([state, status, code]) =>
    ROUTES.map(([capability, path]) => [state, capability, path, status, code] as const),
  );

  it.each(cases)('%s coop / %s', async (state, _capability, path, status, code) => {
    const res = await request(app.getHttpServer())
      .post(`/test-ops/${path}`)
      .set('x-coop', coops[state] as string);
    expect([res.status, res.body.code]).toEqual([status, code]);
    if (status === 403) expect(res.body.message.length).toBeGreaterThan(20);
    if (state === 'grace') expect(res.headers['x-licence-warning']).toBe('LICENCE_EXPIRED');
  });

  it('refuses a request without a coop', async () => {
    const res = await request(app.getHttpServer()).post('/test-ops/take-orders');
    expect([res.status, res.body.code]).toEqual([403, 'NO_MEMBERSHIP']);
  });

  it('caps sandbox test orders per day (for the ordering module), and refuses them when restricted', async () => {
    await expect(
      standing.assertTestOrder(coops['sandbox'] as string, SANDBOX_TEST_ORDERS_PER_DAY - 1),
    ).resolves.toMatchObject({ allowed: true });
    await expect(
      standing.assertTestOrder(coops['sandbox'] as string, SANDBOX_TEST_ORDERS_PER_DAY),
    ).rejects.toMatchObject({ code: 'SANDBOX_TEST_ORDER_LIMIT', status: 429 });
    await expect(standing.assertTestOrder(coops['licensed'] as string, 1000)).resolves.toMatchObject({ allowed: true });
    await expect(standing.assertTestOrder(coops['suspended'] as string, 0)).rejects.toMatchObject({
      code: 'COOP_SUSPENDED',
      status: 403,
    });
  });
});
