/**
 * Portfolio alignment over time: the Strategy area's alignment score (0–100,
 * shared/strategy/alignment.ts `portfolioAlignment`) of the funded plan (above the first
 * scenario's cut line) with the objectives' global weights (shared/strategy/weights.ts), on each
 * snapshot taken by the as-of date and now. Bands: 70 and above good, 50 up to 70 watch, below 50
 * poor.
 */
import { formatMoney } from '../format';
import { totalSpend } from '../portfolio/measures';
import type { Portfolio } from '../portfolio/types';
import type { CutLine } from '../prioritize/cutline';
import { portfolioAlignment, type PortfolioAlignment } from '../strategy/alignment';
import { localWeights } from '../strategy/weights';
import type { Baselines } from './baseline';
import { alignmentAction } from './actions';
import { ALIGNMENT_LIMITS, bandOf } from './definitions';
import { tidy, trendOf } from './trend';
import type { DrillRow, MetricPoint, MetricTrend } from './types';

/** The alignment of a plan's funded work (above its cut line), with its global weights. */
export function planAlignment(plan: Portfolio, cutLine: CutLine): PortfolioAlignment {
  const funded = new Set(
    cutLine.placements.filter((placement) => placement.above).map((placement) => placement.id),
  );
  const weights = new Map(
    [...localWeights(plan).objectives].map(([id, weight]) => [id, weight.global]),
  );
  return portfolioAlignment(plan, funded, weights);
}

/** One point per snapshot taken by `asOf` (oldest first), then now; drill: funded work serving no objective. */
export function alignmentTrend(
  portfolio: Portfolio,
  baselines: Baselines,
  asOf: string,
): MetricTrend {
  const point = (
    alignment: PortfolioAlignment,
    key: string,
    label: string,
    date: string,
    baseline: 'snapshot' | 'current',
  ): MetricPoint => {
    const value = alignment.score === undefined ? undefined : tidy(alignment.score);
    return {
      key,
      label,
      date,
      ...(value !== undefined
        ? { value }
        : {
            reason:
              alignment.basis === undefined
                ? 'Nothing funded has spend or demand, so there is nothing to align.'
                : 'The portfolio has no objectives to align to.',
          }),
      band: bandOf(value, ALIGNMENT_LIMITS),
      baseline,
    };
  };
  const points: MetricPoint[] = [];
  for (const baseline of baselines.snapshots) {
    if ((baseline.day ?? '') > asOf) continue;
    points.push({
      ...point(
        planAlignment(baseline.plan, baseline.cutLine),
        baseline.snapshotId ?? '',
        baseline.snapshotLabel ?? baseline.snapshotId ?? '',
        baseline.day ?? '',
        'snapshot',
      ),
      ...(baseline.snapshotId !== undefined && { snapshotId: baseline.snapshotId }),
    });
  }
  const now = planAlignment(portfolio, baselines.current.cutLine);
  points.push(point(now, 'now', 'Now', asOf, 'current'));
  const byId = new Map(portfolio.initiatives.map((initiative) => [initiative.id, initiative]));
  const funded = new Set(
    baselines.current.cutLine.placements
      .filter((placement) => placement.above)
      .map((placement) => placement.id),
  );
  const money = (amount: number) => formatMoney(amount, portfolio.currency, true, 'en-GB');
  const unlinked = now.unlinked
    .filter((id) => funded.has(id))
    .flatMap((id) => {
      const initiative = byId.get(id);
      return initiative ? [{ initiative, spend: totalSpend(initiative) }] : [];
    })
    .sort((a, b) => b.spend - a.spend || a.initiative.name.localeCompare(b.initiative.name));
  const drill: DrillRow[] = unlinked.map(({ initiative, spend }) => ({
    subject: { kind: 'initiative', id: initiative.id, name: initiative.name },
    band: 'poor',
    detail: `Funded but linked to no objective${spend > 0 ? `: ${money(spend)} of spend` : ''}.`,
  }));
  const latest = points[points.length - 1] as MetricPoint;
  const objectiveName = new Map(
    portfolio.objectives.map((objective) => [objective.id, objective.name]),
  );
  const action =
    latest.band === 'watch' || latest.band === 'poor'
      ? alignmentAction(
          latest,
          now,
          unlinked.map(({ initiative }) => initiative.name),
          (id) => objectiveName.get(id) ?? id,
        )
      : undefined;
  return trendOf('alignment', points, drill, { ...(action !== undefined && { action }) });
}
