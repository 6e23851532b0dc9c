/**
 * The migration harness: a database written by an earlier schema version opens with today's
 * schema, keeps every row, and every registered migration is exercised by a case below.
 */
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, type MigrationTables } from '../../../renderer/db/migrations';
import { ORDER_KEYS } from '../../../renderer/db/order-keys';
import {
  BatonDatabase,
  CURRENT_SCHEMA_VERSION,
  SCHEMA_VERSIONS,
  TABLE_NAMES,
  type PortfolioMetaRow,
} from '../../../renderer/db/schema';
import { smallPortfolioFile } from '../../shared/portfolio/fixtures';
import { ranksBetween } from '../../../shared/prioritize/fractional-rank';
import { restorePortfolio } from '../../../shared/portfolio/restore';
import type { Portfolio } from '../../../shared/portfolio/types';
import { writePortfolio } from '../../../shared/portfolio/write';
import { LIST_ENTITY_NAMES } from '../../../shared/store/entities';
import {
  normalizeState,
  portfolioToState,
  stateToPortfolio,
  type PortfolioState,
} from '../../../shared/store/state';

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
  orderKeys: {
    // Rows as the database hands them over: in key order, their list order in `pos`.
    before: {
      periods: [
        { id: 'p1', label: 'Q1', pos: 1 },
        { id: 'p2', label: 'Q2', pos: 0 },
      ],
      teams: [{ id: 'core', name: 'Core', capacity: { p1: 3 }, pos: 0 }],
      objectives: [
        { id: 'a-child', name: 'Child', parentId: 'z-theme', pos: 1 },
        { id: 'z-theme', name: 'Theme', parentId: null, pos: 0 },
      ],
      initiatives: [
        { id: 'a', name: 'A', status: 'proposed', pos: 2 },
        { id: 'b', name: 'B', status: 'active', pos: 0 },
        { id: 'c', name: 'C', status: 'done', pos: 1 },
      ],
      scenarios: [
        { id: 'base', name: 'Baseline', pos: 1 },
        { id: 'alt', name: 'Alternative', pos: 0 },
      ],
      ranks: [
        { scenarioId: 'alt', initiativeId: 'a', rank: 'l' },
        { scenarioId: 'alt', initiativeId: 'c', rank: 'V' },
        { scenarioId: 'base', initiativeId: 'a', rank: 'V' },
        { scenarioId: 'base', initiativeId: 'b', rank: 'G' },
        { scenarioId: 'base', initiativeId: 'c', rank: 'VV' },
      ],
      actuals: [
        { initiativeId: 'b', periodId: 'p1', spend: 5, pos: 1 },
        { initiativeId: 'b', periodId: 'p2', spend: 7, pos: 0 },
      ],
    },
    after: {
      periods: [
        { id: 'p2', label: 'Q2', order: 'a0' },
        { id: 'p1', label: 'Q1', order: 'a1' },
      ],
      teams: [{ id: 'core', name: 'Core', capacity: { p1: 3 }, order: 'a0' }],
      objectives: [
        { id: 'z-theme', name: 'Theme', parentId: null, order: 'a0' },
        { id: 'a-child', name: 'Child', parentId: 'z-theme', order: 'a1' },
      ],
      initiatives: [
        { id: 'b', name: 'B', status: 'active', order: 'a0' },
        { id: 'c', name: 'C', status: 'done', order: 'a1' },
        { id: 'a', name: 'A', status: 'proposed', order: 'a2' },
      ],
      scenarios: [
        { id: 'alt', name: 'Alternative', order: 'a0' },
        { id: 'base', name: 'Baseline', order: 'a1' },
      ],
      ranks: [
        { scenarioId: 'alt', initiativeId: 'c', rank: 'a0' },
        { scenarioId: 'alt', initiativeId: 'a', rank: 'a1' },
        { scenarioId: 'base', initiativeId: 'b', rank: 'a0' },
        { scenarioId: 'base', initiativeId: 'a', rank: 'a1' },
        { scenarioId: 'base', initiativeId: 'c', rank: 'a2' },
      ],
      actuals: [
        { initiativeId: 'b', periodId: 'p2', spend: 7, order: 'a0' },
        { initiativeId: 'b', periodId: 'p1', spend: 5, order: 'a1' },
      ],
    },
  },
  scoresOnTheirScale: {
    // Scores typed before revision 3: WSJF on 0–100, RICE's impact any number from 0 to 3.
    before: {
      meta: [{ key: 'portfolio', name: 'P', scoring: { model: 'wsjf' }, origin: { kind: 'demo' } }],
      initiatives: [
        { id: 'a', name: 'A', status: 'proposed', scores: { jobSize: 40 }, order: 'a0' },
        { id: 'b', name: 'B', status: 'proposed', scores: { jobSize: 5 }, order: 'a1' },
      ],
    },
    after: {
      meta: [
        {
          key: 'portfolio',
          name: 'P',
          scoring: {
            model: 'wsjf',
            criteria: [{ id: 'jobSize', name: 'Job size', scale: '0-100' }],
          },
          origin: { kind: 'demo' },
        },
      ],
    },
  },
};

/** A frozen deep copy: a migration that writes into its input throws. */
function deepFrozen<T>(value: T): T {
  const copy = structuredClone(value);
  const freeze = (item: unknown): void => {
    if (typeof item !== 'object' || item === null) return;
    Object.freeze(item);
    for (const child of Object.values(item)) freeze(child);
  };
  freeze(copy);
  return copy;
}

/** The fixture, with a second scenario whose ranking is not in key order, and an actual. */
function fixturePortfolio(): Portfolio {
  const result = restorePortfolio(smallPortfolioFile());
  if (!result.ok) throw new Error('fixture is invalid');
  const portfolio = result.portfolio;
  return {
    ...portfolio,
    scenarios: [
      ...portfolio.scenarios,
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

/** The tables of a state as an old schema version laid them out (`pos`; rankings as given). */
function oldRows(state: PortfolioState): Record<string, object[]> {
  return {
    periods: positioned(state.periods),
    teams: positioned(state.teams),
    objectives: positioned(state.objectives),
    initiatives: positioned(state.initiatives),
    scenarios: positioned(state.scenarios),
    actuals: positioned(state.actuals),
  };
}

/** Writes a database exactly as schema version `version` (1 or 2) laid it out. */
async function writeOldDatabase(name: string, version: 1 | 2): Promise<Portfolio> {
  const versions = SCHEMA_VERSIONS.slice(0, version);
  const legacy = new BatonDatabase(name, versions);
  await legacy.open();
  expect(legacy.verno).toBe(version);
  const portfolio = fixturePortfolio();
  expect(portfolio.scenarios.some((scenario) => scenario.ranking.length > 1)).toBe(true);
  const state = portfolioToState(portfolio, { kind: 'file', label: 'northwind.json' }, ORDER_KEYS);
  const rows = oldRows(state);
  await legacy.table('meta').put(state.meta);
  if (version === 1) {
    // Version 1 kept each scenario's ranking as a list inside the scenario row.
    rows.scenarios = portfolio.scenarios.map((scenario, pos) => ({ ...scenario, pos }));
  } else {
    // Version 2 kept one rank row per ranked initiative, with the keys of fractional-rank.ts.
    rows.ranks = portfolio.scenarios.flatMap((scenario) => {
      const keys = ranksBetween(null, null, scenario.ranking.length);
      return scenario.ranking.map((initiativeId, index) => ({
        scenarioId: scenario.id,
        initiativeId,
        rank: keys[index],
      }));
    });
  }
  const stores = Object.assign({}, ...versions.map((schema) => schema.stores)) as object;
  for (const table of TABLE_NAMES) {
    if (table === 'meta' || !(table in stores)) continue;
    await legacy.table(table).bulkAdd(rows[table] ?? []);
  }
  legacy.close();
  return portfolio;
}

/** Every list of an opened database, as a state. */
async function readDatabase(database: BatonDatabase): Promise<PortfolioState> {
  const meta = (await database.meta.get('portfolio')) as PortfolioMetaRow | undefined;
  if (!meta) throw new Error('no portfolio');
  const state: Record<string, unknown> = { meta };
  for (const name of LIST_ENTITY_NAMES) state[name] = await database.table(name).toArray();
  return normalizeState(state as PortfolioState);
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
    const written = await writeOldDatabase(name, 1);
    const upgraded = new BatonDatabase(name);
    await upgraded.open();
    expect(upgraded.verno).toBe(CURRENT_SCHEMA_VERSION);
    const state = await readDatabase(upgraded);
    expect(state.meta.origin).toEqual({ kind: 'file', label: 'northwind.json' });
    expect(writePortfolio(stateToPortfolio(state))).toBe(writePortfolio(written));
    expect(writePortfolio(stateToPortfolio(state))).toBe(writePortfolio(fixturePortfolio()));
    upgraded.close();
    await Dexie.delete(name);
  });

  it('upgrade a version 2 database to fractional order keys, keeping every order', async () => {
    const name = `baton-upgrade-v2-${Date.now()}`;
    const written = await writeOldDatabase(name, 2);
    const upgraded = new BatonDatabase(name);
    await upgraded.open();
    expect(upgraded.verno).toBe(CURRENT_SCHEMA_VERSION);
    const state = await readDatabase(upgraded);

    // No row keeps its integer position; every row of a list has an order key of its own.
    for (const table of ['periods', 'teams', 'objectives', 'initiatives', 'scenarios', 'actuals']) {
      const rows = (await upgraded.table(table).toArray()) as Record<string, unknown>[];
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) {
        expect(row).not.toHaveProperty('pos');
        expect(typeof row.order).toBe('string');
      }
      expect(new Set(rows.map((row) => row.order)).size).toBe(rows.length);
    }
    // Lists in the order the file gave (not the order of their ids).
    expect(state.initiatives.map((record) => record.id)).toEqual(
      written.initiatives.map((initiative) => initiative.id),
    );
    expect(state.objectives.map((record) => record.id)).toEqual(['growth', 'grow-smb']);
    // Ranks re-keyed with fractional-indexing keys, each scenario still in its order.
    const ranks = await upgraded.ranks.toArray();
    const oldKeys = new Set(ranksBetween(null, null, 3));
    expect(ranks.some((rank) => oldKeys.has(rank.rank))).toBe(false);
    for (const rank of ranks) expect(rank.rank).toMatch(/^a[0-9A-Za-z]+$/);
    const portfolio = stateToPortfolio(state);
    expect(portfolio.scenarios.map((scenario) => [scenario.id, scenario.ranking])).toEqual(
      written.scenarios.map((scenario) => [scenario.id, scenario.ranking]),
    );
    expect(writePortfolio(portfolio)).toBe(writePortfolio(written));
    // The tables version 3 adds are there, and empty.
    expect(await upgraded.decisions.count()).toBe(0);
    expect(await upgraded.history.count()).toBe(0);
    expect(await upgraded.stacks.count()).toBe(0);
    // The order index answers queries.
    const firstByOrder = await upgraded.initiatives.orderBy('order').first();
    expect(firstByOrder?.id).toBe(written.initiatives[0]?.id);
    upgraded.close();
    await Dexie.delete(name);
  });

  it('upgrade a version 5 database to version 6: every row kept, and a proposals table to fill', async () => {
    const name = `baton-upgrade-v5-${Date.now()}`;
    const versions = SCHEMA_VERSIONS.slice(0, 5);
    expect(versions.at(-1)?.version).toBe(5);
    const legacy = new BatonDatabase(name, versions);
    await legacy.open();
    expect(legacy.verno).toBe(5);
    const portfolio: Portfolio = {
      ...fixturePortfolio(),
      decisions: [
        { id: 'd-1', date: '2027-01-20', kind: 'review', title: 'Q1 review', decision: 'Go on.' },
      ],
      workshops: [
        {
          id: 'ws-1',
          title: 'Planning day',
          stage: 'setup',
          participants: [],
          initiatives: [],
          criteria: [],
        },
      ],
    };
    const state = portfolioToState(
      portfolio,
      { kind: 'file', label: 'northwind.json' },
      ORDER_KEYS,
    );
    await legacy.table('meta').put(state.meta);
    for (const table of LIST_ENTITY_NAMES) {
      if (['proposals', 'cadences', 'reviews', 'actions', 'selfReviews'].includes(table)) continue;
      await legacy.table(table).bulkAdd([...(state[table] as readonly object[])]);
    }
    await legacy.table('history').add({ at: 1, label: 'Opened a file', changes: [] });
    await legacy.table('stacks').put({ window: 'w-1', undo: [1], redo: [] });
    legacy.close();

    const upgraded = new BatonDatabase(name);
    await upgraded.open();
    expect(upgraded.verno).toBe(CURRENT_SCHEMA_VERSION);
    expect(CURRENT_SCHEMA_VERSION).toBeGreaterThanOrEqual(6);
    // No data changes: every row of every table as it was, the history and undo stacks too.
    const read = await readDatabase(upgraded);
    expect(read).toEqual(normalizeState(state));
    expect(writePortfolio(stateToPortfolio(read))).toBe(writePortfolio(portfolio));
    expect(await upgraded.history.count()).toBe(1);
    expect(await upgraded.stacks.get('w-1')).toEqual({ window: 'w-1', undo: [1], redo: [] });
    // The new table is there, empty, and takes proposals, found by their stage.
    expect(await upgraded.proposals.count()).toBe(0);
    await upgraded.proposals.bulkAdd([
      {
        id: 'p-1',
        title: 'Chat',
        stage: 'draft',
        history: [{ stage: 'draft', date: '2027-01-04' }],
        order: 'a0',
      },
      {
        id: 'p-2',
        title: 'Kiosk',
        stage: 'submitted',
        history: [
          { stage: 'draft', date: '2027-01-04' },
          { stage: 'submitted', date: '2027-01-05' },
        ],
        problem: 'Queues.',
        sponsor: 'Ops',
        size: 'M',
        order: 'a1',
      },
    ]);
    expect(
      (await upgraded.proposals.where('stage').equals('submitted').toArray()).map((row) => row.id),
    ).toEqual(['p-2']);
    const withProposals = stateToPortfolio(await readDatabase(upgraded));
    expect(withProposals.proposals?.map((proposal) => proposal.id)).toEqual(['p-1', 'p-2']);
    expect(restorePortfolio(JSON.parse(writePortfolio(withProposals))).ok).toBe(true);
    upgraded.close();
    await Dexie.delete(name);
  });

  it('upgrade a version 6 database to version 7: every row kept, and tables for meeting series, reviews, actions and snapshots', async () => {
    const name = `baton-upgrade-v6-${Date.now()}`;
    const versions = SCHEMA_VERSIONS.slice(0, 6);
    expect(versions.at(-1)?.version).toBe(6);
    const legacy = new BatonDatabase(name, versions);
    await legacy.open();
    expect(legacy.verno).toBe(6);
    const portfolio: Portfolio = {
      ...fixturePortfolio(),
      decisions: [
        { id: 'd-1', date: '2027-01-20', kind: 'review', title: 'Q1 review', decision: 'Go on.' },
      ],
      proposals: [
        {
          id: 'p-1',
          title: 'Chat',
          stage: 'draft',
          history: [{ stage: 'draft', date: '2027-01-04' }],
        },
      ],
    };
    const state = portfolioToState(
      portfolio,
      { kind: 'file', label: 'northwind.json' },
      ORDER_KEYS,
    );
    await legacy.table('meta').put(state.meta);
    for (const table of LIST_ENTITY_NAMES) {
      if (['cadences', 'reviews', 'actions', 'selfReviews'].includes(table)) continue;
      await legacy.table(table).bulkAdd([...(state[table] as readonly object[])]);
    }
    await legacy.table('history').add({ at: 1, label: 'Opened a file', changes: [] });
    await legacy.table('stacks').put({ window: 'w-1', undo: [1], redo: [] });
    legacy.close();

    const upgraded = new BatonDatabase(name);
    await upgraded.open();
    expect(upgraded.verno).toBe(CURRENT_SCHEMA_VERSION);
    expect(CURRENT_SCHEMA_VERSION).toBeGreaterThanOrEqual(7);
    // No data changes: every row as it was, the history and undo stacks too.
    const read = await readDatabase(upgraded);
    expect(read).toEqual(normalizeState(state));
    expect(writePortfolio(stateToPortfolio(read))).toBe(writePortfolio(portfolio));
    expect(await upgraded.history.count()).toBe(1);
    expect(await upgraded.stacks.get('w-1')).toEqual({ window: 'w-1', undo: [1], redo: [] });
    // The new tables are there, empty, and find their rows by their indexes.
    for (const table of ['cadences', 'reviews', 'actions', 'snapshots']) {
      expect(await upgraded.table(table).count()).toBe(0);
    }
    await upgraded.cadences.add({
      id: 'c-1',
      name: 'Monthly portfolio review',
      kind: 'portfolio-review',
      start: '2027-01-05T10:00',
      durationMinutes: 90,
      timeZone: 'Europe/London',
      rule: 'FREQ=MONTHLY;BYDAY=+1TU',
      order: 'a0',
    });
    await upgraded.reviews.bulkAdd([
      {
        id: 'v-1',
        title: 'January',
        kind: 'portfolio-review',
        cadenceId: 'c-1',
        date: '2027-01-05',
        status: 'held',
        agenda: [],
        snapshotId: 's-1',
        order: 'a0',
      },
      {
        id: 'v-2',
        title: 'February',
        kind: 'portfolio-review',
        cadenceId: 'c-1',
        date: '2027-02-02',
        status: 'planned',
        agenda: [],
        order: 'a1',
      },
    ]);
    await upgraded.actions.add({
      id: 'x-1',
      title: 'Rebaseline CRM',
      reviewId: 'v-1',
      order: 'a0',
    });
    await upgraded.snapshots.add({
      id: 's-1',
      reviewId: 'v-1',
      label: 'January review',
      takenAt: '2027-01-05T11:30:00.000Z',
      fingerprint: '0',
      text: '{}',
    });
    expect(
      (await upgraded.reviews.where('date').above('2027-01-31').toArray()).map((row) => row.id),
    ).toEqual(['v-2']);
    expect(await upgraded.reviews.where('cadenceId').equals('c-1').count()).toBe(2);
    expect(
      (await upgraded.actions.where('reviewId').equals('v-1').toArray()).map((row) => row.id),
    ).toEqual(['x-1']);
    expect(
      (await upgraded.snapshots.where('reviewId').equals('v-1').toArray()).map((row) => row.id),
    ).toEqual(['s-1']);
    // The snapshots are not part of the portfolio the state makes.
    const after = await readDatabase(upgraded);
    expect(after.reviews.map((review) => review.id)).toEqual(['v-1', 'v-2']);
    expect(stateToPortfolio(after).snapshots).toBeUndefined();
    upgraded.close();
    await Dexie.delete(name);
  });

  it('upgrade a version 7 database to version 8: every row kept, actuals take a confidence and a benefit, and a table for self-reviews', async () => {
    const name = `baton-upgrade-v7-${Date.now()}`;
    const versions = SCHEMA_VERSIONS.slice(0, 7);
    expect(versions.at(-1)?.version).toBe(7);
    const legacy = new BatonDatabase(name, versions);
    await legacy.open();
    expect(legacy.verno).toBe(7);
    const fixture = fixturePortfolio();
    const portfolio: Portfolio = {
      ...fixture,
      actuals: [
        ...(fixture.actuals ?? []),
        {
          initiativeId: 'data-lake',
          periodId: '2027-Q2',
          spend: 40000,
          effort: { platform: 2 },
          progress: 0.5,
          rag: 'green',
        },
      ],
      cadences: [
        {
          id: 'c-1',
          name: 'Monthly portfolio review',
          kind: 'portfolio-review',
          start: '2027-01-05T10:00',
          durationMinutes: 90,
          timeZone: 'Europe/London',
          rule: 'FREQ=MONTHLY;BYDAY=+1TU',
        },
      ],
      reviews: [
        {
          id: 'v-1',
          title: 'January',
          kind: 'portfolio-review',
          cadenceId: 'c-1',
          date: '2027-01-05',
          status: 'planned',
          agenda: [],
        },
      ],
      actions: [{ id: 'x-1', title: 'Rebaseline CRM', reviewId: 'v-1' }],
    };
    const state = portfolioToState(
      portfolio,
      { kind: 'file', label: 'northwind.json' },
      ORDER_KEYS,
    );
    await legacy.table('meta').put(state.meta);
    for (const table of LIST_ENTITY_NAMES) {
      if (table === 'selfReviews') continue;
      await legacy.table(table).bulkAdd([...(state[table] as readonly object[])]);
    }
    await legacy.table('history').add({ at: 1, label: 'Opened a file', changes: [] });
    await legacy.table('stacks').put({ window: 'w-1', undo: [1], redo: [] });
    legacy.close();

    const upgraded = new BatonDatabase(name);
    await upgraded.open();
    expect(upgraded.verno).toBe(8);
    expect(CURRENT_SCHEMA_VERSION).toBe(8);
    // No data changes: every row as it was, the history and undo stacks too.
    const read = await readDatabase(upgraded);
    expect(read).toEqual(normalizeState(state));
    expect(read.actuals).toHaveLength(2);
    expect(writePortfolio(stateToPortfolio(read))).toBe(writePortfolio(portfolio));
    expect(await upgraded.history.count()).toBe(1);
    expect(await upgraded.stacks.get('w-1')).toEqual({ window: 'w-1', undo: [1], redo: [] });
    // The self-reviews table is there, empty, and finds its rows by date.
    expect(await upgraded.selfReviews.count()).toBe(0);
    await upgraded.selfReviews.bulkAdd([
      {
        id: 'y-1',
        date: '2027-01-10',
        answers: [{ questionId: 'cadences-relevant', question: 'Cadences?', score: 3 }],
        order: 'a0',
      },
      { id: 'y-2', date: '2027-04-10', answers: [], order: 'a1' },
    ]);
    expect(
      (await upgraded.selfReviews.where('date').above('2027-03-31').toArray()).map((row) => row.id),
    ).toEqual(['y-2']);
    // An actual row takes the new fields, and the portfolio writes them.
    await upgraded.actuals.update(['data-lake', '2027-Q2'], { confidence: 'low', benefit: 1500 });
    const after = await readDatabase(upgraded);
    const written = stateToPortfolio(after);
    expect(written.actuals?.[1]).toEqual({
      initiativeId: 'data-lake',
      periodId: '2027-Q2',
      spend: 40000,
      effort: { platform: 2 },
      progress: 0.5,
      rag: 'green',
      confidence: 'low',
      benefit: 1500,
    });
    expect(written.selfReviews?.map((review) => review.id)).toEqual(['y-1', 'y-2']);
    expect(restorePortfolio(JSON.parse(writePortfolio(written))).ok).toBe(true);
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

    it(`${name} leaves the rows it is given as they were`, () => {
      const before = deepFrozen(testCase.before);
      expect(MIGRATIONS[name]?.migrate(before)).toEqual(testCase.after);
      expect(before).toEqual(testCase.before);
    });
  }

  it('orderKeys gives an empty table an empty list, and keeps ranks sorting as before', () => {
    const migrate = MIGRATIONS.orderKeys!.migrate;
    const ranking = ['x', 'y', 'z', 'w'];
    const keys = ranksBetween(null, null, ranking.length);
    const before = {
      ranks: ranking.map((initiativeId, index) => ({
        scenarioId: 's',
        initiativeId,
        rank: keys[index],
      })),
    };
    const after = migrate(before);
    expect(after.periods).toEqual([]);
    expect(after.initiatives).toEqual([]);
    const byRank = [...(after.ranks as { initiativeId: string; rank: string }[])].sort((a, b) =>
      a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : 0,
    );
    expect(byRank.map((rank) => rank.initiativeId)).toEqual(ranking);
  });
});
