/**
 * Before the database is upgraded to a new schema version, Baton backs it up: from each earlier
 * version, the backup is the portfolio as the upgrade will show it, and the upgrade goes ahead.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readPortfolioText, restorePortfolio } from '../../../shared/portfolio/restore';
import type { Portfolio } from '../../../shared/portfolio/types';
import { writePortfolio } from '../../../shared/portfolio/write';
import { ranksBetween } from '../../../shared/prioritize/fractional-rank';
import { portfolioToState } from '../../../shared/store/state';
import { storedSchemaVersion } from '../../../renderer/backup/stored-version';
import { db } from '../../../renderer/db/database';
import { ORDER_KEYS } from '../../../renderer/db/order-keys';
import { forgetState, readPortfolio } from '../../../renderer/db/repository';
import {
  BatonDatabase,
  CURRENT_SCHEMA_VERSION,
  DATABASE_NAME,
  SCHEMA_VERSIONS,
  TABLE_NAMES,
} from '../../../renderer/db/schema';
import { smallPortfolioFile } from '../../shared/portfolio/fixtures';
import { freshDatabase } from '../db/fresh-database';
import { clearNotices, noticeTexts, useFreshBackups } from './support';

function fixturePortfolio(): Portfolio {
  const result = restorePortfolio(smallPortfolioFile());
  if (!result.ok) throw new Error('fixture is invalid');
  return {
    ...result.portfolio,
    scenarios: [
      ...result.portfolio.scenarios,
      { id: 'alt', name: 'Alternative', ranking: ['data-lake', 'crm-buy', 'crm-revamp'] },
    ],
    actuals: [{ initiativeId: 'data-lake', periodId: '2027-Q1', spend: 1000, progress: 0.5 }],
  };
}

/** Records with their list order in an integer `pos`, as versions 1 and 2 kept them. */
function positioned(records: readonly object[]): object[] {
  return records.map((record, pos) => {
    const { order: _order, ...rest } = record as { order?: string };
    return { ...rest, pos };
  });
}

/**
 * Writes the app's database exactly as schema version `version` laid it out: integer positions
 * and rankings inside the scenarios (1), rank rows (2), order keys (3 and 4).
 */
async function writeOldDatabase(version: number, portfolio: Portfolio): Promise<void> {
  db.close();
  await db.delete();
  forgetState();
  const versions = SCHEMA_VERSIONS.filter((schema) => schema.version <= version);
  const legacy = new BatonDatabase(DATABASE_NAME, versions);
  await legacy.open();
  const state = portfolioToState(portfolio, { kind: 'file', label: 'northwind.json' }, ORDER_KEYS);
  const { meta: _meta, ...lists } = state;
  const rows: Record<string, readonly object[]> = { ...lists };
  if (version <= 2) {
    for (const name of ['periods', 'teams', 'objectives', 'initiatives', 'actuals'] as const) {
      rows[name] = positioned(state[name]);
    }
    rows.scenarios =
      version === 1
        ? portfolio.scenarios.map((scenario, pos) => ({ ...scenario, pos }))
        : positioned(state.scenarios);
    rows.ranks =
      version === 1
        ? []
        : portfolio.scenarios.flatMap((scenario) => {
            const keys = ranksBetween(null, null, scenario.ranking.length);
            return scenario.ranking.map((initiativeId, index) => ({
              scenarioId: scenario.id,
              initiativeId,
              rank: keys[index],
            }));
          });
  }
  const stores = Object.assign({}, ...versions.map((schema) => schema.stores)) as object;
  await legacy.table('meta').put(state.meta);
  await legacy.table('meta').put({ key: 'revision', value: 7, epoch: 'old' });
  for (const table of TABLE_NAMES) {
    if (table === 'meta' || !(table in stores)) continue;
    await legacy.table(table).bulkAdd([...(rows[table] ?? [])]);
  }
  legacy.close();
}

beforeEach(() => {
  clearNotices();
});

afterEach(async () => {
  vi.restoreAllMocks();
  await freshDatabase();
});

const EARLIER = SCHEMA_VERSIONS.map((schema) => schema.version).filter(
  (version) => version < CURRENT_SCHEMA_VERSION,
);

describe('the backup before a schema upgrade', () => {
  it('is tested from every earlier version', () => {
    expect(EARLIER).toEqual(
      Array.from({ length: CURRENT_SCHEMA_VERSION - 1 }, (_, index) => index + 1),
    );
  });

  for (const version of EARLIER) {
    it(`is taken from version ${version}, holding the portfolio the upgrade shows`, async () => {
      const backups = useFreshBackups();
      const portfolio = fixturePortfolio();
      await writeOldDatabase(version, portfolio);
      await expect(storedSchemaVersion(DATABASE_NAME)).resolves.toBe(version);

      await db.open();
      expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
      const listed = await backups.list();
      expect(listed.map((info) => info.reason)).toEqual(['before-upgrade']);
      expect(listed[0]?.summary).toBe(
        'Northwind 2027 plan · 3 initiatives · 2 teams · 2 scenarios',
      );
      const text = await backups.read(listed[0]!.id);
      expect(text).toBe(writePortfolio(portfolio));
      expect(text).toBe(writePortfolio(await readPortfolio()));
      expect(readPortfolioText(text!).ok).toBe(true);
      expect(noticeTexts()).toEqual([]);

      // Opened again, at today's version: no second backup.
      db.close({ disableAutoOpen: false });
      await db.open();
      expect(await backups.list()).toHaveLength(1);
    });
  }

  it('is not taken for a new database or one at the current version', async () => {
    const backups = useFreshBackups();
    await freshDatabase();
    db.close({ disableAutoOpen: false });
    await db.open();
    expect(await backups.list()).toEqual([]);
  });

  it('keeps the raw rows, and says so, when they do not read as a portfolio', async () => {
    const backups = useFreshBackups();
    await writeOldDatabase(2, { ...fixturePortfolio(), name: '' });
    await db.open();
    expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
    const [info] = await backups.list();
    expect(info).toMatchObject({
      reason: 'before-upgrade',
      summary: 'Raw data of storage version 2, not readable as a portfolio',
    });
    const raw = JSON.parse((await backups.read(info!.id))!) as {
      schemaVersion: number;
      tables: Record<string, { id?: string; key?: string; pos?: number }[]>;
    };
    expect(raw.schemaVersion).toBe(2);
    // The rows as stored before the upgrade: integer positions, the portfolio's meta row.
    expect(raw.tables.initiatives?.map((row) => row.pos).sort()).toEqual([0, 1, 2]);
    expect(raw.tables.meta?.map((row) => row.key).sort()).toEqual(['portfolio', 'revision']);
    expect(noticeTexts()).toEqual([
      expect.stringMatching(/^Before updating its storage, Baton kept your data as raw rows/),
    ]);
  });

  it('lets the upgrade go ahead, and says so, when the backup cannot be written', async () => {
    const backups = useFreshBackups();
    vi.spyOn(backups, 'write').mockRejectedValue(new Error('the backup folder is read-only'));
    await writeOldDatabase(3, fixturePortfolio());
    await db.open();
    expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
    expect(writePortfolio(await readPortfolio())).toBe(writePortfolio(fixturePortfolio()));
    expect(noticeTexts()).toEqual([
      expect.stringMatching(
        /^Baton could not back up its data before updating its storage; the update went ahead/,
      ),
    ]);
  });

  it('runs before the first query too, when nothing opened the database yet', async () => {
    const backups = useFreshBackups();
    await writeOldDatabase(1, fixturePortfolio());
    // Dexie opens on demand; the backup still comes first.
    db.close({ disableAutoOpen: false });
    expect(await db.initiatives.count()).toBe(3);
    expect((await backups.list()).map((info) => info.reason)).toEqual(['before-upgrade']);
  });
});
