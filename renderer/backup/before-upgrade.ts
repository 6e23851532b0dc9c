/**
 * A backup before the database is upgraded to a new schema version. The stored rows are read as
 * they are (Dexie's dynamic mode: no schema, so no upgrade), taken through the same pure
 * migrations the upgrade runs (renderer/db/migrations.ts), in memory, to today's layout, and
 * written as a portfolio file. If that fails, the raw rows are kept as JSON instead, and the user
 * is told. Either way the upgrade goes ahead afterwards; a failure to back up is told, not hidden.
 */
import Dexie from 'dexie';
import { portfolioSummary } from '../../shared/backup/summary';
import { MAX_BACKUP_LABEL, type BackupInfo, type BackupStore } from '../../shared/backup/types';
import { describeProblem, readPortfolioText } from '../../shared/portfolio/restore';
import { writePortfolio } from '../../shared/portfolio/write';
import { LIST_ENTITY_NAMES } from '../../shared/store/entities';
import { normalizeState, stateToPortfolio, type PortfolioState } from '../../shared/store/state';
import { MIGRATIONS, type MigrationTables } from '../db/migrations';
import { SCHEMA_VERSIONS, type SchemaVersion } from '../db/schema';
import { storageFailureText } from '../db/storage-health';
import { getPlatform } from '../platform';
import { useAppStore } from '../state/store';

/** Every table of the database `name` as stored, without upgrading it. */
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

/**
 * The tables as the current schema would hold them after upgrading from `fromVersion`: every
 * migration of a later version, in order, as the upgrade runs them.
 */
export function migrateTables(
  tables: Readonly<MigrationTables>,
  fromVersion: number,
  versions: readonly SchemaVersion[] = SCHEMA_VERSIONS,
): MigrationTables {
  let current: MigrationTables = { ...tables };
  for (const schema of versions) {
    if (schema.version <= fromVersion || !schema.migration) continue;
    const migration = MIGRATIONS[schema.migration];
    if (!migration) throw new Error(`Unknown migration "${schema.migration}".`);
    current = { ...current, ...migration.migrate(current) };
  }
  return current;
}

/** The portfolio file's text of upgraded tables; throws with the reason when it is not one. */
export function portfolioTextOf(tables: Readonly<MigrationTables>): {
  readonly text: string;
  readonly summary: string;
  readonly name: string;
} {
  const meta = (tables.meta ?? []).find(
    (row) => (row as { key?: unknown } | null)?.key === 'portfolio',
  );
  if (!meta) throw new Error('the stored data holds no portfolio');
  const state: Record<string, unknown> = { meta };
  for (const name of LIST_ENTITY_NAMES) state[name] = tables[name] ?? [];
  const portfolio = stateToPortfolio(normalizeState(state as PortfolioState));
  const text = writePortfolio(portfolio);
  // Only what the file's reader accepts can be restored; anything else is kept raw.
  const read = readPortfolioText(text);
  if (!read.ok) {
    const first = read.errors[0];
    throw new Error(first ? describeProblem(first).headline : 'the file reader refused it');
  }
  return { text, summary: portfolioSummary(portfolio), name: portfolio.name };
}

export type UpgradeBackup =
  | { readonly kind: 'portfolio'; readonly info: BackupInfo }
  | { readonly kind: 'raw'; readonly info: BackupInfo; readonly why: string }
  | { readonly kind: 'failed'; readonly message: string };

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Backs up the database `name`, stored at schema version `fromVersion`, before it is upgraded.
 * Never throws; a raw or failed backup is told in a notice.
 */
export async function backUpBeforeUpgrade(
  name: string,
  fromVersion: number,
  options: {
    readonly store?: BackupStore;
    readonly notify?: (kind: 'info' | 'error', text: string) => void;
    readonly factory?: IDBFactory;
  } = {},
): Promise<UpgradeBackup> {
  const store = options.store ?? getPlatform().backups;
  const notify = options.notify ?? ((kind, text) => useAppStore.getState().notify(kind, text));
  let tables: MigrationTables;
  try {
    tables = await readRawTables(name, options.factory);
  } catch (error) {
    const message = storageFailureText(
      error,
      `Baton could not read its data to back it up before updating its storage (version ${fromVersion})`,
    );
    notify('error', message);
    return { kind: 'failed', message };
  }
  try {
    const {
      text,
      summary,
      name: portfolioName,
    } = portfolioTextOf(migrateTables(tables, fromVersion));
    const info = await store.write(
      {
        reason: 'before-upgrade',
        summary,
        portfolioName: portfolioName.slice(0, MAX_BACKUP_LABEL),
      },
      text,
    );
    return { kind: 'portfolio', info };
  } catch (error) {
    const why = errorText(error);
    try {
      const meta = (tables.meta ?? []).find(
        (row) => (row as { key?: unknown } | null)?.key === 'portfolio',
      ) as { name?: unknown } | undefined;
      const portfolioName = typeof meta?.name === 'string' ? meta.name : 'Unknown portfolio';
      const raw = JSON.stringify({ database: name, schemaVersion: fromVersion, tables });
      const info = await store.write(
        {
          reason: 'before-upgrade',
          summary: `Raw data of storage version ${fromVersion}, not readable as a portfolio`.slice(
            0,
            MAX_BACKUP_LABEL,
          ),
          portfolioName: portfolioName.slice(0, MAX_BACKUP_LABEL),
        },
        raw,
      );
      notify(
        'info',
        `Before updating its storage, Baton kept your data as raw rows, because it could not be read as a portfolio (${why}). The backup is in Settings › Backups; send it to support if anything is missing.`,
      );
      return { kind: 'raw', info, why };
    } catch (rawError) {
      const message = storageFailureText(
        rawError,
        'Baton could not back up its data before updating its storage; the update went ahead',
      );
      notify('error', message);
      return { kind: 'failed', message };
    }
  }
}
