/**
 * The module worker that reads and writes XLSX workbooks, so that exceljs (a large library, and
 * seconds of work on a big workbook) is loaded only here and never freezes the window. The page
 * talks to it through `xlsx-client.ts`: one request per worker, answered with progress messages
 * and then one result.
 */
import type { Table } from '../../shared/exchange/tables';
import { readXlsx, writeXlsx, type XlsxReadResult } from '../../shared/exchange/xlsx';

export type XlsxRequest =
  | { readonly type: 'read'; readonly bytes: Uint8Array }
  | { readonly type: 'write'; readonly tables: readonly Table[] };

export type XlsxResponse =
  | { readonly type: 'progress'; readonly fraction: number }
  | { readonly type: 'read'; readonly result: XlsxReadResult }
  | { readonly type: 'written'; readonly bytes: Uint8Array }
  | { readonly type: 'failed'; readonly message: string };

export type Reply = (response: XlsxResponse, transfer?: Transferable[]) => void;

/** Checked by tag, not instanceof: a Uint8Array made in another realm is one too. */
function isBytes(value: unknown): value is Uint8Array {
  return Object.prototype.toString.call(value) === '[object Uint8Array]';
}

/** Answers one request; every outcome, a failure included, is a message. */
export async function answer(request: unknown, reply: Reply): Promise<void> {
  try {
    const message = request as Partial<XlsxRequest> | null;
    if (message?.type === 'read' && isBytes(message.bytes)) {
      const result = await readXlsx(message.bytes, (fraction) =>
        reply({ type: 'progress', fraction }),
      );
      reply({ type: 'read', result });
    } else if (message?.type === 'write' && Array.isArray(message.tables)) {
      const bytes = await writeXlsx(message.tables);
      reply({ type: 'written', bytes }, [bytes.buffer]);
    } else {
      reply({ type: 'failed', message: 'The spreadsheet worker got a request it does not know.' });
    }
  } catch (error) {
    reply({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
  }
}

// Listen only when this module runs as a worker (tests import `answer` on its own).
if ('WorkerGlobalScope' in globalThis) {
  const scope = globalThis as unknown as {
    addEventListener: (type: 'message', listener: (event: MessageEvent) => void) => void;
    postMessage: (message: unknown, transfer: Transferable[]) => void;
  };
  scope.addEventListener('message', (event) => {
    void answer(event.data, (response, transfer = []) => scope.postMessage(response, transfer));
  });
}
