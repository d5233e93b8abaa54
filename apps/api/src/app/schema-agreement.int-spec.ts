import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { FEDERATION_ENTITIES } from '@federacycle/federation-server';
import { IDENTITY_ENTITIES } from '@federacycle/identity-server';
import { checkSchemaAgreement, createTestDatabase, type TestDatabase } from '@federacycle/platform-testing';
import { MERCHANTS_ENTITIES } from '@federacycle/merchants-server';
import { STORAGE_ENTITIES } from '@federacycle/platform-storage';

import { FLEET_ENTITIES } from '@federacycle/fleet-server';
import { GEO_ENTITIES } from '@federacycle/geo-server';
import { DISPATCH_ENTITIES } from '@federacycle/dispatch-server';
import { GOVERNANCE_ENTITIES } from '@federacycle/governance-server';
import { ORDERING_ENTITIES } from '@federacycle/ordering-server';

/** Every entity the processes register, domain by domain (the platform's are always added). */
const ENTITIES = [
  ...ORDERING_ENTITIES,
  ...DISPATCH_ENTITIES,
  ...GOVERNANCE_ENTITIES,
  ...MERCHANTS_ENTITIES,
  ...STORAGE_ENTITIES,
  ...FLEET_ENTITIES,
  ...GEO_ENTITIES,
  ...IDENTITY_ENTITIES,
  ...FEDERATION_ENTITIES,
];

/** A users entity that drifted from the migration: a column the table lacks, a wrong type. */
@Entity({ name: 'users' })
class DriftedUser {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 20 })
  email!: string;

  @Column({ type: 'text', nullable: true })
  nickname!: string | null;
}

describe('Entities and the migrated schema agree (TypeORM schema builder, owner role)', () => {
  let testDb: TestDatabase;

  beforeAll(async () => {
    testDb = await createTestDatabase();
  });
  afterAll(async () => {
    await testDb?.drop();
  });

  it('finds nothing to change, and every table has its entity', async () => {
    const agreement = await checkSchemaAgreement(testDb.ownerUrl, ENTITIES);
    expect(agreement.changes).toEqual([]);
    expect(agreement.entitiesWithoutTable).toEqual([]);
    expect(agreement.tablesWithoutEntity).toEqual([]);
  });

  it('sees an entity that drifted from its table', async () => {
    const agreement = await checkSchemaAgreement(testDb.ownerUrl, [DriftedUser]);
    expect(agreement.changes.join('\n')).toMatch(/ALTER TABLE "users" ADD "nickname" text/);
    expect(agreement.changes.join('\n')).toMatch(/"email"/);
  });
});
