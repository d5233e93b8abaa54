import 'reflect-metadata';
import type IORedis from 'ioredis';
import { loadConfigOrExit } from '@federacycle/platform-config';
import { Database } from '@federacycle/platform-database';
import { REDIS, assertDependenciesReachable } from '@federacycle/platform-queue';
import { createApiApp } from './app/create-api-app';
import { describeStartupError } from './app/startup-error';

async function main(): Promise<void> {
  const config = loadConfigOrExit('api');
  const app = await createApiApp(config);
  await assertDependenciesReachable(app.get(Database), app.get<IORedis>(REDIS));
  await app.listen(config.apiPort, config.apiHost);
}

main().catch((error: unknown) => {
  console.error(`api: ${describeStartupError(error)}`);
  process.exit(1);
});
