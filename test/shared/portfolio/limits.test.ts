/** One set of limits for the reader and the editor: names, amounts, scores, durations. */
import { describe, expect, it } from 'vitest';
import { DEMO_PORTFOLIO } from '../../../shared/demo/demo-portfolio';
import { estimateRange } from '../../../shared/optimize/robustness';
import {
  MAX_CAPACITY,
  MAX_MONEY,
  MAX_NAME_LENGTH,
  isEstimateRange,
  isWellFormedText,
} from '../../../shared/portfolio/limits';
import { restorePortfolio, type PortfolioProblem } from '../../../shared/portfolio/restore';
import { portfolioToDocument } from '../../../shared/portfolio/write';
import { smallPortfolioFile } from './fixtures';

function problemsOf(file: unknown): readonly PortfolioProblem[] {
  const result = restorePortfolio(file);
  if (result.ok) throw new Error('expected the file to be refused');
  return result.errors;
}

describe('names', () => {
  it('refuses an empty or blank initiative name, as the editor does', () => {
    for (const name of ['', '   ']) {
      const file = smallPortfolioFile();
      file.initiatives[0].name = name;
      expect(problemsOf(file)).toEqual([
        {
          path: 'initiatives[0].name',
          message: 'must not be empty',
          where: 'Initiative crm-revamp, name',
        },
      ]);
    }
  });

  it(`refuses a name longer than ${MAX_NAME_LENGTH} characters and keeps one that long`, () => {
    const file = smallPortfolioFile();
    file.initiatives[0].name = 'x'.repeat(5000);
    file.teams[0].name = 'y'.repeat(MAX_NAME_LENGTH);
    expect(problemsOf(file)).toEqual([
      expect.objectContaining({
        path: 'initiatives[0].name',
        message: 'is 5,000 characters long; at most 200 are allowed',
      }),
    ]);
  });

  it('refuses an empty period label and scenario name, and a blank team name', () => {
    const file = smallPortfolioFile();
    file.periods[0].label = '';
    file.scenarios[0].name = '';
    file.teams[1].name = ' ';
    const paths = problemsOf(file).map((problem) => `${problem.path}: ${problem.message}`);
    expect(paths).toEqual([
      'periods[0].label: must not be empty',
      'teams[1].name: must not be empty',
      'scenarios[0].name: must not be empty',
    ]);
  });
});

describe('amounts', () => {
  it('refuses a capacity of a billion, and takes the largest allowed', () => {
    const file = smallPortfolioFile();
    file.teams[0].capacity['2027-Q1'] = 1e9;
    file.teams[1].capacity['2027-Q1'] = MAX_CAPACITY;
    expect(problemsOf(file)).toEqual([
      {
        path: 'teams[0].capacity["2027-Q1"]',
        message: 'must be at most 1,000,000',
        where: 'Team Platform, capacity in Q1 2027',
      },
    ]);
  });

  it('refuses a budget and a spend beyond the money limit', () => {
    const file = smallPortfolioFile();
    file.budget['2027-Q1'] = MAX_MONEY * 10;
    file.initiatives[0].spend = [1, MAX_MONEY * 2, 1];
    expect(problemsOf(file).map((problem) => problem.where)).toEqual([
      'Budget in Q1 2027',
      'Initiative CRM revamp, spend in its 2nd active period',
    ]);
  });

  it('refuses a score of 15 on the weighted model’s 0 to 10 scale', () => {
    const file = smallPortfolioFile();
    file.initiatives[0].scores.value = 15;
    expect(problemsOf(file)).toEqual([
      {
        path: 'initiatives[0].scores.value',
        message: "must be from 0 to 10 on the Weighted criteria model's scale",
        where: 'Initiative CRM revamp, score for Business value',
      },
    ]);
  });

  it('checks RICE scores on their own scales', () => {
    const file = smallPortfolioFile();
    file.batonRevision = 3;
    file.scoring = { model: 'rice' };
    file.initiatives[0].scores = { reach: 5000, impact: 1.5, confidence: 80, effort: 3 };
    expect(problemsOf(file)).toEqual([
      expect.objectContaining({
        path: 'initiatives[0].scores.impact',
        message:
          "must be one of 3, 2, 1, 0.5, 0.25 (massive, high, medium, low, minimal) on the RICE model's scale",
      }),
      expect.objectContaining({
        path: 'initiatives[0].scores.confidence',
        message: "must be one of 1, 0.8, 0.5 (100 %, 80 %, 50 %) on the RICE model's scale",
      }),
    ]);
  });

  it('checks WSJF scores on the modified Fibonacci scale, or the scale the model names', () => {
    const file = smallPortfolioFile();
    file.batonRevision = 3;
    file.scoring = { model: 'wsjf' };
    file.initiatives[0].scores = { businessValue: 8, timeCriticality: 4, jobSize: 40 };
    expect(problemsOf(file).map((problem) => [problem.path, problem.message])).toEqual([
      [
        'initiatives[0].scores.timeCriticality',
        "must be one of 1, 2, 3, 5, 8, 13, 20 (modified Fibonacci) on the WSJF model's scale",
      ],
      [
        'initiatives[0].scores.jobSize',
        "must be one of 1, 2, 3, 5, 8, 13, 20 (modified Fibonacci) on the WSJF model's scale",
      ],
    ]);
    file.scoring = {
      model: 'wsjf',
      criteria: [
        { id: 'timeCriticality', name: 'Urgency', scale: '1-10' },
        { id: 'jobSize', name: 'Job size', scale: '0-100' },
      ],
    };
    expect(restorePortfolio(file).ok).toBe(true);
  });

  it('refuses a scale or a source it does not know, naming the ones it does', () => {
    const file = smallPortfolioFile();
    file.scoring.criteria[0].scale = '1-7';
    file.scoring.criteria[0].source = 'gut';
    expect(problemsOf(file).map((problem) => [problem.path, problem.message])).toEqual([
      ['scoring.criteria[0].scale', 'expected one of 1-5, 1-10, 0-10, 0-100, fibonacci'],
      ['scoring.criteria[0].source', 'expected one of score, strategic-fit'],
    ]);
  });
});

describe('estimate ranges', () => {
  it('takes a share from 0 up to but not including 1, and refuses 1, a negative one and 30 (meant as %)', () => {
    const file = smallPortfolioFile();
    file.batonRevision = 2;
    file.initiatives[0].estimateRange = 0;
    file.initiatives[1].estimateRange = 0.999;
    expect(restorePortfolio(file).ok).toBe(true);
    file.initiatives[0].estimateRange = 1;
    file.initiatives[1].estimateRange = -0.1;
    file.initiatives[2].estimateRange = 30;
    expect(problemsOf(file)).toEqual(
      [0, 1, 2].map((index) => ({
        path: `initiatives[${index}].estimateRange`,
        message: 'expected a share from 0 up to but not including 1 (0.3 for ± 30 %)',
        where: `Initiative ${['CRM revamp', 'Data lake', 'CRM buy'][index]}, estimate range`,
      })),
    );
  });

  it('agrees with the robustness runs on what range is used', () => {
    for (const value of [0, 0.3, 0.999, 1, 1.2, -0.1]) {
      const item = { id: 'a', name: 'A', status: 'proposed' as const, estimateRange: value };
      expect(estimateRange(item, 0.2) === value).toBe(isEstimateRange(value));
    }
  });
});

describe('durations', () => {
  it('refuses a duration of 99 in a plan of 3 periods', () => {
    const file = smallPortfolioFile();
    file.initiatives[0].duration = 99;
    expect(problemsOf(file)).toEqual([
      {
        path: 'initiatives[0].duration',
        message:
          'lasts 99 periods, but the portfolio has only 3 periods; an initiative must fit the plan',
        where: 'Initiative CRM revamp, duration',
      },
    ]);
  });

  it('refuses a demand list longer than the plan, naming the team', () => {
    const file = smallPortfolioFile();
    file.initiatives[1].demand.platform = [1, 1, 1, 1];
    expect(problemsOf(file)).toEqual([
      expect.objectContaining({
        path: 'initiatives[1].demand.platform',
        where: 'Initiative Data lake, demand of Platform',
      }),
    ]);
  });
});

describe('the demo portfolio', () => {
  it('keeps every limit', () => {
    expect(restorePortfolio(portfolioToDocument(DEMO_PORTFOLIO))).toMatchObject({ ok: true });
  });
});

describe('isWellFormedText', () => {
  it('tells proper pairs from lone halves', () => {
    expect(isWellFormedText('plain')).toBe(true);
    expect(isWellFormedText('🚀')).toBe(true);
    expect(isWellFormedText('\ud83d')).toBe(false);
    expect(isWellFormedText('\ude80x')).toBe(false);
    expect(isWellFormedText('a\ud83d\ud83d\ude80')).toBe(false);
  });
});

describe('strategic fit', () => {
  it('is one criterion at most: a second computed one is refused, naming the first', () => {
    const file = smallPortfolioFile();
    file.batonRevision = 3;
    file.scoring.criteria = [
      { id: 'fit', name: 'Fit', source: 'strategic-fit' },
      { id: 'value', name: 'Business value', source: 'strategic-fit' },
    ];
    expect(problemsOf(file).map((problem) => [problem.path, problem.message])).toEqual([
      [
        'scoring.criteria[1].source',
        'only one criterion can be strategic fit, and "Fit" is; "Business value" must be scored',
      ],
    ]);
  });
});
