import { DISPATCH_ENTITIES } from '@federacycle/dispatch-server';
import { FLEET_ENTITIES } from '@federacycle/fleet-server';
import { Client } from 'pg';
import { GEO_ENTITIES, seedGeo } from '@federacycle/geo-server';
import { IDENTITY_ENTITIES, seedIdentity } from '@federacycle/identity-server';
import { MERCHANTS_ENTITIES } from '@federacycle/merchants-server';
import { STORAGE_ENTITIES } from '@federacycle/platform-storage';
import { Coop, Database } from '@federacycle/platform-database';
import { createTestDatabase, type TestDatabase } from '@federacycle/platform-testing';
import { ORDERING_ENTITIES } from '../ordering.entities';
import { PricingService } from './pricing.service';
import { seedPricing } from './seed-pricing';
import { ServiceAreaService, ZonesService } from '@federacycle/geo-server';

describe('seedPricing', () => {
  let testDb: TestDatabase;
  let db: Database;
  let su: Client;

  beforeAll(async () => {
    testDb = await createTestDatabase();
    db = await Database.connect({
      url: testDb.appUrl,
      max: 2,
      // ordering's tables name merchants and deliveries: their entities (and theirs) come along
      entities: [
        ...IDENTITY_ENTITIES,
        ...GEO_ENTITIES,
        ...MERCHANTS_ENTITIES,
        ...STORAGE_ENTITIES,
        ...FLEET_ENTITIES,
        ...DISPATCH_ENTITIES,
        ...ORDERING_ENTITIES,
      ],
    });
    su = new Client({ connectionString: testDb.superUrl });
    await su.connect();
  });
  afterAll(async () => {
    await db.close();
    await su.end();
    await testDb.drop();
  });

  it('gives Lyon a default rule set that prices the city and refuses beyond it; a second run changes nothing', async () => {
    await seedIdentity(db, { password: 'seed-password-123' });
    await seedGeo(db);
    expect(await seedPricing(db)).toEqual({ ruleSetsCreated: 1 });
    expect(await seedPricing(db)).toEqual({ ruleSetsCreated: 0 });
    const sets = await su.query<{ slug: string; name: string; is_default: boolean; rules: string }>(
      `select c.slug, s.name, s.is_default, (select count(*) from pricing_rules r where r.rule_set_id = s.id) as rules
         from pricing_rule_sets s join coops c on c.id = s.coop_id`,
    );
    expect(sets.rows).toEqual([{ slug: 'lyon', name: 'Lyon city', is_default: true, rules: '7' }]);

    const lyon = await db.platform(({ manager }) => manager.findOneOrFail(Coop, { where: { slug: 'lyon' } }));
    const pricing = new PricingService(db, new ZonesService(db, new ServiceAreaService(db)));
    const quote = (dropoff: { lat: number; lng: number }) =>
      db.forCoop(lyon.id, (tx) =>
        pricing.priceIn(tx, lyon.id, {
          tasks: [
            { type: 'pickup', lat: 45.7578, lng: 4.832 },
            { type: 'dropoff', ...dropoff },
          ],
          vehicleType: 'bike',
          at: new Date('2026-12-08T10:00:00Z'),
        }),
      );
    // Bellecour (Presqu'île) → Croix-Rousse: base + distance + centre, VAT included
    const city = await quote({ lat: 45.7765, lng: 4.8273 });
    expect(city.lines.map((l) => l.label)).toEqual(['Base price', 'Distance', 'Presqu’île centre']);
    expect(city.amountMinor).toBe(city.amountExclVatMinor + city.vatMinor);
    expect(city.currency).toBe('EUR');
    // Villeurbanne's edge, ~6 km: priced; Vienne, ~27 km away: no rule prices it
    expect((await quote({ lat: 45.771, lng: 4.89 })).amountMinor).toBeGreaterThan(city.amountMinor);
    await expect(quote({ lat: 45.525, lng: 4.874 })).rejects.toMatchObject({ code: 'PRICE_NO_RULE' });
  });
});
