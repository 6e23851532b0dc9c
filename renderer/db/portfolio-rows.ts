/** Converting between a Portfolio and the rows the database keeps. */
import { ranksBetween } from '../../shared/prioritize/fractional-rank';
import type { Initiative, Portfolio } from '../../shared/portfolio/types';
import type {
  ActualRow,
  InitiativeRow,
  ObjectiveRow,
  PeriodRow,
  PortfolioMetaRow,
  RankRow,
  ScenarioRow,
  TeamRow,
} from './schema';

export type PortfolioRows = {
  readonly meta: PortfolioMetaRow;
  readonly periods: readonly PeriodRow[];
  readonly teams: readonly TeamRow[];
  readonly objectives: readonly ObjectiveRow[];
  readonly initiatives: readonly InitiativeRow[];
  readonly scenarios: readonly ScenarioRow[];
  readonly ranks: readonly RankRow[];
  readonly actuals: readonly ActualRow[];
};

function positioned<T extends object>(items: readonly T[]): (T & { pos: number })[] {
  return items.map((item, pos) => ({ ...item, pos }));
}

function stripPos<T extends { pos: number }>(rows: readonly T[]): Omit<T, 'pos'>[] {
  return [...rows].sort((a, b) => a.pos - b.pos).map(({ pos: _pos, ...rest }) => rest);
}

export function portfolioToRows(
  portfolio: Portfolio,
  origin: PortfolioMetaRow['origin'],
): PortfolioRows {
  const meta: PortfolioMetaRow = {
    key: 'portfolio',
    name: portfolio.name,
    origin,
    ...(portfolio.currency !== undefined && { currency: portfolio.currency }),
    ...(portfolio.capacityUnit !== undefined && { capacityUnit: portfolio.capacityUnit }),
    ...(portfolio.budget !== undefined && { budget: portfolio.budget }),
    ...(portfolio.scoring !== undefined && { scoring: portfolio.scoring }),
    ...(portfolio.extras !== undefined && { extras: portfolio.extras }),
  };
  return {
    meta,
    periods: positioned(portfolio.periods),
    teams: positioned(portfolio.teams),
    objectives: positioned(portfolio.objectives),
    initiatives: positioned(portfolio.initiatives),
    scenarios: positioned(portfolio.scenarios.map(({ ranking: _ranking, ...rest }) => rest)),
    ranks: portfolio.scenarios.flatMap((scenario) => rankRows(scenario.id, scenario.ranking)),
    actuals: positioned(portfolio.actuals ?? []),
  };
}

/** Rank rows that put `ranking` in order, evenly spread so that later moves have room. */
export function rankRows(scenarioId: string, ranking: readonly string[]): RankRow[] {
  const keys = ranksBetween(null, null, ranking.length);
  return ranking.map((initiativeId, index) => ({
    scenarioId,
    initiativeId,
    rank: keys[index] as string,
  }));
}

/** Orders rank rows as the stack shows them (plain string order, not the locale's). */
export function compareRanks(a: RankRow, b: RankRow): number {
  return a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : 0;
}

/** The ranking of each scenario, by scenario id. */
export function rankingsOf(ranks: readonly RankRow[]): Map<string, string[]> {
  const rankings = new Map<string, string[]>();
  for (const row of [...ranks].sort(compareRanks)) {
    const list = rankings.get(row.scenarioId) ?? [];
    list.push(row.initiativeId);
    rankings.set(row.scenarioId, list);
  }
  return rankings;
}

/**
 * The portfolio the rows describe. `hasActuals` keeps the difference between a file without an
 * `actuals` key and one with an empty list.
 */
export function rowsToPortfolio(rows: PortfolioRows): Portfolio {
  const { meta } = rows;
  const actuals = stripPos(rows.actuals);
  const rankings = rankingsOf(rows.ranks);
  return {
    name: meta.name,
    ...(meta.currency !== undefined && { currency: meta.currency }),
    ...(meta.capacityUnit !== undefined && { capacityUnit: meta.capacityUnit }),
    periods: stripPos(rows.periods),
    teams: stripPos(rows.teams).map((team) => ({ ...team, capacity: byKey(team.capacity) })),
    ...(meta.budget !== undefined && { budget: byKey(meta.budget) }),
    objectives: stripPos(rows.objectives),
    ...(meta.scoring !== undefined && { scoring: meta.scoring }),
    initiatives: stripPos(rows.initiatives).map(withKeyedRecords),
    scenarios: stripPos(rows.scenarios).map((scenario) => withRanking(scenario, rankings)),
    ...(actuals.length > 0 && { actuals }),
    ...(meta.extras !== undefined && { extras: meta.extras }),
  };
}

/**
 * A record keyed by id with no prototype, as the file reader gives it: a period or team id such as
 * "constructor" then reads what the file says, not a built-in of every object.
 */
function byKey<T>(record: Readonly<Record<string, T>>): Record<string, T> {
  return Object.assign(Object.create(null) as Record<string, T>, record);
}

function withKeyedRecords(initiative: Initiative): Initiative {
  return {
    ...initiative,
    ...(initiative.demand !== undefined && { demand: byKey(initiative.demand) }),
    ...(initiative.scores !== undefined && { scores: byKey(initiative.scores) }),
  };
}

/** The scenario in file form: its ranking sits after its name, as the file's key order has it. */
function withRanking(
  scenario: Omit<ScenarioRow, 'pos'>,
  rankings: ReadonlyMap<string, readonly string[]>,
): Portfolio['scenarios'][number] {
  return { ...scenario, ranking: rankings.get(scenario.id) ?? [] };
}
