import { describe, expect, it } from 'vitest';
import { METRIC_DEFINITIONS, metricDefinitions } from '../../../shared/metrics/definitions';
import {
  latestSelfReview,
  retireCandidates,
  SELF_REVIEW_QUESTIONS,
  selfReviewTrend,
} from '../../../shared/metrics/self-review';
import { directionOf } from '../../../shared/metrics/trend';
import type { SelfReview } from '../../../shared/metrics/types';
import type { Decision } from '../../../shared/portfolio/types';

const answer = (questionId: string, score: number, question = questionId) => ({
  questionId,
  question,
  score,
});

const reviews: SelfReview[] = [
  {
    id: 'r2',
    date: '2027-06-28',
    answers: [
      answer('cadences-relevant', 4),
      answer('tracking-what-matters', 2),
      answer('custom-pmo-1', 3, 'Do sponsors read the pack?'),
    ],
  },
  {
    id: 'r1',
    date: '2027-03-29',
    answers: [answer('cadences-relevant', 3), answer('tracking-what-matters', 3)],
  },
];

describe('the self-review questions', () => {
  it('ask the essay’s three questions and a few from maturity models, ids unique', () => {
    const essay = SELF_REVIEW_QUESTIONS.filter((question) => question.source === 'essay');
    expect(essay.map((question) => question.id)).toEqual([
      'cadences-relevant',
      'tracking-what-matters',
      'seat-at-the-table',
    ]);
    const maturity = SELF_REVIEW_QUESTIONS.length - essay.length;
    expect(maturity).toBeGreaterThanOrEqual(4);
    expect(maturity).toBeLessThanOrEqual(6);
    expect(new Set(SELF_REVIEW_QUESTIONS.map((question) => question.id)).size).toBe(
      SELF_REVIEW_QUESTIONS.length,
    );
  });
});

describe('selfReviewTrend', () => {
  const trend = selfReviewTrend(reviews);

  it('takes the reviews by date and gives each review’s mean', () => {
    // r1: (3 + 3)/2 = 3; r2: (4 + 2 + 3)/3 = 3.
    expect(trend.overall).toEqual([
      { reviewId: 'r1', date: '2027-03-29', mean: 3 },
      { reviewId: 'r2', date: '2027-06-28', mean: 3 },
    ]);
  });

  it('gives each question its scores and direction, custom questions after the built-in ones', () => {
    const byId = new Map(trend.questions.map((question) => [question.questionId, question]));
    expect(byId.get('cadences-relevant')?.points.map((point) => point.score)).toEqual([3, 4]);
    expect(byId.get('cadences-relevant')?.direction).toEqual({ change: 'up', better: true });
    expect(byId.get('tracking-what-matters')?.direction).toEqual({ change: 'down', better: false });
    expect(byId.get('seat-at-the-table')?.points).toEqual([]);
    const last = trend.questions[trend.questions.length - 1];
    expect(last?.questionId).toBe('custom-pmo-1');
    expect(last?.question).toBe('Do sponsors read the pack?');
    expect(last?.latest).toBe(3);
  });

  it('finds the latest review', () => {
    expect(latestSelfReview(reviews)?.id).toBe('r2');
    expect(latestSelfReview([])).toBeUndefined();
  });
});

describe('retireCandidates', () => {
  const report = { definitions: metricDefinitions() };
  const decision = (date: string, metric: string): Decision => ({
    id: `d-${metric}-${date}`,
    date,
    kind: 'review',
    title: 'Review',
    decision: 'Act',
    concerns: [{ kind: 'metric', id: metric }],
  });

  it('lists the metrics nobody opened or named in a decision since the last self-review', () => {
    const usage = {
      predictability: '2027-07-02',
      cpi: '2027-06-01',
      utilization: '2027-06-28',
    };
    const decisions = [decision('2027-07-10', 'spi'), decision('2027-05-01', 'throughput')];
    const candidates = retireCandidates(report, usage, '2027-06-28', decisions);
    const ids = candidates.map((candidate) => candidate.id);
    // Opened since: predictability, utilization (on the day counts). Decided since: spi.
    expect(ids).not.toContain('predictability');
    expect(ids).not.toContain('utilization');
    expect(ids).not.toContain('spi');
    expect(ids).toContain('cpi');
    expect(ids).toContain('throughput');
    const cpi = candidates.find((candidate) => candidate.id === 'cpi');
    expect(cpi).toEqual({
      id: 'cpi',
      name: METRIC_DEFINITIONS.cpi.name,
      lastOpened: '2027-06-01',
      reason:
        'Nobody has opened Cost performance (CPI) or named it in a decision since the self-review of 2027-06-28.',
    });
    expect(candidates.find((candidate) => candidate.id === 'throughput')?.lastDecision).toBe(
      '2027-05-01',
    );
  });

  it('without a self-review yet, lists those never opened nor decided on', () => {
    const candidates = retireCandidates(report, { cpi: '2027-01-01' }, undefined, []);
    expect(candidates).toHaveLength(metricDefinitions().length - 1);
    expect(candidates[0]?.reason).toBe(
      'Nobody has opened Predictability or named it in a decision yet.',
    );
  });
});

describe('directionOf', () => {
  it('says whether a change is better for the metric', () => {
    expect(directionOf('cpi', 0.8, 0.9)).toEqual({ change: 'up', better: true });
    // Utilization is best inside 70–100: 120 → 105 is down and better, 90 → 60 down and worse.
    expect(directionOf('utilization', 120, 105)).toEqual({ change: 'down', better: true });
    expect(directionOf('utilization', 90, 60)).toEqual({ change: 'down', better: false });
    // Within half a point a percentage is flat.
    expect(directionOf('predictability', 90, 90.4)).toEqual({ change: 'flat', better: false });
  });
});
