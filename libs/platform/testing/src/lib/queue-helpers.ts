import type { Queue } from 'bullmq';

/**
 * Waits until the queues hold no waiting, delayed or active job (drain before asserting).
 * Bounded: throws after `timeoutMs` with the counts it saw.
 */
export async function waitForQueuesIdle(queues: readonly Queue[], timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last: Record<string, number> = {};
  while (Date.now() < deadline) {
    let busy = 0;
    for (const queue of queues) {
      last = await queue.getJobCounts('waiting', 'delayed', 'active', 'prioritized', 'waiting-children');
      busy += Object.values(last).reduce((a, b) => a + b, 0);
    }
    if (busy === 0) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`queues still busy after ${timeoutMs} ms: ${JSON.stringify(last)}`);
}

/** Removes every key of a test prefix. */
export async function obliterate(queues: readonly Queue[]): Promise<void> {
  for (const queue of queues) await queue.obliterate({ force: true });
}
