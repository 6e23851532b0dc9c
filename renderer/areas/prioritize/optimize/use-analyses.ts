/** Starting, following and stopping the optimizer's jobs for the scenario on screen. */
import { useCallback, useEffect, useMemo } from 'react';
import { resultFromStarts, type OptimizeResult } from '../../../../shared/optimize/optimize';
import type { Portfolio } from '../../../../shared/portfolio/types';
import { useAppStore } from '../../../state/store';
import type { ScenarioAnalyses } from '../../../state/slices/optimizeSlice';
import { portfolioKey } from '../../../../shared/optimize/portfolio-key';
import { useOptimizer } from './optimizer-client';

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function useAnalyses(portfolio: Portfolio, scenarioId: string) {
  const optimizer = useOptimizer();
  // Start the solver while the user reads the view, not when they press Optimize.
  useEffect(() => optimizer().warm?.(), [optimizer]);
  const analyses = useAppStore((state) => state.analyses[scenarioId]) ?? {};
  const update = useAppStore((state) => state.updateAnalyses);
  const key = useMemo(() => portfolioKey(portfolio), [portfolio]);
  const change = useCallback(
    (patch: (current: ScenarioAnalyses) => ScenarioAnalyses) => update(scenarioId, patch),
    [update, scenarioId],
  );

  const optimize = useCallback(
    (timeLimit: number) => {
      const started = performance.now();
      const job = optimizer().run(
        { kind: 'optimize', portfolio, scenarioId, timeLimit },
        (progress) => {
          if (progress.kind !== 'optimize') return;
          change((current) => {
            const run = current.optimize;
            if (!run || run.key !== key || (run.phase !== 'running' && run.phase !== 'stopping')) {
              return current;
            }
            return {
              ...current,
              optimize: {
                ...run,
                progress: { ...run.progress, ...progress.progress },
                ...(progress.progress.plan && { best: progress.progress.plan }),
              },
            };
          });
        },
      );
      change((current) => ({
        ...current,
        optimize: { phase: 'running', key, stop: job.stop },
      }));
      job.outcome.then(
        (outcome) =>
          change((current) => {
            const run = current.optimize;
            if (!run) return current;
            let result: OptimizeResult | undefined;
            if (outcome.type === 'done') result = outcome.result;
            else if (run.best) {
              // Stopped before the worker answered: finish the best plan reported so far here.
              result = resultFromStarts(portfolio, {}, run.best, {
                status: 'feasible',
                objective: run.progress?.objective ?? 0,
                bound: run.progress?.bound ?? Number.POSITIVE_INFINITY,
                elapsed: (performance.now() - started) / 1000,
                stopped: true,
              });
            }
            const { stop: _stop, ...rest } = run;
            return {
              ...current,
              optimize: result
                ? { ...rest, phase: 'done', result }
                : { ...rest, phase: 'failed', error: 'Stopped before any plan was found.' },
            };
          }),
        (error: unknown) =>
          change((current) => ({
            ...current,
            optimize: { phase: 'failed', key, error: message(error) },
          })),
      );
    },
    [optimizer, portfolio, scenarioId, key, change],
  );

  const frontier = useCallback(
    (points: number, timeLimit: number) => {
      const job = optimizer().run(
        { kind: 'frontier', portfolio, scenarioId, points, timeLimit },
        (progress) => {
          if (progress.kind !== 'frontier') return;
          change((current) =>
            current.frontier && current.frontier.key === key
              ? {
                  ...current,
                  frontier: {
                    ...current.frontier,
                    points: [...current.frontier.points, progress.point],
                    count: progress.count,
                  },
                }
              : current,
          );
        },
      );
      change((current) => ({
        ...current,
        frontier: { phase: 'running', key, points: [], count: points, stop: job.stop },
      }));
      job.outcome.then(
        (outcome) =>
          change((current) => {
            const run = current.frontier;
            if (!run) return current;
            const { stop: _stop, ...rest } = run;
            return {
              ...current,
              frontier:
                outcome.type === 'done'
                  ? {
                      ...rest,
                      phase: 'done',
                      result: outcome.result,
                      points: outcome.result.points,
                    }
                  : { ...rest, phase: 'done' },
            };
          }),
        (error: unknown) =>
          change((current) => ({
            ...current,
            frontier: { phase: 'failed', key, points: [], count: points, error: message(error) },
          })),
      );
    },
    [optimizer, portfolio, scenarioId, key, change],
  );

  const robustness = useCallback(
    (runs: number, range: number) => {
      const job = optimizer().run(
        { kind: 'robustness', portfolio, scenarioId, runs, range, seed: 1, timeLimitPerRun: 2 },
        (progress) => {
          if (progress.kind !== 'robustness') return;
          change((current) =>
            current.robustness && current.robustness.key === key
              ? {
                  ...current,
                  robustness: {
                    ...current.robustness,
                    done: progress.done,
                    counts: progress.counts,
                  },
                }
              : current,
          );
        },
      );
      change((current) => ({
        ...current,
        robustness: { phase: 'running', key, runs, range, done: 0, counts: {}, stop: job.stop },
      }));
      job.outcome.then(
        (outcome) =>
          change((current) => {
            const run = current.robustness;
            if (!run) return current;
            const { stop: _stop, ...rest } = run;
            return {
              ...current,
              robustness:
                outcome.type === 'done'
                  ? {
                      ...rest,
                      phase: 'done',
                      result: outcome.result,
                      done: outcome.result.runs,
                      counts: outcome.result.counts,
                    }
                  : { ...rest, phase: 'done' },
            };
          }),
        (error: unknown) =>
          change((current) => ({
            ...current,
            robustness: {
              phase: 'failed',
              key,
              runs,
              range,
              done: 0,
              counts: {},
              error: message(error),
            },
          })),
      );
    },
    [optimizer, portfolio, scenarioId, key, change],
  );

  const whatItTakes = useCallback(
    (plan: OptimizeResult, id: string) => {
      const job = optimizer().run(
        { kind: 'what-it-takes', portfolio, scenarioId, plan, id, timeLimit: 10 },
        () => {},
      );
      change((current) => ({
        ...current,
        whatItTakes: { phase: 'running', key, id, stop: job.stop },
      }));
      job.outcome.then(
        (outcome) =>
          change((current) => {
            const run = current.whatItTakes;
            if (!run || run.id !== id) return current;
            const { stop: _stop, ...rest } = run;
            return {
              ...current,
              whatItTakes:
                outcome.type === 'done'
                  ? { ...rest, phase: 'done', result: outcome.result }
                  : { ...rest, phase: 'failed', error: 'Stopped.' },
            };
          }),
        (error: unknown) =>
          change((current) => ({
            ...current,
            whatItTakes: { phase: 'failed', key, id, error: message(error) },
          })),
      );
    },
    [optimizer, portfolio, scenarioId, key, change],
  );

  const stop = useCallback(
    (job: keyof ScenarioAnalyses) => {
      const run = useAppStore.getState().analyses[scenarioId]?.[job];
      if (!run || run.phase !== 'running') return;
      change((current) => {
        const latest = current[job];
        return latest?.phase === 'running'
          ? { ...current, [job]: { ...latest, phase: 'stopping' } }
          : current;
      });
      run.stop?.();
    },
    [change, scenarioId],
  );

  return { analyses, key, optimize, frontier, robustness, whatItTakes, stop };
}
