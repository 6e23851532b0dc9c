/**
 * The app's database: opened once, filled with the demo portfolio the first time, and given
 * back, before anything reads it, the edits a window journalled as it went away.
 */
import type { Table } from 'dexie';
import { DEMO_PORTFOLIO } from '../../shared/demo/demo-portfolio';
import { problemsAfter } from '../../shared/store/check';
import { LIST_ENTITY_NAMES } from '../../shared/store/entities';
import type { HistoryEntry } from '../../shared/store/history';
import {
  applyChanges,
  normalizeState,
  portfolioToState,
  type PortfolioMeta,
  type PortfolioState,
} from '../../shared/store/state';
import { editorName } from './editor';
import { ORDER_KEYS, newEpoch } from './order-keys';
import { storedSchemaVersion } from '../backup/stored-version';
import {
  BatonDatabase,
  CURRENT_SCHEMA_VERSION,
  DATABASE_NAME,
  SCHEMA_VERSIONS,
  TABLE_NAMES,
  type PortfolioStatusRow,
  type RevisionRow,
  type StackRow,
  type TableName,
} from './schema';
import {
  UNSTORED_EDITS_PREFIX,
  removeJournals,
  replayJournal,
  type JournalStorage,
  type ReplayReport,
} from './unstored-edits';

/**
 * Before the database is upgraded to a new schema version, a backup of it as it is. The module
 * that takes it is loaded only then (it needs the platform and the app's notices, which need
 * this module).
 */
async function backUpIfUpgrading(): Promise<void> {
  const stored = await storedSchemaVersion(DATABASE_NAME);
  if (stored === null || stored >= CURRENT_SCHEMA_VERSION) return;
  const { backUpBeforeUpgrade } = await import('../backup/before-upgrade');
  await backUpBeforeUpgrade(DATABASE_NAME, stored);
}

export const db = new BatonDatabase(DATABASE_NAME, SCHEMA_VERSIONS, backUpIfUpgrading);

db.on('populate', async (tx) => {
  const revision: RevisionRow = { key: 'revision', value: 0, epoch: newEpoch() };
  await tx.table('meta').put(revision);
  await writeAllRows(
    (name) => tx.table(name),
    portfolioToState(DEMO_PORTFOLIO, { kind: 'demo' }, ORDER_KEYS),
  );
});

/** localStorage, where the page has it (a sandboxed or private page may refuse it). */
export function journalStorage(): JournalStorage | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined;
  }
}

let lastReplay: ReplayReport = { restored: 0, skipped: 0, keys: [] };

/** What the last opening of the database found in the journals of unstored edits. */
export function lastJournalReplay(): ReplayReport {
  return lastReplay;
}

// Sticky: every opening replays, not only the first (tests and a reset open it again).
db.on(
  'ready',
  async (ready) => {
    const storage = journalStorage();
    if (!storage) return;
    // Inside the ready event only the database handed to it may be used.
    const table = (name: TableName) => ready.table(name) as Table<unknown, unknown>;
    try {
      const unsaved: PortfolioStatusRow = { key: 'status', unsavedChanges: true };
      const tables = [...TABLE_NAMES, 'history', 'stacks'].map((name) => ready.table(name));
      lastReplay = await ready.transaction('rw', tables, async () => {
        let state: PortfolioState | undefined;
        return replayJournal(
          table,
          storage,
          async () => {
            await table('meta').put(unsaved);
            // Windows that kept a copy of the portfolio read it again.
            const revision = (await table('meta').get('revision')) as RevisionRow | undefined;
            const next: RevisionRow = {
              key: 'revision',
              value: (revision?.value ?? 0) + 1,
              ...(revision?.epoch && { epoch: revision.epoch }),
            };
            await table('meta').put(next);
          },
          async (edit, journal) => {
            // The same rules as any edit; and, once kept, in the history and on the undo stack
            // of the window that made it.
            state ??= await readStateFrom(table);
            const next = applyChanges(state, edit.changes);
            if (problemsAfter(next, edit.changes).length > 0) return false;
            state = next;
            const entry: Omit<HistoryEntry, 'seq'> = {
              at: new Date().toISOString(),
              label: edit.label,
              who: editorName(),
              kind: 'edit',
              changes: edit.changes,
            };
            const seq = (await ready.table('history').add(entry)) as number;
            const window = journalWindow(journal);
            if (window) {
              const stacks = ready.table('stacks');
              const row = (await stacks.get(window)) as StackRow | undefined;
              await stacks.put({ window, undo: [...(row?.undo ?? []), seq], redo: [] });
            }
            return true;
          },
        );
      });
      removeJournals(storage, lastReplay.keys);
    } catch (error) {
      // The portfolio opens as stored; the journal stays for the next start.
      console.warn('Could not restore the edits made just before the window closed', error);
    }
  },
  true,
);

/** The window that wrote a journal (its key starts with the window's key and "~"). */
function journalWindow(journal: string): string | undefined {
  const key = journal.slice(UNSTORED_EDITS_PREFIX.length);
  const at = key.indexOf('~');
  return at > 0 ? key.slice(0, at) : undefined;
}

/** Every record of the portfolio, read through the tables handed over. */
export async function readStateFrom(
  table: (name: TableName) => Table<unknown, unknown>,
): Promise<PortfolioState> {
  const meta = (await table('meta').get('portfolio')) as PortfolioMeta | undefined;
  if (!meta) throw new Error('The portfolio is missing from the database.');
  const lists = await Promise.all(LIST_ENTITY_NAMES.map((name) => table(name).toArray()));
  const state: Record<string, unknown> = { meta };
  LIST_ENTITY_NAMES.forEach((name, index) => (state[name] = lists[index]));
  return normalizeState(state as PortfolioState);
}

/** The Dexie table of a name. */
export function tableOf(name: TableName): Table<unknown, unknown> {
  return db.table(name);
}

/** Writes every record of a portfolio state into empty tables. */
export async function writeAllRows(
  table: (name: TableName) => Table<unknown, unknown>,
  state: PortfolioState,
): Promise<void> {
  await table('meta').put(state.meta);
  for (const name of TABLE_NAMES) {
    if (name === 'meta') continue;
    await table(name).bulkAdd([...state[name]]);
  }
}
