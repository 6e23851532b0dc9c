/** Converting between a Portfolio and the rows the database keeps. */
import type { Portfolio } from '../../shared/portfolio/types';
import type {
  ActualRow,
  InitiativeRow,
  ObjectiveRow,
  PeriodRow,
  PortfolioMetaRow,
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
    scenarios: positioned(portfolio.scenarios),
    actuals: positioned(portfolio.actuals ?? []),
  };
}

/**
 * The portfolio the rows describe. `hasActuals` keeps the difference between a file without an
 * `actuals` key and one with an empty list.
 */
export function rowsToPortfolio(rows: PortfolioRows): Portfolio {
  const { meta } = rows;
  const actuals = stripPos(rows.actuals);
  return {
    name: meta.name,
    ...(meta.currency !== undefined && { currency: meta.currency }),
    ...(meta.capacityUnit !== undefined && { capacityUnit: meta.capacityUnit }),
    periods: stripPos(rows.periods),
    teams: stripPos(rows.teams),
    ...(meta.budget !== undefined && { budget: meta.budget }),
    objectives: stripPos(rows.objectives),
    ...(meta.scoring !== undefined && { scoring: meta.scoring }),
    initiatives: stripPos(rows.initiatives),
    scenarios: stripPos(rows.scenarios),
    ...(actuals.length > 0 && { actuals }),
    ...(meta.extras !== undefined && { extras: meta.extras }),
  };
}
