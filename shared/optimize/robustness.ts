/**
 * Robustness: how often each initiative is chosen when the estimates move within their
 * confidence range. Each run draws every initiative's value and demand uniformly within ± its
 * range and solves again (to a small gap); an initiative chosen in nearly every run is a safe
 * bet, one chosen half the time is a judgement call.
 */
import type { Highs } from 'highs';
import type { Initiative, Portfolio } from '../portfolio/types';
import { isEstimateRange } from '../portfolio/limits';
import { initiativeValue } from '../portfolio/measures';
import { optimizePortfolio } from './optimize';

/**
 * The ± range of an initiative's estimates: its own `estimateRange`, else `fallback`. The reader
 * only lets a share from 0 up to (not including) 1 in; one made in code out of that range is not
 * used either.
 */
export function estimateRange(initiative: Initiative, fallback: number): number {
  const own = initiative.estimateRange;
  return isEstimateRange(own) ? own : fallback;
}

export type RobustnessSettings = {
  readonly runs: number;
  /** ± range for initiatives without their own, as a share (0.2 = ±20 %). */
  readonly range: number;
  readonly random: () => number;
  readonly scenarioId?: string;
  /** Seconds per run. */
  readonly timeLimitPerRun?: number;
  /** Gap at which a run stops (default 1 %). */
  readonly relativeGap?: number;
  readonly now?: () => number;
  readonly shouldStop?: () => boolean;
  readonly onRun?: (done: number, counts: Readonly<Record<string, number>>) => void;
};

export type Robustness = {
  /** Runs done. */
  readonly runs: number;
  /** Initiative id → number of runs that chose it. */
  readonly counts: Readonly<Record<string, number>>;
  /** Value of each run's plan (at the drawn values). */
  readonly values: readonly number[];
};

/** Runs the Monte Carlo; see `RobustnessSettings`. */
export function robustness(
  highs: Highs,
  portfolio: Portfolio,
  settings: RobustnessSettings,
): Robustness {
  const counts: Record<string, number> = Object.fromEntries(
    portfolio.initiatives.map((item) => [item.id, 0]),
  );
  const values: number[] = [];
  const draw = (range: number) => 1 + range * (2 * settings.random() - 1);
  let runs = 0;
  for (let run = 0; run < settings.runs; run += 1) {
    if (settings.shouldStop?.()) break;
    const value: Record<string, number> = {};
    const demandScale: Record<string, number> = {};
    for (const item of portfolio.initiatives) {
      const range = estimateRange(item, settings.range);
      value[item.id] = (initiativeValue(item, portfolio) ?? 0) * draw(range);
      demandScale[item.id] = draw(range);
    }
    const result = optimizePortfolio(highs, portfolio, {
      ...(settings.scenarioId !== undefined && { scenarioId: settings.scenarioId }),
      adjustments: { value, demandScale },
      timeLimit: settings.timeLimitPerRun ?? 2,
      relativeGap: settings.relativeGap ?? 0.01,
      quick: true,
      ...(settings.now && { now: settings.now }),
      ...(settings.shouldStop && { shouldStop: settings.shouldStop }),
    });
    if (result.stopped && result.status !== 'optimal') break;
    if (result.status === 'infeasible' || result.status === 'unknown') {
      runs += 1;
      values.push(0);
      settings.onRun?.(runs, counts);
      continue;
    }
    for (const entry of result.selected) counts[entry.id] = (counts[entry.id] ?? 0) + 1;
    values.push(result.objective);
    runs += 1;
    settings.onRun?.(runs, counts);
  }
  return { runs, counts, values };
}
