/**
 * Named edits of actuals: the actuals grid's cells (one cell typed, or a block pasted from a
 * spreadsheet) and clearing an initiative's actual of a period. Every cell of an edit is checked
 * first; one bad cell refuses them all, each problem named by row (the initiative) and column,
 * and nothing is stored. Cells set together, a pasted block included, are one undo step.
 */
import { numberShape, shapeValue } from '../../exchange/import/numbers';
import {
  BROKEN_TEXT_MESSAGE,
  MAX_CAPACITY,
  MAX_MONEY,
  MAX_TEXT_LENGTH,
  formatLimit,
  isWellFormedText,
  tooLongMessage,
} from '../../portfolio/limits';
import {
  CONFIDENCE_LEVELS,
  RAG_STATUSES,
  type Actual,
  type Confidence,
  type Portfolio,
  type Rag,
} from '../../portfolio/types';
import { change, type Change, type EditPlan } from '../changes';
import { byId, OperationError, quoted, type EditContext } from '../context';
import { lastOrder, type ActualRecord, type PortfolioState } from '../state';

/** A column of the actuals grid: one of an actual's fields, or the effort of one team. */
export type ActualField =
  'spend' | 'progress' | 'rag' | 'confidence' | 'benefit' | 'note' | { readonly effort: string };

/** A column of the grid, as `parsePastedBlock` is told the columns from the focused cell on. */
export type ActualColumn = ActualField;

/**
 * One cell to set. Numbers as typed: money and effort as amounts, progress as a percentage
 * (0..100, stored as a share 0..1); RAG and confidence as words ('green', 'Amber', 'high'…);
 * the note (the reason) as text. Undefined, or text that is empty or only spaces, clears the
 * cell. Text given for a number column is read as a number written with a decimal point
 * ("12.5"; "40 %" for progress); `parsePastedBlock` reads text in either number format.
 */
export type ActualCell = {
  readonly initiativeId: string;
  readonly field: ActualField;
  readonly value: number | string | undefined;
};

/** Why a cell (or a pasted block) is refused. */
export type ActualCellProblem = {
  /** The row: absent when the problem is the block's, not one cell's. */
  readonly initiativeId?: string;
  readonly field?: ActualField;
  /** The full sentence, naming row and column: "Row “CRM revamp”, column Spend: …". */
  readonly message: string;
};

/** The refusal of `setActualCells`: every bad cell, and nothing stored. */
export class ActualCellsError extends OperationError {
  readonly problems: readonly ActualCellProblem[];
  constructor(problems: readonly ActualCellProblem[]) {
    super(problems.map((problem) => problem.message).join('\n'));
    this.problems = problems;
  }
}

/** How rows and columns are named in messages. */
export type ActualLabels = {
  readonly row: (initiativeId: string) => string;
  readonly column: (field: ActualField) => string;
};

/** Which decimal separator pasted numbers use (the app's number format). */
export type PasteDecimal = 'dot' | 'comma';

/** What a pasted block sets, or why it is refused (all of its problems). */
export type PastedBlock =
  { readonly cells: readonly ActualCell[] } | { readonly problems: readonly ActualCellProblem[] };

/** The grid's column headings of an actual's own fields (a team's effort is named by the team). */
export const ACTUAL_COLUMN_NAMES: Readonly<Record<Exclude<ActualField, object>, string>> = {
  spend: 'Spend',
  progress: 'Progress %',
  rag: 'RAG',
  confidence: 'Confidence',
  benefit: 'Benefit realized',
  note: 'Reason',
};

/** The fields an actual keeps figures in: an actual with none of them says nothing. */
const FIGURE_FIELDS = [
  'spend',
  'effort',
  'progress',
  'rag',
  'confidence',
  'benefit',
  'note',
] as const satisfies readonly (keyof Actual)[];

/** The key text of a field, to compare columns: 'spend', 'effort:<teamId>'. */
export function fieldKey(field: ActualField): string {
  return typeof field === 'string' ? field : `effort:${field.effort}`;
}

/** The heading of an effort column: "Effort Platform". */
function effortName(teamName: string): string {
  return `Effort ${teamName}`;
}

/** The grid's row and column names in `state`: initiatives and teams by name, else by id. */
export function actualLabels(
  state: Pick<PortfolioState, 'initiatives' | 'teams'> | Pick<Portfolio, 'initiatives' | 'teams'>,
): ActualLabels {
  const initiatives = new Map(
    state.initiatives.map((item): [string, string] => [item.id, item.name || item.id]),
  );
  const teams = new Map(
    state.teams.map((team): [string, string] => [team.id, team.name || team.id]),
  );
  return {
    row: (initiativeId) => initiatives.get(initiativeId) ?? initiativeId,
    column: (field) =>
      typeof field === 'string'
        ? ACTUAL_COLUMN_NAMES[field]
        : effortName(teams.get(field.effort) ?? field.effort),
  };
}

const DEFAULT_LABELS: ActualLabels = {
  row: (initiativeId) => initiativeId,
  column: (field) =>
    typeof field === 'string' ? ACTUAL_COLUMN_NAMES[field] : effortName(field.effort),
};

function cellProblem(
  labels: ActualLabels,
  initiativeId: string,
  field: ActualField,
  message: string,
): ActualCellProblem {
  return {
    initiativeId,
    field,
    message: `Row ${quoted(labels.row(initiativeId))}, column ${labels.column(field)}: ${message}.`,
  };
}

/** A cell's text as a message shows it: in quotes, on one line, cut when long. */
function shownText(text: string): string {
  const line = text.replace(/[\r\n\t]+/g, ' ').trim();
  return quoted(line.length > 40 ? `${line.slice(0, 39)}…` : line);
}

// ---- One cell's value ------------------------------------------------------------------------

/** A cell's value as an actual keeps it; `undefined` clears the cell. */
type Stored = number | string | undefined;

/** A cell's value as stored, or why it cannot be. */
type Checked =
  { readonly ok: true; readonly value: Stored } | { readonly ok: false; readonly message: string };

function isBlank(value: number | string | undefined): value is undefined | string {
  return value === undefined || (typeof value === 'string' && value.trim() === '');
}

/** The largest amount a number column takes, in the unit it is typed in. */
function numberLimit(field: ActualField): number {
  if (typeof field !== 'string') return MAX_CAPACITY;
  return field === 'progress' ? 100 : MAX_MONEY;
}

/** Currency signs and codes around an amount, as a spreadsheet shows money: "€ 1,200", "1 200 EUR". */
const MONEY_AROUND = /^(?:\p{Sc}|[A-Z]{3}(?=[\s\d]))\s*|\s*(?:\p{Sc}|(?<=[\s\d])[A-Z]{3})$/gu;
/** A percent sign at the end, after optional spaces (no-break ones too). */
const PERCENT_END = /[\s\u00a0\u202f]*%$/;

/**
 * The number in a cell's text, written in `decimal`'s format: "1.234,5" with a decimal comma,
 * "1,234.5" with a point. A number whose form reads one way only ("1.5", "1,234.5") is read that
 * way; one that reads two ways ("1,500", "2.000") by the format. Progress may end in "%"; money
 * may carry its currency sign or code.
 */
function readNumber(text: string, field: ActualField, decimal: PasteDecimal): Checked {
  let body = text.trim().replace(/\u2212/g, '-');
  const money = field === 'spend' || field === 'benefit';
  if (money) body = body.replace(MONEY_AROUND, '');
  if (PERCENT_END.test(body)) {
    if (field !== 'progress') {
      return {
        ok: false,
        message: `${shownText(text)} is a percentage; this column takes a number`,
      };
    }
    body = body.replace(PERCENT_END, '');
  }
  const shape = numberShape(body);
  if (shape.kind === 'bad') return { ok: false, message: `${shownText(text)} is not a number` };
  return { ok: true, value: shapeValue(shape, decimal === 'comma' ? ',' : '.') };
}

/** The word of `choices` a cell's text names, whatever its case. */
function word<T extends string>(
  value: number | string,
  choices: readonly T[],
  what: string,
): Checked {
  const text = String(value).trim().toLowerCase();
  const found = choices.find((choice) => choice === text);
  if (found !== undefined) return { ok: true, value: found };
  const list = `${choices.slice(0, -1).join(', ')} or ${choices[choices.length - 1]}`;
  return { ok: false, message: `${shownText(String(value))} is not ${what}; write ${list}` };
}

/**
 * A cell's value as an actual keeps it, or why not: numbers not negative and within the limits
 * (progress a percentage from 0 to 100, kept as a share), RAG and confidence one of their words,
 * the reason text within the limit. Text in a number column is read in `decimal`'s format.
 */
function checkValue(
  field: ActualField,
  value: number | string | undefined,
  decimal: PasteDecimal,
): Checked {
  if (isBlank(value)) return { ok: true, value: undefined };
  if (field === 'rag') return word<Rag>(value, RAG_STATUSES, 'a RAG status');
  if (field === 'confidence') {
    return word<Confidence>(value, CONFIDENCE_LEVELS, 'a confidence level');
  }
  if (field === 'note') {
    const text = String(value).trim();
    if (!isWellFormedText(text)) return { ok: false, message: `the reason ${BROKEN_TEXT_MESSAGE}` };
    if (text.length > MAX_TEXT_LENGTH) {
      return { ok: false, message: `the reason ${tooLongMessage(MAX_TEXT_LENGTH, text.length)}` };
    }
    return { ok: true, value: text };
  }
  let number: number;
  if (typeof value === 'number') number = value;
  else {
    const read = readNumber(value, field, decimal);
    if (!read.ok) return read;
    number = read.value as number;
  }
  if (!Number.isFinite(number)) return { ok: false, message: `${String(value)} is not a number` };
  if (number < 0)
    return { ok: false, message: `${formatNumber(number)} is negative; enter 0 or more` };
  const max = numberLimit(field);
  if (number > max) {
    return field === 'progress'
      ? { ok: false, message: `${formatNumber(number)} % is over 100 %; enter 0 to 100` }
      : { ok: false, message: `${formatNumber(number)} is too large; at most ${formatLimit(max)}` };
  }
  // Progress is typed as a percentage and kept as a share: 40 → 0.4 (12.5 → 0.125).
  return { ok: true, value: field === 'progress' ? roundShare(number / 100) : number };
}

/** A share without the float noise of a division (0.07 rather than 0.07000000000000001). */
function roundShare(share: number): number {
  return Number(share.toPrecision(12));
}

function formatNumber(value: number): string {
  return String(Number(value.toPrecision(12)));
}

// ---- Setting cells ---------------------------------------------------------------------------

/** `actual` with one field set; `undefined` clears it (an effort by team). */
function withField(
  actual: ActualRecord,
  field: ActualField,
  value: number | string | undefined,
): ActualRecord {
  const next: Record<string, unknown> = { ...actual };
  if (typeof field === 'string') {
    if (value === undefined) delete next[field];
    else next[field] = value;
    return next as ActualRecord;
  }
  // Built from entries, so a team id such as "__proto__" is a key like any other.
  const entries = Object.entries(actual.effort ?? {}).filter(([teamId]) => teamId !== field.effort);
  if (value !== undefined) entries.push([field.effort, value as number]);
  if (entries.length === 0) delete next.effort;
  else next.effort = Object.fromEntries(entries);
  return next as ActualRecord;
}

/** Whether an actual says anything: a figure, a RAG, a reason, or keys Baton does not know. */
function saysSomething(actual: Actual): boolean {
  return actual.extras !== undefined || FIGURE_FIELDS.some((field) => actual[field] !== undefined);
}

function actualOf(
  state: PortfolioState,
  initiativeId: string,
  periodId: string,
): ActualRecord | undefined {
  return state.actuals.find(
    (actual) => actual.initiativeId === initiativeId && actual.periodId === periodId,
  );
}

/**
 * Sets cells of `periodId`'s actuals as one edit: each initiative's actual of the period is made
 * when it has none, and removed when it is left with nothing in it. Refused with an
 * ActualCellsError (every bad cell, named by row and column) and nothing changed when any cell
 * names an initiative or a team that is gone, or holds a value the file would refuse.
 */
export function setActualCells(
  state: PortfolioState,
  context: EditContext,
  periodId: string,
  cells: readonly ActualCell[],
): EditPlan {
  const period = byId(state.periods, periodId, 'Period');
  const labels = actualLabels(state);
  const initiatives = new Set(state.initiatives.map((initiative) => initiative.id));
  const teams = new Set(state.teams.map((team) => team.id));
  const problems: ActualCellProblem[] = [];
  /** The values by initiative, in the order the cells first name them; a later cell wins. */
  const byInitiative = new Map<string, Map<string, { field: ActualField; value: Stored }>>();
  for (const cell of cells) {
    if (!initiatives.has(cell.initiativeId)) {
      problems.push(
        cellProblem(labels, cell.initiativeId, cell.field, 'the initiative no longer exists'),
      );
      continue;
    }
    if (typeof cell.field !== 'string' && !teams.has(cell.field.effort)) {
      problems.push(
        cellProblem(labels, cell.initiativeId, cell.field, 'the team no longer exists'),
      );
      continue;
    }
    const checked = checkValue(cell.field, cell.value, 'dot');
    if (!checked.ok) {
      problems.push(cellProblem(labels, cell.initiativeId, cell.field, checked.message));
      continue;
    }
    const fields = byInitiative.get(cell.initiativeId) ?? new Map();
    fields.set(fieldKey(cell.field), { field: cell.field, value: checked.value });
    byInitiative.set(cell.initiativeId, fields);
  }
  if (problems.length > 0) throw new ActualCellsError(problems);

  const fresh = [...byInitiative.keys()].filter((id) => !actualOf(state, id, periodId));
  const orders = context.keys.spread(lastOrder(state.actuals), null, fresh.length);
  const changes: Change[] = [];
  let cleared = 0;
  let set = 0;
  for (const [initiativeId, fields] of byInitiative) {
    const before = actualOf(state, initiativeId, periodId);
    let after: ActualRecord = before ?? {
      initiativeId,
      periodId,
      order: orders[fresh.indexOf(initiativeId)] as string,
    };
    for (const { field, value } of fields.values()) {
      after = withField(after, field, value);
      if (value === undefined) cleared += 1;
      else set += 1;
    }
    const kept = saysSomething(after) ? after : undefined;
    if (JSON.stringify(before) === JSON.stringify(kept)) continue;
    changes.push(change('actuals', [initiativeId, periodId], before, kept));
  }
  return { label: cellsLabel(state, cells, period.label ?? period.id, set, cleared), changes };
}

function cellsLabel(
  state: PortfolioState,
  cells: readonly ActualCell[],
  periodName: string,
  set: number,
  cleared: number,
): string {
  const first = cells[0];
  if (cells.length === 1 && first) {
    const labels = actualLabels(state);
    const what = `${labels.column(first.field).toLowerCase()} of ${quoted(labels.row(first.initiativeId))} in ${periodName}`;
    return cleared === 1 ? `Cleared the ${what}` : `Set the ${what}`;
  }
  const count = set + cleared;
  return `Entered ${count} actuals cell${count === 1 ? '' : 's'} in ${periodName}`;
}

/**
 * Removes `initiativeId`'s actual of `periodId`: its figures, RAG, reason and all. No change when
 * it has none.
 */
export function clearActual(
  state: PortfolioState,
  initiativeId: string,
  periodId: string,
): EditPlan {
  const initiative = byId(state.initiatives, initiativeId, 'Initiative');
  const period = byId(state.periods, periodId, 'Period');
  const actual = actualOf(state, initiativeId, periodId);
  return {
    label: `Cleared the actuals of ${quoted(initiative.name || initiative.id)} in ${period.label ?? period.id}`,
    changes: actual ? [change('actuals', [initiativeId, periodId], actual, undefined)] : [],
  };
}

// ---- Pasting a block -------------------------------------------------------------------------

/**
 * The rows of cells in tab-separated text as spreadsheets copy it (Excel, LibreOffice, Google
 * Sheets, Numbers): cells split by tabs, rows by CRLF, LF or CR, one line end after the last row
 * dropped. A cell that starts with a double quote and closes it before a tab or line end is a
 * quoted cell: it may hold tabs and line ends, and "" inside stands for one quote. Any other
 * quote is text as it stands.
 */
export function splitPastedText(text: string): string[][] {
  const body = text.replace(/(\r\n|\n|\r)$/, '');
  const rows: string[][] = [];
  let row: string[] = [];
  let at = 0;
  for (;;) {
    let cell: string | undefined;
    if (body[at] === '"') {
      const quotedCell = readQuoted(body, at);
      if (quotedCell) {
        cell = quotedCell.value;
        at = quotedCell.end;
      }
    }
    if (cell === undefined) {
      let end = at;
      while (end < body.length && !'\t\r\n'.includes(body[end] as string)) end += 1;
      cell = body.slice(at, end);
      at = end;
    }
    row.push(cell);
    const next = body[at];
    if (next === '\t') {
      at += 1;
      continue;
    }
    rows.push(row);
    if (next === undefined) break;
    row = [];
    at += next === '\r' && body[at + 1] === '\n' ? 2 : 1;
  }
  return rows;
}

/** A quoted cell from `start` (its opening quote): its text and where it ends; else undefined. */
function readQuoted(body: string, start: number): { value: string; end: number } | undefined {
  let value = '';
  let at = start + 1;
  while (at < body.length) {
    const char = body[at] as string;
    if (char !== '"') {
      value += char;
      at += 1;
      continue;
    }
    if (body[at + 1] === '"') {
      value += '"';
      at += 2;
      continue;
    }
    const after = body[at + 1];
    return after === undefined || '\t\r\n'.includes(after) ? { value, end: at + 1 } : undefined;
  }
  return undefined;
}

/**
 * The cells a block of text pasted at the focused cell sets: tab-separated rows as spreadsheets
 * copy them (`splitPastedText`). `columns` are the grid's columns from the focused one rightwards,
 * `rows` the initiative ids from the focused row down; the block's first cell lands on the focused
 * cell. Numbers are read in `decimal`'s format ("1.234,5" with a decimal comma), progress as a
 * percentage with or without "%", money with or without its currency; an empty cell clears. The
 * problems, when any: every bad cell named by row and column (by `labels`), or a block larger
 * than the grid below and right of the focused cell; then no cell is to be set.
 */
export function parsePastedBlock(
  text: string,
  columns: readonly ActualColumn[],
  rows: readonly string[],
  decimal: PasteDecimal,
  labels: ActualLabels = DEFAULT_LABELS,
): PastedBlock {
  if (text === '') return { problems: [{ message: 'There is nothing to paste.' }] };
  const block = splitPastedText(text);
  // Not Math.max(...rows): a block of a whole spreadsheet column (a million rows) would overflow
  // the call stack.
  const width = block.reduce((widest, row) => Math.max(widest, row.length), 0);
  const problems: ActualCellProblem[] = [];
  if (block.length > rows.length) {
    problems.push({
      message: `The pasted block has ${block.length} rows, but only ${rows.length} ${rows.length === 1 ? 'row is' : 'rows are'} from the selected cell down; nothing was pasted.`,
    });
  }
  if (width > columns.length) {
    problems.push({
      message: `The pasted block has ${width} columns, but only ${columns.length} ${columns.length === 1 ? 'column is' : 'columns are'} from the selected cell rightwards; nothing was pasted.`,
    });
  }
  if (problems.length > 0) return { problems };
  const cells: ActualCell[] = [];
  block.forEach((line, rowIndex) => {
    const initiativeId = rows[rowIndex] as string;
    line.forEach((raw, columnIndex) => {
      const field = columns[columnIndex] as ActualField;
      const checked = checkValue(field, raw, decimal);
      if (!checked.ok) {
        problems.push(cellProblem(labels, initiativeId, field, checked.message));
        return;
      }
      cells.push({ initiativeId, field, value: typedValue(field, checked.value) });
    });
  });
  return problems.length > 0 ? { problems } : { cells };
}

/** A checked value as `setActualCells` takes it: progress back to a percentage. */
function typedValue(
  field: ActualField,
  value: number | string | undefined,
): number | string | undefined {
  return field === 'progress' && typeof value === 'number' ? roundShare(value * 100) : value;
}
