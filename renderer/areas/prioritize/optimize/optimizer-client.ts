/**
 * The page's side of the optimizer: one Web Worker, one job at a time. Stopping sets a shared
 * flag the solver polls; if the worker has not answered within `STOP_GRACE_MS` (a long presolve
 * does not poll), it is ended and the caller keeps what progress already brought.
 */
import { createContext, useContext } from 'react';
import type {
  FromWorker,
  OptimizerProgress,
  OptimizerRequest,
  OptimizerResults,
  ToWorker,
} from './optimizer-protocol';

export const STOP_GRACE_MS = 40;

export type JobOutcome<K extends OptimizerRequest['kind']> =
  | { readonly type: 'done'; readonly result: OptimizerResults[K] }
  /** Stopped before the worker could answer: use the last progress. */
  | { readonly type: 'cut-short' };

export type OptimizerJob<K extends OptimizerRequest['kind']> = {
  readonly outcome: Promise<JobOutcome<K>>;
  /** Asks the job to stop; it resolves with its best so far. */
  readonly stop: () => void;
};

export type Optimizer = {
  run<K extends OptimizerRequest['kind']>(
    request: Extract<OptimizerRequest, { kind: K }>,
    onProgress: (progress: OptimizerProgress) => void,
  ): OptimizerJob<K>;
};

/** The optimizer in a module Web Worker (the app's). */
export function createWorkerOptimizer(): Optimizer {
  let worker: Worker | undefined;
  let nextJob = 1;
  const spawn = () =>
    (worker ??= new Worker(new URL('./optimizer.worker.ts', import.meta.url), { type: 'module' }));
  return {
    run(request, onProgress) {
      const job = nextJob++;
      const shared = typeof SharedArrayBuffer !== 'undefined' && globalThis.crossOriginIsolated;
      const stopBuffer = shared ? new SharedArrayBuffer(4) : undefined;
      let settle: (outcome: JobOutcome<typeof request.kind>) => void = () => {};
      let fail: (error: Error) => void = () => {};
      let settled = false;
      const current = spawn();
      const finish = (outcome: JobOutcome<typeof request.kind>) => {
        if (settled) return;
        settled = true;
        current.removeEventListener('message', listen);
        settle(outcome);
      };
      const outcome = new Promise<JobOutcome<typeof request.kind>>((resolve, reject) => {
        settle = resolve;
        fail = reject;
      });
      function listen(event: MessageEvent<FromWorker>) {
        const message = event.data;
        if (message.job !== job) return;
        if (message.type === 'progress') onProgress(message.progress);
        else if (message.type === 'done') {
          finish({ type: 'done', result: message.result as OptimizerResults[typeof request.kind] });
        } else {
          settled = true;
          current.removeEventListener('message', listen);
          fail(new Error(message.message));
        }
      }
      const broken = () => {
        if (settled) return;
        settled = true;
        current.removeEventListener('message', listen);
        current.terminate();
        if (worker === current) worker = undefined;
        fail(new Error('The optimizer could not start in this window.'));
      };
      current.addEventListener('message', listen);
      current.addEventListener('error', broken, { once: true });
      const message: ToWorker = { job, request, ...(stopBuffer && { stop: stopBuffer }) };
      current.postMessage(message);
      return {
        outcome,
        stop: () => {
          if (settled) return;
          if (stopBuffer) Atomics.store(new Int32Array(stopBuffer), 0, 1);
          setTimeout(
            () => {
              if (settled) return;
              current.terminate();
              if (worker === current) worker = undefined;
              finish({ type: 'cut-short' });
            },
            stopBuffer ? STOP_GRACE_MS : 0,
          );
        },
      };
    },
  };
}

let appOptimizer: Optimizer | undefined;

/** The optimizer components use; tests provide their own. */
export const OptimizerContext = createContext<() => Optimizer>(
  () => (appOptimizer ??= createWorkerOptimizer()),
);

export function useOptimizer(): () => Optimizer {
  return useContext(OptimizerContext);
}
