import { register } from 'tsconfig-paths';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Jest globalSetup of the integration suite: builds one migrated template database. */
export default async function globalSetup(): Promise<void> {
  const root = join(__dirname, '..', '..');
  const base = JSON.parse(readFileSync(join(root, 'tsconfig.base.json'), 'utf8')) as {
    compilerOptions: { paths: Record<string, string[]> };
  };
  register({ baseUrl: root, paths: base.compilerOptions.paths });
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { ensureTemplate } = require('@federacycle/platform-testing') as typeof import('@federacycle/platform-testing');
  await ensureTemplate();
}
