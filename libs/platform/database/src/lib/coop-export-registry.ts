import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export type ExportRow = Record<string, unknown>;

/**
 * One table of a coop's data export (the offboarding export the federation hands the coop): its
 * file name, its columns (the database's names) and how it is read, acting for the coop.
 */
export interface ExportTable {
  name: string;
  columns: readonly string[];
  read(manager: EntityManager, coopId: string): Promise<ExportRow[]>;
}

/**
 * Every domain contributes the tables of the coop's data it owns (identity its memberships,
 * fleet its couriers, ...) so an export never misses a domain: a domain module registers its
 * `ExportTable`s here when it starts; federation's export reads them all in one snapshot.
 */
@Injectable()
export class CoopExportRegistry {
  private readonly tables = new Map<string, { owner: string; table: ExportTable }>();

  register(owner: string, tables: readonly ExportTable[]): void {
    for (const table of tables) {
      const existing = this.tables.get(table.name);
      if (existing && existing.owner !== owner)
        throw new Error(`export table ${table.name} is registered by ${existing.owner} and ${owner}`);
      this.tables.set(table.name, { owner, table });
    }
  }

  /** The registered tables, in registration order. */
  all(): ExportTable[] {
    return [...this.tables.values()].map((t) => t.table);
  }
}
