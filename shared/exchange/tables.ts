/**
 * The portfolio as the tables a spreadsheet user works with: initiatives, team capacity, a
 * scenario's ranking with its cut line, and actuals. Each table is a header row and rows of cells
 * (text or numbers); list cells hold their items separated by spaces (numbers per period) or
 * commas (ids), so that a person reads them and an import can read them back.
 */
import type { Initiative, Portfolio } from '../portfolio/types';
import { computeCutLine, cutLineReport, stackOrder } from '../prioritize/cutline';
import { modelCriteria, portfolioScorer } from '../strategy/scoring';

export type Cell = string | number;

export type Table = {
  /** The table's name, also its file name without `.csv` (and its sheet's name). */
  readonly name: 'initiatives' | 'capacity' | 'ranking' | 'actuals';
  readonly header: readonly string[];
  readonly rows: readonly (readonly Cell[])[];
};

/** Numbers per period, as one cell: "2 2 1.5". */
function numbers(list: readonly number[] | undefined): string {
  return (list ?? []).join(' ');
}

/** Ids, as one cell: "crm, data-lake". */
function ids(list: readonly string[] | undefined): string {
  return (list ?? []).join(', ');
}

/** A computed value to two decimals, as a person reads it (58.87, not 58.869395711…). */
function rounded(value: number | undefined): number | undefined {
  return value === undefined ? undefined : Math.round(value * 100) / 100;
}

function optional(value: Cell | undefined): Cell {
  return value ?? '';
}

/** Every initiative with its fields; scores and demand get a column per criterion and team. */
export function initiativesTable(portfolio: Portfolio): Table {
  const criteria = modelCriteria(portfolio.scoring).filter((criterion) => !criterion.computed);
  const teams = portfolio.teams;
  const header = [
    'id',
    'name',
    'status',
    'owner',
    'description',
    'objectives',
    ...criteria.map((criterion) => `score: ${criterion.id}`),
    'value',
    ...teams.map((team) => `demand: ${team.id}`),
    'spend',
    'duration',
    'earliestStart',
    'latestStart',
    'start',
    'dependsOn',
    'excludes',
    'forced',
    'forcedReason',
    'estimateRange',
  ];
  const row = (initiative: Initiative): Cell[] => [
    initiative.id,
    initiative.name,
    initiative.status,
    optional(initiative.owner),
    optional(initiative.description),
    (initiative.objectives ?? []).map((link) => `${link.id}:${link.contribution}`).join(', '),
    ...criteria.map((criterion) => optional(initiative.scores?.[criterion.id])),
    optional(initiative.value),
    ...teams.map((team) => numbers(initiative.demand?.[team.id])),
    numbers(initiative.spend),
    optional(initiative.duration),
    optional(initiative.earliestStart),
    optional(initiative.latestStart),
    optional(initiative.start),
    ids(initiative.dependsOn),
    ids(initiative.excludes),
    optional(initiative.forced),
    optional(initiative.forcedReason),
    optional(initiative.estimateRange),
  ];
  return { name: 'initiatives', header, rows: portfolio.initiatives.map(row) };
}

/** Each team's capacity, a column per period. */
export function capacityTable(portfolio: Portfolio): Table {
  return {
    name: 'capacity',
    header: ['team', 'name', ...portfolio.periods.map((period) => period.id)],
    rows: portfolio.teams.map((team) => [
      team.id,
      team.name,
      ...portfolio.periods.map((period) => optional(team.capacity[period.id])),
    ]),
  };
}

/** The header of the ranking table: computed from the rest, so an import never reads it back. */
export const RANKING_HEADER = [
  'rank',
  'id',
  'name',
  'status',
  'value',
  'line',
  'start',
  'reason',
] as const;

/**
 * A scenario's stack in rank order (the first scenario's without `scenarioId`), each initiative
 * with its value and where the cut line puts it: above (with its start), funded in a gap, or
 * below with the reason.
 */
export function rankingTable(portfolio: Portfolio, scenarioId?: string): Table {
  const order = stackOrder(portfolio, scenarioId);
  const report = cutLineReport(portfolio, computeCutLine(portfolio, order), order);
  const above = new Map(report.above.map((entry) => [entry.id, entry]));
  const below = new Map(report.below.map((entry) => [entry.id, entry.reason]));
  const byId = new Map(portfolio.initiatives.map((initiative) => [initiative.id, initiative]));
  const { score } = portfolioScorer(portfolio);
  return {
    name: 'ranking',
    header: RANKING_HEADER,
    rows: order.map((id, index) => {
      const initiative = byId.get(id) as Initiative;
      const placed = above.get(id);
      const line = placed ? (placed.inGap ? 'funded in a gap' : 'above') : 'below';
      return [
        index + 1,
        id,
        initiative.name,
        initiative.status,
        optional(rounded(score(initiative).value)),
        line,
        placed?.start ?? '',
        below.get(id) ?? '',
      ];
    }),
  };
}

/** What was spent and delivered per initiative and period, effort a column per team. */
export function actualsTable(portfolio: Portfolio): Table {
  const teams = portfolio.teams;
  return {
    name: 'actuals',
    header: [
      'initiativeId',
      'periodId',
      'spend',
      ...teams.map((team) => `effort: ${team.id}`),
      'progress',
      'rag',
      'confidence',
      'benefit',
      'note',
    ],
    rows: (portfolio.actuals ?? []).map((actual) => [
      actual.initiativeId,
      actual.periodId,
      optional(actual.spend),
      ...teams.map((team) => optional(actual.effort?.[team.id])),
      optional(actual.progress),
      optional(actual.rag),
      optional(actual.confidence),
      optional(actual.benefit),
      optional(actual.note),
    ]),
  };
}

/** The four tables of an export, in this order. */
export function exportTables(portfolio: Portfolio, scenarioId?: string): readonly Table[] {
  return [
    initiativesTable(portfolio),
    capacityTable(portfolio),
    rankingTable(portfolio, scenarioId),
    actualsTable(portfolio),
  ];
}
