/**
 * The change history: every committed edit with when, what in words and who. Pure functions over
 * its entries; the store keeps them.
 */
import { invertChanges, type Change } from './changes';
import { ENTITIES, type EntityName } from './entities';
import { applyChanges, type PortfolioState } from './state';

export type HistoryEntry = {
  /** Increases with every entry; entries are kept in this order. */
  readonly seq: number;
  /** When it was committed, ISO 8601. */
  readonly at: string;
  readonly label: string;
  /** Who made it: the profile name, or empty when none is set. */
  readonly who: string;
  /** An edit, an undo or redo of one, or a restore to an earlier entry. */
  readonly kind: 'edit' | 'undo' | 'redo' | 'restore';
  readonly changes: readonly Change[];
};

/** The ids of the initiatives an entry changed: the records themselves, their ranks and actuals. */
export function initiativesTouched(entry: Pick<HistoryEntry, 'changes'>): Set<string> {
  const ids = new Set<string>();
  for (const change of entry.changes) {
    if (change.table === 'initiatives' && typeof change.key === 'string') ids.add(change.key);
    if (
      (change.table === 'ranks' || change.table === 'actuals') &&
      typeof change.key !== 'string'
    ) {
      ids.add(change.table === 'ranks' ? change.key[1] : change.key[0]);
    }
  }
  return ids;
}

/** The entities an entry changed, in words ("Initiative, Place in a ranking"). */
export function entitiesTouched(entry: Pick<HistoryEntry, 'changes'>): string[] {
  const names = new Set<EntityName>(entry.changes.map((change) => change.table));
  return [...names].filter((name) => name !== 'meta').map((name) => ENTITIES[name].what);
}

/**
 * The portfolio as it was right after `seq`: the entries after it undone, newest first, from
 * `current`. `entries` must hold every entry after `seq`.
 */
export function stateAt(
  current: PortfolioState,
  entries: readonly HistoryEntry[],
  seq: number,
): PortfolioState {
  const later = entries.filter((entry) => entry.seq > seq).sort((a, b) => b.seq - a.seq);
  let state = current;
  for (const entry of later) state = applyChanges(state, invertChanges(entry.changes));
  return state;
}

/** The entries grouped by their local day (`dayOf` turns a time into the day's label). */
export function entriesByDay(
  entries: readonly HistoryEntry[],
  dayOf: (at: string) => string,
): { readonly day: string; readonly entries: HistoryEntry[] }[] {
  const groups: { day: string; entries: HistoryEntry[] }[] = [];
  for (const entry of [...entries].sort((a, b) => b.seq - a.seq)) {
    const day = dayOf(entry.at);
    const last = groups[groups.length - 1];
    if (last && last.day === day) last.entries.push(entry);
    else groups.push({ day, entries: [entry] });
  }
  return groups;
}
