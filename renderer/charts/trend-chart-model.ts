/**
 * The geometry and words of a metric's trend chart, without React: the scales, the line (broken
 * where a point has no value), the shaded bands behind it, and how a value, a band and a change
 * read in words. The chart on screen (Metrics → Trends) and in the printed board pack share it.
 */
import { line, scaleLinear, scalePoint } from 'd3';
import { formatMoney, formatNumber } from '../../shared/format';
import { bandOf } from '../../shared/metrics/definitions';
import type {
  Band,
  MetricDefinition,
  MetricLimits,
  MetricPoint,
  MetricTrend,
} from '../../shared/metrics/types';

/** A stretch of the value axis drawn in one band's colour, from `low` to `high`. */
export type BandZone = {
  readonly band: Band;
  readonly low: number;
  readonly high: number;
};

/**
 * The stretches of the value axis from `low` to `high` in each band of `limits` (the metric's
 * bands as shared/metrics defines them), adjacent stretches of one band merged; none without
 * limits. Each stretch's band is that of its middle, so the shading agrees with `bandOf`.
 */
export function bandZones(
  limits: MetricLimits | undefined,
  low: number,
  high: number,
): readonly BandZone[] {
  if (!limits || !(high > low)) return [];
  const edges = [
    low,
    ...[limits.goodMin, limits.goodMax, limits.watchMin, limits.watchMax].filter(
      (edge): edge is number => edge !== undefined && edge > low && edge < high,
    ),
    high,
  ].sort((a, b) => a - b);
  const zones: BandZone[] = [];
  for (let index = 0; index + 1 < edges.length; index += 1) {
    const from = edges[index] as number;
    const to = edges[index + 1] as number;
    if (!(to > from)) continue;
    const band = bandOf((from + to) / 2, limits);
    if (band === 'none') continue;
    const last = zones.at(-1);
    if (last && last.band === band && last.high === from)
      zones[zones.length - 1] = { ...last, high: to };
    else zones.push({ band, low: from, high: to });
  }
  return zones;
}

/** Colours on white: marks at least 3:1, words at least 4.5:1; the zones are pale tints. */
export const BAND_COLOURS: Readonly<
  Record<Band, { readonly mark: string; readonly zone: string }>
> = {
  good: { mark: '#1a7f37', zone: '#e6f4ea' },
  watch: { mark: '#9a5b00', zone: '#fdf1d8' },
  poor: { mark: '#b42318', zone: '#fde8e6' },
  none: { mark: '#5b6075', zone: '#f3f4f7' },
};

/** A band in a word, as the screens and the pack say it. */
export const BAND_WORDS: Readonly<Record<Band, string>> = {
  good: 'Good',
  watch: 'Watch',
  poor: 'Poor',
  none: 'No band',
};

/** A metric's value with its unit: "92 %", "0.87", "€1.2M", "4". */
export function formatMetricValue(
  value: number,
  unit: MetricDefinition['unit'],
  currency?: string,
  locale?: string,
): string {
  // A true minus sign: a hyphen before a large figure reads as a dash.
  return plainValue(value, unit, currency, locale).replace(/^-/, '\u2212');
}

function plainValue(
  value: number,
  unit: MetricDefinition['unit'],
  currency?: string,
  locale?: string,
): string {
  switch (unit) {
    case '%':
      return `${formatNumber(value, Math.abs(value) < 10 ? 1 : 0, locale)} %`;
    case 'ratio':
      return formatNumber(value, 2, locale);
    case 'currency':
      return formatMoney(value, currency, true, locale);
    case 'count':
      return formatNumber(value, 1, locale);
  }
}

/** A change in words: "up, better", "down, worse", "no change". */
export function directionWords(direction: MetricTrend['direction']): string | undefined {
  if (!direction) return undefined;
  if (direction.change === 'flat') return 'no change';
  if (direction.inRange) return `${direction.change}, still in range`;
  return `${direction.change}, ${direction.better ? 'better' : 'worse'}`;
}

/** How a change reads: neither better nor worse (flat, or still in range), better, or worse. */
export function directionTone(
  direction: NonNullable<MetricTrend['direction']>,
): 'same' | 'better' | 'worse' {
  if (direction.change === 'flat' || direction.inRange) return 'same';
  return direction.better ? 'better' : 'worse';
}

/** The arrow for a change: ↑ ↓ →. */
export function directionArrow(direction: MetricTrend['direction']): string {
  if (!direction) return '';
  return direction.change === 'up' ? '↑' : direction.change === 'down' ? '↓' : '→';
}

export type TrendMargin = {
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
  readonly left: number;
};

export const TREND_MARGIN: TrendMargin = { top: 12, right: 16, bottom: 30, left: 56 };

export type TrendLayout = {
  readonly width: number;
  readonly height: number;
  readonly plot: {
    readonly x0: number;
    readonly x1: number;
    readonly y0: number;
    readonly y1: number;
  };
  /** Where each point lies; `y` only for a point with a value. */
  readonly points: readonly (MetricPoint & { readonly x: number; readonly y?: number })[];
  /** The line through the points with a value, broken at a point without one. */
  readonly path: string;
  readonly zones: readonly (BandZone & { readonly y: number; readonly height: number })[];
  readonly yTicks: readonly { readonly value: number; readonly y: number }[];
};

/**
 * Lays a trend out in `width` × `height`: the points evenly across (oldest left), the value axis
 * from 0 (or the lowest value, when below 0) to a little above the highest value or band edge,
 * so that a value inside the good band shows inside it.
 */
export function layoutTrend(
  trend: MetricTrend,
  limits: MetricLimits | undefined,
  width: number,
  height: number,
  margin: TrendMargin = TREND_MARGIN,
): TrendLayout {
  const plot = {
    x0: margin.left,
    x1: width - margin.right,
    y0: margin.top,
    y1: height - margin.bottom,
  };
  const values = trend.points.flatMap((point) =>
    point.value !== undefined && Number.isFinite(point.value) ? [point.value] : [],
  );
  // The good band's edges stay in view, so that a value is seen against them.
  const edges = limits
    ? [limits.goodMin, limits.goodMax].filter((edge): edge is number => edge !== undefined)
    : [];
  const lowest = Math.min(0, ...values, ...edges);
  const low = lowest < 0 ? lowest * 1.1 : 0;
  const highest = Math.max(...values, ...edges, 0);
  const high = highest > low ? (highest > 0 ? highest * 1.1 : 0) : low + 1;
  const y = scaleLinear().domain([low, high]).nice(5).range([plot.y1, plot.y0]);
  const x = scalePoint<string>()
    .domain(trend.points.map((point) => point.key))
    .range([plot.x0, plot.x1])
    .padding(0.5);
  const placed = trend.points.map((point) => ({
    ...point,
    x: x(point.key) ?? (plot.x0 + plot.x1) / 2,
    ...(point.value !== undefined && Number.isFinite(point.value) && { y: y(point.value) }),
  }));
  const path =
    line<(typeof placed)[number]>()
      .defined((point) => point.y !== undefined)
      .x((point) => point.x)
      .y((point) => point.y ?? 0)(placed) ?? '';
  const [domainLow, domainHigh] = y.domain() as [number, number];
  const zones = bandZones(limits, domainLow, domainHigh).map((zone) => ({
    ...zone,
    y: y(zone.high),
    height: y(zone.low) - y(zone.high),
  }));
  const yTicks = y.ticks(4).map((value) => ({ value, y: y(value) }));
  return { width, height, plot, points: placed, path, zones, yTicks };
}

/** The chart in a sentence, for a screen reader and the figure's caption. */
export function trendSummary(
  trend: MetricTrend,
  definition: MetricDefinition,
  currency?: string,
  locale?: string,
): string {
  const withValue = trend.points.filter((point) => point.value !== undefined);
  if (withValue.length === 0) {
    return `${definition.name}: no value yet over ${trend.points.length} ${trend.points.length === 1 ? 'point' : 'points'}.`;
  }
  const latest = trend.latest ?? withValue.at(-1);
  const parts = [
    `${definition.name} over ${trend.points.length} ${trend.points.length === 1 ? 'point' : 'points'}`,
  ];
  if (latest?.value !== undefined) {
    parts.push(
      `latest ${latest.label} ${formatMetricValue(latest.value, definition.unit, currency, locale)} (${BAND_WORDS[latest.band].toLowerCase()})`,
    );
  }
  const change = directionWords(trend.direction);
  if (change) parts.push(change);
  return `${parts.join('; ')}.`;
}
