import { join } from 'node:path';

/** The repository root (apps/console-e2e/src/support → ../../../..). */
export const WORKSPACE_ROOT = join(__dirname, '..', '..', '..', '..');

/** Where the console is served: set by the caller, or by the global setup. */
export function baseUrl(): string {
  const url = process.env['E2E_BASE_URL'];
  if (!url)
    throw new Error('E2E_BASE_URL is not set: run through `nx run console-e2e:e2e` (its global setup sets it).');
  return url.replace(/\/+$/, '');
}

/** Absolute URL of a console path. */
export function urlOf(path: string): string {
  return `${baseUrl()}${path.startsWith('/') ? path : `/${path}`}`;
}
