/**
 * The roadmap as geometry: a column per period, a lane per initiative above the cut line (in the
 * order the engine placed them), a bar from its start to its last active period, each bar's name
 * (on the bar, beside it, or in a name column left of the periods, wrapped to as many lines as it
 * needs), and an arrow from each prerequisite's end to its dependant's start, routed along a
 * column edge that crosses no name. Also the arithmetic of dragging a bar: which period a
 * horizontal offset snaps to.
 */
import { path, scaleLinear } from 'd3';
import type { CutLine } from '../../shared/prioritize/cutline';
import type { Period, Portfolio } from '../../shared/portfolio/types';
import { charWidth, fitLabel, type Box } from './label-fit';

export type { Box } from './label-fit';

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
  /**
   * Width of a name column left of the periods (the printed pack): each name in full there,
   * wrapped, its lane as tall as its lines. 0: names on the bars (the screen).
   */
  nameWidth: 0,
} as const;

export type RoadmapSizes = { readonly [K in keyof typeof ROADMAP_SIZES]: number };

/** Line height of a wrapped name in the name column, as a multiple of the font size. */
const NAME_LINE = 1.25;
/** Space above and below a wrapped name in its lane. */
const NAME_PADDING = 4;

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

/** A bar's name as drawn: its lines, where they start, and the box they take. */
export type RoadmapLabel = {
  readonly id: string;
  readonly lines: readonly string[];
  /** Left edge of the text (it starts there). */
  readonly x: number;
  /** Vertical middle of the first line. */
  readonly y: number;
  readonly lineHeight: number;
  /** On the bar (light text), beside it or in the name column (dark text). */
  readonly inside: boolean;
  readonly box: Box;
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
  /** Each bar's name, in the bars' order. */
  readonly labels: readonly RoadmapLabel[];
  readonly arrows: readonly RoadmapArrow[];
  /** Top of each lane and its height (lanes grow to hold a name wrapped in the name column). */
  readonly lanes: readonly { readonly top: number; readonly height: number }[];
  /** Bar id → bar. */
  readonly byId: ReadonlyMap<string, RoadmapBar>;
  /** Width of the chart (all columns and the right padding). */
  readonly width: number;
  /** Height of the lanes, without the header. */
  readonly height: number;
  /** Left edge of a period's column (right of the name column, when there is one). */
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
  laneBox: { readonly top: number; readonly height: number } = {
    top: lane * sizes.laneHeight,
    height: sizes.laneHeight,
  },
): Pick<RoadmapBar, 'x' | 'y' | 'width' | 'height'> {
  const x = sizes.nameWidth + startIndex * sizes.columnWidth + sizes.inset;
  const width = (endIndex - startIndex + 1) * sizes.columnWidth - 2 * sizes.inset;
  return {
    x,
    y: laneBox.top + (laneBox.height - sizes.barHeight) / 2,
    width: Math.max(1, width),
    height: sizes.barHeight,
  };
}

/** SVG path data through `points`, straight from each to the next. */
function pathThrough(points: readonly Point[]): string {
  const d = path();
  points.forEach((point, index) =>
    index === 0 ? d.moveTo(point.x, point.y) : d.lineTo(point.x, point.y),
  );
  return d.toString();
}

/**
 * The corners of a finish-to-start connector turning down (or up) at `turnX`: right along the
 * prerequisite's lane to `turnX`, along that column edge to the dependant's lane, then right
 * into the dependant. When the dependant starts too soon for that (data that breaks the
 * dependency), it detours through the gap between the lanes, `gutterY`.
 */
function connectorPoints(
  start: Point,
  end: Point,
  sizes: RoadmapSizes,
  turnX: number,
  gutterY?: number,
): Point[] {
  if (end.x - (start.x + sizes.inset) >= sizes.inset) {
    return [start, { x: turnX, y: start.y }, { x: turnX, y: end.y }, end];
  }
  const stub = 2 * sizes.inset;
  const towards = end.y >= start.y ? 1 : -1;
  const gutter = gutterY ?? end.y - (towards * sizes.laneHeight) / 2;
  // Never into the name column: the detour stays right of the first period's edge.
  const back = Math.max(sizes.nameWidth + 1, end.x - stub);
  return [
    start,
    { x: start.x + stub, y: start.y },
    { x: start.x + stub, y: gutter },
    { x: back, y: gutter },
    { x: back, y: end.y },
    end,
  ];
}

/**
 * A finish-to-start connector. Normally: right along the gap after the prerequisite to the
 * column edge, down (or up) that edge to the dependant's lane, then right into the dependant.
 * When the dependant starts too soon for that (data that breaks the dependency), it detours
 * through the gap between the lanes.
 */
export function arrowPath(start: Point, end: Point, sizes: RoadmapSizes = ROADMAP_SIZES): string {
  return pathThrough(connectorPoints(start, end, sizes, start.x + sizes.inset));
}

/** Whether the straight piece from `a` to `b` (level or upright) runs through `box`. */
export function crossesBox(a: Point, b: Point, box: Box): boolean {
  const left = Math.min(a.x, b.x);
  const right = Math.max(a.x, b.x);
  const top = Math.min(a.y, b.y);
  const bottom = Math.max(a.y, b.y);
  // Touching an edge is not crossing: text never reaches the very edge of its box.
  return left < box.x + box.width && right > box.x && top < box.y + box.height && bottom > box.y;
}

/** How many of `boxes` the connector through `points` runs through. */
function crossings(points: readonly Point[], boxes: readonly Box[]): number {
  let count = 0;
  for (const box of boxes) {
    for (let index = 1; index < points.length; index += 1) {
      if (crossesBox(points[index - 1] as Point, points[index] as Point, box)) {
        count += 1;
        break;
      }
    }
  }
  return count;
}

/**
 * The connector's corners, turning at the first column edge between the prerequisite's end and
 * the dependant's start where it crosses none of the names (`boxes`); where every edge crosses
 * one, the edge that crosses fewest.
 */
export function routeArrow(
  start: Point,
  end: Point,
  boxes: readonly Box[],
  sizes: RoadmapSizes = ROADMAP_SIZES,
  gutterY?: number,
): Point[] {
  const origin = sizes.nameWidth;
  const first = Math.round((start.x + sizes.inset - origin) / sizes.columnWidth);
  const last = Math.round((end.x - sizes.inset - origin) / sizes.columnWidth);
  let best: Point[] = connectorPoints(start, end, sizes, start.x + sizes.inset, gutterY);
  let fewest = crossings(best, boxes);
  for (let column = first + 1; column <= last && fewest > 0; column += 1) {
    const route = connectorPoints(start, end, sizes, origin + column * sizes.columnWidth, gutterY);
    const count = crossings(route, boxes);
    if (count < fewest) {
      best = route;
      fewest = count;
    }
  }
  return best;
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
 * `text` in lines of at most `chars` characters, broken between words; a word longer than a line
 * is broken inside, so that every character is printed.
 */
export function wrapName(text: string, chars: number): string[] {
  const room = Math.max(1, Math.floor(chars));
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter((part) => part !== '')) {
    let rest = word;
    if (line !== '' && line.length + 1 + rest.length <= room) {
      line = `${line} ${rest}`;
      continue;
    }
    if (line !== '') lines.push(line);
    while (rest.length > room) {
      lines.push(rest.slice(0, room));
      rest = rest.slice(room);
    }
    line = rest;
  }
  if (line !== '' || lines.length === 0) lines.push(line);
  return lines;
}

/**
 * The width a name column needs so that the longest name takes at most two lines, within
 * `least` and `most` pixels, at the chart's font size.
 */
export function nameColumnWidth(
  names: readonly string[],
  least: number,
  most: number,
  fontSize: number = ROADMAP_SIZES.fontSize,
): number {
  const longest = Math.max(0, ...names.map((name) => name.length));
  // Half the longest name and room for the word that does not split evenly.
  const wanted = Math.ceil(longest / 2 + 6) * charWidth(fontSize) + 2 * NAME_PADDING + 4;
  return Math.round(Math.min(most, Math.max(least, wanted)));
}

/** A label's box: its lines at the chart's font, from `x`, the first line's middle at `y`. */
function labelBox(lines: readonly string[], x: number, y: number, sizes: RoadmapSizes): Box {
  const lineHeight = sizes.fontSize * NAME_LINE;
  const width = Math.max(...lines.map((line) => line.length)) * charWidth(sizes.fontSize);
  return { x, y: y - lineHeight / 2, width, height: lines.length * lineHeight };
}

/**
 * A name on a bar, moved clear of the arrows `routes`: the first stretch of its bar, else of its
 * lane right of the bar, that no arrow runs through and that holds the name; else the longest
 * such stretch of the bar, the name shortened to it. A name no arrow crosses stays as it is.
 */
function relieveLabel(
  label: RoadmapLabel,
  bar: RoadmapBar,
  routes: readonly (readonly Point[])[],
  chartWidth: number,
  sizes: RoadmapSizes,
): RoadmapLabel {
  if (!routes.some((route) => crossings(route, [label.box]) > 0)) return label;
  const { box } = label;
  // Where the arrows run through this name's band of the lane, as stretches of x.
  const blocked: [number, number][] = [];
  for (const route of routes) {
    for (let index = 1; index < route.length; index += 1) {
      const a = route[index - 1] as Point;
      const b = route[index] as Point;
      const top = Math.min(a.y, b.y);
      const bottom = Math.max(a.y, b.y);
      if (bottom <= box.y || top >= box.y + box.height) continue;
      blocked.push([Math.min(a.x, b.x) - 3, Math.max(a.x, b.x) + 3]);
    }
  }
  blocked.sort((a, b) => a[0] - b[0]);
  const free = (from: number, to: number): [number, number][] => {
    const stretches: [number, number][] = [];
    let left = from;
    for (const [start, end] of blocked) {
      if (end <= left || start >= to) continue;
      if (start > left) stretches.push([left, start]);
      left = Math.max(left, end);
    }
    if (left < to) stretches.push([left, to]);
    return stretches;
  };
  const padding = 6;
  const pinRoom = bar.fixed ? 14 : 0;
  const need = bar.name.length * charWidth(sizes.fontSize);
  const place = (x: number, text: string, inside: boolean): RoadmapLabel => ({
    ...label,
    lines: [text],
    x,
    inside,
    box: labelBox([text], x, label.y, sizes),
  });
  const onBar = free(bar.x + padding + pinRoom, bar.x + bar.width - padding);
  const fits = onBar.find(([from, to]) => to - from >= need);
  if (fits) return place(fits[0], bar.name, true);
  const beside = free(bar.x + bar.width + 2 * sizes.inset + padding, chartWidth).find(
    ([from, to]) => to - from >= need,
  );
  if (beside) return place(beside[0], bar.name, false);
  const widest = onBar.reduce<[number, number] | undefined>(
    (best, stretch) => (!best || stretch[1] - stretch[0] > best[1] - best[0] ? stretch : best),
    undefined,
  );
  if (!widest) return place(label.x, '', true);
  return place(widest[0], fitLabel(bar.name, widest[1] - widest[0], sizes.fontSize), true);
}

/**
 * Lays the initiatives above `cutLine` out as bars, one lane each in placement order, names them,
 * and joins each to its prerequisites above the line with an arrow that crosses no name.
 */
export function roadmapLayout(
  portfolio: Portfolio,
  cutLine: CutLine,
  sizes: RoadmapSizes = ROADMAP_SIZES,
): RoadmapLayout {
  const periodCount = portfolio.periods.length;
  const initiatives = new Map(portfolio.initiatives.map((item) => [item.id, item]));
  const origin = sizes.nameWidth;
  const width = origin + Math.max(1, periodCount) * sizes.columnWidth + sizes.paddingRight;
  const lineHeight = sizes.fontSize * NAME_LINE;
  const nameChars = (sizes.nameWidth - 2 * NAME_PADDING - 4) / charWidth(sizes.fontSize);
  const bars: RoadmapBar[] = [];
  const lanes: { top: number; height: number }[] = [];
  const wrapped: string[][] = [];
  let top = 0;
  for (const placement of cutLine.placements) {
    if (!placement.above) continue;
    const initiative = initiatives.get(placement.id);
    if (!initiative || placement.startIndex < 0 || placement.startIndex >= periodCount) continue;
    const endIndex = Math.min(Math.max(placement.endIndex, placement.startIndex), periodCount - 1);
    const lines = origin > 0 ? wrapName(initiative.name, nameChars) : [initiative.name];
    const lane = {
      top,
      height:
        origin > 0
          ? Math.max(sizes.laneHeight, lines.length * lineHeight + 2 * NAME_PADDING)
          : sizes.laneHeight,
    };
    top += lane.height;
    lanes.push(lane);
    wrapped.push(lines);
    bars.push({
      id: placement.id,
      name: initiative.name,
      lane: bars.length,
      start: placement.start,
      startIndex: placement.startIndex,
      endIndex,
      duration: endIndex - placement.startIndex + 1,
      fixed: initiative.start !== undefined,
      ...barRect(placement.startIndex, endIndex, bars.length, sizes, lane),
    });
  }
  const labels: RoadmapLabel[] = bars.map((bar, index) => {
    const lane = lanes[index] as { top: number; height: number };
    const lines = wrapped[index] as string[];
    if (origin > 0) {
      const y = lane.top + (lane.height - lines.length * lineHeight) / 2 + lineHeight / 2;
      return {
        id: bar.id,
        lines,
        x: NAME_PADDING,
        y,
        lineHeight,
        inside: false,
        box: labelBox(lines, NAME_PADDING, y, sizes),
      };
    }
    const placed = barLabel(bar, width, sizes);
    const y = bar.y + bar.height / 2;
    return {
      id: bar.id,
      lines: [placed.text],
      x: placed.x,
      y,
      lineHeight,
      inside: placed.inside,
      box: labelBox([placed.text], placed.x, y, sizes),
    };
  });
  const byId = new Map(bars.map((bar) => [bar.id, bar]));
  const boxes = labels.map((label) => label.box);
  const arrows: RoadmapArrow[] = [];
  const routes: Point[][] = [];
  for (const bar of bars) {
    for (const prerequisiteId of initiatives.get(bar.id)?.dependsOn ?? []) {
      const prerequisite = byId.get(prerequisiteId);
      if (!prerequisite || prerequisite.id === bar.id) continue;
      const { start, end } = arrowEnds(prerequisite, bar);
      const lane = lanes[bar.lane] as { top: number; height: number };
      const gutter = end.y >= start.y ? lane.top : lane.top + lane.height;
      const points = routeArrow(start, end, boxes, sizes, gutter);
      routes.push(points);
      arrows.push({ from: prerequisite.id, to: bar.id, start, end, d: pathThrough(points) });
    }
  }
  // On the bars, a name an arrow must still cross moves along its bar (or beside it) to where
  // no arrow runs; only where no such place is long enough is it shortened.
  const named =
    origin > 0
      ? labels
      : labels.map((label, index) =>
          relieveLabel(label, bars[index] as RoadmapBar, routes, width, sizes),
        );
  const columns = columnScale(periodCount, sizes.columnWidth);
  return {
    periods: portfolio.periods,
    sizes,
    bars,
    labels: named,
    arrows,
    lanes,
    byId,
    width,
    height: Math.max(sizes.laneHeight, top),
    columnX: (periodIndex) => origin + columns(periodIndex),
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
