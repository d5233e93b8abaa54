import type { Job } from 'bullmq';
import { TenantContext } from '@federacycle/platform-database';
import type { JobEnvelope } from './jobs';

/**
 * Restores the producer's context (coop, actor, request id) around a job's handler, so
 * every unit of work inside runs for the right coop and logs carry the request id.
 */
export function runInJobContext<P, T>(
  job: Job<JobEnvelope<P>>,
  handler: (envelope: JobEnvelope<P>) => Promise<T>,
): Promise<T> {
  const envelope = job.data;
  return TenantContext.run({ coopId: envelope.coopId, actorId: envelope.actorId, requestId: envelope.requestId }, () =>
    handler(envelope),
  );
}
