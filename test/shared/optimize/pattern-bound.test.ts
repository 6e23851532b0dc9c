import highsLoader, { type Highs } from 'highs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildModel } from '../../../shared/optimize/model';
import { patternBound } from '../../bench/bound/pattern-bound';
import { solveModel } from '../../../shared/optimize/solve';
import { generateConstrainedPortfolio } from '../../bench/generate-portfolio';
import { item, small } from './small-portfolio';

let highs: Highs;
beforeAll(async () => {
  highs = await highsLoader();
});

describe('the pattern bound', () => {
  it('sees that two six-FTE initiatives cannot share a ten-FTE team, which the LP cannot', () => {
    // Each needs 6 of Platform's 10 FTE in both quarters: only one fits, worth 10. The LP
    // relaxation takes one and two thirds of another (16.7).
    const portfolio = small([item('a', 10, [6, 6]), item('b', 10, [6, 6]), item('c', 10, [6, 6])]);
    const model = buildModel(portfolio);
    const result = patternBound(highs, model);
    expect(result.lpBound).toBeCloseTo(50 / 3, 4);
    expect(result.converged).toBe(true);
    expect(result.bound).toBeCloseTo(10, 4);
  });

  it('holds forced-in initiatives and bounds what fits beside them', () => {
    // "a" and "b" are forced in and take 8 of 10 FTE; "c" (6 FTE) cannot join them.
    const portfolio = small([
      item('a', 10, [4, 4], { forced: 'in' }),
      item('b', 10, [4, 4], { forced: 'in' }),
      item('c', 50, [6, 6]),
    ]);
    const model = buildModel(portfolio);
    expect(solveModel(highs, model).objective).toBe(20);
    const result = patternBound(highs, model);
    expect(result.lpBound).toBeGreaterThan(30);
    expect(result.bound).toBeCloseTo(20, 4);
  });

  it('keeps a chosen initiative in every team it needs at once', () => {
    // "a" needs both teams; "b" and "c" each fill one team next to it. Best: "b" and "c" (12).
    const portfolio = small(
      [
        { ...item('a', 9, []), demand: { platform: [6], data: [6] } },
        { ...item('b', 6, []), demand: { platform: [6] } },
        { ...item('c', 6, []), demand: { data: [6] } },
      ],
      {
        periods: [{ id: 'Q1', label: 'Q1 2027' }],
        teams: [
          { id: 'platform', name: 'Platform', capacity: { Q1: 10 } },
          { id: 'data', name: 'Data', capacity: { Q1: 10 } },
        ],
      },
    );
    const model = buildModel(portfolio);
    const optimum = solveModel(highs, model);
    expect(optimum.objective).toBe(12);
    const result = patternBound(highs, model);
    expect(result.bound).toBeGreaterThanOrEqual(optimum.objective - 1e-6);
    expect(result.bound).toBeLessThanOrEqual(result.lpBound + 1e-6);
  });

  it('is never below the proven best plan, nor above the LP relaxation, on generated portfolios', () => {
    for (let seed = 1; seed <= 4; seed += 1) {
      const portfolio = generateConstrainedPortfolio({
        initiatives: 12,
        teams: 2,
        periods: 4,
        seed,
      });
      const model = buildModel(portfolio);
      const optimum = solveModel(highs, model);
      expect(optimum.status).toBe('optimal');
      const result = patternBound(highs, model);
      expect(result.bound).toBeGreaterThanOrEqual(optimum.objective - 1e-6);
      expect(result.bound).toBeLessThanOrEqual(result.lpBound + 1e-6);
      // Stopped after one round, what it reports is still a bound.
      const early = patternBound(highs, model, { maxRounds: 1 });
      expect(early.bound).toBeGreaterThanOrEqual(optimum.objective - 1e-6);
      expect(early.bound).toBeGreaterThanOrEqual(result.bound - 1e-6);
    }
  });
});
