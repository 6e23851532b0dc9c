/**
 * Every metric of the metrics fixture (test/fixtures/metrics/portfolio.ts), worked out by hand.
 *
 * The plans: Q1 is measured against the December snapshot (A Q1–Q2, C Q1–Q2, B Q3–Q4); Q2–Q4
 * against the March snapshot (A Q1–Q2, C Q2–Q3, B Q3–Q4, D Q3–Q4), the latest taken on or before
 * each quarter's start. Every initiative runs two quarters, so a whole quarter of its schedule is
 * half its scope.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { computeMetrics } from '../../../shared/metrics/compute';
import { METRIC_IDS, type MetricId, type MetricsReport } from '../../../shared/metrics/types';
import { writePortfolio } from '../../../shared/portfolio/write';
import { metricsPortfolio } from '../../fixtures/metrics/portfolio';

const portfolio = metricsPortfolio();
const report = computeMetrics(portfolio, portfolio.snapshots ?? [], '2027-12-31');

const trendOf = (from: MetricsReport, id: MetricId) => {
  const found = from.trends.find((trend) => trend.id === id);
  if (!found) throw new Error(`no trend ${id}`);
  return found;
};
const values = (from: MetricsReport, id: MetricId) =>
  trendOf(from, id).points.map((point) => point.value);
const close = (
  actual: readonly (number | undefined)[],
  expected: readonly (number | undefined)[],
) => {
  expect(actual).toHaveLength(expected.length);
  expected.forEach((value, index) => {
    if (value === undefined) expect(actual[index]).toBeUndefined();
    else expect(actual[index]).toBeCloseTo(value, 6);
  });
};

describe('the metrics fixture file', () => {
  it('is the fixture portfolio as baton writes it (regenerate with make-fixture.ts)', () => {
    const file = readFileSync(
      new URL('../../fixtures/metrics/metrics.baton.json', import.meta.url),
      'utf8',
    );
    expect(file).toBe(writePortfolio(portfolio));
  });
});

describe('predictability', () => {
  const trend = trendOf(report, 'predictability');

  it('is Σ actual value ÷ Σ planned value of the committed work, per quarter', () => {
    // Q1 (December plan): A 100 × ½ + C 60 × ½ = 80 planned; A made 0.5 → 50, C made 0.25 → 15;
    //     65 ÷ 80 = 81.25 %.
    // Q2 (March plan): A 100 × ½ + C 60 × ½ = 80 planned; A made 1 − 0.5 = 0.5 → 50, C made
    //     0.4 − 0.25 = 0.15 → 9; 59 ÷ 80 = 73.75 %.
    // Q3: C 60 × ½ + B 50 × ½ + D 30 × ½ = 70 planned; C made 1 − 0.4 = 0.6 → 36, B 0.24 → 12,
    //     D 0.5 → 15; 63 ÷ 70 = 90 %.
    // Q4: B 50 × ½ + D 30 × ½ = 40 planned; B made 0.5 − 0.24 = 0.26 → 13, D 1 − 0.5 → 15;
    //     28 ÷ 40 = 70 %.
    close(values(report, 'predictability'), [81.25, 73.75, 90, 70]);
    expect(trend.points.map((point) => point.band)).toEqual(['good', 'poor', 'good', 'poor']);
    expect(trend.points.map((point) => point.snapshotId)).toEqual([
      'snap-dec',
      'snap-mar',
      'snap-mar',
      'snap-mar',
    ]);
    expect(trend.baseline).toBe('snapshot');
  });

  it('drills down to the committed work of the latest quarter, worst first', () => {
    // B: 26 % made of 50 % planned, its own predictability 52 %; D as planned, 100 %.
    expect(trend.drill.map((row) => [row.subject.name, row.value, row.band])).toEqual([
      ['Route optimisation', 52, 'poor'],
      ['Fleet telemetry', 100, 'good'],
    ]);
    expect(trend.drill[0]?.detail).toBe(
      'Planned 50 % of its scope in Q4 2027, made 26 %: 24 points short.',
    );
  });

  it('turns down (worse) from 90 % to 70 % and suggests re-planning the worst', () => {
    expect(trend.direction).toEqual({ change: 'down', better: false });
    expect(trend.action).toBe(
      'Predictability was 70 % in Q4 2027: Route optimisation made 26 % of the 50 % planned. Re-plan Route optimisation with its owner, or commit less next quarter.',
    );
  });

  it('counts a running quarter only up to the as-of date', () => {
    // As of 15 Aug 2027, 46 of Q3's 92 days have passed: each two-quarter item had ½ × ½ = ¼ of
    // its scope planned by then. Planned: C 60 × ¼ + B 50 × ¼ + D 30 × ¼ = 35; made (as
    // reported for Q3): 36 + 12 + 15 = 63; 63 ÷ 35 = 180 %, over 100: committed too little.
    const midQ3 = computeMetrics(portfolio, portfolio.snapshots ?? [], '2027-08-15');
    close(values(midQ3, 'predictability'), [81.25, 73.75, 180]);
    const latest = trendOf(midQ3, 'predictability').latest;
    expect(latest?.band).toBe('watch');
    expect(latest?.date).toBe('2027-08-15');
    expect(trendOf(midQ3, 'predictability').action).toMatch(
      /^Predictability was 180 % in Q3 2027: more was delivered than committed/,
    );
  });

  it('passes over a snapshot that cannot be opened', () => {
    // The March snapshot altered after it was taken: every quarter is measured against December
    // (A Q1–Q2, C Q1–Q2, B Q3–Q4; no D). Q2: A 50 + C 30 = 80 planned, 50 + 9 = 59 made, 73.75 %.
    const [december, march] = portfolio.snapshots ?? [];
    if (!december || !march) throw new Error('fixture snapshots');
    const altered = { ...march, text: march.text.replace('Data lake', 'Data pond') };
    const measured = computeMetrics(portfolio, [december, altered], '2027-12-31');
    const points = trendOf(measured, 'predictability').points;
    expect(points.map((point) => point.snapshotId)).toEqual([
      'snap-dec',
      'snap-dec',
      'snap-dec',
      'snap-dec',
    ]);
    // Q4: only B → 25 planned, 13 made: 52 %.
    expect(points[1]?.value).toBeCloseTo(73.75, 9);
    expect(points[3]?.value).toBeCloseTo(52, 9);
    // And the report says which snapshot was passed over, and why.
    expect(measured.snapshotProblems).toHaveLength(1);
    expect(measured.snapshotProblems?.[0]).toMatch(/fingerprint|changed|altered/i);
    expect(
      computeMetrics(portfolio, [december, march], '2027-12-31').snapshotProblems,
    ).toBeUndefined();
  });

  it('measures against the current plan, flagged, without snapshots', () => {
    const current = computeMetrics(portfolio, [], '2027-12-31');
    const trend = trendOf(current, 'predictability');
    expect(trend.baseline).toBe('current');
    expect(trend.points.every((point) => point.baseline === 'current')).toBe(true);
    // The current plan: A Q1–Q2, C Q2–Q3, B and D Q3–Q4, E Q4 (one quarter, value 20, whole
    // scope in Q4; nothing reported, so it made 0). Q1: only A, 50 ÷ 50 = 100 %.
    // Q4: B 25 + D 15 + E 20 = 60 planned; 13 + 15 + 0 = 28 made; 28 ÷ 60 = 46.67 %.
    close(values(current, 'predictability'), [100, (59 / 80) * 100, 90, (28 / 60) * 100]);
  });
});

describe('budget accuracy (earned value) as of 31 Dec 2027, against the March plan', () => {
  const evm = report.earnedValue;

  it('gives each initiative BAC, PV, EV, AC, CPI, SPI and EAC, worst CPI first', () => {
    // B Route optimisation: BAC 50 + 50 = 100; planned done by now 100 % → PV 100; progress 0.5
    //   → EV 50; AC 40 + 50 = 90; CPI 50/90 = 0.5556, SPI 50/100 = 0.5, EAC 100/0.5556 = 180.
    // C Data lake: BAC 100, PV 100, EV 100, AC 50 + 50 + 60 = 160; CPI 0.625, SPI 1, EAC 160.
    // A Checkout revamp: BAC 200, PV 200, EV 200, AC 100 + 120 = 220; CPI 0.9091, EAC 220.
    // D Fleet telemetry: BAC 60, PV 60, EV 60, AC 30 + 30 = 60; CPI 1, SPI 1, EAC 60.
    const rows = evm?.initiatives.map((row) => [row.name, row.bac, row.pv, row.ev, row.ac]);
    expect(rows).toEqual([
      ['Route optimisation', 100, 100, 50, 90],
      ['Data lake', 100, 100, 100, 160],
      ['Checkout revamp', 200, 200, 200, 220],
      ['Fleet telemetry', 60, 60, 60, 60],
    ]);
    const [b, c, a, d] = evm?.initiatives ?? [];
    expect(b?.cpi).toBeCloseTo(50 / 90, 6);
    expect(b?.spi).toBeCloseTo(0.5, 9);
    expect(b?.eac).toBeCloseTo(180, 6);
    expect(c?.cpi).toBeCloseTo(0.625, 9);
    expect(c?.eac).toBeCloseTo(160, 6);
    expect(a?.cpi).toBeCloseTo(200 / 220, 6);
    expect(a?.cv).toBe(-20);
    expect(a?.cvPercent).toBeCloseTo(-10, 9);
    expect(d?.cpi).toBe(1);
    expect(d?.spi).toBe(1);
  });

  it('sums the portfolio: CPI 410/530, SPI 410/460, EAC 460 × 530/410', () => {
    // BAC 100 + 100 + 200 + 60 = 460 = PV; EV 50 + 100 + 200 + 60 = 410; AC 90 + 160 + 220 +
    // 60 = 530. CV = 410 − 530 = −120 (−26.09 % of BAC); SV = 410 − 460 = −50 (−10.87 %).
    const figures = evm?.portfolio;
    expect([figures?.bac, figures?.pv, figures?.ev, figures?.ac]).toEqual([460, 460, 410, 530]);
    expect(figures?.cpi).toBeCloseTo(410 / 530, 6);
    expect(figures?.spi).toBeCloseTo(410 / 460, 6);
    expect(figures?.eac).toBeCloseTo((460 * 530) / 410, 6);
    expect(figures?.cv).toBe(-120);
    expect(figures?.cvPercent).toBeCloseTo((-120 / 460) * 100, 6);
    expect(figures?.sv).toBe(-50);
    expect(figures?.svPercent).toBeCloseTo((-50 / 460) * 100, 6);
    expect(evm?.snapshotId).toBe('snap-mar');
  });

  it('trends CPI, SPI and cost variance per quarter end', () => {
    // Q1 (December plan; A, C, B): PV A 200 × ½ = 100, C 100 × ½ = 50, B 0 → 150; EV A 200 ×
    //   0.5 = 100, C 100 × 0.25 = 25 → 125; AC 100 + 50 = 150. CPI = SPI = 125/150; CV −25 of
    //   BAC 400 = −6.25 %.
    // Q2 (March plan): PV A 200 + C 100 × ½ = 250; EV A 200 + C 100 × 0.4 = 240; AC 220 + 100 =
    //   320. CPI 0.75, SPI 0.96, CV −80 / 460.
    // Q3: PV A 200 + C 100 + B 100 × ½ + D 60 × ½ = 380; EV 200 + 100 + 24 + 30 = 354; AC 220
    //   + 160 + 40 + 30 = 450. CPI 354/450, SPI 354/380, CV −96 / 460.
    close(values(report, 'cpi'), [125 / 150, 0.75, 354 / 450, 410 / 530]);
    close(values(report, 'spi'), [125 / 150, 0.96, 354 / 380, 410 / 460]);
    close(values(report, 'cost-variance'), [
      -6.25,
      (-80 / 460) * 100,
      (-96 / 460) * 100,
      (-120 / 460) * 100,
    ]);
    expect(trendOf(report, 'cpi').points.map((point) => point.band)).toEqual([
      'poor',
      'poor',
      'poor',
      'poor',
    ]);
    // SPI: 0.833 poor, 0.96 good, 0.932 watch, 0.891 watch.
    expect(trendOf(report, 'spi').points.map((point) => point.band)).toEqual([
      'poor',
      'good',
      'watch',
      'watch',
    ]);
  });

  it('names the worst overrun in the drill-down and the action', () => {
    const cpi = trendOf(report, 'cpi');
    expect(cpi.drill[0]?.subject.name).toBe('Route optimisation');
    expect(cpi.action).toBe(
      'Cost performance is 0.77 in Q4 2027: each unit spent earns 0.77 of planned work. Route optimisation overruns most (spent €90 to earn €50; at this rate it will cost €180 against €100): review its budget and scope with its owner, or stop it.',
    );
    // Cost variance ranks by CV as a % of BAC: Data lake −60 %, Route optimisation −40 %.
    expect(trendOf(report, 'cost-variance').drill.map((row) => row.value)).toEqual([
      -60, -40, -10, 0,
    ]);
  });

  it('leaves CPI, SPI and EAC out, with the reason, where a denominator is 0', () => {
    // As of 31 Jan 2027 with nothing reported: EV = AC = 0.
    const early = computeMetrics(
      { ...portfolio, actuals: [] },
      portfolio.snapshots ?? [],
      '2027-01-31',
    );
    const figures = early.earnedValue?.portfolio;
    expect(figures?.cpi).toBeUndefined();
    expect(figures?.eac).toBeUndefined();
    expect(figures?.reasons?.cpi).toBe('No actual spend is recorded yet, so there is no CPI.');
    expect(trendOf(early, 'cpi').points[0]?.reason).toBe(
      'No actual spend is recorded yet, so there is no CPI.',
    );
    // PV by 31 Jan: A and C each 31/90 of Q1 → ½ × 31/90 of their scope; SPI = 0 ÷ PV = 0.
    expect(figures?.spi).toBe(0);
  });
});

describe('benefit realization', () => {
  it('from measures: Σ progress ÷ Σ expected progress on the straight line', () => {
    // Both lines run from 1 Jan 2027 (the first reading) to 31 Dec 2027: 364 days.
    // Q1 (31 Mar, day 89): both at their baseline, progress 0 → 0 %.
    // Q2 (30 Jun, day 180): Online share 26 → (26 − 20)/(40 − 20) = 0.3; Cost per delivery 10 → 0;
    //     expected 180/364 each: 0.3 ÷ (2 × 180/364) = 30.33 %.
    // Q3 (30 Sep, day 272): the same readings: 0.3 ÷ (2 × 272/364) = 20.07 %.
    // Q4 (31 Dec): 36 → 0.8; 8.2 → (8.2 − 10)/(8 − 10) = 0.9; expected 1 each: 1.7 ÷ 2 = 85 %.
    close(values(report, 'benefit-measures'), [
      0,
      (0.3 / ((2 * 180) / 364)) * 100,
      (0.3 / ((2 * 272) / 364)) * 100,
      85,
    ]);
    const trend = trendOf(report, 'benefit-measures');
    expect(trend.latest?.band).toBe('watch');
    expect(trend.drill.map((row) => [row.subject.name, row.value])).toEqual([
      ['Online share', 80],
      ['Cost per delivery', 90],
    ]);
    expect(trend.action).toBe(
      'Success measures are at 85 % of the progress expected by Q4 2027. Online share (Grow online sales) is furthest behind at 80 % of the way against 100 % expected: review the initiatives that serve Grow online sales, or reset the target with a decision.',
    );
  });

  it('from initiatives: benefit realized ÷ benefit expected of the work delivered', () => {
    // Q1: nothing delivered → no value. Q2: A delivered (100 % in Q2), 0 of 400 realized → 0 %.
    // Q3: A and C (100 % in Q3) delivered: 100 ÷ (400 + 200) = 16.67 %.
    // Q4: A 100 + 150 = 250, C 50: 300 ÷ 600 = 50 %.
    close(values(report, 'benefit-realized'), [undefined, 0, (100 / 600) * 100, 50]);
    const trend = trendOf(report, 'benefit-realized');
    expect(trend.points[0]?.reason).toBe(
      'No initiative with an expected benefit was delivered by then.',
    );
    // Worst first: C 50/200 = 25 %, A 250/400 = 62.5 %.
    expect(trend.drill.map((row) => [row.subject.name, row.value])).toEqual([
      ['Data lake', 25],
      ['Checkout revamp', 62.5],
    ]);
    expect(trend.action).toContain('Data lake has realized €50 of €200');
  });
});

describe('portfolio alignment over the snapshots and now', () => {
  it('scores the funded plan of each snapshot, then now', () => {
    // Score = 100 × aligned share × (1 − ½ Σ |leaf share − weight|).
    // December: funded spend A 200 + C 100 + B 100 = 400; aligned A + B = 300 (0.75); split
    //   grow 2/3, cut 1/3 against 0.6/0.4: F = 1 − ½ (1/15 + 1/15) = 14/15; 100 × 0.75 × 14/15 = 70.
    // March: + D 60: 460 funded, aligned 360; grow 200/360, cut 160/360: F = 1 − 2/45 = 43/45;
    //   100 × 360/460 × 43/45 = 74.78.
    // Now: + E 20 (serves cut): 480 funded, aligned 380; grow 200/380, cut 180/380: F = 1 −
    //   (0.6 − 200/380) = 352/380; 100 × 380/480 × 352/380 = 73.33.
    close(values(report, 'alignment'), [70, (360 / 460) * (43 / 45) * 100, (352 / 480) * 100]);
    const trend = trendOf(report, 'alignment');
    expect(trend.points.map((point) => point.key)).toEqual(['snap-dec', 'snap-mar', 'now']);
    expect(trend.direction).toEqual({ change: 'down', better: false });
    expect(trend.action).toBeUndefined();
    // Funded but linked to no objective, most spend first.
    expect(trend.drill.map((row) => row.subject.name)).toEqual(['Data lake', 'Legacy cleanup']);
  });
});

describe('capacity utilization', () => {
  it('is actual effort ÷ capacity per team and quarter, beside the plan', () => {
    // Platform (10): Q1 A 4 → 40 % (planned A 4 → 40 %); Q2 A 5 → 50 % (40 %); Q3 B 6 + D 5 →
    //   110 % (B 4 + D 3 → 70 %); Q4 B 6 + D 6 → 120 % (70 %).
    // Data (5): Q1 C 4 → 80 % (C 4 → 80 %); Q2 C 4 → 80 % (80 %); Q3 C 5 → 100 % (80 %);
    //   Q4 nothing recorded → none (0 % planned).
    expect(
      report.utilization.map((row) => [
        row.teamId,
        row.periodId,
        row.actual,
        row.planned,
        row.band,
      ]),
    ).toEqual([
      ['platform', 'q1', 40, 40, 'watch'],
      ['data', 'q1', 80, 80, 'good'],
      ['platform', 'q2', 50, 40, 'watch'],
      ['data', 'q2', 80, 80, 'good'],
      ['platform', 'q3', 110, 70, 'poor'],
      ['data', 'q3', 100, 80, 'good'],
      ['platform', 'q4', 120, 70, 'poor'],
      ['data', 'q4', undefined, 0, 'none'],
    ]);
  });

  it('trends Σ effort ÷ Σ capacity of the teams that recorded effort', () => {
    // Q1 (4 + 4)/(10 + 5) = 53.33 %; Q2 (5 + 4)/15 = 60 %; Q3 (11 + 5)/15 = 106.67 %; Q4 12/10.
    close(values(report, 'utilization'), [(8 / 15) * 100, 60, (16 / 15) * 100, 120]);
    const trend = trendOf(report, 'utilization');
    expect(trend.drill[0]?.detail).toBe('Used 12 of 10 FTE in Q4 2027 (120 %); 70 % planned.');
    // Over 100 % in Q3 and Q4; Route optimisation v2 is the lowest-ranked work on Platform not
    // yet under way.
    expect(trend.action).toBe(
      'Platform has been over 100 % for two quarters: add capacity or move Route optimisation v2 later.',
    );
  });
});

describe('throughput and intake', () => {
  it('counts the initiatives first reported 100 % done per quarter', () => {
    // A in Q2, C in Q3, D in Q4; F is marked done with no report, so it is not counted.
    close(values(report, 'throughput'), [0, 1, 1, 1]);
    const trend = trendOf(report, 'throughput');
    expect(trend.drill.map((row) => row.subject.name)).toEqual([
      'Legacy cleanup',
      'Fleet telemetry',
    ]);
    expect(trend.direction).toEqual({ change: 'flat', better: false });
  });

  it('gives the share approved of the proposals decided per quarter', () => {
    // Q2: Loyalty app approved, Drone delivery rejected → 50 %. Q4: Chatbot approved → 100 %.
    close(values(report, 'intake-approval'), [undefined, 50, undefined, 100]);
    expect(trendOf(report, 'intake-approval').latest?.band).toBe('watch');
  });
});

describe('the dashboard', () => {
  it('has one number per metric, at most ten, with value, band and direction', () => {
    expect(report.dashboard.map((entry) => entry.id)).toEqual([...METRIC_IDS]);
    expect(report.dashboard.length).toBeLessThanOrEqual(10);
    const predictability = report.dashboard[0];
    expect(predictability).toEqual({
      id: 'predictability',
      name: 'Predictability',
      value: 70,
      unit: '%',
      band: 'poor',
      direction: { change: 'down', better: false },
    });
  });
});
