/**
 * Properties of the metrics over random plans: a plan delivered exactly as committed (progress
 * and spend as planned, each period) is 100 % predictable with CPI = SPI = 1.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { takeSnapshot } from '../../../shared/cadence/snapshot';
import { bandOf, METRIC_DEFINITIONS } from '../../../shared/metrics/definitions';
import { computeMetrics } from '../../../shared/metrics/compute';
import type { Actual, Initiative, Portfolio } from '../../../shared/portfolio/types';

const QUARTERS = [
  { id: 'q1', label: 'Q1', start: '2027-01-01', end: '2027-03-31' },
  { id: 'q2', label: 'Q2', start: '2027-04-01', end: '2027-06-30' },
  { id: 'q3', label: 'Q3', start: '2027-07-01', end: '2027-09-30' },
  { id: 'q4', label: 'Q4', start: '2027-10-01', end: '2027-12-31' },
];

/** An initiative: value, start quarter, duration (fitting the year), spend per quarter. */
const initiativeArb = fc
  .record({
    value: fc.integer({ min: 1, max: 100 }),
    start: fc.integer({ min: 0, max: 3 }),
    duration: fc.integer({ min: 1, max: 4 }),
    amounts: fc.array(fc.integer({ min: 1, max: 500 }), { minLength: 4, maxLength: 4 }),
    demand: fc.integer({ min: 1, max: 3 }),
  })
  .map((raw) => ({ ...raw, duration: Math.min(raw.duration, 4 - raw.start) }));

type Planned = {
  readonly value: number;
  readonly start: number;
  readonly duration: number;
  readonly amounts: readonly number[];
  readonly demand: number;
};

/** The plan, and its actuals reported exactly as planned: progress k/n and the planned spend. */
function delivered(items: readonly Planned[], evenSpend: boolean) {
  const initiatives: Initiative[] = items.map((item, index) => ({
    id: `i${index}`,
    name: `Initiative ${index}`,
    status: 'active',
    value: item.value,
    start: (QUARTERS[item.start] as { id: string }).id,
    demand: { team: new Array<number>(item.duration).fill(item.demand) },
    spend: evenSpend
      ? new Array<number>(item.duration).fill(item.amounts[0] as number)
      : item.amounts.slice(0, item.duration),
  }));
  const plan: Portfolio = {
    name: 'Random plan',
    periods: QUARTERS,
    teams: [{ id: 'team', name: 'Team', capacity: { q1: 1000, q2: 1000, q3: 1000, q4: 1000 } }],
    objectives: [],
    initiatives,
    scenarios: [{ id: 's', name: 'Plan', ranking: initiatives.map((item) => item.id) }],
  };
  const actuals: Actual[] = items.flatMap((item, index) =>
    Array.from({ length: item.duration }, (_, k) => ({
      initiativeId: `i${index}`,
      periodId: (QUARTERS[item.start + k] as { id: string }).id,
      spend: (initiatives[index]?.spend ?? [])[k] ?? 0,
      progress: (k + 1) / item.duration,
    })),
  );
  const snapshot = takeSnapshot(plan, {
    id: 'baseline',
    label: 'Baseline',
    takenAt: '2026-12-15T09:00:00.000Z',
  });
  return { portfolio: { ...plan, actuals }, snapshots: [snapshot] };
}

describe('a plan delivered exactly as committed', () => {
  it('is 100 % predictable every period, with CPI = SPI = 1 (even spend)', () => {
    fc.assert(
      fc.property(fc.array(initiativeArb, { minLength: 1, maxLength: 4 }), (items) => {
        const { portfolio, snapshots } = delivered(items, true);
        const report = computeMetrics(portfolio, snapshots, '2027-12-31');
        const trend = (id: string) => report.trends.find((entry) => entry.id === id);
        for (const point of trend('predictability')?.points ?? []) {
          // A period with committed work is 100 %; one with none has no value.
          if (point.value !== undefined) expect(point.value).toBeCloseTo(100, 6);
        }
        expect(trend('predictability')?.latest?.value).toBeCloseTo(100, 6);
        for (const id of ['cpi', 'spi']) {
          for (const point of trend(id)?.points ?? []) {
            if (point.value !== undefined) expect(point.value).toBeCloseTo(1, 6);
          }
        }
        expect(report.earnedValue?.portfolio.cpi).toBeCloseTo(1, 6);
        expect(report.earnedValue?.portfolio.spi).toBeCloseTo(1, 6);
        expect(report.earnedValue?.portfolio.cv).toBeCloseTo(0, 6);
      }),
      { numRuns: 60 },
    );
  });

  it('ends with CPI = SPI = 1 and EAC = BAC whatever the spend profile', () => {
    fc.assert(
      fc.property(fc.array(initiativeArb, { minLength: 1, maxLength: 4 }), (items) => {
        const { portfolio, snapshots } = delivered(items, false);
        const report = computeMetrics(portfolio, snapshots, '2027-12-31');
        const figures = report.earnedValue?.portfolio;
        expect(figures?.cpi).toBeCloseTo(1, 6);
        expect(figures?.spi).toBeCloseTo(1, 6);
        expect(figures?.eac).toBeCloseTo(figures?.bac ?? Number.NaN, 4);
      }),
      { numRuns: 40 },
    );
  });
});

describe('bands', () => {
  it('put every value in exactly the band its limits say, edges included', () => {
    // Predictability: 80 and 100 are good, 79.99 poor, 100.01 watch.
    const limits = METRIC_DEFINITIONS.predictability.limits;
    expect([79.99, 80, 100, 100.01].map((value) => bandOf(value, limits))).toEqual([
      'poor',
      'good',
      'good',
      'watch',
    ]);
    // CPI: 0.95 good, 0.85 watch, 0.8499 poor.
    const cpi = METRIC_DEFINITIONS.cpi.limits;
    expect([0.95, 0.9, 0.85, 0.8499].map((value) => bandOf(value, cpi))).toEqual([
      'good',
      'watch',
      'watch',
      'poor',
    ]);
    // Utilization: under 70 watch, 70–100 good, over 100 poor.
    const utilization = METRIC_DEFINITIONS.utilization.limits;
    expect([69, 70, 100, 101].map((value) => bandOf(value, utilization))).toEqual([
      'watch',
      'good',
      'good',
      'poor',
    ]);
    expect(bandOf(undefined, cpi)).toBe('none');
    expect(bandOf(3, undefined)).toBe('none');
  });

  it('are ordered: raising a higher-is-better value never worsens its band', () => {
    const rank = { poor: 0, watch: 1, good: 2, none: -1 } as const;
    fc.assert(
      fc.property(
        fc.constantFrom(
          'cpi',
          'spi',
          'cost-variance',
          'benefit-measures',
          'benefit-realized',
          'alignment',
        ),
        fc.double({ min: -200, max: 200, noNaN: true }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        (id, value, step) => {
          const limits = METRIC_DEFINITIONS[id as 'cpi'].limits;
          expect(rank[bandOf(value + step, limits)]).toBeGreaterThanOrEqual(
            rank[bandOf(value, limits)],
          );
        },
      ),
    );
  });
});
