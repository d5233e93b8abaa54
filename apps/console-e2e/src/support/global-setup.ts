/**
 * What the browser journeys talk to: the real product (API serving the built console,
 * the worker, a fresh database seeded with the demo federation), started by
 * tools/e2e/stack.ts. With E2E_BASE_URL set, that server is used as is.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { WORKSPACE_ROOT } from './env';

export interface E2eTarget {
  baseUrl: string;
  stop(): Promise<void>;
}

declare global {
  // handed from the global setup to the global teardown (same process)
  var __FC_E2E_TARGET__: E2eTarget | undefined;
}

/** Path aliases are registered here because a global setup runs outside Jest's module mapper. */
async function startTarget(): Promise<E2eTarget> {
  const base = JSON.parse(readFileSync(join(WORKSPACE_ROOT, 'tsconfig.base.json'), 'utf8')) as {
    compilerOptions: { paths: Record<string, string[]> };
  };
  const { register } = require('tsconfig-paths') as typeof import('tsconfig-paths');
  register({ baseUrl: WORKSPACE_ROOT, paths: base.compilerOptions.paths });
  const { startStack } = require(
    join(WORKSPACE_ROOT, 'tools/e2e/stack'),
  ) as typeof import('../../../../tools/e2e/stack');
  const stack = await startStack();
  process.env['E2E_MAIL_DIR'] = stack.mailDir;
  process.env['E2E_CLOCK_FILE'] = stack.clockFile;
  // the demo day's tracking links: a delivery under way and one delivered (tracking.e2e-spec)
  process.env['E2E_TRACKING_UNDER_WAY'] = stack.tracking.underWay ?? '';
  process.env['E2E_TRACKING_DELIVERED'] = stack.tracking.delivered ?? '';
  // for a journey's fixtures written beside the product (dispatch-day's dispatch mode)
  process.env['E2E_DATABASE_SUPER_URL'] = stack.databaseSuperUrl;
  process.env['E2E_REDIS_URL'] = stack.redisUrl;
  return { baseUrl: stack.baseUrl, stop: stack.stop };
}

export default async function globalSetup(): Promise<void> {
  if (process.env['E2E_BASE_URL']) return;
  const target = await startTarget();
  globalThis.__FC_E2E_TARGET__ = target;
  // read by the test files through support/env.ts (workers inherit the environment)
  process.env['E2E_BASE_URL'] = target.baseUrl;
}
