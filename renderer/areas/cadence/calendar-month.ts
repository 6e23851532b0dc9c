/**
 * The calendar's months, with date-fns: which days a month's grid shows (whole weeks from
 * Monday), the month before and after, and the names of months and days in the screens' locale.
 * Dates are calendar dates (`YYYY-MM-DD`), read and written at local midnight.
 */
import {
  addDays,
  addMonths,
  eachDayOfInterval,
  endOfMonth,
  endOfWeek,
  format,
  parseISO,
  startOfMonth,
  startOfWeek,
} from 'date-fns';
import { displayLocale } from '../../format';

const WEEK = { weekStartsOn: 1 } as const;

function day(date: Date): string {
  return format(date, 'yyyy-MM-dd');
}

/** The month (`YYYY-MM`) a date falls in. */
export function monthOf(date: string): string {
  return date.slice(0, 7);
}

/** The month `step` months from `month`. */
export function shiftMonth(month: string, step: number): string {
  return format(addMonths(parseISO(`${month}-01`), step), 'yyyy-MM');
}

/** The first and last day of a month. */
export function monthRange(month: string): { readonly from: string; readonly to: string } {
  const first = parseISO(`${month}-01`);
  return { from: day(first), to: day(endOfMonth(first)) };
}

/** The weeks the month's grid shows, Monday first, each seven dates, with the days around it. */
export function monthWeeks(month: string): string[][] {
  const first = parseISO(`${month}-01`);
  const days = eachDayOfInterval({
    start: startOfWeek(startOfMonth(first), WEEK),
    end: endOfWeek(endOfMonth(first), WEEK),
  }).map(day);
  const weeks: string[][] = [];
  for (let index = 0; index < days.length; index += 7) weeks.push(days.slice(index, index + 7));
  return weeks;
}

/** The date `count` days after `date`. */
export function addDaysTo(date: string, count: number): string {
  return day(addDays(parseISO(date), count));
}

/** "March 2026" in the screens' locale. */
export function monthLabel(month: string, locale = displayLocale()): string {
  return new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric' }).format(
    parseISO(`${month}-01`),
  );
}

/** The names of the weekdays from Monday, long and short ("Monday", "Mon"). */
export function weekdayNames(
  locale = displayLocale(),
): { readonly long: string; readonly short: string }[] {
  const monday = startOfWeek(parseISO('2026-01-07'), WEEK);
  return Array.from({ length: 7 }, (_, index) => {
    const date = addDays(monday, index);
    return {
      long: new Intl.DateTimeFormat(locale, { weekday: 'long' }).format(date),
      short: new Intl.DateTimeFormat(locale, { weekday: 'short' }).format(date),
    };
  });
}

/**
 * A date with its weekday, as a heading or a button says it: "Tuesday 3 March 2026" (British
 * English), "Tuesday, March 3, 2026" (American). Older ICU data writes a comma after the weekday in
 * day-first English ("Tuesday, 3 March 2026"); it is dropped so every runtime says the same.
 */
export function longDay(date: string, locale = displayLocale()): string {
  const text = new Intl.DateTimeFormat(locale, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(parseISO(date));
  return locale.toLowerCase().startsWith('en') ? text.replace(/^(\p{L}+), (\d)/u, '$1 $2') : text;
}

/** The time zone this computer is set to. */
export function localTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** The IANA time zones to choose from, this computer's first. */
export function timeZoneChoices(): string[] {
  const local = localTimeZone();
  const all =
    typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return [local, ...all.filter((zone) => zone !== local)];
}
