/**
 * Keeps the last edits when the page goes away. A reload, a closed tab or a hidden window does
 * not wait for IndexedDB, so at that moment the edits still on their way to the database are
 * journalled in localStorage (see unstored-edits.ts). Before a desktop window closes, main asks
 * the page to store them properly first, through `window.batonStoreEdits`.
 */
import { journalUnstoredEdits, pendingEditCount, settleEdits } from './repository';

declare global {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- augmenting the global Window needs an interface
  interface Window {
    /** Stores every pending edit; resolves to how many were pending. Main calls it on close. */
    batonStoreEdits?: () => Promise<number>;
  }
}

/** Journals the pending edits, if any. */
function journalIfPending(): void {
  if (pendingEditCount() > 0) journalUnstoredEdits();
}

/** Stores every pending edit, journalling them first in case the wait is cut short. */
export async function storeEditsBeforeClose(): Promise<number> {
  const pending = pendingEditCount();
  if (pending === 0) return 0;
  journalUnstoredEdits();
  await settleEdits();
  return pending;
}

/** Watches the page for the moments it may go away; returns a function that stops watching. */
export function keepEditsOnExit(target: Window = window): () => void {
  const onVisibility = () => {
    if (target.document.visibilityState === 'hidden') journalIfPending();
  };
  target.addEventListener('beforeunload', journalIfPending);
  target.addEventListener('pagehide', journalIfPending);
  target.document.addEventListener('visibilitychange', onVisibility);
  target.batonStoreEdits = storeEditsBeforeClose;
  return () => {
    target.removeEventListener('beforeunload', journalIfPending);
    target.removeEventListener('pagehide', journalIfPending);
    target.document.removeEventListener('visibilitychange', onVisibility);
    delete target.batonStoreEdits;
  };
}
