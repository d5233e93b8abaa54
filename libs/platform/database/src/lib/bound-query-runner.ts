import type { QueryResult } from 'pg';
import type { DataSource, EntityManager } from 'typeorm';
import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

/** Where a bound query runner sends TypeORM's statements (a transaction's client, or one-statement units). */
export interface StatementSender {
  query(text: string, params?: unknown[]): Promise<QueryResult>;
}

/**
 * A TypeORM query runner that does not own a connection: the unit of work has opened the
 * transaction (BEGIN and the coop, pipelined with the session check) and hands TypeORM only a
 * way to send statements. TypeORM never begins, commits or releases anything here:
 * - it is born inside a transaction (so `save` does not open one of its own, and a nested
 *   `manager.transaction()` becomes a SAVEPOINT);
 * - it never touches the pool (the unit of work releases its client).
 */
class BoundQueryRunner extends PostgresQueryRunner {
  constructor(driver: PostgresDriver, sender: StatementSender) {
    super(driver, 'master');
    this.databaseConnection = sender;
    this.isTransactionActive = true;
    this.transactionDepth = 1;
  }

  override connect(): Promise<StatementSender> {
    return Promise.resolve(this.databaseConnection as StatementSender);
  }

  override async startTransaction(): Promise<void> {
    // only savepoints: the outer transaction belongs to the unit of work
    await this.query(`SAVEPOINT typeorm_${this.transactionDepth}`);
    this.transactionDepth += 1;
  }

  override async commitTransaction(): Promise<void> {
    if (this.transactionDepth <= 1) throw new Error('the unit of work commits its own transaction');
    await super.commitTransaction();
  }

  override async rollbackTransaction(): Promise<void> {
    if (this.transactionDepth <= 1) throw new Error('the unit of work rolls back its own transaction');
    await super.rollbackTransaction();
  }

  override async release(): Promise<void> {
    this.isReleased = true;
  }
}

/** A transaction-bound EntityManager over `sender`; `release()` ends it (later use throws). */
export function bindManager(
  dataSource: DataSource,
  sender: StatementSender,
): { manager: EntityManager; release: () => void } {
  const runner = new BoundQueryRunner(dataSource.driver as PostgresDriver, sender);
  const manager = dataSource.createEntityManager(runner);
  return {
    manager,
    release: () => {
      runner.isReleased = true;
    },
  };
}
