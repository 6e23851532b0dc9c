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
import {
  BatonDatabase,
  DATABASE_NAME,
  SCHEMA_VERSIONS,
  TABLE_NAMES,
  type BeforeOpen,
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

let beforeOpening: BeforeOpen | undefined;

/**
 * Sets what runs before every opening of the database, before Dexie upgrades it: the app's window
 * passes the backup before a schema upgrade (renderer/backup/before-upgrade.ts) from main.tsx, so
 * that the storage does not depend on the app's backups, notices and dialogs. Set it before the
 * first query; undefined runs nothing.
 */
export function runBeforeOpening(hook: BeforeOpen | undefined): void {
  beforeOpening = hook;
}

export const db = new BatonDatabase(DATABASE_NAME, SCHEMA_VERSIONS, async (database) => {
  await beforeOpening?.(database);
});

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

/**
 * Replaces every stored record of the portfolio with `state` in one transaction, without reading
 * what is stored: for a stored portfolio that no longer reads (a missing or broken row, seen from
 * the recovery screen), where an undoable edit cannot be made, as it plans on the stored state.
 * The change history and the undo stacks go too: their edits were made on the state that is gone,
 * and replayed on this one they would make a portfolio nobody had. The caller backs up what was
 * stored, as it is, first. Marks the portfolio unsaved or not, as `unsaved` says, and moves the
 * revision on so that every window reads it again.
 */
export async function overwriteStoredPortfolio(
  state: PortfolioState,
  unsaved: boolean,
): Promise<void> {
  const tables = [...TABLE_NAMES, 'history', 'stacks'].map((name) => db.table(name));
  await db.transaction('rw', tables, async () => {
    const revision = (await db.meta.get('revision')) as RevisionRow | undefined;
    for (const table of tables) await table.clear();
    await writeAllRows(tableOf, state);
    const next: RevisionRow = {
      key: 'revision',
      value: (revision?.value ?? 0) + 1,
      epoch: revision?.epoch ?? newEpoch(),
    };
    const status: PortfolioStatusRow = { key: 'status', unsavedChanges: unsaved };
    await db.meta.bulkPut([next, status]);
  });
}
