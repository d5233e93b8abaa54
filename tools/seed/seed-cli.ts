import { ensureDevServices } from '../db/dev-services';
import { prepareDevDatabase } from '../db/dev-database';
import { runSeed } from './seed';

/** `npm run seed`: seeds the database of DATABASE_URL, or the development database. */
async function main(): Promise<void> {
  const url = process.env['DATABASE_URL'];
  if (url) {
    const { accounts: credentials } = await runSeed(url);
    console.log(`seed: done (${credentials.length} demo accounts)`);
    return;
  }
  const services = await ensureDevServices();
  try {
    const db = await prepareDevDatabase(services.adminUrl);
    const { accounts: credentials } = await runSeed(db.appUrl);
    console.log(`seed: done (${credentials.length} demo accounts)`);
  } finally {
    await services.stop();
  }
}

main().catch((error: unknown) => {
  console.error(`seed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
