/**
 * Number formatting: amounts, money and capacity. The screens use the user's locale (no locale
 * given); the board pack passes a fixed one so that every renderer prints the same pack.
 */

/** Formatters by locale and options: making one costs far more than using it. */
const FORMATTERS = new Map<string, Intl.NumberFormat>();

function formatter(options: Intl.NumberFormatOptions, locale?: string): Intl.NumberFormat {
  const key = `${locale ?? ''}|${JSON.stringify(options)}`;
  let found = FORMATTERS.get(key);
  if (!found) {
    found = new Intl.NumberFormat(locale, options);
    FORMATTERS.set(key, found);
  }
  return found;
}

/** A plain number with up to `digits` decimals: 1.5, 12, 1,250. */
export function formatNumber(value: number, digits = 1, locale?: string): string {
  return formatter({ maximumFractionDigits: digits }, locale).format(value);
}

/** Money in the portfolio's currency, compact for large amounts: €1.2M, €350K. */
export function formatMoney(
  value: number,
  currency: string | undefined,
  compact = true,
  locale?: string,
): string {
  try {
    return formatter(
      {
        style: currency ? 'currency' : 'decimal',
        ...(currency && { currency }),
        notation: compact ? 'compact' : 'standard',
        // Explicit: a currency's own minimum (2 for EUR) would otherwise print "€8.0m" in some
        // engines and "€8m" in others.
        minimumFractionDigits: 0,
        maximumFractionDigits: compact ? 1 : 0,
      },
      locale,
    ).format(value);
  } catch {
    return `${formatNumber(value, 0, locale)} ${currency ?? ''}`.trim();
  }
}

/** A fraction as a whole percentage: 0.874 → "87%". */
export function formatPercent(fraction: number, locale?: string): string {
  return formatter({ style: 'percent', maximumFractionDigits: 0 }, locale).format(fraction);
}

/** A date as YYYY-MM-DD in the time zone of the machine it runs on. */
export function isoDay(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/**
 * A count and its noun, singular for one: "1 initiative", "3 initiatives". `shown` is the count
 * as written (formatted with grouping, say); the plain number by default.
 */
export function plural(
  count: number,
  one: string,
  many = `${one}s`,
  shown: string = String(count),
): string {
  return `${shown} ${count === 1 ? one : many}`;
}
