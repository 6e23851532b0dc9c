/**
 * "Why out, what would it take" for an initiative the plan leaves out: the team and period (or
 * budget) limits that keep it out at each start it could take, the value it would need to earn a
 * place, and the value the rest of the portfolio would lose if it were forced in. The last two come
 * from one more solve with the initiative forced in: with value v, forcing it in gives
 * `forced − ownValue + v`, which beats the plan once v > ownValue + (plan − forced).
 */
import type { Highs } from 'highs';
import type { Portfolio } from '../portfolio/types';
import type { BelowReason } from '../prioritize/cutline';
import { buildModel, type ModelItem } from './model';
import { optimizePortfolio, type Conflict, type OptimizeResult } from './optimize';
import {
  describeOutReason,
  loadOf,
  shortfallsAt,
  startsAfterPrerequisites,
  type OutReason,
} from './plan';
import type { SolveStatus } from './solve';

export type StartLimits = {
  /** Period id of the start. */
  readonly start: string;
  /** Every team-and-period or budget shortfall at that start, given the plan. */
  readonly shortfalls: readonly BelowReason[];
};

export type WhatItTakes = {
  readonly id: string;
  readonly reason: OutReason;
  readonly value: number;
  /** The limits that bind at each start it could take (empty when a rule keeps it out). */
  readonly limits: readonly StartLimits[];
  /**
   * Net value lost when it is forced in: the plan's value minus the best plan's with it (its own
   * value included), undefined when it cannot be forced in; the best estimate, and the range the
   * proven bounds allow (equal when both solves are proven).
   */
  readonly valueLost?: number;
  readonly valueLostRange?: readonly [number, number];
  /** Value it would need to be chosen (undefined: no value would do), with its range. */
  readonly valueNeeded?: number;
  readonly valueNeededRange?: readonly [number, number];
  /** Whether both solves behind the numbers were proven optimal (else they are estimates). */
  readonly exact: boolean;
  readonly forcedStatus: SolveStatus;
  /** When forcing it in breaks a rule, which and why. */
  readonly conflict?: Conflict;
};

export type WhatItTakesSettings = {
  readonly scenarioId?: string;
  readonly timeLimit?: number;
  readonly now?: () => number;
  readonly shouldStop?: () => boolean;
};

/** Answers "what would it take" for `id`, given the optimizer's `plan` of `portfolio`. */
export function whatItTakes(
  highs: Highs,
  portfolio: Portfolio,
  plan: OptimizeResult,
  id: string,
  settings: WhatItTakesSettings = {},
): WhatItTakes {
  const model = buildModel(portfolio);
  const index = model.itemIndex.get(id);
  const rejection = plan.rejected.find((entry) => entry.id === id);
  if (index === undefined || !rejection) throw new Error(`"${id}" is not out of the plan`);
  const item = model.items[index] as ModelItem;
  const starts = new Map<number, number>();
  for (const entry of plan.selected) {
    const at = model.itemIndex.get(entry.id);
    if (at !== undefined) starts.set(at, entry.startIndex);
  }
  const load = loadOf(model, portfolio.teams.length, starts);
  const limits: StartLimits[] = startsAfterPrerequisites(model, starts, item)
    .map((start) => ({
      start: portfolio.periods[start]?.id ?? '',
      shortfalls: shortfallsAt(model, portfolio, load, item, start),
    }))
    .filter((entry) => entry.shortfalls.length > 0);

  const forced = optimizePortfolio(highs, portfolio, {
    ...(settings.scenarioId !== undefined && { scenarioId: settings.scenarioId }),
    adjustments: { forced: { [id]: 'in' } },
    timeLimit: settings.timeLimit ?? 10,
    quick: true,
    ...(settings.now && { now: settings.now }),
    ...(settings.shouldStop && { shouldStop: settings.shouldStop }),
  });
  const base = {
    id,
    reason: rejection.reason,
    value: item.value,
    limits,
    forcedStatus: forced.status,
  };
  if (forced.status === 'infeasible' || forced.status === 'unknown') {
    return {
      ...base,
      exact: forced.status === 'infeasible' && plan.status === 'optimal',
      ...(forced.conflict && { conflict: forced.conflict }),
    };
  }
  // Proven both ways, the loss is exact; otherwise the bounds say how far it can be from the
  // estimate: at least plan − forcedBound, at most planBound − forced.
  const exact = plan.status === 'optimal' && forced.status === 'optimal';
  const valueLost = Math.max(0, plan.objective - forced.objective);
  const low = Math.max(0, plan.objective - forced.bound);
  const high = Math.max(low, plan.bound - forced.objective);
  const range: [number, number] = exact ? [valueLost, valueLost] : [low, high];
  return {
    ...base,
    exact,
    valueLost,
    valueLostRange: range,
    valueNeeded: item.value + valueLost,
    valueNeededRange: [item.value + range[0], item.value + range[1]],
  };
}

/**
 * One line about the limits at a start: "From Q1 2027: Platform is 1.5 FTE short in Q1 2027",
 * the first `most` shortfalls and how many more there are.
 */
export function describeLimits(limits: StartLimits, portfolio: Portfolio, most = 4): string {
  const period =
    portfolio.periods.find((entry) => entry.id === limits.start)?.label ?? limits.start;
  const shown = limits.shortfalls
    .slice(0, most)
    .map((reason) => describeOutReason(reason, portfolio));
  const more = limits.shortfalls.length - shown.length;
  return `From ${period}: ${shown.join('; ')}${more > 0 ? `; and ${more} more` : ''}`;
}
