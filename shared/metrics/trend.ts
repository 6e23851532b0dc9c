/**
 * A metric's trend from its points: the latest point with a value, and the direction of the
 * latest change (up, down or flat, and whether that is better for this metric).
 */
import { bandOf, METRIC_DEFINITIONS } from './definitions';
import type { DrillRow, MetricId, MetricLimits, MetricPoint, MetricTrend } from './types';

/** Changes smaller than this (in the metric's unit) are flat: rounding, not movement. */
export const FLAT_TOLERANCE: Readonly<Record<'%' | 'ratio' | 'currency' | 'count', number>> = {
  '%': 0.5,
  ratio: 0.005,
  currency: 0.5,
  count: 0,
};

/** How far a value lies outside the good range (0 inside it). */
function distanceFromGood(value: number, limits: MetricLimits | undefined): number {
  if (!limits) return 0;
  if (limits.goodMin !== undefined && value < limits.goodMin) return limits.goodMin - value;
  if (limits.goodMax !== undefined && value > limits.goodMax) return value - limits.goodMax;
  return 0;
}

/**
 * The direction from `previous` to `latest` for metric `id`. Flat when the change is within
 * `FLAT_TOLERANCE`; then `better` is false (neither better nor worse). For a metric best inside
 * a range, a change of band decides, then being closer to the good range; a move that stays
 * inside the good range is neither (`inRange`).
 */
export function directionOf(
  id: MetricId,
  previous: number,
  latest: number,
): NonNullable<MetricTrend['direction']> {
  const definition = METRIC_DEFINITIONS[id];
  const delta = latest - previous;
  if (Math.abs(delta) <= FLAT_TOLERANCE[definition.unit]) return { change: 'flat', better: false };
  const change = delta > 0 ? 'up' : 'down';
  switch (definition.better) {
    case 'higher':
      return { change, better: delta > 0 };
    case 'lower':
      return { change, better: delta < 0 };
    case 'in-range': {
      // A change of band decides first: under-used (watch) to over capacity (poor) is worse even
      // when the value lands nearer the good range.
      const rank = { good: 0, watch: 1, poor: 2, none: 3 } as const;
      const [was, is] = [
        rank[bandOf(previous, definition.limits)],
        rank[bandOf(latest, definition.limits)],
      ];
      if (was !== is) return { change, better: is < was };
      const before = distanceFromGood(previous, definition.limits);
      const after = distanceFromGood(latest, definition.limits);
      if (after === 0 && before === 0) return { change, better: false, inRange: true };
      return { change, better: after < before };
    }
  }
}

/** A trend from its points (oldest first): the latest valued point and the latest change. */
export function trendOf(
  id: MetricId,
  points: readonly MetricPoint[],
  drill: readonly DrillRow[],
  extra: { readonly action?: string; readonly baseline?: 'snapshot' | 'current' } = {},
): MetricTrend {
  const valued = points.filter((point) => point.value !== undefined);
  const latest = valued[valued.length - 1];
  const previous = valued[valued.length - 2];
  const direction =
    latest?.value !== undefined && previous?.value !== undefined
      ? directionOf(id, previous.value, latest.value)
      : undefined;
  return {
    id,
    points,
    ...(latest && { latest }),
    ...(direction && { direction }),
    drill,
    ...(extra.action !== undefined && { action: extra.action }),
    ...(extra.baseline !== undefined && { baseline: extra.baseline }),
  };
}

/** 'current' when any point was measured against the current plan, else 'snapshot'. */
export function baselineOfPoints(
  points: readonly MetricPoint[],
): 'snapshot' | 'current' | undefined {
  if (points.length === 0) return undefined;
  return points.some((point) => point.baseline === 'current') ? 'current' : 'snapshot';
}

/**
 * Rounds away binary noise (0.30000000000000004) so printed figures read as computed. A value
 * too large to scale (beyond about 1e299) is already whole: it is kept, not turned into Infinity.
 */
export function tidy(value: number): number {
  const scaled = value * 1e9;
  return Number.isFinite(scaled) ? Math.round(scaled) / 1e9 : value;
}

/**
 * `numerator ÷ denominator × scale`, tidied; undefined when the denominator is not above 0 or the
 * quotient is not a finite number (a tiny denominator can overflow it: a file may hold 5e-324).
 */
export function ratio(numerator: number, denominator: number, scale = 1): number | undefined {
  if (!(denominator > 0)) return undefined;
  const quotient = (numerator / denominator) * scale;
  return Number.isFinite(quotient) ? tidy(quotient) : undefined;
}
