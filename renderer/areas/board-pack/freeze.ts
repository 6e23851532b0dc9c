/**
 * Freezes the optimizer's session results for the pack's scenario into the pack input, when they
 * were computed on the portfolio as it is now (an out-of-date result is left out, not printed).
 */
import type { FrozenAnalysis } from '../../../shared/pack/types';
import type { ScenarioAnalyses } from '../../state/slices/optimizeSlice';

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
    ...(result && {
      optimize: {
        status: result.status,
        objective: result.objective,
        ...(Number.isFinite(result.bound) && { bound: result.bound }),
        ...(Number.isFinite(result.gap) && result.status !== 'infeasible' && { gap: result.gap }),
        elapsed: result.elapsed,
        stopped: result.stopped,
        selected: result.selected.map((entry) => ({ id: entry.id, start: entry.start })),
        spend: result.spend.reduce((sum, amount) => sum + amount, 0),
        ...(result.conflict && { conflict: result.conflict.message }),
      },
    }),
    ...(curve &&
      curve.points.length > 0 && {
        frontier: { points: curve.points, greedy: curve.greedy, current: curve.current },
      }),
  };
}
