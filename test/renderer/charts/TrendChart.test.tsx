import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { METRIC_DEFINITIONS } from '../../../shared/metrics/definitions';
import type { MetricTrend } from '../../../shared/metrics/types';
import { TrendChart } from '../../../renderer/charts/TrendChart';
import {
  bandZones,
  formatMetricValue,
  layoutTrend,
} from '../../../renderer/charts/trend-chart-model';

const PREDICTABILITY: MetricTrend = {
  id: 'predictability',
  points: [
    { key: 'q1', label: 'Q1', date: '2026-03-31', value: 92, band: 'good' },
    { key: 'q2', label: 'Q2', date: '2026-06-30', value: 71, band: 'poor' },
    { key: 'q3', label: 'Q3', date: '2026-09-30', band: 'none', reason: 'nothing committed' },
    { key: 'q4', label: 'Q4', date: '2026-12-31', value: 104, band: 'watch' },
  ],
  latest: { key: 'q4', label: 'Q4', date: '2026-12-31', value: 104, band: 'watch' },
  direction: { change: 'up', better: false },
  drill: [],
};

describe('bandZones', () => {
  it('cuts the axis at the limits, each stretch in the band of its middle', () => {
    // Predictability: good 80..100, watch from 80 up (so above 100), poor below 80.
    expect(bandZones(METRIC_DEFINITIONS.predictability.limits, 0, 120)).toEqual([
      { band: 'poor', low: 0, high: 80 },
      { band: 'good', low: 80, high: 100 },
      { band: 'watch', low: 100, high: 120 },
    ]);
    // Utilization: good 70..100, watch 0..100 (so under 70), poor over 100.
    expect(bandZones(METRIC_DEFINITIONS.utilization.limits, 0, 150)).toEqual([
      { band: 'watch', low: 0, high: 70 },
      { band: 'good', low: 70, high: 100 },
      { band: 'poor', low: 100, high: 150 },
    ]);
    expect(bandZones(undefined, 0, 10)).toEqual([]);
  });
});

describe('layoutTrend', () => {
  it('breaks the line at a point without a value and keeps the good band in view', () => {
    const layout = layoutTrend(PREDICTABILITY, METRIC_DEFINITIONS.predictability.limits, 400, 200);
    // Two pieces: Q1–Q2, then Q4 alone (a one-point piece is a move only).
    expect(layout.path.match(/M/g)).toHaveLength(2);
    expect(layout.points.map((point) => point.y === undefined)).toEqual([
      false,
      false,
      true,
      false,
    ]);
    // 0 to 104 × 1.1 = 114.4, made nice: 0 to 120.
    expect(layout.yTicks.at(-1)?.value).toBe(120);
    expect(layout.zones.map((zone) => zone.band)).toEqual(['poor', 'good', 'watch']);
  });
});

describe('the trend chart', () => {
  it('describes itself, colours each point by band and lists the points as a table', async () => {
    render(<TrendChart trend={PREDICTABILITY} definition={METRIC_DEFINITIONS.predictability} />);
    const image = screen.getByRole('img');
    expect(image).toHaveAccessibleName(
      'Predictability over 4 points; latest Q4 104 % (watch); up, worse.',
    );
    const points = document.querySelectorAll('.trend-chart__point');
    expect([...points].map((point) => point.getAttribute('data-band'))).toEqual([
      'good',
      'poor',
      'watch',
    ]);
    expect(document.querySelector('.trend-chart__gap title')).toHaveTextContent(
      'Q3: no value (nothing committed)',
    );
    expect(screen.queryByRole('table')).toBeNull();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Show as table' }));
    const table = screen.getByRole('table', { name: 'Predictability' });
    expect(
      within(table)
        .getAllByRole('row')
        .map((row) => row.textContent),
    ).toEqual([
      'PeriodValueBand',
      'Q192 %Good',
      'Q271 %Poor',
      'Q3No value: nothing committedNo band',
      'Q4104 %Watch',
    ]);
  });

  it('says when there is nothing to draw, and hides the toggle for print', () => {
    const { unmount } = render(
      <TrendChart
        trend={{ id: 'throughput', points: [], drill: [] }}
        definition={METRIC_DEFINITIONS.throughput}
      />,
    );
    expect(screen.getByRole('note')).toHaveTextContent('No throughput to show yet.');
    unmount();
    render(
      <TrendChart trend={PREDICTABILITY} definition={METRIC_DEFINITIONS.predictability} noTable />,
    );
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('writes values in their unit', () => {
    expect(formatMetricValue(0.873, 'ratio', undefined, 'en-GB')).toBe('0.87');
    expect(formatMetricValue(92.4, '%', undefined, 'en-GB')).toBe('92 %');
    expect(formatMetricValue(1_250_000, 'currency', 'EUR', 'en-GB')).toBe('€1.3m');
    expect(formatMetricValue(3, 'count', undefined, 'en-GB')).toBe('3');
  });
});

describe('formatMetricValue', () => {
  it('writes a negative value with a minus sign', () => {
    expect(formatMetricValue(-2.8, '%', undefined, 'en-GB')).toBe('\u22122.8 %');
  });
});
