/**
 * The efficient frontier: the best value the portfolio can deliver at each total budget, each
 * point an optimizer solve under a cap on total spend (with its certified gap when stopped), next
 * to the curve of funding initiatives in order of value per cost, and the scenario's own point.
 */
import type { Highs } from 'highs';
import type { Portfolio } from '../portfolio/types';
import { computeCutLine, stackOrder } from '../prioritize/cutline';
import { initiativeValue, totalSpend } from '../portfolio/measures';
import { buildModel, type ModelItem } from './model';
import { optimizePortfolio } from './optimize';
import type { SolveStatus } from './solve';

export type FrontierPoint = {
  /** The cap on total spend. */
  readonly budget: number;
  /** Best value found within the cap, and its proven upper bound. */
  readonly value: number;
  readonly bound: number;
  readonly status: SolveStatus;
  /** What the plan really spends (at most `budget`). */
  readonly spend: number;
  readonly selected: readonly string[];
};

export type CurvePoint = { readonly spend: number; readonly value: number };

export type Frontier = {
  readonly points: readonly FrontierPoint[];
  /** Funding in order of value per cost, as the board's cut line places that ranking. */
  readonly greedy: readonly CurvePoint[];
  /** The scenario's cut line. */
  readonly current: CurvePoint;
  /** True when stopped before every point was solved. */
  readonly stopped: boolean;
};

export type FrontierSettings = {
  readonly scenarioId?: string;
  /**
   * Number of budgets (at least 2), from what the forced-in initiatives need (0 without any) to
   * everything that can be funded.
   */
  readonly points?: number;
  /** Seconds for all points together. */
  readonly timeLimit?: number;
  readonly now?: () => number;
  readonly shouldStop?: () => boolean;
  /** Each point as soon as it is solved. */
  readonly onPoint?: (point: FrontierPoint, index: number, count: number) => void;
};

const valueOf = (portfolio: Portfolio, ids: Iterable<string>) => {
  const byId = new Map(portfolio.initiatives.map((item) => [item.id, item]));
  let total = 0;
  for (const id of ids) {
    const item = byId.get(id);
    if (item) total += initiativeValue(item, portfolio) ?? 0;
  }
  return total;
};

/** Cumulative spend and value down the placements above the cut line of `order`. */
function curveOf(portfolio: Portfolio, order: readonly string[]): CurvePoint[] {
  const byId = new Map(portfolio.initiatives.map((item) => [item.id, item]));
  const points: CurvePoint[] = [{ spend: 0, value: 0 }];
  let spend = 0;
  let value = 0;
  for (const placement of computeCutLine(portfolio, order).placements) {
    if (!placement.above) continue;
    const item = byId.get(placement.id);
    if (!item) continue;
    spend += totalSpend(item);
    value += initiativeValue(item, portfolio) ?? 0;
    points.push({ spend, value });
  }
  return points;
}

/** The greedy ranking: most value per unit of spend first (no spend: first, by value). */
export function valuePerCostOrder(portfolio: Portfolio): string[] {
  return portfolio.initiatives
    .map((item) => {
      const value = initiativeValue(item, portfolio) ?? 0;
      const cost = totalSpend(item);
      return { id: item.id, ratio: cost > 0 ? value / cost : Number.POSITIVE_INFINITY, value };
    })
    .sort((a, b) => b.ratio - a.ratio || b.value - a.value)
    .map((entry) => entry.id);
}

/** Computes the frontier; see `FrontierSettings`. */
export function efficientFrontier(
  highs: Highs,
  portfolio: Portfolio,
  settings: FrontierSettings = {},
): Frontier {
  const clock = settings.now ?? (() => 0);
  const began = clock();
  const count = Math.max(2, Math.round(settings.points ?? 20));
  const timeLimit = settings.timeLimit ?? 20;
  const model = buildModel(portfolio);
  const fundable = model.items
    .filter((item: ModelItem) => item.starts.length > 0)
    .reduce((sum, item) => sum + item.totalSpend, 0);
  let budgetTotal = 0;
  for (const amount of model.budget) budgetTotal += amount;
  const top = Math.min(fundable, budgetTotal);
  // Committed and forced-in initiatives and what they need are spent at any budget: start there.
  const needed = new Set<number>();
  const waiting: number[] = [];
  model.items.forEach((item, index) => {
    if (item.forced === 'in') waiting.push(index);
  });
  // Walked with a list, not recursion: a long chain of prerequisites cannot overflow the stack.
  for (let index = waiting.pop(); index !== undefined; index = waiting.pop()) {
    if (needed.has(index)) continue;
    needed.add(index);
    waiting.push(...(model.items[index] as ModelItem).dependsOn);
  }
  const floor = Math.min(
    top,
    [...needed].reduce((sum, index) => sum + (model.items[index] as ModelItem).totalSpend, 0),
  );

  const cut = computeCutLine(portfolio, stackOrder(portfolio, settings.scenarioId));
  const currentIds = cut.placements.filter((placement) => placement.above).map((p) => p.id);
  const current: CurvePoint = {
    spend: cut.spend.reduce((sum, amount) => sum + amount, 0),
    value: valueOf(portfolio, currentIds),
  };
  const greedy = curveOf(portfolio, valuePerCostOrder(portfolio));

  const points: FrontierPoint[] = [];
  let stopped = false;
  for (let index = 0; index < count; index += 1) {
    if (settings.shouldStop?.()) {
      stopped = true;
      break;
    }
    const budget = floor + ((top - floor) * index) / (count - 1);
    const left = timeLimit - (clock() - began);
    const result = optimizePortfolio(highs, portfolio, {
      ...(settings.scenarioId !== undefined && { scenarioId: settings.scenarioId }),
      adjustments: { totalSpendCap: budget },
      timeLimit: Math.max(0.05, left / (count - index)),
      now: clock,
      quick: true,
      ...(settings.shouldStop && { shouldStop: settings.shouldStop }),
    });
    const previous = points.at(-1);
    // A larger budget can never be worth less: carry the better plan and the tighter bound up.
    const better = previous && previous.value > result.objective ? previous : undefined;
    const point: FrontierPoint = {
      budget,
      value: better ? better.value : result.objective,
      bound: Math.max(result.bound, better?.value ?? 0),
      status: result.status,
      spend: better ? better.spend : result.spend.reduce((sum, amount) => sum + amount, 0),
      selected: better ? better.selected : result.selected.map((entry) => entry.id),
    };
    points.push(point);
    settings.onPoint?.(point, index, count);
    if (result.stopped) {
      stopped = true;
      break;
    }
  }
  return { points, greedy, current, stopped };
}
