/**
 * Scenarios side by side: what each one puts above the cut line, what that is worth, what it
 * costs and how much capacity it takes, and how it differs from a chosen baseline scenario.
 */
import { initiativeValue, totalSpend } from '../portfolio/measures';
import type { Portfolio } from '../portfolio/types';
import { computeCutLine, lineOf, stackOrder } from './cutline';

/** How many scenarios can be compared at once. */
export const MIN_COMPARED = 2;
export const MAX_COMPARED = 4;

/** What one scenario puts above and below the line, and the totals of what is above. */
export type ScenarioFigures = {
  readonly scenarioId: string;
  readonly name: string;
  /**
   * Initiative ids in the plan (funded), in the order the engine placed them: those above the
   * line and those funded in a gap behind it.
   */
  readonly above: readonly string[];
  /** How many of `above` are funded in a gap behind the line (the board's count apart). */
  readonly inGap: number;
  /** Initiative ids below the line, in the order the engine placed them. */
  readonly below: readonly string[];
  /** Sum of the values above the line; an initiative without a value counts as 0. */
  readonly valueAbove: number;
  /** How many initiatives above the line have no value (counted as 0 in `valueAbove`). */
  readonly unvaluedAbove: number;
  /** Sum of the spend of the initiatives above the line, over all their periods. */
  readonly spendAbove: number;
  /** Capacity taken by the initiatives above the line, per team id, over all periods. */
  readonly capacityUsedByTeam: Readonly<Record<string, number>>;
  /** Capacity taken over all teams and periods. */
  readonly capacityUsed: number;
  /** Capacity available over all teams and periods. */
  readonly capacity: number;
  /** `capacityUsed / capacity`; undefined when the portfolio has no capacity at all. */
  readonly utilization: number | undefined;
};

/** How a scenario differs from the baseline; every delta is this scenario minus the baseline. */
export type BaselineDelta = {
  /** Above the line here, below it in the baseline; in this scenario's placement order. */
  readonly comesIn: readonly string[];
  /** Below the line here, above it in the baseline; in the baseline's placement order. */
  readonly goesOut: readonly string[];
  readonly value: number;
  readonly unvalued: number;
  readonly spend: number;
  readonly capacityUsed: number;
  /** Difference of utilization as a fraction (0.05 is 5 points); undefined without capacity. */
  readonly utilization: number | undefined;
  /** Difference in the number of initiatives above the line. */
  readonly countAbove: number;
};

export type ComparedScenario = ScenarioFigures & {
  readonly isBaseline: boolean;
  readonly vsBaseline: BaselineDelta;
};

export type ScenarioComparison = {
  readonly baselineId: string;
  /** One entry per compared scenario, in the order asked for. */
  readonly scenarios: readonly ComparedScenario[];
};

/** Capacity available per team id, summed over the portfolio's periods (missing means 0). */
export function teamCapacity(portfolio: Portfolio): Record<string, number> {
  return Object.fromEntries(
    portfolio.teams.map((team) => [
      team.id,
      portfolio.periods.reduce((sum, period) => sum + (team.capacity[period.id] ?? 0), 0),
    ]),
  );
}

/**
 * The figures of one scenario: runs the cut-line engine on its stack and totals the value,
 * spend and capacity of what ends above the line. Throws when the scenario does not exist.
 */
export function scenarioFigures(portfolio: Portfolio, scenarioId: string): ScenarioFigures {
  const scenario = portfolio.scenarios.find((candidate) => candidate.id === scenarioId);
  if (!scenario) throw new RangeError(`Scenario "${scenarioId}" does not exist.`);
  const order = stackOrder(portfolio, scenarioId);
  const cutLine = computeCutLine(portfolio, order);
  const inGap = lineOf(portfolio, cutLine, order).gap.length;
  const byId = new Map(portfolio.initiatives.map((initiative) => [initiative.id, initiative]));
  const above: string[] = [];
  const below: string[] = [];
  let valueAbove = 0;
  let unvaluedAbove = 0;
  let spendAbove = 0;
  for (const placement of cutLine.placements) {
    if (!placement.above) {
      below.push(placement.id);
      continue;
    }
    above.push(placement.id);
    const initiative = byId.get(placement.id);
    if (!initiative) continue;
    const value = initiativeValue(initiative, portfolio);
    if (value === undefined) unvaluedAbove += 1;
    else valueAbove += value;
    spendAbove += totalSpend(initiative);
  }
  const capacityUsedByTeam = Object.fromEntries(
    portfolio.teams.map((team) => [
      team.id,
      (cutLine.usage[team.id] ?? []).reduce((sum, amount) => sum + amount, 0),
    ]),
  );
  const capacityUsed = Object.values(capacityUsedByTeam).reduce((sum, amount) => sum + amount, 0);
  const capacity = Object.values(teamCapacity(portfolio)).reduce((sum, amount) => sum + amount, 0);
  return {
    scenarioId,
    name: scenario.name,
    above,
    inGap,
    below,
    valueAbove,
    unvaluedAbove,
    spendAbove,
    capacityUsedByTeam,
    capacityUsed,
    capacity,
    utilization: capacity > 0 ? capacityUsed / capacity : undefined,
  };
}

function deltaFrom(figures: ScenarioFigures, baseline: ScenarioFigures): BaselineDelta {
  const aboveHere = new Set(figures.above);
  const aboveInBaseline = new Set(baseline.above);
  return {
    comesIn: figures.above.filter((id) => !aboveInBaseline.has(id)),
    goesOut: baseline.above.filter((id) => !aboveHere.has(id)),
    value: figures.valueAbove - baseline.valueAbove,
    unvalued: figures.unvaluedAbove - baseline.unvaluedAbove,
    spend: figures.spendAbove - baseline.spendAbove,
    capacityUsed: figures.capacityUsed - baseline.capacityUsed,
    utilization:
      figures.utilization === undefined || baseline.utilization === undefined
        ? undefined
        : figures.utilization - baseline.utilization,
    countAbove: figures.above.length - baseline.above.length,
  };
}

/**
 * Compares 2 to 4 scenarios of the portfolio with one of them, the baseline: for each, what is
 * above and below the line and its totals (see `scenarioFigures`), and against the baseline the
 * initiatives that come in and go out and the deltas of value, spend and capacity used. Throws
 * a RangeError when the ids are fewer than 2, more than 4, repeated, unknown, or when the
 * baseline is not one of them.
 */
export function compareScenarios(
  portfolio: Portfolio,
  scenarioIds: readonly string[],
  baselineId: string,
): ScenarioComparison {
  if (scenarioIds.length < MIN_COMPARED || scenarioIds.length > MAX_COMPARED) {
    throw new RangeError(
      `Compare ${MIN_COMPARED} to ${MAX_COMPARED} scenarios; ${scenarioIds.length} were given.`,
    );
  }
  if (new Set(scenarioIds).size !== scenarioIds.length) {
    throw new RangeError('Each scenario can be compared only once.');
  }
  if (!scenarioIds.includes(baselineId)) {
    throw new RangeError(`The baseline "${baselineId}" is not one of the compared scenarios.`);
  }
  const figures = scenarioIds.map((id) => scenarioFigures(portfolio, id));
  const baseline = figures[scenarioIds.indexOf(baselineId)] as ScenarioFigures;
  return {
    baselineId,
    scenarios: figures.map((entry) => ({
      ...entry,
      isBaseline: entry.scenarioId === baselineId,
      vsBaseline: deltaFrom(entry, baseline),
    })),
  };
}
