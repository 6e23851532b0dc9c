/**
 * Computes every metric of a portfolio as of a date: one trend per metric (points, band,
 * direction, drill-down, suggested action), the utilization table, earned value and the
 * dashboard of at most ten numbers.
 */
import type { Snapshot } from '../cadence/types';
import type { Portfolio } from '../portfolio/types';
import { alignmentTrend } from './alignment';
import { metricPeriods, quarterly, readBaselines } from './baseline';
import { benefitTrends } from './benefits';
import { metricDefinitions, METRIC_DEFINITIONS } from './definitions';
import { evmTrends } from './evm';
import { predictabilityTrend } from './predictability';
import { intakeApprovalTrend, throughputTrend } from './throughput';
import { METRIC_IDS, type DashboardNumber, type MetricTrend, type MetricsReport } from './types';
import { teamUtilization, utilizationTrend } from './utilization';

/** The most numbers a dashboard shows. */
export const DASHBOARD_LIMIT = 10;

/**
 * Every metric of `portfolio` as of `asOf` (YYYY-MM-DD), measured against the committed plans
 * frozen in `snapshots` (the latest taken on or before each period's start; none: the current
 * plan, flagged `baseline: 'current'`). Periods are the portfolio's periods with a start and an
 * end date that started by `asOf`; a running one is measured up to `asOf`. Snapshots that cannot
 * be opened are passed over.
 */
export function computeMetrics(
  portfolio: Portfolio,
  snapshots: readonly Snapshot[],
  asOf: string,
): MetricsReport {
  const { snapshots: _own, ...live } = portfolio;
  void _own;
  const baselines = readBaselines(live, snapshots);
  const periods = metricPeriods(live, asOf);
  const periodWord = quarterly(live) ? 'quarter' : 'period';
  const evm = evmTrends(live, baselines, periods, asOf);
  const benefits = benefitTrends(live, periods);
  const utilization = teamUtilization(live, baselines, periods);
  const byId: Record<MetricTrend['id'], MetricTrend> = {
    predictability: predictabilityTrend(live, baselines, periods, periodWord),
    cpi: evm.trends.cpi,
    spi: evm.trends.spi,
    'cost-variance': evm.trends['cost-variance'],
    'benefit-measures': benefits.measures,
    'benefit-realized': benefits.realized,
    alignment: alignmentTrend(live, baselines, asOf),
    utilization: utilizationTrend(live, baselines, periods, utilization, periodWord),
    throughput: throughputTrend(live, periods),
    'intake-approval': intakeApprovalTrend(live, periods),
  };
  const trends = METRIC_IDS.map((id) => byId[id]);
  return {
    asOf,
    ...(baselines.problems.length > 0 && { snapshotProblems: baselines.problems }),
    ...(live.currency !== undefined && { currency: live.currency }),
    definitions: metricDefinitions(),
    trends,
    dashboard: dashboardOf(trends),
    utilization: utilization.map(({ effort: _effort, capacity: _capacity, ...row }) => row),
    earnedValue: evm.report,
  };
}

/** The dashboard: one number per trend (its latest value, band and direction), at most ten. */
export function dashboardOf(trends: readonly MetricTrend[]): DashboardNumber[] {
  return trends.slice(0, DASHBOARD_LIMIT).map((trend) => {
    const definition = METRIC_DEFINITIONS[trend.id];
    return {
      id: trend.id,
      name: definition.name,
      ...(trend.latest?.value !== undefined && { value: trend.latest.value }),
      unit: definition.unit,
      band: trend.latest?.band ?? 'none',
      ...(trend.direction && { direction: trend.direction }),
    };
  });
}
