/**
 * Data migrations between schema versions, as named pure functions over whole tables: rows in,
 * rows out. Each is tested on its own, and a meta-test fails when one is never exercised.
 */

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

/** Registered migrations by name. Version 1 is the first schema and needs none. */
export const MIGRATIONS: Readonly<Record<string, Migration>> = {
  fractionalRanks: { reads: ['scenarios'], migrate: fractionalRanks },
};
