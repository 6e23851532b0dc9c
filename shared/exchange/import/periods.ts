/**
 * Periods named in a file: matched to the portfolio's by id or label, and new ones made from
 * their names (a quarter `2027-Q1`, `Q1 2027` or a month `2027-03` gets its dates).
 */
import { quartersFrom } from '../../portfolio/empty';
import type { Period } from '../../portfolio/types';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A key to compare period names by: case, spaces and punctuation do not count. */
export function periodKey(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/** The quarter id a text names (`Q1 2027`, `2027 Q1`, `2027-Q1`, `Q1/27` → `2027-Q1`), or null. */
export function quarterId(text: string): string | null {
  const t = text.trim();
  const yearFirst = /^(\d{4})\s*[-/ ]?\s*Q([1-4])$/i.exec(t);
  if (yearFirst) return `${yearFirst[1]}-Q${yearFirst[2]}`;
  const quarterFirst = /^Q([1-4])\s*[-/ ]?\s*(\d{4}|\d{2})$/i.exec(t);
  if (quarterFirst) {
    const year =
      (quarterFirst[2] as string).length === 2 ? `20${quarterFirst[2]}` : quarterFirst[2];
    return `${year}-Q${quarterFirst[1]}`;
  }
  return null;
}

/** A new period for an id a file names, with a label and dates when the id says them. */
export function periodFromId(id: string): Period {
  const quarter = /^(\d{4})-Q([1-4])$/.exec(id);
  if (quarter) {
    const month = String((Number(quarter[2]) - 1) * 3 + 1).padStart(2, '0');
    const made = quartersFrom(`${quarter[1]}-${month}-01`, 1)[0];
    if (made) return made;
  }
  const month = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(id);
  if (month) {
    const year = Number(month[1]);
    const m = Number(month[2]);
    const last = new Date(Date.UTC(year, m, 0)).getUTCDate();
    return {
      id,
      label: `${MONTHS[m - 1]} ${year}`,
      start: `${id}-01`,
      end: `${id}-${String(last).padStart(2, '0')}`,
    };
  }
  return { id, label: id };
}

/**
 * The id of the period a text names among `periods` (by id, then label, then as a quarter), or
 * null when none has it.
 */
export function findPeriod(periods: readonly Period[], text: string): string | null {
  const wanted = text.trim();
  const byId = periods.find((period) => period.id === wanted);
  if (byId) return byId.id;
  const key = periodKey(wanted);
  if (key === '') return null;
  const byKey = periods.find(
    (period) => periodKey(period.id) === key || periodKey(period.label) === key,
  );
  if (byKey) return byKey.id;
  const quarter = quarterId(wanted);
  return quarter !== null && periods.some((period) => period.id === quarter) ? quarter : null;
}

/** The id a new period named `text` gets: the quarter's id for a quarter, else the text. */
export function newPeriodId(text: string): string {
  return quarterId(text) ?? text.trim();
}

/** Whether a header looks like a period: a quarter, a month (2027-03) or a known period. */
export function looksLikePeriod(text: string): boolean {
  return quarterId(text) !== null || /^\d{4}-(0[1-9]|1[0-2])$/.test(text.trim());
}
