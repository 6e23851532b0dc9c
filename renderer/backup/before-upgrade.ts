/**
 * A backup before the database is upgraded to a new schema version. The stored rows are read as
 * they are (Dexie's dynamic mode: no schema, so no upgrade), taken through the same pure
 * migrations the upgrade runs (renderer/db/migrations.ts), in memory, to today's layout, and
 * written as a portfolio file. If that fails, the raw rows are kept as JSON instead, and the user
 * is told. If the backup cannot be stored at all, the user is asked before the upgrade goes ahead,
 * and offered to save the data as a file first.
 */
import { portfolioSummary } from '../../shared/backup/summary';
import { MAX_BACKUP_LABEL, type BackupInfo, type BackupStore } from '../../shared/backup/types';
import { describeProblem, readPortfolioText } from '../../shared/portfolio/restore';
import { portfolioFileName, writePortfolio } from '../../shared/portfolio/write';
import { LIST_ENTITY_NAMES } from '../../shared/store/entities';
import { normalizeState, stateToPortfolio, type PortfolioState } from '../../shared/store/state';
import { askUser, type Question } from '../components/dialogs';
import { MIGRATIONS, type MigrationTables } from '../db/migrations';
import {
  CURRENT_SCHEMA_VERSION,
  DATABASE_NAME,
  SCHEMA_VERSIONS,
  type SchemaVersion,
} from '../db/schema';
import { describeStorageError, storageFailureText } from '../db/storage-health';
import { getPlatform } from '../platform';
import { useAppStore } from '../state/store';
import { rawPortfolioName, rawRowsSummary, rawRowsText, readRawTables } from './raw-rows';
import { storedSchemaVersion } from './stored-version';

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
  /** The backup could not be stored; the user saved the data as a file instead. */
  | { readonly kind: 'file'; readonly location: string }
  | { readonly kind: 'failed'; readonly message: string };

export type UpgradeBackupOptions = {
  readonly store?: BackupStore;
  readonly notify?: (kind: 'info' | 'error', text: string) => void;
  /** Asks the user a question (the app's dialog unless a test answers). */
  readonly ask?: (question: Question) => Promise<string | null>;
  /** Saves a file where the user says (the platform's export unless a test answers). */
  readonly saveFile?: (name: string, text: string) => Promise<{ location: string } | null>;
  readonly factory?: IDBFactory;
};

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** "the folder is read-only" as a sentence: "The folder is read-only." */
function sentence(text: string): string {
  const trimmed = text.trim();
  const capital = `${trimmed.charAt(0).toUpperCase()}${trimmed.slice(1)}`;
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}

/** The data to back up: the portfolio file when the rows read as one, else the raw rows. */
type Candidate = {
  readonly text: string;
  readonly summary: string;
  readonly portfolioName: string;
  readonly fileName: string;
  /** Why the rows do not read as a portfolio; undefined when they do. */
  readonly rawBecause?: string;
};

function candidateOf(name: string, fromVersion: number, tables: MigrationTables): Candidate {
  try {
    const {
      text,
      summary,
      name: portfolioName,
    } = portfolioTextOf(migrateTables(tables, fromVersion));
    return {
      text,
      summary,
      portfolioName: portfolioName.slice(0, MAX_BACKUP_LABEL),
      fileName: portfolioFileName(portfolioName),
    };
  } catch (error) {
    return {
      text: rawRowsText(name, fromVersion, tables),
      summary: rawRowsSummary(fromVersion),
      portfolioName: rawPortfolioName(tables),
      fileName: 'baton-stored-data.json',
      rawBecause: errorText(error),
    };
  }
}

/**
 * The backup could not be stored (a full disk, the browser's quota, a read-only folder). Baton
 * does not upgrade silently then, nor keep the rows in another place of its own: in the browser
 * that place shares the quota that just ran out, on the desktop the disk that is full, and a copy
 * the Backups list does not show is not one a user would find. Nor can it stop for good: this
 * version of Baton reads only the new layout, so without the upgrade it cannot show anything.
 * So it asks, before upgrading: save the data as a file where the user chooses (another drive, a
 * download), or update without a backup. Dismissing the question asks again; the start waits.
 */
async function askBeforeUpgradingWithoutBackup(
  candidate: Candidate,
  fromVersion: number,
  why: string,
  ask: NonNullable<UpgradeBackupOptions['ask']>,
  saveFile: NonNullable<UpgradeBackupOptions['saveFile']>,
  notify: NonNullable<UpgradeBackupOptions['notify']>,
): Promise<UpgradeBackup> {
  const what = candidate.rawBecause
    ? 'every stored record as JSON (it does not read as a portfolio, but keeps your data for a repair)'
    : 'a portfolio file that File › Open reads back';
  let attempt = '';
  for (;;) {
    const answer = await ask({
      title: 'Update the storage without a backup?',
      body: `${attempt}Baton must update how it stores your data (storage version ${fromVersion} to ${CURRENT_SCHEMA_VERSION}) before it can show it, and it could not back the data up first. ${sentence(why)} Save the data as a file first (${what}), somewhere with room; then Baton updates its storage.`,
      actions: [
        { id: 'save', label: 'Save the data as a file…', primary: true },
        { id: 'update', label: 'Update without a backup' },
      ],
    });
    if (answer === 'update') {
      const message = `Baton could not back up its data before updating its storage; the update went ahead, as you chose. ${sentence(why)}`;
      notify('error', message);
      return { kind: 'failed', message };
    }
    if (answer !== 'save') continue;
    try {
      const saved = await saveFile(candidate.fileName, candidate.text);
      if (saved) {
        notify(
          'info',
          `Before updating its storage, Baton saved your data to ${saved.location}, as it could not back it up. ${sentence(why)}`,
        );
        return { kind: 'file', location: saved.location };
      }
      attempt = 'Nothing was saved: the save was cancelled. ';
    } catch (error) {
      attempt = `Nothing was saved: ${errorText(error)}. `;
    }
  }
}

/**
 * Backs up the database `name`, stored at schema version `fromVersion`, before it is upgraded.
 * Never throws; a raw backup is told in a notice; when none can be stored, the user is asked
 * before the upgrade goes ahead (see askBeforeUpgradingWithoutBackup).
 */
export async function backUpBeforeUpgrade(
  name: string,
  fromVersion: number,
  options: UpgradeBackupOptions = {},
): Promise<UpgradeBackup> {
  const store = options.store ?? getPlatform().backups;
  const notify = options.notify ?? ((kind, text) => useAppStore.getState().notify(kind, text));
  const ask = options.ask ?? askUser;
  const saveFile =
    options.saveFile ?? ((fileName, text) => getPlatform().saveExportFile(fileName, text));
  let tables: MigrationTables;
  try {
    tables = await readRawTables(name, options.factory);
  } catch (error) {
    // Nothing could be read, so nothing could be saved either: the upgrade, which reads the same
    // rows, is left to succeed or to fail on its own (its failure has a screen of its own).
    const message = storageFailureText(
      error,
      `Baton could not read its data to back it up before updating its storage (version ${fromVersion})`,
    );
    notify('error', message);
    return { kind: 'failed', message };
  }
  const candidate = candidateOf(name, fromVersion, tables);
  try {
    const info = await store.write(
      {
        reason: 'before-upgrade',
        summary: candidate.summary,
        portfolioName: candidate.portfolioName,
      },
      candidate.text,
    );
    if (candidate.rawBecause === undefined) return { kind: 'portfolio', info };
    notify(
      'info',
      `Before updating its storage, Baton kept your data as raw rows, because it could not be read as a portfolio (${candidate.rawBecause}). The backup is in Settings › Backups; send it to support if anything is missing.`,
    );
    return { kind: 'raw', info, why: candidate.rawBecause };
  } catch (error) {
    const why = describeStorageError(error)?.happened ?? errorText(error);
    return askBeforeUpgradingWithoutBackup(candidate, fromVersion, why, ask, saveFile, notify);
  }
}

/**
 * What runs before the app's database opens (renderer/main.tsx passes it to runBeforeOpening):
 * when the database is stored at an older schema version, the backup before its upgrade.
 */
export async function backUpIfUpgrading(options: UpgradeBackupOptions = {}): Promise<void> {
  const stored = await storedSchemaVersion(DATABASE_NAME, options.factory);
  if (stored === null || stored >= CURRENT_SCHEMA_VERSION) return;
  await backUpBeforeUpgrade(DATABASE_NAME, stored, options);
}
