/**
 * How far an objective's measure has come: its latest actual, its progress from baseline to
 * target, where a straight line says it should be today, and whether it is on track.
 */
import type { Measure, MeasureActual } from '../portfolio/types';

export type MeasureStatus = 'on-track' | 'behind' | 'achieved' | 'no-data';

/**
 * How far, as a share of the baseline → target distance, the latest actual may trail the line
 * and still count as on track. Measures are noisy and read at intervals; a 5 % slack keeps a
 * measure from flipping to behind on every small wobble.
 */
export const BEHIND_TOLERANCE = 0.05;

export type MeasureProgress = {
  readonly status: MeasureStatus;
  /** The actual with the latest date on or before today (of those on one date, the last listed). */
  readonly latest?: MeasureActual;
  /**
   * (latest − baseline) / (target − baseline): 0 at the baseline, 1 at the target, above 1 past
   * it, below 0 when it moved the wrong way. Works for falling targets too (cut a cost).
   */
  readonly progress?: number;
  /** The value the straight line from baseline to target expects today. */
  readonly expected?: number;
  /** The same as a share of the way: the time elapsed on the line, 0..1. */
  readonly expectedProgress?: number;
};

const MS_PER_DAY = 86_400_000;

/**
 * The UTC day number of an ISO date (the first ten characters of `YYYY-MM-DD…`), or undefined
 * when it is not a real calendar date. Read from the string so that no time zone shifts it.
 */
function dayNumber(date: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const time = Date.UTC(year, month - 1, day);
  // Date.UTC rolls 2026-02-30 over into March (and years below 100 into the 1900s): a date that
  // does not come back the same is not one.
  const check = new Date(time);
  if (
    check.getUTCFullYear() !== year ||
    check.getUTCMonth() !== month - 1 ||
    check.getUTCDate() !== day
  ) {
    return undefined;
  }
  return time / MS_PER_DAY;
}

/**
 * The progress of `measure` as of `today` (YYYY-MM-DD).
 *
 * - `latest`: the actual with the latest date on or before today. Actuals dated after today are
 *   left out (a pack dated in the past must not see later numbers; a future date is a forecast or
 *   a typo), as are actuals with an unreadable date or a value that is not a finite number.
 * - `progress`: (latest − baseline) / (target − baseline); undefined without a baseline, a
 *   target or a latest actual, or when baseline and target are equal (nothing to move toward).
 * - `expected`: the line runs from the baseline at the date of the earliest actual (the first
 *   reading is taken as the start: the file has no baseline date) to the target at `targetDate`.
 *   Before that start it expects the baseline, from `targetDate` on the target. Undefined
 *   without a baseline, a target, a readable `targetDate` or any actual.
 * - `status`:
 *   - `no-data` when `progress` is undefined (no actual, no baseline or target, or both equal);
 *   - `achieved` when progress ≥ 1, whatever the date;
 *   - otherwise, without a target date, `no-data` (there is no line to be behind);
 *   - `behind` when today is after the target date (a missed deadline is missed, tolerance or
 *     not), or when progress trails the expected progress by more than `BEHIND_TOLERANCE`
 *     (5 % of the baseline → target distance);
 *   - `on-track` otherwise.
 *
 * The latest actual is compared with the line at today, not at its own date: a measure nobody
 * updates while the line moves on drifts behind, which is the prompt to record a new reading.
 * An unreadable `today` filters nothing out and draws no line.
 */
export function measureProgress(measure: Measure, today: string): MeasureProgress {
  const now = dayNumber(today);
  const readings = (measure.actuals ?? []).flatMap((actual) => {
    const day = dayNumber(actual.date);
    return day === undefined || !Number.isFinite(actual.value) ? [] : [{ actual, day }];
  });
  let latest: { actual: MeasureActual; day: number } | undefined;
  let start: number | undefined;
  for (const reading of readings) {
    if (now !== undefined && reading.day > now) continue;
    // `>=`: of readings on one date, the one listed last is the correction of the others.
    if (!latest || reading.day >= latest.day) latest = reading;
    if (start === undefined || reading.day < start) start = reading.day;
  }
  const { baseline, target } = measure;
  const distance = baseline !== undefined && target !== undefined ? target - baseline : undefined;
  const progress =
    latest && distance !== undefined && distance !== 0 && baseline !== undefined
      ? (latest.actual.value - baseline) / distance
      : undefined;
  const end = measure.targetDate !== undefined ? dayNumber(measure.targetDate) : undefined;
  const expectedProgress =
    start !== undefined && end !== undefined && now !== undefined && distance !== undefined
      ? timeShare(start, end, now)
      : undefined;
  const expected =
    expectedProgress !== undefined && baseline !== undefined && distance !== undefined
      ? baseline + expectedProgress * distance
      : undefined;
  const result = {
    ...(latest && { latest: latest.actual }),
    ...(progress !== undefined && { progress }),
    ...(expected !== undefined && { expected }),
    ...(expectedProgress !== undefined && { expectedProgress }),
  };
  return { status: statusOf(progress, expectedProgress, end, now), ...result };
}

/** The share of the time from `start` to `end` elapsed at `now`, 0 before, 1 from `end` on. */
function timeShare(start: number, end: number, now: number): number {
  if (now >= end) return 1;
  if (now <= start) return 0;
  return (now - start) / (end - start);
}

function statusOf(
  progress: number | undefined,
  expectedProgress: number | undefined,
  end: number | undefined,
  now: number | undefined,
): MeasureStatus {
  if (progress === undefined) return 'no-data';
  if (progress >= 1) return 'achieved';
  if (expectedProgress === undefined || end === undefined || now === undefined) return 'no-data';
  if (now > end) return 'behind';
  return progress < expectedProgress - BEHIND_TOLERANCE ? 'behind' : 'on-track';
}
