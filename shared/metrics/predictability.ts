/**
 * Predictability (SAFe's form): per period, the value delivered by the committed items against
 * the value planned for them, Σ actual value ÷ Σ planned value × 100.
 *
 * - The committed plan of a period is the first scenario's cut line in the latest snapshot taken
 *   on or before the period's start (none: the current plan, flagged `current`).
 * - Committed items: the initiatives above that line whose schedule covers the period.
 * - Planned value = the initiative's value (in that plan) × the share of its scope planned in the
 *   period: its scheduled periods count evenly (a running period only up to the as-of date).
 * - Actual value = the same value × the progress it made in the period: its reported progress
 *   for the period less the latest reported before it (0 if none), never below 0.
 * - An initiative without a value (no explicit value, no score) is left out, and said so.
 * - Bands: below 80 % low (poor), 80–100 % predictable (good), over 100 % committed too little
 *   (watch). No committed item with a value in the period: no value.
 */
import { dayText } from '../cadence/agenda';
import { initiativeValue } from '../portfolio/measures';
import type { Portfolio } from '../portfolio/types';
import {
  baselineAt,
  indexActuals,
  plannedShareIn,
  progressMade,
  type ActualsIndex,
  type Baselines,
  type MetricPeriod,
} from './baseline';
import { bandOf, PREDICTABILITY_LIMITS } from './definitions';
import { predictabilityAction } from './actions';
import { baselineOfPoints, ratio, tidy, trendOf } from './trend';
import type { DrillRow, MetricPoint, MetricTrend } from './types';

/** One committed initiative's part in a period's predictability. */
export type PredictabilityItem = {
  readonly id: string;
  readonly name: string;
  /** Its value in the committed plan; undefined: left out. */
  readonly value?: number;
  /** The share of its scope planned in the period, 0..1. */
  readonly plannedShare: number;
  /** The progress it made in the period, 0..1. */
  readonly made: number;
  readonly plannedValue: number;
  readonly actualValue: number;
};

export type PeriodPredictability = {
  readonly point: MetricPoint;
  /** The committed items, worst first (largest shortfall of value first). */
  readonly items: readonly PredictabilityItem[];
};

const percent = (share: number) => `${Math.round(share * 100)} %`;

/** The predictability of one period against its committed plan. */
export function periodPredictability(
  portfolio: Portfolio,
  baselines: Baselines,
  period: MetricPeriod,
  actuals: ActualsIndex = indexActuals(portfolio),
): PeriodPredictability {
  const baseline = baselineAt(baselines, period.start);
  const plan = baseline.plan;
  const items: PredictabilityItem[] = [];
  for (const placement of baseline.cutLine.placements) {
    if (!placement.above) continue;
    const plannedShare = plannedShareIn(
      plan,
      placement,
      { id: period.period.id, start: period.start },
      period.upTo,
    );
    if (!(plannedShare > 0)) continue;
    const initiative = plan.initiatives.find((candidate) => candidate.id === placement.id);
    if (!initiative) continue;
    const current = portfolio.initiatives.find((candidate) => candidate.id === placement.id);
    const value = initiativeValue(initiative, plan);
    const { made } = progressMade(actuals, placement.id, period.index);
    const usable = value !== undefined && Number.isFinite(value) ? value : undefined;
    items.push({
      id: placement.id,
      name: current?.name ?? initiative.name,
      ...(usable !== undefined && { value: usable }),
      plannedShare: tidy(plannedShare),
      made: tidy(made),
      plannedValue: tidy((usable ?? 0) * plannedShare),
      actualValue: tidy((usable ?? 0) * made),
    });
  }
  const counted = items.filter((item) => item.value !== undefined);
  const planned = counted.reduce((sum, item) => sum + item.plannedValue, 0);
  const actual = counted.reduce((sum, item) => sum + item.actualValue, 0);
  const value = ratio(actual, planned, 100);
  items.sort(
    (a, b) =>
      Number(a.value === undefined) - Number(b.value === undefined) ||
      a.actualValue - a.plannedValue - (b.actualValue - b.plannedValue),
  );
  const point: MetricPoint = {
    key: period.period.id,
    label: period.period.label,
    date: period.upTo,
    ...(value !== undefined
      ? { value }
      : {
          reason:
            items.length === 0
              ? 'The committed plan scheduled no work in this period.'
              : 'None of the work committed for this period has a value.',
        }),
    band: bandOf(value, PREDICTABILITY_LIMITS),
    baseline: baseline.source,
    ...(baseline.snapshotId !== undefined && { snapshotId: baseline.snapshotId }),
    ...(period.inProgress && { detail: `In progress: counted up to ${dayText(period.upTo)}.` }),
  };
  return { point, items };
}

/** A committed item as a drill-down row: its own predictability and what it planned and made. */
export function predictabilityRow(item: PredictabilityItem, label: string): DrillRow {
  const own = ratio(item.made, item.plannedShare, 100);
  const gap = Math.round((item.made - item.plannedShare) * 100);
  const detail =
    item.value === undefined
      ? `Has no value (no explicit value and no scores), so it is left out.`
      : `Planned ${percent(item.plannedShare)} of its scope in ${label}, made ${percent(item.made)}: ${
          gap < 0 ? `${-gap} points short` : gap > 0 ? `${gap} points ahead` : 'as planned'
        }.`;
  return {
    subject: { kind: 'initiative', id: item.id, name: item.name },
    ...(own !== undefined && item.value !== undefined && { value: own }),
    band: item.value === undefined ? 'none' : bandOf(own, PREDICTABILITY_LIMITS),
    detail,
  };
}

/**
 * Predictability per period (oldest first), with the drill-down of the latest period with a
 * value (worst first) and the suggested action when it is out of band.
 */
export function predictabilityTrend(
  portfolio: Portfolio,
  baselines: Baselines,
  periods: readonly MetricPeriod[],
  periodWord: string,
): MetricTrend {
  const actuals = indexActuals(portfolio);
  const computed = periods.map((period) =>
    periodPredictability(portfolio, baselines, period, actuals),
  );
  const points = computed.map((entry) => entry.point);
  const latest = [...computed].reverse().find((entry) => entry.point.value !== undefined);
  const drill = latest
    ? latest.items.map((item) => predictabilityRow(item, latest.point.label))
    : [];
  const action = latest ? predictabilityAction(latest.point, latest.items, periodWord) : undefined;
  const baseline = baselineOfPoints(points);
  return trendOf('predictability', points, drill, {
    ...(action !== undefined && { action }),
    ...(baseline !== undefined && { baseline }),
  });
}
