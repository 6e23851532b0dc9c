import { describe, expect, it } from 'vitest';
import {
  formatLocationHash,
  parseLocationHash,
} from '../../../../renderer/state/slices/navigationSlice';

describe('the addresses of the Metrics area', () => {
  it('reads and writes the dashboard, the actuals of a period, a metric and the self-review', () => {
    for (const hash of [
      '#/metrics',
      '#/metrics/actuals',
      '#/metrics/actuals/2026-Q3',
      '#/metrics/trends',
      '#/metrics/trends/cpi',
      '#/metrics/self-review',
    ]) {
      expect(formatLocationHash(parseLocationHash(hash))).toBe(hash);
    }
    expect(parseLocationHash('#/metrics/actuals/2026-Q3')).toMatchObject({
      area: 'metrics',
      metricsView: 'actuals',
      metricsPeriodId: '2026-Q3',
      metricId: null,
    });
    expect(parseLocationHash('#/metrics/trends/benefit-realized')).toMatchObject({
      metricsView: 'trends',
      metricId: 'benefit-realized',
      metricsPeriodId: null,
    });
    // An unknown view is the dashboard; the self-review takes no id.
    expect(formatLocationHash(parseLocationHash('#/metrics/kpis'))).toBe('#/metrics');
    expect(formatLocationHash(parseLocationHash('#/metrics/self-review/x'))).toBe(
      '#/metrics/self-review',
    );
  });
});
