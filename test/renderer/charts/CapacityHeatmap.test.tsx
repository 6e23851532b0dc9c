import { fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { DEMO_PORTFOLIO } from '../../../shared/demo/demo-portfolio';
import { computeCutLine, scenarioCutLine, stackOrder } from '../../../shared/prioritize/cutline';
import { CapacityHeatmap } from '../../../renderer/charts/CapacityHeatmap';
import { formatMoney } from '../../../renderer/format';
import { SMALL, handCutLine } from './fixtures';

const NOW = handCutLine({ dev: [11.2, 10, 5, 0], ops: [2, 1, 0, 0] }, [80, 120, 30, 0]);
const PREVIEW = handCutLine({ dev: [11.2, 8, 7, 0], ops: [2, 1, 0, 0] }, [80, 120, 30, 40]);

function svgCell(container: HTMLElement, rowId: string, periodId: string) {
  const found = container.querySelector(
    `[data-row="${rowId}"] .heatmap__cell[data-period="${periodId}"]`,
  );
  if (!(found instanceof SVGElement)) throw new Error(`no cell ${rowId}/${periodId}`);
  return found;
}

function tableCell(rowName: string, columnIndex: number) {
  const table = screen.getByRole('table', { name: /capacity use per team and period/i });
  const row = within(table).getByRole('rowheader', { name: rowName }).closest('tr')!;
  return within(row).getAllByRole('cell')[columnIndex]!;
}

describe('CapacityHeatmap', () => {
  it('draws one cell per team and period, plus the budget row, with the utilization', () => {
    const { container } = render(<CapacityHeatmap portfolio={SMALL} cutLine={NOW} />);
    expect(container.querySelectorAll('.heatmap__cell')).toHaveLength(3 * 4);
    expect(svgCell(container, 'dev', 'p2')).toHaveTextContent('100%');
    expect(svgCell(container, 'dev', 'p3')).toHaveTextContent('50%');
    expect(svgCell(container, 'budget', 'p1')).toHaveTextContent('80%');
    expect(svgCell(container, 'budget', 'p3')).toHaveTextContent(formatMoney(30, 'EUR'));
  });

  it('makes over capacity obvious without colour: the number, a marker and a hatch', () => {
    const { container } = render(<CapacityHeatmap portfolio={SMALL} cutLine={NOW} />);
    const over = svgCell(container, 'dev', 'p1');
    expect(over).toHaveTextContent('112%');
    expect(over.querySelector('.heatmap__warning')).not.toBeNull();
    expect(over.querySelector('rect')?.getAttribute('fill')).toMatch(/^url\(#.+-over\)$/);
    const noCapacity = svgCell(container, 'ops', 'p2');
    expect(noCapacity).toHaveTextContent('no capacity');
    expect(noCapacity.querySelector('.heatmap__warning')).not.toBeNull();
    const fine = svgCell(container, 'dev', 'p2');
    expect(fine.querySelector('.heatmap__warning')).toBeNull();
    expect(screen.getByRole('img', { name: /3 cells over capacity/ })).toBeInTheDocument();
  });

  it('gives the numbers on hover', async () => {
    const user = userEvent.setup();
    const { container } = render(<CapacityHeatmap portfolio={SMALL} cutLine={NOW} />);
    const cell = svgCell(container, 'dev', 'p1');
    expect(cell.querySelector('title')).toHaveTextContent(
      'Development, Q1 2027: 11.2 / 10 FTE (112%, over capacity)',
    );
    await user.hover(cell);
    const tooltip = container.querySelector('.heatmap__tooltip');
    expect(tooltip).toHaveTextContent('Development · Q1 2027');
    expect(tooltip).toHaveTextContent('11.2 / 10 FTE (112%, over capacity)');
    fireEvent.pointerLeave(container.querySelector('.heatmap__chart')!);
    expect(container.querySelector('.heatmap__tooltip')).toBeNull();
  });

  it('has an accessible table with used / capacity / % per team and period', () => {
    render(<CapacityHeatmap portfolio={SMALL} cutLine={NOW} />);
    const table = screen.getByRole('table', { name: 'Capacity use per team and period' });
    const headers = within(table).getAllByRole('columnheader');
    expect(headers.map((header) => header.textContent)).toEqual([
      'Team',
      'Q1 2027',
      'Q2 2027',
      'Q3 2027',
      'Q4 2027',
    ]);
    for (const header of headers) expect(header).toHaveAttribute('scope', 'col');
    expect(within(table).getByRole('rowheader', { name: 'Budget' })).toHaveAttribute(
      'scope',
      'row',
    );
    expect(tableCell('Development', 0)).toHaveTextContent('11.2 / 10 FTE (112%, over capacity)');
    expect(tableCell('Development', 2)).toHaveTextContent('5 / 10 FTE (50%)');
    expect(tableCell('Operations', 1)).toHaveTextContent('1 FTE needed, no capacity');
    expect(tableCell('Budget', 1)).toHaveTextContent(
      `${formatMoney(120, 'EUR')} / ${formatMoney(100, 'EUR')} (120%, over budget)`,
    );
  });

  it('shows the table on request', async () => {
    const user = userEvent.setup();
    render(<CapacityHeatmap portfolio={SMALL} cutLine={NOW} />);
    const toggle = screen.getByRole('button', { name: 'Show as table' });
    const holder = document.getElementById(toggle.getAttribute('aria-controls')!)!;
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(holder).toHaveClass('visually-hidden');
    await user.click(toggle);
    expect(screen.getByRole('button', { name: 'Hide table' })).toHaveAttribute(
      'aria-expanded',
      'true',
    );
    expect(holder).not.toHaveClass('visually-hidden');
    expect(within(holder).getByRole('table')).toBeInTheDocument();
  });

  it('shows a drag preview: the new values, the changed cells marked, a polite caption', () => {
    const { container, rerender } = render(<CapacityHeatmap portfolio={SMALL} cutLine={NOW} />);
    const status = container.querySelector('[aria-live="polite"]')!;
    expect(status).toHaveTextContent('');
    rerender(<CapacityHeatmap portfolio={SMALL} cutLine={NOW} preview={PREVIEW} />);
    expect(status).toHaveTextContent(/^Preview while dragging: 3 cells change, 3 cells over/);
    const down = svgCell(container, 'dev', 'p2');
    expect(down).toHaveTextContent('80%');
    expect(down).toHaveAttribute('data-change', 'down');
    expect(down.querySelector('.heatmap__changed')).not.toBeNull();
    expect(down.querySelector('.heatmap__arrow')).toHaveTextContent('▼');
    expect(svgCell(container, 'dev', 'p3').querySelector('.heatmap__arrow')).toHaveTextContent('▲');
    const same = svgCell(container, 'dev', 'p1');
    expect(same).not.toHaveAttribute('data-change');
    expect(same.querySelector('.heatmap__changed')).toBeNull();
    expect(screen.getByRole('table', { name: /preview while dragging/ })).toBeInTheDocument();
    expect(tableCell('Development', 1)).toHaveTextContent(
      '8 / 10 FTE (80%); was 10 / 10 FTE (100%)',
    );
    rerender(<CapacityHeatmap portfolio={SMALL} cutLine={NOW} />);
    expect(status).toHaveTextContent('');
    expect(container.querySelector('.heatmap__changed')).toBeNull();
  });

  it('says what is missing for an empty portfolio', () => {
    const { rerender } = render(
      <CapacityHeatmap portfolio={{ ...SMALL, periods: [] }} cutLine={handCutLine({}, [])} />,
    );
    expect(screen.getByText('No capacity to show yet.')).toBeInTheDocument();
    expect(screen.getByText(/needs planning periods/)).toBeInTheDocument();
    expect(screen.queryByRole('table')).toBeNull();
    const { budget: _budget, ...noBudget } = SMALL;
    rerender(
      <CapacityHeatmap portfolio={{ ...noBudget, teams: [] }} cutLine={handCutLine({}, [])} />,
    );
    expect(screen.getByText(/needs teams with capacity/)).toBeInTheDocument();
  });

  it('shows the demo portfolio as the cut line engine computes it', () => {
    const cutLine = scenarioCutLine(DEMO_PORTFOLIO);
    const { container } = render(<CapacityHeatmap portfolio={DEMO_PORTFOLIO} cutLine={cutLine} />);
    expect(container.querySelectorAll('.heatmap__cell')).toHaveLength(
      (DEMO_PORTFOLIO.teams.length + 1) * DEMO_PORTFOLIO.periods.length,
    );
    // Platform is full in Q1 2027 in the baseline scenario.
    expect(cutLine.usage.platform?.[2]).toBe(9.5);
    expect(tableCell('Platform', 2)).toHaveTextContent('9.5 / 9.5 FTE (100%)');
    expect(svgCell(container, 'platform', '2027-Q1')).toHaveTextContent('100%');
    const spend = cutLine.spend[0]!;
    expect(tableCell('Budget', 0)).toHaveTextContent(
      `${formatMoney(spend, 'EUR')} / ${formatMoney(1_400_000, 'EUR')}`,
    );
    expect(screen.getByRole('img', { name: /nothing over capacity/ })).toBeInTheDocument();
  });

  it('marks exactly the cells a different stack order changes in the demo', () => {
    const now = scenarioCutLine(DEMO_PORTFOLIO);
    const order = stackOrder(DEMO_PORTFOLIO);
    const moved = 'customer-360';
    const preview = computeCutLine(DEMO_PORTFOLIO, [moved, ...order.filter((id) => id !== moved)]);
    let expected = 0;
    for (const team of DEMO_PORTFOLIO.teams) {
      DEMO_PORTFOLIO.periods.forEach((_, p) => {
        if (Math.abs((now.usage[team.id]?.[p] ?? 0) - (preview.usage[team.id]?.[p] ?? 0)) > 1e-9) {
          expected += 1;
        }
      });
    }
    DEMO_PORTFOLIO.periods.forEach((_, p) => {
      if (Math.abs((now.spend[p] ?? 0) - (preview.spend[p] ?? 0)) > 1e-9) expected += 1;
    });
    expect(expected).toBeGreaterThan(0);
    const { container } = render(
      <CapacityHeatmap portfolio={DEMO_PORTFOLIO} cutLine={now} preview={preview} />,
    );
    expect(container.querySelectorAll('.heatmap__cell[data-change]')).toHaveLength(expected);
    expect(container.querySelectorAll('.heatmap__changed')).toHaveLength(expected);
  });
});
