import type { Job } from 'bullmq';
import { TenantContext } from '@federacycle/platform-database';
import { JobProcessor, handle, type JobHandler, type JobMetrics } from './job-processor';
import { defineJob, type JobEnvelope } from './jobs';

const PING = defineJob<{ n: number }>('test-queue', 'test.ping');
const BARE = defineJob<Record<string, never>>('test-queue', 'test.bare');

class TestProcessor extends JobProcessor {
  seen: Array<{ coop: string | null; n?: number }> = [];
  constructor(
    metrics: JobMetrics,
    private readonly list: () => readonly JobHandler[],
  ) {
    super(metrics);
  }
  protected handlers(): readonly JobHandler[] {
    return this.list();
  }
}

/** What the processor reads of a BullMQ job (a unit test needs no Redis). */
const jobOf = (name: string, data: JobEnvelope): Job<JobEnvelope> =>
  ({ name, data, queueName: 'test-queue', id: `${name}-1` }) as unknown as Job<JobEnvelope>;
const envelope = <P>(coopId: string | null, payload: P): JobEnvelope<P> => ({
  coopId,
  actorId: null,
  requestId: 'r-1',
  outboxId: null,
  payload,
});

/** Counts what the processor reports, as the Prometheus counter would. */
class Counted implements JobMetrics {
  readonly lines: string[] = [];
  readonly jobsProcessed = {
    inc: (l: { queue: string; job: string; outcome: string }) => this.lines.push(`${l.queue} ${l.job} ${l.outcome}`),
  };
}
const counted = async (metrics: Counted, job: string, outcome: string): Promise<number> =>
  metrics.lines.filter((line) => line === `test-queue ${job} ${outcome}`).length;

describe('JobProcessor: one way to route, contextualise and count a queue’s jobs', () => {
  it('routes by job name and runs the handler in the coop of the envelope', async () => {
    const metrics = new Counted();
    const processor: TestProcessor = new TestProcessor(metrics, () => [
      handle(PING, async (e) => {
        processor.seen.push({ coop: TenantContext.current()?.coopId ?? null, n: e.payload.n });
        return e.payload.n * 2;
      }),
      handle(BARE, async () => processor.seen.push({ coop: TenantContext.current()?.coopId ?? null }), 'none'),
    ]);
    await expect(processor.process(jobOf(PING.name, envelope('coop-a', { n: 21 })))).resolves.toBe(42);
    await processor.process(jobOf(BARE.name, envelope('coop-b', {})));
    expect(processor.seen).toEqual([{ coop: 'coop-a', n: 21 }, { coop: null }]);
    expect(await counted(metrics, PING.name, 'done')).toBe(1);
    expect(await counted(metrics, BARE.name, 'done')).toBe(1);
  });

  it('fails a job nobody handles and counts a handler’s failure, rethrowing it for BullMQ to retry', async () => {
    const metrics = new Counted();
    const processor = new TestProcessor(metrics, () => [
      handle(PING, async () => {
        throw new Error('boom');
      }),
    ]);
    await expect(processor.process(jobOf('test.unknown', envelope(null, {})))).rejects.toThrow(
      /no handler for job test.unknown/,
    );
    await expect(processor.process(jobOf(PING.name, envelope(null, { n: 1 })))).rejects.toThrow('boom');
    expect(await counted(metrics, PING.name, 'failed')).toBe(1);
    expect(await counted(metrics, 'test.unknown', 'failed')).toBe(1);
  });

  it('refuses two handlers for one job', async () => {
    const processor = new TestProcessor(new Counted(), () => [
      handle(PING, async () => 1),
      handle(PING, async () => 2),
    ]);
    await expect(processor.process(jobOf(PING.name, envelope(null, { n: 1 })))).rejects.toThrow(
      /two handlers for job test.ping/,
    );
  });
});
