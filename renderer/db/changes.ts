/**
 * Edits as lists of row changes. Every write to the portfolio goes through `commitEdit`, which
 * applies the changes in one transaction and records them so that undo and redo can replay
 * them backwards and forwards.
 */
import type { TableName } from './schema';

export type RowKey = string | readonly [string, string];

export type RowChange = {
  readonly table: TableName;
  readonly key: RowKey;
  /** The row before the edit; absent when the edit created it. */
  readonly before?: unknown;
  /** The row after the edit; absent when the edit deleted it. */
  readonly after?: unknown;
};

export type Edit = {
  readonly label: string;
  readonly changes: readonly RowChange[];
  /** Edits with the same merge key made in quick succession become one undo step (typing). */
  readonly mergeKey?: string;
  readonly at: number;
};

export const MERGE_WINDOW_MS = 1500;
export const HISTORY_LIMIT = 200;

function sameKey(a: RowKey, b: RowKey): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Folds `next` into `previous`: the earliest `before` and the latest `after` of each row. */
export function mergeEdits(previous: Edit, next: Edit): Edit {
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
  return { ...next, changes };
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

/** The edit that undoes `edit`. */
export function invertEdit(edit: Edit): Edit {
  return {
    ...edit,
    changes: [...edit.changes].reverse().map((change) => ({
      table: change.table,
      key: change.key,
      before: change.after,
      after: change.before,
    })),
  };
}

/** Drops changes whose row is the same before and after. */
export function withoutNoOps(changes: readonly RowChange[]): RowChange[] {
  return changes.filter((change) => JSON.stringify(change.before) !== JSON.stringify(change.after));
}
