/**
 * The PMO's own quarterly self-review (continuous evolution): the questions, each answer's trend
 * across reviews, and the metrics nobody opened or used in a decision since the last review.
 */
import type { Decision } from '../portfolio/types';
import type { MetricId, MetricsReport, SelfReview } from './types';

export type SelfReviewQuestion = {
  readonly id: string;
  readonly question: string;
  /** What a 5 looks like, in a sentence. */
  readonly hint: string;
  /** Where it comes from: the essay's questions, or PMO maturity models. */
  readonly source: 'essay' | 'maturity';
};

/** The built-in questions, in the order the questionnaire asks them. */
export const SELF_REVIEW_QUESTIONS: readonly SelfReviewQuestion[] = [
  {
    id: 'cadences-relevant',
    question: 'Are our cadences still relevant?',
    hint: 'Every recurring meeting has a purpose, the right people come, and each one leads to decisions.',
    source: 'essay',
  },
  {
    id: 'tracking-what-matters',
    question: 'Are we tracking what matters?',
    hint: 'The metrics we report are the ones leaders act on; none is kept only out of habit.',
    source: 'essay',
  },
  {
    id: 'seat-at-the-table',
    question: 'Does the PMO have a seat at the table?',
    hint: 'The PMO is in the room when strategy and funding are decided, not told afterwards.',
    source: 'essay',
  },
  {
    id: 'benefits-after-delivery',
    question: 'Do we track benefits after delivery?',
    hint: 'Every delivered initiative has a benefit owner, and realized benefits are recorded each period.',
    source: 'maturity',
  },
  {
    id: 'decisions-with-rationale',
    question: 'Are decisions recorded with their rationale?',
    hint: 'Every gate, stop and re-prioritization is in the decision log with why and who decided.',
    source: 'maturity',
  },
  {
    id: 'capacity-before-commitment',
    question: 'Do we plan capacity before we commit?',
    hint: 'Nothing is committed before the teams it needs are shown to have room for it.',
    source: 'maturity',
  },
  {
    id: 'actuals-on-time',
    question: 'Are actuals complete and on time?',
    hint: 'Spend, effort and progress are entered for every active initiative within two weeks of a period’s end.',
    source: 'maturity',
  },
  {
    id: 'stop-work',
    question: 'Do we stop work that no longer pays?',
    hint: 'Initiatives that fall behind their case are reviewed and, where it is right, stopped.',
    source: 'maturity',
  },
];

/** One question's scores across self-reviews, oldest first. */
export type SelfReviewQuestionTrend = {
  readonly questionId: string;
  /** The question as last asked. */
  readonly question: string;
  readonly points: readonly {
    readonly reviewId: string;
    readonly date: string;
    readonly score: number;
  }[];
  readonly latest?: number;
  readonly direction?: { readonly change: 'up' | 'down' | 'flat'; readonly better: boolean };
};

export type SelfReviewTrend = {
  /** The mean score of each review, oldest first. */
  readonly overall: readonly {
    readonly reviewId: string;
    readonly date: string;
    readonly mean?: number;
  }[];
  /** Built-in questions first (in their order), then custom ones by first appearance. */
  readonly questions: readonly SelfReviewQuestionTrend[];
};

/** Reviews by date, oldest first; of those on one date, in the order given. */
function byDate(reviews: readonly SelfReview[]): SelfReview[] {
  return reviews
    .map((review, order) => ({ review, order }))
    .sort((a, b) =>
      a.review.date < b.review.date ? -1 : a.review.date > b.review.date ? 1 : a.order - b.order,
    )
    .map(({ review }) => review);
}

/** Scores outside 1..5 (or not finite) are left out of the trend. */
function validScore(score: number): boolean {
  return Number.isFinite(score) && score >= 1 && score <= 5;
}

/**
 * Each question's trend across `reviews` (any order; taken by date), and each review's mean
 * score. A question's direction compares its latest two scores: up is better.
 */
export function selfReviewTrend(reviews: readonly SelfReview[]): SelfReviewTrend {
  const sorted = byDate(reviews);
  const builtIn = new Map(SELF_REVIEW_QUESTIONS.map((question, index) => [question.id, index]));
  const trends = new Map<
    string,
    { question: string; points: { reviewId: string; date: string; score: number }[] }
  >();
  for (const question of SELF_REVIEW_QUESTIONS) {
    trends.set(question.id, { question: question.question, points: [] });
  }
  const overall: { reviewId: string; date: string; mean?: number }[] = [];
  for (const review of sorted) {
    const scores: number[] = [];
    for (const answer of review.answers) {
      if (!validScore(answer.score)) continue;
      scores.push(answer.score);
      const entry = trends.get(answer.questionId) ?? { question: answer.question, points: [] };
      entry.question = answer.question || entry.question;
      entry.points.push({ reviewId: review.id, date: review.date, score: answer.score });
      trends.set(answer.questionId, entry);
    }
    overall.push({
      reviewId: review.id,
      date: review.date,
      ...(scores.length > 0 && {
        mean:
          Math.round((scores.reduce((sum, score) => sum + score, 0) / scores.length) * 100) / 100,
      }),
    });
  }
  const questions: SelfReviewQuestionTrend[] = [...trends]
    .filter(([id, entry]) => builtIn.has(id) || entry.points.length > 0)
    .map(([questionId, entry]) => {
      const last = entry.points[entry.points.length - 1];
      const before = entry.points[entry.points.length - 2];
      const change =
        last && before
          ? last.score > before.score
            ? 'up'
            : last.score < before.score
              ? 'down'
              : 'flat'
          : undefined;
      return {
        questionId,
        question: entry.question,
        points: entry.points,
        ...(last && { latest: last.score }),
        ...(change && { direction: { change, better: change === 'up' } }),
      };
    });
  return { overall, questions };
}

/** The latest self-review by date (the last listed of those on one date), if any. */
export function latestSelfReview(reviews: readonly SelfReview[]): SelfReview | undefined {
  const sorted = byDate(reviews);
  return sorted[sorted.length - 1];
}

export type RetireCandidate = {
  readonly id: MetricId;
  readonly name: string;
  /** The last day it was opened, if ever. */
  readonly lastOpened?: string;
  /** The last decision that named it, if any. */
  readonly lastDecision?: string;
  /** Why it is a candidate, in a sentence. */
  readonly reason: string;
};

/**
 * Metrics of `report` nobody opened (`usage`: metric id → ISO date it was last opened) and no
 * decision named (a concern of kind 'metric') on or after `lastReviewDate` (the latest
 * self-review's date; undefined: ever), in the report's order.
 */
export function retireCandidates(
  report: Pick<MetricsReport, 'definitions'>,
  usage: Readonly<Record<string, string>>,
  lastReviewDate: string | undefined,
  decisions: readonly Decision[],
): RetireCandidate[] {
  const since = lastReviewDate?.slice(0, 10);
  const after = (date: string | undefined) =>
    date !== undefined && (since === undefined || date.slice(0, 10) >= since);
  const candidates: RetireCandidate[] = [];
  for (const definition of report.definitions) {
    const opened = usage[definition.id];
    let lastDecision: string | undefined;
    for (const decision of decisions) {
      const names = (decision.concerns ?? []).some(
        (concern) => concern.kind === 'metric' && concern.id === definition.id,
      );
      if (names && (lastDecision === undefined || decision.date > lastDecision)) {
        lastDecision = decision.date;
      }
    }
    if (after(opened) || after(lastDecision)) continue;
    const when = since === undefined ? 'yet' : `since the self-review of ${since}`;
    candidates.push({
      id: definition.id,
      name: definition.name,
      ...(opened !== undefined && { lastOpened: opened }),
      ...(lastDecision !== undefined && { lastDecision }),
      reason: `Nobody has opened ${definition.name} or named it in a decision ${when}.`,
    });
  }
  return candidates;
}
