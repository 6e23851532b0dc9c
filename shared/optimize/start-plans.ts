/**
 * Plans to start the search from. A solver proves faster when it holds a good plan early, and a
 * user stopping after a fraction of a second should still get one. Each plan here is the cut line
 * of some ranking (so it keeps every rule by construction): the scenario's own ranking, value
 * per unit of scarce resource, and the order of the LP relaxation's selections (LP rounding).
 */
import type { Highs } from 'highs';
import type { Initiative, Portfolio } from '../portfolio/types';
import { computeCutLine } from '../prioritize/cutline';
import { columnsFor, type Adjustments, type ModelItem, type PortfolioModel } from './model';
import { modelData } from './solve';

/** The portfolio as the model sees it after `adjustments` (for the cut line to place). */
export function adjustedPortfolio(portfolio: Portfolio, adjustments: Adjustments): Portfolio {
  const { forced, value, demandScale } = adjustments;
  if (!forced && !value && !demandScale) return portfolio;
  const initiatives = portfolio.initiatives.map((initiative): Initiative => {
    let next: Initiative = initiative;
    const override = forced?.[initiative.id];
    if (override !== undefined) {
      const { forced: _old, ...rest } = next;
      next = override === null ? rest : { ...rest, forced: override };
    }
    const newValue = value?.[initiative.id];
    if (newValue !== undefined) next = { ...next, value: newValue };
    const scale = demandScale?.[initiative.id];
    if (scale !== undefined && scale !== 1 && next.demand) {
      next = {
        ...next,
        demand: Object.fromEntries(
          Object.entries(next.demand).map(([team, list]) => [team, list.map((a) => a * scale)]),
        ),
      };
    }
    return next;
  });
  return { ...portfolio, initiatives };
}

/** Checks a solution vector against every row and bound of the model. */
export function keepsEveryRow(model: PortfolioModel, x: ArrayLike<number>): boolean {
  const slack = 1e-6;
  for (let column = 0; column < model.numCols; column += 1) {
    const value = x[column] as number;
    if (value < (model.colLower[column] as number) - slack || value > 1 + slack) return false;
  }
  for (let row = 0; row < model.numRows; row += 1) {
    let activity = 0;
    for (let k = model.rowStarts[row] as number; k < (model.rowStarts[row + 1] as number); k += 1) {
      activity += (model.rowValues[k] as number) * (x[model.rowIndices[k] as number] as number);
    }
    const lower = model.rowLower[row] as number;
    const upper = model.rowUpper[row] as number;
    const scale = Math.max(1, Math.abs(upper === Infinity ? 0 : upper));
    if (activity < lower - slack * scale || activity > upper + slack * scale) return false;
  }
  return true;
}

function objectiveOf(model: PortfolioModel, starts: ReadonlyMap<number, number>): number {
  let total = 0;
  for (const index of starts.keys()) total += (model.items[index] as ModelItem).value;
  return total;
}

/**
 * The starts the cut line gives `order`, trimmed to the model's total-spend cap (later ones are
 * dropped, with whatever depends on them), as item index → start period index.
 */
function cutLineStarts(
  model: PortfolioModel,
  portfolio: Portfolio,
  order: readonly string[],
): Map<number, number> {
  const cutLine = computeCutLine(portfolio, order);
  const starts = new Map<number, number>();
  let spent = 0;
  for (const placement of cutLine.placements) {
    if (!placement.above) continue;
    const index = model.itemIndex.get(placement.id);
    if (index === undefined) continue;
    const item = model.items[index] as ModelItem;
    if (!item.dependsOn.every((prerequisite) => starts.has(prerequisite))) continue;
    if (spent + item.totalSpend > model.totalSpendCap + 1e-9) continue;
    spent += item.totalSpend;
    starts.set(index, placement.startIndex);
  }
  return starts;
}

/** Value per unit of what it takes, each team's demand and the spend weighed by their scarcity. */
function densityOrder(model: PortfolioModel, weights?: Float64Array): string[] {
  const periodCount = model.periodCount;
  const teamTotals = new Map<number, number>();
  for (let k = 0; k < model.capacity.length; k += 1) {
    const t = Math.floor(k / Math.max(1, periodCount));
    teamTotals.set(t, (teamTotals.get(t) ?? 0) + (model.capacity[k] as number));
  }
  let budgetTotal = 0;
  for (const amount of model.budget) budgetTotal += Number.isFinite(amount) ? amount : 0;
  const size = (item: ModelItem) => {
    let total = 0;
    item.teams.forEach((t, d) => {
      const demand = (item.demand[d] as readonly number[]).reduce((a, b) => a + b, 0);
      const capacity = teamTotals.get(t) ?? 0;
      total += (weights?.[t] ?? 1) * (capacity > 0 ? demand / capacity : demand);
    });
    if (budgetTotal > 0) total += item.totalSpend / budgetTotal;
    return total;
  };
  return model.items
    .map((item) => ({ id: item.id, density: item.value / Math.max(size(item), 1e-9) }))
    .sort((a, b) => b.density - a.density)
    .map((entry) => entry.id);
}

/** The LP relaxation's solution and value (a bound on every plan), or undefined. */
function relaxation(
  highs: Highs,
  model: PortfolioModel,
  shouldStop?: () => boolean,
  seconds?: number,
): { solution: Float64Array; value: number } | undefined {
  let solved: { solution: Float64Array; value: number } | undefined;
  highs.withModel(modelData(highs, model, { relax: true }), (lp) => {
    lp.options.set({
      output_flag: false,
      ...(seconds !== undefined && { time_limit: Math.max(0.001, seconds) }),
    });
    lp.run({
      [highs.constants.callbackType.simplexInterrupt](event) {
        if (shouldStop?.()) event.interrupt();
      },
    });
    if (lp.getModelStatus() === highs.constants.modelStatus.optimal) {
      solved = {
        solution: Float64Array.from(lp.getSolution().colValue),
        value: lp.getObjectiveValue(),
      };
    }
  });
  return solved;
}

/** Ranking by the LP relaxation: most selected first, then by density. */
function relaxationOrder(
  model: PortfolioModel,
  lp: Float64Array,
  density: readonly string[],
): string[] {
  const rank = new Map(density.map((id, index) => [id, index]));
  const chosen = (item: ModelItem) =>
    item.selectColumn >= 0 ? (lp[item.selectColumn] as number) : 0;
  return [...model.items]
    .sort(
      (a, b) => chosen(b) - chosen(a) || (rank.get(a.id) as number) - (rank.get(b.id) as number),
    )
    .map((item) => item.id);
}

export type StartPlan = {
  readonly x: Float64Array;
  readonly objective: number;
  readonly source: string;
  /** The ranking whose cut line this plan is. */
  readonly order: readonly string[];
};

/**
 * The best of the start plans (a feasible solution vector and its value), or undefined when none
 * keeps every row (forced-in initiatives that the cut line cannot place).
 */
export function bestStartPlan(
  highs: Highs,
  model: PortfolioModel,
  portfolio: Portfolio,
  scenarioOrder: readonly string[],
  events: {
    readonly onBetter?: (plan: StartPlan) => void;
    /** The LP relaxation's value: no plan is worth more. */
    readonly onBound?: (bound: number) => void;
    readonly shouldStop?: () => boolean;
    /** Seconds the LP relaxation may take at most (it is skipped when it runs out). */
    readonly relaxationSeconds?: () => number;
  } = {},
): StartPlan | undefined {
  const { onBetter, onBound, shouldStop, relaxationSeconds } = events;
  const density = densityOrder(model);
  // Cheapest first, so that a plan is reported at once; the LP relaxation comes last.
  const orders: [string, () => readonly string[]][] = [
    ['ranking', () => scenarioOrder],
    ['density', () => density],
    [
      'relaxation',
      () => {
        const seconds = relaxationSeconds?.();
        const lp =
          shouldStop?.() || (seconds !== undefined && seconds <= 0)
            ? undefined
            : relaxation(highs, model, shouldStop, seconds);
        if (lp) onBound?.(lp.value);
        return lp ? relaxationOrder(model, lp.solution, density) : density;
      },
    ],
  ];
  let best: StartPlan | undefined;
  for (const [source, order] of orders) {
    const ranking = order();
    const starts = cutLineStarts(model, portfolio, ranking);
    const x = columnsFor(model, starts);
    if (!keepsEveryRow(model, x)) continue;
    const objective = objectiveOf(model, starts);
    if (!best || objective > best.objective) {
      best = { x, objective, source, order: ranking };
      onBetter?.(best);
    }
  }
  return best;
}

export type SearchSettings = {
  /** Random numbers in [0, 1) (seeded by the caller, for repeatable runs). */
  readonly random: () => number;
  /** Stop after this many cut line evaluations. */
  readonly evaluations: number;
  /** Also stop when this returns true (a time budget, a cancel). */
  readonly shouldStop?: () => boolean;
  /** Called with each better plan found. */
  readonly onBetter?: (plan: StartPlan) => void;
};

/**
 * Improves a plan by searching over rankings: lift an initiative that is out to a random place
 * above the line, keep the ranking when the cut line's value does not fall. Every plan it returns
 * is a cut line, so it keeps every rule.
 */
export function improveRanking(
  model: PortfolioModel,
  portfolio: Portfolio,
  start: readonly string[],
  settings: SearchSettings,
): StartPlan | undefined {
  const evaluate = (order: readonly string[]) => {
    const starts = cutLineStarts(model, portfolio, order);
    return { starts, objective: objectiveOf(model, starts) };
  };
  let order = [...start];
  let current = evaluate(order);
  let best: StartPlan | undefined;
  const consider = () => {
    if (best && current.objective <= best.objective) return;
    const x = columnsFor(model, current.starts);
    if (!keepsEveryRow(model, x)) return;
    best = { x, objective: current.objective, source: 'search', order };
    settings.onBetter?.(best);
  };
  consider();
  for (let evaluation = 0; evaluation < settings.evaluations; evaluation += 1) {
    // A cut line of a large portfolio takes milliseconds: the clock is read before each one.
    if (settings.shouldStop?.()) break;
    const outside = order.filter((id) => {
      const index = model.itemIndex.get(id);
      return (
        index !== undefined &&
        !current.starts.has(index) &&
        (model.items[index] as ModelItem).starts.length > 0
      );
    });
    if (outside.length === 0) break;
    const lifted = outside[Math.floor(settings.random() * outside.length)] as string;
    const aboveCount = current.starts.size;
    const target = Math.floor(settings.random() * (aboveCount + 1));
    const next = order.filter((id) => id !== lifted);
    next.splice(target, 0, lifted);
    const candidate = evaluate(next);
    if (candidate.objective >= current.objective) {
      order = next;
      current = candidate;
      consider();
    }
  }
  return best;
}
