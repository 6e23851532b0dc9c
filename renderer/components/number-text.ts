/**
 * Numbers as people type and read them in their locale: "9,5" in Germany, "9.5" in the UK. The
 * separators come from Intl, so every locale the browser knows works without a table of our own.
 */
import { displayLocale } from '../format';

export type NumberSeparators = { readonly decimal: string; readonly group: string };

const separators = new Map<string, NumberSeparators>();

/** The locale the screens format numbers in: the one chosen in Settings, else the browser's. */
export function screenLocale(): string {
  return displayLocale();
}

/** The decimal and group separators of `locale` (group: a space-like one in many locales). */
export function numberSeparators(locale: string): NumberSeparators {
  let found = separators.get(locale);
  if (!found) {
    const parts = new Intl.NumberFormat(locale, { useGrouping: true }).formatToParts(1234567.5);
    found = {
      decimal: parts.find((part) => part.type === 'decimal')?.value ?? '.',
      group: parts.find((part) => part.type === 'group')?.value ?? ',',
    };
    separators.set(locale, found);
  }
  return found;
}

/** Spaces of every kind, underscores and apostrophes: only ever used to group digits. */
const SPACING = /[\s\u00a0\u202f_'\u2019]/g;

/** Whether the digits after each separator but the first come in threes, as groups do. */
function groupsOfThree(parts: readonly string[]): boolean {
  return parts.slice(1).every((part) => /^\d{3}$/.test(part)) && /^\d{1,3}$/.test(parts[0] ?? '');
}

/**
 * Parses what someone typed in a number field of `locale`. Accepts the locale's own decimal and
 * group separators, and also a point or a comma as decimal separator where that cannot be read
 * another way: "9,5" and "9.5" are both 9.5 for a German reader, while "1.234" (a group there)
 * is 1234. Returns 'empty' for nothing typed and 'invalid' for text that is not a number.
 */
export function parseNumberText(text: string, locale: string): number | 'empty' | 'invalid' {
  const { decimal, group } = numberSeparators(locale);
  const trimmed = text.trim().replace(/^[\u2212\u2012\u2013]/, '-');
  const cleaned = trimmed.replace(SPACING, '');
  if (cleaned === '') return 'empty';
  const match = /^(-?)([\d.,]*)(e[+-]?\d+)?$/i.exec(cleaned);
  if (!match) return 'invalid';
  const [, sign = '', body = '', exponent = ''] = match;
  if (!/\d/.test(body)) return 'invalid';
  const marks = body.replace(/\d/g, '');
  let integer = body;
  let fraction = '';
  if (marks.length > 0) {
    const last = Math.max(body.lastIndexOf('.'), body.lastIndexOf(','));
    const lastMark = body[last] as string;
    const head = body.slice(0, last);
    const tail = body.slice(last + 1);
    const headMarks = head.replace(/\d/g, '');
    const otherMark = lastMark === '.' ? ',' : '.';
    if (headMarks.includes(lastMark)) {
      // "1.234.567" or "1,234,567": one mark used more than once can only group.
      if (headMarks.includes(otherMark) || !groupsOfThree(body.split(lastMark))) return 'invalid';
      integer = body.split(lastMark).join('');
    } else if (headMarks.length > 0) {
      // "1.234,5" or "1,234.5": the last mark is the decimal one, the others group in threes.
      if (!groupsOfThree(head.split(otherMark))) return 'invalid';
      integer = head.split(otherMark).join('');
      fraction = tail;
    } else if (lastMark === group && lastMark !== decimal && /^\d{3}$/.test(tail) && head) {
      // One group mark of the locale before three digits: "1,234" in English, "1.234" in German.
      integer = head + tail;
    } else {
      integer = head;
      fraction = tail;
    }
    if (!/^\d*$/.test(integer) || !/^\d*$/.test(fraction)) return 'invalid';
    if (integer === '' && fraction === '') return 'invalid';
  }
  const value = Number(`${sign}${integer || '0'}${fraction ? `.${fraction}` : ''}${exponent}`);
  if (!Number.isFinite(value)) return 'invalid';
  // "-0" and "-0.4" rounded away are zero, never a "-0" shown back.
  return Object.is(value, -0) ? 0 : value;
}

const formatters = new Map<string, Intl.NumberFormat>();

/**
 * A number as a field shows it at rest in `locale`: with the locale's decimal separator, and
 * grouped from 10,000 on (large amounts read better grouped; a small one reads as typed).
 */
export function formatNumberText(value: number | undefined, locale: string): string {
  if (value === undefined) return '';
  const grouped = Math.abs(value) >= 10_000;
  const key = `${locale}|${grouped}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { maximumFractionDigits: 6, useGrouping: grouped });
    formatters.set(key, format);
  }
  return format.format(value);
}
