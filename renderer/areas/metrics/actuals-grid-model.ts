/**
 * The actuals grid without React: its columns (spend, effort per team, progress, RAG, reason,
 * confidence, benefit realized), its rows (initiatives, those being delivered first), what a cell
 * shows and what its editor starts with, how typed text becomes a cell to store, and where the
 * arrow keys, Tab and Enter take the focus.
 */
import type {
  Actual,
  Initiative,
  InitiativeStatus,
  Period,
  Portfolio,
} from '../../../shared/portfolio/types';
import {
  fieldKey,
  parsePastedBlock,
  type ActualCell,
  type ActualCellProblem,
  type ActualField,
  type ActualLabels,
  type PasteDecimal,
} from '../../../shared/store/operations/actuals';
import { formatMoney, formatNumber } from '../../format';

export type ColumnKind = 'money' | 'effort' | 'percent' | 'rag' | 'confidence' | 'text';

export type GridColumn = {
  /** `fieldKey` of its field: 'spend', 'effort:<team id>'. */
  readonly key: string;
  readonly field: ActualField;
  readonly label: string;
  /** A short hint under the label: the unit or the words allowed. */
  readonly hint: string;
  readonly kind: ColumnKind;
};

export type GridRow = {
  readonly initiative: Initiative;
  readonly actual?: Actual;
};

/** The grid's columns, after the initiative's name, in the order they are typed in. */
export function gridColumns(portfolio: Portfolio): readonly GridColumn[] {
  const currency = portfolio.currency ?? '';
  return [
    {
      key: 'spend',
      field: 'spend',
      label: 'Spend',
      hint: currency ? `${currency} in the period` : 'in the period',
      kind: 'money',
    },
    ...portfolio.teams.map((team): GridColumn => ({
      key: fieldKey({ effort: team.id }),
      field: { effort: team.id },
      label: team.name,
      hint: 'effort',
      kind: 'effort',
    })),
    { key: 'progress', field: 'progress', label: 'Progress', hint: '% done', kind: 'percent' },
    { key: 'rag', field: 'rag', label: 'RAG', hint: 'green, amber, red', kind: 'rag' },
    { key: 'note', field: 'note', label: 'Reason', hint: 'one line', kind: 'text' },
    {
      key: 'confidence',
      field: 'confidence',
      label: 'Confidence',
      hint: 'high, medium, low',
      kind: 'confidence',
    },
    {
      key: 'benefit',
      field: 'benefit',
      label: 'Benefit realized',
      hint: currency ? `${currency} in the period` : 'in the period',
      kind: 'money',
    },
  ];
}

/** Initiatives being delivered come first, then those done, proposed and cancelled. */
const STATUS_ORDER: Readonly<Record<InitiativeStatus, number>> = {
  active: 0,
  approved: 1,
  done: 2,
  proposed: 3,
  cancelled: 4,
};

/**
 * The grid's rows for `periodId`: every initiative, those active or approved first (the ones
 * actuals are reported for), each group in the portfolio's order, with its actual if it has one.
 */
export function gridRows(portfolio: Portfolio, periodId: string): readonly GridRow[] {
  const actuals = new Map(
    (portfolio.actuals ?? [])
      .filter((actual) => actual.periodId === periodId)
      .map((actual) => [actual.initiativeId, actual]),
  );
  return portfolio.initiatives
    .map((initiative, index) => ({ initiative, index }))
    .sort(
      (a, b) =>
        STATUS_ORDER[a.initiative.status] - STATUS_ORDER[b.initiative.status] || a.index - b.index,
    )
    .map(({ initiative }) => {
      const actual = actuals.get(initiative.id);
      return actual ? { initiative, actual } : { initiative };
    });
}

/** The value of `column` in `actual`: progress as a share 0..1, as stored. */
export function cellValue(
  actual: Actual | undefined,
  column: GridColumn,
): number | string | undefined {
  if (!actual) return undefined;
  const { field } = column;
  if (typeof field !== 'string') return actual.effort?.[field.effort];
  return actual[field];
}

/** A share 0..1 as a percentage without float noise: 0.35 → 35, 0.125 → 12.5. */
function percentOf(share: number): number {
  return Math.round(share * 10_000) / 100;
}

/** What a cell shows: "€120,000", "3.5", "40 %", "Amber"; empty for no value. */
export function displayText(
  value: number | string | undefined,
  column: GridColumn,
  currency: string | undefined,
): string {
  if (value === undefined || value === '') return '';
  if (typeof value === 'string') {
    return column.kind === 'rag' || column.kind === 'confidence'
      ? value.charAt(0).toUpperCase() + value.slice(1)
      : value;
  }
  switch (column.kind) {
    case 'money':
      return formatMoney(value, currency, false);
    case 'percent':
      return `${formatNumber(percentOf(value), 2)} %`;
    default:
      return formatNumber(value, 2);
  }
}

/** The decimal separator of `locale`'s numbers. */
export function decimalOf(locale: string): PasteDecimal {
  const part = new Intl.NumberFormat(locale).formatToParts(1.5).find((p) => p.type === 'decimal');
  return part?.value === ',' ? 'comma' : 'dot';
}

/** What the editor of a cell starts with: the plain number in the number format, or the word. */
export function editText(
  value: number | string | undefined,
  column: GridColumn,
  decimal: PasteDecimal,
): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  const plain = String(column.kind === 'percent' ? percentOf(value) : value);
  return decimal === 'comma' ? plain.replace('.', ',') : plain;
}

/** One-letter shorthands a spreadsheet user types for the word columns. */
const SHORTHANDS: Readonly<Record<'rag' | 'confidence', Readonly<Record<string, string>>>> = {
  rag: { g: 'green', a: 'amber', r: 'red' },
  confidence: { h: 'high', m: 'medium', l: 'low', med: 'medium' },
};

/**
 * The cell that typing `text` into `column` of `initiativeId` sets: read as a one-cell paste (so
 * typing and pasting read numbers alike: "1.234,5" with a decimal comma, "40 %"), or the problem
 * naming the cell. Empty text clears the cell; "g", "a", "r" and "h", "m", "l" stand for the words.
 */
export function typedCell(
  text: string,
  column: GridColumn,
  initiativeId: string,
  decimal: PasteDecimal,
  labels?: ActualLabels,
): { readonly cell: ActualCell } | { readonly problems: readonly ActualCellProblem[] } {
  const trimmed = text.trim();
  if (trimmed === '') return { cell: { initiativeId, field: column.field, value: undefined } };
  if (column.kind === 'text')
    return { cell: { initiativeId, field: column.field, value: trimmed } };
  const word =
    column.kind === 'rag' || column.kind === 'confidence'
      ? (SHORTHANDS[column.kind][trimmed.toLowerCase()] ?? trimmed)
      : trimmed;
  const parsed = parsePastedBlock(word, [column.field], [initiativeId], decimal, labels);
  if ('problems' in parsed) return { problems: parsed.problems };
  const cell = parsed.cells[0];
  return { cell: cell ?? { initiativeId, field: column.field, value: undefined } };
}

/** A cell's place: row index among the rows, column 0 the name, 1.. the data columns. */
export type CellPosition = { readonly row: number; readonly column: number };

/** Where a navigation key takes the focus from `at` in a grid of `rows` × `columns` (+ name). */
export function moveFrom(
  at: CellPosition,
  key: string,
  shift: boolean,
  rows: number,
  columns: number,
  ctrl = false,
): CellPosition | undefined {
  const last = { row: Math.max(0, rows - 1), column: columns };
  const clamp = (row: number, column: number): CellPosition => ({
    row: Math.min(Math.max(row, 0), last.row),
    column: Math.min(Math.max(column, 0), last.column),
  });
  switch (key) {
    case 'ArrowUp':
      return clamp(ctrl ? 0 : at.row - 1, at.column);
    case 'ArrowDown':
      return clamp(ctrl ? last.row : at.row + 1, at.column);
    case 'ArrowLeft':
      return clamp(at.row, ctrl ? 0 : at.column - 1);
    case 'ArrowRight':
      return clamp(at.row, ctrl ? last.column : at.column + 1);
    case 'Home':
      return ctrl ? clamp(0, 0) : clamp(at.row, 0);
    case 'End':
      return ctrl ? last : clamp(at.row, last.column);
    case 'PageUp':
      return clamp(at.row - 10, at.column);
    case 'PageDown':
      return clamp(at.row + 10, at.column);
    case 'Tab':
      if (shift) {
        if (at.column > 1) return { row: at.row, column: at.column - 1 };
        return at.row > 0 ? { row: at.row - 1, column: last.column } : undefined;
      }
      if (at.column < last.column) return { row: at.row, column: at.column + 1 };
      return at.row < last.row ? { row: at.row + 1, column: 1 } : undefined;
    case 'Enter':
      return clamp(shift ? at.row - 1 : at.row + 1, at.column);
    default:
      return undefined;
  }
}

/** The period to open the grid on: the one today falls in, else the last begun, else the first. */
export function currentPeriod(periods: readonly Period[], today: string): Period | undefined {
  const within = periods.find(
    (period) =>
      period.start !== undefined &&
      period.end !== undefined &&
      period.start <= today &&
      today <= period.end,
  );
  if (within) return within;
  const begun = periods.filter((period) => period.start !== undefined && period.start <= today);
  return begun.at(-1) ?? periods[0];
}
