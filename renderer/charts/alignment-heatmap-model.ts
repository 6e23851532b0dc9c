/**
 * The alignment heatmap as geometry: objectives down the side (indented by depth, themes on a
 * band), initiatives across (funded ones first, under a "Funded" band), a cell wherever an
 * initiative contributes to an objective, shaded by the contribution and carrying its number.
 * The chart is drawn as two pieces that share these coordinates: the objectives' names, which stay
 * put, and the grid, which may scroll sideways. The component only draws what this computes.
 */
import { interpolateLab, rgb, scaleBand, scaleSequential } from 'd3';
import type { ContributionMatrix, MatrixColumn } from '../../shared/strategy/alignment';
import { CONTRIBUTION_LABELS } from '../components/labels';
import { formatNumber } from '../format';
import { textColorOn } from './heatmap-model';

export const ALIGNMENT_HEATMAP_SIZES = {
  /** Side of a cell. */
  cell: 30,
  fontSize: 12,
  /** Indent of an objective's name per level below its theme. */
  indent: 14,
  /** The objectives' name column: as wide as the longest name needs, within these bounds. */
  minLabelWidth: 150,
  maxLabelWidth: 300,
  /** Longest an initiative's (slanted) name may be drawn before it is cut with an ellipsis. */
  maxColumnLabel: 220,
  /** Height of the band that marks the funded and the other columns. */
  bandHeight: 22,
  /** Space between cells. */
  gap: 2,
} as const;

export type AlignmentHeatmapSizes = {
  readonly [K in keyof typeof ALIGNMENT_HEATMAP_SIZES]: number;
};

/** Angle of the initiatives' names above the grid, in degrees up from the horizontal. */
export const COLUMN_LABEL_ANGLE = 55;

/** Space between the slanted names and the band, and between the band and the grid. */
const HEADER_PAD = 6;

/** The colours: navy for funded work, grey for the rest (both light to dark by contribution). */
export const ALIGNMENT_COLORS = {
  fundedLow: '#f3f5fb',
  fundedHigh: '#1f2a5c',
  otherLow: '#f4f4f6',
  otherHigh: '#50566a',
  fundedBand: '#1f2a5c',
  otherBand: '#e9ebf1',
  themeBand: '#f3f5fb',
  rowLine: '#e9ebf1',
  divider: '#9da3bb',
  ink: '#1b1e2b',
  muted: '#5f6478',
  paper: '#ffffff',
} as const;

/** The highest contribution a link has (1 weak, 2 medium, 3 strong). */
export const MAX_CONTRIBUTION = 3;

const fundedScale = scaleSequential(
  interpolateLab(ALIGNMENT_COLORS.fundedLow, ALIGNMENT_COLORS.fundedHigh),
)
  .domain([0, MAX_CONTRIBUTION])
  .clamp(true);
const otherScale = scaleSequential(
  interpolateLab(ALIGNMENT_COLORS.otherLow, ALIGNMENT_COLORS.otherHigh),
)
  .domain([0, MAX_CONTRIBUTION])
  .clamp(true);

/** Fill of a cell: the darker, the stronger the contribution; navy when funded, grey if not. */
export function contributionFill(contribution: number, funded: boolean): string {
  return rgb((funded ? fundedScale : otherScale)(contribution)).formatHex();
}

/** "3 · strong"; a contribution between the levels keeps its number ("2.5"). */
export function contributionWords(contribution: number): string {
  const word = CONTRIBUTION_LABELS[contribution];
  return word
    ? `${formatNumber(contribution, 1)} · ${word.toLowerCase()}`
    : formatNumber(contribution, 1);
}

export type HeatmapObjectiveRow = {
  readonly id: string;
  readonly name: string;
  readonly depth: number;
  /** A theme (depth 0): drawn on a band, in bold. */
  readonly theme: boolean;
  /** The name as drawn: cut to the name column. */
  readonly label: string;
  /** Left edge of the name (indented by depth) in the name column. */
  readonly labelX: number;
  /** Top edge of the row. */
  readonly y: number;
};

export type HeatmapInitiativeColumn = {
  readonly id: string;
  readonly name: string;
  readonly funded: boolean;
  /** The name as drawn, slanted above the column. */
  readonly label: string;
  /** Left edge of the column in the grid. */
  readonly x: number;
};

export type HeatmapLink = {
  /** Index into the model's rows. */
  readonly row: number;
  /** Index into the model's columns. */
  readonly column: number;
  readonly contribution: number;
  readonly funded: boolean;
  readonly fill: string;
  /** Black or white, whichever reads on `fill`. */
  readonly ink: string;
  /** The number in the cell. */
  readonly text: string;
  /** The cell in words: "Fleet telematics rollout → Cut cost…: contribution 3 · strong, funded". */
  readonly title: string;
};

/** A run of columns under one band: the funded ones, or the others. */
export type ColumnGroup = {
  readonly funded: boolean;
  readonly x: number;
  readonly width: number;
  /** "Funded (27)", or for part of the columns "Funded 1–14 of 27"; cut to the band. */
  readonly label: string;
  /** The band's words in full, for its title. */
  readonly title: string;
  /**
   * Where the label is written, from the band's left edge: again every so often along a long
   * band, so that a grid scrolled sideways still says which band it shows.
   */
  readonly labelAt: readonly number[];
};

/** Space between repeats of a long band's label. */
const BAND_LABEL_EVERY = 420;

export type AlignmentHeatmapLayout = {
  /** Width of the objectives' name column (its own piece of the chart). */
  readonly labelWidth: number;
  /** Width of the grid piece: the columns and the slanted names' overhang. */
  readonly gridWidth: number;
  /** Height of both pieces. */
  readonly height: number;
  /** Top of the band over the columns. */
  readonly bandY: number;
  /** Top of the first row. */
  readonly gridTop: number;
  /** Height of the rows together. */
  readonly gridHeight: number;
  /** Width of the columns together. */
  readonly columnsWidth: number;
};

export type AlignmentHeatmapModel = {
  readonly sizes: AlignmentHeatmapSizes;
  readonly rows: readonly HeatmapObjectiveRow[];
  readonly columns: readonly HeatmapInitiativeColumn[];
  /** The links among the shown columns, by row then column. */
  readonly links: readonly HeatmapLink[];
  readonly groups: readonly ColumnGroup[];
  readonly layout: AlignmentHeatmapLayout;
  /** Of the shown columns: how many are funded, how many not. */
  readonly funded: number;
  readonly unfunded: number;
  /** Of all the columns the chart could show (all, or the funded ones), before `range`. */
  readonly total: number;
  /** The shown columns' positions among `total`, [from, to), when only part is shown. */
  readonly range?: readonly [number, number];
  /** The shown objectives' positions among all of them, [from, to), when only part is shown. */
  readonly rowRange?: readonly [number, number];
  /** How many objectives the matrix has (the rows shown are `rows`). */
  readonly rowTotal: number;
};

export type AlignmentHeatmapOptions = {
  /** Only the funded initiatives (the printed pack). */
  readonly fundedOnly?: boolean;
  /** Only these of the (ordered) columns, [from, to): a page-sized part of a wide heatmap. */
  readonly range?: readonly [number, number];
  /** Only these of the objectives, [from, to): a page-sized part of a tall heatmap. */
  readonly rowRange?: readonly [number, number];
  readonly sizes?: Partial<AlignmentHeatmapSizes>;
};

/** The matrix's columns as the heatmap orders them: the funded ones first, each group in file order. */
export function orderedColumns(
  matrix: Pick<ContributionMatrix, 'columns'>,
  fundedOnly = false,
): MatrixColumn[] {
  const funded = matrix.columns.filter((column) => column.funded);
  if (fundedOnly) return funded;
  return [...funded, ...matrix.columns.filter((column) => !column.funded)];
}

const radians = (degrees: number) => (degrees * Math.PI) / 180;

/**
 * Advance of a character of the chart font (Inter), in ems, by kind, rounded up: names in
 * capitals (or of wide letters) must not run past their room, which an average width lets them.
 */
function charEms(char: string): number {
  if (/[ilj.,:;'|!]/.test(char) || char === ' ') return 0.32;
  if (/[frt()[\]-]/.test(char)) return 0.42;
  if (/[mw]/.test(char)) return 0.86;
  if (/[MW]/.test(char)) return 1.0;
  if (/[A-Z]/.test(char)) return 0.76;
  if (/[0-9]/.test(char)) return 0.64;
  if (/[a-z]/.test(char)) return 0.58;
  // Wide scripts (CJK and beyond) take a whole em; other signs about as much as a capital.
  return (char.codePointAt(0) ?? 0) >= 0x2e80 ? 1.05 : 0.8;
}

/** How wide `text` is drawn at `fontSize` (a little more for bold), never less than it is. */
export function textWidth(text: string, fontSize: number, bold = false): number {
  let ems = 0;
  for (const char of text) ems += charEms(char);
  return ems * fontSize * (bold ? 1.07 : 1);
}

/** `text`, cut with an ellipsis so that it is at most `width` wide at `fontSize`. */
export function fitText(text: string, width: number, fontSize: number, bold = false): string {
  if (textWidth(text, fontSize, bold) <= width) return text;
  const ellipsis = textWidth('…', fontSize, bold);
  let used = 0;
  let end = 0;
  const chars = [...text];
  for (const char of chars) {
    const next = used + textWidth(char, fontSize, bold);
    if (next + ellipsis > width) break;
    used = next;
    end += 1;
  }
  return end === 0 ? '' : `${chars.slice(0, end).join('').trimEnd()}…`;
}

/** `range` within [0, count]; undefined when it is all of it. */
function partOf(
  range: readonly [number, number] | undefined,
  count: number,
): readonly [number, number] | undefined {
  if (!range) return undefined;
  const from = Math.max(0, Math.min(count, range[0]));
  const to = Math.max(from, Math.min(count, range[1]));
  return from === 0 && to === count ? undefined : [from, to];
}

/** Width of the name column for these rows: the longest indented name, within the bounds. */
export function objectiveLabelWidth(
  rows: ContributionMatrix['rows'],
  sizes: AlignmentHeatmapSizes,
): number {
  const wanted = Math.max(
    0,
    // Themes are bold.
    ...rows.map(
      (row) =>
        8 + row.depth * sizes.indent + textWidth(row.name, sizes.fontSize, row.depth === 0) + 10,
    ),
  );

  return Math.round(Math.min(sizes.maxLabelWidth, Math.max(sizes.minLabelWidth, wanted)));
}

/** How far the slanted names reach: up above the band, and right past the last column. */
function slantedReach(names: readonly string[], sizes: AlignmentHeatmapSizes) {
  const longest = Math.min(
    sizes.maxColumnLabel,
    // Funded names are drawn bold.
    Math.max(0, ...names.map((name) => textWidth(name, sizes.fontSize, true))),
  );
  const angle = radians(COLUMN_LABEL_ANGLE);
  return {
    up: longest * Math.sin(angle) + sizes.fontSize * Math.cos(angle),
    right: Math.max(0, longest * Math.cos(angle) - sizes.cell / 2 + sizes.fontSize / 2),
  };
}

/**
 * How many columns a part of the heatmap can have to be at most `width` wide (name column,
 * columns and the slanted names' overhang), at least one.
 */
export function columnsThatFit(
  matrix: ContributionMatrix,
  width: number,
  options: Pick<AlignmentHeatmapOptions, 'fundedOnly' | 'sizes'> = {},
): number {
  const sizes = { ...ALIGNMENT_HEATMAP_SIZES, ...options.sizes };
  const columns = orderedColumns(matrix, options.fundedOnly);
  const reach = slantedReach(
    columns.map((column) => column.name),
    sizes,
  );
  const room = width - objectiveLabelWidth(matrix.rows, sizes) - reach.right;
  return Math.max(1, Math.floor(room / sizes.cell));
}

/**
 * How many objectives a part of the heatmap can have to be at most `height` tall, its header
 * (the slanted names of these columns and the band) and `reserve` (the legend) included; at
 * least one.
 */
export function rowsThatFit(
  matrix: ContributionMatrix,
  height: number,
  options: Pick<AlignmentHeatmapOptions, 'fundedOnly' | 'range' | 'sizes'> = {},
  reserve = 0,
): number {
  const header = buildAlignmentHeatmap({ ...matrix, rows: [], cells: [] }, options).layout.gridTop;
  const sizes = { ...ALIGNMENT_HEATMAP_SIZES, ...options.sizes };
  return Math.max(1, Math.floor((height - header - reserve - 2) / sizes.cell));
}

/**
 * `count` columns (or rows) in parts of at most `most`, as even as can be: 27 in parts of at most
 * 20 are 14 and 13, not 20 and 7. Each part is [from, to).
 */
export function evenParts(count: number, most: number): [number, number][] {
  if (count <= 0) return [];
  const parts = Math.ceil(count / Math.max(1, most));
  const size = Math.ceil(count / parts);
  const result: [number, number][] = [];
  for (let from = 0; from < count; from += size) result.push([from, Math.min(count, from + size)]);
  return result;
}

function groupLabel(
  funded: boolean,
  count: number,
  range: readonly [number, number] | undefined,
  first: number,
  total: number,
): string {
  const words = funded ? 'Funded' : 'Not funded';
  if (!range || (range[0] === 0 && range[1] === total)) return `${words} (${count})`;
  return `${words} ${first + 1}–${first + count} of ${total}`;
}

/** The heatmap of a contribution matrix: what is drawn where. */
export function buildAlignmentHeatmap(
  matrix: ContributionMatrix,
  options: AlignmentHeatmapOptions = {},
): AlignmentHeatmapModel {
  const sizes: AlignmentHeatmapSizes = { ...ALIGNMENT_HEATMAP_SIZES, ...options.sizes };
  const all = orderedColumns(matrix, options.fundedOnly);
  const range = partOf(options.range, all.length);
  const shown = range ? all.slice(range[0], range[1]) : all;
  const rowRange = partOf(options.rowRange, matrix.rows.length);
  const firstRow = rowRange?.[0] ?? 0;
  const shownRows = rowRange ? matrix.rows.slice(rowRange[0], rowRange[1]) : matrix.rows;
  // The name column is as wide on every part, so that the parts line up.
  const labelWidth = objectiveLabelWidth(matrix.rows, sizes);
  const reach = slantedReach(
    shown.map((column) => column.name),
    sizes,
  );
  const bandY = Math.ceil(reach.up) + HEADER_PAD;
  const gridTop = bandY + sizes.bandHeight + HEADER_PAD;

  const x = scaleBand<string>()
    .domain(shown.map((column) => column.id))
    .range([0, shown.length * sizes.cell]);
  const y = scaleBand<string>()
    .domain(shownRows.map((row) => row.id))
    .range([gridTop, gridTop + shownRows.length * sizes.cell]);

  const rows: HeatmapObjectiveRow[] = shownRows.map((row) => {
    const labelX = 8 + row.depth * sizes.indent;
    const theme = row.depth === 0;
    return {
      id: row.id,
      name: row.name,
      depth: row.depth,
      theme,
      label: fitText(row.name, labelWidth - labelX - 8, sizes.fontSize, theme),
      labelX,
      y: y(row.id) ?? gridTop,
    };
  });
  const columns: HeatmapInitiativeColumn[] = shown.map((column) => ({
    id: column.id,
    name: column.name,
    funded: column.funded,
    label: fitText(column.name, sizes.maxColumnLabel, sizes.fontSize, column.funded),
    x: x(column.id) ?? 0,
  }));

  // The matrix's column indexes of the shown columns, to find their cells.
  const shownIndex = new Map(shown.map((column, index) => [column.id, index]));
  const position = new Map(matrix.columns.map((column, index) => [index, column.id]));
  const links: HeatmapLink[] = [];
  for (const cell of matrix.cells) {
    const id = position.get(cell.column);
    const column = id === undefined ? undefined : shownIndex.get(id);
    const rowIndex = cell.row - firstRow;
    const row = shownRows[rowIndex];
    if (column === undefined || !row) continue;
    const initiative = shown[column] as MatrixColumn;
    const fill = contributionFill(cell.contribution, initiative.funded);
    links.push({
      row: rowIndex,
      column,
      contribution: cell.contribution,
      funded: initiative.funded,
      fill,
      ink: textColorOn(fill),
      text: formatNumber(cell.contribution, 1),
      title: `${initiative.name} → ${row.name}: contribution ${contributionWords(cell.contribution)}, ${
        initiative.funded ? 'funded' : 'not funded'
      }`,
    });
  }
  links.sort((a, b) => a.row - b.row || a.column - b.column);

  const funded = shown.filter((column) => column.funded).length;
  const unfunded = shown.length - funded;
  const fundedTotal = all.filter((column) => column.funded).length;
  const groups: ColumnGroup[] = [];
  const band = (isFunded: boolean, from: number, count: number, first: number, total: number) => {
    const width = count * sizes.cell;
    const title = groupLabel(isFunded, count, range, first, total);
    // The words fit the band, or shrink to the count alone, or to nothing (the legend says it).
    const room = width - 8;
    const label =
      textWidth(title, sizes.fontSize, true) <= room
        ? title
        : textWidth(String(count), sizes.fontSize, true) <= room
          ? String(count)
          : '';
    const labelAt: number[] = [];
    const labelWidth = textWidth(label, sizes.fontSize, true);
    for (let at = 6; label !== '' && at + labelWidth <= width - 2; at += BAND_LABEL_EVERY) {
      labelAt.push(at);
    }
    if (label !== '' && labelAt.length === 0) labelAt.push(6);
    groups.push({ funded: isFunded, x: from * sizes.cell, width, label, title, labelAt });
  };
  const start = range?.[0] ?? 0;
  if (funded > 0) band(true, 0, funded, start, fundedTotal);
  if (unfunded > 0) {
    band(false, funded, unfunded, Math.max(0, start - fundedTotal), all.length - fundedTotal);
  }

  const columnsWidth = shown.length * sizes.cell;
  const gridHeight = shownRows.length * sizes.cell;
  return {
    sizes,
    rows,
    columns,
    links,
    groups,
    layout: {
      labelWidth,
      gridWidth: Math.ceil(columnsWidth + reach.right + 4),
      height: gridTop + gridHeight + 2,
      bandY,
      gridTop,
      gridHeight,
      columnsWidth,
    },
    funded,
    unfunded,
    total: all.length,
    ...(range && { range }),
    ...(rowRange && { rowRange }),
    rowTotal: matrix.rows.length,
  };
}

export type LegendSwatch = {
  readonly funded: boolean;
  readonly contribution: number;
  readonly fill: string;
  readonly ink: string;
};

/** The legend's swatches: 1 to 3 for funded work, and for the rest unless only funded is shown. */
export function legendSwatches(fundedOnly = false): LegendSwatch[] {
  return (fundedOnly ? [true] : [true, false]).flatMap((funded) =>
    [1, 2, 3].map((contribution) => {
      const fill = contributionFill(contribution, funded);
      return { funded, contribution, fill, ink: textColorOn(fill) };
    }),
  );
}

/** " (objectives 1 to 20 of 40, initiatives 15 to 27 of 27)" for a part; "" for the whole. */
export function heatmapPart(model: AlignmentHeatmapModel): string {
  const parts: string[] = [];
  if (model.rowRange) {
    parts.push(`objectives ${model.rowRange[0] + 1} to ${model.rowRange[1]} of ${model.rowTotal}`);
  }
  if (model.range) {
    parts.push(`initiatives ${model.range[0] + 1} to ${model.range[1]} of ${model.total}`);
  }
  return parts.length === 0 ? '' : ` (${parts.join(', ')})`;
}

/** The chart in one sentence, for assistive technology. */
export function describeHeatmap(model: AlignmentHeatmapModel): string {
  const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  const columns = model.columns.length;
  const which =
    model.unfunded === 0
      ? `${count(columns, 'funded initiative', 'funded initiatives')}`
      : model.funded === 0
        ? `${count(columns, 'initiative', 'initiatives')}, none of them funded`
        : `${count(columns, 'initiative', 'initiatives')}, the ${model.funded} funded first`;
  const part = heatmapPart(model);
  return `Alignment heatmap: ${count(model.rows.length, 'objective', 'objectives')} by ${which}${part}, ${count(
    model.links.length,
    'link',
    'links',
  )}, each cell giving the contribution from 1 (weak) to 3 (strong).`;
}
