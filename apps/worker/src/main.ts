import 'reflect-metadata';
import { getQueueToken } from '@nestjs/bullmq';
import { NestFactory } from '@nestjs/core';
import type { Queue } from 'bullmq';
import type IORedis from 'ioredis';
import { loadConfigOrExit } from '@federacycle/platform-config';
import { Database } from '@federacycle/platform-database';
import { Metrics, PinoNestLogger, createLogger, registerPlatformGauges } from '@federacycle/platform-observability';
import { REDIS, assertDependenciesReachable } from '@federacycle/platform-queue';
import { startOpsServer } from './app/ops-server';
import { WORKER_QUEUES, WorkerModule } from './app/worker.module';

async function main(): Promise<void> {
  const config = loadConfigOrExit('worker');
  const metrics = new Metrics('worker');
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config, metrics), {
    logger: new PinoNestLogger(createLogger('worker', config.logLevel)),
    abortOnError: false,
  });
  app.enableShutdownHooks();
  const db = app.get(Database);
  const redis = app.get<IORedis>(REDIS);
  await assertDependenciesReachable(db, redis);
  const queues = WORKER_QUEUES.map((name) => app.get<Queue>(getQueueToken(name)));
  registerPlatformGauges(metrics, db, queues);
  const server = await startOpsServer(config.workerPort, config.apiHost, db, redis, metrics);
  process.once('SIGTERM', () => server.close());
  process.once('SIGINT', () => server.close());
}

main().catch((error: unknown) => {
  const e = error as { code?: string; port?: number; message?: string };
  const line =
    e?.code === 'EADDRINUSE'
      ? `port ${e.port ?? ''} is already in use (set WORKER_PORT)`
      : (e?.message ?? String(error));
  console.error(`worker: ${line}`);
  process.exit(1);
});
