/**
 * When a cadence's meetings fall. The rule is an RFC 5545 RRULE expanded by `rrule` in floating
 * (wall-clock) time; each local date-time is then placed in the cadence's time zone with
 * `@date-fns/tz`, so a 10:00 meeting stays at 10:00 across a change to or from daylight saving.
 * A local time that does not exist (the hour skipped when clocks go forward) moves forward by the
 * gap; a local time that happens twice (the hour repeated when clocks go back) is the first.
 */
import { TZDate, tzOffset } from '@date-fns/tz';
import { addMinutes, format, isValid, parse } from 'date-fns';
import * as rrulePackage from 'rrule';
import type { Options } from 'rrule';
import type { Cadence } from './types';

// rrule's "main" is a UMD bundle: Node (the command line, run by tsx) sees its exports only as
// the default export, a bundler sees them as named exports. This reads both.
const RRule: typeof rrulePackage.RRule = (
  (rrulePackage as unknown as { readonly default?: typeof rrulePackage }).default ?? rrulePackage
).RRule;
type RRule = rrulePackage.RRule;

/** One meeting of a cadence. */
export type Occurrence = {
  readonly cadenceId: string;
  /** Local date in the cadence's time zone, YYYY-MM-DD. */
  readonly date: string;
  /** Local start time, HH:mm (after moving out of a spring-forward gap). */
  readonly time: string;
  /** ISO UTC instant the meeting starts. */
  readonly start: string;
  /** ISO UTC instant the meeting ends. */
  readonly end: string;
};

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** A local date-time (`YYYY-MM-DDTHH:mm`) as a floating Date: its wall clock read in UTC. */
export function floatingDate(local: string): Date {
  const match = LOCAL_DATE_TIME.exec(local);
  if (!match) throw new Error(`Not a local date-time: ${local}`);
  const [, y, mo, d, h, mi] = match.map(Number);
  const date = new Date(Date.UTC(2000, mo! - 1, d!, h!, mi!));
  // Date.UTC reads years 0..99 as 1900..1999: set the year on its own.
  date.setUTCFullYear(y!);
  return date;
}

/** A floating Date's wall clock as `YYYY-MM-DDTHH:mm`. */
function floatingText(date: Date): string {
  return date.toISOString().slice(0, 16);
}

/**
 * The instant a wall-clock time (a floating Date) happens in `zone`: the first of two when the
 * clocks go back, moved forward by the gap when the clocks skip it.
 */
export function placeInZone(floating: Date, zone: string): Date {
  const wall = floating.getTime();
  const day = 24 * 60 * 60 * 1000;
  const offsets = [
    ...new Set([tzOffset(zone, new Date(wall - day)), tzOffset(zone, new Date(wall + day))]),
  ];
  const fitting = offsets
    .map((offset) => addMinutes(floating, -offset))
    .filter((instant, index) => tzOffset(zone, instant) === offsets[index])
    .sort((a, b) => a.getTime() - b.getTime());
  if (fitting[0]) return fitting[0];
  // In a gap: read the wall clock with the offset before the change, which lands after the gap.
  return addMinutes(floating, -offsets[0]!);
}

/** The local date-time (`YYYY-MM-DDTHH:mm`) of `local` placed in `zone`, as an instant. */
export function zonedInstant(local: string, zone: string): Date {
  return placeInZone(floatingDate(local), zone);
}

/** An instant's local date (YYYY-MM-DD) and time (HH:mm) in `zone`. */
export function localParts(instant: Date, zone: string): { date: string; time: string } {
  const zoned = new TZDate(instant.getTime(), zone);
  return { date: format(zoned, 'yyyy-MM-dd'), time: format(zoned, 'HH:mm') };
}

/**
 * The rule's rrule options with a floating DTSTART. An UNTIL given as a date alone is the last
 * local date a meeting may fall on (its end, 23:59:59), as the editor writes it and as the .ics
 * file says it; `count` replaces the rule's COUNT when given.
 */
function floatingRule(rule: string, start: Date, count?: number): RRule {
  const text = rule
    .trim()
    .toUpperCase()
    .replace(/(^|;)UNTIL=(\d{8})(?=;|$)/, '$1UNTIL=$2T235959');
  return new RRule({
    ...(RRule.parseString(text) as Partial<Options>),
    dtstart: start,
    ...(count !== undefined && { count }),
  });
}

/**
 * The cadence's meetings whose local date falls from `fromDate` to `toDate` (inclusive), at most
 * `limit`. A one-off cadence (no rule) has its start as its only meeting. The start always counts
 * as the first meeting, as RFC 5545 says.
 */
export function occurrences(
  cadence: Cadence,
  fromDate: string,
  toDate: string,
  limit = 500,
): Occurrence[] {
  const start = floatingDate(cadence.start);
  const from = floatingDate(`${fromDate}T00:00`);
  const to = addMinutes(floatingDate(`${toDate}T00:00`), 24 * 60 - 1);
  if (to < from || limit <= 0) return [];
  let floating: Date[];
  if (cadence.rule === undefined) floating = start >= from && start <= to ? [start] : [];
  else {
    let rule = floatingRule(cadence.rule, start);
    // A start the rule does not give is still the first meeting, and COUNT counts it (RFC 5545).
    const count = rule.options.count;
    const counted =
      count !== null &&
      count !== undefined &&
      rule.between(start, start, true, (_date, index) => index < 1).length === 0;
    if (counted && count > 1) rule = floatingRule(cadence.rule, start, count - 1);
    floating =
      counted && count <= 1 ? [] : rule.between(from, to, true, (_date, index) => index < limit);
    if (start >= from && start <= to && floating[0]?.getTime() !== start.getTime()) {
      floating = [start, ...floating].slice(0, limit);
    }
  }
  return floating.map((wall) => {
    const instant = placeInZone(wall, cadence.timeZone);
    const { date, time } = localParts(instant, cadence.timeZone);
    return {
      cadenceId: cadence.id,
      date,
      time,
      start: instant.toISOString(),
      end: addMinutes(instant, cadence.durationMinutes).toISOString(),
    };
  });
}

export const RECURRENCE_FREQUENCIES = [
  'none',
  'weekly',
  'monthly',
  'quarterly',
  'half-yearly',
  'yearly',
] as const;
export type RecurrenceFrequency = (typeof RECURRENCE_FREQUENCIES)[number];

/** What the series editor offers; `ruleFromChoice` turns it into a rule. */
export type RecurrenceChoice = {
  readonly frequency: RecurrenceFrequency;
  /** Every `interval` weeks / months / quarters / half-years / years (1 or more). */
  readonly interval: number;
  /**
   * For monthly and longer: on the start's day of month (`day`; a day the month lacks falls on
   * its last day), on the start's nth weekday (`weekday`; a 5th means the last), or on the last
   * day of the month (`last-day`).
   */
  readonly monthlyBy: 'day' | 'weekday' | 'last-day';
  /** The last local date a meeting may fall on, YYYY-MM-DD. */
  readonly until?: string;
  /** How many meetings in all. */
  readonly count?: number;
};

const WEEKDAY_CODES = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'] as const;
const WEEKDAY_NAMES = [
  'Sunday',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
] as const;
const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;
const NTH_NAMES: Readonly<Record<number, string>> = {
  1: 'first',
  2: 'second',
  3: 'third',
  4: 'fourth',
  [-1]: 'last',
};

/** The start's day of month, month (1..12), weekday (0 Sunday) and nth weekday (5th → -1). */
function startFacts(start: string) {
  const date = floatingDate(start);
  const day = date.getUTCDate();
  const nth = Math.ceil(day / 7);
  return {
    day,
    month: date.getUTCMonth() + 1,
    weekday: date.getUTCDay(),
    nth: nth === 5 ? -1 : nth,
  };
}

/** BYMONTHDAY for "the start's day, or the month's last day when it lacks it". */
function monthDayPart(day: number): string {
  if (day <= 28) return `BYMONTHDAY=${day}`;
  // The 31st, or the last day of a shorter month, is always the last day: the simplest rule, and
  // one that calendar programs without BYSETPOS read the same.
  if (day === 31) return 'BYMONTHDAY=-1';
  const days = [];
  for (let d = 28; d <= day; d += 1) days.push(d);
  return `BYMONTHDAY=${days.join(',')};BYSETPOS=-1`;
}

/** The RRULE value for a choice made in the editor, given the series' start (`YYYY-MM-DDTHH:mm`). */
export function ruleFromChoice(choice: RecurrenceChoice, start: string): string | undefined {
  if (choice.frequency === 'none') return undefined;
  const facts = startFacts(start);
  const interval = Math.max(1, Math.floor(choice.interval));
  const parts: string[] = [];
  const months = { monthly: 1, quarterly: 3, 'half-yearly': 6 } as const;
  if (choice.frequency === 'weekly') {
    parts.push('FREQ=WEEKLY');
    if (interval > 1) parts.push(`INTERVAL=${interval}`);
    parts.push(`BYDAY=${WEEKDAY_CODES[facts.weekday]}`);
  } else {
    if (choice.frequency === 'yearly') {
      parts.push('FREQ=YEARLY');
      if (interval > 1) parts.push(`INTERVAL=${interval}`);
      parts.push(`BYMONTH=${facts.month}`);
    } else {
      parts.push('FREQ=MONTHLY');
      const step = months[choice.frequency] * interval;
      if (step > 1) parts.push(`INTERVAL=${step}`);
    }
    if (choice.monthlyBy === 'weekday') {
      parts.push(`BYDAY=${facts.nth > 0 ? '+' : ''}${facts.nth}${WEEKDAY_CODES[facts.weekday]}`);
    } else if (choice.monthlyBy === 'last-day') parts.push('BYMONTHDAY=-1');
    else parts.push(monthDayPart(facts.day));
  }
  if (choice.count !== undefined) parts.push(`COUNT=${Math.max(1, Math.floor(choice.count))}`);
  else if (choice.until !== undefined)
    parts.push(`UNTIL=${choice.until.replaceAll('-', '')}T235959Z`);
  return parts.join(';');
}

function normalizeRule(rule: string): string {
  return rule
    .trim()
    .toUpperCase()
    .split(';')
    .filter((part) => part !== '')
    .sort()
    .join(';');
}

/**
 * The editor's choice a rule stands for, or undefined when the rule is not one the editor makes
 * (the editor then shows the rule as text and keeps it). No rule: frequency `none`.
 */
export function choiceFromRule(
  rule: string | undefined,
  start: string,
): RecurrenceChoice | undefined {
  if (rule === undefined || rule.trim() === '') {
    return { frequency: 'none', interval: 1, monthlyBy: 'day' };
  }
  if (localDateTimeProblem(start) !== null || ruleProblem(rule, start) !== null) return undefined;
  const fields = new Map(
    rule
      .toUpperCase()
      .split(';')
      .filter((part) => part !== '')
      .map((part) => part.split('=') as [string, string]),
  );
  const step = Number(fields.get('INTERVAL') ?? '1');
  const count = fields.has('COUNT') ? Number(fields.get('COUNT')) : undefined;
  const untilText = fields.get('UNTIL');
  const until =
    untilText !== undefined
      ? `${untilText.slice(0, 4)}-${untilText.slice(4, 6)}-${untilText.slice(6, 8)}`
      : undefined;
  const candidates: [RecurrenceFrequency, number][] = [];
  switch (fields.get('FREQ')) {
    case 'WEEKLY':
      candidates.push(['weekly', step]);
      break;
    case 'YEARLY':
      candidates.push(['yearly', step]);
      break;
    case 'MONTHLY':
      if (step % 6 === 0) candidates.push(['half-yearly', step / 6]);
      if (step % 3 === 0) candidates.push(['quarterly', step / 3]);
      candidates.push(['monthly', step]);
      break;
    default:
      return undefined;
  }
  const wanted = normalizeRule(rule);
  for (const [frequency, interval] of candidates) {
    // `last-day` before `day`: from the 31st both make BYMONTHDAY=-1, and it reads as the last day.
    for (const monthlyBy of ['last-day', 'day', 'weekday'] as const) {
      const choice: RecurrenceChoice = {
        frequency,
        interval,
        monthlyBy,
        ...(until !== undefined && { until }),
        ...(count !== undefined && { count }),
      };
      const made = ruleFromChoice(choice, start);
      if (made !== undefined && normalizeRule(made) === wanted) return choice;
    }
  }
  return undefined;
}

function ordinalDay(day: number): string {
  const tens = day % 100;
  if (tens >= 11 && tens <= 13) return `${day}th`;
  return `${day}${{ 1: 'st', 2: 'nd', 3: 'rd' }[day % 10] ?? 'th'}`;
}

/** "6 January 2026" for a YYYY-MM-DD date. */
export function longDate(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  return `${day} ${MONTH_NAMES[month! - 1]} ${year}`;
}

function every(interval: number, one: string, unit: string): string {
  return interval === 1 ? one : `Every ${interval} ${unit}`;
}

/** The series in words: "Monthly on the first Tuesday at 10:00 (Europe/Berlin)". */
export function describeRecurrence(cadence: Cadence): string {
  if (localDateTimeProblem(cadence.start) !== null) return 'No valid start date and time.';
  const [date, time] = cadence.start.split('T') as [string, string];
  const at = `at ${time} (${cadence.timeZone})`;
  const facts = startFacts(cadence.start);
  const weekdayName = WEEKDAY_NAMES[facts.weekday]!;
  if (cadence.rule === undefined) return `Once, on ${weekdayName} ${longDate(date)} ${at}`;
  const choice = choiceFromRule(cadence.rule, cadence.start);
  if (choice === undefined) {
    if (ruleProblem(cadence.rule, cadence.start) !== null)
      return `Repeats by the rule ${cadence.rule}`;
    const text = floatingRule(cadence.rule, floatingDate(cadence.start)).toText();
    return `${text.charAt(0).toUpperCase()}${text.slice(1)} ${at}`;
  }
  const { interval, monthlyBy } = choice;
  const monthName = MONTH_NAMES[facts.month - 1]!;
  const onDay =
    monthlyBy === 'weekday'
      ? `the ${NTH_NAMES[facts.nth]} ${weekdayName}`
      : monthlyBy === 'last-day'
        ? 'the last day'
        : `the ${ordinalDay(facts.day)}${facts.day > 28 ? ' (the last day in shorter months)' : ''}`;
  let words: string;
  switch (choice.frequency) {
    case 'weekly':
      words = `${every(interval, 'Weekly', 'weeks')} on ${weekdayName}`;
      break;
    case 'monthly':
      words = `${every(interval, 'Monthly', 'months')} on ${onDay}`;
      break;
    case 'quarterly':
      words = `${every(interval, 'Quarterly', 'quarters')} on ${onDay} of the month`;
      break;
    case 'half-yearly':
      words = `${every(interval, 'Every six months', 'half-years')} on ${onDay} of the month`;
      break;
    default:
      words =
        monthlyBy === 'day' && facts.day <= 28
          ? `${every(interval, 'Yearly', 'years')} on ${facts.day} ${monthName}`
          : `${every(interval, 'Yearly', 'years')} on ${onDay.replace(' (the last day in shorter months)', '')} of ${monthName}`;
  }
  const end =
    choice.count !== undefined
      ? `, ${choice.count} ${choice.count === 1 ? 'time' : 'times'}`
      : choice.until !== undefined
        ? `, until ${longDate(choice.until)}`
        : '';
  return `${words} ${at}${end}`;
}

const RULE_PARTS: Readonly<Record<string, RegExp>> = {
  FREQ: /^(DAILY|WEEKLY|MONTHLY|YEARLY)$/,
  INTERVAL: /^[1-9]\d{0,2}$/,
  COUNT: /^[1-9]\d{0,3}$/,
  UNTIL: /^\d{8}(T\d{6}Z?)?$/,
  BYDAY:
    /^([+-]?([1-9]|[1-4]\d|5[0-3])?(MO|TU|WE|TH|FR|SA|SU))(,[+-]?([1-9]|[1-4]\d|5[0-3])?(MO|TU|WE|TH|FR|SA|SU))*$/,
  BYMONTHDAY: /^(-?([1-9]|[12]\d|3[01]))(,-?([1-9]|[12]\d|3[01]))*$/,
  BYMONTH: /^([1-9]|1[0-2])(,([1-9]|1[0-2]))*$/,
  BYSETPOS:
    /^([+-]?([1-9]\d{0,1}|[12]\d\d|3[0-5]\d|36[0-6]))(,[+-]?([1-9]\d{0,1}|[12]\d\d|3[0-5]\d|36[0-6]))*$/,
  BYYEARDAY:
    /^([+-]?([1-9]\d{0,1}|[12]\d\d|3[0-5]\d|36[0-6]))(,[+-]?([1-9]\d{0,1}|[12]\d\d|3[0-5]\d|36[0-6]))*$/,
  BYWEEKNO: /^([+-]?([1-9]|[1-4]\d|5[0-3]))(,[+-]?([1-9]|[1-4]\d|5[0-3]))*$/,
  WKST: /^(MO|TU|WE|TH|FR|SA|SU)$/,
};

/** The rule's parts by name (upper case). */
function fieldsOf(rule: string): Map<string, string> {
  return new Map(
    rule
      .trim()
      .toUpperCase()
      .split(';')
      .filter((part) => part !== '')
      .map((part) => part.split('=') as [string, string]),
  );
}

/** The days each month can have (February in a leap year). */
const MONTH_DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/**
 * Why the rule's parts do not go together (RFC 5545 section 3.3.10's table, and a day of month
 * that none of its months has), or null. Checked before the rule is expanded, so that a rule
 * that can never match is refused without searching the calendar day by day for a meeting.
 */
function partsProblem(fields: ReadonlyMap<string, string>): string | null {
  const freq = fields.get('FREQ');
  if (freq !== 'YEARLY') {
    for (const key of ['BYYEARDAY', 'BYWEEKNO']) {
      if (fields.has(key)) return `The repeat rule may use ${key} only with FREQ=YEARLY.`;
    }
  }
  if (freq === 'WEEKLY' && fields.has('BYMONTHDAY')) {
    return 'The repeat rule may not use BYMONTHDAY with FREQ=WEEKLY.';
  }
  const numbered = (fields.get('BYDAY') ?? '').split(',').some((day) => /\d/.test(day));
  if (numbered && (freq === 'DAILY' || freq === 'WEEKLY')) {
    return `The repeat rule may number its BYDAY weekdays (such as +1TU) only with FREQ=MONTHLY or YEARLY.`;
  }
  if (numbered && fields.has('BYWEEKNO')) {
    return 'The repeat rule may not number its BYDAY weekdays when it gives BYWEEKNO.';
  }
  // A rule that skips periods (INTERVAL above 1) and also picks by a smaller unit can fall
  // out of step with its start and never meet again; rrule would then search to the year 9999.
  const skips = Number(fields.get('INTERVAL') ?? '1') > 1;
  if (skips && freq === 'DAILY') {
    for (const key of ['BYDAY', 'BYMONTHDAY', 'BYMONTH']) {
      if (fields.has(key)) {
        return `A daily rule that skips days (INTERVAL) may not pick by ${key}: write it as a weekly, monthly or yearly rule.`;
      }
    }
  }
  if (skips && (freq === 'WEEKLY' || freq === 'MONTHLY') && fields.has('BYMONTH')) {
    return `A ${freq === 'WEEKLY' ? 'weekly' : 'monthly'} rule that skips (INTERVAL) may not pick months (BYMONTH): write it as a yearly rule.`;
  }
  if (
    skips &&
    freq === 'YEARLY' &&
    fields.get('BYMONTH') === '2' &&
    fields.get('BYMONTHDAY') === '29'
  ) {
    return 'A yearly rule on 29 February may not skip years (INTERVAL): it could miss every leap year.';
  }
  if (fields.has('BYSETPOS')) {
    const weekdays = (fields.get('BYDAY') ?? '').split(',').filter((day) => day !== '');
    if (freq === 'WEEKLY') {
      const setSize = Math.max(1, weekdays.length);
      const positions = fields.get('BYSETPOS')!.split(',');
      if (positions.every((position) => Math.abs(Number(position)) > setSize)) {
        return `The repeat rule's BYSETPOS picks past the ${setSize} ${setSize === 1 ? 'meeting' : 'meetings'} a week of this rule has: "${fields.get('BYSETPOS')}".`;
      }
    }
  }
  if (fields.has('BYSETPOS')) {
    const largest = { WEEKLY: 7, MONTHLY: 31 }[freq as 'WEEKLY' | 'MONTHLY'] ?? 366;
    const positions = fields.get('BYSETPOS')!.split(',');
    if (positions.every((position) => Math.abs(Number(position)) > largest)) {
      return `The repeat rule's BYSETPOS picks past the ${largest} days a ${freq === 'WEEKLY' ? 'week' : freq === 'MONTHLY' ? 'month' : 'year'} has at most: "${fields.get('BYSETPOS')}".`;
    }
    if (freq === 'DAILY') {
      return 'The repeat rule may not use BYSETPOS with FREQ=DAILY: each day is a set of one.';
    }
    const others = ['BYDAY', 'BYMONTHDAY', 'BYMONTH', 'BYYEARDAY', 'BYWEEKNO'];
    if (!others.some((key) => fields.has(key))) {
      return 'The repeat rule may use BYSETPOS only with another BY part (such as BYDAY).';
    }
  }
  const monthDays = fields.get('BYMONTHDAY');
  if (monthDays !== undefined) {
    const months = fields.has('BYMONTH')
      ? fields.get('BYMONTH')!.split(',').map(Number)
      : [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
    const longest = Math.max(...months.map((month) => MONTH_DAYS[month - 1] ?? 31));
    if (monthDays.split(',').every((day) => Math.abs(Number(day)) > longest)) {
      return `The repeat rule's BYMONTHDAY gives days its months do not have: "${monthDays}".`;
    }
  }
  return null;
}

/**
 * Why an RRULE value cannot be used, or null when it can. Given the series' start, the rule must
 * give a meeting from that start on (a rule can match from one start and never from another).
 */
export function ruleProblem(rule: string, start?: string): string | null {
  const text = rule.trim();
  if (text === '') return 'The repeat rule is empty.';
  if (/^RRULE:/i.test(text) || /DTSTART/i.test(text)) {
    return 'The repeat rule must be the RRULE value alone, without "RRULE:" or a DTSTART.';
  }
  const seen = new Set<string>();
  for (const given of text.split(';')) {
    if (given === '') continue;
    const part = given.toUpperCase();
    const [key, value, ...rest] = part.split('=');
    if (key === undefined || value === undefined || rest.length > 0) {
      return `The repeat rule has a part that is not KEY=VALUE: "${given}".`;
    }
    if (key === 'BYHOUR' || key === 'BYMINUTE' || key === 'BYSECOND') {
      return `The repeat rule may not use ${key}: the meeting's time comes from its start.`;
    }
    const pattern = RULE_PARTS[key];
    if (!pattern) return `The repeat rule has a part Baton does not know: ${key}.`;
    if (seen.has(key)) return `The repeat rule gives ${key} twice.`;
    seen.add(key);
    if (!pattern.test(value)) {
      if (key === 'FREQ' && /^(SECONDLY|MINUTELY|HOURLY)$/.test(value)) {
        return 'A meeting series repeats at most daily.';
      }
      return `The repeat rule's ${key} is not valid: "${given.slice(key.length + 1)}".`;
    }
    if (key === 'UNTIL' && !isValid(parse(value.slice(0, 8), 'yyyyMMdd', new Date(0)))) {
      return `The repeat rule's UNTIL is not a real date: "${value}".`;
    }
  }
  if (!seen.has('FREQ')) return 'The repeat rule needs a FREQ (DAILY, WEEKLY, MONTHLY or YEARLY).';
  if (seen.has('COUNT') && seen.has('UNTIL')) {
    return 'The repeat rule may end after a number of meetings (COUNT) or on a date (UNTIL), not both.';
  }
  const mismatch = partsProblem(fieldsOf(text));
  if (mismatch) return mismatch;
  try {
    // rrule searches a rule that never matches up to the year 9999, period by period (seconds
    // for a daily rule): `partsProblem` refuses such rules first.
    const from =
      start !== undefined && localDateTimeProblem(start) === null
        ? floatingDate(start)
        : new Date(Date.UTC(1900, 0, 1));
    const first = floatingRule(text, from).all((_d, index) => index < 1);
    // A rule that ends (UNTIL) before it gives a meeting leaves the first meeting alone, which
    // is a series of one (the start always counts, RFC 5545); one that never ends and never
    // gives a meeting would be searched to the year 9999 every time.
    if (first.length === 0 && !(start !== undefined && /(^|;)UNTIL=/i.test(text))) {
      return start === undefined
        ? 'The repeat rule gives no meetings at all.'
        : 'The repeat rule gives no meetings from the first meeting on.';
    }
  } catch (error) {
    return `The repeat rule cannot be read: ${error instanceof Error ? error.message : String(error)}.`;
  }
  return null;
}

/** Why a time zone name is not an IANA zone this system knows, or null. */
export function timeZoneProblem(zone: string): string | null {
  if (zone.trim() === '') return 'The time zone is empty.';
  if (zone !== zone.trim()) return `The time zone "${zone}" has spaces around it.`;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
  } catch {
    return `"${zone}" is not a time zone this system knows (e.g. Europe/Berlin).`;
  }
  if (/^[+-]/.test(zone))
    return `"${zone}" is an offset, not a time zone name (e.g. Europe/Berlin).`;
  return null;
}

/** Why a local date-time is not `YYYY-MM-DDTHH:mm` (a real date, a real time), or null. */
export function localDateTimeProblem(text: string): string | null {
  if (!LOCAL_DATE_TIME.test(text)) {
    return `"${text}" is not a date and time written YYYY-MM-DDTHH:mm (2026-01-06T10:00).`;
  }
  const parsed = parse(text, "yyyy-MM-dd'T'HH:mm", new Date(0));
  if (!isValid(parsed) || format(parsed, "yyyy-MM-dd'T'HH:mm") !== text) {
    return `"${text}" is not a real date and time.`;
  }
  if (text < '1900') return `"${text}" is before 1900: a meeting series starts in 1900 or later.`;
  return null;
}

/** The local date-time of a floating Date, for callers that expand rules themselves. */
export { floatingText };
