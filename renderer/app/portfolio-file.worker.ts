/**
 * The module worker that reads a portfolio file's text: parsing and checking a file of tens of
 * thousands of initiatives takes longer than a frame, so it is done here and the window keeps
 * answering. The page talks to it through `portfolio-file-client.ts`: one text in, one result out.
 */
import { readPortfolioText, type RestoreResult } from '../../shared/portfolio/restore';

export type PortfolioFileRequest = { readonly type: 'read'; readonly text: string };

export type PortfolioFileResponse =
  | { readonly type: 'read'; readonly result: RestoreResult }
  | { readonly type: 'failed'; readonly message: string };

/** Answers one request; every outcome, a failure included, is a message. */
export function answer(request: unknown): PortfolioFileResponse {
  const message = request as Partial<PortfolioFileRequest> | null;
  if (message?.type !== 'read' || typeof message.text !== 'string') {
    return { type: 'failed', message: 'The file reader got a request it does not know.' };
  }
  try {
    return { type: 'read', result: readPortfolioText(message.text) };
  } catch (error) {
    return { type: 'failed', message: error instanceof Error ? error.message : String(error) };
  }
}

// Listen only when this module runs as a worker (tests import `answer` on its own).
if ('WorkerGlobalScope' in globalThis) {
  const scope = globalThis as unknown as {
    addEventListener: (type: 'message', listener: (event: MessageEvent) => void) => void;
    postMessage: (message: unknown) => void;
  };
  scope.addEventListener('message', (event) => scope.postMessage(answer(event.data)));
}
