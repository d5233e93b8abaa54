import { Client } from 'pg';
import { FEDERATION_ENTITIES, coopValuesOf, latestCoopVersions } from '@federacycle/federation-server';
import { IDENTITY_ENTITIES, seedIdentity } from '@federacycle/identity-server';
import { Coop, Database } from '@federacycle/platform-database';
import { createTestDatabase, type TestDatabase } from '@federacycle/platform-testing';
import { GOVERNANCE_ENTITIES } from '../governance.entities';
import { Proposal } from '../proposals/proposal.entity';
import { verifyIn } from '../voting/voting.service';
import { DEMO_PROPOSALS, seedGovernance } from './seed-governance';

describe('seedGovernance', () => {
  let testDb: TestDatabase;
  let db: Database;
  let su: Client;

  beforeAll(async () => {
    testDb = await createTestDatabase();
    db = await Database.connect({
      url: testDb.appUrl,
      max: 2,
      entities: [...IDENTITY_ENTITIES, ...FEDERATION_ENTITIES, ...GOVERNANCE_ENTITIES],
    });
    su = new Client({ connectionString: testDb.superUrl });
    await su.connect();
  });
  afterAll(async () => {
    await db.close();
    await su.end();
    await testDb.drop();
  });

  it('gives Lyon an enacted proposal (dispatch → suggest, a verifying chain) and an open hidden one; twice changes nothing', async () => {
    await seedIdentity(db, { password: 'seed-password-123' });
    await seedGovernance(db);
    const snapshot = async () =>
      JSON.stringify(
        await Promise.all([
          su.query('select id, status, outcome, chain_head from proposals order by id'),
          su.query('select * from ballots order by proposal_id, seq'),
          su.query('select coop_id, key, version from coop_setting_versions order by 1, 2, 3'),
          su.query('select id, status from federation_proposals order by id'),
          su.query('select * from coop_delegates order by 1, 2'),
        ]).then((rs) => rs.map((r) => r.rows)),
      );
    const first = await snapshot();
    await seedGovernance(db);
    expect(await snapshot()).toBe(first);
    const federation = await su.query(`select status, statutory from federation_proposals where title = $1`, [
      DEMO_PROPOSALS.federation,
    ]);
    expect(federation.rows).toEqual([{ status: 'open', statutory: true }]);
    expect(Number((await su.query('select count(*) n from coop_delegates')).rows[0].n)).toBeGreaterThanOrEqual(2);
    const lyon = await db.platform(({ manager }) => manager.findOneByOrFail(Coop, { slug: 'lyon' }));
    await db.forCoop(lyon.id, async ({ manager }) => {
      const closed = await manager.findOneByOrFail(Proposal, { coopId: lyon.id, title: DEMO_PROPOSALS.closed });
      expect(closed).toMatchObject({ status: 'enacted', outcome: 'passed' });
      expect(await verifyIn(manager, closed)).toMatchObject({ ok: true });
      const open = await manager.findOneByOrFail(Proposal, { coopId: lyon.id, title: DEMO_PROPOSALS.open });
      expect(open).toMatchObject({ status: 'open', hiddenResults: true });
      expect(await verifyIn(manager, open)).toMatchObject({ ok: true });
      expect(coopValuesOf(await latestCoopVersions(manager, lyon.id)).dispatch_mode).toBe('suggest');
    });
  });
});
