/**
 * Watches what each edit of this window does to the plan on the board: when an edit (a capacity
 * change, a move, a new start) takes committed or approved work out of the plan, it says so at
 * once, with Undo. Undo and redo, edits in other windows and switching scenarios stay silent.
 */
import { useEffect, useRef, useSyncExternalStore } from 'react';
import { stackOrder } from '../../shared/prioritize/cutline';
import { describeWorkTakenOut, workTakenOut } from '../../shared/prioritize/plan-change';
import type { Portfolio } from '../../shared/portfolio/types';
import { getHistory, subscribeHistory, type StackEntry } from '../db/history';
import { useAppStore } from '../state/store';
import { undoLastEdit } from '../state/history-actions';

type Basis = {
  readonly portfolio: Portfolio;
  readonly scenarioId: string | null;
  readonly edit: StackEntry | undefined;
  readonly replays: number;
};

/** The stack of the scenario the board shows: the named one, else the first. */
function boardOrder(portfolio: Portfolio, scenarioId: string | null): string[] {
  const known = portfolio.scenarios.some((scenario) => scenario.id === scenarioId);
  return stackOrder(portfolio, known ? (scenarioId ?? undefined) : portfolio.scenarios[0]?.id);
}

export function usePlanWatch(portfolio: Portfolio | undefined): void {
  const history = useSyncExternalStore(subscribeHistory, getHistory);
  const scenarioId = useAppStore((state) => state.location.scenarioId);
  const basis = useRef<Basis | null>(null);

  useEffect(() => {
    if (!portfolio) return;
    const edit = history.undo.at(-1);
    const previous = basis.current;
    const settle = () => {
      basis.current = { portfolio, scenarioId, edit, replays: history.replays };
    };
    // The first data, an undo or redo, or a change that is not a new edit here: nothing to say.
    if (!previous || history.replays !== previous.replays || edit === previous.edit) {
      settle();
      return;
    }
    // A new edit whose data has not arrived yet: wait for it.
    if (portfolio === previous.portfolio) return;
    settle();
    const before = previous.portfolio;
    const after = portfolio;
    const out = workTakenOut(
      before,
      boardOrder(before, previous.scenarioId),
      after,
      boardOrder(after, scenarioId),
    );
    const message = describeWorkTakenOut(out);
    if (!message) return;
    const { notify } = useAppStore.getState();
    notify('warning', message, {
      label: 'Undo',
      run: () => {
        if (getHistory().undo.at(-1) === edit) void undoLastEdit();
        else {
          notify(
            'info',
            'That change is no longer the last one: Undo in the top bar steps back through the edits since.',
          );
        }
      },
    });
  }, [portfolio, history, scenarioId]);
}
