/**
 * The stored data as it is, for a backup when it does not read as a portfolio (before a schema
 * upgrade, or before a restore or an Open replaces a stored portfolio that is broken): every row
 * of every table, as JSON. Such a backup cannot be restored; it keeps the data for a repair.
 */
import Dexie from 'dexie';
import { MAX_BACKUP_LABEL } from '../../shared/backup/types';
import type { MigrationTables } from '../db/migrations';

/** Every table of the database `name` as stored, without upgrading it (no schema given). */
export async function readRawTables(
  name: string,
  factory: IDBFactory | undefined = globalThis.indexedDB,
): Promise<MigrationTables> {
  const database = new Dexie(name, { ...(factory && { indexedDB: factory }) });
  try {
    await database.open();
    const tables: MigrationTables = {};
    for (const table of database.tables) tables[table.name] = await table.toArray();
    return tables;
  } finally {
    database.close();
  }
}

/** The text of a raw backup of the database `name` at schema version `schemaVersion`. */
export function rawRowsText(
  name: string,
  schemaVersion: number,
  tables: Readonly<MigrationTables>,
): string {
  return JSON.stringify({ database: name, schemaVersion, tables });
}

/** What a raw backup is listed as. */
export function rawRowsSummary(schemaVersion: number): string {
  return `Raw data of storage version ${schemaVersion}, not readable as a portfolio`.slice(
    0,
    MAX_BACKUP_LABEL,
  );
}

/** The portfolio's name as the raw rows hold it, when they do. */
export function rawPortfolioName(tables: Readonly<MigrationTables>): string {
  const meta = (tables.meta ?? []).find(
    (row) => (row as { key?: unknown } | null)?.key === 'portfolio',
  ) as { name?: unknown } | undefined;
  const name = typeof meta?.name === 'string' && meta.name !== '' ? meta.name : 'Unknown portfolio';
  return name.slice(0, MAX_BACKUP_LABEL);
}
