/**
 * Data migrations between schema versions, as named pure functions over whole tables: rows in,
 * rows out. Each is tested on its own, and a meta-test fails when one is never exercised.
 */

import { generateNKeysBetween } from 'fractional-indexing';
import { keepScoresOnTheirScale, liftEstimateRange } from '../../shared/portfolio/migrations';
import type { Initiative } from '../../shared/portfolio/types';
import { ranksBetween } from '../../shared/prioritize/fractional-rank';

export type MigrationTables = Record<string, unknown[]>;

export type Migration = {
  /** The tables the migration reads, as they were before the upgrade. */
  readonly reads: readonly string[];
  /** Returns the full new content of every table it rewrites. */
  readonly migrate: (tables: Readonly<MigrationTables>) => MigrationTables;
};

type ScenarioRowV1 = { readonly id: string; readonly ranking?: readonly string[] };

/**
 * Version 2: a scenario's ranking moves out of the scenario row into one `ranks` row per ranked
 * initiative, so that moving a card on the board writes one row instead of the whole list.
 */
function fractionalRanks(tables: Readonly<MigrationTables>): MigrationTables {
  const scenarios: unknown[] = [];
  const ranks: unknown[] = [];
  for (const row of (tables.scenarios ?? []) as ScenarioRowV1[]) {
    const { ranking = [], ...rest } = row;
    scenarios.push(rest);
    const unique = [...new Set(ranking)];
    const keys = ranksBetween(null, null, unique.length);
    unique.forEach((initiativeId, index) => {
      ranks.push({ scenarioId: row.id, initiativeId, rank: keys[index] });
    });
  }
  return { scenarios, ranks };
}

/** The tables whose rows carried an integer `pos` before version 3. */
const POSITIONED_TABLES = ['periods', 'teams', 'objectives', 'initiatives', 'scenarios', 'actuals'];

type PositionedRowV2 = { readonly pos?: number };
type RankRowV2 = {
  readonly scenarioId: string;
  readonly initiativeId: string;
  readonly rank: string;
};

/**
 * Version 3: every list is ordered by a fractional key (`order`) instead of an integer `pos`, so
 * that inserting or duplicating a record writes that record alone; ranks get keys of the same
 * kind (an integer head keeps them short however often a card goes to the top). Order is kept.
 * And the file's step to revision 2 (`liftEstimateRange`): an initiative's `estimateRange`, kept
 * in `extras` until now, becomes the checked field.
 */
function orderKeys(tables: Readonly<MigrationTables>): MigrationTables {
  const result: MigrationTables = {};
  for (const name of POSITIONED_TABLES) {
    const rows = [...((tables[name] ?? []) as PositionedRowV2[])].sort(
      (a, b) => (a.pos ?? 0) - (b.pos ?? 0),
    );
    const keys = rows.length > 0 ? generateNKeysBetween(null, null, rows.length) : [];
    result[name] = rows.map(({ pos: _pos, ...rest }, index) => ({
      ...(name === 'initiatives' ? liftEstimateRange(rest as Initiative) : rest),
      order: keys[index],
    }));
  }
  const byScenario = new Map<string, RankRowV2[]>();
  for (const row of (tables.ranks ?? []) as RankRowV2[]) {
    const list = byScenario.get(row.scenarioId) ?? [];
    list.push(row);
    byScenario.set(row.scenarioId, list);
  }
  const ranks: unknown[] = [];
  for (const list of byScenario.values()) {
    list.sort((a, b) => (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : 0));
    const keys = generateNKeysBetween(null, null, list.length);
    list.forEach((row, index) => ranks.push({ ...row, rank: keys[index] }));
  }
  result.ranks = ranks;
  return result;
}

type MetaRowV3 = { readonly key: string; readonly scoring?: unknown };

/**
 * Version 4: the file's step to revision 3 (`keepScoresOnTheirScale`): scores are checked on their
 * criterion's scale, and the stored scores keep their meaning (a WSJF criterion scored off the
 * Fibonacci scale names the 0–100 scale; a RICE impact or confidence off RICE's values is kept
 * aside in the initiative's `extras.scoresUnread`).
 */
function scoresOnTheirScale(tables: Readonly<MigrationTables>): MigrationTables {
  const metaRows = (tables.meta ?? []) as MetaRowV3[];
  const portfolio = metaRows.find((row) => row.key === 'portfolio');
  const initiatives = (tables.initiatives ?? []) as Initiative[];
  if (!portfolio) return {};
  const kept = keepScoresOnTheirScale(portfolio.scoring, initiatives, 'extras');
  const result: MigrationTables = {};
  if (kept.scoring !== portfolio.scoring) {
    result.meta = metaRows.map((row) =>
      row === portfolio ? { ...row, scoring: kept.scoring } : row,
    );
  }
  if (kept.initiatives !== initiatives) result.initiatives = [...kept.initiatives];
  return result;
}

/** Registered migrations by name. Version 1 is the first schema and needs none. */
export const MIGRATIONS: Readonly<Record<string, Migration>> = {
  fractionalRanks: { reads: ['scenarios'], migrate: fractionalRanks },
  orderKeys: { reads: [...POSITIONED_TABLES, 'ranks'], migrate: orderKeys },
  scoresOnTheirScale: { reads: ['meta', 'initiatives'], migrate: scoresOnTheirScale },
};
