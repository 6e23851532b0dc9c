/**
 * The roadmap as geometry: a column per period, a lane per initiative above the cut line (in the
 * order the engine placed them), a bar from its start to its last active period, and an arrow
 * from each prerequisite's end to its dependant's start. Also the arithmetic of dragging a bar:
 * which period a horizontal offset snaps to.
 */
import { path, scaleLinear } from 'd3';
import type { CutLine } from '../../shared/prioritize/cutline';
import type { Period, Portfolio } from '../../shared/portfolio/types';
import { charWidth, fitLabel } from './label-fit';

export const ROADMAP_SIZES = {
  columnWidth: 120,
  laneHeight: 28,
  barHeight: 20,
  headerHeight: 32,
  /** Space between a bar and its column edges, so that bars in a row of columns stay apart. */
  inset: 3,
  /** Room right of the last column for arrows leaving bars that end there. */
  paddingRight: 12,
  fontSize: 12,
} as const;

export type RoadmapSizes = typeof ROADMAP_SIZES;

export type Point = { readonly x: number; readonly y: number };

export type RoadmapBar = {
  readonly id: string;
  readonly name: string;
  readonly lane: number;
  /** Period id it starts in. */
  readonly start: string;
  readonly startIndex: number;
  readonly endIndex: number;
  /** Number of periods it spans. */
  readonly duration: number;
  /** It has a fixed start (`initiative.start`): work already under way, or pinned. */
  readonly fixed: boolean;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
};

export type RoadmapArrow = {
  /** Prerequisite id. */
  readonly from: string;
  /** Dependant id. */
  readonly to: string;
  /** The prerequisite bar's end (right edge, middle). */
  readonly start: Point;
  /** The dependant bar's start (left edge, middle). */
  readonly end: Point;
  /** SVG path data from `start` to `end`. */
  readonly d: string;
};

export type RoadmapLayout = {
  readonly periods: readonly Period[];
  readonly sizes: RoadmapSizes;
  readonly bars: readonly RoadmapBar[];
  readonly arrows: readonly RoadmapArrow[];
  /** Bar id → bar. */
  readonly byId: ReadonlyMap<string, RoadmapBar>;
  /** Width of the chart (all columns and the right padding). */
  readonly width: number;
  /** Height of the lanes, without the header. */
  readonly height: number;
  /** Left edge of a period's column; `columnX(periods.length)` is the right edge of the last. */
  readonly columnX: (periodIndex: number) => number;
};

/** Left edge of period index `index`, for columns of `columnWidth`. */
function columnScale(periodCount: number, columnWidth: number) {
  return scaleLinear()
    .domain([0, Math.max(1, periodCount)])
    .range([0, Math.max(1, periodCount) * columnWidth]);
}

/** The rectangle of a bar from `startIndex` to `endIndex` (inclusive) in lane `lane`. */
export function barRect(
  startIndex: number,
  endIndex: number,
  lane: number,
  sizes: RoadmapSizes = ROADMAP_SIZES,
): Pick<RoadmapBar, 'x' | 'y' | 'width' | 'height'> {
  const x = startIndex * sizes.columnWidth + sizes.inset;
  const width = (endIndex - startIndex + 1) * sizes.columnWidth - 2 * sizes.inset;
  return {
    x,
    y: lane * sizes.laneHeight + (sizes.laneHeight - sizes.barHeight) / 2,
    width: Math.max(1, width),
    height: sizes.barHeight,
  };
}

/**
 * A finish-to-start connector. Normally: right along the gap after the prerequisite to the
 * column edge, down (or up) that edge to the dependant's lane, then right into the dependant.
 * When the dependant starts too soon for that (data that breaks the dependency), it detours
 * through the gap between the lanes.
 */
export function arrowPath(start: Point, end: Point, sizes: RoadmapSizes = ROADMAP_SIZES): string {
  const d = path();
  d.moveTo(start.x, start.y);
  const elbow = start.x + sizes.inset;
  if (end.x - elbow >= sizes.inset) {
    d.lineTo(elbow, start.y);
    d.lineTo(elbow, end.y);
    d.lineTo(end.x, end.y);
  } else {
    const stub = 2 * sizes.inset;
    const towards = end.y >= start.y ? 1 : -1;
    const gutter = end.y - (towards * sizes.laneHeight) / 2;
    d.lineTo(start.x + stub, start.y);
    d.lineTo(start.x + stub, gutter);
    d.lineTo(end.x - stub, gutter);
    d.lineTo(end.x - stub, end.y);
    d.lineTo(end.x, end.y);
  }
  return d.toString();
}

/** The prerequisite bar's end and the dependant bar's start, as the arrow joins them. */
export function arrowEnds(
  prerequisite: Pick<RoadmapBar, 'x' | 'y' | 'width' | 'height'>,
  dependant: Pick<RoadmapBar, 'x' | 'y' | 'height'>,
): { start: Point; end: Point } {
  return {
    start: { x: prerequisite.x + prerequisite.width, y: prerequisite.y + prerequisite.height / 2 },
    end: { x: dependant.x, y: dependant.y + dependant.height / 2 },
  };
}

/**
 * Lays the initiatives above `cutLine` out as bars, one lane each in placement order, and joins
 * each to its prerequisites above the line with an arrow.
 */
export function roadmapLayout(
  portfolio: Portfolio,
  cutLine: CutLine,
  sizes: RoadmapSizes = ROADMAP_SIZES,
): RoadmapLayout {
  const periodCount = portfolio.periods.length;
  const initiatives = new Map(portfolio.initiatives.map((item) => [item.id, item]));
  const bars: RoadmapBar[] = [];
  for (const placement of cutLine.placements) {
    if (!placement.above) continue;
    const initiative = initiatives.get(placement.id);
    if (!initiative || placement.startIndex < 0 || placement.startIndex >= periodCount) continue;
    const endIndex = Math.min(Math.max(placement.endIndex, placement.startIndex), periodCount - 1);
    bars.push({
      id: placement.id,
      name: initiative.name,
      lane: bars.length,
      start: placement.start,
      startIndex: placement.startIndex,
      endIndex,
      duration: endIndex - placement.startIndex + 1,
      fixed: initiative.start !== undefined,
      ...barRect(placement.startIndex, endIndex, bars.length, sizes),
    });
  }
  const byId = new Map(bars.map((bar) => [bar.id, bar]));
  const arrows: RoadmapArrow[] = [];
  for (const bar of bars) {
    for (const prerequisiteId of initiatives.get(bar.id)?.dependsOn ?? []) {
      const prerequisite = byId.get(prerequisiteId);
      if (!prerequisite || prerequisite.id === bar.id) continue;
      const { start, end } = arrowEnds(prerequisite, bar);
      arrows.push({
        from: prerequisite.id,
        to: bar.id,
        start,
        end,
        d: arrowPath(start, end, sizes),
      });
    }
  }
  const columns = columnScale(periodCount, sizes.columnWidth);
  return {
    periods: portfolio.periods,
    sizes,
    bars,
    arrows,
    byId,
    width: Math.max(1, periodCount) * sizes.columnWidth + sizes.paddingRight,
    height: Math.max(1, bars.length) * sizes.laneHeight,
    columnX: (periodIndex) => columns(periodIndex),
  };
}

/** The period index whose column holds `x` (clamped to the first and last period). */
export function periodIndexAtX(x: number, columnWidth: number, periodCount: number): number {
  if (periodCount <= 0) return 0;
  const index = Math.floor(columnScale(periodCount, columnWidth).invert(x));
  return Math.min(periodCount - 1, Math.max(0, index));
}

/** The latest start at which a bar of `duration` periods still ends within the horizon. */
export function latestStartIndex(periodCount: number, duration: number): number {
  return Math.max(0, periodCount - Math.max(1, duration));
}

/**
 * Where a bar that started at `startIndex` starts after being dragged `dx` pixels: the nearest
 * column edge, kept so that the whole bar stays within the periods.
 */
export function snapStartIndex(
  startIndex: number,
  dx: number,
  columnWidth: number,
  periodCount: number,
  duration: number,
): number {
  const columns = columnScale(periodCount, columnWidth);
  const moved = Math.round(columns.invert(columns(startIndex) + dx));
  return Math.min(latestStartIndex(periodCount, duration), Math.max(0, moved));
}

export type PeriodUnit = { readonly one: string; readonly many: string };

const DAY_MS = 86_400_000;

function daysIn(period: Period): number | undefined {
  if (!period.start || !period.end) return undefined;
  const start = Date.parse(`${period.start}T00:00:00Z`);
  const end = Date.parse(`${period.end}T00:00:00Z`);
  if (!Number.isFinite(start) || !Number.isFinite(end) || end < start) return undefined;
  return Math.round((end - start) / DAY_MS) + 1;
}

/**
 * What one period is called, for "2 quarters": from the periods' dates when every period has
 * them, else from labels such as "Q1 2027"; "period" when neither says.
 */
export function periodUnit(periods: readonly Period[]): PeriodUnit {
  const fallback = { one: 'period', many: 'periods' };
  if (periods.length === 0) return fallback;
  const days = periods.map(daysIn);
  const within = (low: number, high: number) =>
    days.every((count) => count !== undefined && count >= low && count <= high);
  if (within(28, 31)) return { one: 'month', many: 'months' };
  if (within(89, 92)) return { one: 'quarter', many: 'quarters' };
  if (within(181, 184)) return { one: 'half-year', many: 'half-years' };
  if (within(365, 366)) return { one: 'year', many: 'years' };
  if (days.some((count) => count !== undefined)) return fallback;
  if (periods.every((period) => /\bQ[1-4]\b/i.test(period.label))) {
    return { one: 'quarter', many: 'quarters' };
  }
  return fallback;
}

/** The bar's accessible name: "Fleet telematics, starts Q1 2027, 2 quarters, pinned". */
export function describeBar(
  bar: Pick<RoadmapBar, 'name' | 'startIndex' | 'duration' | 'fixed' | 'start'>,
  periods: readonly Period[],
  unit: PeriodUnit = periodUnit(periods),
): string {
  const label = periods[bar.startIndex]?.label ?? bar.start;
  const length = `${bar.duration} ${bar.duration === 1 ? unit.one : unit.many}`;
  return `${bar.name}, starts ${label}, ${length}${bar.fixed ? ', pinned' : ''}`;
}

export type BarLabel = {
  readonly text: string;
  readonly x: number;
  /** Inside the bar (light text) or just right of it (dark text). */
  readonly inside: boolean;
};

/**
 * Where a bar's name goes: inside when it fits; else right of the bar when the chart has room
 * there (its lane is empty right of it); else inside, cut with an ellipsis.
 */
export function barLabel(
  bar: Pick<RoadmapBar, 'name' | 'x' | 'width' | 'fixed'>,
  chartWidth: number,
  sizes: RoadmapSizes = ROADMAP_SIZES,
): BarLabel {
  const pinRoom = bar.fixed ? 14 : 0;
  const padding = 6;
  const insideWidth = bar.width - 2 * padding - pinRoom;
  const needed = bar.name.length * charWidth(sizes.fontSize);
  if (needed <= insideWidth) {
    return { text: bar.name, x: bar.x + padding + pinRoom, inside: true };
  }
  const outsideX = bar.x + bar.width + 2 * sizes.inset + padding;
  if (needed <= chartWidth - outsideX) {
    return { text: bar.name, x: outsideX, inside: false };
  }
  return {
    text: fitLabel(bar.name, insideWidth, sizes.fontSize),
    x: bar.x + padding + pinRoom,
    inside: true,
  };
}
