import type { Job } from 'bullmq';
import { TenantContext } from '@federacycle/platform-database';
import type { JobEnvelope, JobName } from './queue-names';

/**
 * Restores the producer's context (coop, actor, request id) around a job's handler, so
 * every unit of work inside runs for the right coop and logs carry the request id.
 */
export function runInJobContext<J extends JobName, T>(
  job: Job<JobEnvelope<J>>,
  handler: (envelope: JobEnvelope<J>) => Promise<T>,
): Promise<T> {
  const envelope = job.data;
  return TenantContext.run({ coopId: envelope.coopId, actorId: envelope.actorId, requestId: envelope.requestId }, () =>
    handler(envelope),
  );
}
