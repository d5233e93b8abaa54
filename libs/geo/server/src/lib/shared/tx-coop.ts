import type { Tx } from '@federacycle/platform-database';

/** The coop of a caller's transaction (a geo read or write always runs for one coop). */
export function coopOfTx(tx: Tx): string {
  if (tx.coopId === null)
    throw new Error('geo: this unit of work has no coop; open it with db.unitOfWork or db.forCoop');
  return tx.coopId;
}
