/**
 * The migration harness: a database written by the first schema version opens with today's
 * schema, keeps every row, and every registered migration is exercised by a case below.
 */
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, type MigrationTables } from '../../../renderer/db/migrations';
import { portfolioToRows, rowsToPortfolio } from '../../../renderer/db/portfolio-rows';
import {
  BatonDatabase,
  CURRENT_SCHEMA_VERSION,
  SCHEMA_VERSIONS,
  TABLE_NAMES,
  type PortfolioMetaRow,
} from '../../../renderer/db/schema';
import { smallPortfolioFile } from '../../shared/portfolio/fixtures';
import { restorePortfolio } from '../../../shared/portfolio/restore';
import { writePortfolio } from '../../../shared/portfolio/write';

/** One case per registered migration: tables before, and what they must hold after. */
const MIGRATION_CASES: Readonly<
  Record<string, { before: MigrationTables; after: MigrationTables }>
> = {
  fractionalRanks: {
    before: {
      scenarios: [
        { id: 'base', name: 'Baseline', ranking: ['b', 'a', 'c'], pos: 0 },
        { id: 'empty', name: 'Empty', ranking: [], pos: 1, extras: { colour: 'red' } },
      ],
    },
    after: {
      scenarios: [
        { id: 'base', name: 'Baseline', pos: 0 },
        { id: 'empty', name: 'Empty', pos: 1, extras: { colour: 'red' } },
      ],
      ranks: [
        { scenarioId: 'base', initiativeId: 'b', rank: 'G' },
        { scenarioId: 'base', initiativeId: 'a', rank: 'V' },
        { scenarioId: 'base', initiativeId: 'c', rank: 'l' },
      ],
    },
  },
};

function fixturePortfolio() {
  const result = restorePortfolio(smallPortfolioFile());
  if (!result.ok) throw new Error('fixture is invalid');
  return result.portfolio;
}

/** Writes a database exactly as the first schema version laid it out. */
async function writeFirstVersionDatabase(name: string): Promise<void> {
  const first = SCHEMA_VERSIONS[0]!;
  const legacy = new Dexie(name);
  legacy.version(first.version).stores(first.stores);
  await legacy.open();
  const portfolio = fixturePortfolio();
  expect(portfolio.scenarios.some((scenario) => scenario.ranking.length > 1)).toBe(true);
  const rows = portfolioToRows(portfolio, { kind: 'file', label: 'northwind.json' });
  await legacy.table('meta').put(rows.meta);
  for (const table of TABLE_NAMES) {
    if (table === 'meta' || !(table in first.stores)) continue;
    // Version 1 kept each scenario's ranking as a list inside the scenario row.
    const v1Rows =
      table === 'scenarios'
        ? portfolio.scenarios.map((scenario, pos) => ({ ...scenario, pos }))
        : rows[table];
    await legacy.table(table).bulkAdd([...v1Rows]);
  }
  legacy.close();
}

describe('schema versions', () => {
  it('are append-only, numbered upwards from 1', () => {
    expect(SCHEMA_VERSIONS[0]?.version).toBe(1);
    SCHEMA_VERSIONS.forEach((schema, index) => {
      if (index > 0) expect(schema.version).toBeGreaterThan(SCHEMA_VERSIONS[index - 1]!.version);
    });
    expect(CURRENT_SCHEMA_VERSION).toBe(SCHEMA_VERSIONS.at(-1)?.version);
  });

  it('upgrade a database written by the first version without losing a row', async () => {
    const name = `baton-upgrade-${Date.now()}`;
    await writeFirstVersionDatabase(name);
    const upgraded = new BatonDatabase(name);
    await upgraded.open();
    expect(upgraded.verno).toBe(CURRENT_SCHEMA_VERSION);
    const meta = (await upgraded.meta.get('portfolio')) as PortfolioMetaRow | undefined;
    expect(meta?.origin).toEqual({ kind: 'file', label: 'northwind.json' });
    const portfolio = rowsToPortfolio({
      meta: meta!,
      periods: await upgraded.periods.toArray(),
      teams: await upgraded.teams.toArray(),
      objectives: await upgraded.objectives.toArray(),
      initiatives: await upgraded.initiatives.toArray(),
      scenarios: await upgraded.scenarios.toArray(),
      ranks: await upgraded.ranks.toArray(),
      actuals: await upgraded.actuals.toArray(),
    });
    expect(writePortfolio(portfolio)).toBe(writePortfolio(fixturePortfolio()));
    upgraded.close();
    await Dexie.delete(name);
  });

  it('name only registered migrations', () => {
    for (const schema of SCHEMA_VERSIONS) {
      if (schema.migration) expect(Object.keys(MIGRATIONS)).toContain(schema.migration);
    }
  });
});

describe('migrations', () => {
  it('every registered migration has a case here, so none ships untested', () => {
    expect(Object.keys(MIGRATION_CASES).sort()).toEqual(Object.keys(MIGRATIONS).sort());
  });

  for (const [name, testCase] of Object.entries(MIGRATION_CASES)) {
    it(`${name} turns the old rows into the new ones`, () => {
      expect(MIGRATIONS[name]?.migrate(testCase.before)).toEqual(testCase.after);
    });
  }
});
