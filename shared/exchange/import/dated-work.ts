/**
 * Dated work (Jira due dates, MS Project assignments) turned into Baton's periods. A portfolio's
 * periods have a cadence (quarters, months, …); a date falls in the period of that cadence that
 * contains it: the portfolio's own period when it has one there, a new one otherwise. The periods
 * an import needs are handed over without gaps, so that an initiative's demand, one number per
 * period from its start on, lines up with the periods once they are merged in date order.
 */
import type { Period, Portfolio } from '../../portfolio/types';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_NAMES = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
] as const;

/** `text` when it is a real calendar date written yyyy-mm-dd, otherwise null. */
export function validIsoDate(text: string): string | null {
  const match = ISO_DATE.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1) return null;
  if (day > daysInMonth(year, month - 1)) return null;
  return text;
}

function daysInMonth(year: number, month0: number): number {
  return new Date(Date.UTC(year, month0 + 1, 0)).getUTCDate();
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** Months since year 0: 2027-03-15 → 2027 × 12 + 2. */
function monthIndex(date: string): number {
  return Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;
}

function firstDay(month: number): string {
  return `${Math.floor(month / 12)}-${pad((month % 12) + 1)}-01`;
}

function lastDay(month: number): string {
  const year = Math.floor(month / 12);
  return `${year}-${pad((month % 12) + 1)}-${pad(daysInMonth(year, month % 12))}`;
}

/** Days since 1970-01-01 of an ISO date. */
export function dayNumber(date: string): number {
  return Math.round(
    Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) /
      86_400_000,
  );
}

/** The ISO date of a day number. */
export function dateOfDay(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/** Whether a day number is a Monday to Friday (1970-01-01 was a Thursday). */
export function isWeekday(day: number): boolean {
  const weekday = (((day + 4) % 7) + 7) % 7; // 0 Sunday … 6 Saturday
  return weekday !== 0 && weekday !== 6;
}

/** Mondays to Fridays from `first` to `last`, both included (day numbers). */
export function weekdaysBetween(first: number, last: number): number {
  if (last < first) return 0;
  const whole = Math.floor((last - first + 1) / 7);
  let count = whole * 5;
  for (let day = first + whole * 7; day <= last; day += 1) if (isWeekday(day)) count += 1;
  return count;
}

function positiveModulo(value: number, modulus: number): number {
  return ((value % modulus) + modulus) % modulus;
}

/**
 * The periods of a portfolio as a calendar of equal steps: `months` long, starting on months that
 * are `anchor` modulo `months`. A slot is the month index a period starts in.
 */
export type PeriodCalendar = {
  readonly months: number;
  /** Why the calendar does not follow the portfolio's periods, or null when it does. */
  readonly caveat: string | null;
  /** The slot of the period containing an ISO date. */
  slotOf(date: string): number;
  /** The period of a slot: the portfolio's own, or a new one. */
  periodOf(slot: number): Period;
  /** The first and last day (ISO) of a slot. */
  rangeOf(slot: number): { readonly start: string; readonly end: string };
  /** How many periods `slot` is after `first` (0 for the same). */
  offset(first: number, slot: number): number;
  /**
   * The periods from the earliest to the latest of `slots`, stretched to meet the portfolio's own
   * periods so that no period is missing between them; the portfolio's periods come as they are.
   * Null when that would be more than MAX_DRAFT_PERIODS periods.
   */
  periodsFor(slots: Iterable<number>): Period[] | null;
};

/** Most periods an import may add or use: dates further apart than this are a typo. */
export const MAX_DRAFT_PERIODS = 240;

const STEPS = [1, 2, 3, 4, 6, 12] as const;

/** The calendar of a portfolio's periods (calendar quarters when they give no usable dates). */
export function periodCalendar(portfolio: Portfolio): PeriodCalendar {
  const dated = portfolio.periods.filter(
    (period) =>
      period.start !== undefined &&
      period.end !== undefined &&
      validIsoDate(period.start) !== null &&
      validIsoDate(period.end) !== null,
  );
  let months = 3;
  let anchor = 0;
  let caveat: string | null = null;
  const lengths = dated.map((period) => {
    const start = period.start as string;
    const end = period.end as string;
    if (!start.endsWith('-01')) return 0;
    const last = monthIndex(end);
    return end === lastDay(last) ? last - monthIndex(start) + 1 : 0;
  });
  const first = dated[0];
  const length = lengths[0];
  if (dated.length < portfolio.periods.length) {
    caveat =
      "Some of this portfolio's periods have no start and end dates, so dates are read as calendar quarters; check the new periods' place in Periods.";
  } else if (
    first &&
    length !== undefined &&
    (STEPS as readonly number[]).includes(length) &&
    lengths.every((each, index) => {
      const period = dated[index] as Period;
      return (
        each === length &&
        positiveModulo(
          monthIndex(period.start as string) - monthIndex(first.start as string),
          length,
        ) === 0
      );
    })
  ) {
    months = length;
    anchor = positiveModulo(monthIndex(first.start as string), length);
  } else if (dated.length > 0) {
    caveat =
      "This portfolio's periods are not whole months of equal length, so dates are read as calendar quarters; check the new periods against the existing ones in Periods.";
  }

  const byStart = new Map<string, Period>();
  for (const period of dated)
    if (!byStart.has(period.start as string)) byStart.set(period.start as string, period);
  const takenIds = new Set(portfolio.periods.map((period) => period.id));
  const made = new Map<number, Period>();

  const slotOf = (date: string): number => {
    const month = monthIndex(date);
    return month - positiveModulo(month - anchor, months);
  };
  const rangeOf = (slot: number) => ({ start: firstDay(slot), end: lastDay(slot + months - 1) });

  const newPeriod = (slot: number): Period => {
    const { start, end } = rangeOf(slot);
    const year = Math.floor(slot / 12);
    const month0 = slot % 12;
    let id: string;
    let label: string;
    if (months === 3 && month0 % 3 === 0) {
      id = `${year}-Q${month0 / 3 + 1}`;
      label = `Q${month0 / 3 + 1} ${year}`;
    } else if (months === 12 && month0 === 0) {
      id = String(year);
      label = String(year);
    } else if (months === 1) {
      id = `${year}-${pad(month0 + 1)}`;
      label = `${MONTH_NAMES[month0]} ${year}`;
    } else {
      const lastMonth = slot + months - 1;
      id = `${year}-${pad(month0 + 1)}`;
      label = `${MONTH_NAMES[month0]}–${MONTH_NAMES[lastMonth % 12]} ${Math.floor(lastMonth / 12)}`;
    }
    let unique = id;
    for (let suffix = 2; takenIds.has(unique); suffix += 1) unique = `${id}-${suffix}`;
    takenIds.add(unique);
    return { id: unique, label, start, end };
  };

  const periodOf = (slot: number): Period => {
    const own = byStart.get(firstDay(slot));
    if (own) return own;
    let period = made.get(slot);
    if (!period) {
      period = newPeriod(slot);
      made.set(slot, period);
    }
    return period;
  };

  // Bridging to the portfolio's own periods only makes sense when they follow the calendar.
  const ownSlots = caveat === null ? [...byStart.keys()].map(monthIndex) : [];
  const ownFirst = ownSlots.length > 0 ? Math.min(...ownSlots) : null;
  const ownLast = ownSlots.length > 0 ? Math.max(...ownSlots) : null;

  return {
    months,
    caveat,
    slotOf,
    periodOf,
    rangeOf,
    offset: (firstSlot, slot) => (slot - firstSlot) / months,
    periodsFor(slots) {
      let low = Infinity;
      let high = -Infinity;
      for (const slot of slots) {
        low = Math.min(low, slot);
        high = Math.max(high, slot);
      }
      if (low === Infinity) return [];
      if (ownFirst !== null && high < ownFirst) high = ownFirst - months;
      if (ownLast !== null && low > ownLast) low = ownLast + months;
      if ((high - low) / months >= MAX_DRAFT_PERIODS) return null;
      const periods: Period[] = [];
      for (let slot = low; slot <= high; slot += months) periods.push(periodOf(slot));
      return periods;
    },
  };
}

/** A number rounded to two decimals, as Baton shows amounts. */
export function twoDecimals(value: number): number {
  return Math.round(value * 100) / 100;
}
