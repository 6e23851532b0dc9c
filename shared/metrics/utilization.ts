/**
 * Capacity utilization per team and period: actual effort ÷ capacity × 100, beside the planned
 * demand of the committed plan ÷ capacity × 100.
 *
 * - Actual effort: Σ `Actual.effort[team]` over the period's actuals; no actual of the period
 *   gives the team an effort: no actual utilization (nothing recorded is not 0 %).
 * - Capacity: the team's capacity for the period (the current portfolio's for actual, the
 *   plan's for planned); 0: no utilization.
 * - Planned: what the committed plan's cut line (the latest snapshot taken on or before the
 *   period's start; none: the current plan) takes of the team in the period.
 * - The trend's point per period: Σ actual effort ÷ Σ capacity over the teams that recorded
 *   effort in the period.
 * - Bands: 70–100 % healthy (good); below 70 % under-used (watch); over 100 % over capacity (poor).
 */
import type { Portfolio } from '../portfolio/types';
import { stackOrder, type CutLine } from '../prioritize/cutline';
import { isPinned } from '../prioritize/status';
import { baselineAt, type Baselines, type MetricPeriod } from './baseline';
import { utilizationAction } from './actions';
import { bandOf, UTILIZATION_LIMITS } from './definitions';
import { baselineOfPoints, ratio, tidy, trendOf } from './trend';
import type { Band, DrillRow, MetricPoint, MetricTrend, MetricsReport } from './types';

export type UtilizationRow = MetricsReport['utilization'][number] & {
  /** Effort recorded and capacity, in the portfolio's capacity unit. */
  readonly effort?: number;
  readonly capacity: number;
};

/** Utilization per team (file order) and period (oldest first). */
export function teamUtilization(
  portfolio: Portfolio,
  baselines: Baselines,
  periods: readonly MetricPeriod[],
): UtilizationRow[] {
  const rows: UtilizationRow[] = [];
  for (const period of periods) {
    const baseline = baselineAt(baselines, period.start);
    const planIndex = baseline.plan.periods.findIndex(
      (candidate) => candidate.id === period.period.id,
    );
    const actuals = (portfolio.actuals ?? []).filter(
      (actual) => actual.periodId === period.period.id,
    );
    for (const team of portfolio.teams) {
      const capacity = team.capacity[period.period.id] ?? 0;
      let effort: number | undefined;
      for (const actual of actuals) {
        const given = actual.effort?.[team.id];
        if (given !== undefined) effort = (effort ?? 0) + given;
      }
      const actual = effort !== undefined ? ratio(effort, capacity, 100) : undefined;
      const planTeam = baseline.plan.teams.find((candidate) => candidate.id === team.id);
      const planCapacity = planTeam?.capacity[period.period.id] ?? 0;
      const used = planIndex >= 0 ? (baseline.cutLine.usage[team.id]?.[planIndex] ?? 0) : 0;
      const planned = ratio(used, planCapacity, 100);
      rows.push({
        teamId: team.id,
        teamName: team.name,
        periodId: period.period.id,
        periodLabel: period.period.label,
        ...(actual !== undefined && { actual }),
        ...(planned !== undefined && { planned }),
        band: bandOf(actual, UTILIZATION_LIMITS),
        ...(effort !== undefined && { effort: tidy(effort) }),
        capacity,
      });
    }
  }
  return rows;
}

/** How bad a band is, for sorting worst first. */
const SEVERITY: Readonly<Record<Band, number>> = { poor: 0, watch: 1, good: 2, none: 3 };

/** Worst first: over capacity (highest first), then under-used (lowest first), then the rest. */
function worstFirst(a: UtilizationRow, b: UtilizationRow): number {
  const severity = SEVERITY[a.band] - SEVERITY[b.band];
  if (severity !== 0) return severity;
  if (a.band === 'poor') return (b.actual ?? 0) - (a.actual ?? 0);
  if (a.band === 'watch') return (a.actual ?? 0) - (b.actual ?? 0);
  return a.teamName.localeCompare(b.teamName);
}

/**
 * The trend (Σ effort ÷ Σ capacity of the teams that recorded effort, per period), the
 * drill-down of the latest period with a value (teams worst first) and the action.
 */
export function utilizationTrend(
  portfolio: Portfolio,
  baselines: Baselines,
  periods: readonly MetricPeriod[],
  rows: readonly UtilizationRow[],
  periodWord: string,
): MetricTrend {
  const points: MetricPoint[] = periods.map((period) => {
    const recorded = rows.filter(
      (row) => row.periodId === period.period.id && row.effort !== undefined,
    );
    const effort = recorded.reduce((sum, row) => sum + (row.effort ?? 0), 0);
    const capacity = recorded.reduce((sum, row) => sum + row.capacity, 0);
    const value = ratio(effort, capacity, 100);
    const baseline = baselineAt(baselines, period.start);
    return {
      key: period.period.id,
      label: period.period.label,
      date: period.upTo,
      ...(value !== undefined
        ? { value }
        : {
            reason:
              recorded.length === 0
                ? 'No effort is recorded for this period.'
                : 'The teams that recorded effort have no capacity in this period.',
          }),
      band: bandOf(value, UTILIZATION_LIMITS),
      baseline: baseline.source,
      ...(baseline.snapshotId !== undefined && { snapshotId: baseline.snapshotId }),
    };
  });
  const latest = [...points].reverse().find((point) => point.value !== undefined);
  const latestRows = latest
    ? rows.filter((row) => row.periodId === latest.key && row.actual !== undefined)
    : [];
  const sorted = [...latestRows].sort(worstFirst);
  const unit = portfolio.capacityUnit ? ` ${portfolio.capacityUnit}` : '';
  const drill: DrillRow[] = sorted.map((row) => ({
    subject: { kind: 'team', id: row.teamId, name: row.teamName, periodId: row.periodId },
    ...(row.actual !== undefined && { value: row.actual }),
    band: row.band,
    detail: `Used ${tidy(row.effort ?? 0)} of ${tidy(row.capacity)}${unit} in ${row.periodLabel} (${Math.round(row.actual ?? 0)} %)${
      row.planned !== undefined ? `; ${Math.round(row.planned)} % planned` : ''
    }.`,
  }));
  const worst = sorted[0];
  let action: string | undefined;
  if (worst && (worst.band === 'poor' || worst.band === 'watch')) {
    // How many periods in a row, up to the latest, the team has been in the same band.
    let streak = 0;
    const last = periods.findIndex((period) => period.period.id === worst.periodId);
    for (let index = last; index >= 0; index -= 1) {
      const periodId = (periods[index] as MetricPeriod).period.id;
      const row = rows.find(
        (candidate) => candidate.teamId === worst.teamId && candidate.periodId === periodId,
      );
      if (row?.band !== worst.band) break;
      streak += 1;
    }
    action = utilizationAction(
      worst,
      streak,
      periodWord,
      movableWork(
        portfolio,
        baselines.current.cutLine,
        worst.teamId,
        worst.band === 'poor' ? 'later' : 'sooner',
      ),
    );
  }
  const baseline = baselineOfPoints(points);
  return trendOf('utilization', points, drill, {
    ...(action !== undefined && { action }),
    ...(baseline !== undefined && { baseline }),
  });
}

/**
 * Work on a team that could move. To relieve it (`later`): the lowest-ranked initiative above the
 * current plan's line, not yet committed (active or done) nor forced in, that needs the team. To
 * fill it (`sooner`): the highest-ranked initiative below the line, not cancelled nor forced out,
 * that needs the team. Its name, or undefined when there is none.
 */
export function movableWork(
  portfolio: Portfolio,
  cutLine: CutLine,
  teamId: string,
  direction: 'later' | 'sooner',
): string | undefined {
  const byId = new Map(portfolio.initiatives.map((initiative) => [initiative.id, initiative]));
  const candidates = stackOrder(portfolio).filter((id) => {
    const initiative = byId.get(id);
    const placement = cutLine.byId.get(id);
    if (!initiative || !placement) return false;
    if (!(initiative.demand?.[teamId] ?? []).some((amount) => amount > 0)) return false;
    if (direction === 'later') return placement.above && !isPinned(initiative);
    return (
      !placement.above &&
      placement.reason.kind !== 'cancelled' &&
      placement.reason.kind !== 'forced-out'
    );
  });
  const chosen = direction === 'later' ? candidates[candidates.length - 1] : candidates[0];
  return chosen === undefined ? undefined : byId.get(chosen)?.name;
}
