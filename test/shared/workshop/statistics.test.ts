/** The reveal's statistics, worked by hand for 1, 2, 3 and 7 participants, and their invariants. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RICE_IMPACTS, scaleOf, type Scale } from '../../../shared/strategy/scoring';
import {
  byDisagreement,
  describeOutlier,
  spreadOf,
  type ParticipantScore,
  type ScoreSpread,
  type Spread,
} from '../../../shared/workshop/statistics';

const ONE_TO_FIVE = scaleOf('1-5');
const PERCENT = scaleOf('0-100');
const FIB = scaleOf('fibonacci');

/** Scores given by the named participants, in order. */
const by = (entries: Record<string, number>): ParticipantScore[] =>
  Object.entries(entries).map(([participant, score]) => ({ participant, score }));

function spread(entries: Record<string, number>, scale: Scale): Spread {
  const result = spreadOf(by(entries), scale);
  if (result.kind !== 'spread') throw new Error('expected a spread');
  return result;
}

describe('spreadOf, by hand', () => {
  it('one participant agrees with themself and is no outlier', () => {
    const result = spread({ Ann: 4 }, ONE_TO_FIVE);
    expect(result).toMatchObject({ count: 1, min: 4, max: 4, median: 4, mean: 4 });
    expect(result.agreement).toBe(1);
    expect(result.disagreement).toBe(0);
    expect(result.outliers).toEqual([]);
  });

  it('two participants agree by 1 − their distance as a share of the scale', () => {
    // 2 and 4 on 1–5: median 3, MAD 1, agreement 1 − 1 ÷ (4 ÷ 2) = 0.5.
    const small = spread({ Ann: 4, Bob: 2 }, ONE_TO_FIVE);
    expect(small).toMatchObject({ count: 2, min: 2, max: 4, median: 3, mean: 3 });
    expect(small.scores.map((entry) => entry.participant)).toEqual(['Bob', 'Ann']);
    expect(small.agreement).toBe(0.5);
    // The same half-scale gap on 0–100 agrees just as much: the scales compare fairly.
    expect(spread({ Ann: 25, Bob: 75 }, PERCENT).agreement).toBe(0.5);
    // Ends of the scale: no agreement at all.
    expect(spread({ Ann: 1, Bob: 5 }, ONE_TO_FIVE).agreement).toBe(0);
    expect(small.outliers).toEqual([]);
  });

  it('measures a set scale in steps, not raw numbers', () => {
    // 3 and 5 are neighbours on the Fibonacci set (positions 2 and 3 of 0–6): 1 − 0.5 ÷ 3.
    const neighbours = spread({ Ann: 3, Bob: 5 }, FIB);
    expect(neighbours.agreement).toBeCloseTo(5 / 6, 12);
    expect(neighbours.median).toBe(4);
    // 13 and 20 are neighbours too, though 7 apart: they agree as much as 3 and 5.
    expect(spread({ Ann: 13, Bob: 20 }, FIB).agreement).toBeCloseTo(5 / 6, 12);
    // RICE's impacts are listed highest first; its ends are still its ends.
    const impacts: Scale = { kind: 'set', values: RICE_IMPACTS, label: 'impact' };
    expect(spread({ Ann: 0.25, Bob: 3 }, impacts).agreement).toBe(0);
    expect(spread({ Ann: 1, Bob: 2 }, impacts).agreement).toBeCloseTo(0.75, 12);
  });

  it('three participants: a lone high score on Fibonacci is named', () => {
    // Positions 2, 3, 5: median 3, MAD (1 + 0 + 2) ÷ 3 = 1, agreement 1 − 1 ÷ 3.
    const result = spread({ Ann: 3, Sam: 13, Bob: 5 }, FIB);
    expect(result).toMatchObject({ count: 3, min: 3, max: 13, median: 5, mean: 7 });
    expect(result.agreement).toBeCloseTo(2 / 3, 12);
    // Sam against 3 and 5: 2.5 steps from their median, more than a quarter of 6 steps and more
    // than 4 × their MAD (0.5).
    expect(result.outliers).toEqual([{ participant: 'Sam', score: 13 }]);
  });

  it('three participants: even steps name nobody; two who agree do not make the third agree', () => {
    const even = spread({ Ann: 1, Bob: 3, Cat: 5 }, ONE_TO_FIVE);
    expect(even.outliers).toEqual([]);
    expect(even.agreement).toBeCloseTo(1 / 3, 12);
    // 1, 1, 5 is as far from agreement as three people can be (the floor is 1 ÷ 3), and Cat is
    // the outlier.
    const lone = spread({ Ann: 1, Bob: 1, Cat: 5 }, ONE_TO_FIVE);
    expect(lone.agreement).toBeCloseTo(1 / 3, 12);
    expect(lone.outliers).toEqual([{ participant: 'Cat', score: 5 }]);
    // A quarter of the scale away is not enough: 3, 3, 4 on 1–5 (1 step, exactly a quarter).
    expect(spread({ Ann: 3, Bob: 3, Cat: 4 }, ONE_TO_FIVE).outliers).toEqual([]);
    expect(spread({ Ann: 50, Bob: 50, Cat: 75 }, PERCENT).outliers).toEqual([]);
    expect(spread({ Ann: 50, Bob: 50, Cat: 76 }, PERCENT).outliers).toEqual([
      { participant: 'Cat', score: 76 },
    ]);
  });

  it('seven participants on Fibonacci', () => {
    const result = spread({ A: 5, B: 3, C: 20, D: 5, E: 8, F: 3, G: 5 }, FIB);
    expect(result.scores.map((entry) => entry.score)).toEqual([3, 3, 5, 5, 5, 8, 20]);
    // Equal scores keep the order given.
    expect(result.scores.map((entry) => entry.participant)).toEqual([
      'B',
      'F',
      'A',
      'D',
      'G',
      'E',
      'C',
    ]);
    expect(result).toMatchObject({ count: 7, min: 3, max: 20, median: 5, mean: 7 });
    // Positions 2 2 3 3 3 4 6: median 3, MAD 6 ÷ 7, agreement 1 − (6/7) ÷ 3 = 5/7.
    expect(result.agreement).toBeCloseTo(5 / 7, 12);
    expect(result.disagreement).toBeCloseTo(2 / 7, 12);
    // 20 is 3 steps from the others' median (3), their MAD is 0.5; 8 lies inside the others.
    expect(result.outliers).toEqual([{ participant: 'C', score: 20 }]);
  });

  it('seven participants: two who agree with each other are a faction, not outliers', () => {
    const faction = spread({ A: 1, B: 1, C: 1, D: 1, E: 2, F: 5, G: 5 }, ONE_TO_FIVE);
    expect(faction.outliers).toEqual([]);
    // But one at each end of a room that agrees are both named.
    const ends = spread({ A: 50, B: 50, C: 0, D: 50, E: 50, F: 100, G: 50 }, PERCENT);
    expect(ends.outliers).toEqual([
      { participant: 'C', score: 0 },
      { participant: 'F', score: 100 },
    ]);
  });

  it('leaves out scores off the scale, and says when none is left', () => {
    const result = spreadOf(by({ Ann: 4, Bob: 5, Cat: Number.NaN }), FIB);
    expect(result.kind).toBe('spread');
    expect(result.ignored).toEqual(by({ Ann: 4, Cat: Number.NaN }));
    expect(result.kind === 'spread' && result.count).toBe(1);
    expect(spreadOf(by({ Ann: 6, Bob: 0 }), ONE_TO_FIVE)).toEqual({
      kind: 'no-scores',
      ignored: by({ Ann: 6, Bob: 0 }),
    });
    expect(spreadOf([], ONE_TO_FIVE)).toEqual({ kind: 'no-scores', ignored: [] });
  });
});

describe('describeOutlier', () => {
  it('names the outlier and the range of the others with an en dash', () => {
    const sam = { participant: 'Sam', score: 13 };
    expect(describeOutlier(sam, by({ Ann: 3, Bob: 5 }), 'en')).toBe(
      'Sam scored 13, the others 3–5',
    );
    expect(describeOutlier(sam, by({ Ann: 5 }), 'en')).toBe('Sam scored 13, the other 5');
    expect(describeOutlier(sam, by({ Ann: 3, Bob: 3 }), 'en')).toBe('Sam scored 13, the others 3');
    expect(describeOutlier(sam, [], 'en')).toBe('Sam scored 13');
  });

  it('keeps names as given and prints fractions readably', () => {
    const result = describeOutlier(
      { participant: 'dr. Ngozi Okafor-Smith', score: 0.25 },
      by({ Ann: 3, Bob: 2, Cat: 2 }),
      'en',
    );
    expect(result).toBe('dr. Ngozi Okafor-Smith scored 0.25, the others 2–3');
    expect(describeOutlier({ participant: 'Al', score: 1 / 3 }, by({ B: 2 }), 'en')).toBe(
      'Al scored 0.33, the other 2',
    );
  });

  it('describes the outlier of a spread against everyone else', () => {
    const result = spread({ Ann: 3, Sam: 13, Bob: 5 }, FIB);
    const [outlier] = result.outliers;
    if (!outlier) throw new Error('expected an outlier');
    const others = result.scores.filter((entry) => entry !== outlier);
    expect(describeOutlier(outlier, others, 'en')).toBe('Sam scored 13, the others 3–5');
  });
});

describe('byDisagreement', () => {
  it('puts the least agreement first, the unscored last, and keeps ties in order', () => {
    const row = (id: string, scores: Record<string, number>, scale: Scale) => ({
      id,
      spread: spreadOf(by(scores), scale),
    });
    const rows = [
      row('calm', { Ann: 3, Bob: 3 }, ONE_TO_FIVE),
      row('nobody', {}, ONE_TO_FIVE),
      row('split-small', { Ann: 2, Bob: 4 }, ONE_TO_FIVE),
      row('split-wide', { Ann: 0, Bob: 100 }, PERCENT),
      row('split-percent', { Ann: 25, Bob: 75 }, PERCENT),
      row('fib', { Ann: 3, Bob: 5 }, FIB),
    ];
    expect(byDisagreement(rows).map((entry) => entry.id)).toEqual([
      'split-wide',
      'split-small',
      'split-percent',
      'fib',
      'calm',
      'nobody',
    ]);
    // The input is left as it was.
    expect(rows[0]?.id).toBe('calm');
  });
});

// Invariants over the scales a criterion may have, with scores on each.
const SCALES = [scaleOf('1-5'), scaleOf('1-10'), scaleOf('0-10'), scaleOf('0-100'), FIB] as const;

const scoreOn = (scale: Scale): fc.Arbitrary<number> =>
  scale.kind === 'set'
    ? fc.constantFrom(...scale.values)
    : fc.oneof(
        fc.integer({ min: scale.min, max: scale.max }),
        fc.double({ min: scale.min, max: scale.max, noNaN: true }),
      );

const scaleAndScores = (minLength = 1) =>
  fc.constantFrom(...SCALES).chain((scale) =>
    fc.tuple(
      fc.constant(scale),
      fc
        .array(scoreOn(scale), { minLength, maxLength: 9 })
        .map((scores) => scores.map((score, index) => ({ participant: `P${index + 1}`, score }))),
    ),
  );

const asSpread = (result: ScoreSpread): Spread => {
  if (result.kind !== 'spread') throw new Error('expected a spread');
  return result;
};

describe('spreadOf, properties', () => {
  it('agreement lies in [0, 1] and is 1 exactly when all scores are equal', () => {
    fc.assert(
      fc.property(scaleAndScores(), ([scale, scores]) => {
        const result = asSpread(spreadOf(scores, scale));
        const allEqual = scores.every((entry) => entry.score === scores[0]?.score);
        expect(result.agreement).toBeGreaterThanOrEqual(0);
        expect(result.agreement).toBeLessThanOrEqual(1);
        expect(result.agreement === 1).toBe(allEqual);
        expect(result.disagreement).toBe(1 - result.agreement);
      }),
    );
  });

  it('min ≤ median ≤ max and min ≤ mean ≤ max; the scores come back sorted', () => {
    fc.assert(
      fc.property(scaleAndScores(), ([scale, scores]) => {
        const result = asSpread(spreadOf(scores, scale));
        expect(result.count).toBe(scores.length);
        expect(result.min).toBeLessThanOrEqual(result.median);
        expect(result.median).toBeLessThanOrEqual(result.max);
        // The mean of doubles may land a rounding error outside.
        expect(result.mean).toBeGreaterThanOrEqual(result.min - 1e-9 * Math.abs(result.min));
        expect(result.mean).toBeLessThanOrEqual(result.max + 1e-9 * Math.abs(result.max));
        const sorted = result.scores.map((entry) => entry.score);
        expect(sorted).toEqual([...scores.map((entry) => entry.score)].sort((a, b) => a - b));
      }),
    );
  });

  it('does not depend on the order the scores come in', () => {
    fc.assert(
      fc.property(
        scaleAndScores().chain(([scale, scores]) =>
          fc.tuple(
            fc.constant(scale),
            fc.constant(scores),
            fc.shuffledSubarray(scores, {
              minLength: scores.length,
              maxLength: scores.length,
            }),
          ),
        ),
        ([scale, scores, shuffled]) => {
          const a = asSpread(spreadOf(scores, scale));
          const b = asSpread(spreadOf(shuffled, scale));
          expect(b.agreement).toBeCloseTo(a.agreement, 12);
          expect(b.median).toBe(a.median);
          expect(new Set(b.outliers.map((entry) => entry.participant))).toEqual(
            new Set(a.outliers.map((entry) => entry.participant)),
          );
        },
      ),
    );
  });

  it('names no outlier among fewer than 3; an outlier lies outside the others, far away', () => {
    fc.assert(
      fc.property(scaleAndScores(), ([scale, scores]) => {
        const result = asSpread(spreadOf(scores, scale));
        if (scores.length < 3) expect(result.outliers).toEqual([]);
        for (const outlier of result.outliers) {
          const others = result.scores.filter((entry) => entry !== outlier).map((e) => e.score);
          const outside =
            outlier.score < Math.min(...others) || outlier.score > Math.max(...others);
          expect(outside).toBe(true);
        }
        // Agreement near 1 leaves no room for an outlier.
        if (result.agreement === 1) expect(result.outliers).toEqual([]);
      }),
    );
  });

  it('byDisagreement returns the same rows, least agreement first', () => {
    fc.assert(
      fc.property(fc.array(scaleAndScores(0), { maxLength: 8 }), (cells) => {
        const rows = cells.map(([scale, scores], index) => ({
          index,
          spread: spreadOf(scores, scale),
        }));
        const sorted = byDisagreement(rows);
        expect([...sorted].sort((a, b) => a.index - b.index)).toEqual(rows);
        const keys = sorted.map((row) =>
          row.spread.kind === 'spread' ? row.spread.disagreement : -1,
        );
        for (let index = 1; index < keys.length; index += 1) {
          expect(keys[index]).toBeLessThanOrEqual((keys[index - 1] ?? 0) + 1e-9);
        }
      }),
    );
  });
});
