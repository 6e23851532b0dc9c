/** Undo and redo as the user triggers them, with a notice that says what was undone. */
import { redo, undo } from '../db/repository';
import { useAppStore } from '../state/store';

export async function undoLastEdit(): Promise<void> {
  const label = await undo();
  useAppStore.getState().notify('info', label ? `Undone: ${label}` : 'Nothing to undo.');
}

export async function redoLastEdit(): Promise<void> {
  const label = await redo();
  useAppStore.getState().notify('info', label ? `Redone: ${label}` : 'Nothing to redo.');
}
