import highsLoader, { type Highs } from 'highs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildModel, columnsFor, startsIn } from '../../../shared/optimize/model';
import { chooseFree, searchNeighbourhoods } from '../../../shared/optimize/neighbourhood';
import { seededRandom } from '../../../shared/optimize/optimize';
import { solveModel } from '../../../shared/optimize/solve';
import { warmSolver, warmUpPortfolio } from '../../../shared/optimize/warm';
import { checkPortfolioRules } from '../../../shared/portfolio/rules';
import { generateConstrainedPortfolio } from '../../bench/generate-portfolio';
import { planValue, planViolations } from './check-plan';

let highs: Highs;
beforeAll(async () => {
  highs = await highsLoader();
});

/** The plan of a solution vector as the checker reads it. */
function planOf(portfolio: ReturnType<typeof generateConstrainedPortfolio>, x: Float64Array) {
  const model = buildModel(portfolio);
  return [...startsIn(model, x)].map(([index, start]) => ({
    id: portfolio.initiatives[index]!.id,
    start: portfolio.periods[start]!.id,
  }));
}

describe('searchNeighbourhoods', () => {
  it('improves a poor plan round by round, every plan keeping every rule', () => {
    const portfolio = generateConstrainedPortfolio({
      initiatives: 60,
      teams: 5,
      periods: 6,
      seed: 4,
    });
    const model = buildModel(portfolio);
    // Start from the empty plan: it keeps every rule and is worth nothing.
    const empty = columnsFor(model, new Map());
    const seen: number[] = [];
    let rounds = 0;
    const result = searchNeighbourhoods(highs, model, empty, {
      random: seededRandom(3),
      remaining: () => (rounds++ < 30 ? 1 : 0),
      onBetter: (x, objective) => {
        seen.push(objective);
        const plan = planOf(portfolio, x);
        expect(planViolations(portfolio, plan)).toEqual([]);
        expect(planValue(portfolio, plan)).toBeCloseTo(objective, 6);
      },
    });
    expect(result.improvements).toBeGreaterThan(0);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(result.objective).toBe(seen.at(-1));
    const plan = planOf(portfolio, result.x);
    expect(planViolations(portfolio, plan)).toEqual([]);
    // Never above what can be proven for the portfolio.
    const best = solveModel(highs, model, { timeLimit: 20 });
    expect(result.objective).toBeLessThanOrEqual(best.bound + 1e-6);
  }, 60_000);

  it('returns the plan it was given when no time is left', () => {
    const portfolio = generateConstrainedPortfolio({
      initiatives: 30,
      teams: 4,
      periods: 6,
      seed: 2,
    });
    const model = buildModel(portfolio);
    const x = columnsFor(model, new Map());
    const result = searchNeighbourhoods(highs, model, x, {
      random: seededRandom(1),
      remaining: () => 0,
    });
    expect(result.rounds).toBe(0);
    expect(result.x).toBe(x);
  });
});

describe('chooseFree', () => {
  it('frees some initiatives for a team round even when no initiative needs a team', () => {
    const portfolio = warmUpPortfolio(10);
    const model = buildModel({
      ...portfolio,
      initiatives: portfolio.initiatives.map((initiative) => ({ ...initiative, demand: {} })),
    });
    // A random source at 0 picks the team round.
    const free = chooseFree(model, new Int32Array(model.items.length).fill(-1), 4, () => 0);
    expect(free.size).toBe(4);
  });
});

describe('warmSolver', () => {
  it('solves a small valid portfolio and leaves the solver ready for the next solve', () => {
    const portfolio = warmUpPortfolio();
    expect(checkPortfolioRules(portfolio)).toEqual([]);
    warmSolver(highs);
    const small = generateConstrainedPortfolio({ initiatives: 12, teams: 3, periods: 4, seed: 5 });
    const result = solveModel(highs, buildModel(small), { timeLimit: 20 });
    expect(result.status).toBe('optimal');
  });

  it('gives up after half a second, so that a job arriving meanwhile waits little', () => {
    const limits: unknown[] = [];
    const spy = Object.create(highs) as Highs;
    spy.createModel = (data) => {
      const instance = highs.createModel(data);
      const set = instance.options.set.bind(instance.options) as (
        options: Readonly<Record<string, unknown>>,
      ) => ReturnType<typeof instance.options.set>;
      instance.options.set = ((options: Readonly<Record<string, unknown>>) => {
        limits.push(options.time_limit);
        return set(options);
      }) as typeof instance.options.set;
      return instance;
    };
    warmSolver(spy);
    expect(limits).toEqual([0.5]);
  });
});
