/**
 * Before a Baton window closes, the page stores the edits still on their way to its database
 * (IndexedDB does not finish a write for a page that is gone). The first close is held, the page
 * is asked to store them, and the window closes once it answers, or after a few seconds if it
 * does not (the page has journalled them by then; they are restored at the next start).
 */
import type { BrowserWindow } from 'electron';

/** Calls the page's own function (renderer/db/keep-edits.ts); null when the page has none. */
export const STORE_EDITS_SCRIPT = 'window.batonStoreEdits ? window.batonStoreEdits() : null';

/** How long a closing window waits for its page to store its edits. */
export const STORE_EDITS_TIMEOUT_MS = 4000;

export type CloseGuardOptions = {
  readonly timeoutMs?: number;
  /** Whether the app is quitting: then the app quits once the page is done, not just the window. */
  readonly quitting: () => boolean;
  readonly quit: () => void;
};

type GuardedWindow = Pick<BrowserWindow, 'on' | 'close' | 'isDestroyed'> & {
  readonly webContents: Pick<BrowserWindow['webContents'], 'executeJavaScript'>;
};

/** Holds the window's close until its page has stored its pending edits. */
export function storeEditsBeforeClose(window: GuardedWindow, options: CloseGuardOptions): void {
  const timeoutMs = options.timeoutMs ?? STORE_EDITS_TIMEOUT_MS;
  let asked = false;
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    if (window.isDestroyed()) return;
    // A quit was cancelled by the held close: quit again now, or only the window would go.
    if (options.quitting()) options.quit();
    else window.close();
  };
  window.on('close', (event) => {
    if (released) return;
    event.preventDefault();
    if (asked) return;
    asked = true;
    const timer = setTimeout(release, timeoutMs);
    window.webContents
      .executeJavaScript(STORE_EDITS_SCRIPT)
      .catch((error: unknown) => {
        console.warn('The page could not store its last edits before closing', error);
      })
      .finally(() => {
        clearTimeout(timer);
        release();
      });
  });
}
