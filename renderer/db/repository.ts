/**
 * Every write to the portfolio. Each function computes its row changes inside one read-write
 * transaction over all tables, checks that the resulting portfolio still keeps every rule of the
 * file format (an edit that would break one is refused and changes nothing), applies the changes,
 * and records them for undo.
 */
import { restorePortfolio, type PortfolioProblem } from '../../shared/portfolio/restore';
import { portfolioToDocument } from '../../shared/portfolio/write';
import { uniqueId } from '../../shared/portfolio/ids';
import { isRank } from '../../shared/prioritize/fractional-rank';
import type { Initiative, Period, Portfolio } from '../../shared/portfolio/types';
import { invertEdit, withoutNoOps, type Edit, type RowChange, type RowKey } from './changes';
import { clearHistory, getHistory, markRedone, markUndone, recordEdit } from './history';
import { db, journalStorage, tableOf } from './database';
import { portfolioToRows, rowsToPortfolio, type PortfolioRows } from './portfolio-rows';
import {
  TABLE_NAMES,
  type ActualRow,
  type InitiativeRow,
  type ObjectiveRow,
  type PeriodRow,
  type PortfolioMetaRow,
  type PortfolioStatusRow,
  type TableName,
  type TeamRow,
} from './schema';
import {
  dropFromJournal,
  writeJournal,
  type JournalStorage,
  type UnstoredEdit,
} from './unstored-edits';

export type EditResult =
  { readonly ok: true } | { readonly ok: false; readonly problems: readonly PortfolioProblem[] };

class EditRefused extends Error {
  constructor(readonly problems: readonly PortfolioProblem[]) {
    super(problems.map((problem) => `${problem.path}: ${problem.message}`).join('; '));
  }
}

/** Reads every row of the portfolio (inside the current transaction, if any). */
export async function readRows(): Promise<PortfolioRows> {
  const [meta, periods, teams, objectives, initiatives, scenarios, ranks, actuals] =
    await Promise.all([
      db.meta.get('portfolio') as Promise<PortfolioMetaRow | undefined>,
      db.periods.toArray(),
      db.teams.toArray(),
      db.objectives.toArray(),
      db.initiatives.toArray(),
      db.scenarios.toArray(),
      db.ranks.toArray(),
      db.actuals.toArray(),
    ]);
  if (!meta) throw new Error('The portfolio is missing from the database.');
  return { meta, periods, teams, objectives, initiatives, scenarios, ranks, actuals };
}

/** The stored portfolio, as the file format describes it. */
export async function readPortfolio(): Promise<Portfolio> {
  return db.transaction('r', TABLE_NAMES.map(tableOf), async () =>
    rowsToPortfolio(await readRows()),
  );
}

async function applyChanges(changes: readonly RowChange[]): Promise<void> {
  for (const change of changes) {
    const table = tableOf(change.table);
    if (change.after === undefined) await table.delete(change.key as never);
    else await table.put(change.after);
  }
}

/** The primary key of a row of `table`. */
export function keyOfRow(table: TableName, row: object): RowKey {
  const record = row as Record<string, string>;
  switch (table) {
    case 'meta':
      return String(record.key);
    case 'actuals':
      return [String(record.initiativeId), String(record.periodId)];
    case 'ranks':
      return [String(record.scenarioId), String(record.initiativeId)];
    default:
      return String(record.id);
  }
}

function rowKey(table: TableName, row: object): string {
  const key = keyOfRow(table, row);
  return typeof key === 'string' ? key : JSON.stringify(key);
}

/** The rows as they will be once `changes` are applied, without touching the database. */
export function applyToRows(rows: PortfolioRows, changes: readonly RowChange[]): PortfolioRows {
  const next: Record<string, unknown> = { ...rows };
  for (const name of TABLE_NAMES) {
    const touched = changes.filter((change) => change.table === name);
    if (touched.length === 0) continue;
    if (name === 'meta') {
      next.meta = touched[touched.length - 1]?.after ?? rows.meta;
      continue;
    }
    const byKey = new Map((rows[name] as readonly object[]).map((row) => [rowKey(name, row), row]));
    for (const change of touched) {
      const key = typeof change.key === 'string' ? change.key : JSON.stringify(change.key);
      if (change.after === undefined) byKey.delete(key);
      else byKey.set(key, change.after as object);
    }
    next[name] = [...byKey.values()];
  }
  return next as PortfolioRows;
}

type Planner = (rows: PortfolioRows) => RowChange[] | Promise<RowChange[]>;

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
  label: string;
  plan: Planner;
  readonly options: CommitOptions;
  /** Its place in the write queue (see `queuedWrites`). */
  readonly queuedAs: number;
  started: boolean;
  /** Once planned inside its transaction: the rows it started from and what it changes. */
  planned?: { readonly before: PortfolioRows; readonly changes: readonly RowChange[] };
  result?: Promise<EditResult>;
};

/** The edits of this window the database does not have yet, oldest first. */
const pendingEdits: PendingEdit[] = [];
/** The rows as stored after this window's last write, or as last read while nothing was pending. */
let knownRows: PortfolioRows | undefined;
/** This window's journal of unstored edits, and the ids it holds. */
const windowKey = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
const journalled = new Set<string>();
let editCount = 0;

/**
 * Notes rows just read from the database. While this window has no write pending they are what
 * is stored, and the base on which an edit made just before the page goes away is journalled.
 */
export function noteStoredRows(rows: PortfolioRows): void {
  if (pendingEdits.length === 0) knownRows = rows;
}

/** How many edits of this window are waiting for the database. */
export function pendingEditCount(): number {
  return pendingEdits.length;
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
    if (storage) dropFromJournal(storage, windowKey, new Set([edit.id]));
  }
}

/**
 * Writes the edits the database does not have yet to this window's journal in localStorage, at
 * once: for a page being reloaded, hidden or closed, which cannot wait for IndexedDB. Edits still
 * queued are planned here against the rows as this window last knew them; at the next start the
 * journal is replayed only where the rows are still as the edits found them. Returns how many
 * edits were journalled.
 */
export function journalUnstoredEdits(
  storage: JournalStorage | undefined = journalStorage(),
): number {
  if (!storage) return 0;
  const edits: UnstoredEdit[] = [];
  let rows = knownRows;
  for (const edit of pendingEdits) {
    let before: PortfolioRows;
    let changes: readonly RowChange[];
    if (edit.planned) {
      ({ before, changes } = edit.planned);
    } else {
      if (!rows) break;
      let planned: RowChange[] | Promise<RowChange[]>;
      try {
        planned = edit.plan(rows);
      } catch {
        break;
      }
      if (planned instanceof Promise) {
        // Cannot wait for it here; the edits after it may build on it, so stop.
        planned.catch(() => undefined);
        break;
      }
      before = rows;
      changes = withoutNoOps(planned);
      // The write itself would refuse it: nothing to keep.
      if (changes.length > 0 && problemsOf(applyToRows(before, changes)).length > 0) continue;
    }
    rows = applyToRows(before, changes);
    if (changes.length > 0) edits.push({ id: edit.id, label: edit.label, changes });
  }
  journalled.clear();
  if (!writeJournal(storage, windowKey, edits)) return 0;
  for (const edit of edits) journalled.add(edit.id);
  return edits.length;
}

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

/**
 * What is wrong with the rank rows beyond what the file's rules see: a rank row for a scenario
 * that is gone (the file form would drop it silently), a malformed rank, or two cards of one
 * scenario with the same rank (their order would be undefined).
 */
function rankProblems(rows: PortfolioRows): PortfolioProblem[] {
  const problems: PortfolioProblem[] = [];
  const scenarios = new Set(rows.scenarios.map((scenario) => scenario.id));
  const seen = new Set<string>();
  for (const row of rows.ranks) {
    const path = `ranks[${row.scenarioId}/${row.initiativeId}]`;
    if (!scenarios.has(row.scenarioId)) {
      problems.push({ path, message: `scenario "${row.scenarioId}" does not exist` });
    }
    if (!isRank(row.rank)) problems.push({ path, message: `"${row.rank}" is not a rank` });
    const key = JSON.stringify([row.scenarioId, row.rank]);
    if (seen.has(key)) {
      problems.push({ path, message: `another card of the scenario has rank "${row.rank}"` });
    }
    seen.add(key);
  }
  return problems;
}

/** The problems the file format's reader would find in the portfolio these rows make. */
function problemsOf(rows: PortfolioRows): readonly PortfolioProblem[] {
  const ranks = rankProblems(rows);
  if (ranks.length > 0) return ranks;
  const result = restorePortfolio(portfolioToDocument(rowsToPortfolio(rows)));
  return result.ok ? [] : result.errors;
}

/**
 * Plans, checks and applies one edit in a single transaction, then records it for undo.
 * Returns the problems instead when the portfolio would no longer be one the file format's
 * reader accepts; then nothing is stored.
 */
export function commitEdit(
  label: string,
  plan: Planner,
  options: CommitOptions = {},
): Promise<EditResult> {
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
    last.label = label;
    last.plan = plan;
    return last.result;
  }
  editCount += 1;
  const edit: PendingEdit = {
    id: `${windowKey}-${editCount}`,
    label,
    plan,
    options,
    queuedAs: queuedWrites + 1,
    started: false,
  };
  pendingEdits.push(edit);
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
  const { options } = edit;
  let stored: PortfolioRows | undefined;
  try {
    const changes = await db.transaction('rw', TABLE_NAMES.map(tableOf), async () => {
      const before = await readRows();
      const planned = withoutNoOps(await edit.plan(before));
      edit.planned = { before, changes: planned };
      stored = before;
      if (planned.length === 0) return planned;
      const problems = problemsOf(applyToRows(before, planned));
      if (problems.length > 0) throw new EditRefused(problems);
      await applyChanges(planned);
      await setUnsaved(options.marksUnsaved ?? true);
      stored = applyToRows(before, planned);
      return planned;
    });
    knownRows = stored;
    if (changes.length > 0) {
      recordEdit({
        label: edit.label,
        changes,
        at: Date.now(),
        ...(options.mergeKey && { mergeKey: options.mergeKey }),
      });
    }
    return { ok: true };
  } catch (error) {
    if (error instanceof EditRefused) {
      knownRows = stored;
      return { ok: false, problems: error.problems };
    }
    throw error;
  }
}

export type ReplayResult =
  | { readonly kind: 'done'; readonly label: string }
  | { readonly kind: 'nothing' }
  /** The rows changed since the edit (another window): replaying would overwrite that work. */
  | { readonly kind: 'conflict'; readonly label: string };

class ReplayConflict extends Error {}

/** Applies `edit` only if every row it touches is still as `edit`'s before-state says. */
async function replay(edit: Edit): Promise<void> {
  await db.transaction('rw', TABLE_NAMES.map(tableOf), async () => {
    for (const change of edit.changes) {
      const current = await tableOf(change.table).get(change.key as never);
      if (JSON.stringify(current) !== JSON.stringify(change.before)) throw new ReplayConflict();
    }
    await applyChanges(edit.changes);
    await setUnsaved(true);
  });
}

async function replayFromStack(
  pick: () => Edit | undefined,
  toApply: (edit: Edit) => Edit,
  done: (edit: Edit) => void,
): Promise<ReplayResult> {
  const edit = pick();
  if (!edit) return { kind: 'nothing' };
  try {
    await replay(toApply(edit));
  } catch (error) {
    if (!(error instanceof ReplayConflict)) throw error;
    // The history no longer describes the stored data; replaying any of it could lose work.
    clearHistory();
    return { kind: 'conflict', label: edit.label };
  }
  done(edit);
  return { kind: 'done', label: edit.label };
}

/** Undoes the last edit of this window. */
export function undo(): Promise<ReplayResult> {
  return enqueue(() => replayFromStack(() => getHistory().undo.at(-1), invertEdit, markUndone));
}

/** Redoes the last undone edit. */
export function redo(): Promise<ReplayResult> {
  return enqueue(() =>
    replayFromStack(
      () => getHistory().redo.at(-1),
      (edit) => edit,
      markRedone,
    ),
  );
}

export function change<T extends object>(
  table: RowChange['table'],
  key: RowKey,
  before: T | undefined,
  after: T | undefined,
): RowChange {
  return { table, key, before, after };
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

export function nextPos(rows: readonly { pos: number }[]): number {
  return rows.reduce((max, row) => Math.max(max, row.pos), -1) + 1;
}

/** The tables whose rows are found by an `id`. */
export type TableWithIds = 'periods' | 'teams' | 'objectives' | 'initiatives' | 'scenarios';

/** Edits the row with `id` of `table`; `what` names the entity in the error when it is gone. */
export function updateById<Row extends { readonly id: string }>(
  table: TableWithIds,
  what: string,
  id: string,
  label: string,
  update: (row: Row) => Row,
  options?: CommitOptions,
): Promise<EditResult> {
  return commitEdit(
    label,
    (rows) => {
      const row = (rows[table] as readonly { readonly id: string }[]).find(
        (entry) => entry.id === id,
      );
      if (!row) throw new Error(`${what} "${id}" no longer exists.`);
      return [change(table, id, row, update(row as Row))];
    },
    options,
  );
}

// ---- The whole portfolio -------------------------------------------------------------------

/** Replaces the whole portfolio (open a file, start empty, load the demo); undoable. */
export function replacePortfolio(
  portfolio: Portfolio,
  origin: PortfolioMetaRow['origin'],
  label: string,
): Promise<EditResult> {
  const next = portfolioToRows(portfolio, origin);
  return commitEdit(
    label,
    (current) => {
      const changes: RowChange[] = [change('meta', 'portfolio', current.meta, next.meta)];
      for (const name of TABLE_NAMES) {
        if (name === 'meta') continue;
        const keyOf = (row: object): RowKey => keyOfRow(name, row);
        const after = new Map(next[name].map((row) => [JSON.stringify(keyOf(row)), row as object]));
        for (const row of current[name]) {
          const key = JSON.stringify(keyOf(row));
          changes.push(change(name, keyOf(row), row, after.get(key)));
          after.delete(key);
        }
        for (const row of after.values()) changes.push(change(name, keyOf(row), undefined, row));
      }
      return changes;
    },
    { marksUnsaved: false },
  );
}

/** Edits the portfolio's name, currency, capacity unit or budget. */
export function updatePortfolioMeta(
  label: string,
  update: (meta: PortfolioMetaRow) => PortfolioMetaRow,
  options?: CommitOptions,
): Promise<EditResult> {
  return commitEdit(
    label,
    ({ meta }) => [change('meta', 'portfolio', meta, update(meta))],
    options,
  );
}

// ---- Initiatives ---------------------------------------------------------------------------

/** Edits one initiative. */
export function updateInitiative(
  id: string,
  label: string,
  update: (initiative: InitiativeRow) => InitiativeRow,
  options?: CommitOptions,
): Promise<EditResult> {
  return updateById('initiatives', 'Initiative', id, label, update, options);
}

/** Adds an initiative at the end of the list; returns its id. */
export async function createInitiative(name = 'New initiative'): Promise<string> {
  let id = '';
  await commitEdit('Add initiative', ({ initiatives }) => {
    id = uniqueId(name, new Set(initiatives.map((initiative) => initiative.id)));
    const row: InitiativeRow = { id, name, status: 'proposed', pos: nextPos(initiatives) };
    return [change('initiatives', id, undefined, row)];
  });
  return id;
}

/** Copies an initiative (without its dependants' links) right after it; returns the copy's id. */
export async function duplicateInitiative(id: string): Promise<string> {
  let copyId = '';
  await commitEdit('Duplicate initiative', ({ initiatives }) => {
    const source = initiatives.find((initiative) => initiative.id === id);
    if (!source) throw new Error(`Initiative "${id}" no longer exists.`);
    copyId = uniqueId(`${source.id}-copy`, new Set(initiatives.map((initiative) => initiative.id)));
    const changes: RowChange[] = [];
    for (const row of initiatives) {
      if (row.pos > source.pos)
        changes.push(change('initiatives', row.id, row, { ...row, pos: row.pos + 1 }));
    }
    const copy: InitiativeRow = {
      ...source,
      id: copyId,
      name: `${source.name} (copy)`,
      pos: source.pos + 1,
    };
    changes.push(change('initiatives', copyId, undefined, copy));
    return changes;
  });
  return copyId;
}

/**
 * Deletes an initiative and every reference to it: other initiatives' dependencies and
 * exclusions, scenario rankings, and its actuals.
 */
export function deleteInitiative(id: string): Promise<EditResult> {
  return commitEdit('Delete initiative', ({ initiatives, ranks, actuals }) => {
    const changes: RowChange[] = [];
    for (const row of initiatives) {
      if (row.id === id) {
        changes.push(change('initiatives', id, row, undefined));
        continue;
      }
      let next: InitiativeRow = row;
      for (const field of ['dependsOn', 'excludes'] as const) {
        const list = next[field];
        if (list?.includes(id)) {
          const kept = list.filter((other) => other !== id);
          next = setField(next, field, kept.length > 0 ? kept : undefined);
        }
      }
      if (next !== row) changes.push(change('initiatives', row.id, row, next));
    }
    for (const rank of ranks) {
      if (rank.initiativeId === id) {
        changes.push(change('ranks', keyOfRow('ranks', rank), rank, undefined));
      }
    }
    for (const actual of actuals) {
      if (actual.initiativeId === id) {
        changes.push(change('actuals', keyOfRow('actuals', actual), actual, undefined));
      }
    }
    return changes;
  });
}

// ---- Teams ---------------------------------------------------------------------------------

/** Edits one team (its name or capacity). */
export function updateTeam(
  id: string,
  label: string,
  update: (team: TeamRow) => TeamRow,
  options?: CommitOptions,
): Promise<EditResult> {
  return updateById('teams', 'Team', id, label, update, options);
}

/** Sets a team's capacity in one period; `undefined` clears it (counts as 0). */
export function setTeamCapacity(
  teamId: string,
  periodId: string,
  value: number | undefined,
  options?: CommitOptions,
): Promise<EditResult> {
  return updateTeam(
    teamId,
    'Change capacity',
    (team) => {
      const capacity: Record<string, number> = { ...team.capacity };
      if (value === undefined) delete capacity[periodId];
      else capacity[periodId] = value;
      return { ...team, capacity };
    },
    options,
  );
}

/** Adds a team with no capacity yet; returns its id. */
export async function createTeam(name = 'New team'): Promise<string> {
  let id = '';
  await commitEdit('Add team', ({ teams }) => {
    id = uniqueId(name, new Set(teams.map((team) => team.id)));
    const row: TeamRow = { id, name, capacity: {}, pos: nextPos(teams) };
    return [change('teams', id, undefined, row)];
  });
  return id;
}

/** Deletes a team and the demand and effort recorded against it. */
export function deleteTeam(id: string): Promise<EditResult> {
  return commitEdit('Delete team', ({ teams, initiatives, actuals }) => {
    const changes: RowChange[] = [];
    const team = teams.find((row) => row.id === id);
    if (team) changes.push(change('teams', id, team, undefined));
    for (const row of initiatives) {
      if (row.demand && id in row.demand) {
        const { [id]: _removed, ...demand } = row.demand;
        changes.push(change('initiatives', row.id, row, { ...row, demand }));
      }
    }
    for (const actual of actuals) {
      if (actual.effort && id in actual.effort) {
        const { [id]: _removed, ...effort } = actual.effort;
        changes.push(
          change('actuals', [actual.initiativeId, actual.periodId], actual, { ...actual, effort }),
        );
      }
    }
    return changes;
  });
}

/** Teams' uses by initiatives, to warn before a delete. */
export function countTeamDemand(teamId: string, initiatives: readonly Initiative[]): number {
  return initiatives.filter((initiative) => initiative.demand && teamId in initiative.demand)
    .length;
}

// ---- Periods and budget ----------------------------------------------------------------------

/** Edits one period's label or dates. */
export function updatePeriod(
  id: string,
  label: string,
  update: (period: PeriodRow) => PeriodRow,
  options?: CommitOptions,
): Promise<EditResult> {
  return updateById('periods', 'Period', id, label, update, options);
}

/** Appends a period after the last one; `next` computes it from the last (or null). */
export async function appendPeriod(
  next: (last: Period | undefined, taken: ReadonlySet<string>) => Period,
): Promise<string> {
  let id = '';
  await commitEdit('Add period', ({ periods }) => {
    const sorted = [...periods].sort((a, b) => a.pos - b.pos);
    const period = next(sorted[sorted.length - 1], new Set(periods.map((row) => row.id)));
    id = period.id;
    return [change('periods', id, undefined, { ...period, pos: nextPos(periods) })];
  });
  return id;
}

/**
 * Deletes a period with the capacity and budget entered for it. Refused (with the reason) while
 * an initiative's start window or an actual refers to it.
 */
export function deletePeriod(id: string): Promise<EditResult> {
  return commitEdit('Delete period', ({ periods, teams, meta }) => {
    const changes: RowChange[] = [];
    const period = periods.find((row) => row.id === id);
    if (period) changes.push(change('periods', id, period, undefined));
    for (const team of teams) {
      if (id in team.capacity) {
        const { [id]: _removed, ...capacity } = team.capacity;
        changes.push(change('teams', team.id, team, { ...team, capacity }));
      }
    }
    if (meta.budget && id in meta.budget) {
      const { [id]: _removed, ...budget } = meta.budget;
      changes.push(change('meta', 'portfolio', meta, { ...meta, budget }));
    }
    return changes;
  });
}

/** Sets the budget of one period; `undefined` removes the limit for that period. */
export function setPeriodBudget(
  periodId: string,
  value: number | undefined,
  options?: CommitOptions,
): Promise<EditResult> {
  return updatePortfolioMeta(
    'Change budget',
    (meta) => {
      const budget: Record<string, number> = { ...(meta.budget ?? {}) };
      if (value === undefined) delete budget[periodId];
      else budget[periodId] = value;
      return { ...meta, budget };
    },
    options,
  );
}

/** Turns the budget constraint on (an empty budget to fill in) or off (removes it). */
export function setBudgetEnabled(enabled: boolean): Promise<EditResult> {
  return updatePortfolioMeta(enabled ? 'Turn budget on' : 'Turn budget off', (meta) =>
    setField(meta, 'budget', enabled ? (meta.budget ?? {}) : undefined),
  );
}

// ---- Objectives ------------------------------------------------------------------------------

/** Adds an objective (a theme when `parentId` is null); returns its id. */
export async function createObjective(name: string, parentId: string | null): Promise<string> {
  let id = '';
  await commitEdit(parentId ? 'Add objective' : 'Add theme', ({ objectives }) => {
    id = uniqueId(name, new Set(objectives.map((objective) => objective.id)));
    const row: ObjectiveRow = { id, name, parentId, pos: nextPos(objectives) };
    return [change('objectives', id, undefined, row)];
  });
  return id;
}

/** Edits one objective (name, weight, description, measures, parent). */
export function updateObjective(
  id: string,
  label: string,
  update: (objective: ObjectiveRow) => ObjectiveRow,
  options?: CommitOptions,
): Promise<EditResult> {
  return updateById('objectives', 'Objective', id, label, update, options);
}

/**
 * Deletes an objective. Its children move up to its parent, and initiatives' links to it are
 * removed.
 */
export function deleteObjective(id: string): Promise<EditResult> {
  return commitEdit('Delete objective', ({ objectives, initiatives }) => {
    const target = objectives.find((objective) => objective.id === id);
    if (!target) return [];
    const changes: RowChange[] = [change('objectives', id, target, undefined)];
    for (const child of objectives) {
      if (child.parentId === id) {
        changes.push(
          change('objectives', child.id, child, { ...child, parentId: target.parentId ?? null }),
        );
      }
    }
    for (const row of initiatives) {
      if (row.objectives?.some((link) => link.id === id)) {
        const kept = row.objectives.filter((link) => link.id !== id);
        changes.push(
          change(
            'initiatives',
            row.id,
            row,
            setField(row, 'objectives', kept.length > 0 ? kept : undefined),
          ),
        );
      }
    }
    return changes;
  });
}

// ---- Actuals ---------------------------------------------------------------------------------

/** Records what an initiative really spent and delivered in a period (replacing any entry). */
export function setActual(actual: Omit<ActualRow, 'pos'>): Promise<EditResult> {
  return commitEdit('Record actuals', ({ actuals }) => {
    const key: RowKey = [actual.initiativeId, actual.periodId];
    const existing = actuals.find(
      (row) => row.initiativeId === actual.initiativeId && row.periodId === actual.periodId,
    );
    return [
      change('actuals', key, existing, { ...actual, pos: existing?.pos ?? nextPos(actuals) }),
    ];
  });
}

export function deleteActual(initiativeId: string, periodId: string): Promise<EditResult> {
  return commitEdit('Delete actuals', ({ actuals }) => {
    const existing = actuals.find(
      (row) => row.initiativeId === initiativeId && row.periodId === periodId,
    );
    return existing ? [change('actuals', [initiativeId, periodId], existing, undefined)] : [];
  });
}
