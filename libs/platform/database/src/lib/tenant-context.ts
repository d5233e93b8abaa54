import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/** What travels with every unit of work: the coop, who acts, and the request that started it. */
export interface WorkContext {
  /** null for platform work (federation admin, public endpoints, cron fan-out) */
  coopId: string | null;
  actorId: string | null;
  requestId: string;
  /** a check the request's work must pass before it counts (see Precondition) */
  precondition?: Precondition;
}

/**
 * One statement that must succeed before a request's work may be trusted; it raises when
 * the request must not go on. The API defers a read request's session check to it, so that
 * the check travels in the same round trip as the first unit of work of the request, after
 * BEGIN and before anything else: when it fails the transaction is aborted and nothing the
 * unit of work read or wrote is returned or kept.
 */
export interface Precondition {
  readonly sql: string;
  readonly params: readonly unknown[];
  /** the error the caller sees when the statement fails (for example 401 SESSION_REVOKED) */
  translate(error: unknown): Error;
  /** set once the statement has succeeded in this request */
  passed: boolean;
  /** set once it has failed: the request's answer (not asked again) */
  refusal?: Error;
}

export class TenantContextMissingError extends Error {
  constructor(what: string) {
    super(`No ${what} in the current context: run this inside TenantContext.run(...)`);
    this.name = 'TenantContextMissingError';
  }
}

const storage = new AsyncLocalStorage<WorkContext>();

/**
 * The tenant context (AsyncLocalStorage, never request-scoped providers).
 * Reading the coop when none is set throws: a query can never silently run "for nobody".
 */
export const TenantContext = {
  run<T>(context: WorkContext, fn: () => T): T {
    return storage.run({ ...context }, fn);
  },
  /** the context, or undefined outside any unit of work */
  current(): WorkContext | undefined {
    return storage.getStore();
  },
  /** the context; throws when unset */
  require(): WorkContext {
    const context = storage.getStore();
    if (!context) throw new TenantContextMissingError('work context');
    return context;
  },
  /** the coop; throws when unset or when the current work is platform-level */
  coopId(): string {
    const coopId = TenantContext.require().coopId;
    if (coopId === null) throw new TenantContextMissingError('coop');
    return coopId;
  },
  requestId(): string {
    return storage.getStore()?.requestId ?? 'none';
  },
  /** narrows the current context to a coop (e.g. after authentication resolved it) */
  enterCoop(coopId: string | null, actorId: string | null): void {
    const context = TenantContext.require();
    context.coopId = coopId;
    context.actorId = actorId;
  },
  /** defers a check to the next unit of work of the current request */
  requirePrecondition(precondition: Precondition): void {
    TenantContext.require().precondition = precondition;
  },
  /** the current request's precondition while it has not yet passed */
  pendingPrecondition(): Precondition | undefined {
    const precondition = storage.getStore()?.precondition;
    return precondition && !precondition.passed ? precondition : undefined;
  },
  newRequestId(): string {
    return randomUUID();
  },
};
