/** Consensus scores, worked by hand, and the promise that they always lie on the scale. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RICE_CONFIDENCES, onScale, scaleOf, type Scale } from '../../../shared/strategy/scoring';
import {
  consensusScore,
  consensusScores,
  snapToScale,
  type ConsensusRule,
} from '../../../shared/workshop/consensus';
import { spreadOf, type ScoreSpread } from '../../../shared/workshop/statistics';

const ONE_TO_FIVE = scaleOf('1-5');
const FIB = scaleOf('fibonacci');
const CONFIDENCE: Scale = { kind: 'set', values: RICE_CONFIDENCES, label: '100 %, 80 %, 50 %' };

const spread = (scores: readonly number[], scale: Scale): ScoreSpread =>
  spreadOf(
    scores.map((score, index) => ({ participant: `P${index + 1}`, score })),
    scale,
  );

describe('snapToScale', () => {
  it('keeps a value inside a range and clamps one outside', () => {
    expect(snapToScale(3.5, ONE_TO_FIVE)).toBe(3.5);
    expect(snapToScale(7, ONE_TO_FIVE)).toBe(5);
    expect(snapToScale(-2, ONE_TO_FIVE)).toBe(1);
  });

  it('takes the nearest value of a set, a tie going to the higher', () => {
    expect(snapToScale(4, FIB)).toBe(5);
    expect(snapToScale(6, FIB)).toBe(5);
    expect(snapToScale(7, FIB)).toBe(8);
    expect(snapToScale(10.5, FIB)).toBe(13);
    expect(snapToScale(99, FIB)).toBe(20);
    expect(snapToScale(0, FIB)).toBe(1);
    // 0.9 is not exactly midway in binary; it is still a tie, and goes up.
    expect(snapToScale((0.8 + 1) / 2, CONFIDENCE)).toBe(1);
    expect(snapToScale(0.65, CONFIDENCE)).toBe(0.8);
  });
});

describe('consensusScore, by hand', () => {
  it('one participant: their score', () => {
    expect(consensusScore(spread([8], FIB), 'median', FIB)).toEqual({
      kind: 'score',
      score: 8,
      rule: 'median',
    });
  });

  it('two participants: the median of 3 and 5 on Fibonacci snaps up to 5; a range keeps 3.5', () => {
    expect(consensusScore(spread([5, 3], FIB), 'median', FIB)).toEqual({
      kind: 'score',
      score: 5,
      rule: 'median',
      computed: 4,
    });
    expect(consensusScore(spread([3, 4], ONE_TO_FIVE), 'median', ONE_TO_FIVE)).toEqual({
      kind: 'score',
      score: 3.5,
      rule: 'median',
    });
    expect(consensusScore(spread([0.8, 1], CONFIDENCE), 'mean', CONFIDENCE)).toMatchObject({
      score: 1,
    });
  });

  it('three participants: the median resists the outlier, the mean does not', () => {
    const scores = spread([3, 13, 5], FIB);
    expect(consensusScore(scores, 'median', FIB)).toMatchObject({ score: 5 });
    // Mean 7 → 8 (one from 8, two from 5).
    expect(consensusScore(scores, 'mean', FIB)).toEqual({
      kind: 'score',
      score: 8,
      rule: 'mean',
      computed: 7,
    });
  });

  it('seven participants', () => {
    const scores = spread([5, 3, 20, 5, 8, 3, 5], FIB);
    expect(consensusScore(scores, 'median', FIB)).toEqual({
      kind: 'score',
      score: 5,
      rule: 'median',
    });
    expect(consensusScore(scores, 'mean', FIB)).toMatchObject({ score: 8, computed: 7 });
    const range = spread([1, 2, 2, 3, 4, 4, 5], ONE_TO_FIVE);
    expect(consensusScore(range, 'median', ONE_TO_FIVE)).toMatchObject({ score: 3 });
    expect(consensusScore(range, 'mean', ONE_TO_FIVE)).toMatchObject({ score: 3 });
  });

  it("takes the facilitator's call on the scale, with its note", () => {
    const call = { facilitator: 13, note: '  Regulator deadline in Q3  ' };
    expect(consensusScore(spread([3, 5], FIB), call, FIB)).toEqual({
      kind: 'score',
      score: 13,
      rule: 'facilitator',
      note: 'Regulator deadline in Q3',
    });
    // Even when nobody scored.
    expect(consensusScore(spread([], FIB), call, FIB)).toMatchObject({ score: 13 });
  });

  it('refuses a call off the scale or without a note, and a median of nothing', () => {
    expect(consensusScore(spread([3], FIB), { facilitator: 4, note: 'why' }, FIB)).toEqual({
      kind: 'problem',
      problem: "The facilitator's score 4 is not on the modified Fibonacci scale.",
    });
    expect(consensusScore(spread([3], FIB), { facilitator: 5, note: ' ' }, FIB)).toEqual({
      kind: 'problem',
      problem: "The facilitator's call needs a note saying why.",
    });
    expect(consensusScore(spread([], FIB), 'median', FIB)).toEqual({
      kind: 'problem',
      problem: 'No one scored it, so there is no median to take.',
    });
  });
});

describe('consensusScores', () => {
  const criteria = [
    { id: 'value', scale: FIB },
    { id: 'fit', scale: ONE_TO_FIVE },
  ];

  it('decides every item on every criterion, by its own rule or the default', () => {
    const result = consensusScores(
      [
        { itemId: 'crm', criterionId: 'value', spread: spread([3, 5], FIB) },
        { itemId: 'crm', criterionId: 'fit', spread: spread([2, 3, 5], ONE_TO_FIVE) },
        {
          itemId: 'erp',
          criterionId: 'value',
          spread: spread([1, 20], FIB),
          rule: { facilitator: 8, note: 'Split room; sponsor view' },
        },
        { itemId: 'erp', criterionId: 'fit', spread: spread([], ONE_TO_FIVE) },
        { itemId: 'erp', criterionId: 'risk', spread: spread([3], ONE_TO_FIVE) },
        { itemId: 'crm', criterionId: 'value', spread: spread([20], FIB) },
      ],
      criteria,
    );
    expect(result.scores).toEqual({ crm: { value: 5, fit: 3 }, erp: { value: 8 } });
    expect(result.decisions.map((decision) => decision.kind)).toEqual([
      'score',
      'score',
      'score',
      'problem',
      'problem',
      'problem',
    ]);
    expect(result.decisions[2]).toMatchObject({ itemId: 'erp', note: 'Split room; sponsor view' });
    expect(result.decisions[4]).toMatchObject({
      problem: 'The scoring model has no criterion "risk".',
    });
  });

  it('uses the mean when the session asks for it', () => {
    const result = consensusScores(
      [{ itemId: 'crm', criterionId: 'value', spread: spread([3, 13, 5], FIB) }],
      criteria,
      'mean',
    );
    expect(result.scores).toEqual({ crm: { value: 8 } });
  });

  it('keeps an id such as __proto__ as a plain key', () => {
    const result = consensusScores(
      [{ itemId: '__proto__', criterionId: 'fit', spread: spread([4], ONE_TO_FIVE) }],
      [{ id: 'fit', scale: ONE_TO_FIVE }],
    );
    expect(Object.keys(result.scores)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(result.scores)).toBe(Object.prototype);
  });
});

const SCALES: readonly Scale[] = [
  scaleOf('1-5'),
  scaleOf('1-10'),
  scaleOf('0-100'),
  FIB,
  CONFIDENCE,
];

const scoreOn = (scale: Scale): fc.Arbitrary<number> =>
  scale.kind === 'set'
    ? fc.constantFrom(...scale.values)
    : fc.double({ min: scale.min, max: scale.max, noNaN: true });

describe('consensus, properties', () => {
  it('is always on the scale, for the median, the mean and a call on the scale', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...SCALES).chain((scale) =>
          fc.tuple(
            fc.constant(scale),
            fc.array(scoreOn(scale), { minLength: 1, maxLength: 9 }),
            fc.oneof(
              fc.constantFrom<ConsensusRule>('median', 'mean'),
              scoreOn(scale).map((facilitator) => ({ facilitator, note: 'because' })),
            ),
          ),
        ),
        ([scale, scores, rule]) => {
          const result = consensusScore(spread(scores, scale), rule, scale);
          expect(result.kind).toBe('score');
          if (result.kind === 'score') expect(onScale(scale, result.score)).toBe(true);
        },
      ),
    );
  });

  it('snaps any number onto the scale, to a nearest point, and leaves a point on it alone', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...SCALES),
        fc.double({ min: -1000, max: 1000, noNaN: true }),
        (scale, value) => {
          const snapped = snapToScale(value, scale);
          expect(onScale(scale, snapped)).toBe(true);
          expect(snapToScale(snapped, scale)).toBe(snapped);
          if (scale.kind === 'set') {
            const distance = Math.abs(snapped - value);
            for (const allowed of scale.values) {
              expect(Math.abs(allowed - value)).toBeGreaterThanOrEqual(distance - 1e-9);
            }
          }
        },
      ),
    );
  });
});
