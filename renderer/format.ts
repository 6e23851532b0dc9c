/** Number formatting for the screens: amounts, money and capacity, in the user's locale. */

import { isoDay } from '../shared/format';

export { formatMoney, formatNumber } from '../shared/format';

/** Parses what a user typed in a number field; accepts spaces and thousands commas. */
export function parseNumberInput(text: string): number | 'empty' | 'invalid' {
  const cleaned = text
    .trim()
    .replace(/[\s_]/g, '')
    .replace(/,(?=\d{3}(\D|$))/g, '');
  if (cleaned === '') return 'empty';
  if (!/^-?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(cleaned)) return 'invalid';
  const value = Number(cleaned);
  return Number.isFinite(value) ? value : 'invalid';
}

/** Today's date in the user's time zone, as YYYY-MM-DD. */
export function localToday(now = new Date()): string {
  return isoDay(now);
}
