/**
 * This window's undo and redo stacks: the change-history entries it made, newest last. They are
 * kept in the database under the window's key (kept in sessionStorage, so a reload finds them),
 * and mirrored here for the labels of the Undo and Redo buttons.
 */
import Dexie from 'dexie';
import { HISTORY_LIMIT } from './changes';
import { db } from './database';

export type StackEntry = { readonly seq: number; readonly label: string };

export type HistoryState = {
  readonly undo: readonly StackEntry[];
  readonly redo: readonly StackEntry[];
  /** Counts undos, redos and resets: fields show the stored value again when it moves. */
  readonly replays: number;
};

let state: HistoryState = { undo: [], redo: [], replays: 0 };
const listeners = new Set<() => void>();

function publish(next: HistoryState): void {
  state = next;
  for (const listener of listeners) listener();
}

export function getHistory(): HistoryState {
  return state;
}

export function subscribeHistory(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const WINDOW_KEY = 'baton:window';
let windowKey: string | undefined;

/** This window's key: the same after a reload of the window, another for every other window. */
export function currentWindow(): string {
  if (windowKey) return windowKey;
  let key: string | null;
  try {
    key = globalThis.sessionStorage?.getItem(WINDOW_KEY) ?? null;
  } catch {
    key = null;
  }
  if (!key) {
    key = `w-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
    try {
      globalThis.sessionStorage?.setItem(WINDOW_KEY, key);
    } catch {
      // No session storage: the history lasts as long as the page.
    }
  }
  windowKey = key;
  return key;
}

/**
 * Keeps `next` at once (the next undo in the queue reads it) and tells the screen once the
 * transaction it is part of has stored the data too: a field or the board that moves with an undo
 * must see the data it undid, not the data before.
 */
async function save(next: HistoryState, stored = false): Promise<void> {
  state = next;
  const transaction = Dexie.currentTransaction;
  if (transaction) transaction.on('complete', () => publish(state));
  else publish(next);
  // The entries did not change (a label grew with typing): the stored stacks are still right.
  if (stored) return;
  await db.stacks.put({
    window: currentWindow(),
    undo: next.undo.map((entry) => entry.seq),
    redo: next.redo.map((entry) => entry.seq),
  });
}

/** Reads this window's stacks from the database (after a reload), with the entries' labels. */
export async function loadStacks(): Promise<void> {
  // None stored yet: this window has nothing to undo (a write that would have been its first was
  // rolled back, say).
  const row = (await db.stacks.get(currentWindow())) ?? { undo: [], redo: [] };
  const seqs = [...row.undo, ...row.redo];
  const entries = await db.history.bulkGet(seqs);
  const labels = new Map<number, string>();
  for (const entry of entries) if (entry) labels.set(entry.seq, entry.label);
  const known = (seq: number) => labels.has(seq);
  publish({
    undo: row.undo.filter(known).map((seq) => ({ seq, label: labels.get(seq) as string })),
    redo: row.redo.filter(known).map((seq) => ({ seq, label: labels.get(seq) as string })),
    replays: state.replays + 1,
  });
}

/** The entry Undo (or Redo) would replay. */
export function stackTop(which: 'undo' | 'redo'): StackEntry | undefined {
  return state[which].at(-1);
}

/** Records a new edit (or, `merged`, the last one grown by typing): clears the redo stack. */
export function pushEdit(entry: StackEntry, merged: boolean): Promise<void> {
  const undo = merged
    ? [...state.undo.slice(0, -1), entry]
    : [...state.undo, entry].slice(-HISTORY_LIMIT);
  return save({ ...state, undo, redo: [] }, merged && state.redo.length === 0);
}

/** Moves the last edit from the undo to the redo stack (after it was undone). */
export function moveToRedo(entry: StackEntry): Promise<void> {
  if (state.undo.at(-1)?.seq !== entry.seq) return Promise.resolve();
  return save({
    undo: state.undo.slice(0, -1),
    redo: [...state.redo, entry],
    replays: state.replays + 1,
  });
}

/** Moves the last undone edit back to the undo stack (after it was redone). */
export function moveToUndo(entry: StackEntry): Promise<void> {
  if (state.redo.at(-1)?.seq !== entry.seq) return Promise.resolve();
  return save({
    undo: [...state.undo, entry],
    redo: state.redo.slice(0, -1),
    replays: state.replays + 1,
  });
}

/** Empties this window's stacks. */
export function clearStacks(): Promise<void> {
  return save({ undo: [], redo: [], replays: state.replays + 1 });
}

/** Empties the stacks in memory only (a test starting over, the database deleted). */
export function resetStacks(): void {
  windowKey = undefined;
  publish({ undo: [], redo: [], replays: state.replays + 1 });
}
