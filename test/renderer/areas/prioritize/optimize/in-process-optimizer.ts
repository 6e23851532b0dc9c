/**
 * The optimizer run in the test's own thread (jsdom has no Worker): the same shared functions
 * the worker runs, each job started on a later task so that the "running" state can be seen.
 */
import type { Highs } from 'highs';
import type {
  Optimizer,
  OptimizerJob,
} from '../../../../../renderer/areas/prioritize/optimize/optimizer-client';
import type {
  OptimizerProgress,
  OptimizerRequest,
} from '../../../../../renderer/areas/prioritize/optimize/optimizer-protocol';
import { efficientFrontier } from '../../../../../shared/optimize/frontier';
import { optimizePortfolio, seededRandom } from '../../../../../shared/optimize/optimize';
import { robustness } from '../../../../../shared/optimize/robustness';
import { whatItTakes } from '../../../../../shared/optimize/what-it-takes';

export function inProcessOptimizer(highs: Highs, requests: OptimizerRequest[] = []): Optimizer {
  const now = () => performance.now() / 1000;
  return {
    run<K extends OptimizerRequest['kind']>(
      job: Extract<OptimizerRequest, { kind: K }>,
      onProgress: (progress: OptimizerProgress) => void,
    ): OptimizerJob<K> {
      const request = job as OptimizerRequest;
      requests.push(request);
      const outcome = new Promise((resolve) => {
        setTimeout(() => {
          const result = (() => {
            switch (request.kind) {
              case 'optimize':
                return optimizePortfolio(highs, request.portfolio, {
                  scenarioId: request.scenarioId,
                  timeLimit: request.timeLimit,
                  now,
                  onProgress: (progress) => onProgress({ kind: 'optimize', progress }),
                });
              case 'frontier':
                return efficientFrontier(highs, request.portfolio, {
                  scenarioId: request.scenarioId,
                  points: request.points,
                  timeLimit: request.timeLimit,
                  now,
                  onPoint: (point, index, count) =>
                    onProgress({ kind: 'frontier', point, index, count }),
                });
              case 'what-it-takes':
                return whatItTakes(highs, request.portfolio, request.plan, request.id, { now });
              case 'robustness':
                return robustness(highs, request.portfolio, {
                  runs: request.runs,
                  range: request.range,
                  random: seededRandom(request.seed),
                  now,
                  onRun: (done, counts) =>
                    onProgress({ kind: 'robustness', done, counts: { ...counts } }),
                });
            }
          })();
          resolve({ type: 'done', result });
        }, 10);
      });
      return { outcome, stop: () => {} } as OptimizerJob<K>;
    },
  };
}
