/**
 * The window's copy of the state when the database is deleted and made
 * again under it (site data cleared, another window resets it): the revision starts over at 0.
 */
import Dexie from 'dexie';
import { beforeEach, expect, it } from 'vitest';
import { DEMO_PORTFOLIO } from '../../../shared/demo/demo-portfolio';
import { portfolioToState } from '../../../shared/store/state';
import { db, writeAllRows } from '../../../renderer/db/database';
import { setInitiativeDetail } from '../../../renderer/db/edits';
import { ORDER_KEYS } from '../../../renderer/db/order-keys';
import { readPortfolio, readState, settleEdits } from '../../../renderer/db/repository';
import { BatonDatabase, DATABASE_NAME } from '../../../renderer/db/schema';
import { freshDatabase } from './fresh-database';

const FIRST = DEMO_PORTFOLIO.initiatives[0]!;

beforeEach(freshDatabase);

it('reads the portfolio again after the database was deleted and made again elsewhere', async () => {
  await db.transaction('r', db.tables, () => readState()); // cached at revision 0
  // Another window: deletes the database and fills it again, with another name for FIRST.
  await Dexie.delete(DATABASE_NAME);
  const other = new BatonDatabase();
  await other.open();
  const portfolio = {
    ...DEMO_PORTFOLIO,
    initiatives: DEMO_PORTFOLIO.initiatives.map((entry, index) =>
      index === 0 ? { ...entry, name: 'Made by the other window' } : entry,
    ),
  };
  await other.transaction('rw', other.tables, () =>
    writeAllRows(
      (name) => other.table(name),
      portfolioToState(portfolio, { kind: 'demo' }, ORDER_KEYS),
    ),
  );
  other.close();
  if (!db.isOpen()) await db.open();
  expect.soft((await readPortfolio()).initiatives[0]?.name).toBe('Made by the other window');
  // An edit planned on the stale copy writes the stale record back.
  await setInitiativeDetail(FIRST.id, 'owner', 'Ana');
  await settleEdits();
  expect.soft((await readPortfolio()).initiatives[0]?.name).toBe('Made by the other window');
});
