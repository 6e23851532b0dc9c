/**
 * The store's write path. Every write is a named operation of shared/store/operations: it is
 * planned on the portfolio's state inside one read-write transaction, checked (an edit that
 * would leave a portfolio the file's reader refuses is refused and changes nothing), applied,
 * recorded in the change history with when, what and who, and put on this window's undo stack.
 * Undo, redo and restoring an earlier state go the same way, checked by the same rules.
 *
 * The window keeps a copy of the state with the revision it was read at; a write reads the
 * revision only and the whole state again only when another window wrote in between, so one
 * edit costs what it changes, not the size of the portfolio.
 */
import type { PortfolioProblem } from '../../shared/portfolio/restore';
import type { Portfolio } from '../../shared/portfolio/types';
import {
  invertChanges,
  mergeEdits,
  mergedLabel,
  withoutNoOps,
  type Change,
  type EditPlan,
  type EditResult,
} from '../../shared/store/changes';
import { problemsAfter } from '../../shared/store/check';
import { OperationError, quoted, type EditContext } from '../../shared/store/context';
import { keyOf, keyText, type ListEntityName } from '../../shared/store/entities';
import { initiativesTouched, stateAt, type HistoryEntry } from '../../shared/store/history';
import { replaceState } from '../../shared/store/operations/portfolio';
import {
  applyChanges,
  portfolioToState,
  stateToPortfolio,
  type PortfolioMeta,
  type PortfolioState,
} from '../../shared/store/state';
import { continuesEdit, HISTORY_LIMIT, LOG_LIMIT } from './changes';
import { db, journalStorage, readStateFrom, tableOf } from './database';
import {
  clearStacks,
  currentWindow,
  loadStacks,
  pushEdit,
  stackTop,
  moveToRedo,
  moveToUndo,
  type StackEntry,
} from './history';
import { editorName } from './editor';
import { ORDER_KEYS, stableContext } from './order-keys';
import { storageFailure } from './storage-health';
import { HISTORY_TABLES, TABLE_NAMES, type PortfolioStatusRow, type RevisionRow } from './schema';
import { adoptSnapshots } from './snapshots';
import {
  dropFromJournal,
  writeJournal,
  type JournalStorage,
  type UnstoredEdit,
} from './unstored-edits';

export type { EditResult };

class EditRefused extends Error {
  constructor(readonly problems: readonly PortfolioProblem[]) {
    super(problems.map((problem) => `${problem.path}: ${problem.message}`).join('; '));
  }
}

export { setEditorName } from './editor';

// ---- Reading ---------------------------------------------------------------------------------

/**
 * This window's copy of the stored state, and the revision it was read at: the count of writes,
 * and the database's own id (a database deleted and made again counts from 0 again).
 */
let cached:
  { readonly revision: number; readonly epoch: string; readonly state: PortfolioState } | undefined;

async function storedRevisionRow(): Promise<{ readonly value: number; readonly epoch: string }> {
  const row = (await db.meta.get('revision')) as RevisionRow | undefined;
  return { value: row?.value ?? 0, epoch: row?.epoch ?? '' };
}

/**
 * The stored revision as one text, "epoch:count": it changes with every write to the portfolio,
 * from any window (what the backup schedule compares to know whether there are edits to back up).
 */
export async function storedRevision(): Promise<string> {
  const { value, epoch } = await storedRevisionRow();
  return `${epoch}:${value}`;
}

/** Reads every record of the portfolio (inside the current transaction, if any). */
function readAll(): Promise<PortfolioState> {
  return readStateFrom(tableOf);
}

/**
 * The stored state (inside the current transaction, if any): this window's copy when the
 * revision says nothing changed since, else read again.
 */
export async function readState(): Promise<PortfolioState> {
  const { value, epoch } = await storedRevisionRow();
  if (cached && cached.revision === value && cached.epoch === epoch) return cached.state;
  const state = await readAll();
  cached = { revision: value, epoch, state };
  return state;
}

/** Forgets this window's copy (the database was replaced under it). */
export function forgetState(): void {
  cached = undefined;
}

/** The stored portfolio, as the file format describes it. */
export async function readPortfolio(): Promise<Portfolio> {
  return db.transaction('r', TABLE_NAMES.map(tableOf), async () =>
    stateToPortfolio(await readState()),
  );
}

// ---- The write queue -------------------------------------------------------------------------

/** What an operation is given: the state, and ids, ordering keys and the clock. */
export type Operation = (state: PortfolioState, context: EditContext) => EditPlan;

export type CommitOptions = {
  /** Successive edits with the same key within a moment become one undo step. */
  readonly mergeKey?: string;
  /** Whether the edit counts as a change not yet saved to a file (default true). */
  readonly marksUnsaved?: boolean;
};

/**
 * Every write runs in this queue, one after another: an undo never overtakes an edit that is
 * still being stored, and the history is recorded in the order the database saw the edits.
 */
let writeQueue: Promise<unknown> = Promise.resolve();
/** Counts the writes queued so far: an edit still last in the queue can take a newer keystroke. */
let queuedWrites = 0;

function enqueue<T>(task: () => Promise<T>): Promise<T> {
  queuedWrites += 1;
  const run = writeQueue.then(task, task);
  writeQueue = run.catch(() => undefined);
  return run;
}

/** An edit asked for and not yet stored (or refused). */
type PendingEdit = {
  readonly id: string;
  /** Ids, keys and times it makes: the same however often it is planned. */
  readonly context: ReturnType<typeof stableContext>;
  operation: Operation;
  readonly options: CommitOptions;
  /** Its place in the write queue (see `queuedWrites`). */
  readonly queuedAs: number;
  started: boolean;
  /** Once planned inside its transaction: the state it started from and what it changes. */
  planned?: { readonly before: PortfolioState; readonly plan: EditPlan };
  result?: Promise<EditResult>;
  /** What the operation gave when it was stored (a created record's id, say). */
  outcome?: EditPlan;
};

/** The edits of this window the database does not have yet, oldest first. */
const pendingEdits: PendingEdit[] = [];
const pendingListeners = new Set<() => void>();
/** This window's journal of unstored edits, and the ids it holds. */
// It starts with the window's key, so an edit replayed at the next start goes on its undo stack.
const journalKey = `${currentWindow()}~${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
const journalled = new Set<string>();
let editCount = 0;

function publishPending(): void {
  for (const listener of pendingListeners) listener();
}

/** How many edits of this window are waiting for the database. */
export function pendingEditCount(): number {
  return pendingEdits.length;
}

/** Subscribes to changes of `pendingEditCount`. */
export function subscribePending(listener: () => void): () => void {
  pendingListeners.add(listener);
  return () => pendingListeners.delete(listener);
}

/** Resolves once every edit asked for so far is stored or refused. */
export async function settleEdits(): Promise<void> {
  while (pendingEdits.length > 0) await Promise.allSettled(pendingEdits.map((edit) => edit.result));
}

function finishEdit(edit: PendingEdit): void {
  const index = pendingEdits.indexOf(edit);
  if (index >= 0) pendingEdits.splice(index, 1);
  if (journalled.delete(edit.id)) {
    const storage = journalStorage();
    if (storage) dropFromJournal(storage, journalKey, new Set([edit.id]));
  }
  publishPending();
}

/**
 * Writes the edits the database does not have yet to this window's journal in localStorage, at
 * once: for a page being reloaded, hidden or closed, which cannot wait for IndexedDB. Edits still
 * queued are planned here against the state as this window last knew it; at the next start the
 * journal is replayed only where the records are still as the edits found them. Returns how many
 * edits were journalled.
 */
export function journalUnstoredEdits(
  storage: JournalStorage | undefined = journalStorage(),
): number {
  if (!storage) return 0;
  const edits: UnstoredEdit[] = [];
  let state = cached?.state;
  for (const edit of pendingEdits) {
    let before: PortfolioState;
    let changes: readonly Change[];
    let label: string;
    if (edit.planned) {
      before = edit.planned.before;
      changes = withoutNoOps(edit.planned.plan.changes);
      label = edit.planned.plan.label;
    } else {
      if (!state) break;
      let plan: EditPlan;
      try {
        edit.context.again();
        plan = edit.operation(state, edit.context);
      } catch {
        break;
      }
      before = state;
      changes = withoutNoOps(plan.changes);
      label = plan.label;
      // The write itself would refuse it: nothing to keep.
      if (changes.length > 0 && problemsAfter(applyChanges(before, changes), changes).length > 0) {
        continue;
      }
    }
    state = applyChanges(before, changes);
    if (changes.length > 0) edits.push({ id: edit.id, label, changes });
  }
  journalled.clear();
  if (!writeJournal(storage, journalKey, edits)) return 0;
  for (const edit of edits) journalled.add(edit.id);
  return edits.length;
}

// ---- Unsaved changes -------------------------------------------------------------------------

async function setUnsaved(unsaved: boolean): Promise<void> {
  const status: PortfolioStatusRow = { key: 'status', unsavedChanges: unsaved };
  await db.meta.put(status);
}

/** Whether the portfolio changed since it was opened, created or last saved as a file. */
export async function hasUnsavedChanges(): Promise<boolean> {
  const status = (await db.meta.get('status')) as PortfolioStatusRow | undefined;
  return status?.unsavedChanges ?? false;
}

/** Notes that the portfolio was just saved to a file. */
export function markSaved(): Promise<void> {
  return enqueue(() => setUnsaved(false));
}

// ---- Storing ---------------------------------------------------------------------------------

const ALL_TABLES = () => [...TABLE_NAMES, ...HISTORY_TABLES].map((name) => db.table(name));

/**
 * What a write needs to know before it plans: the state (this window's copy when current), the
 * database's id, and the newest history entry's sequence number. Asked for together, in one
 * round trip to the database.
 */
async function readForWrite(): Promise<{
  readonly before: PortfolioState;
  readonly epoch: string;
  readonly newest: number;
}> {
  const [before, newest] = await Promise.all([
    readState(),
    db.history.orderBy(':id').lastKey() as Promise<number | undefined>,
  ]);
  return { before, epoch: cached?.epoch ?? '', newest: newest ?? 0 };
}

/**
 * A run of records this long is written with one bulk request per batch instead of one request
 * each: a whole portfolio replaced (a file opened, an import) writes tens of thousands.
 */
const BULK_FROM = 100;
/**
 * Records asked for before the next batch waits for the database: the page answers input and
 * paints between batches, while the transaction stays open with its requests under way.
 */
const WRITE_BATCH = 1000;

/** Changes in runs of one table and one kind (put or delete), in their order. */
function runsOf(
  changes: readonly Change[],
): { table: Change['table']; remove: boolean; items: unknown[] }[] {
  const runs: { table: Change['table']; remove: boolean; items: unknown[] }[] = [];
  for (const change of changes) {
    const remove = change.after === undefined;
    const item = remove ? change.key : change.after;
    const last = runs.at(-1);
    if (last && last.table === change.table && last.remove === remove) last.items.push(item);
    else runs.push({ table: change.table, remove, items: [item] });
  }
  return runs;
}

/**
 * Writes the changed records in their order. A short run is a request per record, as an edit
 * makes; a long one goes in bulk, a batch at a time. A batch is asked for once the one before
 * the last is done: the database writes one while the page prepares the next, and answers input
 * in between (requests of one transaction are carried out in order, so waiting changes no
 * outcome).
 */
async function writeChanges(changes: readonly Change[]): Promise<void> {
  let asked: Promise<unknown>[] = [];
  let inFlight: Promise<unknown>[] = [];
  let count = 0;
  for (const { table: name, remove, items } of runsOf(changes)) {
    const table = tableOf(name);
    if (items.length < BULK_FROM) {
      for (const item of items) {
        asked.push(remove ? table.delete(item as never) : table.put(item as never));
      }
      count += items.length;
      continue;
    }
    for (let start = 0; start < items.length; start += WRITE_BATCH) {
      const batch = items.slice(start, start + WRITE_BATCH);
      asked.push(remove ? table.bulkDelete(batch as never) : table.bulkPut(batch as never));
      count += batch.length;
      if (count < WRITE_BATCH) continue;
      // Awaited below or at the end; a failure meanwhile is not left unhandled.
      for (const write of asked) write.catch(() => undefined);
      const waiting = inFlight;
      inFlight = asked;
      asked = [];
      count = 0;
      await Promise.all(waiting);
    }
  }
  await Promise.all([...inFlight, ...asked]);
}

/**
 * Asks for every write of an edit (the transaction carries them out in this order, without a
 * wait for each one's answer before the next is asked, but for long runs, see `writeChanges`):
 * the changed records, the revision moved on, the unsaved flag. Moves this window's copy on to
 * `after`.
 */
function store(
  after: PortfolioState,
  changes: readonly Change[],
  marksUnsaved: boolean,
  { revision, epoch }: { readonly revision: number; readonly epoch: string },
): Promise<unknown>[] {
  const next: RevisionRow = { key: 'revision', value: revision + 1, ...(epoch && { epoch }) };
  const writes: Promise<unknown>[] = [writeChanges(changes)];
  writes.push(db.meta.put(next), setUnsaved(marksUnsaved));
  cached = { revision: revision + 1, epoch, state: after };
  return writes;
}

/**
 * Lets the page answer input and paint in the middle of a transaction and keeps it open: a read
 * of the database answers in a task of its own.
 */
function breathe(): Promise<unknown> {
  return db.meta.get('revision');
}

/** Changes checked at a time in a large edit (see `problemsInSteps`). */
const CHECK_BATCH = 4000;

/**
 * The problems `problemsAfter` finds in a large edit, checked a part of the changes at a time
 * with the page answering between. A part's check finds a problem exactly when the whole's
 * finds one there (each changed record is checked, and the rules over the whole portfolio when
 * a part changes more than free fields), so the parts all pass exactly when the whole does; on a
 * problem the whole is checked for the same list of problems as `problemsAfter` gives.
 */
async function problemsInSteps(
  after: PortfolioState,
  changes: readonly Change[],
): Promise<readonly PortfolioProblem[]> {
  for (let start = 0; start < changes.length; start += CHECK_BATCH) {
    if (start > 0) await breathe();
    if (problemsAfter(after, changes.slice(start, start + CHECK_BATCH)).length > 0) {
      return problemsAfter(after, changes);
    }
  }
  return [];
}

/** The revision this window's copy was read at (just read by `readForWrite`). */
function currentRevision(): { readonly revision: number; readonly epoch: string } {
  if (!cached) throw new Error('The portfolio was not read before writing.');
  return { revision: cached.revision, epoch: cached.epoch };
}

/**
 * Writes an entry of the change history as number `seq` (one past the newest, read in the same
 * transaction), and every 50 entries drops those beyond the limit.
 */
function log(entry: HistoryEntry): Promise<unknown>[] {
  const writes: Promise<unknown>[] = [db.history.put(entry)];
  if (entry.seq % 50 === 0) {
    writes.push(
      db.history
        .where('seq')
        .belowOrEqual(entry.seq - LOG_LIMIT)
        .delete(),
    );
  }
  return writes;
}

function newEntry(
  seq: number,
  kind: HistoryEntry['kind'],
  label: string,
  changes: readonly Change[],
): HistoryEntry {
  return { seq, at: new Date().toISOString(), label, who: editorName(), kind, changes };
}

/**
 * Plans, checks and applies one operation in a single transaction, then records it. Returns the
 * problems instead when the portfolio would no longer be one the file format's reader accepts;
 * then nothing is stored.
 */
export function commit(operation: Operation, options: CommitOptions = {}): Promise<EditResult> {
  // Typing faster than the database stores: a keystroke replaces the one still waiting in the
  // queue for the same field, so the queue never falls behind the typing.
  const last = pendingEdits.at(-1);
  if (
    options.mergeKey !== undefined &&
    last?.result &&
    !last.started &&
    last.queuedAs === queuedWrites &&
    last.options.mergeKey === options.mergeKey &&
    last.options.marksUnsaved === options.marksUnsaved
  ) {
    last.operation = operation;
    return last.result;
  }
  editCount += 1;
  const edit: PendingEdit = {
    id: `${journalKey}-${editCount}`,
    context: stableContext(),
    operation,
    options,
    queuedAs: queuedWrites + 1,
    started: false,
  };
  pendingEdits.push(edit);
  publishPending();
  edit.result = enqueue(async () => {
    edit.started = true;
    try {
      return await storeEdit(edit);
    } finally {
      finishEdit(edit);
    }
  });
  return edit.result;
}

async function storeEdit(edit: PendingEdit): Promise<EditResult> {
  return storeChecked(async (before) => {
    edit.context.again();
    const plan = edit.operation(before, edit.context);
    edit.planned = { before, plan };
    return plan;
  }, edit.options);
}

/**
 * The transaction of every edit: reads the state, plans on it, checks the result with the
 * reader's rules, stores it and records it in the history and on the undo stack. Two round trips
 * to the database: one to read, one to write.
 */
async function storeChecked(
  planner: (before: PortfolioState) => Promise<EditPlan>,
  options: CommitOptions,
  kind: 'edit' | 'restore' = 'edit',
): Promise<EditResult> {
  let unchanged = false;
  try {
    await db.transaction('rw', ALL_TABLES(), async () => {
      const { before, epoch, newest } = await readForWrite();
      let plan: EditPlan;
      try {
        plan = await planner(before);
      } catch (error) {
        if (error instanceof OperationError) {
          throw new EditRefused([{ path: '', message: error.message }]);
        }
        throw error;
      }
      const changes = withoutNoOps(plan.changes);
      if (changes.length === 0) {
        unchanged = true;
        return;
      }
      // A large edit (a portfolio replaced) is carried out in steps, the page answering between.
      const large = changes.length > WRITE_BATCH;
      if (large) await breathe();
      const after = applyChanges(before, changes);
      if (large) await breathe();
      const problems = large
        ? await problemsInSteps(after, changes)
        : problemsAfter(after, changes);
      if (problems.length > 0) throw new EditRefused(problems);
      const revision = currentRevision();
      const record = () =>
        recordEdit({
          label: plan.label,
          changes,
          mergeKey: options.mergeKey,
          kind,
          newest,
          epoch,
        });
      if (large) {
        await Promise.all(store(after, changes, options.marksUnsaved ?? true, revision));
        await Promise.all(record());
      } else {
        await Promise.all([
          ...store(after, changes, options.marksUnsaved ?? true, revision),
          ...record(),
        ]);
      }
    });
    return unchanged ? { ok: true, unchanged: true } : { ok: true };
  } catch (error) {
    if (error instanceof EditRefused) return { ok: false, problems: error.problems };
    // The transaction was rolled back after `store` moved this window's copy on: forget it, and
    // take the undo stacks back as stored.
    await forgetWrites();
    // A failure of the storage (a full disk, another window's upgrade) reaches the user as a
    // sentence that says what happened and what to do, never as "AbortError".
    throw storageFailure(
      error,
      kind === 'restore' ? 'The restore was not stored' : 'Your change was not stored',
    );
  }
}

/**
 * The newest entry of the history when this window wrote it, kept to grow it with typing: typing
 * into one field within a moment is one history entry and one undo step.
 */
let lastEdit:
  | {
      readonly entry: HistoryEntry;
      readonly epoch: string;
      readonly mergeKey?: string;
      readonly at: number;
    }
  | undefined;

/**
 * After a write was rolled back: what this window kept of the database may be wrong. The undo
 * stacks are read back as stored before the failed write's caller hears of it.
 */
async function forgetWrites(): Promise<void> {
  forgetState();
  lastEdit = undefined;
  await loadStacks().catch(() => undefined);
}

/** Records an edit in the history and on the undo stack; returns the writes it asked for. */
function recordEdit(edit: {
  readonly label: string;
  readonly changes: readonly Change[];
  readonly mergeKey: string | undefined;
  readonly kind: 'edit' | 'restore';
  /** The newest entry's sequence number, read in this transaction. */
  readonly newest: number;
  readonly epoch: string;
}): Promise<unknown>[] {
  const { label, changes, mergeKey, kind, newest, epoch } = edit;
  const at = Date.now();
  const grown = lastEdit;
  // Only into the newest entry of the history, this window's own and on top of its undo stack:
  // after another window's entry, typing goes on in an entry of its own, so that every entry
  // says how the portfolio was right after it.
  if (
    grown &&
    grown.epoch === epoch &&
    grown.entry.seq === newest &&
    stackTop('undo')?.seq === newest &&
    continuesEdit(
      {
        label,
        changes,
        at: grown.at,
        ...(grown.mergeKey && { mergeKey: grown.mergeKey }),
      },
      { label, changes, at, ...(mergeKey && { mergeKey }) },
    )
  ) {
    const { entry } = grown;
    const merged: HistoryEntry = {
      ...entry,
      label: mergedLabel(entry.label, label),
      changes: mergeEdits(
        { label: entry.label, changes: entry.changes, at },
        { label, changes, at },
      ).changes,
      at: new Date(at).toISOString(),
    };
    lastEdit = { entry: merged, epoch, at, ...(mergeKey && { mergeKey }) };
    return [db.history.put(merged), pushEdit({ seq: merged.seq, label: merged.label }, true)];
  }
  const entry = newEntry(newest + 1, kind, label, changes);
  lastEdit = { entry, epoch, at, ...(mergeKey && { mergeKey }) };
  return [...log(entry), pushEdit({ seq: entry.seq, label }, false)];
}

// ---- Undo, redo, restore ---------------------------------------------------------------------

export type ReplayResult =
  | { readonly kind: 'done'; readonly label: string }
  | { readonly kind: 'nothing' }
  /** The records changed since the edit (another window): replaying would overwrite that work. */
  | { readonly kind: 'conflict'; readonly label: string }
  /** Replaying would break a rule of the file (another window built on the edit). */
  | {
      readonly kind: 'refused';
      readonly label: string;
      readonly problems: readonly PortfolioProblem[];
    };

class ReplayConflict extends Error {}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Whether every record `changes` touch is still as their before-state says. */
function stillAsBefore(state: PortfolioState, changes: readonly Change[]): boolean {
  const indexes = new Map<ListEntityName, Map<string, unknown>>();
  const current = (table: ListEntityName, key: string): unknown => {
    let index = indexes.get(table);
    if (!index) {
      index = new Map();
      for (const record of state[table] as readonly object[]) {
        index.set(keyText(keyOf(table, record)), record);
      }
      indexes.set(table, index);
    }
    return index.get(key);
  };
  for (const change of changes) {
    const now = change.table === 'meta' ? state.meta : current(change.table, keyText(change.key));
    if (!same(now, change.before)) return false;
  }
  return true;
}

async function replay(which: 'undo' | 'redo', entry: StackEntry): Promise<ReplayResult> {
  return db.transaction('rw', ALL_TABLES(), async () => {
    const [stored, { before, newest }] = await Promise.all([
      db.history.get(entry.seq),
      readForWrite(),
    ]);
    if (!stored) throw new ReplayConflict();
    const changes = which === 'undo' ? invertChanges(stored.changes) : [...stored.changes];
    if (!stillAsBefore(before, changes)) throw new ReplayConflict();
    const after = applyChanges(before, changes);
    const problems = problemsAfter(after, changes);
    if (problems.length > 0) return { kind: 'refused', label: entry.label, problems } as const;
    const label = `${which === 'undo' ? 'Undid' : 'Redid'}: ${stored.label}`;
    lastEdit = undefined;
    await Promise.all([
      ...store(after, changes, true, currentRevision()),
      ...log(newEntry(newest + 1, which, label, changes)),
      which === 'undo' ? moveToRedo(entry) : moveToUndo(entry),
    ]);
    return { kind: 'done', label: entry.label } as const;
  });
}

async function replayTop(which: 'undo' | 'redo'): Promise<ReplayResult> {
  const entry = stackTop(which);
  if (!entry) return { kind: 'nothing' };
  try {
    return await replay(which, entry);
  } catch (error) {
    if (!(error instanceof ReplayConflict)) {
      // Rolled back, possibly after `store` moved this window's copy on: forget it.
      await forgetWrites();
      throw storageFailure(error, `The ${which} was not stored`);
    }
    // The history no longer describes the stored data; replaying any of it could lose work.
    await clearStacks();
    return { kind: 'conflict', label: entry.label };
  }
}

/** Undoes the last edit of this window. */
export function undo(): Promise<ReplayResult> {
  return enqueue(() => replayTop('undo'));
}

/** Redoes the last undone edit. */
export function redo(): Promise<ReplayResult> {
  return enqueue(() => replayTop('redo'));
}

/** The change history, newest first (at most `limit` entries). */
export async function readHistory(
  limit = LOG_LIMIT,
  initiativeId?: string,
): Promise<HistoryEntry[]> {
  const newestFirst = db.history.orderBy('seq').reverse();
  const chosen =
    initiativeId === undefined
      ? newestFirst
      : newestFirst.filter((entry) => initiativesTouched(entry).has(initiativeId));
  return chosen.limit(limit).toArray();
}

/**
 * Puts the portfolio back as it was right after history entry `seq`, as one edit (undoable,
 * recorded in the history, checked like any other).
 */
export function restoreToEntry(seq: number, label: string): Promise<EditResult> {
  return enqueue(() =>
    storeChecked(
      async (before) => {
        const entries = await db.history.where('seq').above(seq).toArray();
        return {
          label: `Restored the portfolio to ${quoted(label)}`,
          changes: replaceState(before, stateAt(before, entries, seq)),
        };
      },
      {},
      'restore',
    ),
  );
}

// ---- The whole portfolio -------------------------------------------------------------------

/**
 * Replaces the whole portfolio (open a file, start empty, load the demo); undoable. The snapshots
 * the portfolio brings are stored first (renderer/db/snapshots.ts `adoptSnapshots`: an id taken
 * by another snapshot gets a new one, and the reviews follow); stored snapshots are never removed.
 */
export async function replacePortfolio(
  portfolio: Portfolio,
  origin: PortfolioMeta['origin'],
  label: string,
): Promise<EditResult> {
  const adopted = await adoptSnapshots(portfolio);
  const next = portfolioToState(adopted, origin, ORDER_KEYS);
  return commit((current) => ({ label, changes: replaceState(current, next) }), {
    marksUnsaved: false,
  });
}

export { HISTORY_LIMIT };
