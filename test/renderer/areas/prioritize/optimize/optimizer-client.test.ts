import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  STOP_GRACE_MS,
  createWorkerOptimizer,
} from '../../../../../renderer/areas/prioritize/optimize/optimizer-client';
import type {
  FromWorker,
  ToWorker,
} from '../../../../../renderer/areas/prioritize/optimize/optimizer-protocol';
import type { Portfolio } from '../../../../../shared/portfolio/types';

/** A stand-in for the browser's Worker: records what it is sent; the test answers for it. */
class FakeWorker extends EventTarget {
  static made: FakeWorker[] = [];
  sent: ToWorker[] = [];
  terminated = false;
  constructor(
    readonly url: URL,
    readonly options: WorkerOptions,
  ) {
    super();
    FakeWorker.made.push(this);
  }
  postMessage(message: ToWorker) {
    this.sent.push(message);
  }
  terminate() {
    this.terminated = true;
  }
  answer(message: FromWorker) {
    this.dispatchEvent(new MessageEvent('message', { data: message }));
  }
}

const PORTFOLIO: Portfolio = {
  name: 'P',
  periods: [],
  teams: [],
  objectives: [],
  initiatives: [],
  scenarios: [],
};
const request = { kind: 'optimize', portfolio: PORTFOLIO, scenarioId: 's', timeLimit: 5 } as const;

beforeEach(() => {
  FakeWorker.made = [];
  vi.stubGlobal('Worker', FakeWorker);
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('the optimizer client', () => {
  it('starts a module worker, forwards progress and resolves with the answer', async () => {
    const progress: unknown[] = [];
    const job = createWorkerOptimizer({ solvers: 1 }).run(request, (update) =>
      progress.push(update),
    );
    const worker = FakeWorker.made[0]!;
    expect(worker.options).toEqual({ type: 'module' });
    expect(worker.sent[0]).toMatchObject({ job: 1, request });
    const update = { kind: 'optimize', progress: { elapsed: 0.1, objective: 5 } } as const;
    worker.answer({ job: 1, type: 'progress', progress: update });
    worker.answer({ job: 2, type: 'progress', progress: update }); // another job's: ignored
    worker.answer({ job: 1, type: 'done', result: { status: 'optimal' } as never });
    await expect(job.outcome).resolves.toEqual({ type: 'done', result: { status: 'optimal' } });
    expect(progress).toEqual([update]);
  });

  it('warm starts the one worker ahead of the first job, which then runs in it', () => {
    const optimizer = createWorkerOptimizer({ solvers: 1 });
    optimizer.warm?.();
    optimizer.warm?.();
    expect(FakeWorker.made).toHaveLength(1);
    expect(FakeWorker.made[0]!.sent).toEqual([]);
    optimizer.run(request, () => {});
    expect(FakeWorker.made).toHaveLength(1);
    expect(FakeWorker.made[0]!.sent[0]).toMatchObject({ job: 1, request });
  });

  it('without shared memory, stop ends the worker at once and the next job starts a new one', async () => {
    vi.stubGlobal('crossOriginIsolated', false);
    const optimizer = createWorkerOptimizer({ solvers: 1 });
    const job = optimizer.run(request, () => {});
    expect(FakeWorker.made[0]!.sent[0]!.stop).toBeUndefined();
    job.stop();
    await expect(job.outcome).resolves.toEqual({ type: 'cut-short' });
    expect(FakeWorker.made[0]!.terminated).toBe(true);
    optimizer.run(request, () => {});
    expect(FakeWorker.made).toHaveLength(2);
  });

  it('with shared memory, stop raises the flag and takes the answer that comes within the grace', async () => {
    vi.stubGlobal('crossOriginIsolated', true);
    vi.useFakeTimers();
    const job = createWorkerOptimizer({ solvers: 1 }).run(request, () => {});
    const worker = FakeWorker.made[0]!;
    const flag = new Int32Array(worker.sent[0]!.stop as SharedArrayBuffer);
    expect(Atomics.load(flag, 0)).toBe(0);
    job.stop();
    expect(Atomics.load(flag, 0)).toBe(1);
    vi.advanceTimersByTime(STOP_GRACE_MS / 2);
    worker.answer({ job: 1, type: 'done', result: { stopped: true } as never });
    await expect(job.outcome).resolves.toEqual({ type: 'done', result: { stopped: true } });
    vi.advanceTimersByTime(STOP_GRACE_MS);
    expect(worker.terminated).toBe(false);
  });

  it('ends a worker that does not answer a stop within the grace', async () => {
    vi.stubGlobal('crossOriginIsolated', true);
    vi.useFakeTimers();
    const job = createWorkerOptimizer({ solvers: 1 }).run(request, () => {});
    job.stop();
    vi.advanceTimersByTime(STOP_GRACE_MS);
    await expect(job.outcome).resolves.toEqual({ type: 'cut-short' });
    expect(FakeWorker.made[0]!.terminated).toBe(true);
  });

  it('fails with the worker’s message, or when the worker cannot start', async () => {
    const optimizer = createWorkerOptimizer({ solvers: 1 });
    const job = optimizer.run(request, () => {});
    FakeWorker.made[0]!.answer({ job: 1, type: 'error', message: 'out of memory' });
    await expect(job.outcome).rejects.toThrow('out of memory');
    const next = optimizer.run(request, () => {});
    FakeWorker.made[0]!.dispatchEvent(new Event('error'));
    await expect(next.outcome).rejects.toThrow('The optimizer could not start in this window.');
  });

  it('with two solvers, runs two seeds side by side and keeps the better plan and the tighter bound', async () => {
    const optimizer = createWorkerOptimizer({ solvers: 2 });
    optimizer.warm?.();
    expect(FakeWorker.made).toHaveLength(2);
    const progress: unknown[] = [];
    const job = optimizer.run(request, (update) => progress.push(update));
    const [a, b] = FakeWorker.made as [FakeWorker, FakeWorker];
    expect(a.sent[0]).toMatchObject({ request: { ...request, seed: 0 } });
    expect(b.sent[0]).toMatchObject({ request: { ...request, seed: 1 } });
    const plan = (id: string) => [{ id, startIndex: 0 }];
    const say = (worker: FakeWorker, update: Record<string, unknown>) =>
      worker.answer({
        job: 1,
        type: 'progress',
        progress: { kind: 'optimize', progress: { elapsed: 0.1, ...update } },
      });
    say(a, { objective: 10, plan: plan('a'), bound: 20 });
    say(b, { objective: 8, plan: plan('b') }); // worse: its plan is not shown
    say(b, { objective: 12, plan: plan('b2') });
    say(a, { bound: 15 });
    expect(progress).toEqual([
      {
        kind: 'optimize',
        progress: { elapsed: 0.1, objective: 10, bound: 20, gap: 1, plan: plan('a') },
      },
      { kind: 'optimize', progress: { elapsed: 0.1, objective: 10, bound: 20, gap: 1 } },
      {
        kind: 'optimize',
        progress: { elapsed: 0.1, objective: 12, bound: 20, gap: 8 / 12, plan: plan('b2') },
      },
      { kind: 'optimize', progress: { elapsed: 0.1, objective: 12, bound: 15, gap: 3 / 12 } },
    ]);
    const result = (objective: number, bound: number) =>
      ({ status: 'feasible', objective, bound, gap: (bound - objective) / objective }) as never;
    a.answer({ job: 1, type: 'done', result: result(13, 14) });
    b.answer({ job: 1, type: 'done', result: result(14, 16) });
    await expect(job.outcome).resolves.toEqual({
      type: 'done',
      result: { status: 'optimal', objective: 14, bound: 14, gap: 0 },
    });
  });

  it('with two solvers, stop stops both and the other jobs run in one worker', async () => {
    vi.stubGlobal('crossOriginIsolated', false);
    const optimizer = createWorkerOptimizer({ solvers: 2 });
    const job = optimizer.run(request, () => {});
    job.stop();
    await expect(job.outcome).resolves.toEqual({ type: 'cut-short' });
    expect(FakeWorker.made.slice(0, 2).every((worker) => worker.terminated)).toBe(true);
    const frontier = {
      kind: 'frontier',
      portfolio: PORTFOLIO,
      scenarioId: 's',
      points: 5,
      timeLimit: 5,
    } as const;
    optimizer.run(frontier, () => {});
    const sent = FakeWorker.made.flatMap((worker) =>
      worker.sent.map((message) => message.request.kind),
    );
    expect(sent.filter((kind) => kind === 'frontier')).toHaveLength(1);
  });

  describe('with two solvers', () => {
    const plan = (id: string) => [{ id, startIndex: 0 }];
    const say = (worker: FakeWorker, update: Record<string, unknown>) =>
      worker.answer({
        job: 1,
        type: 'progress',
        progress: { kind: 'optimize', progress: { elapsed: 0.1, ...update } },
      });
    const result = (status: string, objective: number, bound: number, more = {}) =>
      ({ status, objective, bound, gap: 0, ...more }) as never;

    it('keeps the clock and the progress bar moving while neither solve improves', () => {
      const progress: { progress: Record<string, unknown> }[] = [];
      createWorkerOptimizer({ solvers: 2 }).run(request, (update) =>
        progress.push(update as never),
      );
      const [a, b] = FakeWorker.made as [FakeWorker, FakeWorker];
      say(a, { objective: 10, plan: plan('a'), bound: 20 });
      say(b, { elapsed: 1, objective: 9, bound: 25 });
      say(a, { elapsed: 2, objective: 10, bound: 20 });
      say(b, { elapsed: 1.5 });
      expect(progress.map((update) => update.progress.elapsed)).toEqual([0.1, 1, 2, 2]);
      expect(progress.at(-1)!.progress).toEqual({ elapsed: 2, objective: 10, bound: 20, gap: 1 });
    });

    it('after a stop, keeps the better plan of a solve that had to be ended over a worse finished one', async () => {
      vi.stubGlobal('crossOriginIsolated', true);
      vi.useFakeTimers();
      const progress: { progress: Record<string, unknown> }[] = [];
      const job = createWorkerOptimizer({ solvers: 2 }).run(request, (update) =>
        progress.push(update as never),
      );
      const [a, b] = FakeWorker.made as [FakeWorker, FakeWorker];
      say(a, { objective: 12, plan: plan('a'), bound: 30 });
      say(b, { objective: 10, plan: plan('b'), bound: 20 });
      job.stop();
      b.answer({ job: 1, type: 'done', result: result('feasible', 10, 20) });
      vi.advanceTimersByTime(STOP_GRACE_MS);
      expect(a.terminated).toBe(true);
      // The caller finishes the plan on screen (worth 12) with the merged bound.
      await expect(job.outcome).resolves.toEqual({ type: 'cut-short' });
      expect(progress.at(-1)!.progress).toMatchObject({ objective: 12, bound: 20 });
      expect(progress.filter((update) => update.progress.plan).at(-1)!.progress.plan).toEqual(
        plan('a'),
      );
    });

    it('after a stop, takes the finished answer when it is as good, with the bound the ended solve proved', async () => {
      vi.stubGlobal('crossOriginIsolated', true);
      vi.useFakeTimers();
      const job = createWorkerOptimizer({ solvers: 2 }).run(request, () => {});
      const [a, b] = FakeWorker.made as [FakeWorker, FakeWorker];
      say(a, { objective: 9, plan: plan('a'), bound: 11 });
      job.stop();
      b.answer({ job: 1, type: 'done', result: result('feasible', 10, 20) });
      vi.advanceTimersByTime(STOP_GRACE_MS);
      await expect(job.outcome).resolves.toEqual({
        type: 'done',
        result: { status: 'feasible', objective: 10, bound: 11, gap: 0.1 },
      });
    });

    const finishBoth = async (first: never, second: never) => {
      const job = createWorkerOptimizer({ solvers: 2 }).run(request, () => {});
      const [a, b] = FakeWorker.made as [FakeWorker, FakeWorker];
      a.answer({ job: 1, type: 'done', result: first });
      b.answer({ job: 1, type: 'done', result: second });
      const outcome = await job.outcome;
      return outcome.type === 'done' ? outcome.result : undefined;
    };

    it('on equal values prefers the proven answer', async () => {
      const unknown = result('unknown', 0, Number.POSITIVE_INFINITY);
      const optimal = result('optimal', 0, 0);
      expect(await finishBoth(unknown, optimal)).toMatchObject({ status: 'optimal', bound: 0 });
    });

    it('reports an infeasible portfolio with its conflict, whatever the other solve says', async () => {
      const conflict = { forced: ['x', 'y'], message: 'x and y cannot both be done' };
      const unknown = result('unknown', 0, Number.POSITIVE_INFINITY);
      const infeasible = result('infeasible', 0, 0, { conflict });
      expect(await finishBoth(unknown, infeasible)).toMatchObject({
        status: 'infeasible',
        conflict,
      });
    });
  });

  it('starts and warms a fresh worker as soon as a stop has to end one', async () => {
    vi.stubGlobal('crossOriginIsolated', true);
    vi.useFakeTimers();
    const optimizer = createWorkerOptimizer({ solvers: 1 });
    const job = optimizer.run(request, () => {});
    job.stop();
    vi.advanceTimersByTime(STOP_GRACE_MS);
    await expect(job.outcome).resolves.toEqual({ type: 'cut-short' });
    expect(FakeWorker.made).toHaveLength(2);
    expect(FakeWorker.made[1]!.terminated).toBe(false);
    optimizer.run(request, () => {});
    expect(FakeWorker.made).toHaveLength(2);
    expect(FakeWorker.made[1]!.sent[0]).toMatchObject({ job: 2, request });
  });
});
