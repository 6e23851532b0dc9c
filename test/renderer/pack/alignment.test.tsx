/**
 * The pack's strategy and alignment section: the weights beside the shares, the score, the
 * call-outs, and the alignment heatmap of the funded initiatives in page-sized parts. (jsdom lays
 * nothing out; the printed pages are looked at in Chromium.)
 */
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DEMO_PORTFOLIO } from '../../../shared/demo/demo-portfolio';
import { buildPackContent } from '../../../shared/pack/content';
import { defaultPackSettings } from '../../../shared/pack/settings';
import type { Portfolio } from '../../../shared/portfolio/types';
import { buildAlignmentHeatmap } from '../../../renderer/charts/alignment-heatmap-model';
import { PackDocument } from '../../../renderer/pack/PackDocument';
import { PACK_HEATMAP_SIZES, alignmentHeatmapParts } from '../../../renderer/pack/sections';

const SETTINGS = {
  ...defaultPackSettings(DEMO_PORTFOLIO, '2026-11-26'),
  sections: ['alignment' as const],
  scenarioId: 'baseline',
};
/** A4 portrait's body in CSS pixels, as PackDocument gives it to the sections. */
const ROOM = { widthPx: 178 * (96 / 25.4), heightPx: 261 * (96 / 25.4) };

/** The demo with Self-service weighing far more than it gets, and Trusted data far less. */
const SKEWED: Portfolio = {
  ...DEMO_PORTFOLIO,
  objectives: DEMO_PORTFOLIO.objectives.map((objective) =>
    objective.id === 'self-service'
      ? { ...objective, weight: 6 }
      : objective.id === 'trusted-data'
        ? { ...objective, weight: 0.05 }
        : objective,
  ),
};

function pack(portfolio: Portfolio = DEMO_PORTFOLIO) {
  return render(<PackDocument input={{ portfolio, settings: SETTINGS }} />);
}

describe('the pack’s alignment section', () => {
  it('sets each objective’s global weight beside its shares of spend and capacity', () => {
    pack();
    const table = screen
      .getAllByRole('table')
      .find((candidate) => within(candidate).queryByText('Share of spend'));
    expect(table).toBeDefined();
    const cells = (name: string) =>
      [...(within(table!).getByText(name).closest('tr')?.querySelectorAll('td') ?? [])].map(
        (cell) => cell.textContent,
      );
    const { portfolioAlignment } = buildPackContent(DEMO_PORTFOLIO, SETTINGS);
    const customers = portfolioAlignment.objectives.find((row) => row.id === 'customers')!;
    // The themes' global weights come from the demo's pairwise judgments: 41 %, 33 %, 26 %.
    expect(cells('Win and keep customers')).toEqual([
      'Win and keep customers',
      '41%',
      `${Math.round(customers.spendShare * 100)}%`,
      `${Math.round(customers.capacityShare * 100)}%`,
      String(customers.funded),
    ]);
    // An objective's global weight: 0.413 × 0.45 of the whole strategy.
    expect(cells('Grow e-commerce fulfilment revenue')[1]).toBe('19%');
    // The weight is marked on each share bar.
    expect(table!.querySelectorAll('.pack-bar__weight').length).toBe(
      2 * DEMO_PORTFOLIO.objectives.length,
    );
  });

  it('gives the alignment score and what it means', () => {
    pack();
    const { portfolioAlignment } = buildPackContent(DEMO_PORTFOLIO, SETTINGS);
    const score = document.querySelector('.pack-score');
    expect(score).toHaveTextContent(`${Math.round(portfolioAlignment.score!)}/ 100`);
    expect(score).toHaveTextContent(/of the funded spend serves an objective/);
  });

  it('calls out under- and over-invested objectives, in the table and in words', () => {
    pack(SKEWED);
    const table = screen
      .getAllByRole('table')
      .find((candidate) => within(candidate).queryByText('Share of spend'))!;
    const row = (name: string) => within(table).getByText(name).closest('tr');
    expect(row('Shift customers to self-service')).toHaveTextContent('under-invested');
    expect(row('Decide on trusted data')).toHaveTextContent('over-invested');
    expect(row('Raise warehouse productivity')).not.toHaveTextContent('invested');
    expect(
      screen.getByText(
        /^Shift customers to self-service: \d+% of funded spend for 36% of the weight — under-invested$/,
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        /^Decide on trusted data: \d+% of funded spend for 2% of the weight — over-invested$/,
      ),
    ).toBeInTheDocument();
  });

  it('carries the alignment heatmap of the funded initiatives, in parts that fit the page', () => {
    const { container } = pack();
    const { portfolioAlignment, ranked } = buildPackContent(DEMO_PORTFOLIO, SETTINGS);
    const funded = ranked.filter((row) => row.above).map((row) => row.id);
    const charts = screen.getAllByRole('img', { name: /^Alignment heatmap/ });
    expect(charts.length).toBeGreaterThan(1);
    // Every funded initiative linked to an objective is a column of one part; nothing else is.
    const columns = [...container.querySelectorAll('.alignment-heatmap__column-name')].map((node) =>
      node.getAttribute('data-column'),
    );
    const linked = portfolioAlignment.matrix.columns.filter((column) => column.funded);
    expect(columns).toEqual(linked.map((column) => column.id));
    expect(columns.every((id) => funded.includes(id ?? ''))).toBe(true);
    expect(container.querySelectorAll('[data-funded="false"]')).toHaveLength(0);
    // The same links as the Alignment view, in numbers.
    const cells = container.querySelectorAll('.alignment-heatmap__cell');
    const fundedColumns = new Set(
      portfolioAlignment.matrix.columns.flatMap((column, index) => (column.funded ? [index] : [])),
    );
    expect(cells).toHaveLength(
      portfolioAlignment.matrix.cells.filter((cell) => fundedColumns.has(cell.column)).length,
    );
    expect(screen.getByText('Which funded initiative serves which objective')).toBeInTheDocument();
  });

  it('sizes each heatmap part to the page, a tall tree split by objectives too', () => {
    const { portfolioAlignment } = buildPackContent(DEMO_PORTFOLIO, SETTINGS);
    for (const part of alignmentHeatmapParts(portfolioAlignment.matrix, ROOM)) {
      const model = buildAlignmentHeatmap(portfolioAlignment.matrix, {
        fundedOnly: true,
        range: part.columns,
        rowRange: part.rows,
        sizes: PACK_HEATMAP_SIZES,
      });
      expect(model.layout.labelWidth + model.layout.gridWidth).toBeLessThanOrEqual(ROOM.widthPx);
      expect(model.layout.height).toBeLessThanOrEqual(ROOM.heightPx);
    }
    // 120 objectives: more than a page holds, so each column part is split by objectives too.
    const tall = {
      ...portfolioAlignment.matrix,
      rows: Array.from({ length: 120 }, (_, index) => ({
        id: `o${index}`,
        name: `Objective ${index}`,
        depth: index % 4 === 0 ? 0 : 1,
      })),
    };
    const parts = alignmentHeatmapParts(tall, ROOM);
    const rowsPerColumnPart = new Set(parts.map((part) => part.rows.join('-')));
    expect(rowsPerColumnPart.size).toBeGreaterThan(1);
    expect(parts.filter((part) => part.columns === parts[0]?.columns).at(-1)?.rows[1]).toBe(120);
  });

  it('says alignment cannot be shown without objectives', () => {
    pack({ ...DEMO_PORTFOLIO, objectives: [] });
    expect(
      screen.getByText(/The portfolio has no objectives: alignment cannot be shown/),
    ).toBeInTheDocument();
    expect(screen.queryByRole('img', { name: /^Alignment heatmap/ })).toBeNull();
  });
});
