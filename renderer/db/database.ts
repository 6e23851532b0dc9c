/**
 * The app's database: opened once, filled with the demo portfolio the first time, and given
 * back, before anything reads it, the edits a window journalled as it went away.
 */
import type { Table } from 'dexie';
import { DEMO_PORTFOLIO } from '../../shared/demo/demo-portfolio';
import { portfolioToState, type PortfolioState } from '../../shared/store/state';
import { ORDER_KEYS } from './order-keys';
import {
  BatonDatabase,
  TABLE_NAMES,
  type PortfolioStatusRow,
  type RevisionRow,
  type TableName,
} from './schema';
import {
  removeJournals,
  replayJournal,
  type JournalStorage,
  type ReplayReport,
} from './unstored-edits';

export const db = new BatonDatabase();

db.on('populate', async (tx) => {
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
      lastReplay = await ready.transaction('rw', TABLE_NAMES.map(table), () =>
        replayJournal(table, storage, async () => {
          await table('meta').put(unsaved);
          // Windows that kept a copy of the portfolio read it again.
          const revision = (await table('meta').get('revision')) as RevisionRow | undefined;
          const next: RevisionRow = { key: 'revision', value: (revision?.value ?? 0) + 1 };
          await table('meta').put(next);
        }),
      );
      removeJournals(storage, lastReplay.keys);
    } catch (error) {
      // The portfolio opens as stored; the journal stays for the next start.
      console.warn('Could not restore the edits made just before the window closed', error);
    }
  },
  true,
);

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
