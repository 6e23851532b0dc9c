/** Calendar dates as intake keeps them: ISO `YYYY-MM-DD` strings, counted in whole days. */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whole days since 1970-01-01 of a real YYYY-MM-DD date; undefined for anything else. */
export function dayNumber(date: string): number | undefined {
  const match = ISO_DATE.exec(date);
  if (!match) return undefined;
  const [, year, month, day] = match.map(Number) as [number, number, number, number];
  const time = Date.UTC(year, month - 1, day);
  // Date.UTC rolls 2027-02-30 over into March: a real date reads back the same.
  const back = new Date(time);
  if (
    back.getUTCFullYear() !== year ||
    back.getUTCMonth() !== month - 1 ||
    back.getUTCDate() !== day
  ) {
    return undefined;
  }
  return Math.round(time / 86_400_000);
}

/** Whether `date` is a date the calendar has, written YYYY-MM-DD (not 2027-02-30). */
export function isIsoDate(date: string): boolean {
  return dayNumber(date) !== undefined;
}

/** Days from `from` to `to` (negative when `to` is earlier); undefined if either is no date. */
export function daysBetween(from: string, to: string): number | undefined {
  const start = dayNumber(from);
  const end = dayNumber(to);
  return start === undefined || end === undefined ? undefined : end - start;
}
