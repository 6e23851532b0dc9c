/**
 * The committed plans metrics are measured against, and the periods they are measured over. The
 * committed plan of a date is the first scenario's cut line in the latest snapshot taken on or
 * before that date; without one, the current portfolio's (flagged `current`).
 */
import { differenceInCalendarDays, parseISO } from 'date-fns';
import { plannedProgress } from '../cadence/agenda';
import { openSnapshot } from '../cadence/snapshot';
import type { Snapshot } from '../cadence/types';
import type { Actual, Period, Portfolio } from '../portfolio/types';
import { scenarioCutLine, type AbovePlacement, type CutLine } from '../prioritize/cutline';

/** A committed plan: a portfolio (a snapshot's, or the current one) and its cut line. */
export type Baseline = {
  readonly plan: Portfolio;
  readonly cutLine: CutLine;
  readonly source: 'snapshot' | 'current';
  readonly snapshotId?: string;
  readonly snapshotLabel?: string;
  /** The day the snapshot was taken (YYYY-MM-DD). */
  readonly day?: string;
};

/** The committed plans of a portfolio's snapshots, read once. */
export type Baselines = {
  /** Snapshot plans, oldest first. */
  readonly snapshots: readonly Baseline[];
  readonly current: Baseline;
  /** Snapshots that could not be opened, in words. */
  readonly problems: readonly string[];
};

/** The calendar day (YYYY-MM-DD) of an ISO date or date-time. */
export function dayOf(iso: string): string {
  return iso.slice(0, 10);
}

/** Reads every snapshot once and computes its plan's cut line; unreadable ones are named. */
export function readBaselines(portfolio: Portfolio, snapshots: readonly Snapshot[]): Baselines {
  const problems: string[] = [];
  const read: Baseline[] = [];
  for (const snapshot of snapshots) {
    const opened = openSnapshot(snapshot);
    if (!opened.ok) {
      problems.push(opened.message);
      continue;
    }
    read.push({
      plan: opened.portfolio,
      cutLine: scenarioCutLine(opened.portfolio),
      source: 'snapshot',
      snapshotId: snapshot.id,
      snapshotLabel: snapshot.label,
      day: dayOf(snapshot.takenAt),
    });
  }
  // Stable: snapshots taken the same day keep their file order, the later listed counting last.
  read.sort((a, b) => ((a.day ?? '') < (b.day ?? '') ? -1 : (a.day ?? '') > (b.day ?? '') ? 1 : 0));
  return {
    snapshots: read,
    current: { plan: portfolio, cutLine: scenarioCutLine(portfolio), source: 'current' },
    problems,
  };
}

/** The committed plan of `date`: the latest snapshot taken on or before it, else the current plan. */
export function baselineAt(baselines: Baselines, date: string): Baseline {
  let found: Baseline | undefined;
  for (const baseline of baselines.snapshots) {
    if ((baseline.day ?? '') <= date) found = baseline;
  }
  return found ?? baselines.current;
}

/** A period metrics are measured over: dated, and started by the as-of date. */
export type MetricPeriod = {
  readonly period: Period;
  /** Its index in the portfolio's periods. */
  readonly index: number;
  readonly start: string;
  readonly end: string;
  /** The day the period's figures are taken at: its end, or the as-of date while it runs. */
  readonly upTo: string;
  readonly inProgress: boolean;
};

/**
 * The periods with a start and an end date that started on or before `asOf`, in the portfolio's
 * order. A period still running is measured up to `asOf`.
 */
export function metricPeriods(portfolio: Portfolio, asOf: string): MetricPeriod[] {
  const periods: MetricPeriod[] = [];
  portfolio.periods.forEach((period, index) => {
    if (!period.start || !period.end || period.start > asOf) return;
    const inProgress = asOf < period.end;
    periods.push({
      period,
      index,
      start: period.start,
      end: period.end,
      upTo: inProgress ? asOf : period.end,
      inProgress,
    });
  });
  return periods;
}

/** Whether the dated periods are all about a quarter long (89–92 days): actions then say "quarters". */
export function quarterly(portfolio: Portfolio): boolean {
  const dated = portfolio.periods.filter((period) => period.start && period.end);
  return (
    dated.length > 0 &&
    dated.every((period) => {
      const days =
        differenceInCalendarDays(parseISO(period.end as string), parseISO(period.start as string)) +
        1;
      return days >= 89 && days <= 92;
    })
  );
}

/** The day before an ISO date. */
function dayBefore(date: string): string {
  const day = parseISO(date);
  day.setDate(day.getDate() - 1);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`;
}

/**
 * The share of an initiative's scope its plan (a placement above the baseline's line) has done
 * by `date`: its scheduled periods count evenly, each by the share of its days passed
 * (shared/cadence/agenda.ts `plannedProgress`). Undefined when a scheduled period has no dates.
 */
export function plannedShareBy(
  plan: Portfolio,
  placement: AbovePlacement,
  date: string,
): number | undefined {
  return plannedProgress(plan, placement.startIndex, placement.endIndex, date);
}

/**
 * The share of an initiative's scope its plan schedules from the start of `period` up to `upTo`
 * (the whole period: 1 ÷ its number of periods when the period is one of them). The period is
 * found in the plan by id; 0 when the plan does not schedule it then.
 */
export function plannedShareIn(
  plan: Portfolio,
  placement: AbovePlacement,
  period: { readonly id: string; readonly start: string },
  upTo: string,
): number {
  const index = plan.periods.findIndex((candidate) => candidate.id === period.id);
  if (index < placement.startIndex || index > placement.endIndex) return 0;
  const after = plannedShareBy(plan, placement, upTo);
  const before = plannedShareBy(plan, placement, dayBefore(period.start));
  if (after === undefined || before === undefined) return 0;
  return Math.max(0, after - before);
}

/** The actuals of the portfolio indexed by initiative, each list in period order. */
export type ActualsIndex = ReadonlyMap<string, readonly (Actual & { readonly index: number })[]>;

/** Indexes the actuals by initiative, in period order; actuals of unknown periods are left out. */
export function indexActuals(portfolio: Portfolio): ActualsIndex {
  const periodIndex = new Map(portfolio.periods.map((period, index) => [period.id, index]));
  const byInitiative = new Map<string, (Actual & { index: number })[]>();
  for (const actual of portfolio.actuals ?? []) {
    const index = periodIndex.get(actual.periodId);
    if (index === undefined) continue;
    const list = byInitiative.get(actual.initiativeId) ?? [];
    list.push({ ...actual, index });
    byInitiative.set(actual.initiativeId, list);
  }
  // Stable sort: of two actuals for one period, the later listed counts last.
  for (const list of byInitiative.values()) list.sort((a, b) => a.index - b.index);
  return byInitiative;
}

/**
 * The initiative's reported progress (0..1) at the end of the latest period at or before
 * `periodIndex` that reports one; 0 when none does.
 */
export function progressAt(
  actuals: ActualsIndex,
  initiativeId: string,
  periodIndex: number,
): number {
  let progress = 0;
  for (const actual of actuals.get(initiativeId) ?? []) {
    if (actual.index > periodIndex) break;
    if (actual.progress !== undefined) progress = actual.progress;
  }
  return progress;
}

/**
 * The progress an initiative made in period `periodIndex`: its progress reported for that period
 * less its progress before it (the latest reported in an earlier period, else 0), never below 0.
 * Nothing reported for the period: nothing made.
 */
export function progressMade(
  actuals: ActualsIndex,
  initiativeId: string,
  periodIndex: number,
): { readonly before: number; readonly after?: number; readonly made: number } {
  const before = progressAt(actuals, initiativeId, periodIndex - 1);
  let after: number | undefined;
  for (const actual of actuals.get(initiativeId) ?? []) {
    if (actual.index === periodIndex && actual.progress !== undefined) after = actual.progress;
  }
  return after === undefined
    ? { before, made: 0 }
    : { before, after, made: Math.max(0, after - before) };
}

/** The first period index whose reported progress reached 1, if any. */
export function finishedIndex(actuals: ActualsIndex, initiativeId: string): number | undefined {
  for (const actual of actuals.get(initiativeId) ?? []) {
    if (actual.progress !== undefined && actual.progress >= 1) return actual.index;
  }
  return undefined;
}
