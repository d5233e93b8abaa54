import { createServer, type Server } from 'node:http';
import type IORedis from 'ioredis';
import type { Database } from '@federacycle/platform-database';
import { checkReadiness, type Metrics } from '@federacycle/platform-observability';

/** The worker's only HTTP surface: /health/live, /health/ready and /metrics. */
export function startOpsServer(
  port: number,
  host: string,
  db: Database,
  redis: IORedis,
  metrics: Metrics,
): Promise<Server> {
  const server = createServer((req, res) => {
    const send = (status: number, body: string, type = 'application/json') => {
      res.writeHead(status, { 'content-type': type });
      res.end(body);
    };
    void (async () => {
      switch (req.url) {
        case '/health/live':
          return send(200, JSON.stringify({ status: 'ok' }));
        case '/health/ready': {
          const report = await checkReadiness(db, redis);
          return send(report.status === 'ok' ? 200 : 503, JSON.stringify(report));
        }
        case '/metrics':
          return send(200, await metrics.text(), 'text/plain; version=0.0.4');
        default:
          return send(404, JSON.stringify({ statusCode: 404, code: 'ROUTE_NOT_FOUND', message: 'No such endpoint' }));
      }
    })().catch(() => send(500, JSON.stringify({ statusCode: 500, code: 'INTERNAL', message: 'Something went wrong' })));
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
}
