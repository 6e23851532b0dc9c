/**
 * The session's undo and redo stacks: the edits this window made, newest last. Kept beside the
 * storage that replays them (not in UI state, not persisted: a restart starts a new history).
 */
import { HISTORY_LIMIT, continuesEdit, mergeEdits, type Edit } from './changes';

export type HistoryState = {
  readonly undo: readonly Edit[];
  readonly redo: readonly Edit[];
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

/** Records a new edit: clears the redo stack, and merges typing into the last edit. */
export function recordEdit(edit: Edit): void {
  const last = state.undo[state.undo.length - 1];
  const undo = continuesEdit(last, edit)
    ? [...state.undo.slice(0, -1), mergeEdits(last as Edit, edit)]
    : [...state.undo, edit].slice(-HISTORY_LIMIT);
  publish({ ...state, undo, redo: [] });
}

/** Moves the last edit from the undo to the redo stack (after it was undone). */
export function markUndone(edit: Edit): void {
  if (state.undo[state.undo.length - 1] !== edit) return;
  publish({
    undo: state.undo.slice(0, -1),
    redo: [...state.redo, edit],
    replays: state.replays + 1,
  });
}

/** Moves the last undone edit back to the undo stack (after it was redone). */
export function markRedone(edit: Edit): void {
  if (state.redo[state.redo.length - 1] !== edit) return;
  publish({
    undo: [...state.undo, edit],
    redo: state.redo.slice(0, -1),
    replays: state.replays + 1,
  });
}

export function clearHistory(): void {
  publish({ undo: [], redo: [], replays: state.replays + 1 });
}
