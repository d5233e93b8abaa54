import 'reflect-metadata';
import { loadConfigOrExit } from '@federacycle/platform-config';
import { createApiApp } from './app/create-api-app';
import { describeStartupError } from './app/startup-error';

async function main(): Promise<void> {
  const config = loadConfigOrExit('api');
  const app = await createApiApp(config);
  await app.listen(config.apiPort, config.apiHost);
}

main().catch((error: unknown) => {
  console.error(`api: ${describeStartupError(error)}`);
  process.exit(1);
});
