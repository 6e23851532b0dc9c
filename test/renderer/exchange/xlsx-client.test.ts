/**
 * The worker client with a stand-in Worker that runs the worker's own `answer` in this thread
 * (jsdom has no workers; test/e2e/xlsx-worker.e2e.test.ts runs the real one in Chromium).
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readXlsxInWorker, writeXlsxInWorker } from '../../../renderer/exchange/xlsx-client';
import { answer, type XlsxResponse } from '../../../renderer/exchange/xlsx.worker';

// The tests run from the repository's root (jsdom gives import.meta.url an http: scheme).
const FIXTURE = resolve('test/fixtures/import/initiatives-merged.xlsx');

type Mode = 'works' | 'fails to load' | 'never answers';

/** Every worker started, to check that each is ended. */
let started: FakeWorker[] = [];
let mode: Mode = 'works';

class FakeWorker extends EventTarget {
  terminated = false;
  readonly url: string;
  readonly options: WorkerOptions | undefined;

  constructor(url: URL | string, options?: WorkerOptions) {
    super();
    this.url = String(url);
    this.options = options;
    started.push(this);
  }

  postMessage(message: unknown): void {
    if (mode === 'fails to load') {
      queueMicrotask(() => {
        this.dispatchEvent(Object.assign(new Event('error'), { message: 'Failed to fetch' }));
      });
      return;
    }
    if (mode === 'never answers') return;
    // A structured clone, as postMessage makes one.
    void answer(structuredClone(message), (response: XlsxResponse) => {
      if (!this.terminated) {
        this.dispatchEvent(new MessageEvent('message', { data: structuredClone(response) }));
      }
    });
  }

  terminate(): void {
    this.terminated = true;
  }
}

beforeEach(() => {
  started = [];
  mode = 'works';
  vi.stubGlobal('Worker', FakeWorker);
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('readXlsxInWorker', () => {
  it('reads a workbook in a module worker, relays progress and ends the worker', async () => {
    const bytes = new Uint8Array(await readFile(FIXTURE));
    const fractions: number[] = [];
    const result = await readXlsxInWorker(bytes, (fraction) => fractions.push(fraction));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.tables.map((table) => table.name)).toEqual(['Portfolio 2027', 'Capacity']);
    expect(fractions[0]).toBe(0);
    expect(fractions.at(-1)).toBe(1);
    expect(started).toHaveLength(1);
    expect(started[0]?.url).toMatch(/\/xlsx\.worker\.ts\b/);
    expect(started[0]?.options?.type).toBe('module');
    expect(started[0]?.terminated).toBe(true);
    // The caller's bytes are copied, not moved: they are still there.
    expect(bytes.length).toBeGreaterThan(0);
  });

  it('answers with a problem for a file that is not a workbook', async () => {
    const result = await readXlsxInWorker(new TextEncoder().encode('a,b\n1,2\n'));
    expect(result).toMatchObject({ ok: false, problemCount: 1 });
  });

  it('answers with a problem, not a throw, when the worker cannot start', async () => {
    mode = 'fails to load';
    const result = await readXlsxInWorker(new Uint8Array([1, 2, 3]));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems[0]?.message).toMatch(
      /^The workbook could not be read: Failed to fetch\. Reload Baton/,
    );
    expect(started[0]?.terminated).toBe(true);
  });

  it('rejects with an AbortError and ends the worker when cancelled', async () => {
    mode = 'never answers';
    const controller = new AbortController();
    const pending = readXlsxInWorker(new Uint8Array([1]), undefined, controller.signal);
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    expect(started[0]?.terminated).toBe(true);
  });

  it('starts no worker when the signal has already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(
      readXlsxInWorker(new Uint8Array([1]), undefined, controller.signal),
    ).rejects.toMatchObject({ name: 'AbortError' });
    expect(started).toHaveLength(0);
  });
});

describe('writeXlsxInWorker', () => {
  it('writes the tables as a workbook that reads back', async () => {
    const bytes = await writeXlsxInWorker([
      { name: 'capacity', header: ['team', 'P1'], rows: [['platform', 4]] },
    ]);
    expect(Object.prototype.toString.call(bytes)).toBe('[object Uint8Array]');
    const back = await readXlsxInWorker(bytes);
    expect(back.ok && back.tables[0]?.rows).toEqual([
      ['team', 'P1'],
      ['platform', 4],
    ]);
    expect(started.every((worker) => worker.terminated)).toBe(true);
  });

  it('rejects with a sentence when the worker cannot start', async () => {
    mode = 'fails to load';
    await expect(writeXlsxInWorker([])).rejects.toThrow(
      'The workbook could not be written: Failed to fetch.',
    );
  });
});
