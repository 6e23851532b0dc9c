/**
 * The metrics' data in the portfolio file: an actual's confidence and realized benefit, an
 * initiative's expected benefit, the PMO's `selfReviews`, and decisions about a metric. Read
 * strictly (a file the editor could not have made is refused, by path), written canonically, and
 * round-tripped byte for byte.
 */
import { describe, expect, it } from 'vitest';
import { METRIC_IDS } from '../../../shared/metrics/types';
import {
  MAX_SELF_REVIEW_ANSWERS,
  MAX_SELF_REVIEWS,
  MAX_TEXT_LENGTH,
} from '../../../shared/portfolio/limits';
import {
  SELF_REVIEW_SCORE_MESSAGE,
  checkRecord,
  readPortfolioText,
  restorePortfolio,
  type PortfolioProblem,
} from '../../../shared/portfolio/restore';
import type { Portfolio } from '../../../shared/portfolio/types';
import { writePortfolio } from '../../../shared/portfolio/write';
import { change } from '../../../shared/store/changes';
import { problemsAfter, problemsOf } from '../../../shared/store/check';
import { applyChanges, portfolioToState, stateToPortfolio } from '../../../shared/store/state';
import { smallPortfolioFile } from './fixtures';

const KEYS = {
  between: () => 'm',
  spread: (_before: string | null, _after: string | null, count: number) =>
    Array.from({ length: count }, (_unused, index) => `a${index}`),
};

function read(file: unknown): Portfolio {
  const result = restorePortfolio(file);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.portfolio;
}

function problems(file: unknown): readonly PortfolioProblem[] {
  const result = restorePortfolio(file);
  if (result.ok) throw new Error('the file was accepted');
  return result.errors;
}

function paths(file: unknown): [string, string][] {
  return problems(file).map((problem) => [problem.path, problem.message]);
}

/** The small file with actuals that say how sure they are and what benefit came in, and self-reviews. */
function fileWithMetrics() {
  const file = smallPortfolioFile();
  file.initiatives[0].estimateRange = 0.2;
  file.initiatives[0].benefit = 900000;
  file.actuals = [
    {
      initiativeId: 'crm-revamp',
      periodId: '2027-Q1',
      spend: 95000,
      effort: { platform: 2, 'sales-ops': 1 },
      progress: 0.3,
      rag: 'amber',
      confidence: 'medium',
      benefit: 12000,
      note: 'Vendor late; first region live.',
    },
    { initiativeId: 'data-lake', periodId: '2027-Q1', progress: 1, confidence: 'high' },
  ];
  file.decisions = [
    {
      id: 'd-1',
      date: '2027-04-02',
      kind: 'review',
      title: 'Act on predictability',
      decision: 'Commit less next quarter.',
      concerns: [
        { kind: 'metric', id: 'predictability' },
        // A metric Baton no longer computes: the log outlives it.
        { kind: 'metric', id: 'velocity' },
      ],
    },
  ];
  file.selfReviews = [
    {
      id: 'sr-1',
      date: '2027-01-10',
      answers: [
        {
          questionId: 'cadences-relevant',
          question: 'Are our cadences still relevant?',
          score: 3,
          note: 'The monthly review runs long.',
        },
        { questionId: 'custom-1', question: 'Do teams read the pack?', score: 2 },
      ],
      notes: 'First self-review.',
    },
    { id: 'sr-2', date: '2027-04-10', answers: [] },
  ];
  return file;
}

describe('actuals, benefits and self-reviews in the file', () => {
  it('reads them, and writes them back byte for byte, in the documented key order', () => {
    const portfolio = read(fileWithMetrics());
    expect(portfolio.actuals?.[0]?.confidence).toBe('medium');
    expect(portfolio.actuals?.[0]?.benefit).toBe(12000);
    expect(portfolio.initiatives[0]?.benefit).toBe(900000);
    expect(portfolio.selfReviews?.map((review) => review.id)).toEqual(['sr-1', 'sr-2']);
    expect(portfolio.decisions?.[0]?.concerns).toEqual([
      { kind: 'metric', id: 'predictability' },
      { kind: 'metric', id: 'velocity' },
    ]);
    const text = writePortfolio(portfolio);
    const again = readPortfolioText(text);
    expect(again.ok && writePortfolio(again.portfolio)).toBe(text);
    const document = JSON.parse(text);
    expect(Object.keys(document).slice(-3)).toEqual(['actuals', 'decisions', 'selfReviews']);
    expect(Object.keys(document.actuals[0])).toEqual([
      'initiativeId',
      'periodId',
      'spend',
      'effort',
      'progress',
      'rag',
      'confidence',
      'benefit',
      'note',
    ]);
    expect(Object.keys(document.initiatives[0]).slice(-2)).toEqual(['estimateRange', 'benefit']);
    expect(Object.keys(document.selfReviews[0])).toEqual(['id', 'date', 'answers', 'notes']);
    expect(Object.keys(document.selfReviews[0].answers[0])).toEqual([
      'questionId',
      'question',
      'score',
      'note',
    ]);
  });

  it('writes the keys in the documented order whatever order a file gave them in', () => {
    const file = fileWithMetrics();
    const actual = file.actuals[0];
    file.actuals[0] = {
      note: actual.note,
      benefit: actual.benefit,
      confidence: actual.confidence,
      rag: actual.rag,
      periodId: actual.periodId,
      initiativeId: actual.initiativeId,
    };
    file.selfReviews[0] = {
      notes: 'Reordered.',
      answers: [{ note: 'n', score: 4, question: 'Q?', questionId: 'q' }],
      date: '2027-01-10',
      id: 'sr-1',
    };
    const document = JSON.parse(writePortfolio(read(file)));
    expect(Object.keys(document.actuals[0])).toEqual([
      'initiativeId',
      'periodId',
      'rag',
      'confidence',
      'benefit',
      'note',
    ]);
    expect(Object.keys(document.selfReviews[0])).toEqual(['id', 'date', 'answers', 'notes']);
    expect(Object.keys(document.selfReviews[0].answers[0])).toEqual([
      'questionId',
      'question',
      'score',
      'note',
    ]);
  });

  it('reads a self-review without answers as one with none, and a file without self-reviews as before', () => {
    const file = fileWithMetrics();
    delete file.selfReviews[1].answers;
    expect(read(file).selfReviews?.[1]?.answers).toEqual([]);
    delete file.selfReviews;
    const portfolio = read(file);
    expect(portfolio.selfReviews).toBeUndefined();
    expect(Object.keys(JSON.parse(writePortfolio(portfolio)))).not.toContain('selfReviews');
  });

  it('keeps unknown keys of a self-review and of an answer, after the known ones', () => {
    const file = fileWithMetrics();
    file.selfReviews[0].facilitator = 'Ana';
    file.selfReviews[0].answers[0].evidence = 'minutes';
    const portfolio = read(file);
    expect(portfolio.selfReviews?.[0]?.extras).toEqual({ facilitator: 'Ana' });
    expect(portfolio.selfReviews?.[0]?.answers[0]?.extras).toEqual({ evidence: 'minutes' });
    const document = JSON.parse(writePortfolio(portfolio));
    expect(Object.keys(document.selfReviews[0]).at(-1)).toBe('facilitator');
    expect(Object.keys(document.selfReviews[0].answers[0]).at(-1)).toBe('evidence');
  });

  it('accepts every metric Baton computes as what a decision concerns', () => {
    const file = fileWithMetrics();
    file.decisions[0].concerns = METRIC_IDS.map((id) => ({ kind: 'metric', id }));
    expect(read(file).decisions?.[0]?.concerns).toHaveLength(METRIC_IDS.length);
  });

  it('refuses a confidence, a benefit, a score and a date the editor could not give, each by its path', () => {
    const file = fileWithMetrics();
    file.actuals[0].confidence = 'sure';
    file.actuals[1].benefit = -5;
    file.initiatives[1].benefit = 1e16;
    file.selfReviews[0].date = '2027-02-30';
    file.selfReviews[0].answers[0].score = 6;
    file.selfReviews[0].answers[1].score = 2.5;
    file.selfReviews[1].answers = [{ questionId: 'q', question: '  ', score: 0 }];
    file.selfReviews[1].notes = 'x'.repeat(MAX_TEXT_LENGTH + 1);
    expect(paths(file)).toEqual([
      ['initiatives[1].benefit', 'must be at most 1,000,000,000,000,000'],
      ['actuals[0].confidence', 'expected one of high, medium, low'],
      ['actuals[1].benefit', 'must not be negative'],
      ['selfReviews[0].date', 'expected a real date'],
      ['selfReviews[0].answers[0].score', SELF_REVIEW_SCORE_MESSAGE],
      ['selfReviews[0].answers[1].score', SELF_REVIEW_SCORE_MESSAGE],
      ['selfReviews[1].answers[0].question', 'must not be empty'],
      ['selfReviews[1].answers[0].score', SELF_REVIEW_SCORE_MESSAGE],
      ['selfReviews[1].notes', 'is 10,001 characters long; at most 10,000 are allowed'],
    ]);
    expect(SELF_REVIEW_SCORE_MESSAGE).toBe(
      'expected a whole number from 1 (not at all) to 5 (fully)',
    );
  });

  it('refuses more answers and more self-reviews than the limits', () => {
    const file = fileWithMetrics();
    file.selfReviews[1].answers = Array.from({ length: MAX_SELF_REVIEW_ANSWERS + 1 }, (_, at) => ({
      questionId: `q-${at}`,
      question: `Question ${at}?`,
      score: 3,
    }));
    expect(paths(file)).toEqual([
      ['selfReviews[1].answers', 'has 101 answers; at most 100 are allowed'],
    ]);
    const many = fileWithMetrics();
    many.selfReviews = Array.from({ length: MAX_SELF_REVIEWS + 1 }, (_, at) => ({
      id: `sr-${at}`,
      date: '2027-01-10',
      answers: [],
    }));
    expect(paths(many)).toEqual([
      ['selfReviews', 'has 1,001 self-reviews; at most 1,000 are allowed'],
    ]);
  });

  it('names the place in words: the self-review by its date, the answer by its question', () => {
    const file = fileWithMetrics();
    file.selfReviews[0].answers[0].score = 0;
    expect(problems(file)).toEqual([
      {
        path: 'selfReviews[0].answers[0].score',
        message: SELF_REVIEW_SCORE_MESSAGE,
        where: 'Self-review of 2027-01-10, answer to “Are our cadences still relevant?”, score',
      },
    ]);
  });

  it('refuses a self-review id used twice and a question answered twice in one self-review', () => {
    const file = fileWithMetrics();
    file.selfReviews[1].id = 'sr-1';
    file.selfReviews[0].answers[1].questionId = 'cadences-relevant';
    expect(paths(file)).toEqual([
      ['selfReviews[1].id', 'self-review id "sr-1" is used more than once; ids must be unique'],
      [
        'selfReviews[0].answers[1].questionId',
        'question "cadences-relevant" is answered more than once in this self-review; give one answer per question',
      ],
    ]);
  });

  it('lets two self-reviews share a date, and one question be answered in each', () => {
    const file = fileWithMetrics();
    file.selfReviews[1].date = '2027-01-10';
    file.selfReviews[1].answers = [file.selfReviews[0].answers[0]];
    expect(read(file).selfReviews).toHaveLength(2);
  });

  it('checks one self-review on its own as the reader does', () => {
    const review = read(fileWithMetrics()).selfReviews?.[0];
    expect(checkRecord('selfReviews', { ...review, date: '2027-13-01' })).toEqual([
      {
        path: 'date',
        message: 'expected a real date',
        where: 'Self-review of 2027-13-01, date',
      },
    ]);
    expect(checkRecord('selfReviews', review as object)).toEqual([]);
    expect(
      checkRecord('actuals', {
        initiativeId: 'crm-revamp',
        periodId: '2027-Q1',
        confidence: 'Low',
      }),
    ).toEqual([
      expect.objectContaining({ path: 'confidence', message: 'expected one of high, medium, low' }),
    ]);
  });
});

describe('the store and the file', () => {
  it('keeps self-reviews as records of their own, in file order, and gives the same file back', () => {
    const portfolio = read(fileWithMetrics());
    const state = portfolioToState(portfolio, { kind: 'file', label: 'northwind.json' }, KEYS);
    expect(state.selfReviews.map((review) => [review.id, review.order])).toEqual([
      ['sr-1', 'a0'],
      ['sr-2', 'a1'],
    ]);
    expect(writePortfolio(stateToPortfolio(state))).toBe(writePortfolio(portfolio));
    expect(problemsOf(state)).toEqual([]);
  });

  it('an edit that answers a question twice is refused as the reader refuses it, by the same path', () => {
    const state = portfolioToState(read(fileWithMetrics()), { kind: 'empty' }, KEYS);
    const before = state.selfReviews[0];
    if (!before) throw new Error('no self-review');
    const after = {
      ...before,
      answers: [...before.answers, { ...before.answers[0], score: 5 }],
    };
    const changes = [change('selfReviews', before.id, before, after)];
    const found = problemsAfter(applyChanges(state, changes), changes);
    expect(found.map((problem) => [problem.path, problem.message])).toEqual([
      [
        'selfReviews[0].answers[2].questionId',
        'question "cadences-relevant" is answered more than once in this self-review; give one answer per question',
      ],
    ]);
    // A new date or notes alone cannot break a rule between records; the shape is still checked.
    const redated = [change('selfReviews', before.id, before, { ...before, date: '2027-13-01' })];
    expect(
      problemsAfter(applyChanges(state, redated), redated).map((problem) => problem.path),
    ).toEqual(['selfReviews[0].date']);
  });

  it('an edit that adds more self-reviews than the limit is refused', () => {
    const state = portfolioToState(read(fileWithMetrics()), { kind: 'empty' }, KEYS);
    const extra = Array.from({ length: MAX_SELF_REVIEWS - 1 }, (_, at) => ({
      id: `more-${at}`,
      date: '2027-07-01',
      answers: [],
      order: `b${at}`,
    }));
    const changes = extra.map((record) => change('selfReviews', record.id, undefined, record));
    const found = problemsAfter(applyChanges(state, changes), changes);
    expect(found.map((problem) => [problem.path, problem.message])).toEqual([
      ['selfReviews', 'has 1,001 self-reviews; at most 1,000 are allowed'],
    ]);
  });
});
