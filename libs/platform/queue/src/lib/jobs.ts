/**
 * Jobs are declared by the domain that owns them: a `JobDefinition` names the job, its queue and
 * (as a type) its payload. Producers (`writeOutbox`, `queue.add`) and handlers (`JobProcessor`)
 * take the definition, so a job's name, queue and payload type are written once, next to the
 * domain code that produces and handles it, and a typo is a compile error.
 */
export interface JobDefinition<P = unknown> {
  readonly queue: string;
  readonly name: string;
  /** type-level only: the payload this job carries (never set at run time) */
  readonly __payload?: P;
}

/** Declares a job of `queue` named `name` carrying `P`. */
export function defineJob<P>(queue: string, name: string): JobDefinition<P> {
  return Object.freeze({ queue, name });
}

export type PayloadOf<D> = D extends JobDefinition<infer P> ? P : never;

/**
 * Every job's data: the tenant, the actor and the request travel with the work, so the
 * processor restores the same context the producer had.
 */
export interface JobEnvelope<P = unknown> {
  coopId: string | null;
  actorId: string | null;
  requestId: string;
  /** the outbox row this job came from, when it came from one */
  outboxId: string | null;
  payload: P;
}

export type EnvelopeOf<D> = JobEnvelope<PayloadOf<D>>;
