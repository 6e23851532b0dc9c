/** The app's database: opened once, and filled with the demo portfolio the first time. */
import type { Table } from 'dexie';
import { DEMO_PORTFOLIO } from '../../shared/demo/demo-portfolio';
import { portfolioToRows, type PortfolioRows } from './portfolio-rows';
import { BatonDatabase, TABLE_NAMES, type TableName } from './schema';

export const db = new BatonDatabase();

db.on('populate', async (tx) => {
  await writeAllRows((name) => tx.table(name), portfolioToRows(DEMO_PORTFOLIO, { kind: 'demo' }));
});

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
