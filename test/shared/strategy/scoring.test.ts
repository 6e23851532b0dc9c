/** The scoring models' value and priority, worked by hand, and the weighted model's properties. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CriterionScale, Initiative, Portfolio } from '../../../shared/portfolio/types';
import {
  FIBONACCI,
  modelCriteria,
  normalizeScore,
  onScale,
  portfolioScorer,
  scaleOf,
  scoreInitiative,
  strategicFit,
} from '../../../shared/strategy/scoring';

const base: Initiative = { id: 'a', name: 'A', status: 'proposed' };
const scored = (scores: Record<string, number>, value?: number): Initiative => ({
  ...base,
  scores,
  ...(value !== undefined && { value }),
});

describe('scales', () => {
  it('ranges take any number between their ends; Fibonacci only its seven numbers', () => {
    expect(onScale(scaleOf('1-5'), 3.5)).toBe(true);
    expect(onScale(scaleOf('1-5'), 0)).toBe(false);
    expect(onScale(scaleOf('0-100'), 100)).toBe(true);
    expect(onScale(scaleOf('fibonacci'), 13)).toBe(true);
    expect(onScale(scaleOf('fibonacci'), 4)).toBe(false);
    expect(onScale(scaleOf('fibonacci'), 21)).toBe(false);
  });

  it('normalizes the low end to 0 and the high end to 100', () => {
    expect(normalizeScore(scaleOf('1-5'), 1)).toBe(0);
    expect(normalizeScore(scaleOf('1-5'), 4)).toBe(75);
    expect(normalizeScore(scaleOf('0-10'), 6.5)).toBe(65);
    expect(normalizeScore(scaleOf('fibonacci'), 20)).toBe(100);
    expect(normalizeScore(scaleOf('fibonacci'), 8)).toBeCloseTo((7 / 19) * 100, 10);
  });
});

describe('weighted criteria', () => {
  const scoring = {
    model: 'weighted' as const,
    criteria: [
      { id: 'customer', name: 'Customer value', weight: 0.5, scale: '1-5' as const },
      { id: 'revenue', name: 'Revenue', weight: 0.3, scale: '0-100' as const },
      { id: 'risk', name: 'Risk reduction', weight: 0.2, scale: 'fibonacci' as const },
    ],
  };

  it('gives the weighted mean of the scores on 0–100, and the same number as priority', () => {
    // customer 4 on 1–5 → 75; revenue 40 → 40; risk 13 on Fibonacci → 12/19 × 100 = 63.16.
    const result = scoreInitiative(scored({ customer: 4, revenue: 40, risk: 13 }), scoring);
    const expected = 0.5 * 75 + 0.3 * 40 + 0.2 * ((12 / 19) * 100);
    expect(result.value).toBeCloseTo(expected, 10);
    expect(result.priority).toBeCloseTo(expected, 10);
    expect(result.breakdown.map((part) => part.contribution)).toEqual([
      37.5,
      12,
      expect.closeTo(0.2 * ((12 / 19) * 100), 10),
    ]);
    expect(result.missing).toEqual([]);
  });

  it('weighs only the criteria scored, and names the others', () => {
    const result = scoreInitiative(scored({ customer: 5 }), scoring);
    expect(result.value).toBe(100);
    expect(result.missing).toEqual(['Revenue', 'Risk reduction']);
    expect(scoreInitiative(scored({}), scoring).value).toBeUndefined();
  });

  it('reads a criterion without a scale on 0–10, as Baton did before scales', () => {
    const old = { model: 'weighted' as const, criteria: [{ id: 'v', name: 'V' }] };
    expect(scoreInitiative(scored({ v: 6.55 }), old).value).toBeCloseTo(65.5, 10);
  });

  it('keeps an explicit value as the value, with the model’s beside it and the model’s priority', () => {
    const result = scoreInitiative(scored({ customer: 5 }, 260), scoring);
    expect(result).toMatchObject({ value: 260, override: 260, modelValue: 100, priority: 100 });
  });

  it('takes strategic fit from the objective links, not from a typed score', () => {
    const withFit = {
      model: 'weighted' as const,
      criteria: [
        { id: 'fit', name: 'Strategic fit', weight: 1, source: 'strategic-fit' as const },
        { id: 'customer', name: 'Customer value', weight: 1, scale: '1-5' as const },
      ],
    };
    // A typed score for the computed criterion is not read.
    const result = scoreInitiative(scored({ fit: 0, customer: 5 }), withFit, 40);
    expect(result.value).toBe(70);
    expect(result.breakdown[0]).toMatchObject({ score: 40, normalized: 40 });
  });

  const scales: CriterionScale[] = ['1-5', '1-10', '0-10', '0-100', 'fibonacci'];
  const criterion = fc.record({
    weight: fc.double({ min: 0.01, max: 10, noNaN: true }),
    scale: fc.constantFrom(...scales),
    position: fc.double({ min: 0, max: 1, noNaN: true }),
  });
  const scoreAt = (scale: CriterionScale, position: number) => {
    const resolved = scaleOf(scale);
    if (resolved.kind === 'set') {
      return resolved.values[Math.min(resolved.values.length - 1, Math.floor(position * 7))]!;
    }
    return resolved.min + position * (resolved.max - resolved.min);
  };

  it('property: the value is from 0 to 100 and never falls when a score rises', () => {
    fc.assert(
      fc.property(
        fc.array(criterion, { minLength: 1, maxLength: 6 }),
        fc.nat(),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (criteria, pick, raise) => {
          const model = {
            model: 'weighted' as const,
            criteria: criteria.map((entry, index) => ({
              id: `c${index}`,
              name: `C${index}`,
              weight: entry.weight,
              scale: entry.scale,
            })),
          };
          const scores = Object.fromEntries(
            criteria.map((entry, index) => [`c${index}`, scoreAt(entry.scale, entry.position)]),
          );
          const before = scoreInitiative(scored(scores), model).value!;
          expect(before).toBeGreaterThanOrEqual(0);
          expect(before).toBeLessThanOrEqual(100 + 1e-9);
          const index = pick % criteria.length;
          const entry = criteria[index]!;
          const higher = scoreAt(entry.scale, entry.position + (1 - entry.position) * raise);
          const after = scoreInitiative(scored({ ...scores, [`c${index}`]: higher }), model).value!;
          expect(after).toBeGreaterThanOrEqual(before - 1e-9);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('WSJF', () => {
  const scoring = { model: 'wsjf' as const };

  it('values an initiative by its cost of delay and ranks it by cost of delay ÷ job size', () => {
    const result = scoreInitiative(
      scored({ businessValue: 8, timeCriticality: 5, riskReduction: 2, jobSize: 3 }),
      scoring,
    );
    expect(result.value).toBe(15);
    expect(result.priority).toBe(5);
  });

  it('has no priority without a job size, and scores on the modified Fibonacci scale', () => {
    const result = scoreInitiative(scored({ businessValue: 8 }), scoring);
    expect(result.value).toBe(8);
    expect(result.priority).toBeUndefined();
    expect(result.missing).toEqual([
      'Time criticality',
      'Risk reduction / opportunity enablement',
      'Job size',
    ]);
    expect(modelCriteria(scoring).map((criterion) => criterion.scale)).toEqual(
      Array(4).fill(expect.objectContaining({ kind: 'set', values: FIBONACCI })),
    );
  });

  it('never ranks by a typed value: a business case in money is no cost of delay', () => {
    const typed = scoreInitiative(scored({ jobSize: 1 }, 100_000), scoring);
    expect(typed).toMatchObject({ value: 100_000, override: 100_000 });
    expect(typed.priority).toBeUndefined();
    const both = scoreInitiative(
      scored({ businessValue: 20, timeCriticality: 20, riskReduction: 20, jobSize: 20 }, 100_000),
      scoring,
    );
    expect(both.priority).toBe(3);
  });
});

describe('RICE', () => {
  it('values reach × impact × confidence and ranks by that ÷ effort', () => {
    const result = scoreInitiative(scored({ reach: 2000, impact: 2, confidence: 0.8, effort: 4 }), {
      model: 'rice',
    });
    expect(result.value).toBe(3200);
    expect(result.priority).toBe(800);
  });

  it('needs reach, impact and confidence for a value', () => {
    const result = scoreInitiative(scored({ reach: 2000, effort: 4 }), { model: 'rice' });
    expect(result.value).toBeUndefined();
    expect(result.missing).toEqual(['Impact', 'Confidence']);
  });
});

describe('value / effort', () => {
  it('values the value score and ranks by value ÷ effort', () => {
    const result = scoreInitiative(scored({ value: 60, effort: 20 }), { model: 'value-effort' });
    expect(result.value).toBe(60);
    expect(result.priority).toBe(3);
    const zero = scoreInitiative(scored({ value: 60, effort: 0 }), { model: 'value-effort' });
    expect(zero.priority).toBeUndefined();
    expect(zero.noPriority).toBe(
      'Effort is 0: nothing can be divided by it, so there is no priority',
    );
  });
});

describe('strategic fit', () => {
  const portfolio: Pick<Portfolio, 'objectives' | 'objectiveComparisons' | 'scoring'> = {
    objectives: [
      { id: 'grow', name: 'Grow', parentId: null, weight: 0.6 },
      { id: 'save', name: 'Save', parentId: null, weight: 0.4 },
      { id: 'smb', name: 'SMB', parentId: 'grow', weight: 0.5 },
      { id: 'ent', name: 'Enterprise', parentId: 'grow', weight: 0.5 },
    ],
    scoring: {
      model: 'weighted',
      criteria: [{ id: 'fit', name: 'Fit', source: 'strategic-fit' }],
    },
  };

  it('is 100 for a strong link to the heaviest leaf objective, less for weaker or lighter', () => {
    // Global weights: smb 0.3, ent 0.3, save 0.4 (the heaviest leaf).
    const { score } = portfolioScorer(portfolio);
    const fit = (links: { id: string; contribution: number }[]) =>
      score({ ...base, objectives: links }).value;
    expect(fit([{ id: 'save', contribution: 3 }])).toBeCloseTo(100, 10);
    expect(fit([{ id: 'smb', contribution: 3 }])).toBeCloseTo(75, 10);
    expect(fit([{ id: 'smb', contribution: 1 }])).toBeCloseTo(25, 10);
    expect(
      fit([
        { id: 'smb', contribution: 3 },
        { id: 'save', contribution: 3 },
      ]),
    ).toBe(100);
    expect(fit([])).toBe(0);
  });

  it('counts nothing for a link to an objective that is not there', () => {
    expect(
      strategicFit({ ...base, objectives: [{ id: 'gone', contribution: 3 }] }, new Map(), 0.4),
    ).toBe(0);
  });
});
