/**
 * Freezes the optimizer's session results for the pack's scenario into the pack input, when they
 * were computed on the portfolio as it is now (an out-of-date result is left out, not printed).
 * A scenario the optimizer made from another one has no run of its own: the run of the scenario
 * it was optimized from is its record, as long as its ranking is still that run's plan.
 */
import type { OptimizeResult } from '../../shared/optimize/optimize';
import { optimizedOrigin } from '../../shared/pack/optimized';
import type { FrozenAnalysis } from '../../shared/pack/types';
import type { Portfolio, Scenario } from '../../shared/portfolio/types';
import { stackOrder } from '../../shared/prioritize/cutline';
import type { ScenarioAnalyses } from './slices/optimizeSlice';

export function freezeAnalysis(
  analyses: ScenarioAnalyses | undefined,
  portfolioKey: string,
  now: Date,
): FrozenAnalysis | undefined {
  const optimize = analyses?.optimize;
  const frontier = analyses?.frontier;
  const result = optimize?.key === portfolioKey ? optimize.result : undefined;
  const curve = frontier?.key === portfolioKey ? frontier.result : undefined;
  if (!result && !curve) return undefined;
  return {
    frozenAt: now.toISOString(),
    ...(result && { optimize: freezeResult(result) }),
    ...(curve &&
      curve.points.length > 0 && {
        frontier: { points: curve.points, greedy: curve.greedy, current: curve.current },
      }),
  };
}

/** The result as the pack keeps it (plain JSON: no infinite bound, no gap when infeasible). */
export function freezeResult(result: OptimizeResult): NonNullable<FrozenAnalysis['optimize']> {
  return {
    status: result.status,
    objective: result.objective,
    ...(Number.isFinite(result.bound) && { bound: result.bound }),
    ...(Number.isFinite(result.gap) && result.status !== 'infeasible' && { gap: result.gap }),
    elapsed: result.elapsed,
    stopped: result.stopped,
    selected: result.selected.map((entry) => ({ id: entry.id, start: entry.start })),
    spend: result.spend.reduce((sum, amount) => sum + amount, 0),
    ...(result.conflict && { conflict: result.conflict.message }),
  };
}

/** Whether `scenario`'s stack is the one the optimizer's plan `ranking` makes. */
function stacksAlike(
  portfolio: Portfolio,
  scenario: Scenario,
  ranking: readonly string[],
): boolean {
  const plan = stackOrder(
    { ...portfolio, scenarios: [{ id: scenario.id, name: scenario.name, ranking }] },
    scenario.id,
  );
  const own = stackOrder(portfolio, scenario.id);
  return plan.length === own.length && plan.every((id, index) => own[index] === id);
}

/**
 * The analysis the pack of `scenario` carries: its own session results; for a scenario made by
 * the optimizer without a run of its own, the run of the scenario it was optimized from (with
 * the frontier computed there: the frontier does not depend on the ranking).
 */
export function packAnalysis(
  all: Readonly<Record<string, ScenarioAnalyses>>,
  portfolio: Portfolio,
  scenario: Scenario | undefined,
  portfolioKey: string,
  now: Date,
): FrozenAnalysis | undefined {
  if (!scenario) return undefined;
  const own = freezeAnalysis(all[scenario.id], portfolioKey, now);
  if (own?.optimize) return own;
  const origin = optimizedOrigin(portfolio, scenario);
  const run = origin ? all[origin.id]?.optimize : undefined;
  const result = run?.key === portfolioKey ? run.result : undefined;
  if (!origin || !result || !stacksAlike(portfolio, scenario, result.ranking)) return own;
  const inherited = freezeAnalysis(all[origin.id], portfolioKey, now);
  return {
    frozenAt: now.toISOString(),
    optimize: freezeResult(result),
    ...((own?.frontier ?? inherited?.frontier) && {
      frontier: own?.frontier ?? inherited?.frontier,
    }),
  };
}
