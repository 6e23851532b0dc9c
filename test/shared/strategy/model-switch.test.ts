/** Switching scoring models: the scoring a switch gives, and the ranking it would give, compared. */
import { describe, expect, it } from 'vitest';
import { DEMO_PORTFOLIO } from '../../../shared/demo/demo-portfolio';
import { initiativeValue } from '../../../shared/portfolio/measures';
import type { Initiative, Portfolio, ScoringModel } from '../../../shared/portfolio/types';
import {
  OTHER_MODELS_KEY,
  compareModels,
  newCriterionId,
  parkedCriteria,
  scoresOffScale,
  scoringAfterSwitch,
} from '../../../shared/strategy/model-switch';
import { modelRanking } from '../../../shared/strategy/scoring';

const WEIGHTED: ScoringModel = {
  model: 'weighted',
  criteria: [{ id: 'benefit', name: 'Benefit', scale: '1-5' }],
};

/** Four initiatives of 4 units each against a team of 10: two fit. */
function portfolio(scoring: ScoringModel): Portfolio {
  const item = (id: string, benefit: number, business: number, size: number): Initiative => ({
    id,
    name: id.toUpperCase(),
    status: 'proposed',
    scores: { benefit, businessValue: business, timeCriticality: 1, jobSize: size },
    demand: { team: [4] },
  });
  return {
    name: 'Test',
    periods: [{ id: 'p1', label: 'P1' }],
    teams: [{ id: 'team', name: 'Team', capacity: { p1: 10 } }],
    objectives: [],
    scoring,
    initiatives: [item('a', 5, 1, 8), item('b', 4, 2, 8), item('c', 2, 13, 2), item('d', 1, 20, 1)],
    scenarios: [],
  };
}

describe('the scoring a switch gives', () => {
  it('parks the criteria left and restores them on the way back, extras and all', () => {
    const withExtras: ScoringModel = { ...WEIGHTED, extras: { note: 'kept' } };
    const wsjf = scoringAfterSwitch(withExtras, 'wsjf', []);
    expect(wsjf.extras).toEqual({
      note: 'kept',
      [OTHER_MODELS_KEY]: { weighted: WEIGHTED.criteria },
    });
    expect(parkedCriteria(wsjf)).toEqual({ weighted: WEIGHTED.criteria });
    const rice = scoringAfterSwitch(wsjf, 'rice', []);
    expect(Object.keys(parkedCriteria(rice))).toEqual(['weighted', 'wsjf']);
    const back = scoringAfterSwitch(rice, 'weighted', []);
    expect(back.criteria).toEqual(WEIGHTED.criteria);
    expect(back.extras?.note).toBe('kept');
    expect(Object.keys(parkedCriteria(back))).toEqual(['wsjf']);
  });

  it('ignores parked entries that are not criteria (the key comes from a file)', () => {
    const odd: ScoringModel = {
      model: 'rice',
      extras: {
        [OTHER_MODELS_KEY]: { weighted: [{ name: 'no id' }, 7, { id: 'x', scale: '2-4' }] },
      },
    };
    expect(parkedCriteria(odd)).toEqual({ weighted: [{ id: 'x', name: 'x' }] });
    expect(scoringAfterSwitch(odd, 'weighted', []).criteria).toEqual([
      { id: 'x', name: 'x', scale: '0-10' },
    ]);
  });

  it('makes criterion ids from names, clear of other criteria, other models and left scores', () => {
    expect(newCriterionId('Customer value!', [], [])).toBe('customer-value');
    expect(newCriterionId('Café crème', ['cafe-creme'], [])).toBe('cafe-creme-2');
    expect(newCriterionId('Reach', [], [])).toBe('reach-2');
    expect(newCriterionId('   ', [], [])).toBe('criterion');
    const left: Initiative = { id: 'a', name: 'A', status: 'proposed', scores: { risk: 3 } };
    expect(newCriterionId('Risk', [], [left])).toBe('risk-2');
  });
});

describe('comparing models', () => {
  it('ranks a copy with the other model and says who crosses the cut line', () => {
    const current = portfolio(WEIGHTED);
    const other = scoringAfterSwitch(WEIGHTED, 'wsjf', current.initiatives);
    const comparison = compareModels(current, other);
    // Weighted: a, b, c, d (two fit: a, b). WSJF: cost of delay ÷ job size puts d and c first.
    expect(modelRanking(current)).toEqual(['a', 'b', 'c', 'd']);
    expect(comparison.moves.map((move) => [move.id, move.placeNow, move.placeOther])).toEqual([
      ['d', 4, 1],
      ['c', 3, 2],
      ['b', 2, 3],
      ['a', 1, 4],
    ]);
    expect(comparison.moves.map((move) => move.gained)).toEqual([3, 1, -1, -3]);
    expect(comparison.moves.map((move) => move.crossing)).toEqual(['in', 'in', 'out', 'out']);
    expect(comparison.comesIn).toEqual(['d', 'c']);
    expect(comparison.goesOut).toEqual(['a', 'b']);
    // What comes in and goes out moves between these counts: 2 funded now + 2 − 2.
    expect([comparison.fundedNowCount, comparison.fundedOtherCount]).toEqual([2, 2]);
    expect(comparison.offScale).toEqual([]);
    // The portfolio compared is left as it was.
    expect(current.scoring).toBe(WEIGHTED);
    expect(initiativeValue(current.initiatives[0] as Initiative, current)).toBe(100);
  });

  it('lists the scores the other model would refuse, with their scale', () => {
    const current = portfolio(WEIGHTED);
    const tens: ScoringModel = {
      model: 'wsjf',
      criteria: [{ id: 'jobSize', name: 'Job size', scale: '1-5' }],
    };
    const offScale = compareModels(current, tens).offScale;
    expect(
      offScale.map((entry) => [entry.initiativeName, entry.criterionName, entry.score]),
    ).toEqual([
      ['A', 'Job size', 8],
      ['B', 'Job size', 8],
    ]);
    expect(offScale[0]?.scale.label).toBe('1–5');
    expect(scoresOffScale(current.initiatives, tens, new Set(['businessValue']))).toEqual([]);
  });

  it('compares the demo with every other model without losing an initiative', () => {
    for (const model of ['wsjf', 'rice', 'value-effort'] as const) {
      const other = scoringAfterSwitch(DEMO_PORTFOLIO.scoring, model, DEMO_PORTFOLIO.initiatives);
      const comparison = compareModels(DEMO_PORTFOLIO, other);
      expect(comparison.moves).toHaveLength(DEMO_PORTFOLIO.initiatives.length);
      // The demo has no scores for these models: nobody gets a priority, the order is the file's.
      expect(comparison.moves.every((move) => !move.rankedOther)).toBe(true);
    }
  });

  it('counts what is funded so that what comes in and goes out adds up, on the demo', () => {
    const comparison = compareModels(DEMO_PORTFOLIO, {
      model: 'value-effort',
      criteria: [
        { id: 'value', name: 'Value', scale: '0-100' },
        { id: 'effort', name: 'Effort', scale: '0-100' },
      ],
    });
    expect(comparison.fundedOtherCount).toBe(
      comparison.fundedNowCount + comparison.comesIn.length - comparison.goesOut.length,
    );
    // Both stacks are ranked by a model (not the board's scenario order), so the counts are the
    // models' own.
    expect(comparison.fundedNowCount).toBeGreaterThan(0);
  });
});
