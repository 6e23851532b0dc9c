/**
 * The page's side of the optimizer: one Web Worker, one job at a time. Stopping sets a shared
 * flag the solver polls; if the worker has not answered within `STOP_GRACE_MS` (a long presolve
 * does not poll), it is ended and the caller keeps what progress already brought.
 */
import { createContext, useContext } from 'react';
import type { OptimizeResult } from '../../../../shared/optimize/optimize';
import { ABSOLUTE_GAP, relativeGap } from '../../../../shared/optimize/solve';
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
  /** Starts the solver ahead of the first job, so that the first job runs at full speed. */
  warm?(): void;
  run<K extends OptimizerRequest['kind']>(
    request: Extract<OptimizerRequest, { kind: K }>,
    onProgress: (progress: OptimizerProgress) => void,
  ): OptimizerJob<K>;
};

/**
 * One Web Worker, one job at a time. When a stop has to end it, a fresh one is started (and warms
 * up) at once, so that the next job does not pay for a cold solver.
 */
function workerSlot(): Optimizer & { warm(): void } {
  let worker: Worker | undefined;
  let nextJob = 1;
  const spawn = () =>
    (worker ??= new Worker(new URL('./optimizer.worker.ts', import.meta.url), { type: 'module' }));
  return {
    warm() {
      spawn();
    },
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
              if (worker === current) {
                worker = undefined;
                spawn();
              }
              finish({ type: 'cut-short' });
            },
            stopBuffer ? STOP_GRACE_MS : 0,
          );
        },
      };
    },
  };
}

/** The best of two solves' progress so far: the better plan's value, the tighter bound. */
type Merged = { objective: number; bound: number };

/**
 * Two solves of one portfolio as one: the better plan, the tighter bound. Every update is passed
 * on (the view's clock and progress bar follow `elapsed`, the longest either solve has run), with
 * the merged value, bound and gap; the plan travels with a better value only.
 */
function mergeProgress(forward: (progress: OptimizerProgress) => void): {
  readonly listen: (progress: OptimizerProgress) => void;
  readonly merged: Merged;
} {
  const merged: Merged = { objective: Number.NEGATIVE_INFINITY, bound: Number.POSITIVE_INFINITY };
  let elapsed = 0;
  const listen = (progress: OptimizerProgress) => {
    if (progress.kind !== 'optimize') return;
    const update = progress.progress;
    const better = update.objective !== undefined && update.objective > merged.objective;
    if (better) merged.objective = update.objective as number;
    if (update.bound !== undefined) merged.bound = Math.min(merged.bound, update.bound);
    elapsed = Math.max(elapsed, update.elapsed);
    const { plan, objective: _o, bound: _b, gap: _g, ...rest } = update;
    const { objective, bound } = merged;
    const known = Number.isFinite(objective) && Number.isFinite(bound);
    forward({
      kind: 'optimize',
      progress: {
        ...rest,
        elapsed,
        ...(Number.isFinite(objective) && { objective }),
        ...(Number.isFinite(bound) && { bound: Math.max(bound, objective) }),
        ...(known && { gap: relativeGap(objective, Math.max(bound, objective)) }),
        ...(better && plan && { plan }),
      },
    });
  };
  return { listen, merged };
}

const STATUS_RANK: Readonly<Record<OptimizeResult['status'], number>> = {
  optimal: 3,
  feasible: 2,
  unknown: 1,
  infeasible: 0,
};

/**
 * The answer of several finished solves: an infeasible one as it is (with its conflict); else the
 * best value (on equal values the surer status), with the tightest bound any solve proved.
 */
function mergeResults(results: readonly OptimizeResult[], progressBound: number): OptimizeResult {
  const infeasible = results.find((result) => result.status === 'infeasible');
  if (infeasible) return infeasible;
  const best = results.reduce((a, b) =>
    b.objective > a.objective ||
    (b.objective === a.objective && STATUS_RANK[b.status] > STATUS_RANK[a.status])
      ? b
      : a,
  );
  const bound = Math.max(
    best.objective,
    Math.min(progressBound, ...results.map((result) => result.bound)),
  );
  const proven = results.some((result) => result.status === 'optimal');
  const gap = relativeGap(best.objective, bound);
  return {
    ...best,
    bound,
    gap,
    status: best.status === 'feasible' && (proven || gap === 0) ? 'optimal' : best.status,
  };
}

/**
 * The optimizer in module Web Workers (the app's). With `solvers` 2, an optimize job runs as two
 * differently seeded searches side by side, one per worker (on a machine with two cores or more
 * each has one): they find different plans, and the better one, with the tighter bound, is the
 * answer. Other jobs run in the first worker.
 */
export function createWorkerOptimizer(options: { readonly solvers?: number } = {}): Optimizer {
  const cores = typeof navigator === 'undefined' ? 1 : (navigator.hardwareConcurrency ?? 1);
  const count = Math.max(1, Math.min(2, options.solvers ?? (cores >= 2 ? 2 : 1)));
  const slots = Array.from({ length: count }, () => workerSlot());
  const first = slots[0] as ReturnType<typeof workerSlot>;
  return {
    warm() {
      for (const slot of slots) slot.warm();
    },
    run(request, onProgress) {
      if (request.kind !== 'optimize' || slots.length === 1) return first.run(request, onProgress);
      const { listen, merged } = mergeProgress(onProgress);
      const optimize = request as Extract<OptimizerRequest, { kind: 'optimize' }>;
      const jobs = slots.map((slot, seed) => slot.run({ ...optimize, seed }, listen));
      const outcome = Promise.allSettled(jobs.map((job) => job.outcome)).then((settled) => {
        const done = settled.flatMap((entry) =>
          entry.status === 'fulfilled' && entry.value.type === 'done'
            ? [entry.value.result as OptimizeResult]
            : [],
        );
        const cutShort = settled.some(
          (entry) => entry.status === 'fulfilled' && entry.value.type === 'cut-short',
        );
        const finished = Math.max(...done.map((result) => result.objective));
        // A solve that was ended may have reported a better plan (already on screen) than any
        // finished one: then the caller finishes that plan, with the merged bound.
        if (done.length > 0 && !(cutShort && merged.objective > finished + ABSOLUTE_GAP)) {
          return { type: 'done' as const, result: mergeResults(done, merged.bound) };
        }
        if (cutShort) return { type: 'cut-short' as const };
        throw (settled[0] as PromiseRejectedResult).reason;
      });
      return {
        outcome: outcome as Promise<JobOutcome<typeof request.kind>>,
        stop: () => {
          for (const job of jobs) job.stop();
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
