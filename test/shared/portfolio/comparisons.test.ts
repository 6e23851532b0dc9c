/** The file's pairwise judgments: what the reader accepts and what it refuses, in words. */
import { describe, expect, it } from 'vitest';
import { restorePortfolio } from '../../../shared/portfolio/restore';
import { smallPortfolioFile } from './fixtures';

/** The small file with three themes and one objective under "growth", and these comparisons. */
function withComparisons(objectiveComparisons: unknown) {
  const file = smallPortfolioFile();
  file.batonRevision = 3;
  file.objectives.push(
    { id: 'cost', name: 'Cut cost', parentId: null },
    { id: 'risk', name: 'Lower risk', parentId: null },
  );
  file.objectiveComparisons = objectiveComparisons;
  return file;
}

function problems(file: unknown): string[][] {
  const result = restorePortfolio(file);
  return result.ok ? [] : result.errors.map((problem) => [problem.path, problem.message]);
}

describe('objective comparisons', () => {
  it('reads the judgments of a sibling group, and of the themes (parentId null)', () => {
    const file = withComparisons([
      {
        parentId: null,
        judgments: [
          { a: 'growth', b: 'cost', ratio: 3 },
          { a: 'growth', b: 'risk', ratio: 5 },
          { a: 'cost', b: 'risk', ratio: 1 / 3 },
        ],
      },
      { parentId: 'growth', judgments: [] },
    ]);
    const result = restorePortfolio(file);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.portfolio.objectiveComparisons?.[0]?.judgments).toHaveLength(3);
  });

  it('refuses judgments of objectives that are not there or not siblings, or of one with itself', () => {
    const file = withComparisons([
      {
        parentId: null,
        judgments: [
          { a: 'growth', b: 'gone', ratio: 3 },
          { a: 'grow-smb', b: 'cost', ratio: 2 },
          { a: 'risk', b: 'risk', ratio: 1 },
        ],
      },
    ]);
    expect(problems(file)).toEqual([
      ['objectiveComparisons[0].judgments[0].b', 'objective "gone" does not exist'],
      [
        'objectiveComparisons[0].judgments[1].a',
        'objective "grow-smb" is not one of the themes; a judgment compares siblings',
      ],
      ['objectiveComparisons[0].judgments[2]', 'an objective cannot be compared with itself'],
    ]);
  });

  it('refuses a pair judged twice, in either order, and a group compared in two entries', () => {
    const file = withComparisons([
      {
        parentId: null,
        judgments: [
          { a: 'growth', b: 'cost', ratio: 3 },
          { a: 'cost', b: 'growth', ratio: 1 / 3 },
        ],
      },
      { parentId: null, judgments: [] },
      { parentId: 'nowhere', judgments: [] },
    ]);
    expect(problems(file)).toEqual([
      ['objectiveComparisons[0].judgments[1]', '"cost" and "growth" are compared more than once'],
      [
        'objectiveComparisons[1].parentId',
        'the themes are compared in more than one entry; keep one entry per sibling group',
      ],
      ['objectiveComparisons[2].parentId', 'objective "nowhere" does not exist'],
    ]);
  });

  it('refuses a ratio off Saaty’s scale, naming the scale', () => {
    for (const ratio of [0, 10, -3, 1 / 10]) {
      const file = withComparisons([
        { parentId: null, judgments: [{ a: 'growth', b: 'cost', ratio }] },
      ]);
      expect(problems(file)).toEqual([
        [
          'objectiveComparisons[0].judgments[0].ratio',
          'expected a ratio from 1/9 (0.111…) to 9, as on Saaty’s scale',
        ],
      ]);
    }
  });

  it('reads 1/9 written with as many digits as a person types', () => {
    const file = withComparisons([
      { parentId: null, judgments: [{ a: 'growth', b: 'cost', ratio: 0.11111111111 }] },
    ]);
    expect(problems(file)).toEqual([]);
  });
});
