/**
 * The optimizer's Web Worker: loads HiGHS (WebAssembly) once and runs one job at a time, posting
 * progress as it goes. Solves are synchronous, so stopping goes through a shared flag that the
 * solver's callbacks read.
 */
import highsLoader, { type Highs } from 'highs';
import wasmUrl from 'highs/runtime?url';
import { efficientFrontier } from '../../../../shared/optimize/frontier';
import { optimizePortfolio, seededRandom } from '../../../../shared/optimize/optimize';
import { robustness } from '../../../../shared/optimize/robustness';
import { warmSolver } from '../../../../shared/optimize/warm';
import { whatItTakes } from '../../../../shared/optimize/what-it-takes';
import type {
  FromWorker,
  OptimizerProgress,
  OptimizerRequest,
  ToWorker,
} from './optimizer-protocol';

let loading: Promise<Highs> | undefined;
const solver = () => (loading ??= highsLoader({ locateFile: () => wasmUrl }));
// The worker is started before the first job: loading and a throwaway solve make that job's first
// seconds run at full speed (a job that arrives meanwhile waits for them).
solver().then(
  (highs) => warmSolver(highs),
  () => {},
);
const now = () => performance.now() / 1000;
const PROGRESS_INTERVAL_MS = 150;

function run(
  highs: Highs,
  request: OptimizerRequest,
  shouldStop: () => boolean,
  progress: (p: OptimizerProgress) => void,
) {
  switch (request.kind) {
    case 'optimize':
      return optimizePortfolio(highs, request.portfolio, {
        scenarioId: request.scenarioId,
        timeLimit: request.timeLimit,
        ...(request.seed !== undefined && { seed: request.seed }),
        now,
        shouldStop,
        onProgress: (update) => progress({ kind: 'optimize', progress: update }),
      });
    case 'frontier':
      return efficientFrontier(highs, request.portfolio, {
        scenarioId: request.scenarioId,
        points: request.points,
        timeLimit: request.timeLimit,
        now,
        shouldStop,
        onPoint: (point, index, count) => progress({ kind: 'frontier', point, index, count }),
      });
    case 'what-it-takes':
      return whatItTakes(highs, request.portfolio, request.plan, request.id, {
        scenarioId: request.scenarioId,
        timeLimit: request.timeLimit,
        now,
        shouldStop,
      });
    case 'robustness':
      return robustness(highs, request.portfolio, {
        scenarioId: request.scenarioId,
        runs: request.runs,
        range: request.range,
        random: seededRandom(request.seed),
        timeLimitPerRun: request.timeLimitPerRun,
        now,
        shouldStop,
        onRun: (done, counts) => progress({ kind: 'robustness', done, counts: { ...counts } }),
      });
  }
}

self.onmessage = async (event: MessageEvent<ToWorker>) => {
  const { job, request, stop } = event.data;
  const post = (message: FromWorker) => self.postMessage(message);
  const flag = stop ? new Int32Array(stop) : undefined;
  const shouldStop = () => (flag ? Atomics.load(flag, 0) === 1 : false);
  // The solver reports many times a second; the page needs a few updates a second, and every
  // message it has not read yet would delay the answer to a stop.
  let lastPost = 0;
  const progress = (update: OptimizerProgress) => {
    const time = performance.now();
    const carriesPlan = update.kind === 'optimize' && update.progress.plan !== undefined;
    if (update.kind === 'optimize' && !carriesPlan && time - lastPost < PROGRESS_INTERVAL_MS)
      return;
    lastPost = time;
    post({ job, type: 'progress', progress: update });
  };
  try {
    const highs = await solver();
    const result = run(highs, request, shouldStop, progress);
    post({ job, type: 'done', result });
  } catch (error) {
    post({ job, type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
};
