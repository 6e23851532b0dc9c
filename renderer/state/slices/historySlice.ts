import type { StateCreator } from 'zustand';
import { HISTORY_LIMIT, continuesEdit, mergeEdits, type Edit } from '../../db/changes';
import type { AppState } from '../store';

/** The session's undo and redo stacks (not persisted: a restart starts a new history). */
export type HistorySlice = {
  undoStack: readonly Edit[];
  redoStack: readonly Edit[];
  /** Records a new edit; it clears the redo stack and may merge with the last one. */
  recordEdit: (edit: Edit) => void;
  /** Moves the last edit from the undo stack to the redo stack and returns it. */
  popUndo: () => Edit | undefined;
  /** Moves the last undone edit back to the undo stack and returns it. */
  popRedo: () => Edit | undefined;
  clearHistory: () => void;
};

export const createHistorySlice: StateCreator<AppState, [], [], HistorySlice> = (set, get) => ({
  undoStack: [],
  redoStack: [],
  recordEdit: (edit) =>
    set((state) => {
      const last = state.undoStack[state.undoStack.length - 1];
      const undoStack = continuesEdit(last, edit)
        ? [...state.undoStack.slice(0, -1), mergeEdits(last as Edit, edit)]
        : [...state.undoStack, edit].slice(-HISTORY_LIMIT);
      return { undoStack, redoStack: [] };
    }),
  popUndo: () => {
    const { undoStack, redoStack } = get();
    const edit = undoStack[undoStack.length - 1];
    if (!edit) return undefined;
    set({ undoStack: undoStack.slice(0, -1), redoStack: [...redoStack, edit] });
    return edit;
  },
  popRedo: () => {
    const { undoStack, redoStack } = get();
    const edit = redoStack[redoStack.length - 1];
    if (!edit) return undefined;
    set({ redoStack: redoStack.slice(0, -1), undoStack: [...undoStack, edit] });
    return edit;
  },
  clearHistory: () => set({ undoStack: [], redoStack: [] }),
});
