/**
 * Before the database is upgraded to a new schema version, Baton backs it up: from each earlier
 * version, the backup is the portfolio as the upgrade will show it, and the upgrade goes ahead.
 * When no backup can be stored, it asks first, and offers to save the data as a file.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readPortfolioText, restorePortfolio } from '../../../shared/portfolio/restore';
import type { Portfolio } from '../../../shared/portfolio/types';
import { writePortfolio } from '../../../shared/portfolio/write';
import { ranksBetween } from '../../../shared/prioritize/fractional-rank';
import { portfolioToState } from '../../../shared/store/state';
import {
  backUpIfUpgrading,
  type UpgradeBackupOptions,
} from '../../../renderer/backup/before-upgrade';
import { storedSchemaVersion } from '../../../renderer/backup/stored-version';
import type { Question } from '../../../renderer/components/dialogs';
import { db, runBeforeOpening } from '../../../renderer/db/database';
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

/** What the hook is given in a test: questions and saves answered by the test. */
let hookOptions: UpgradeBackupOptions = {};

beforeEach(() => {
  clearNotices();
  hookOptions = {
    ask: async (question) => {
      throw new Error(`Not expected to ask "${question.title}"`);
    },
  };
  // As renderer/main.tsx does for the app's window.
  runBeforeOpening(() => backUpIfUpgrading(hookOptions));
});

afterEach(async () => {
  vi.restoreAllMocks();
  runBeforeOpening(undefined);
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

  it('asks before upgrading when no backup can be stored, and saves the data as a file', async () => {
    const backups = useFreshBackups();
    vi.spyOn(backups, 'write').mockRejectedValue(new Error('the backup folder is read-only'));
    await writeOldDatabase(3, fixturePortfolio());
    const asked: { question: Question; version: number | null }[] = [];
    const saveFile = vi.fn(async () => ({ location: '/media/usb/northwind-2027-plan.baton.json' }));
    hookOptions = {
      ask: async (question) => {
        // Asked while the data is still stored as it was: the upgrade waits for the answer.
        asked.push({ question, version: await storedSchemaVersion(DATABASE_NAME) });
        return 'save';
      },
      saveFile,
    };
    await db.open();
    expect(asked).toHaveLength(1);
    expect(asked[0]?.version).toBe(3);
    expect(asked[0]?.question.title).toBe('Update the storage without a backup?');
    expect(asked[0]?.question.body).toMatch(
      /could not back the data up first\. The backup folder is read-only\. Save the data as a file first/,
    );
    // The file is the portfolio as the upgrade shows it, one File › Open reads.
    expect(saveFile).toHaveBeenCalledWith(
      'northwind-2027-plan.baton.json',
      writePortfolio(fixturePortfolio()),
    );
    expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
    expect(writePortfolio(await readPortfolio())).toBe(writePortfolio(fixturePortfolio()));
    expect(noticeTexts()).toEqual([
      'Before updating its storage, Baton saved your data to /media/usb/northwind-2027-plan.baton.json, as it could not back it up. The backup folder is read-only.',
    ]);
  });

  it('asks again when the save is cancelled, and upgrades without a backup only when told', async () => {
    const backups = useFreshBackups();
    vi.spyOn(backups, 'write').mockRejectedValue(new Error('the backup folder is read-only'));
    await writeOldDatabase(3, fixturePortfolio());
    // Save (then cancelled), Escape, then "Update without a backup".
    const answers: (string | null)[] = ['save', null, 'update'];
    const bodies: string[] = [];
    const saveFile = vi.fn(async () => null);
    hookOptions = {
      ask: async (question) => {
        bodies.push(question.body);
        return answers.length > 0 ? answers.shift()! : 'update';
      },
      saveFile,
    };
    await db.open();
    expect(saveFile).toHaveBeenCalledTimes(1);
    expect(bodies).toHaveLength(3);
    expect(bodies[1]).toMatch(/^Nothing was saved: the save was cancelled\. Baton must update/);
    expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
    expect(writePortfolio(await readPortfolio())).toBe(writePortfolio(fixturePortfolio()));
    expect(noticeTexts()).toEqual([
      expect.stringMatching(
        /^Baton could not back up its data before updating its storage; the update went ahead, as you chose\./,
      ),
    ]);
  });

  it('offers the raw rows as the file when they do not read as a portfolio', async () => {
    const backups = useFreshBackups();
    vi.spyOn(backups, 'write').mockRejectedValue(new Error('the backup folder is read-only'));
    await writeOldDatabase(2, { ...fixturePortfolio(), name: '' });
    const saveFile = vi.fn(async (_name: string, _text: string) => ({ location: 'downloads' }));
    hookOptions = { ask: async () => 'save', saveFile };
    await db.open();
    const [name, text] = saveFile.mock.calls[0]!;
    expect(name).toBe('baton-stored-data.json');
    expect((JSON.parse(text) as { schemaVersion: number }).schemaVersion).toBe(2);
    expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
  });

  it('is not taken when no hook is given (the audience window)', async () => {
    const backups = useFreshBackups();
    runBeforeOpening(undefined);
    await writeOldDatabase(3, fixturePortfolio());
    await db.open();
    expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
    expect(await backups.list()).toEqual([]);
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
