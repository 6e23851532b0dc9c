import { describe, expect, it } from 'vitest';
import { dependantsAndSelf, wouldCreateCycle } from '../../../shared/portfolio/dependencies';
import { emptyPortfolio, nextPeriod, quartersFrom } from '../../../shared/portfolio/empty';
import { uniqueId } from '../../../shared/portfolio/ids';
import { initiativeDuration, initiativeValue } from '../../../shared/portfolio/measures';
import { checkPortfolioRules } from '../../../shared/portfolio/rules';
import type { Initiative } from '../../../shared/portfolio/types';

const base: Initiative = { id: 'a', name: 'A', status: 'proposed' };

describe('initiative measures', () => {
  it('value: explicit first, then the portfolio’s scoring model', () => {
    const weighted = {
      objectives: [],
      scoring: {
        model: 'weighted' as const,
        criteria: [
          { id: 'v', name: 'V', weight: 3, scale: '0-10' as const },
          { id: 'r', name: 'R', weight: 1, scale: '0-10' as const },
        ],
      },
    };
    expect(initiativeValue({ ...base, value: 7, scores: { v: 1 } }, weighted)).toBe(7);
    // (3 × 80 + 1 × 40) / 4 on a 0–100 scale.
    expect(initiativeValue({ ...base, scores: { v: 8, r: 4 } }, weighted)).toBe(70);
    // WSJF's value is the cost of delay.
    expect(
      initiativeValue(
        { ...base, scores: { businessValue: 5, timeCriticality: 3, riskReduction: 2, jobSize: 5 } },
        { objectives: [], scoring: { model: 'wsjf' } },
      ),
    ).toBe(10);
    // RICE's value is reach × impact × confidence.
    expect(
      initiativeValue(
        { ...base, scores: { reach: 100, impact: 2, confidence: 0.5, effort: 4 } },
        { objectives: [], scoring: { model: 'rice' } },
      ),
    ).toBe(100);
    expect(initiativeValue(base, { objectives: [] })).toBeUndefined();
  });

  it('duration: the longest list, or duration when longer', () => {
    expect(initiativeDuration({ ...base, demand: { t: [1, 2], u: [1, 1, 1] }, spend: [5] })).toBe(
      3,
    );
    expect(initiativeDuration({ ...base, demand: { t: [1] }, duration: 4 })).toBe(4);
    expect(initiativeDuration(base)).toBe(0);
  });
});

describe('new things', () => {
  it('quarters and the next period', () => {
    expect(quartersFrom('2026-11-25', 3).map((period) => period.id)).toEqual([
      '2026-Q4',
      '2027-Q1',
      '2027-Q2',
    ]);
    expect(
      nextPeriod({ id: '2027-Q4', label: 'Q4 2027' }, new Set(['2027-Q4']), '2026-11-25'),
    ).toEqual({
      id: '2028-Q1',
      label: 'Q1 2028',
      start: '2028-01-01',
      end: '2028-03-31',
    });
    expect(
      nextPeriod({ id: 'sprint-9', label: 'S9' }, new Set(['sprint-9']), '2026-11-25').id,
    ).toBe('P2');
  });

  it('an empty portfolio starts next quarter and keeps every rule', () => {
    const empty = emptyPortfolio('2026-11-25');
    expect(empty.periods[0]?.id).toBe('2027-Q1');
    expect(empty.periods).toHaveLength(6);
    expect(checkPortfolioRules(empty)).toEqual([]);
    expect(emptyPortfolio('2027-02-10').periods[0]?.id).toBe('2027-Q2');
  });

  it('unique ids and cycle checks', () => {
    expect(uniqueId('New team', new Set(['new-team', 'new-team-2']))).toBe('new-team-3');
    const initiatives: Initiative[] = [
      { ...base, id: 'a', dependsOn: ['b'] },
      { ...base, id: 'b', dependsOn: ['c'] },
      { ...base, id: 'c' },
    ];
    expect(wouldCreateCycle(initiatives, 'c', 'a')).toBe(true);
    expect(wouldCreateCycle(initiatives, 'a', 'c')).toBe(false);
    expect(wouldCreateCycle(initiatives, 'a', 'a')).toBe(true);
    // The set the editor offers prerequisites from: the same answer for every candidate.
    for (const id of initiatives.map((initiative) => initiative.id)) {
      const closing = dependantsAndSelf(initiatives, id);
      for (const other of initiatives) {
        expect(closing.has(other.id)).toBe(wouldCreateCycle(initiatives, id, other.id));
      }
    }
  });
});
