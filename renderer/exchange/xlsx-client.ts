/**
 * Reading and writing XLSX workbooks off the main thread: each call starts a module worker
 * (`xlsx.worker.ts`, where exceljs is loaded), sends it the bytes or the tables, relays its
 * progress, and ends it when the answer is in. An AbortSignal ends it early. Reading never
 * rejects for a bad file or a worker that cannot start: it answers with problems, like
 * `readXlsx` itself.
 */
import type { Table } from '../../shared/exchange/tables';
import type { XlsxReadResult } from '../../shared/exchange/xlsx';
import type { XlsxRequest, XlsxResponse } from './xlsx.worker';

function startWorker(): Worker {
  return new Worker(new URL('./xlsx.worker.ts', import.meta.url), {
    type: 'module',
    name: 'baton-xlsx',
  });
}

function aborted(what: string): DOMException {
  return new DOMException(`The ${what} was cancelled.`, 'AbortError');
}

/**
 * Sends one request to a new worker and settles with what `settle` makes of its answer; the
 * worker is ended however it goes.
 */
function run<T>(
  request: XlsxRequest,
  what: string,
  settle: (response: XlsxResponse) => T | undefined,
  onFailure: (message: string) => T | Error,
  onProgress?: (fraction: number) => void,
  signal?: AbortSignal,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    if (signal?.aborted) {
      reject(aborted(what));
      return;
    }
    let worker: Worker;
    try {
      worker = startWorker();
    } catch (error) {
      const failure = onFailure(error instanceof Error ? error.message : String(error));
      if (failure instanceof Error) reject(failure);
      else resolve(failure);
      return;
    }
    const finish = (): void => {
      worker.terminate();
      signal?.removeEventListener('abort', onAbort);
    };
    const fail = (message: string): void => {
      finish();
      const failure = onFailure(message);
      if (failure instanceof Error) reject(failure);
      else resolve(failure);
    };
    function onAbort(): void {
      finish();
      reject(aborted(what));
    }
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.addEventListener('message', (event: MessageEvent<XlsxResponse>) => {
      const response = event.data;
      if (response.type === 'progress') {
        try {
          onProgress?.(response.fraction);
        } catch {
          // A progress listener's failure is not the workbook's: the read goes on.
        }
        return;
      }
      if (response.type === 'failed') {
        fail(response.message);
        return;
      }
      const value = settle(response);
      finish();
      if (value === undefined) reject(new Error(`The spreadsheet worker gave a wrong answer.`));
      else resolve(value);
    });
    worker.addEventListener('error', (event: ErrorEvent) => {
      event.preventDefault();
      fail(event.message || 'the worker could not be loaded');
    });
    worker.addEventListener('messageerror', () => fail('its answer could not be read'));
    worker.postMessage(request);
  });
}

/**
 * Every worksheet of the workbook in `bytes`, read in a worker (the bytes are copied, not
 * moved). Answers with problems for a file that is not a readable workbook and when the worker
 * cannot run; rejects only with an AbortError when `signal` aborts.
 */
export function readXlsxInWorker(
  bytes: Uint8Array,
  onProgress?: (fraction: number) => void,
  signal?: AbortSignal,
): Promise<XlsxReadResult> {
  return run<XlsxReadResult>(
    { type: 'read', bytes },
    'spreadsheet read',
    (response) => (response.type === 'read' ? response.result : undefined),
    (message) => ({
      ok: false,
      problems: [
        {
          message: `The workbook could not be read: ${message}. Reload Baton and try again; if it happens again, save the sheet as CSV and import that.`,
        },
      ],
      problemCount: 1,
    }),
    onProgress,
    signal,
  );
}

/** The tables as an XLSX workbook, made in a worker; rejects with a sentence when it fails. */
export function writeXlsxInWorker(
  tables: readonly Table[],
  signal?: AbortSignal,
): Promise<Uint8Array> {
  return run<Uint8Array>(
    { type: 'write', tables },
    'spreadsheet export',
    (response) => (response.type === 'written' ? response.bytes : undefined),
    (message) => new Error(`The workbook could not be written: ${message}.`),
    undefined,
    signal,
  );
}
