import { describe, expect, it } from 'vitest';
import { DEMO_PORTFOLIO } from '../../../shared/demo/demo-portfolio';
import { scenarioCutLine } from '../../../shared/prioritize/cutline';
import {
  HEAT_COLORS,
  HEATMAP_SIZES,
  buildHeatmap,
  cellFill,
  changeOf,
  contrastRatio,
  describeCell,
  formatUtilization,
  heatmapLayout,
  isOverCapacity,
  measureCell,
  textColorOn,
  type HeatmapModel,
} from '../../../renderer/charts/heatmap-model';
import { formatMoney } from '../../../renderer/format';
import { SMALL, handCutLine } from './fixtures';

const NOW = handCutLine({ dev: [11.2, 10, 5, 0], ops: [2, 1, 0, 0] }, [80, 120, 30, 0]);

function cell(model: HeatmapModel, rowId: string, periodId: string) {
  const row = model.rows.find((candidate) => candidate.id === rowId);
  const found = row?.cells.find((candidate) => candidate.periodId === periodId);
  if (!row || !found) throw new Error(`no cell ${rowId}/${periodId}`);
  return { row, cell: found };
}

describe('buildHeatmap', () => {
  const model = buildHeatmap(SMALL, NOW);

  it('has a row per team and a budget row, a cell per period', () => {
    expect(model.rows.map((row) => [row.kind, row.id, row.name])).toEqual([
      ['team', 'dev', 'Development'],
      ['team', 'ops', 'Operations'],
      ['budget', 'budget', 'Budget'],
    ]);
    for (const row of model.rows) {
      expect(row.cells.map((item) => item.periodId)).toEqual(['p1', 'p2', 'p3', 'p4']);
    }
    expect(model.isPreview).toBe(false);
  });

  it('computes utilization as used over capacity', () => {
    expect(cell(model, 'dev', 'p1').cell).toMatchObject({
      used: 11.2,
      capacity: 10,
      status: 'over',
      label: '112%',
    });
    expect(cell(model, 'dev', 'p1').cell.utilization).toBeCloseTo(1.12);
    expect(cell(model, 'dev', 'p2').cell).toMatchObject({
      utilization: 1,
      status: 'ok',
      label: '100%',
    });
    expect(cell(model, 'dev', 'p3').cell).toMatchObject({ utilization: 0.5, label: '50%' });
    expect(cell(model, 'ops', 'p1').cell).toMatchObject({ utilization: 0.5, status: 'ok' });
  });

  it('treats a missing team capacity as zero: demand there is over, with "no capacity"', () => {
    expect(cell(model, 'ops', 'p2').cell).toMatchObject({
      capacity: 0,
      utilization: null,
      status: 'over',
      label: 'no capacity',
    });
    expect(cell(model, 'ops', 'p3').cell).toMatchObject({ status: 'none', label: '–' });
  });

  it('reads the budget row as spend over budget; a missing budget key sets no limit', () => {
    expect(cell(model, 'budget', 'p1').cell).toMatchObject({ status: 'ok', label: '80%' });
    expect(cell(model, 'budget', 'p2').cell).toMatchObject({ status: 'over', label: '120%' });
    expect(cell(model, 'budget', 'p3').cell).toMatchObject({
      status: 'unlimited',
      capacity: undefined,
      utilization: null,
      label: formatMoney(30, 'EUR'),
    });
  });

  it('counts the cells over capacity', () => {
    expect(model.overCount).toBe(3);
  });

  it('has no budget row without a budget', () => {
    const { budget: _budget, ...rest } = SMALL;
    expect(buildHeatmap(rest, NOW).rows.map((row) => row.kind)).toEqual(['team', 'team']);
  });

  it('has no rows without periods, and no team rows without teams', () => {
    expect(buildHeatmap({ ...SMALL, periods: [] }, handCutLine({}, [])).rows).toEqual([]);
    const budgetOnly = buildHeatmap({ ...SMALL, teams: [] }, handCutLine({}, [10]));
    expect(budgetOnly.rows.map((row) => row.kind)).toEqual(['budget']);
  });

  it('agrees with the cut line engine on the demo portfolio', () => {
    const cutLine = scenarioCutLine(DEMO_PORTFOLIO);
    const demo = buildHeatmap(DEMO_PORTFOLIO, cutLine);
    expect(demo.rows).toHaveLength(DEMO_PORTFOLIO.teams.length + 1);
    DEMO_PORTFOLIO.teams.forEach((team, t) => {
      DEMO_PORTFOLIO.periods.forEach((period, p) => {
        const shown = demo.rows[t]?.cells[p];
        const used = cutLine.usage[team.id]?.[p] ?? 0;
        expect(shown?.used).toBe(used);
        expect(shown?.utilization).toBeCloseTo(used / (team.capacity[period.id] ?? 0));
      });
    });
    // The engine never places beyond capacity.
    expect(demo.overCount).toBe(0);
  });
});

describe('the preview', () => {
  const preview = handCutLine({ dev: [11.2, 8, 7, 0], ops: [2, 1, 0, 0] }, [80, 120, 30, 40]);
  const model = buildHeatmap(SMALL, NOW, preview);

  it('shows the preview amounts and what they were', () => {
    expect(model.isPreview).toBe(true);
    expect(cell(model, 'dev', 'p2').cell).toMatchObject({
      used: 8,
      before: 10,
      label: '80%',
      beforeLabel: '100%',
      change: 'down',
    });
    expect(cell(model, 'dev', 'p3').cell).toMatchObject({ used: 7, before: 5, change: 'up' });
    expect(cell(model, 'budget', 'p4').cell).toMatchObject({
      used: 40,
      before: 0,
      change: 'up',
      status: 'unlimited',
    });
  });

  it('marks only the cells whose value changed', () => {
    expect(cell(model, 'dev', 'p1').cell.change).toBeUndefined();
    expect(cell(model, 'ops', 'p2').cell.change).toBeUndefined();
    expect(model.changedCount).toBe(3);
  });

  it('ignores rounding noise', () => {
    expect(changeOf(0.3, 0.1 + 0.2)).toBeUndefined();
    expect(changeOf(1, 1.5)).toBe('up');
    expect(changeOf(1.5, 1)).toBe('down');
  });

  it('describes a changed cell with what it was', () => {
    const { row, cell: changed } = cell(model, 'dev', 'p2');
    expect(describeCell(SMALL, row, changed)).toBe('8 / 10 FTE (80%); was 10 / 10 FTE (100%)');
  });
});

describe('cell helpers', () => {
  it('detects over capacity beyond rounding noise only', () => {
    expect(isOverCapacity(10.5, 10)).toBe(true);
    expect(isOverCapacity(0.1 + 0.2, 0.3)).toBe(false);
    expect(isOverCapacity(10, 10)).toBe(false);
  });

  it('never shows an over-capacity cell as 100%', () => {
    expect(formatUtilization(1.003, true)).toBe('>100%');
    expect(formatUtilization(0.996, false)).toBe('100%');
    expect(formatUtilization(1.12, true)).toBe('112%');
  });

  it('says "no budget" for spend without budget, and no limit for a missing one', () => {
    expect(measureCell(5, 0, 'budget')).toMatchObject({ status: 'over', label: 'no budget' });
    expect(measureCell(0, 0, 'team')).toMatchObject({ status: 'none' });
    expect(measureCell(5, undefined, 'budget')).toMatchObject({ status: 'unlimited' });
  });

  it('describes cells in words', () => {
    const model = buildHeatmap(SMALL, NOW);
    const text = (rowId: string, periodId: string) => {
      const found = cell(model, rowId, periodId);
      return describeCell(SMALL, found.row, found.cell);
    };
    expect(text('dev', 'p1')).toBe('11.2 / 10 FTE (112%, over capacity)');
    expect(text('ops', 'p2')).toBe('1 FTE needed, no capacity');
    expect(text('ops', 'p3')).toBe('no capacity, none needed');
    expect(text('budget', 'p2')).toBe(
      `${formatMoney(120, 'EUR')} / ${formatMoney(100, 'EUR')} (120%, over budget)`,
    );
    expect(text('budget', 'p3')).toBe(`${formatMoney(30, 'EUR')}, no budget limit`);
  });
});

describe('colours', () => {
  it('runs from the neutral to the navy end up to 100 %, and turns red above', () => {
    expect(cellFill({ status: 'ok', utilization: 0 })).toBe(HEAT_COLORS.low);
    expect(cellFill({ status: 'ok', utilization: 1 })).toBe(HEAT_COLORS.high);
    expect(cellFill({ status: 'over', utilization: 1.2 })).toBe(HEAT_COLORS.over);
    const lightness = (color: string) => contrastRatio(color, '#000000');
    expect(lightness(cellFill({ status: 'ok', utilization: 0.3 }))).toBeGreaterThan(
      lightness(cellFill({ status: 'ok', utilization: 0.7 })),
    );
  });

  it('keeps the number readable on every fill', () => {
    for (let step = 0; step <= 20; step += 1) {
      const fill = cellFill({ status: 'ok', utilization: step / 20 });
      expect(contrastRatio(fill, textColorOn(fill))).toBeGreaterThanOrEqual(4.5);
    }
    expect(textColorOn(HEAT_COLORS.over)).toBe(HEAT_COLORS.paper);
    expect(contrastRatio(HEAT_COLORS.overStripe, HEAT_COLORS.paper)).toBeGreaterThanOrEqual(4.5);
  });
});

describe('heatmapLayout', () => {
  it('places the columns after the label column and the rows under the header', () => {
    const layout = heatmapLayout(3, 4);
    expect(layout.columnX(0)).toBe(HEATMAP_SIZES.labelWidth);
    expect(layout.columnX(2)).toBe(HEATMAP_SIZES.labelWidth + 2 * HEATMAP_SIZES.cellWidth);
    expect(layout.rowY(1)).toBe(HEATMAP_SIZES.headerHeight + HEATMAP_SIZES.cellHeight);
    expect(layout.legendY).toBeGreaterThanOrEqual(layout.rowY(3));
    expect(layout.height).toBeGreaterThan(layout.legendY);
  });

  it('grows with the periods', () => {
    expect(heatmapLayout(1, 24).width).toBe(
      HEATMAP_SIZES.labelWidth + 24 * HEATMAP_SIZES.cellWidth,
    );
  });
});
