/** Live reads of the stored portfolio for components: they re-render when the data changes. */
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useSyncExternalStore } from 'react';
import type { Portfolio } from '../../shared/portfolio/types';
import { stateToPortfolio, type PortfolioState } from '../../shared/store/state';
import { db, tableOf } from './database';
import { getHistory, subscribeHistory } from './history';
import { pendingEditCount, readState, subscribePending } from './repository';
import { TABLE_NAMES } from './schema';

/**
 * The stored state, or undefined while loading. The query reads the revision alone while this
 * window's copy is current, so it runs again whenever any window writes.
 */
export function usePortfolioState(): PortfolioState | undefined {
  return useLiveQuery(() => db.transaction('r', TABLE_NAMES.map(tableOf), () => readState()), []);
}

/** The stored portfolio in file form, or undefined while loading. */
export function usePortfolio(): Portfolio | undefined {
  const state = usePortfolioState();
  return useMemo(() => (state ? stateToPortfolio(state) : undefined), [state]);
}

/** The labels of the edit Undo and Redo would replay, or undefined when there is none. */
export function useHistoryLabels(): { readonly undo?: string; readonly redo?: string } {
  const history = useSyncExternalStore(subscribeHistory, getHistory);
  return { undo: history.undo.at(-1)?.label, redo: history.redo.at(-1)?.label };
}

/** How many of this window's edits are not stored yet (the window says so while there are). */
export function usePendingEdits(): number {
  return useSyncExternalStore(subscribePending, pendingEditCount);
}
