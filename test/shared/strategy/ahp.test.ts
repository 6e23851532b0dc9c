import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Judgment } from '../../../shared/portfolio/types';
import {
  RANDOM_INDEX,
  SAATY_VALUES,
  compareGroup,
  nearestSaatyValue,
  randomIndex,
  type GroupComparison,
  type GroupComparisonResult,
} from '../../../shared/strategy/ahp';

/** The judgments of the upper triangle of `matrix`: ids[i] is matrix[i][j] times ids[j]. */
function judgmentsOf(ids: readonly string[], matrix: readonly (readonly number[])[]): Judgment[] {
  const judgments: Judgment[] = [];
  ids.forEach((a, i) => {
    ids.forEach((b, j) => {
      if (j > i) judgments.push({ a, b, ratio: matrix[i]?.[j] ?? NaN });
    });
  });
  return judgments;
}

/** Perfectly consistent judgments from raw weights: a_ij = w_i / w_j. */
function consistentJudgments(ids: readonly string[], raw: readonly number[]): Judgment[] {
  return judgmentsOf(
    ids,
    raw.map((wi) => raw.map((wj) => wi / wj)),
  );
}

function accepted(result: GroupComparisonResult): GroupComparison {
  if (!result.ok) throw new Error(`refused: ${result.problems.join('; ')}`);
  return result;
}

function problemsOf(result: GroupComparisonResult): readonly string[] {
  if (result.ok) throw new Error('expected the judgments to be refused');
  return result.problems;
}

const ids = (n: number): string[] => Array.from({ length: n }, (_, i) => `o${i + 1}`);

describe('RANDOM_INDEX', () => {
  it("is Saaty's 1980 table for n = 1..10", () => {
    expect(RANDOM_INDEX).toEqual({
      1: 0,
      2: 0,
      3: 0.58,
      4: 0.9,
      5: 1.12,
      6: 1.24,
      7: 1.32,
      8: 1.41,
      9: 1.45,
      10: 1.49,
    });
  });

  it('uses the last tabulated value, 1.49, beyond ten objectives', () => {
    expect(randomIndex(3)).toBe(0.58);
    expect(randomIndex(10)).toBe(1.49);
    expect(randomIndex(11)).toBe(1.49);
    expect(randomIndex(40)).toBe(1.49);
  });
});

describe('nearestSaatyValue', () => {
  it('lists 1..9 and their reciprocals in increasing order', () => {
    expect(SAATY_VALUES).toHaveLength(17);
    expect(SAATY_VALUES[0]).toBe(1 / 9);
    expect(SAATY_VALUES[8]).toBe(1);
    expect(SAATY_VALUES[16]).toBe(9);
    expect([...SAATY_VALUES].sort((x, y) => x - y)).toEqual(SAATY_VALUES);
  });

  it('snaps a ratio to the nearest value on a log scale, clamping at 1/9 and 9', () => {
    expect(nearestSaatyValue(2.9)).toBe(3);
    expect(nearestSaatyValue(0.3)).toBe(1 / 3);
    // ln 1.4 is nearer ln 1 than ln 2; ln 1.42 is past the midpoint √2.
    expect(nearestSaatyValue(1.4)).toBe(1);
    expect(nearestSaatyValue(1.42)).toBe(2);
    expect(nearestSaatyValue(40)).toBe(9);
    expect(nearestSaatyValue(0.001)).toBe(1 / 9);
    expect(nearestSaatyValue(Infinity)).toBe(9);
  });

  it('treats a ratio and its reciprocal alike', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 100, noNaN: true }), (ratio) => {
        expect(nearestSaatyValue(1 / ratio)).toBeCloseTo(1 / nearestSaatyValue(ratio), 12);
      }),
    );
  });
});

describe('compareGroup', () => {
  it("reproduces the textbook 3×3 example's weights, λmax and CR", () => {
    const result = accepted(
      compareGroup(
        ['x', 'y', 'z'],
        judgmentsOf(
          ['x', 'y', 'z'],
          [
            [1, 3, 5],
            [1 / 3, 1, 3],
            [1 / 5, 1 / 3, 1],
          ],
        ),
      ),
    );
    expect([...result.weights.keys()]).toEqual(['x', 'y', 'z']);
    expect(result.weights.get('x')).toBeCloseTo(0.637, 4);
    expect(result.weights.get('y')).toBeCloseTo(0.2583, 4);
    expect(result.weights.get('z')).toBeCloseTo(0.1047, 4);
    expect(result.lambdaMax).toBeCloseTo(3.0385, 4);
    expect(result.consistencyRatio).toBeCloseTo(0.033, 3);
    expect(result.consistent).toBe(true);
    expect(result.mostInconsistent).toBeUndefined();
  });

  it("reproduces Saaty's relative wealth of nations (7×7)", () => {
    // T. L. Saaty, "A scaling method for priorities in hierarchical structures", J. Math. Psych.
    // 15 (1977) 234–281, and The Analytic Hierarchy Process (McGraw-Hill, 1980), §2-4 "Wealth of
    // nations through their world influence": published eigenvector .427 .230 .021 .052 .052
    // .123 .094 and λmax = 7.61. CI = (7.61 − 7)/6 ≈ 0.10 and CR = CI/RI(7) = CI/1.32 ≈ 0.08
    // follow from the published λmax and the RI table.
    const nations = ['US', 'USSR', 'China', 'France', 'UK', 'Japan', 'WGermany'];
    const result = accepted(
      compareGroup(
        nations,
        judgmentsOf(nations, [
          [1, 4, 9, 6, 6, 5, 5],
          [1 / 4, 1, 7, 5, 5, 3, 4],
          [1 / 9, 1 / 7, 1, 1 / 5, 1 / 5, 1 / 7, 1 / 5],
          [1 / 6, 1 / 5, 5, 1, 1, 1 / 3, 1 / 3],
          [1 / 6, 1 / 5, 5, 1, 1, 1 / 3, 1 / 3],
          [1 / 5, 1 / 3, 7, 3, 3, 1, 2],
          [1 / 5, 1 / 4, 5, 3, 3, 1 / 2, 1],
        ]),
      ),
    );
    const published = [0.427, 0.23, 0.021, 0.052, 0.052, 0.123, 0.094];
    nations.forEach((nation, i) => {
      expect(result.weights.get(nation)).toBeCloseTo(published[i] ?? NaN, 3);
    });
    expect(result.lambdaMax).toBeCloseTo(7.61, 2);
    expect(result.consistencyIndex).toBeCloseTo(0.1, 2);
    expect(result.consistencyRatio).toBeCloseTo(0.08, 2);
    expect(result.consistent).toBe(true);
  });

  it('gives a single objective weight 1', () => {
    const result = accepted(compareGroup(['only'], []));
    expect(result.weights).toEqual(new Map([['only', 1]]));
    expect(result.lambdaMax).toBe(1);
    expect(result.consistencyIndex).toBe(0);
    expect(result.consistencyRatio).toBeUndefined();
    expect(result.consistent).toBe(true);
  });

  it('weights a pair by its one judgment, which is always consistent', () => {
    const result = accepted(compareGroup(['a', 'b'], [{ a: 'b', b: 'a', ratio: 4 }]));
    expect(result.weights.get('a')).toBeCloseTo(0.2, 12);
    expect(result.weights.get('b')).toBeCloseTo(0.8, 12);
    expect(result.lambdaMax).toBeCloseTo(2, 12);
    expect(result.consistencyIndex).toBe(0);
    expect(result.consistencyRatio).toBeUndefined();
    expect(result.consistent).toBe(true);
  });

  it('gives exact weights and CR 0 for consistent judgments', () => {
    const group = ['growth', 'risk', 'people', 'cost'];
    const result = accepted(compareGroup(group, consistentJudgments(group, [4, 2, 1, 1])));
    expect(result.weights.get('growth')).toBeCloseTo(0.5, 12);
    expect(result.weights.get('risk')).toBeCloseTo(0.25, 12);
    expect(result.weights.get('people')).toBeCloseTo(0.125, 12);
    expect(result.weights.get('cost')).toBeCloseTo(0.125, 12);
    expect(result.lambdaMax).toBeCloseTo(4, 12);
    expect(result.consistencyIndex).toBeCloseTo(0, 12);
    expect(result.consistencyRatio).toBeCloseTo(0, 12);
    expect(result.consistent).toBe(true);
  });

  it('reads a judgment the same way in either order', () => {
    const forward = accepted(
      compareGroup(
        ['x', 'y', 'z'],
        [
          { a: 'x', b: 'y', ratio: 3 },
          { a: 'x', b: 'z', ratio: 5 },
          { a: 'y', b: 'z', ratio: 3 },
        ],
      ),
    );
    const reversed = accepted(
      compareGroup(
        ['x', 'y', 'z'],
        [
          { a: 'z', b: 'y', ratio: 1 / 3 },
          { a: 'y', b: 'x', ratio: 1 / 3 },
          { a: 'z', b: 'x', ratio: 1 / 5 },
        ],
      ),
    );
    for (const id of ['x', 'y', 'z']) {
      expect(reversed.weights.get(id)).toBeCloseTo(forward.weights.get(id) ?? NaN, 12);
    }
    expect(reversed.lambdaMax).toBeCloseTo(forward.lambdaMax, 12);
  });

  it('names the judgment that is clearly off, in the order it was given, with a suggestion', () => {
    // Consistent with weights 6:3:2:1:1, except that c is judged 3 times as important as a
    // (it should be a third as important).
    const group = ['a', 'b', 'c', 'd', 'e'];
    const judgments = consistentJudgments(group, [6, 3, 2, 1, 1]).map((judgment) =>
      judgment.a === 'a' && judgment.b === 'c' ? { a: 'c', b: 'a', ratio: 3 } : judgment,
    );
    const result = accepted(compareGroup(group, judgments));
    expect(result.consistent).toBe(false);
    expect(result.consistencyRatio).toBeGreaterThan(0.1);
    expect(result.mostInconsistent).toEqual({ a: 'c', b: 'a', ratio: 3, suggested: 1 });
  });

  it('computes CR with RI 1.49 for groups larger than ten', () => {
    const group = ids(11);
    const judgments = consistentJudgments(group, [9, 8, 7, 6, 5, 4, 3, 2, 1, 1, 1]).map(
      (judgment) =>
        judgment.a === 'o1' && judgment.b === 'o9' ? { ...judgment, ratio: 1 / 9 } : judgment,
    );
    const result = accepted(compareGroup(group, judgments));
    expect(result.consistencyIndex).toBeGreaterThan(0);
    expect(result.consistencyRatio).toBeCloseTo(result.consistencyIndex / 1.49, 12);
  });

  describe('refuses judgments it cannot use, naming the objectives', () => {
    const group = ['growth', 'risk', 'cost'];
    const complete: Judgment[] = [
      { a: 'growth', b: 'risk', ratio: 3 },
      { a: 'growth', b: 'cost', ratio: 5 },
      { a: 'risk', b: 'cost', ratio: 2 },
    ];

    it('a missing pair', () => {
      expect(problemsOf(compareGroup(group, complete.slice(0, 2)))).toEqual([
        'no judgment between "risk" and "cost"',
      ]);
    });

    it('a pair judged twice, in either order', () => {
      expect(
        problemsOf(compareGroup(group, [...complete, { a: 'cost', b: 'risk', ratio: 1 / 2 }])),
      ).toEqual(['"cost" and "risk" are judged more than once; keep one judgment per pair']);
      expect(problemsOf(compareGroup(group, [...complete, complete[0] as Judgment]))).toEqual([
        '"growth" and "risk" are judged more than once; keep one judgment per pair',
      ]);
    });

    it('an objective outside the group', () => {
      expect(
        problemsOf(compareGroup(group, [...complete, { a: 'growth', b: 'brand', ratio: 2 }])),
      ).toEqual([
        'the judgment between "growth" and "brand" names "brand", which is not in this group',
      ]);
    });

    it('a ratio off the 1/9..9 scale or not a number', () => {
      for (const ratio of [12, 0.1, 0, -3, NaN, Infinity]) {
        expect(
          problemsOf(
            compareGroup(group, [
              complete[0] as Judgment,
              complete[1] as Judgment,
              { a: 'risk', b: 'cost', ratio },
            ]),
          ),
        ).toEqual([
          `the judgment between "risk" and "cost" has ratio ${String(ratio)}; it must be a number from 1/9 to 9`,
        ]);
      }
    });

    it('accepts the ends of the scale', () => {
      const ends = [
        complete[0] as Judgment,
        { a: 'growth', b: 'cost', ratio: 9 },
        { a: 'risk', b: 'cost', ratio: 1 / 9 },
      ];
      expect(compareGroup(group, ends).ok).toBe(true);
    });

    it('an objective judged against itself', () => {
      expect(
        problemsOf(compareGroup(group, [...complete, { a: 'risk', b: 'risk', ratio: 1 }])),
      ).toEqual(['objective "risk" is judged against itself']);
    });

    it('several problems at once, judgments first, then missing pairs', () => {
      expect(
        problemsOf(
          compareGroup(group, [
            { a: 'growth', b: 'growth', ratio: 1 },
            { a: 'growth', b: 'risk', ratio: 10 },
          ]),
        ),
      ).toEqual([
        'objective "growth" is judged against itself',
        'the judgment between "growth" and "risk" has ratio 10; it must be a number from 1/9 to 9',
        'no judgment between "growth" and "cost"',
        'no judgment between "risk" and "cost"',
      ]);
    });

    it('sums up a long list of missing pairs', () => {
      const problems = problemsOf(compareGroup(ids(25), [{ a: 'o1', b: 'o2', ratio: 2 }]));
      expect(problems).toHaveLength(21);
      expect(problems[0]).toBe('no judgment between "o1" and "o3"');
      // 25 objectives make 300 pairs; one is judged and twenty are listed.
      expect(problems[20]).toBe('and 279 more pairs without a judgment');
    });
  });

  describe('properties', () => {
    const judgedGroup = fc.integer({ min: 1, max: 12 }).chain((n) =>
      fc
        .array(
          fc.oneof(
            fc.constantFrom(...SAATY_VALUES),
            fc.double({ min: 1 / 9, max: 9, noNaN: true }),
          ),
          {
            minLength: (n * (n - 1)) / 2,
            maxLength: (n * (n - 1)) / 2,
          },
        )
        .map((ratios) => {
          const group = ids(n);
          const judgments: Judgment[] = [];
          let k = 0;
          for (let i = 0; i < n; i += 1) {
            for (let j = i + 1; j < n; j += 1) {
              judgments.push({ a: group[i] ?? '', b: group[j] ?? '', ratio: ratios[k] ?? 1 });
              k += 1;
            }
          }
          return { group, judgments };
        }),
    );

    it('gives positive weights summing to 1, with λmax ≥ n, for any complete judgments', () => {
      fc.assert(
        fc.property(judgedGroup, ({ group, judgments }) => {
          const result = accepted(compareGroup(group, judgments));
          const weights = [...result.weights.values()];
          expect([...result.weights.keys()]).toEqual(group);
          for (const weight of weights) expect(weight).toBeGreaterThan(0);
          expect(weights.reduce((sum, weight) => sum + weight, 0)).toBeCloseTo(1, 12);
          expect(result.lambdaMax).toBeGreaterThanOrEqual(group.length - 1e-9);
          expect(result.consistencyIndex).toBeGreaterThanOrEqual(0);
          expect(result.consistent).toBe(
            result.consistencyRatio === undefined || result.consistencyRatio <= 0.1,
          );
          expect(result.mostInconsistent === undefined).toBe(result.consistent);
        }),
      );
    });

    it('recovers the weights a consistent matrix was built from', () => {
      // Raw weights from 1 to 9 keep every ratio w_i / w_j on the 1/9..9 scale.
      const rawWeights = fc.array(fc.double({ min: 1, max: 9, noNaN: true }), {
        minLength: 1,
        maxLength: 12,
      });
      fc.assert(
        fc.property(rawWeights, (raw) => {
          const group = ids(raw.length);
          const result = accepted(compareGroup(group, consistentJudgments(group, raw)));
          const total = raw.reduce((sum, weight) => sum + weight, 0);
          group.forEach((id, i) => {
            expect(result.weights.get(id)).toBeCloseTo((raw[i] ?? NaN) / total, 10);
          });
          expect(result.lambdaMax).toBeCloseTo(raw.length, 9);
          expect(result.consistent).toBe(true);
          if (raw.length > 2) expect(result.consistencyRatio).toBeCloseTo(0, 9);
        }),
      );
    });
  });
});
