/**
 * The pack's "Metrics that drive action" as blocks, in jsdom: the dashboard numbers with band and
 * direction, one trend chart per metric with a value (the same TrendChart as Metrics → Trends,
 * without its table button), the worst offenders and the suggested action, the self-review
 * table; the section left out, or a sentence, when there is nothing to measure. (The printed
 * pages were checked with `baton pack … --sections metrics`.)
 */
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DEMO_PORTFOLIO } from '../../../shared/demo/demo-portfolio';
import type { MetricsReport } from '../../../shared/metrics/types';
import { buildPackContent } from '../../../shared/pack/content';
import { defaultPackSettings } from '../../../shared/pack/settings';
import type { PackInput } from '../../../shared/pack/types';
import type { Portfolio } from '../../../shared/portfolio/types';
import { metricsSection } from '../../../renderer/pack/MetricsPage';
import { packSections, type Block, type TableBlock } from '../../../renderer/pack/sections';
import {
  AS_OF,
  PREDICTABILITY_ACTION,
  QUESTIONS,
  REPORT,
  SELF_REVIEWS,
} from '../../shared/pack/metrics-fixture';

const PORTFOLIO: Portfolio = { ...DEMO_PORTFOLIO, selfReviews: SELF_REVIEWS };

function input(
  portfolio: Portfolio = PORTFOLIO,
  metrics: MetricsReport | null = REPORT,
): PackInput {
  return {
    portfolio,
    settings: { ...defaultPackSettings(portfolio, AS_OF), sections: ['metrics'] },
    ...(metrics && { metrics }),
  };
}

function table(blocks: readonly Block[], key: string): TableBlock {
  const found = blocks.find((block) => block.key === key);
  if (found?.kind !== 'table') throw new Error(`no table ${key}`);
  return found;
}

function textOf(node: React.ReactNode): string {
  const { container, unmount } = render(<div>{node}</div>);
  const text = container.textContent ?? '';
  unmount();
  return text;
}

const rowsOf = (block: TableBlock) => block.rows.map((row) => row.cells.map(textOf));

/** The flow blocks drawn together, as the page would show them. */
function drawFlows(blocks: readonly Block[]) {
  return render(
    <div>
      {blocks.map((block) =>
        block.kind === 'flow' ? <div key={block.key}>{block.node}</div> : null,
      )}
    </div>,
  );
}

describe('the metrics section of the pack', () => {
  it('opens with the lead and the dashboard: each number with its band and direction', () => {
    const blocks = metricsSection(input());
    expect(blocks[0]?.key).toBe('metrics-lead');
    const { container } = drawFlows(blocks);
    expect(
      screen.getByText(/^As of 2027-01-15, 3 of the 4 dashboard metrics have a value/),
    ).toBeInTheDocument();
    const figures = [...container.querySelectorAll('.pack-metric-figure')].map((figure) =>
      [
        figure.querySelector('.pack-figure__label')?.textContent,
        figure.querySelector('.pack-figure__value')?.textContent,
        figure.querySelector('.pack-metric-figure__foot')?.textContent,
      ].join(' | '),
    );
    expect(figures).toEqual([
      'Predictability | 74 % | Poor↓ down, worse',
      'Cost performance (CPI) | 0.98 | Good↑ up, better',
      'Throughput | 3 | No band↑ up, better',
      'Benefit realization (measures) | — | No band',
    ]);
  });

  it('draws each metric with a value with the screen’s trend chart, in print without its button', () => {
    const blocks = metricsSection(input());
    const titles = blocks
      .filter((block) => block.key.endsWith('-title'))
      .map((block) => (block.kind === 'flow' ? textOf(block.node) : ''));
    expect(titles).toEqual([
      'Predictability',
      'Cost performance (CPI)',
      'Capacity utilization',
      'Per team and period: actual · planned',
      'Throughput',
      'The PMO’s self-review of 2027-01-10',
    ]);
    const { container } = drawFlows(blocks);
    const charts = screen.getAllByTestId('trend-chart');
    expect(charts.map((chart) => chart.getAttribute('data-metric'))).toEqual([
      'predictability',
      'cpi',
      'utilization',
      'throughput',
    ]);
    expect(screen.queryByRole('button')).toBeNull();
    // Predictability's points coloured by band: Q3 good, Q4 poor.
    const points = [...charts[0]!.querySelectorAll('circle')].map((point) =>
      point.getAttribute('data-band'),
    );
    expect(points).toEqual(['good', 'poor']);
    const predictability = container.querySelector('[data-metric="predictability"].pack-metric');
    expect(predictability?.querySelector('.pack-metric__latest')?.textContent).toBe('74 % Poor');
    expect(predictability?.querySelector('.pack-metric__when')?.textContent).toBe(
      '2026 Q4 · ↓ down, worse',
    );
    expect(predictability?.querySelector('.pack-metric__action')?.textContent).toBe(
      `Suggested action: ${PREDICTABILITY_ACTION}`,
    );
    // CPI is in band: no action, and it says so.
    const cpi = container.querySelector('[data-metric="cpi"].pack-metric');
    expect(cpi?.querySelector('.pack-metric__action')).toBeNull();
    expect(cpi?.textContent).toContain('In band: no action suggested.');
    expect(
      screen.getByText(
        'Not measured yet: Benefit realization (measures) — no success measure has a target yet.',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/^No snapshot was taken before the periods measured, so Predictability is/),
    ).toBeInTheDocument();
  });

  it('lists the worst offenders with their value, band and why, and counts the rest', () => {
    const blocks = metricsSection(input());
    const offenders = table(blocks, 'metric-predictability-offenders');
    expect(offenders.head).toEqual(['Initiative', 'Value', 'Band', 'Why']);
    expect(rowsOf(offenders)).toEqual([
      ['Route optimisation v2', '20 %', 'Poor', 'planned 50 % done, 10 % done: 40 points behind'],
      ['WMS upgrade', '55 %', 'Poor', 'planned 40 % done, 22 % done: 18 points behind'],
      ['Telematics rollout', '70 %', 'Poor', 'planned 30 % done, 21 % done: 9 points behind'],
    ]);
    drawFlows(blocks);
    expect(
      screen.getByText('And 2 more out of band: Metrics → Trends lists them all.'),
    ).toBeInTheDocument();
    // Nothing behind CPI is out of band: no table.
    expect(blocks.some((block) => block.key === 'metric-cpi-offenders')).toBe(false);
    expect(rowsOf(table(blocks, 'metric-throughput-offenders'))).toEqual([
      ['Proof of delivery', '—', 'No band', 'finished in 2026 Q3'],
      ['Dock scheduling', '—', 'No band', 'finished in 2026 Q4'],
    ]);
  });

  it('tables utilization per team and period, actual beside planned', () => {
    const blocks = metricsSection(input());
    const utilization = table(blocks, 'metric-utilization-table');
    expect(utilization.head).toEqual(['Team', '2026 Q2: actual · plan', '2026 Q3: actual · plan']);
    expect(rowsOf(utilization)).toEqual([
      ['Platform', '— · 50 %', '105 % · 95 %'],
      ['Data', '75 % · 70 %', '60 % · 80 %'],
    ]);
    // Platform is over capacity in Q3, and follows the utilization chart's own offenders table.
    const keys = blocks.map((block) => block.key);
    expect(keys.indexOf('metric-utilization-offenders')).toBeLessThan(
      keys.indexOf('metric-utilization-table'),
    );
  });

  it('ends with the self-review: each question’s scores over the reviews, the note, the means', () => {
    const blocks = metricsSection(input());
    const scores = table(blocks, 'self-review');
    expect(scores.head).toEqual(['Question', '2026-06-30', '2026-09-30', '2027-01-10', 'Note']);
    expect(rowsOf(scores)).toEqual([
      [QUESTIONS.CADENCES, '2', '3', '4', ''],
      [QUESTIONS.TRACKING, '3', '3', '2', 'Benefits are not tracked after delivery.'],
      [QUESTIONS.SEAT, '—', '4', '4', ''],
      [QUESTIONS.OWN, '—', '—', '1', 'Most read it in the room.'],
      // (2 + 3) / 2, (3 + 3 + 4) / 3, (4 + 2 + 4 + 1) / 4.
      ['Average', '2.5', '3.3', '2.8', ''],
    ]);
    drawFlows(blocks);
    expect(screen.getByText('Next quarter: a benefits owner per initiative.').textContent).toBe(
      'Notes: Next quarter: a benefits owner per initiative.',
    );
  });

  it('without actuals, says why in a sentence and still shows the self-review', () => {
    const blocks = metricsSection(input({ ...PORTFOLIO, actuals: [] }, null));
    drawFlows(blocks);
    expect(screen.getByText(/^No actuals are recorded yet/)).toBeInTheDocument();
    expect(screen.queryByTestId('trend-chart')).toBeNull();
    expect(blocks.some((block) => block.key === 'self-review')).toBe(true);
  });

  it('is left out of the pack without actuals and without a self-review', () => {
    const bare: Portfolio = { ...DEMO_PORTFOLIO, actuals: [] };
    const none = input(bare, null);
    expect(metricsSection(none)).toEqual([]);
    const room = { widthPx: 670, heightPx: 980 };
    expect(packSections(none, buildPackContent(bare, none.settings), room)).toEqual([]);
    const some = input();
    const sections = packSections(some, buildPackContent(PORTFOLIO, some.settings), room);
    expect(sections.map((section) => [section.id, section.title])).toEqual([
      ['metrics', 'Metrics that drive action'],
    ]);
    render(<div>{sections[0]?.blocks[0]?.kind === 'flow' && sections[0].blocks[0].node}</div>);
    expect(within(document.body).getByText(/^As of 2027-01-15/)).toBeInTheDocument();
  });
});
