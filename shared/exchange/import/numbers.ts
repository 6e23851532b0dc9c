/**
 * Numbers as spreadsheets and people write them. A cell is a number when it is a plain number
 * (`1234.5`, `-3`, `1e-7`) or a number with separators:
 * - both `.` and `,`: the last one is the decimal separator: `1.234,5` and `1,234.5`;
 * - the same separator more than once groups thousands: `1.234.567`, `1,234,567`;
 * - one `.` or one `,` is the decimal separator (`1,5`, `12.25`, `0,500`), except where three
 *   digits follow it and one to three digits (not a lone 0) precede it: `1,500` and `2.000` may be
 *   a thousand five hundred and two thousand, or one and a half and two. Such a number is
 *   `either`: the draft reads it by the column's other numbers (see `decimalFromEvidence`);
 * - spaces, no-break and thin spaces, `'` and `’` group thousands in a single number: `1 234,5`,
 *   `1'234.5`. In a list cell (numbers per period) ASCII spaces separate the numbers, so only the
 *   others group digits there: `1\u00a0000 2` is a thousand, then two.
 * Groups of thousands must have three digits. Anything else (`12k€`, `1.2.3`, `n/a`) is refused.
 */
import type { RawCell } from './types';
import { shownCell } from './issues';

/** The character between the whole part of a number and its fraction. */
export type DecimalSeparator = '.' | ',';

export type NumberRead =
  { readonly ok: true; readonly value: number } | { readonly ok: false; readonly message: string };

/**
 * What a number's text says: a number, with the decimal separator when its form shows which it
 * is; a number that reads two ways (`1,500`); or not a number.
 */
export type NumberShape =
  | { readonly kind: 'number'; readonly value: number; readonly decimal?: DecimalSeparator }
  | {
      readonly kind: 'either';
      /** The one separator it has. */
      readonly separator: DecimalSeparator;
      /** Its value when that separator is the decimal one (1.5). */
      readonly asDecimal: number;
      /** Its value when that separator groups thousands (1500). */
      readonly asGroup: number;
    }
  | { readonly kind: 'bad'; readonly message: string };

const PLAIN = /^(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;
/** Marks that group the digits of one number (besides the ASCII space in a single cell). */
const GROUP_MARKS = /[\u00a0\u202f\u2009'\u2019]/g;
/** What separates the numbers of a list cell: ASCII spaces (and tabs, lines), `;` and `|`. */
const LIST_SEPARATORS = /[ \t\r\n\f\v;|]+/;

function notANumber(text: string): NumberShape & { kind: 'bad' } {
  return { kind: 'bad', message: `${shownCell(text)} is not a number` };
}

function other(separator: DecimalSeparator): DecimalSeparator {
  return separator === '.' ? ',' : '.';
}

function number(
  value: number,
  raw: string,
  decimal?: DecimalSeparator,
): NumberShape & { kind: 'number' | 'bad' } {
  if (!Number.isFinite(value)) return notANumber(raw);
  return decimal === undefined ? { kind: 'number', value } : { kind: 'number', value, decimal };
}

/**
 * The shape of a non-empty number text, by the rules above. `spacesGroup` is false for the items
 * of a list cell, where an ASCII space separates numbers and so cannot group digits.
 */
export function numberShape(raw: string, spacesGroup = true): NumberShape {
  const text = raw.trim();
  const sign = text.startsWith('-') ? -1 : 1;
  let body = /^[+-]/.test(text) ? text.slice(1).trimStart() : text;
  if (body === '' || /^[+-]/.test(body)) return notANumber(raw);
  if (/e/i.test(body)) {
    // Scientific notation is a program's, written with a decimal point.
    if (!PLAIN.test(body)) return notANumber(raw);
    return number(sign * Number(body), raw, body.includes('.') ? '.' : undefined);
  }
  const marks = spacesGroup ? body.replace(/ /g, '\u00a0') : body;
  if (/[\u00a0\u202f\u2009'\u2019]/.test(marks)) {
    // 1 234 567,5: one mark groups thousands, so a separator after them is the decimal one.
    const grouped =
      /^(\d{1,3})((?:([\u00a0\u202f\u2009'\u2019])\d{3})(?:\3\d{3})*)([.,]\d+)?$/.exec(marks);
    if (!grouped) return notANumber(raw);
    const digits = `${grouped[1]}${(grouped[2] as string).replace(GROUP_MARKS, '')}`;
    const fraction = grouped[4];
    if (fraction === undefined) return number(sign * Number(digits), raw);
    return number(
      sign * Number(`${digits}.${fraction.slice(1)}`),
      raw,
      fraction[0] as DecimalSeparator,
    );
  }
  if (!/^[\d.,]+$/.test(body) || !/\d/.test(body)) return notANumber(raw);
  const dots = (body.match(/\./g) ?? []).length;
  const commas = (body.match(/,/g) ?? []).length;
  if (dots === 0 && commas === 0) return number(sign * Number(body), raw);
  if (dots > 0 && commas > 0) {
    const decimal: DecimalSeparator = body.lastIndexOf('.') > body.lastIndexOf(',') ? '.' : ',';
    const group = other(decimal);
    const pattern = new RegExp(`^\\d{1,3}(?:\\${group}\\d{3})*\\${decimal}\\d+$`);
    if (!pattern.test(body)) return notANumber(raw);
    body = body.split(group).join('').replace(decimal, '.');
    return number(sign * Number(body), raw, decimal);
  }
  const separator: DecimalSeparator = dots > 0 ? '.' : ',';
  if (dots + commas > 1) {
    // The same separator more than once groups thousands, so the other one is the decimal.
    const pattern = new RegExp(`^\\d{1,3}(?:\\${separator}\\d{3})+$`);
    if (!pattern.test(body)) return notANumber(raw);
    return number(sign * Number(body.split(separator).join('')), raw, other(separator));
  }
  const [whole, fraction] = body.split(separator) as [string, string];
  if (whole === '' && fraction === '') return notANumber(raw);
  const asDecimal = sign * Number(`${whole || '0'}.${fraction || '0'}`);
  if (/^[1-9]\d{0,2}$/.test(whole) && /^\d{3}$/.test(fraction)) {
    const asGroup = sign * Number(`${whole}${fraction}`);
    return { kind: 'either', separator, asDecimal, asGroup };
  }
  return number(asDecimal, raw, separator);
}

/** The value of a shape when `decimal` is the decimal separator (a number's own form first). */
export function shapeValue(
  shape: NumberShape & { kind: 'number' | 'either' },
  decimal: DecimalSeparator,
): number {
  if (shape.kind === 'number') return shape.value;
  return shape.separator === decimal ? shape.asDecimal : shape.asGroup;
}

/**
 * The number a non-empty cell text holds, by the rules above; `spacesGroup` false in lists. A
 * number that reads two ways (`1,500`) is read with its separator as the decimal one, as when
 * nothing else is known: readers that can weigh a column's evidence use `numberShape`.
 */
export function readNumberText(raw: string, spacesGroup = true): NumberRead {
  const shape = numberShape(raw, spacesGroup);
  if (shape.kind === 'bad') return { ok: false, message: shape.message };
  return { ok: true, value: shape.kind === 'either' ? shape.asDecimal : shape.value };
}

/** The number in a cell, null for an empty cell. */
export function readNumberCell(cell: RawCell): NumberRead | null {
  if (cell === null) return null;
  if (typeof cell === 'number') {
    return Number.isFinite(cell)
      ? { ok: true, value: cell }
      : { ok: false, message: `${shownCell(String(cell))} is not a number` };
  }
  if (typeof cell === 'boolean') {
    return { ok: false, message: `${shownCell(String(cell).toUpperCase())} is not a number` };
  }
  if (cell.trim() === '') return null;
  return readNumberText(cell);
}

/** One number of a list cell: its text and its shape. */
export type ListItem = { readonly text: string; readonly shape: NumberShape };

/**
 * The items of a list cell ("2 2 1,5"; also separated by `;` or `|`) with their shapes, or why
 * it is not a list of numbers; null when the cell is empty.
 */
export function numberListShapes(
  cell: RawCell,
):
  | { readonly ok: true; readonly items: readonly ListItem[] }
  | { readonly ok: false; readonly message: string }
  | null {
  if (cell === null) return null;
  if (typeof cell === 'number' || typeof cell === 'boolean') {
    const one = readNumberCell(cell);
    if (one === null) return null;
    return one.ok
      ? { ok: true, items: [{ text: String(cell), shape: { kind: 'number', value: one.value } }] }
      : one;
  }
  const parts = cell.split(LIST_SEPARATORS).filter((part) => part !== '');
  if (parts.length === 0) return null;
  const items: ListItem[] = [];
  for (const [index, part] of parts.entries()) {
    const shape = numberShape(part, false);
    if (shape.kind === 'bad') {
      return {
        ok: false,
        message:
          parts.length === 1
            ? shape.message
            : `${shownCell(part)} in ${shownCell(cell)} is not a number; separate the numbers per period with spaces`,
      };
    }
    // "1 000" typed with an ordinary space: "000" is no period's number but a group of thousands.
    const before = parts[index - 1];
    if (/^0\d{2}$/.test(part) && before !== undefined && /^\d{1,3}$/.test(before)) {
      return {
        ok: false,
        message: `${shownCell(cell)} reads as ${before} and ${part} for two periods, but ${shownCell(part)} looks like the thousands of ${before}${part}; write ${before}${part} (or ${before}\u00a0${part} with a no-break space) for one number, or ${before} ${Number(part)} for two`,
      };
    }
    items.push({ text: part, shape });
  }
  return { ok: true, items };
}

/**
 * The numbers of a list cell ("2 2 1,5"; also separated by `;` or `|`), null when empty. A
 * number that reads two ways is read with its separator as the decimal one, as readNumberText.
 */
export function readNumberListCell(
  cell: RawCell,
):
  | { readonly ok: true; readonly value: number[] }
  | { readonly ok: false; readonly message: string }
  | null {
  const read = numberListShapes(cell);
  if (read === null || !read.ok) return read;
  return {
    ok: true,
    value: read.items.map(({ shape }) =>
      shape.kind === 'either' ? shape.asDecimal : shape.kind === 'number' ? shape.value : NaN,
    ),
  };
}

/** A cell's separator, as it is shown in messages: "a decimal comma", "a comma grouping thousands". */
function separatorWords(separator: DecimalSeparator, decimal: boolean): string {
  const name = separator === ',' ? 'comma' : 'point';
  return decimal ? `a decimal ${name}` : `the ${name} grouping thousands`;
}

/** How a number that reads two ways could be read, for a message: `1500 (…) or 1.5 (…)`. */
export function eitherWords(shape: NumberShape & { kind: 'either' }): string {
  return `${shape.asGroup} (${separatorWords(shape.separator, false)}) or ${shape.asDecimal} (${separatorWords(shape.separator, true)})`;
}

/** One number of a column whose form shows the decimal separator: its row and its text. */
export type DecimalEvidence = { readonly row: number; readonly text: string };

/**
 * What a column's (or a sheet's) numbers say about the decimal separator: the first number
 * whose form shows a decimal point, and the first that shows a decimal comma.
 */
export type DecimalEvidenceSet = {
  '.'?: DecimalEvidence;
  ','?: DecimalEvidence;
};

/** The one decimal separator the evidence shows, 'both' when it shows both, null for none. */
export function decimalFromEvidence(
  evidence: DecimalEvidenceSet,
): DecimalSeparator | 'both' | null {
  const dot = evidence['.'] !== undefined;
  const comma = evidence[','] !== undefined;
  return dot && comma ? 'both' : dot ? '.' : comma ? ',' : null;
}
