/**
 * Numbers as spreadsheets and people write them. A cell is a number when it is a plain number
 * (`1234.5`, `-3`, `1e-7`) or a number with separators:
 * - one `.` or one `,` is the decimal separator: `1,5` and `1.5` are both one and a half;
 * - the same separator more than once groups thousands: `1.234.567`, `1,234,567`;
 * - both `.` and `,`: the last one is the decimal separator: `1.234,5` and `1,234.5`;
 * - spaces (also no-break spaces) and `'` group thousands in a single number: `1 234,5`.
 * Groups of thousands must have three digits. Anything else (`12k€`, `1.2.3`, `n/a`) is refused.
 * In a list cell (numbers per period) spaces separate the numbers, so they cannot group digits.
 */
import type { RawCell } from './types';
import { shownCell } from './issues';

export type NumberRead =
  { readonly ok: true; readonly value: number } | { readonly ok: false; readonly message: string };

const PLAIN = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;
const SPACES = /[\s\u00a0\u202f']/;

function notANumber(text: string): NumberRead {
  return { ok: false, message: `${shownCell(text)} is not a number` };
}

/** The number a non-empty cell text holds, by the rules above; `spacesGroup` false in lists. */
export function readNumberText(raw: string, spacesGroup = true): NumberRead {
  const text = raw.trim().replace(/[\u00a0\u202f]/g, ' ');
  if (PLAIN.test(text)) return finite(Number(text), raw);
  const sign = text.startsWith('-') ? -1 : 1;
  let body = /^[+-]/.test(text) ? text.slice(1).trimStart() : text;
  if (SPACES.test(body)) {
    if (!spacesGroup) return notANumber(raw);
    // Spaces or apostrophes group thousands: 1 234 567,5
    if (!/^\d{1,3}(?:[ ']\d{3})+(?:[.,]\d+)?$/.test(body)) return notANumber(raw);
    body = body.replace(/[ ']/g, '');
  }
  if (!/^[\d.,]+$/.test(body) || !/\d/.test(body)) return notANumber(raw);
  const dots = (body.match(/\./g) ?? []).length;
  const commas = (body.match(/,/g) ?? []).length;
  let normal: string;
  if (dots > 0 && commas > 0) {
    const decimal = body.lastIndexOf('.') > body.lastIndexOf(',') ? '.' : ',';
    const group = decimal === '.' ? ',' : '.';
    const pattern = new RegExp(`^\\d{1,3}(?:\\${group}\\d{3})*\\${decimal}\\d+$`);
    if (!pattern.test(body)) return notANumber(raw);
    normal = body.split(group).join('').replace(decimal, '.');
  } else if (dots + commas > 1) {
    const group = dots > 0 ? '.' : ',';
    const pattern = new RegExp(`^\\d{1,3}(?:\\${group}\\d{3})+$`);
    if (!pattern.test(body)) return notANumber(raw);
    normal = body.split(group).join('');
  } else {
    if (!/^(?:\d+[.,]?\d*|[.,]\d+)$/.test(body)) return notANumber(raw);
    normal = body.replace(',', '.');
  }
  return finite(sign * Number(normal), raw);
}

function finite(value: number, raw: string): NumberRead {
  return Number.isFinite(value) ? { ok: true, value } : notANumber(raw);
}

/** The number in a cell, null for an empty cell. */
export function readNumberCell(cell: RawCell): NumberRead | null {
  if (cell === null) return null;
  if (typeof cell === 'number') {
    return Number.isFinite(cell) ? { ok: true, value: cell } : notANumber(String(cell));
  }
  if (typeof cell === 'boolean') return notANumber(String(cell).toUpperCase());
  if (cell.trim() === '') return null;
  return readNumberText(cell);
}

/** The numbers of a list cell ("2 2 1,5"; also separated by `;` or `|`), null when empty. */
export function readNumberListCell(
  cell: RawCell,
):
  | { readonly ok: true; readonly value: number[] }
  | { readonly ok: false; readonly message: string }
  | null {
  if (cell === null) return null;
  if (typeof cell === 'number' || typeof cell === 'boolean') {
    const one = readNumberCell(cell);
    return one === null ? null : one.ok ? { ok: true, value: [one.value] } : one;
  }
  const parts = cell.split(/[\s\u00a0\u202f;|]+/).filter((part) => part !== '');
  if (parts.length === 0) return null;
  const value: number[] = [];
  for (const part of parts) {
    const read = readNumberText(part, false);
    if (!read.ok) {
      return {
        ok: false,
        message:
          parts.length === 1
            ? read.message
            : `${shownCell(part)} in ${shownCell(cell)} is not a number; separate the numbers per period with spaces`,
      };
    }
    value.push(read.value);
  }
  return { ok: true, value };
}
