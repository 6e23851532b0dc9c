/**
 * The app's database: opened once, filled with the demo portfolio the first time, and given
 * back, before anything reads it, the edits a window journalled as it went away.
 */
import type { Table } from 'dexie';
import { DEMO_PORTFOLIO } from '../../shared/demo/demo-portfolio';
import { portfolioToRows, type PortfolioRows } from './portfolio-rows';
import { BatonDatabase, TABLE_NAMES, type PortfolioStatusRow, type TableName } from './schema';
import {
  removeJournals,
  replayJournal,
  type JournalStorage,
  type ReplayReport,
} from './unstored-edits';

export const db = new BatonDatabase();

db.on('populate', async (tx) => {
  await writeAllRows((name) => tx.table(name), portfolioToRows(DEMO_PORTFOLIO, { kind: 'demo' }));
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

/** Writes every row of a portfolio into empty tables. */
export async function writeAllRows(
  table: (name: TableName) => Table<unknown, unknown>,
  rows: PortfolioRows,
): Promise<void> {
  await table('meta').put(rows.meta);
  for (const name of TABLE_NAMES) {
    if (name === 'meta') continue;
    await table(name).bulkAdd([...rows[name]]);
  }
}
