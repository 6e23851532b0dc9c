/**
 * Reads a portfolio file's text off the main thread (`portfolio-file.worker.ts`): the same
 * answer as `readPortfolioText`, without freezing the window on a big file. Where no worker can
 * run (a worker that fails to start or to answer), the text is read here instead, so a file
 * always reads the same way.
 */
import { readPortfolioText, type RestoreResult } from '../../shared/portfolio/restore';
import type { PortfolioFileRequest, PortfolioFileResponse } from './portfolio-file.worker';

/** Files shorter than this are read at once, here: a worker's start would cost more. */
const READ_HERE_BELOW = 200_000;

function startWorker(): Worker {
  return new Worker(new URL('./portfolio-file.worker.ts', import.meta.url), {
    type: 'module',
    name: 'baton-portfolio-file',
  });
}

/** The file's portfolio, or the problems that refuse it, as `readPortfolioText` answers. */
export function readPortfolioFileText(text: string): Promise<RestoreResult> {
  if (text.length < READ_HERE_BELOW || typeof Worker === 'undefined') {
    return Promise.resolve(readPortfolioText(text));
  }
  return new Promise<RestoreResult>((resolve) => {
    let worker: Worker;
    try {
      worker = startWorker();
    } catch {
      resolve(readPortfolioText(text));
      return;
    }
    let settled = false;
    const settle = (result: () => RestoreResult): void => {
      if (settled) return;
      settled = true;
      worker.terminate();
      resolve(result());
    };
    worker.addEventListener('message', (event: MessageEvent<PortfolioFileResponse>) => {
      const response = event.data;
      settle(() => (response.type === 'read' ? response.result : readPortfolioText(text)));
    });
    worker.addEventListener('error', (event: ErrorEvent) => {
      event.preventDefault();
      settle(() => readPortfolioText(text));
    });
    worker.addEventListener('messageerror', () => settle(() => readPortfolioText(text)));
    const request: PortfolioFileRequest = { type: 'read', text };
    worker.postMessage(request);
  });
}
