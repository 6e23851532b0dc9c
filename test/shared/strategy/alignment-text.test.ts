import { describe, expect, it } from 'vitest';
import {
  callOutRule,
  callOutSentence,
  scoreFactors,
  scoreSentence,
} from '../../../shared/strategy/alignment-text';

const LOCALE = 'en-GB';

describe('the alignment in words', () => {
  it('splits the score into the share aligned and the fit of that share to the weights', () => {
    const factors = scoreFactors({
      score: 72,
      basis: 'spend',
      unaligned: { spendShare: 0.1, capacityShare: 0.5 },
    });
    expect(factors?.aligned).toBeCloseTo(0.9, 12);
    expect(factors?.fit).toBeCloseTo(0.8, 12);
    // Measured on capacity when that is the basis.
    expect(
      scoreFactors({
        score: 40,
        basis: 'capacity',
        unaligned: { spendShare: 0, capacityShare: 0.5 },
      })?.fit,
    ).toBeCloseTo(0.8, 12);
    expect(scoreFactors({ unaligned: { spendShare: 0, capacityShare: 0 } })).toBeUndefined();
  });

  it('says what the score means in one sentence', () => {
    expect(
      scoreSentence(
        { score: 72, basis: 'spend', unaligned: { spendShare: 0.1, capacityShare: 0 } },
        LOCALE,
      ),
    ).toBe(
      '90% of the funded spend serves an objective, and 20% of that would have to move between objectives to match their weights (100: all of it serves objectives, split exactly as weighted).',
    );
    expect(
      scoreSentence(
        { score: 100, basis: 'capacity', unaligned: { spendShare: 0, capacityShare: 0 } },
        LOCALE,
      ),
    ).toBe(
      'All of the funded capacity serves an objective, and it is split as the objectives’ weights ask (100: all of it serves objectives, split exactly as weighted).',
    );
    expect(
      scoreSentence(
        { score: 0, basis: 'spend', unaligned: { spendShare: 1, capacityShare: 1 } },
        LOCALE,
      ),
    ).toBe(
      'None of the funded spend serves an objective, so the portfolio scores 0 (100: all of it serves objectives, split exactly as weighted).',
    );
  });

  it('calls an objective out in words, on the basis measured', () => {
    const row = {
      name: 'Cut cost to serve',
      spendShare: 0.08,
      capacityShare: 0.3,
      globalWeight: 0.25,
      callOut: 'under-invested' as const,
    };
    expect(callOutSentence(row, 'spend', LOCALE)).toBe(
      'Cut cost to serve: 8% of funded spend for 25% of the weight — under-invested',
    );
    expect(callOutSentence(row, 'capacity', LOCALE)).toBe(
      'Cut cost to serve: 30% of funded capacity for 25% of the weight — under-invested',
    );
    const { callOut: _none, ...balanced } = row;
    expect(callOutSentence(balanced, 'spend', LOCALE)).toBeUndefined();
    expect(callOutRule(LOCALE)).toBe(
      'An objective is called out when its share is under half its weight or over one and a half times it, and at least 5 points away from it.',
    );
  });
});
