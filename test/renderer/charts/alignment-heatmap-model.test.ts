import { describe, expect, it } from 'vitest';
import type { ContributionMatrix } from '../../../shared/strategy/alignment';
import {
  ALIGNMENT_HEATMAP_SIZES,
  buildAlignmentHeatmap,
  columnsThatFit,
  contributionFill,
  describeHeatmap,
  evenParts,
  legendSwatches,
  orderedColumns,
  rowsThatFit,
  type AlignmentHeatmapModel,
} from '../../../renderer/charts/alignment-heatmap-model';
import { contrastRatio } from '../../../renderer/charts/heatmap-model';

/**
 * Two themes, one with two objectives under it; four initiatives in file order, the second and
 * the fourth funded; one cell per link.
 */
const MATRIX: ContributionMatrix = {
  rows: [
    { id: 'growth', name: 'Grow', depth: 0 },
    { id: 'shop', name: 'Grow the web shop', depth: 1 },
    { id: 'keep', name: 'Keep customers', depth: 1 },
    { id: 'cost', name: 'Cut cost to serve', depth: 0 },
  ],
  columns: [
    { id: 'crm', name: 'CRM', funded: false },
    { id: 'fleet', name: 'Fleet telematics', funded: true },
    { id: 'loyalty', name: 'Loyalty programme', funded: false },
    { id: 'wms', name: 'WMS upgrade', funded: true },
  ],
  cells: [
    { row: 0, column: 2, contribution: 1 },
    { row: 1, column: 0, contribution: 3 },
    { row: 1, column: 3, contribution: 2 },
    { row: 2, column: 2, contribution: 3 },
    { row: 3, column: 1, contribution: 3 },
    { row: 3, column: 3, contribution: 1 },
  ],
};

/** The cells as "row id / column id = contribution", in the model's order. */
function links(model: AlignmentHeatmapModel): string[] {
  return model.links.map(
    (link) => `${model.rows[link.row]?.id}/${model.columns[link.column]?.id}=${link.contribution}`,
  );
}

function luminance(hex: string): number {
  // Contrast against white grows as the colour darkens.
  return 1 / contrastRatio(hex, '#ffffff');
}

describe('the alignment heatmap model', () => {
  it('puts the funded initiatives first, each group in file order, or only them', () => {
    expect(orderedColumns(MATRIX).map((column) => column.id)).toEqual([
      'fleet',
      'wms',
      'crm',
      'loyalty',
    ]);
    expect(orderedColumns(MATRIX, true).map((column) => column.id)).toEqual(['fleet', 'wms']);
    const model = buildAlignmentHeatmap(MATRIX);
    expect(model.columns.map((column) => [column.id, column.funded])).toEqual([
      ['fleet', true],
      ['wms', true],
      ['crm', false],
      ['loyalty', false],
    ]);
    expect(model.columns.map((column) => column.x)).toEqual([0, 30, 60, 90]);
    expect([model.funded, model.unfunded, model.total]).toEqual([2, 2, 4]);
  });

  it('places every link in its objective’s row and its initiative’s column, with its number', () => {
    const model = buildAlignmentHeatmap(MATRIX);
    expect(links(model)).toEqual([
      'growth/loyalty=1',
      'shop/wms=2',
      'shop/crm=3',
      'keep/loyalty=3',
      'cost/fleet=3',
      'cost/wms=1',
    ]);
    expect(model.links.map((link) => link.text)).toEqual(['1', '2', '3', '3', '3', '1']);
    const fleet = model.links.find((link) => model.columns[link.column]?.id === 'fleet');
    expect(fleet?.title).toBe(
      'Fleet telematics → Cut cost to serve: contribution 3 · strong, funded',
    );
    const loyalty = model.links[0];
    expect(loyalty?.title).toBe('Loyalty programme → Grow: contribution 1 · weak, not funded');
  });

  it('indents objectives by depth and marks the themes', () => {
    const model = buildAlignmentHeatmap(MATRIX);
    expect(model.rows.map((row) => [row.id, row.theme, row.labelX])).toEqual([
      ['growth', true, 8],
      ['shop', false, 8 + ALIGNMENT_HEATMAP_SIZES.indent],
      ['keep', false, 8 + ALIGNMENT_HEATMAP_SIZES.indent],
      ['cost', true, 8],
    ]);
    const { gridTop } = model.layout;
    expect(model.rows.map((row) => row.y)).toEqual([0, 30, 60, 90].map((y) => gridTop + y));
    expect(model.layout.gridHeight).toBe(4 * 30);
  });

  it('shades by contribution, darker for stronger, navy when funded and grey when not, the number always readable', () => {
    for (const funded of [true, false]) {
      const [one, two, three] = [1, 2, 3].map((level) => contributionFill(level, funded));
      expect(luminance(one!)).toBeGreaterThan(luminance(two!));
      expect(luminance(two!)).toBeGreaterThan(luminance(three!));
    }
    expect(contributionFill(2, true)).not.toBe(contributionFill(2, false));
    for (const link of buildAlignmentHeatmap(MATRIX).links) {
      expect(contrastRatio(link.fill, link.ink)).toBeGreaterThanOrEqual(4.5);
    }
    for (const swatch of legendSwatches()) {
      expect(contrastRatio(swatch.fill, swatch.ink)).toBeGreaterThanOrEqual(4.5);
    }
    expect(legendSwatches(true).every((swatch) => swatch.funded)).toBe(true);
  });

  it('marks the funded and the other columns with a band each', () => {
    const model = buildAlignmentHeatmap(MATRIX, { sizes: { cell: 60 } });
    expect(model.groups.map((group) => [group.funded, group.x, group.width, group.title])).toEqual([
      [true, 0, 120, 'Funded (2)'],
      [false, 120, 120, 'Not funded (2)'],
    ]);
    expect(model.groups.map((group) => group.label)).toEqual(['Funded (2)', 'Not funded (2)']);
    // A band too narrow for its words shows the count alone.
    const narrow = buildAlignmentHeatmap(MATRIX, { sizes: { cell: 20 } });
    expect(narrow.groups.map((group) => group.label)).toEqual(['2', '2']);
    // A long band says what it is again further on, for a grid scrolled sideways.
    const long = buildAlignmentHeatmap({
      ...MATRIX,
      columns: Array.from({ length: 40 }, (_, index) => ({
        id: `i${index}`,
        name: `Initiative ${index}`,
        funded: true,
      })),
      cells: [],
    });
    expect(long.groups[0]?.labelAt).toEqual([6, 426, 846]);
    expect(model.groups[0]?.labelAt).toEqual([6]);
  });

  it('draws a part: some of the columns or some of the objectives, saying which', () => {
    const columns = buildAlignmentHeatmap(MATRIX, { range: [1, 3] });
    expect(columns.columns.map((column) => column.id)).toEqual(['wms', 'crm']);
    expect(links(columns)).toEqual(['shop/wms=2', 'shop/crm=3', 'cost/wms=1']);
    expect(columns.range).toEqual([1, 3]);
    expect(columns.groups.map((group) => group.title)).toEqual([
      'Funded 2–2 of 2',
      'Not funded 1–1 of 2',
    ]);
    const rows = buildAlignmentHeatmap(MATRIX, { fundedOnly: true, rowRange: [2, 4] });
    expect(rows.rows.map((row) => row.id)).toEqual(['keep', 'cost']);
    expect(links(rows)).toEqual(['cost/fleet=3', 'cost/wms=1']);
    expect(rows.rows[0]?.y).toBe(rows.layout.gridTop);
    expect(describeHeatmap(rows)).toBe(
      'Alignment heatmap: 2 objectives by 2 funded initiatives (objectives 3 to 4 of 4), 2 links, each cell giving the contribution from 1 (weak) to 3 (strong).',
    );
    // The whole range is no part.
    const whole = buildAlignmentHeatmap(MATRIX, { range: [0, 4], rowRange: [0, 4] });
    expect(whole.range).toBeUndefined();
    expect(whole.rowRange).toBeUndefined();
    // The name column is as wide on every part, so that parts line up.
    expect(rows.layout.labelWidth).toBe(buildAlignmentHeatmap(MATRIX).layout.labelWidth);
  });

  it('cuts long names to their room and leaves short ones whole', () => {
    const long = 'An initiative with a remarkably long name that will not fit';
    const model = buildAlignmentHeatmap({
      ...MATRIX,
      rows: [{ id: 'x', name: `${long} at all, however wide`, depth: 2 }],
      columns: [{ id: 'y', name: long, funded: true }],
      cells: [{ row: 0, column: 0, contribution: 2 }],
    });
    expect(model.layout.labelWidth).toBe(ALIGNMENT_HEATMAP_SIZES.maxLabelWidth);
    expect(model.rows[0]?.label).toMatch(/…$/);
    expect(model.columns[0]?.label).toMatch(/…$/);
    expect(buildAlignmentHeatmap(MATRIX).columns[0]?.label).toBe('Fleet telematics');
  });

  it('sizes page parts that fit the room, as even as can be', () => {
    const wide: ContributionMatrix = {
      rows: MATRIX.rows,
      columns: Array.from({ length: 40 }, (_, index) => ({
        id: `i${index}`,
        name: `Initiative number ${index}`,
        funded: index % 4 !== 3,
      })),
      cells: Array.from({ length: 40 }, (_, index) => ({
        row: index % 4,
        column: index,
        contribution: 1 + (index % 3),
      })),
    };
    const options = { fundedOnly: true, sizes: { cell: 22, fontSize: 10 } };
    const most = columnsThatFit(wide, 600, options);
    const parts = evenParts(30, most);
    expect(parts.length).toBeGreaterThan(1);
    // Contiguous, from the first funded column to the last.
    expect(parts[0]?.[0]).toBe(0);
    parts.slice(1).forEach(([from], index) => expect(from).toBe(parts[index]?.[1]));
    expect(parts.at(-1)?.[1]).toBe(30);
    const sizes = parts.map(([from, to]) => to - from);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    for (const range of parts) {
      const part = buildAlignmentHeatmap(wide, { ...options, range });
      expect(part.layout.labelWidth + part.layout.gridWidth).toBeLessThanOrEqual(600);
    }
    const rows = rowsThatFit(wide, 300, { ...options, range: parts[0] });
    const tall = buildAlignmentHeatmap(wide, { ...options, range: parts[0], rowRange: [0, rows] });
    expect(tall.layout.height).toBeLessThanOrEqual(300);
    expect(evenParts(27, 20)).toEqual([
      [0, 14],
      [14, 27],
    ]);
    expect(evenParts(0, 5)).toEqual([]);
  });
});
