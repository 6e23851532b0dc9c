/**
 * Benefit realization, two ways.
 *
 * From success measures (`benefit-measures`), as of a date: each objective's measure with a
 * baseline, a target, a target date and a reading by then has a progress (how far from baseline
 * to target the latest reading is, counted from 0 to 1) and an expected progress (where the
 * straight line from baseline to target stands by then; shared/strategy/measure-progress.ts).
 * Realization = Σ progress ÷ Σ expected progress × 100, over the measures expected to have moved
 * (expected progress above 0).
 *
 * From initiatives (`benefit-realized`), as of the end of a period: over the initiatives that
 * state an expected benefit and were delivered by then (their reported progress reached 100 % in
 * that period or before; marked done without such a report: counted from the latest period on,
 * and said so), Σ benefit they realized to date (`Actual.benefit` of periods up to then) ÷ Σ
 * their expected benefit × 100. Benefits are due once work is delivered.
 *
 * Bands for both: 90 % and above good, 70 % up to 90 % watch, below 70 % poor.
 */
import { dayText } from '../cadence/agenda';
import { formatMoney } from '../format';
import type { Measure, Portfolio } from '../portfolio/types';
import { measureProgress } from '../strategy/measure-progress';
import { finishedIndex, indexActuals, type ActualsIndex, type MetricPeriod } from './baseline';
import { benefitMeasuresAction, benefitRealizedAction } from './actions';
import { BENEFIT_LIMITS, bandOf } from './definitions';
import { ratio, tidy, trendOf } from './trend';
import type { DrillRow, MetricPoint, MetricTrend } from './types';

/** One measure's realization as of a date. */
export type MeasureRealization = {
  readonly id: string;
  readonly name: string;
  readonly objectiveId: string;
  readonly objectiveName: string;
  /** Progress from baseline to target, 0..1. */
  readonly progress: number;
  /** Where the straight line stands, 0..1. */
  readonly expectedProgress: number;
  /** progress ÷ expected progress × 100; absent when too large to be a number. */
  readonly realization?: number;
};

const percent = (share: number) => `${Math.round(share * 100)} %`;

/** The measures counted as of `date`, worst realization first, and the total realization. */
export function measureBenefits(
  portfolio: Portfolio,
  date: string,
): { readonly value?: number; readonly measures: readonly MeasureRealization[] } {
  // Raw figures for the sums; tidied once reported.
  const measures: MeasureRealization[] = [];
  for (const objective of portfolio.objectives) {
    for (const measure of objective.measures ?? ([] as readonly Measure[])) {
      const progress = measureProgress(measure, date);
      if (progress.progress === undefined || progress.expectedProgress === undefined) continue;
      if (!(progress.expectedProgress > 0)) continue;
      const done = Math.min(1, Math.max(0, progress.progress));
      measures.push({
        id: measure.id,
        name: measure.name,
        objectiveId: objective.id,
        objectiveName: objective.name,
        progress: done,
        expectedProgress: progress.expectedProgress,
        realization: (done / progress.expectedProgress) * 100,
      });
    }
  }
  const expected = measures.reduce((sum, row) => sum + row.expectedProgress, 0);
  const made = measures.reduce((sum, row) => sum + row.progress, 0);
  measures.sort(
    (a, b) =>
      (a.realization ?? Infinity) - (b.realization ?? Infinity) || a.name.localeCompare(b.name),
  );
  const total = ratio(made, expected, 100);
  return {
    ...(total !== undefined && { value: total }),
    measures: measures.map(({ realization, ...row }) => {
      const shown =
        realization !== undefined && Number.isFinite(realization) ? tidy(realization) : undefined;
      return {
        ...row,
        progress: tidy(row.progress),
        expectedProgress: tidy(row.expectedProgress),
        ...(shown !== undefined && { realization: shown }),
      };
    }),
  };
}

/** One delivered initiative's realized benefit as of the end of a period. */
export type InitiativeRealization = {
  readonly id: string;
  readonly name: string;
  readonly expected: number;
  readonly realized: number;
  /** realized ÷ expected × 100; absent when too large to be a number (a tiny expected benefit). */
  readonly realization?: number;
  /** The period it was delivered in; absent when marked done without a 100 % report. */
  readonly deliveredIn?: string;
};

/**
 * The initiatives delivered by the end of `period` that state an expected benefit, worst
 * realization first, and the total realization. `latest`: the period is the latest measured, so
 * work marked done without a 100 % report counts too.
 */
export function initiativeBenefits(
  portfolio: Portfolio,
  period: MetricPeriod,
  latest: boolean,
  actuals: ActualsIndex = indexActuals(portfolio),
): { readonly value?: number; readonly initiatives: readonly InitiativeRealization[] } {
  const rows: InitiativeRealization[] = [];
  for (const initiative of portfolio.initiatives) {
    const expected = initiative.benefit;
    if (expected === undefined || !(expected > 0)) continue;
    const finished = finishedIndex(actuals, initiative.id);
    const delivered =
      finished !== undefined ? finished <= period.index : latest && initiative.status === 'done';
    if (!delivered) continue;
    const realized = (actuals.get(initiative.id) ?? [])
      .filter((actual) => actual.index <= period.index)
      .reduce((sum, actual) => sum + (actual.benefit ?? 0), 0);
    rows.push({
      id: initiative.id,
      name: initiative.name,
      expected,
      realized: tidy(realized),
      ...ratioOrNothing(realized, expected),
      ...(finished !== undefined && {
        deliveredIn: portfolio.periods[finished]?.label ?? String(finished),
      }),
    });
  }
  const expected = rows.reduce((sum, row) => sum + row.expected, 0);
  const realized = rows.reduce((sum, row) => sum + row.realized, 0);
  rows.sort(
    (a, b) =>
      (a.realization ?? Infinity) - (b.realization ?? Infinity) || a.name.localeCompare(b.name),
  );
  const total = ratio(realized, expected, 100);
  return { ...(total !== undefined && { value: total }), initiatives: rows };
}

/** `{ realization }` (realized ÷ expected × 100), or nothing when it is not a finite number. */
function ratioOrNothing(realized: number, expected: number): { realization?: number } {
  const realization = ratio(realized, expected, 100);
  return realization === undefined ? {} : { realization };
}

/** Both benefit trends per period, with their drill-downs and actions. */
export function benefitTrends(
  portfolio: Portfolio,
  periods: readonly MetricPeriod[],
): { readonly measures: MetricTrend; readonly realized: MetricTrend } {
  const actuals = indexActuals(portfolio);
  const money = (amount: number) => formatMoney(amount, portfolio.currency, true, 'en-GB');

  const byMeasures = periods.map((period) => ({
    period,
    result: measureBenefits(portfolio, period.upTo),
  }));
  const measurePoints: MetricPoint[] = byMeasures.map(({ period, result }) => ({
    key: period.period.id,
    label: period.period.label,
    date: period.upTo,
    ...(result.value !== undefined
      ? { value: result.value }
      : {
          reason:
            'No success measure with a baseline, a target, a target date and a reading was expected to have moved by then.',
        }),
    band: bandOf(result.value, BENEFIT_LIMITS),
  }));
  const lastMeasures = [...byMeasures].reverse().find((entry) => entry.result.value !== undefined);
  const measureDrill: DrillRow[] = (lastMeasures?.result.measures ?? []).map((row) => ({
    subject: { kind: 'measure', id: row.id, name: row.name },
    ...(row.realization !== undefined && { value: row.realization }),
    band: bandOf(row.realization, BENEFIT_LIMITS),
    detail: `${row.objectiveName}: ${percent(row.progress)} of the way to its target, ${percent(row.expectedProgress)} expected by ${dayText(lastMeasures?.period.upTo ?? '')}.`,
  }));

  const byInitiatives = periods.map((period, index) => ({
    period,
    result: initiativeBenefits(portfolio, period, index === periods.length - 1, actuals),
  }));
  const realizedPoints: MetricPoint[] = byInitiatives.map(({ period, result }) => ({
    key: period.period.id,
    label: period.period.label,
    date: period.upTo,
    ...(result.value !== undefined
      ? { value: result.value }
      : { reason: 'No initiative with an expected benefit was delivered by then.' }),
    band: bandOf(result.value, BENEFIT_LIMITS),
  }));
  const lastRealized = [...byInitiatives]
    .reverse()
    .find((entry) => entry.result.value !== undefined);
  const realizedDrill: DrillRow[] = (lastRealized?.result.initiatives ?? []).map((row) => ({
    subject: { kind: 'initiative', id: row.id, name: row.name },
    ...(row.realization !== undefined && { value: row.realization }),
    band: bandOf(row.realization, BENEFIT_LIMITS),
    detail: `Realized ${money(row.realized)} of ${money(row.expected)} expected${
      row.deliveredIn !== undefined
        ? `, delivered in ${row.deliveredIn}`
        : '; marked done, but no period reports 100 % progress'
    }.`,
  }));

  const measureLatest = [...measurePoints].reverse().find((point) => point.value !== undefined);
  const realizedLatest = [...realizedPoints].reverse().find((point) => point.value !== undefined);
  const measureAction =
    measureLatest && lastMeasures
      ? benefitMeasuresAction(measureLatest, lastMeasures.result.measures)
      : undefined;
  const realizedAction =
    realizedLatest && lastRealized
      ? benefitRealizedAction(realizedLatest, lastRealized.result.initiatives, money)
      : undefined;
  return {
    measures: trendOf('benefit-measures', measurePoints, measureDrill, {
      ...(measureAction !== undefined && { action: measureAction }),
    }),
    realized: trendOf('benefit-realized', realizedPoints, realizedDrill, {
      ...(realizedAction !== undefined && { action: realizedAction }),
    }),
  };
}
