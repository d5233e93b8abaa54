import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/** What travels with every unit of work: the coop, who acts, and the request that started it. */
export interface WorkContext {
  /** null for platform work (federation admin, public endpoints, cron fan-out) */
  coopId: string | null;
  actorId: string | null;
  requestId: string;
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
  newRequestId(): string {
    return randomUUID();
  },
};
