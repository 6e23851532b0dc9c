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
    const job = createWorkerOptimizer().run(request, (update) => progress.push(update));
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

  it('without shared memory, stop ends the worker at once and the next job starts a new one', async () => {
    vi.stubGlobal('crossOriginIsolated', false);
    const optimizer = createWorkerOptimizer();
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
    const job = createWorkerOptimizer().run(request, () => {});
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
    const job = createWorkerOptimizer().run(request, () => {});
    job.stop();
    vi.advanceTimersByTime(STOP_GRACE_MS);
    await expect(job.outcome).resolves.toEqual({ type: 'cut-short' });
    expect(FakeWorker.made[0]!.terminated).toBe(true);
  });

  it('fails with the worker’s message, or when the worker cannot start', async () => {
    const optimizer = createWorkerOptimizer();
    const job = optimizer.run(request, () => {});
    FakeWorker.made[0]!.answer({ job: 1, type: 'error', message: 'out of memory' });
    await expect(job.outcome).rejects.toThrow('out of memory');
    const next = optimizer.run(request, () => {});
    FakeWorker.made[0]!.dispatchEvent(new Event('error'));
    await expect(next.outcome).rejects.toThrow('The optimizer could not start in this window.');
  });
});
