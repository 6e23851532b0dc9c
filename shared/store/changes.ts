/**
 * Edits as lists of record changes. Every write to the portfolio is one: a named operation
 * (shared/store/operations) computes it from the portfolio's state, the store checks and applies
 * it in one transaction, and undo and redo replay it backwards and forwards.
 */
import type { PortfolioProblem } from '../portfolio/rules';
import { sameKey, type EntityKey, type EntityName } from './entities';

export type Change = {
  readonly table: EntityName;
  readonly key: EntityKey;
  /** The record before the edit; absent when the edit created it. */
  readonly before?: unknown;
  /** The record after the edit; absent when the edit deleted it. */
  readonly after?: unknown;
};

/** What committing an edit gives: stored, or refused with the problems it would cause. */
export type EditResult =
  /** `unchanged`: the edit found the portfolio already as it would make it; nothing recorded. */
  | { readonly ok: true; readonly unchanged?: true }
  | { readonly ok: false; readonly problems: readonly PortfolioProblem[] };

/** What a named operation gives: what it does in words, and its changes. */
export type EditPlan = {
  /** A label a person reads in the history ("Renamed CRM revamp to CRM rebuild"). */
  readonly label: string;
  readonly changes: readonly Change[];
};

export type Edit = EditPlan & {
  /** Edits with the same merge key made in quick succession become one undo step (typing). */
  readonly mergeKey?: string;
  /** When it was committed, in milliseconds since 1970. */
  readonly at: number;
};

export const MERGE_WINDOW_MS = 1500;

/** Folds `next` into `previous`: the earliest `before` and the latest `after` of each record. */
export function mergeEdits<T extends Edit>(previous: T, next: T): T {
  const changes = [...previous.changes];
  for (const change of next.changes) {
    const index = changes.findIndex(
      (existing) => existing.table === change.table && sameKey(existing.key, change.key),
    );
    const existing = index >= 0 ? changes[index] : undefined;
    if (existing) {
      changes[index] = {
        table: change.table,
        key: change.key,
        before: existing.before,
        after: change.after,
      };
    } else changes.push(change);
  }
  return { ...next, changes: withoutNoOps(changes) };
}

const RENAMED = /^Renamed (.+) to “(.*)”$/s;

/**
 * The label of two edits typed into one field as one: a rename keeps where it started ("Renamed
 * “A” to “ABC”", not "“AB” to “ABC”"); any other edit says what the last keystroke did.
 */
export function mergedLabel(earlier: string, later: string): string {
  const first = RENAMED.exec(earlier);
  const last = RENAMED.exec(later);
  if (first && last) return `Renamed ${first[1]} to “${last[2]}”`;
  return later;
}

/** Whether `next` continues `previous` (same field, typed within the merge window). */
export function continuesEdit(previous: Edit | undefined, next: Edit): boolean {
  return (
    previous !== undefined &&
    next.mergeKey !== undefined &&
    previous.mergeKey === next.mergeKey &&
    next.at - previous.at <= MERGE_WINDOW_MS
  );
}

/** The changes that undo `changes`. */
export function invertChanges(changes: readonly Change[]): Change[] {
  return [...changes].reverse().map((change) => ({
    table: change.table,
    key: change.key,
    before: change.after,
    after: change.before,
  }));
}

/** The edit that undoes `edit`. */
export function invertEdit<T extends EditPlan>(edit: T): T {
  return { ...edit, changes: invertChanges(edit.changes) };
}

/** Drops changes whose record is the same before and after. */
export function withoutNoOps(changes: readonly Change[]): Change[] {
  return changes.filter((change) => JSON.stringify(change.before) !== JSON.stringify(change.after));
}

/** A change of one record. */
export function change(
  table: EntityName,
  key: EntityKey,
  before: object | undefined,
  after: object | undefined,
): Change {
  return {
    table,
    key,
    ...(before !== undefined && { before }),
    ...(after !== undefined && { after }),
  };
}

/** Replaces an object's optional field: `undefined` removes the key instead of storing it. */
export function setField<T extends object, K extends keyof T>(
  item: T,
  field: K,
  value: T[K] | undefined,
): T {
  const next = { ...item };
  if (value === undefined) delete next[field];
  else next[field] = value;
  return next;
}
