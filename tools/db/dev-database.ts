import {
  APP_ROLE,
  OWNER_ROLE,
  migrate,
  provisionDatabase,
  withDatabase,
  type MigrateResult,
} from '@federacycle/platform-database';
import { join } from 'node:path';

export const DEV_DATABASE = process.env['DEV_DATABASE_NAME'] ?? 'federacycle';
const OWNER_PASSWORD = process.env['DEV_OWNER_PASSWORD'] ?? 'fc_owner_dev';
const APP_PASSWORD = process.env['DEV_APP_PASSWORD'] ?? 'fc_app_dev';

export interface DevDatabase {
  appUrl: string;
  ownerUrl: string;
  migrated: MigrateResult;
}

/** Creates the roles and database when missing, then applies pending migrations as the owner. */
export async function prepareDevDatabase(adminUrl: string, root = process.cwd()): Promise<DevDatabase> {
  await provisionDatabase({
    adminUrl,
    database: DEV_DATABASE,
    ownerPassword: OWNER_PASSWORD,
    appPassword: APP_PASSWORD,
  });
  const ownerUrl = withDatabase(adminUrl, DEV_DATABASE, OWNER_ROLE, OWNER_PASSWORD);
  const migrated = await migrate(ownerUrl, join(root, 'migrations'));
  return { appUrl: withDatabase(adminUrl, DEV_DATABASE, APP_ROLE, APP_PASSWORD), ownerUrl, migrated };
}
