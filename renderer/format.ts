/**
 * Numbers and dates for the screens: amounts, money, capacity, percentages and days, in the
 * locale the user chose in Settings (language and number format), else the browser's. The board
 * pack passes a fixed locale to shared/format instead, so that every renderer prints the same pack.
 */

import {
  formatMoney as formatMoneyIn,
  formatNumber as formatNumberIn,
  formatPercent as formatPercentIn,
  isoDay,
} from '../shared/format';

/** The locale chosen in Settings; undefined: the browser's. */
let chosenLocale: string | undefined;

/** Whether `locale` is a tag this browser can format numbers in ("de-DE", "en-GB"). */
export function isSupportedLocale(locale: string): boolean {
  try {
    return Intl.NumberFormat.supportedLocalesOf([locale]).length > 0;
  } catch {
    return false;
  }
}

let cachedBrowserLocale: string | undefined;

/** The browser's own locale, as Intl resolves it. */
export function browserLocale(): string {
  // Asked once: making a formatter to ask costs milliseconds, and every number on a page asks.
  return (cachedBrowserLocale ??= new Intl.NumberFormat().resolvedOptions().locale);
}

/**
 * Makes the screens format in `locale` from now on; undefined (or a tag this browser does not
 * know) goes back to the browser's locale. The preference itself is kept by state/preferences.
 */
export function setDisplayLocale(locale: string | undefined): void {
  chosenLocale = locale && isSupportedLocale(locale) ? locale : undefined;
}

/** The locale the screens format numbers and dates in. */
export function displayLocale(): string {
  return chosenLocale ?? browserLocale();
}

/** A plain number with up to `digits` decimals: 1.5, 12, 1,250 (1.250 in German). */
export function formatNumber(value: number, digits = 1, locale = displayLocale()): string {
  return formatNumberIn(value, digits, locale);
}

/** Money in the portfolio's currency, compact for large amounts: €1.2M, €350K. */
export function formatMoney(
  value: number,
  currency: string | undefined,
  compact = true,
  locale = displayLocale(),
): string {
  return formatMoneyIn(value, currency, compact, locale);
}

/** A fraction as a whole percentage: 0.874 → "87%" ("87 %" in German). */
export function formatPercent(fraction: number, locale = displayLocale()): string {
  return formatPercentIn(fraction, locale);
}

/** A moment (an ISO timestamp or a Date) as a date and a time: "7 Dec 2026, 18:35". */
export function formatDateTime(at: string | Date, locale = displayLocale()): string {
  const date = typeof at === 'string' ? new Date(at) : at;
  if (Number.isNaN(date.getTime())) return String(at);
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** A day written YYYY-MM-DD as the screens show it: "4 Dec 2026"; the text itself if unreadable. */
export function formatDay(day: string, locale = displayLocale()): string {
  const parsed = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime())) return day;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(parsed);
}

/** Today's date in the user's time zone, as YYYY-MM-DD. */
export function localToday(now = new Date()): string {
  return isoDay(now);
}
