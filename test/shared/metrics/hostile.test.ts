/**
 * Hostile inputs for the metrics: numbers at the edges the file reader still accepts, odd
 * portfolios (periods without dates, progress going backwards, work removed after a snapshot, a
 * snapshot that cannot be opened), random portfolios the reader accepts, and hostile text pasted
 * into the actuals grid. computeMetrics must never throw, and no NaN or Infinity may reach the
 * report (the screens, the pack and `baton metrics` print it).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { takeSnapshot } from '../../../shared/cadence/snapshot';
import type { Snapshot } from '../../../shared/cadence/types';
import { computeMetrics } from '../../../shared/metrics/compute';
import { ratio, tidy } from '../../../shared/metrics/trend';
import type { MetricId, MetricsReport } from '../../../shared/metrics/types';
import { readPortfolioText } from '../../../shared/portfolio/restore';
import type { Actual, Initiative, Period, Portfolio } from '../../../shared/portfolio/types';
import { writePortfolio } from '../../../shared/portfolio/write';
import { parsePastedBlock } from '../../../shared/store/operations/actuals';
import { generatePortfolio } from '../../bench/generate-portfolio';

const QUARTERS: Period[] = [
  { id: 'q1', label: 'Q1', start: '2027-01-01', end: '2027-03-31' },
  { id: 'q2', label: 'Q2', start: '2027-04-01', end: '2027-06-30' },
];

/** One team, one initiative A over Q1–Q2 (value 100, spend 100 a quarter, benefit 50). */
function small(
  overrides: Partial<Portfolio> = {},
  initiative: Partial<Initiative> = {},
): Portfolio {
  return {
    name: 'Small',
    periods: QUARTERS,
    teams: [{ id: 't', name: 'Team', capacity: { q1: 10, q2: 10 } }],
    objectives: [],
    initiatives: [
      {
        id: 'a',
        name: 'A',
        status: 'active',
        value: 100,
        start: 'q1',
        demand: { t: [5, 5] },
        spend: [100, 100],
        benefit: 50,
        ...initiative,
      },
    ],
    scenarios: [{ id: 's', name: 'Plan', ranking: ['a'] }],
    ...overrides,
  };
}

/** The path of the first number in `value` that is not finite, if any. */
function nonFinite(value: unknown, path = 'report'): string | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? undefined : `${path} = ${value}`;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = nonFinite(item, `${path}[${index}]`);
      if (found) return found;
    }
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const found = nonFinite(item, `${path}.${key}`);
      if (found) return found;
    }
  }
  return undefined;
}

/** The portfolio as the file reader reads it back, or undefined when it refuses it. */
function throughFile(portfolio: Portfolio): Portfolio | undefined {
  const read = readPortfolioText(writePortfolio(portfolio));
  return read.ok ? read.portfolio : undefined;
}

const pointValues = (report: MetricsReport, id: MetricId) =>
  report.trends.find((trend) => trend.id === id)?.points.map((point) => point.value);

describe('numbers at the edges the reader accepts stay finite', () => {
  it('tidy keeps a huge figure instead of turning it into Infinity', () => {
    expect(tidy(1e300)).toBe(1e300);
    expect(tidy(0.1 + 0.2)).toBe(0.3);
    expect(ratio(1e15, 5e-324)).toBeUndefined();
    expect(ratio(1, 0)).toBeUndefined();
    expect(ratio(1, 4, 100)).toBe(25);
  });

  it('a tiny expected benefit realized in full is not Infinity %', () => {
    const portfolio = throughFile(
      small(
        {
          actuals: [
            { initiativeId: 'a', periodId: 'q1', progress: 0.5 },
            { initiativeId: 'a', periodId: 'q2', progress: 1, benefit: 1e15 },
          ],
        },
        { benefit: 5e-324 },
      ),
    );
    expect(portfolio).toBeDefined();
    const report = computeMetrics(portfolio as Portfolio, [], '2027-06-30');
    expect(nonFinite(report)).toBeUndefined();
    const trend = report.trends.find((entry) => entry.id === 'benefit-realized');
    expect(trend?.points.at(-1)?.value).toBeUndefined();
    expect(JSON.stringify(report)).not.toContain('null');
  });

  it('a tiny actual spend gives no CPI or EAC rather than Infinity', () => {
    const portfolio = throughFile(
      small({
        actuals: [{ initiativeId: 'a', periodId: 'q1', progress: 0.5, spend: 5e-324 }],
      }),
    );
    expect(portfolio).toBeDefined();
    const report = computeMetrics(portfolio as Portfolio, [], '2027-03-31');
    expect(nonFinite(report)).toBeUndefined();
    expect(report.earnedValue?.portfolio.cpi).toBeUndefined();
    expect(JSON.stringify(report)).not.toContain('null');
  });

  it('a tiny capacity gives no utilization rather than Infinity', () => {
    const portfolio = throughFile(
      small({
        teams: [{ id: 't', name: 'Team', capacity: { q1: 5e-324, q2: 10 } }],
        actuals: [{ initiativeId: 'a', periodId: 'q1', effort: { t: 3 } }],
      }),
    );
    expect(portfolio).toBeDefined();
    const report = computeMetrics(portfolio as Portfolio, [], '2027-06-30');
    expect(nonFinite(report)).toBeUndefined();
    expect(JSON.stringify(report)).not.toContain('null');
  });
});

describe('odd portfolios, computed by hand', () => {
  it('progress going backwards makes nothing in that period, and EV follows the latest report', () => {
    // Q1: planned ½ of A (value 100) = 50; made 0.6 → 60; 120 %. Q2: made max(0, 0.3 − 0.6) = 0.
    // EV at Q2's end = 0.3 × 200 = 60, AC = 200, PV = 200: CPI = SPI = 0.3, EAC = 200 ÷ 0.3.
    const report = computeMetrics(
      small({
        actuals: [
          { initiativeId: 'a', periodId: 'q1', progress: 0.6, spend: 100 },
          { initiativeId: 'a', periodId: 'q2', progress: 0.3, spend: 100 },
        ],
      }),
      [],
      '2027-06-30',
    );
    expect(pointValues(report, 'predictability')).toEqual([120, 0]);
    expect(pointValues(report, 'cpi')).toEqual([1.2, 0.3]);
    expect(report.earnedValue?.portfolio).toMatchObject({ pv: 200, ev: 60, ac: 200, cv: -140 });
    expect(report.earnedValue?.portfolio.eac).toBeCloseTo(666.666666667, 6);
    // Throughput never counts A: it never reported 100 %.
    expect(pointValues(report, 'throughput')).toEqual([0, 0]);
  });

  it('periods without dates are left out, and their actuals still count as earlier progress', () => {
    // An undated period between Q1 and Q2 reports A at 0.5: Q2 made 0.8 − 0.5 = 0.3 of the ½
    // planned → 60 %.
    const periods: Period[] = [
      QUARTERS[0] as Period,
      { id: 'gap', label: 'Gap' },
      QUARTERS[1] as Period,
    ];
    const report = computeMetrics(
      small(
        {
          periods,
          teams: [{ id: 't', name: 'Team', capacity: { q1: 10, gap: 10, q2: 10 } }],
          actuals: [
            { initiativeId: 'a', periodId: 'gap', progress: 0.5 },
            { initiativeId: 'a', periodId: 'q2', progress: 0.8 },
          ],
        },
        { demand: { t: [5, 0, 5] }, spend: [100, 0, 100] },
      ),
      [],
      '2027-06-30',
    );
    const predictability = report.trends.find((trend) => trend.id === 'predictability');
    expect(predictability?.points.map((point) => point.key)).toEqual(['q1', 'q2']);
    expect(nonFinite(report)).toBeUndefined();
  });

  it('zero capacity, zero budget and no actuals give no value, not 0 or NaN', () => {
    const report = computeMetrics(
      small(
        { teams: [{ id: 't', name: 'Team', capacity: { q1: 0, q2: 0 } }] },
        { spend: [0, 0], value: 0 },
      ),
      [],
      '2027-06-30',
    );
    expect(nonFinite(report)).toBeUndefined();
    for (const id of ['cpi', 'utilization', 'benefit-realized'] as const) {
      expect(pointValues(report, id)).toEqual([undefined, undefined]);
    }
    expect(report.dashboard.length).toBeLessThanOrEqual(10);
  });

  it('an initiative removed after the snapshot still counts as committed work not delivered', () => {
    const plan = small();
    const snapshot = takeSnapshot(plan, {
      id: 'dec',
      label: 'December',
      takenAt: '2026-12-15T09:00:00.000Z',
    });
    const now = small({ initiatives: [], scenarios: [{ id: 's', name: 'Plan', ranking: [] }] });
    const report = computeMetrics(now, [snapshot], '2027-06-30');
    expect(pointValues(report, 'predictability')).toEqual([0, 0]);
    expect(report.earnedValue?.baseline).toBe('snapshot');
    expect(nonFinite(report)).toBeUndefined();
  });

  it('a snapshot that cannot be opened is passed over: the current plan is the baseline', () => {
    const good = takeSnapshot(small(), {
      id: 'dec',
      label: 'December',
      takenAt: '2026-12-15T09:00:00.000Z',
    });
    const tampered: Snapshot = { ...good, text: good.text.replace('"A"', '"B"') };
    const garbage: Snapshot = { ...good, id: 'bad', text: 'not json', fingerprint: 'x' };
    const report = computeMetrics(small(), [tampered, garbage], '2027-06-30');
    const predictability = report.trends.find((trend) => trend.id === 'predictability');
    expect(predictability?.baseline).toBe('current');
  });
});

// ---- Random portfolios the reader accepts --------------------------------------------------------

const DAYS = ['2026-12-31', '2027-01-01', '2027-02-15', '2027-03-31', '2027-04-01', '2027-06-30'];
const amount = fc.oneof(
  fc.constant(0),
  fc.integer({ min: 0, max: 1000 }),
  fc.double({ min: 0, max: 1e15, noNaN: true }),
  fc.constantFrom(5e-324, 1e-300, 1e15),
);
const portfolioArb = fc.record({
  periods: fc.array(fc.tuple(fc.constantFrom(...DAYS), fc.constantFrom(...DAYS), fc.boolean()), {
    maxLength: 4,
  }),
  capacity: fc.array(fc.oneof(amount.map((value) => Math.min(value, 1e6))), {
    minLength: 4,
    maxLength: 4,
  }),
  initiatives: fc.array(
    fc.record({
      status: fc.constantFrom('proposed', 'approved', 'active', 'done', 'cancelled'),
      value: fc.option(amount, { nil: undefined }),
      start: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
      demand: amount.map((value) => Math.min(value, 1e6)),
      spend: amount,
      benefit: fc.option(amount, { nil: undefined }),
    }),
    { maxLength: 4 },
  ),
  actuals: fc.array(
    fc.record({
      initiative: fc.integer({ min: 0, max: 3 }),
      period: fc.integer({ min: 0, max: 3 }),
      spend: fc.option(amount, { nil: undefined }),
      progress: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }),
      effort: fc.option(
        amount.map((value) => Math.min(value, 1e6)),
        { nil: undefined },
      ),
      benefit: fc.option(amount, { nil: undefined }),
    }),
    { maxLength: 10 },
  ),
  snapshots: fc.array(fc.tuple(fc.constantFrom(...DAYS), fc.integer({ min: 0, max: 4 })), {
    maxLength: 2,
  }),
  asOf: fc.constantFrom(...DAYS, '2020-01-01', '2030-01-01'),
});

function randomPortfolio(raw: typeof portfolioArb extends fc.Arbitrary<infer T> ? T : never): {
  portfolio: Portfolio;
  snapshots: Snapshot[];
} {
  const periods: Period[] = raw.periods.map(([a, b, dated], index) => ({
    id: `p${index}`,
    label: `P${index}`,
    ...(dated && { start: a <= b ? a : b, end: a <= b ? b : a }),
  }));
  const initiatives: Initiative[] = raw.initiatives.map((item, index) => ({
    id: `i${index}`,
    name: `I${index}`,
    status: item.status,
    ...(item.value !== undefined && { value: item.value }),
    ...(item.start !== undefined && item.start < periods.length && { start: `p${item.start}` }),
    ...(periods.length > 0 && { demand: { t: [item.demand] }, spend: [item.spend] }),
    ...(item.benefit !== undefined && { benefit: item.benefit }),
  }));
  const seen = new Set<string>();
  const actuals: Actual[] = raw.actuals.flatMap((item) => {
    const key = `${item.initiative}/${item.period}`;
    if (item.initiative >= initiatives.length || item.period >= periods.length || seen.has(key)) {
      return [];
    }
    seen.add(key);
    return [
      {
        initiativeId: `i${item.initiative}`,
        periodId: `p${item.period}`,
        ...(item.spend !== undefined && { spend: item.spend }),
        ...(item.progress !== undefined && { progress: item.progress }),
        ...(item.effort !== undefined && { effort: { t: item.effort } }),
        ...(item.benefit !== undefined && { benefit: item.benefit }),
      },
    ];
  });
  const portfolio: Portfolio = {
    name: 'Random',
    periods,
    teams: [
      {
        id: 't',
        name: 'Team',
        capacity: Object.fromEntries(periods.map((period, k) => [period.id, raw.capacity[k] ?? 0])),
      },
    ],
    objectives: [],
    initiatives,
    scenarios: [{ id: 's', name: 'Plan', ranking: initiatives.map((item) => item.id) }],
    actuals,
  };
  const snapshots = raw.snapshots.map(([day, drop], index) => {
    const kept = initiatives.filter((_, k) => k !== drop);
    return takeSnapshot(
      {
        ...portfolio,
        initiatives: kept,
        scenarios: [{ id: 's', name: 'Plan', ranking: kept.map((item) => item.id) }],
        actuals: [],
      },
      { id: `snap${index}`, label: `Snapshot ${index}`, takenAt: `${day}T10:00:00.000Z` },
    );
  });
  return { portfolio, snapshots };
}

describe('computeMetrics on any portfolio the reader accepts', () => {
  it('never throws and reports only finite numbers', () => {
    let accepted = 0;
    fc.assert(
      fc.property(portfolioArb, (raw) => {
        const { portfolio, snapshots } = randomPortfolio(raw);
        const read = throughFile(portfolio);
        if (!read) return;
        accepted += 1;
        const report = computeMetrics(read, snapshots, raw.asOf);
        expect(nonFinite(report)).toBeUndefined();
        expect(report.dashboard.length).toBeLessThanOrEqual(10);
      }),
      { numRuns: 400 },
    );
    expect(accepted).toBeGreaterThan(100);
  });

  it('holds on the benchmark generator’s portfolios (no dates) with random actuals', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), (seed) => {
        const generated = generatePortfolio({
          initiatives: 12,
          teams: 3,
          periods: 4,
          dependencyShare: 0.2,
          seed,
        });
        const dated: Portfolio = {
          ...generated,
          periods: generated.periods.map((period, index) =>
            index % 2 === 0
              ? period
              : { ...period, start: `2027-0${index}-01`, end: `2027-0${index + 1}-28` },
          ),
          actuals: generated.initiatives.slice(0, 6).map((initiative, index) => ({
            initiativeId: initiative.id,
            periodId: (generated.periods[index % 4] as Period).id,
            progress: ((seed + index) % 11) / 10,
            spend: (seed * (index + 1)) % 7000,
            effort: { 'team-1': index },
          })),
        };
        const report = computeMetrics(dated, [], '2027-12-31');
        expect(nonFinite(report)).toBeUndefined();
      }),
      { numRuns: 50 },
    );
  });
});

// ---- Hostile paste text --------------------------------------------------------------------------

describe('parsePastedBlock on hostile text', () => {
  const columns = ['spend', 'progress', 'benefit'] as const;

  it('refuses a whole spreadsheet column (a million rows) with a message, not a stack overflow', () => {
    const text = '1\n'.repeat(1_048_576);
    const result = parsePastedBlock(text, [...columns], ['a', 'b'], 'dot');
    expect('problems' in result && result.problems[0]?.message).toMatch(/1048576 rows/);
  });

  it('refuses a very wide row with a message', () => {
    const result = parsePastedBlock('1\t'.repeat(200_000), [...columns], ['a'], 'dot');
    expect('problems' in result && result.problems[0]?.message).toMatch(/200001 columns/);
  });

  it.each([
    ['=1+1', /is not a number/],
    ['1e309', /is not a number/],
    ['Infinity', /is not a number/],
    ['NaN', /is not a number/],
    ['0x10', /is not a number/],
    ['\u22125', /negative/],
    ['50%', /is a percentage/],
  ])('refuses %j in a money column', (text, message) => {
    const result = parsePastedBlock(text, [...columns], ['a'], 'dot');
    expect('problems' in result && result.problems[0]?.message).toMatch(message);
  });

  it('reads only tabs as cells to clear, and 101 % progress is refused', () => {
    expect(parsePastedBlock('\t\t', [...columns], ['a'], 'dot')).toEqual({
      cells: [
        { initiativeId: 'a', field: 'spend', value: undefined },
        { initiativeId: 'a', field: 'progress', value: undefined },
        { initiativeId: 'a', field: 'benefit', value: undefined },
      ],
    });
    const over = parsePastedBlock('1\t101 %', [...columns], ['a'], 'dot');
    expect('problems' in over && over.problems[0]?.message).toMatch(/over 100 %/);
  });
});
