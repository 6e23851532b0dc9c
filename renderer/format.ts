/** Number formatting for the screens: amounts, money and capacity, in the user's locale. */

const LOCALE = undefined;

/** Formatters by their options: making one costs far more than using it (charts format a lot). */
const FORMATTERS = new Map<string, Intl.NumberFormat>();

function formatter(options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = JSON.stringify(options);
  let found = FORMATTERS.get(key);
  if (!found) {
    found = new Intl.NumberFormat(LOCALE, options);
    FORMATTERS.set(key, found);
  }
  return found;
}

/** A plain number with up to `digits` decimals: 1.5, 12, 1,250. */
export function formatNumber(value: number, digits = 1): string {
  return formatter({ maximumFractionDigits: digits }).format(value);
}

/** Money in the portfolio's currency, compact for large amounts: €1.2M, €350K. */
export function formatMoney(value: number, currency: string | undefined, compact = true): string {
  try {
    return formatter({
      style: currency ? 'currency' : 'decimal',
      ...(currency && { currency }),
      notation: compact ? 'compact' : 'standard',
      maximumFractionDigits: compact ? 1 : 0,
    }).format(value);
  } catch {
    return `${formatNumber(value, 0)} ${currency ?? ''}`.trim();
  }
}

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
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
