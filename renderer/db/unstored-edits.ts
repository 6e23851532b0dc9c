/**
 * Edits IndexedDB may not have stored yet when the page goes away. A page that is reloaded,
 * hidden or closed cannot wait for a database transaction, so the window writes its pending
 * edits, as plain row changes, to localStorage (which is synchronous) at that moment. At the next
 * start, before anything reads the portfolio, the edits that did not reach the database are
 * applied; one whose rows changed in the meantime is left alone rather than overwrite newer work.
 */
import type { Table } from 'dexie';
import type { RowChange, RowKey } from './changes';
import { TABLE_NAMES, type TableName } from './schema';

/** Every window writes under its own key with this prefix, so windows never erase each other's. */
export const UNSTORED_EDITS_PREFIX = 'baton:unstored-edits:';

export type UnstoredEdit = {
  /** The id of the pending write, so that it can be crossed off once the database has it. */
  readonly id: string;
  readonly label: string;
  readonly changes: readonly RowChange[];
};

export type JournalStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key'> & {
  readonly length: number;
};

const TABLES: ReadonlySet<string> = new Set<TableName>(TABLE_NAMES);

function isRowKey(value: unknown): value is RowKey {
  return (
    typeof value === 'string' ||
    (Array.isArray(value) && value.length === 2 && value.every((part) => typeof part === 'string'))
  );
}

function isChange(value: unknown): value is RowChange {
  if (typeof value !== 'object' || value === null) return false;
  const change = value as Record<string, unknown>;
  return typeof change.table === 'string' && TABLES.has(change.table) && isRowKey(change.key);
}

/** The edits stored under one key; anything unreadable counts as none (it cannot be applied). */
export function parseJournal(text: string | null): UnstoredEdit[] {
  if (text === null) return [];
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return [];
  }
  if (!Array.isArray(value)) return [];
  const edits: UnstoredEdit[] = [];
  for (const entry of value as unknown[]) {
    if (typeof entry !== 'object' || entry === null) return edits;
    const { id, label, changes } = entry as Record<string, unknown>;
    // Later edits may build on an unreadable one: stop there rather than apply them out of order.
    if (typeof id !== 'string' || typeof label !== 'string' || !Array.isArray(changes)) {
      return edits;
    }
    if (!changes.every(isChange)) return edits;
    edits.push({ id, label, changes: changes as RowChange[] });
  }
  return edits;
}

/** Writes the window's journal; an empty list removes it. False when storage refused it. */
export function writeJournal(
  storage: JournalStorage,
  windowKey: string,
  edits: readonly UnstoredEdit[],
): boolean {
  try {
    if (edits.length === 0) storage.removeItem(UNSTORED_EDITS_PREFIX + windowKey);
    else storage.setItem(UNSTORED_EDITS_PREFIX + windowKey, JSON.stringify(edits));
    return true;
  } catch {
    // Full or disabled storage: nothing more can be done in a page that is going away.
    return false;
  }
}

/** Crosses the edits with `ids` off the window's journal (the database has them now). */
export function dropFromJournal(
  storage: JournalStorage,
  windowKey: string,
  ids: ReadonlySet<string>,
): void {
  const key = UNSTORED_EDITS_PREFIX + windowKey;
  const edits = parseJournal(storage.getItem(key));
  const kept = edits.filter((edit) => !ids.has(edit.id));
  if (kept.length !== edits.length) writeJournal(storage, windowKey, kept);
}

function journalKeys(storage: JournalStorage): string[] {
  const keys: string[] = [];
  for (let index = 0; index < storage.length; index += 1) {
    const key = storage.key(index);
    if (key?.startsWith(UNSTORED_EDITS_PREFIX)) keys.push(key);
  }
  return keys;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Where an edit stands against the rows as stored: every row as the edit left it (`stored`),
 * every row as it found it (`unstored`), or anything else (`changed`: someone edited them since).
 */
export function editStanding(
  edit: UnstoredEdit,
  current: readonly unknown[],
): 'stored' | 'unstored' | 'changed' {
  if (edit.changes.every((change, index) => same(current[index], change.after))) return 'stored';
  if (edit.changes.every((change, index) => same(current[index], change.before))) {
    return 'unstored';
  }
  return 'changed';
}

export type ReplayReport = {
  /** Edits applied now: the database did not have them. */
  readonly restored: number;
  /** Edits whose rows had changed since; not applied. */
  readonly skipped: number;
  /** The journals read: remove them with `removeJournals` once the transaction has committed. */
  readonly keys: readonly string[];
};

/**
 * Applies every journalled edit the database does not have yet, in the order it was made. Call
 * it inside a read-write transaction over every table. Once an edit
 * has to be skipped, the later edits of its window are skipped too: they may build on it.
 */
export async function replayJournal(
  table: (name: TableName) => Table<unknown, unknown>,
  storage: JournalStorage,
  markUnsaved: () => Promise<void>,
  /**
   * Asked before an edit the database does not have is applied: whether the portfolio still
   * keeps every rule with it (false: skipped, as a changed one is). It may record the edit too.
   */
  accept: (edit: UnstoredEdit, journal: string) => Promise<boolean> = async () => true,
): Promise<ReplayReport> {
  let restored = 0;
  let skipped = 0;
  const keys = journalKeys(storage);
  for (const key of keys) {
    const edits = parseJournal(storage.getItem(key));
    let blocked = false;
    for (const edit of edits) {
      if (blocked) {
        skipped += 1;
        continue;
      }
      const current = await Promise.all(
        edit.changes.map((change) => table(change.table).get(change.key as never)),
      );
      const standing = editStanding(edit, current);
      if (standing === 'changed') {
        blocked = true;
        skipped += 1;
        continue;
      }
      if (standing === 'stored') continue;
      if (!(await accept(edit, key))) {
        blocked = true;
        skipped += 1;
        continue;
      }
      for (const change of edit.changes) {
        if (change.after === undefined) await table(change.table).delete(change.key as never);
        else await table(change.table).put(change.after);
      }
      restored += 1;
    }
  }
  if (restored > 0) await markUnsaved();
  return { restored, skipped, keys };
}

/** Removes journals that have been replayed. */
export function removeJournals(storage: JournalStorage, keys: readonly string[]): void {
  for (const key of keys) {
    try {
      storage.removeItem(key);
    } catch {
      // Disabled storage: replaying them again finds them stored and changes nothing.
    }
  }
}
