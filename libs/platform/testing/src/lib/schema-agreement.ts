import { DataSource } from 'typeorm';
import { type EntityList, dataSourceOptions } from '@federacycle/platform-database';

export interface SchemaAgreement {
  /** what TypeORM's schema builder would run to make the schema match the entities */
  changes: string[];
  /** tables of the migrated schema that no entity maps (besides the migrator's own) */
  tablesWithoutEntity: string[];
  /** entities whose table the migrations never created */
  entitiesWithoutTable: string[];
}

/**
 * Compares the entities with a migrated schema, as the owner role: TypeORM's schema builder
 * lists what it would change (nothing, when every column, key, index, check and foreign key
 * of the entities is the migration's), and every table must have its entity. Nothing is run.
 */
export async function checkSchemaAgreement(ownerUrl: string, entities: EntityList): Promise<SchemaAgreement> {
  const dataSource = await new DataSource({ ...dataSourceOptions({ url: ownerUrl, max: 1, entities }) }).initialize();
  try {
    const sql = await dataSource.driver.createSchemaBuilder().log();
    const rows: { table_name: string }[] = await dataSource.query(
      `select table_name from information_schema.tables
        where table_schema = 'public' and table_type = 'BASE TABLE' and table_name <> 'schema_migrations'`,
    );
    const mapped = new Set(dataSource.entityMetadatas.map((m) => m.tableName));
    const existing = new Set(rows.map((r) => r.table_name));
    return {
      changes: sql.upQueries.map((q) => q.query),
      tablesWithoutEntity: [...existing].filter((t) => !mapped.has(t)).sort(),
      entitiesWithoutTable: [...mapped].filter((t) => !existing.has(t)).sort(),
    };
  } finally {
    await dataSource.destroy();
  }
}
