import type { ArgumentsHost } from '@nestjs/common';
import { ExpressAdapter } from '@nestjs/platform-express';
import type { Response } from 'express';
import { Database, TenantContext } from '@federacycle/platform-database';
import { ApiErrorFilter } from './error.filter';

/**
 * Nest's Express adapter, holding a reply back until the request's precondition has passed.
 *
 * A read request's session check is deferred to its first unit of work (see Precondition);
 * when the handler answered without one, the check runs here, before anything is sent, and
 * its refusal (401/403) is the answer. Once a unit of work has passed it, the cost is one
 * property read. (Errors take the same path in ApiErrorFilter.)
 */
export class PreconditionExpressAdapter extends ExpressAdapter {
  private db: Database | undefined;
  private readonly filter = new ApiErrorFilter();

  /** the database that runs the precondition (set once the application exists) */
  useDatabase(db: Database): void {
    this.db = db;
  }

  override reply(response: Response, body: unknown, statusCode?: number): unknown {
    const db = this.db;
    if (!db || !TenantContext.pendingPrecondition()) return super.reply(response, body, statusCode);
    db.verifyPrecondition().then(
      () => {
        try {
          super.reply(response, body, statusCode);
        } catch (error) {
          // what Nest does when a reply throws (a body that cannot be serialized): a 500
          this.filter.catch(error, hostOf(response));
        }
      },
      (refusal: unknown) => this.filter.catch(refusal, hostOf(response)),
    );
    return undefined;
  }
}

/** the little of ArgumentsHost that ApiErrorFilter reads */
export function hostOf(response: Response): ArgumentsHost {
  return { switchToHttp: () => ({ getResponse: () => response }) } as unknown as ArgumentsHost;
}
