import { Controller, Get, Inject, Module, type INestApplication } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import type { NextFunction, Request, Response } from 'express';
import { Client } from 'pg';
import request from 'supertest';
import { Database, TenantContext } from '@federacycle/platform-database';
import { createTestDatabase, type TestDatabase } from '@federacycle/platform-testing';
import { ApiException } from './api-exception';
import { ApiErrorFilter } from './error.filter';
import { PreconditionExpressAdapter } from './precondition-adapter';

@Controller()
class PreconditionTestController {
  constructor(@Inject(Database) private readonly db: Database) {}

  @Get('no-db')
  noDb() {
    return { ok: true };
  }

  @Get('db')
  withDb() {
    return this.db.statement('select 1 as one');
  }

  @Get('missing')
  missing() {
    throw ApiException.notFound('The thing');
  }

  @Get('bigint')
  bigint() {
    return { n: BigInt(1) };
  }
}

describe('PreconditionExpressAdapter and ApiErrorFilter: a deferred check decides the answer', () => {
  let testDb: TestDatabase;
  let db: Database;
  let su: Client;
  let app: INestApplication;
  const coopId = '0a000000-0000-4000-8000-00000000000a';

  beforeAll(async () => {
    testDb = await createTestDatabase();
    db = await Database.connect({ url: testDb.appUrl, max: 2 });
    su = new Client({ connectionString: testDb.superUrl });
    await su.connect();
    await su.query(
      `insert into coops (id, slug, name, city, country, timezone, currency) values ($1, 'coop-a', 'Coop A', 'City', 'FR', 'Europe/Paris', 'EUR')`,
      [coopId],
    );

    @Module({
      controllers: [PreconditionTestController],
      providers: [
        { provide: Database, useValue: db },
        { provide: APP_FILTER, useFactory: (database: Database) => new ApiErrorFilter(database), inject: [Database] },
      ],
    })
    class TestModule {}
    const moduleRef = await Test.createTestingModule({ imports: [TestModule] }).compile();
    const adapter = new PreconditionExpressAdapter();
    app = moduleRef.createNestApplication(adapter, { logger: false });
    adapter.useDatabase(db);
    // stands in for the access guard: a read request's session check, deferred
    app.use((req: Request, _res: Response, next: NextFunction) =>
      TenantContext.run({ coopId, actorId: null, requestId: 'r' }, () => {
        const check = req.header('x-check');
        if (check === 'pass' || check === 'fail') {
          TenantContext.requirePrecondition({
            sql: 'select 1/$1::int',
            params: [check === 'pass' ? 1 : 0],
            translate: () => new ApiException(401, 'SESSION_REVOKED', 'ended'),
            passed: false,
          });
        }
        next();
      }),
    );
    // listening once: concurrent supertest calls would each listen on the same server otherwise
    await app.listen(0, '127.0.0.1');
  });

  afterAll(async () => {
    await app?.close();
    await db?.close();
    await su?.end();
    await testDb?.drop();
  });

  const get = (path: string, check?: 'pass' | 'fail') => {
    const call = request(app.getHttpServer()).get(path);
    return check ? call.set('x-check', check) : call;
  };

  describe.each([
    ['without a precondition', undefined],
    ['with a precondition that passes', 'pass'],
  ] as const)('%s', (_name, check) => {
    it('answers a handler that touches no database', async () => {
      const res = await get('/no-db', check);
      expect([res.status, res.body]).toEqual([200, { ok: true }]);
    });

    it('answers a handler that runs a statement', async () => {
      const res = await get('/db', check);
      expect([res.status, res.body]).toEqual([200, [{ one: 1 }]]);
    });

    it("renders the handler's error", async () => {
      const res = await get('/missing', check);
      expect([res.status, res.body.code, res.body.message]).toEqual([404, 'NOT_FOUND', 'The thing not found']);
      expect(res.body.requestId).toBe('r');
    });
  });

  describe('with a precondition that fails', () => {
    it.each([
      ['a reply of a handler that touches no database', '/no-db'],
      ['a statement refused in its own unit of work', '/db'],
      ["the handler's own error", '/missing'],
    ])('answers 401 SESSION_REVOKED instead of %s', async (_name, path) => {
      const res = await get(path, 'fail');
      expect([res.status, res.body.code, res.body.message]).toEqual([401, 'SESSION_REVOKED', 'ended']);
      expect(res.body.requestId).toBe('r');
      expect(JSON.stringify(res.body)).not.toContain('"ok"');
    });
  });

  it('renders a body that cannot be serialized as a 500, with a pending check too', async () => {
    const plain = await get('/bigint');
    expect([plain.status, plain.body.code]).toEqual([500, 'INTERNAL']);
    const checked = await get('/bigint', 'pass').timeout(3000);
    expect([checked.status, checked.body.code]).toEqual([500, 'INTERNAL']);
  });

  it('answers a route that does not exist by the check too', async () => {
    expect((await get('/nowhere')).body.code).toBe('ROUTE_NOT_FOUND');
    expect((await get('/nowhere', 'pass')).body.code).toBe('ROUTE_NOT_FOUND');
    const res = await get('/nowhere', 'fail');
    expect([res.status, res.body.code]).toEqual([401, 'SESSION_REVOKED']);
  });

  it('answers concurrent requests each by its own check', async () => {
    const cases = (['/no-db', '/db', '/missing'] as const).flatMap((path) =>
      ([undefined, 'pass', 'fail'] as const).flatMap((check) => [
        { path, check },
        { path, check },
      ]),
    );
    const answers = await Promise.all(cases.map(({ path, check }) => get(path, check).then((res) => res.status)));
    expect(answers).toEqual(cases.map(({ path, check }) => (check === 'fail' ? 401 : path === '/missing' ? 404 : 200)));
  });
});
