/**
 * What the browser journeys talk to. THE SEAM: `startTarget()` is the only thing to
 * replace when the journeys move to the real API (start the API, which serves the
 * built console and /api, and return its URL). Nothing else in the harness knows
 * how the console is served.
 *
 * - E2E_BASE_URL set: use that server as is, start nothing.
 * - otherwise: serve dist/apps/console/browser with a tiny static server (SPA fallback)
 *   whose /api/** answers 404 JSON, on a free port. Builds the console if dist is missing.
 */
import { execSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { WORKSPACE_ROOT } from './env';

export interface E2eTarget {
  baseUrl: string;
  stop(): Promise<void>;
}

declare global {
  // handed from the global setup to the global teardown (same process)
  var __FC_E2E_TARGET__: E2eTarget | undefined;
}

const DIST = join(WORKSPACE_ROOT, 'dist', 'apps', 'console', 'browser');

const MIME: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

function ensureBuilt(): void {
  if (existsSync(join(DIST, 'index.html'))) return;
  execSync('npx nx build console', { cwd: WORKSPACE_ROOT, stdio: 'inherit', env: { ...process.env, NX_DAEMON: 'false' } });
}

function staticServer(root: string): Server {
  const index = readFileSync(join(root, 'index.html'));
  return createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    if (path === '/api' || path.startsWith('/api/')) {
      // no API yet: every call fails like an unknown route of the real one
      res.writeHead(404, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ statusCode: 404, code: 'ROUTE_NOT_FOUND', message: `No route ${req.method} ${path}` }));
      return;
    }
    const file = normalize(join(root, path));
    if (file.startsWith(root + sep) && existsSync(file) && statSync(file).isFile()) {
      res.writeHead(200, { 'Content-Type': MIME[extname(file)] ?? 'application/octet-stream' });
      res.end(readFileSync(file));
      return;
    }
    // SPA fallback: the console's router decides (including its not-found page)
    res.writeHead(200, { 'Content-Type': MIME['.html'], 'Cache-Control': 'no-store' });
    res.end(index);
  });
}

/** THE SEAM: start what the journeys run against and return its URL. */
export async function startTarget(): Promise<E2eTarget> {
  ensureBuilt();
  const server = staticServer(DIST);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}

export default async function globalSetup(): Promise<void> {
  if (process.env['E2E_BASE_URL']) return;
  const target = await startTarget();
  globalThis.__FC_E2E_TARGET__ = target;
  // read by the test files through support/env.ts (workers inherit the environment)
  process.env['E2E_BASE_URL'] = target.baseUrl;
}
