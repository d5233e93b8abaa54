import { Controller, Get, Header, Inject, Res } from '@nestjs/common';
import { ApiExcludeEndpoint, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type IORedis from 'ioredis';
import { Database } from '@federacycle/platform-database';
import { Access } from '@federacycle/platform-http';
import { Metrics, checkReadiness, type ReadinessReport } from '@federacycle/platform-observability';
import { REDIS } from '@federacycle/platform-queue';

@ApiTags('health')
@Controller()
export class HealthController {
  constructor(
    private readonly db: Database,
    @Inject(REDIS) private readonly redis: IORedis,
    private readonly metrics: Metrics,
  ) {}

  /** The process is up (no dependency checked). */
  @Get('health/live')
  @Access('public')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** PostgreSQL and Redis both answer: 200, else 503 naming what is down. */
  @Get('health/ready')
  @Access('public')
  async ready(@Res({ passthrough: true }) res: Response): Promise<ReadinessReport> {
    const report = await checkReadiness(this.db, this.redis);
    if (report.status !== 'ok') res.status(503);
    return report;
  }

  @Get('metrics')
  @Access('public')
  @ApiExcludeEndpoint()
  @Header('Content-Type', 'text/plain; version=0.0.4')
  scrape(): Promise<string> {
    return this.metrics.text();
  }
}
