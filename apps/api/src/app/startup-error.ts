/** One line naming why a process could not start (port taken, database unreachable...). */
export function describeStartupError(error: unknown): string {
  const e = error as { code?: string; message?: string; port?: number; address?: string };
  switch (e?.code) {
    case 'EADDRINUSE':
      return `port ${e.port ?? ''} is already in use; stop what uses it or set API_PORT / WORKER_PORT`;
    case 'ECONNREFUSED':
      return `cannot reach ${e.address ?? 'a service'}:${e.port ?? ''} (is PostgreSQL/Redis running? check DATABASE_URL / REDIS_URL)`;
    case '28P01':
    case '28000':
      return 'the database refused the credentials in DATABASE_URL';
    case '3D000':
      return 'the database named in DATABASE_URL does not exist (run npm run migrate)';
    default:
      return e?.message ?? String(error);
  }
}
