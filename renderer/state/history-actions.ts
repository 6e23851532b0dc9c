/** Undo and redo as the user triggers them, with a notice that says what happened. */
import { describeProblem } from '../../shared/portfolio/restore';
import { redo, undo, type ReplayResult } from '../db/repository';
import { useAppStore } from './store';

function report(result: ReplayResult, verb: 'Undone' | 'Redone'): void {
  const { notify } = useAppStore.getState();
  switch (result.kind) {
    case 'done':
      notify('info', `${verb}: ${result.label}`);
      break;
    case 'nothing':
      notify('info', verb === 'Undone' ? 'Nothing to undo.' : 'Nothing to redo.');
      break;
    case 'conflict':
      notify(
        'error',
        `Could not ${verb === 'Undone' ? 'undo' : 'redo'} "${result.label}": the data was changed in another window since. Nothing was changed here; the undo history starts again from now.`,
      );
      break;
    case 'refused': {
      const problem = result.problems[0];
      notify(
        'error',
        `Could not ${verb === 'Undone' ? 'undo' : 'redo'} "${result.label}": ${problem ? describeProblem(problem).headline : 'it would break a rule of the portfolio'}. Nothing was changed; change that first, then try again.`,
      );
      break;
    }
  }
}

async function run(action: () => Promise<ReplayResult>, verb: 'Undone' | 'Redone'): Promise<void> {
  try {
    report(await action(), verb);
  } catch (error) {
    useAppStore
      .getState()
      .notify(
        'error',
        `Could not ${verb === 'Undone' ? 'undo' : 'redo'}: ${error instanceof Error ? error.message : String(error)}`,
      );
  }
}

export function undoLastEdit(): Promise<void> {
  return run(undo, 'Undone');
}

export function redoLastEdit(): Promise<void> {
  return run(redo, 'Redone');
}
