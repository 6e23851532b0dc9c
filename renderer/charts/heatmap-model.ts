/**
 * The capacity heatmap as data: one row per team (and one for the budget), one cell per period,
 * each with what is used, what is available, and whether a drag preview changes it. The chart
 * component only draws what this module computes.
 */
import { interpolateLab, rgb, scaleLinear, scaleSequential } from 'd3';
import type { CutLine } from '../../shared/prioritize/cutline';
import type { Period, Portfolio } from '../../shared/portfolio/types';
import { formatMoney, formatNumber } from '../format';

/** Amounts smaller than this are rounding noise, as in the cut line engine. */
const TOLERANCE = 1e-9;

/**
 * - `ok`: within capacity;
 * - `over`: more used than available (including demand where there is no capacity at all);
 * - `none`: no capacity and nothing used;
 * - `unlimited`: the budget sets no limit that period.
 */
export type CellStatus = 'ok' | 'over' | 'none' | 'unlimited';

export type CellChange = 'up' | 'down';

export type HeatmapCell = {
  readonly periodId: string;
  readonly periodIndex: number;
  readonly used: number;
  /** What is available; undefined when the budget sets no limit that period. */
  readonly capacity: number | undefined;
  /** used / capacity; null when there is no ratio (no capacity, or no limit). */
  readonly utilization: number | null;
  readonly status: CellStatus;
  /** What the cell shows: "85%", "112%", "no capacity", "–", or the spend when unlimited. */
  readonly label: string;
  /** What the cut line uses now, when the cell shows a preview. */
  readonly before?: number;
  /** The label the cell has now, when it shows a preview. */
  readonly beforeLabel?: string;
  /** How the preview changes the amount used; undefined when it does not. */
  readonly change?: CellChange;
};

export type HeatmapRowKind = 'team' | 'budget';

export type HeatmapRow = {
  readonly kind: HeatmapRowKind;
  /** Team id, or `budget` for the budget row. */
  readonly id: string;
  readonly name: string;
  readonly cells: readonly HeatmapCell[];
};

export type HeatmapModel = {
  readonly periods: readonly Period[];
  readonly rows: readonly HeatmapRow[];
  readonly isPreview: boolean;
  /** Cells over capacity in what the heatmap shows. */
  readonly overCount: number;
  /** Cells the preview changes. */
  readonly changedCount: number;
};

/** Whether `used` exceeds `capacity` beyond rounding noise. */
export function isOverCapacity(used: number, capacity: number): boolean {
  return used > capacity + TOLERANCE;
}

/** "85%"; an over-capacity ratio that would round down to 100% reads ">100%". */
export function formatUtilization(utilization: number, over: boolean): string {
  const percent = Math.round(utilization * 100);
  if (over && percent <= 100) return '>100%';
  return `${formatNumber(percent, 0)}%`;
}

type Measured = Pick<HeatmapCell, 'capacity' | 'utilization' | 'status' | 'label'>;

/**
 * Status and label of one cell. A team capacity missing for a period is 0; a budget missing for
 * a period sets no limit (`capacity` undefined).
 */
export function measureCell(
  used: number,
  capacity: number | undefined,
  kind: HeatmapRowKind,
  formatAmount: (amount: number) => string = (amount) => formatNumber(amount, 2),
): Measured {
  if (capacity === undefined) {
    return { capacity, utilization: null, status: 'unlimited', label: formatAmount(used) };
  }
  const available = Math.max(0, capacity);
  if (available <= TOLERANCE) {
    const over = used > TOLERANCE;
    return {
      capacity,
      utilization: null,
      status: over ? 'over' : 'none',
      label: over ? (kind === 'budget' ? 'no budget' : 'no capacity') : '–',
    };
  }
  const utilization = used / available;
  const over = isOverCapacity(used, available);
  return {
    capacity,
    utilization,
    status: over ? 'over' : 'ok',
    label: formatUtilization(utilization, over),
  };
}

/** How `after` differs from `before`, ignoring rounding noise. */
export function changeOf(before: number, after: number): CellChange | undefined {
  if (after > before + TOLERANCE) return 'up';
  if (after < before - TOLERANCE) return 'down';
  return undefined;
}

/** The amount of a row as text: "9.5 FTE" for a team, "€1.2M" for the budget. */
export function rowAmountFormatter(
  portfolio: Portfolio,
  kind: HeatmapRowKind,
): (amount: number) => string {
  if (kind === 'budget') return (amount) => formatMoney(amount, portfolio.currency);
  const unit = portfolio.capacityUnit ? ` ${portfolio.capacityUnit}` : '';
  return (amount) => `${formatNumber(amount, 2)}${unit}`;
}

function buildRow(
  portfolio: Portfolio,
  kind: HeatmapRowKind,
  id: string,
  name: string,
  capacityOf: (periodId: string) => number | undefined,
  usedNow: readonly number[],
  usedPreview: readonly number[] | undefined,
): HeatmapRow {
  const format = rowAmountFormatter(portfolio, kind);
  const cells = portfolio.periods.map((period, periodIndex): HeatmapCell => {
    const capacity = capacityOf(period.id);
    const now = usedNow[periodIndex] ?? 0;
    if (usedPreview === undefined) {
      return {
        periodId: period.id,
        periodIndex,
        used: now,
        ...measureCell(now, capacity, kind, format),
      };
    }
    const after = usedPreview[periodIndex] ?? 0;
    const before = measureCell(now, capacity, kind, format);
    const change = changeOf(now, after);
    return {
      periodId: period.id,
      periodIndex,
      used: after,
      ...measureCell(after, capacity, kind, format),
      before: now,
      beforeLabel: before.label,
      ...(change && { change }),
    };
  });
  return { kind, id, name, cells };
}

/**
 * The heatmap of a cut line: a row per team, then a budget row when the portfolio has a budget.
 * With `preview`, the cells show the preview's amounts and say how they differ from `cutLine`.
 */
export function buildHeatmap(
  portfolio: Portfolio,
  cutLine: CutLine,
  preview?: CutLine,
): HeatmapModel {
  const rows: HeatmapRow[] = portfolio.teams.map((team) =>
    buildRow(
      portfolio,
      'team',
      team.id,
      team.name,
      (periodId) => team.capacity[periodId] ?? 0,
      cutLine.usage[team.id] ?? [],
      preview ? (preview.usage[team.id] ?? []) : undefined,
    ),
  );
  const budget = portfolio.budget;
  if (budget) {
    rows.push(
      buildRow(
        portfolio,
        'budget',
        'budget',
        'Budget',
        (periodId) => budget[periodId],
        cutLine.spend,
        preview?.spend,
      ),
    );
  }
  let overCount = 0;
  let changedCount = 0;
  for (const row of rows) {
    for (const cell of row.cells) {
      if (cell.status === 'over') overCount += 1;
      if (cell.change) changedCount += 1;
    }
  }
  return {
    periods: portfolio.periods,
    rows: portfolio.periods.length === 0 ? [] : rows,
    isPreview: preview !== undefined,
    overCount,
    changedCount,
  };
}

/** The colours of the heatmap; the low and high ends are Baton's navy-50 and navy-800. */
export const HEAT_COLORS = {
  low: '#f3f5fb',
  high: '#1f2a5c',
  over: '#b42318',
  overStripe: '#7a1610',
  none: '#ffffff',
  unlimited: '#ffffff',
  ink: '#1b1e2b',
  /** Numbers on the cells: pure black, since mid-scale fills leave the ink below 4.5:1. */
  cellInk: '#000000',
  paper: '#ffffff',
  change: '#f5b83d',
} as const;

const heatScale = scaleSequential(interpolateLab(HEAT_COLORS.low, HEAT_COLORS.high))
  .domain([0, 1])
  .clamp(true);

/** Fill of a cell: neutral to navy up to 100 %, red above. */
export function cellFill(cell: Pick<HeatmapCell, 'status' | 'utilization'>): string {
  switch (cell.status) {
    case 'over':
      return HEAT_COLORS.over;
    case 'none':
      return HEAT_COLORS.none;
    case 'unlimited':
      return HEAT_COLORS.unlimited;
    case 'ok':
      return rgb(heatScale(cell.utilization ?? 0)).formatHex();
  }
}

function relativeLuminance(color: string): number {
  const { r, g, b } = rgb(color);
  const linear = (channel: number) => {
    const value = channel / 255;
    return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** WCAG contrast ratio of two colours. */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [
    number,
    number,
  ];
  return (light + 0.05) / (dark + 0.05);
}

/** Black or white, whichever reads better on `fill` (either gives at least 4.5:1). */
export function textColorOn(fill: string): string {
  return contrastRatio(fill, HEAT_COLORS.paper) >= contrastRatio(fill, HEAT_COLORS.cellInk)
    ? HEAT_COLORS.paper
    : HEAT_COLORS.cellInk;
}

/** "6 / 9 FTE" for a team, "€1M / €1.4M" for the budget. */
export function formatUsedOfCapacity(
  portfolio: Portfolio,
  kind: HeatmapRowKind,
  used: number,
  capacity: number,
): string {
  if (kind === 'budget') {
    return `${formatMoney(used, portfolio.currency)} / ${formatMoney(capacity, portfolio.currency)}`;
  }
  const unit = portfolio.capacityUnit ? ` ${portfolio.capacityUnit}` : '';
  return `${formatNumber(used, 2)} / ${formatNumber(capacity, 2)}${unit}`;
}

/**
 * A cell's amounts in words: "6 / 9 FTE (67%)", "11 / 10 FTE (110%, over capacity)",
 * "2 FTE needed, no capacity", "€1.2M, no budget limit".
 */
export function summarizeAmounts(
  portfolio: Portfolio,
  kind: HeatmapRowKind,
  used: number,
  capacity: number | undefined,
): string {
  const measured = measureCell(used, capacity, kind);
  const amount = rowAmountFormatter(portfolio, kind);
  const lack = kind === 'budget' ? 'no budget' : 'no capacity';
  switch (measured.status) {
    case 'unlimited':
      return `${amount(used)}, no budget limit`;
    case 'none':
      return kind === 'budget' ? 'no budget, nothing spent' : 'no capacity, none needed';
    case 'over':
      if (measured.utilization === null) return `${amount(used)} needed, ${lack}`;
      return `${formatUsedOfCapacity(portfolio, kind, used, capacity ?? 0)} (${measured.label}, over ${kind === 'budget' ? 'budget' : 'capacity'})`;
    case 'ok':
      return `${formatUsedOfCapacity(portfolio, kind, used, capacity ?? 0)} (${measured.label})`;
  }
}

/** A cell in words, with what it was before the preview when the preview changes it. */
export function describeCell(portfolio: Portfolio, row: HeatmapRow, cell: HeatmapCell): string {
  const now = summarizeAmounts(portfolio, row.kind, cell.used, cell.capacity);
  if (!cell.change || cell.before === undefined) return now;
  return `${now}; was ${summarizeAmounts(portfolio, row.kind, cell.before, cell.capacity)}`;
}

export const HEATMAP_SIZES = {
  labelWidth: 184,
  cellWidth: 88,
  cellHeight: 34,
  headerHeight: 28,
  legendHeight: 44,
  gap: 2,
} as const;

/** Room the legend needs right of the label column, so that a narrow heatmap keeps it whole. */
const LEGEND_WIDTH = 480;

export type HeatmapLayout = {
  readonly width: number;
  readonly height: number;
  /** Left edge of each period's column. */
  readonly columnX: (periodIndex: number) => number;
  /** Top edge of each row. */
  readonly rowY: (rowIndex: number) => number;
  readonly cellWidth: number;
  readonly cellHeight: number;
  readonly legendY: number;
};

/** Where the cells go: a label column, then one column per period; a header and a legend. */
export function heatmapLayout(rowCount: number, periodCount: number): HeatmapLayout {
  const { labelWidth, cellWidth, cellHeight, headerHeight, legendHeight } = HEATMAP_SIZES;
  const columns = scaleLinear()
    .domain([0, periodCount])
    .range([labelWidth, labelWidth + periodCount * cellWidth]);
  const rows = scaleLinear()
    .domain([0, rowCount])
    .range([headerHeight, headerHeight + rowCount * cellHeight]);
  const legendY = headerHeight + rowCount * cellHeight + 12;
  return {
    width: Math.max(labelWidth + periodCount * cellWidth, labelWidth + LEGEND_WIDTH),
    height: legendY + legendHeight,
    columnX: (periodIndex) => columns(periodIndex),
    rowY: (rowIndex) => rows(rowIndex),
    cellWidth,
    cellHeight,
    legendY,
  };
}

/** The heat colour at a few points from 0 to 100 %, for the legend's gradient. */
export function legendStops(count = 5): { offset: number; color: string }[] {
  return Array.from({ length: count }, (_, index) => {
    const offset = index / (count - 1);
    return { offset, color: rgb(heatScale(offset)).formatHex() };
  });
}
