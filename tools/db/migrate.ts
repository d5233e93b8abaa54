import { migrate, MigrationError } from '@federacycle/platform-database';
import { join } from 'node:path';
import { ensureDevServices } from './dev-services';
import { prepareDevDatabase } from './dev-database';

/**
 * `npm run migrate`: with DATABASE_OWNER_URL set, applies pending migrations there
 * (production); otherwise prepares the development database like `npm start` does.
 */
async function main(): Promise<void> {
  const ownerUrl = process.env['DATABASE_OWNER_URL'];
  if (ownerUrl) {
    const result = await migrate(ownerUrl, join(process.cwd(), 'migrations'));
    console.log(`migrations: ${result.applied.length} applied, ${result.alreadyApplied} already applied`);
    return;
  }
  const services = await ensureDevServices();
  try {
    const db = await prepareDevDatabase(services.adminUrl);
    console.log(`migrations: ${db.migrated.applied.length} applied, ${db.migrated.alreadyApplied} already applied`);
  } finally {
    await services.stop();
  }
}

main().catch((error: unknown) => {
  const message = error instanceof MigrationError || error instanceof Error ? error.message : String(error);
  console.error(`migrate: ${message}`);
  process.exit(1);
});
