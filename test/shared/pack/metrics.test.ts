/**
 * The pack's metrics section as content (shared/pack/metrics.ts): when it prints, what its lead
 * says, which metrics it draws and in what order, the worst offenders it lists, the baseline
 * note, and the self-review beside the ones before it (means worked out by hand below). The
 * metrics themselves are a report written by hand (metrics-fixture.ts).
 */
import { describe, expect, it } from 'vitest';
import { DEMO_PORTFOLIO } from '../../../shared/demo/demo-portfolio';
import {
  MAX_OFFENDERS,
  metricsSummary,
  packMetrics,
  packNeedsMetrics,
  packSelfReview,
  packUtilization,
  scoreText,
} from '../../../shared/pack/metrics';
import {
  checkPackInput,
  defaultPackSettings,
  reviewPackSettings,
} from '../../../shared/pack/settings';
import {
  PACK_SECTIONS,
  REVIEW_PACK_SECTIONS,
  SECTION_INFO,
  type PackInput,
} from '../../../shared/pack/types';
import type { MetricsReport } from '../../../shared/metrics/types';
import type { Portfolio } from '../../../shared/portfolio/types';
import { AS_OF, PREDICTABILITY_ACTION, QUESTIONS, REPORT, SELF_REVIEWS } from './metrics-fixture';

const settings = { ...defaultPackSettings(DEMO_PORTFOLIO, AS_OF), sections: ['metrics' as const] };

/** The pack's input; `null`: without metrics. */
function input(
  portfolio: Portfolio = DEMO_PORTFOLIO,
  metrics: MetricsReport | null = REPORT,
): PackInput {
  return { portfolio, settings, ...(metrics && { metrics }) };
}

const withoutActuals: Portfolio = { ...DEMO_PORTFOLIO, actuals: [] };

function section(summary: ReturnType<typeof metricsSummary>) {
  if (summary.kind !== 'section') throw new Error('expected a metrics section');
  return summary;
}

describe('whether the pack has a metrics section', () => {
  it('is a section of its own, "Metrics that drive action", chosen by default', () => {
    expect(PACK_SECTIONS).toContain('metrics');
    expect(SECTION_INFO.metrics.title).toBe('Metrics that drive action');
    expect(defaultPackSettings(DEMO_PORTFOLIO, AS_OF).sections).toContain('metrics');
  });

  it('is in the portfolio review’s and the value review’s packs, not the others', () => {
    expect(REVIEW_PACK_SECTIONS['portfolio-review']).toEqual([
      'cover',
      'summary',
      'changes',
      'metrics',
      'ranked',
      'heatmap',
      'decisions',
      'minutes',
    ]);
    expect(REVIEW_PACK_SECTIONS['value-review']).toEqual([
      'cover',
      'summary',
      'value-effort',
      'metrics',
      'changes',
      'minutes',
    ]);
    expect(REVIEW_PACK_SECTIONS['alignment-checkpoint']).not.toContain('metrics');
    expect(REVIEW_PACK_SECTIONS.other).not.toContain('metrics');
    const review = { title: 'Q1 value review', kind: 'value-review' as const, date: '2027-01-20' };
    expect(reviewPackSettings(DEMO_PORTFOLIO, review).sections).toContain('metrics');
  });

  it('is left out without actuals and without a self-review, as intake is without proposals', () => {
    expect(metricsSummary(input(withoutActuals, null))).toEqual({ kind: 'none' });
    // A self-review dated after the pack does not count.
    const later = { ...withoutActuals, selfReviews: [SELF_REVIEWS[2]!] };
    expect(later.selfReviews[0]?.date).toBe('2027-03-31');
    expect(metricsSummary(input(later, null))).toEqual({ kind: 'none' });
  });

  it('says in a sentence that there are no actuals yet, and still shows a self-review', () => {
    const summary = section(
      metricsSummary(input({ ...withoutActuals, selfReviews: SELF_REVIEWS }, null)),
    );
    expect(summary.measured).toBe(false);
    expect(summary.lead).toBe(
      'No actuals are recorded yet, so there is nothing to measure delivery, spend or benefits against: enter each period’s spend, effort and progress in Metrics → Actuals.',
    );
    expect(summary.metrics).toEqual([]);
    expect(summary.selfReview?.latest.id).toBe('sr-3');
  });

  it('says so when the caller did not compute the metrics', () => {
    const summary = section(metricsSummary(input(DEMO_PORTFOLIO, null)));
    expect(summary.measured).toBe(false);
    expect(summary.lead).toMatch(/^The metrics were not computed for this pack\./);
  });

  it('needs the metrics computed only for a pack with the section and a portfolio with actuals', () => {
    expect(packNeedsMetrics(DEMO_PORTFOLIO, ['cover', 'metrics'])).toBe(true);
    expect(packNeedsMetrics(DEMO_PORTFOLIO, ['cover', 'ranked'])).toBe(false);
    expect(packNeedsMetrics(withoutActuals, ['metrics'])).toBe(false);
    expect(packMetrics(withoutActuals, [], { date: AS_OF, sections: ['metrics'] })).toBeUndefined();
    expect(packMetrics(DEMO_PORTFOLIO, [], { date: AS_OF, sections: ['ranked'] })).toBeUndefined();
  });
});

describe('the metrics the section prints', () => {
  const summary = section(metricsSummary(input()));

  it('opens with how many metrics are in band, which are poor, and which suggest an action', () => {
    // Dashboard: predictability 74 poor, CPI 0.98 good, throughput 3 (no band), benefit
    // (measures) no value: 3 of 4 have a value; 1 good, 1 poor.
    expect(summary.lead).toBe(
      'As of 2027-01-15, 3 of the 4 dashboard metrics have a value: 1 in the good band and 1 poor (Predictability). An action is suggested for Predictability.',
    );
    expect(summary.asOf).toBe(AS_OF);
    expect(summary.currency).toBe('EUR');
    expect(summary.dashboard).toBe(REPORT.dashboard);
  });

  it('draws the metrics with a value in dashboard order, and names those without one and why', () => {
    expect(summary.metrics.map((metric) => metric.id)).toEqual([
      'predictability',
      'cpi',
      'utilization',
      'throughput',
    ]);
    expect(summary.unmeasured).toEqual([
      {
        id: 'benefit-measures',
        name: 'Benefit realization (measures)',
        // The point's reason, to read on after a colon.
        reason: 'no success measure has a target yet',
      },
    ]);
  });

  it('lists the worst offenders out of band, at most three, and counts the rest', () => {
    const [predictability, cpi, , throughput] = summary.metrics;
    expect(MAX_OFFENDERS).toBe(3);
    // Five of the six rows are out of band (poor or watch); NIS2 controls is in band.
    expect(predictability?.offenders.map((row) => row.subject.name)).toEqual([
      'Route optimisation v2',
      'WMS upgrade',
      'Telematics rollout',
    ]);
    expect(predictability?.moreOffenders).toBe(2);
    expect(predictability?.offendersAre).toBe('out');
    expect(predictability?.trend.action).toBe(PREDICTABILITY_ACTION);
    // Every initiative behind CPI is in band: nothing to list.
    expect(cpi?.offenders).toEqual([]);
    expect(cpi?.offendersAre).toBe('none');
    // Throughput's rows carry no band: its first rows are listed as what is behind it.
    expect(throughput?.offenders.map((row) => row.subject.name)).toEqual([
      'Proof of delivery',
      'Dock scheduling',
    ]);
    expect(throughput?.offendersAre).toBe('first');
  });

  it('tables utilization per team over the latest periods with actuals, actual beside planned', () => {
    // Q2 and Q3 have actuals (Data in Q2, both in Q3); Q4 is planned only and left out.
    expect(packUtilization(REPORT)).toEqual({
      periods: [
        { id: 'q2', label: '2026 Q2' },
        { id: 'q3', label: '2026 Q3' },
      ],
      teams: [
        { id: 'platform', name: 'Platform', cells: REPORT.utilization.slice(0, 2) },
        { id: 'data', name: 'Data', cells: REPORT.utilization.slice(3, 5) },
      ],
    });
    expect(summary.utilization).toEqual(packUtilization(REPORT));
    expect(packUtilization({ ...REPORT, utilization: [] })).toBeUndefined();
    // Six periods with actuals: the latest four.
    const many = Array.from({ length: 6 }, (_, index) => ({
      teamId: 'platform',
      teamName: 'Platform',
      periodId: `p${index}`,
      periodLabel: `P${index}`,
      actual: 80,
      band: 'good' as const,
    }));
    expect(
      packUtilization({ ...REPORT, utilization: many })?.periods.map((period) => period.id),
    ).toEqual(['p2', 'p3', 'p4', 'p5']);
  });

  it('says which metrics are measured against the current plan for want of a snapshot', () => {
    expect(summary.baselineNote).toBe(
      'No snapshot was taken before the periods measured, so Predictability is measured against the current plan, not the plan committed at each period’s start. Holding a review in Cadence takes a snapshot.',
    );
  });

  it('leads differently when no metric has a value or none suggests an action', () => {
    const none = section(
      metricsSummary(
        input(DEMO_PORTFOLIO, {
          ...REPORT,
          dashboard: REPORT.dashboard.map(({ value: _value, ...entry }) => entry),
          trends: [],
        }),
      ),
    );
    expect(none.lead).toBe(
      'As of 2027-01-15, no metric has a value yet: the actuals recorded do not reach a period that can be measured.',
    );
    const calm = section(
      metricsSummary(
        input(DEMO_PORTFOLIO, {
          ...REPORT,
          trends: REPORT.trends.map(({ action: _action, ...trend }) => trend),
        }),
      ),
    );
    expect(calm.lead).toMatch(/ No metric is out of its band enough to suggest an action\.$/);
    expect(calm.baselineNote).toBeDefined();
  });
});

describe('the self-review in the pack', () => {
  const portfolio = { ...DEMO_PORTFOLIO, selfReviews: SELF_REVIEWS };

  it('shows the latest by the pack’s date beside the ones before it, question by question', () => {
    const review = packSelfReview(portfolio, AS_OF);
    expect(review?.latest.id).toBe('sr-3');
    // Oldest first; 2027-03-31 is after the pack's date.
    expect(review?.dates).toEqual(['2026-06-30', '2026-09-30', '2027-01-10']);
    expect(review?.rows).toEqual([
      { questionId: 'cadences', question: QUESTIONS.CADENCES, scores: [2, 3, 4] },
      {
        questionId: 'tracking',
        question: QUESTIONS.TRACKING,
        scores: [3, 3, 2],
        note: 'Benefits are not tracked after delivery.',
      },
      { questionId: 'seat', question: QUESTIONS.SEAT, scores: [undefined, 4, 4] },
      {
        questionId: 'custom-1',
        question: QUESTIONS.OWN,
        scores: [undefined, undefined, 1],
        note: 'Most read it in the room.',
      },
    ]);
    // Means: (2 + 3) / 2 = 2.5; (3 + 3 + 4) / 3 = 3.33…; (4 + 2 + 4 + 1) / 4 = 2.75.
    expect(review?.averages[0]).toBe(2.5);
    expect(review?.averages[1]).toBeCloseTo(10 / 3, 10);
    expect(review?.averages[2]).toBe(2.75);
    // 2.75 shows as 2.8 and 3.33 as 3.3; the change 2.75 − 3.33 = −0.58 is "down".
    expect(review?.lead).toBe(
      `The PMO reviewed itself on 2027-01-10: 4 questions scored from 1 (not at all) to 5 (fully), 2.8 on average, down from 3.3 on 2026-09-30. Lowest: “${QUESTIONS.OWN}” (1 of 5).`,
    );
  });

  it('as of an earlier date, the review of that day, and the first one says it is the first', () => {
    expect(packSelfReview(portfolio, '2026-09-30')?.latest.id).toBe('sr-2');
    const first = packSelfReview(portfolio, '2026-07-01');
    expect(first?.dates).toEqual(['2026-06-30']);
    expect(first?.lead).toBe(
      'The PMO reviewed itself on 2026-06-30: 2 questions scored from 1 (not at all) to 5 (fully), 2.5 on average; it is the first self-review. Lowest: “Are our cadences still relevant?” (2 of 5).',
    );
    expect(packSelfReview(portfolio, '2026-06-29')).toBeUndefined();
  });

  it('shows at most four reviews side by side', () => {
    const many = Array.from({ length: 6 }, (_, index) => ({
      id: `sr-${index}`,
      date: `2026-0${index + 1}-15`,
      answers: [{ questionId: 'cadences', question: QUESTIONS.CADENCES, score: (index % 5) + 1 }],
    }));
    const review = packSelfReview({ ...DEMO_PORTFOLIO, selfReviews: many }, AS_OF);
    expect(review?.dates).toEqual(['2026-03-15', '2026-04-15', '2026-05-15', '2026-06-15']);
    // Scores 3, 4, 5, 1: the last two means are 5 then 1.
    expect(review?.rows[0]?.scores).toEqual([3, 4, 5, 1]);
    expect(review?.lead).toMatch(/1 on average, down from 5 on 2026-05-15\./);
  });

  it('writes a mean with at most one decimal', () => {
    expect([scoreText(3), scoreText(2.75), scoreText(10 / 3), scoreText(4.96)]).toEqual([
      '3',
      '2.8',
      '3.3',
      '5',
    ]);
  });
});

describe('the pack input with metrics', () => {
  it('accepts a metrics report and names what is wrong with a broken one', () => {
    expect(checkPackInput(input()).ok).toBe(true);
    expect(checkPackInput({ ...input(), metrics: { asOf: AS_OF, trends: [] } })).toEqual({
      ok: false,
      error: "The pack's metrics, definitions: expected a list.",
    });
    expect(
      checkPackInput({ ...input(), metrics: { ...REPORT, trends: [{ id: 'cpi', points: [] }] } }),
    ).toEqual({
      ok: false,
      error: "The pack's metrics, trends[0]: expected an id, points and drill-down rows.",
    });
    expect(
      checkPackInput({ ...input(), portfolio: { ...DEMO_PORTFOLIO, selfReviews: [{ id: 'x' }] } }),
    ).toEqual({
      ok: false,
      error: 'The pack input has self-reviews that are not a list of dated reviews with answers.',
    });
  });
});

describe('the lead with many actions', () => {
  it('counts them rather than naming each, and names only the poor metrics', () => {
    // Three trends with an action: Predictability (poor), CPI made "watch" with an action, and
    // Throughput with an action.
    const report: MetricsReport = {
      ...REPORT,
      trends: REPORT.trends.map((trend) =>
        trend.id === 'cpi' || trend.id === 'throughput' ? { ...trend, action: 'Act.' } : trend,
      ),
      dashboard: REPORT.dashboard.map((entry) =>
        entry.id === 'cpi' ? { ...entry, band: 'watch' as const } : entry,
      ),
    };
    const summary = section(metricsSummary(input(DEMO_PORTFOLIO, report)));
    expect(summary.lead).toBe(
      'As of 2027-01-15, 3 of the 4 dashboard metrics have a value: 1 to watch and 1 poor (Predictability). 3 metrics suggest an action, each set out below with the worst offenders behind it.',
    );
  });
});
