/** Live reads of the stored portfolio for components: they re-render when the data changes. */
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useSyncExternalStore } from 'react';
import type { Portfolio } from '../../shared/portfolio/types';
import { db, tableOf } from './database';
import { getHistory, subscribeHistory } from './history';
import { rowsToPortfolio, type PortfolioRows } from './portfolio-rows';
import { noteStoredRows, readRows } from './repository';
import { TABLE_NAMES } from './schema';

/** Every row of the portfolio, or undefined while loading. */
export function usePortfolioRows(): PortfolioRows | undefined {
  return useLiveQuery(async () => {
    const rows = await db.transaction('r', TABLE_NAMES.map(tableOf), () => readRows());
    noteStoredRows(rows);
    return rows;
  }, []);
}

/** The stored portfolio in file form, or undefined while loading. */
export function usePortfolio(): Portfolio | undefined {
  const rows = usePortfolioRows();
  return useMemo(() => (rows ? rowsToPortfolio(rows) : undefined), [rows]);
}

/** The labels of the edit Undo and Redo would replay, or undefined when there is none. */
export function useHistoryLabels(): { readonly undo?: string; readonly redo?: string } {
  const history = useSyncExternalStore(subscribeHistory, getHistory);
  return { undo: history.undo.at(-1)?.label, redo: history.redo.at(-1)?.label };
}
