/**
 * The one interface between the app and where the portfolio is kept. The areas' edit API
 * (edits.ts) and the History panel go through it; today Dexie over IndexedDB stands behind it
 * (repository.ts), and another storage (a file, a sync engine) would implement the same.
 */
import type { Portfolio } from '../../shared/portfolio/types';
import type { HistoryEntry } from '../../shared/store/history';
import type { PortfolioState } from '../../shared/store/state';
import {
  commit,
  readHistory,
  readPortfolio,
  readState,
  redo,
  restoreToEntry,
  undo,
  type CommitOptions,
  type EditResult,
  type Operation,
  type ReplayResult,
} from './repository';

export type PortfolioStore = {
  /** The portfolio's state as stored. */
  readonly readState: () => Promise<PortfolioState>;
  /** The portfolio in file form. */
  readonly readPortfolio: () => Promise<Portfolio>;
  /** Plans, checks, stores and records one named operation. */
  readonly commit: (operation: Operation, options?: CommitOptions) => Promise<EditResult>;
  readonly undo: () => Promise<ReplayResult>;
  readonly redo: () => Promise<ReplayResult>;
  /** The change history, newest first; only the entries that change an initiative, when named. */
  readonly readHistory: (limit?: number, initiativeId?: string) => Promise<HistoryEntry[]>;
  /** Puts the portfolio back as it was right after a history entry, as one edit. */
  readonly restoreToEntry: (seq: number, label: string) => Promise<EditResult>;
};

/** The store on IndexedDB. */
export const DEXIE_STORE: PortfolioStore = {
  readState,
  readPortfolio,
  commit,
  undo,
  redo,
  readHistory,
  restoreToEntry,
};

let current: PortfolioStore = DEXIE_STORE;

/** The store the app writes to. */
export function portfolioStore(): PortfolioStore {
  return current;
}

/** Puts another store in front (tests, another storage); returns the one it replaced. */
export function usePortfolioStore(store: PortfolioStore): PortfolioStore {
  const previous = current;
  current = store;
  return previous;
}
