import highsLoader, { type Highs } from 'highs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  efficientFrontier,
  valuePerCostOrder,
  type Frontier,
} from '../../../shared/optimize/frontier';
import { optimizePortfolio } from '../../../shared/optimize/optimize';
import { estimateRange, robustness } from '../../../shared/optimize/robustness';
import { describeLimits, whatItTakes } from '../../../shared/optimize/what-it-takes';
import { seededRandom } from '../../../shared/optimize/optimize';
import { generateConstrainedPortfolio } from '../../bench/generate-portfolio';
import { item, small } from './small-portfolio';
import { planValue } from './check-plan';

let highs: Highs;
beforeAll(async () => {
  highs = await highsLoader();
});
const clock = () => performance.now() / 1000;

// A greedy by value takes A and nothing else fits; B + C is worth one more.
const knapsack = () => small([item('a', 9, [8, 8]), item('b', 5, [5, 5]), item('c', 5, [5, 5])]);

describe('whatItTakes', () => {
  it('names the limits, the value lost if forced in and the value needed to get in', () => {
    const portfolio = knapsack();
    const plan = optimizePortfolio(highs, portfolio, { now: clock });
    const answer = whatItTakes(highs, portfolio, plan, 'a', { now: clock });
    expect(answer).toMatchObject({ id: 'a', value: 9, valueLost: 1, valueNeeded: 10, exact: true });
    expect(answer.limits.map((limits) => describeLimits(limits, portfolio))).toEqual([
      'From Q1 2027: Platform is 8 FTE short in Q1 2027; Platform is 8 FTE short in Q2 2027',
    ]);
    expect(describeLimits(answer.limits[0]!, portfolio, 1)).toBe(
      'From Q1 2027: Platform is 8 FTE short in Q1 2027; and 1 more',
    );
    // Just above the value needed, the optimizer takes it.
    const richer = small([item('a', 10.5, [8, 8]), item('b', 5, [5, 5]), item('c', 5, [5, 5])]);
    const again = optimizePortfolio(highs, richer, { now: clock });
    expect(again.selected.map((entry) => entry.id)).toEqual(['a']);
  });

  it('says when no value would do, with the rule that breaks', () => {
    const portfolio = small([
      item('build', 6, [1], { excludes: ['buy'], forced: 'in' }),
      item('buy', 5, [1]),
    ]);
    const plan = optimizePortfolio(highs, portfolio, { now: clock });
    const answer = whatItTakes(highs, portfolio, plan, 'buy', { now: clock });
    expect(answer.valueNeeded).toBeUndefined();
    expect(answer.forcedStatus).toBe('infeasible');
    expect(answer.conflict?.forced).toEqual(['build', 'buy']);
  });
});

describe('efficientFrontier', () => {
  const portfolio = generateConstrainedPortfolio({
    initiatives: 25,
    teams: 4,
    periods: 6,
    seed: 5,
  });
  let frontier: Frontier;
  beforeAll(() => {
    frontier = efficientFrontier(highs, portfolio, { points: 20, timeLimit: 60, now: clock });
  });

  it('solves 20 budgets from nothing to all, each plan within its budget and every rule', () => {
    expect(frontier.points).toHaveLength(20);
    expect(frontier.points[0]?.budget).toBe(0);
    frontier.points.forEach((point, index) => {
      expect(point.spend).toBeLessThanOrEqual(point.budget + 1e-6);
      expect(point.bound).toBeGreaterThanOrEqual(point.value);
      const selected = point.selected.map((id) => ({ id }));
      expect(point.value).toBeCloseTo(planValue(portfolio, selected), 6);
      if (index > 0) expect(point.value).toBeGreaterThanOrEqual(frontier.points[index - 1]!.value);
    });
    expect(frontier.points.every((point) => point.status === 'optimal')).toBe(true);
  });

  it('puts the greedy curve and the current scenario on or below the frontier', () => {
    const bestWithin = (spend: number) =>
      frontier.points.find((point) => point.budget >= spend - 1e-6)?.bound ?? Infinity;
    for (const point of [...frontier.greedy, frontier.current]) {
      expect(point.value).toBeLessThanOrEqual(bestWithin(point.spend) + 1e-6);
    }
    expect(frontier.greedy.length).toBeGreaterThan(3);
  });

  it('starts at what the forced-in initiatives and their prerequisites spend', () => {
    const forced = small([
      item('base', 1, [1], { spend: [40] }),
      item('must', 2, [1], { spend: [60], forced: 'in', dependsOn: ['base'] }),
      item('nice', 5, [1], { spend: [50] }),
    ]);
    const result = efficientFrontier(highs, forced, { points: 5, now: clock });
    expect(result.points.map((point) => point.budget)).toEqual([100, 112.5, 125, 137.5, 150]);
    expect(result.points.every((point) => point.status === 'optimal')).toBe(true);
    expect(result.points.map((point) => point.value)).toEqual([3, 3, 3, 3, 8]);
  });

  it('ranks the greedy curve by value per unit of spend', () => {
    const order = valuePerCostOrder(portfolio);
    const ratio = (id: string) => {
      const entry = portfolio.initiatives.find((initiative) => initiative.id === id)!;
      return (entry.value ?? 0) / (entry.spend ?? []).reduce((a, b) => a + b, 0);
    };
    for (let index = 1; index < order.length; index += 1) {
      expect(ratio(order[index - 1]!)).toBeGreaterThanOrEqual(ratio(order[index]!));
    }
  });
});

describe('robustness', () => {
  it('with no uncertainty, chooses the plan every run', () => {
    const portfolio = knapsack();
    const result = robustness(highs, portfolio, {
      runs: 5,
      range: 0,
      random: seededRandom(1),
      now: clock,
    });
    expect(result).toMatchObject({ runs: 5, counts: { a: 0, b: 5, c: 5 } });
  });

  it('with wide ranges, a close call goes both ways', () => {
    const portfolio = knapsack();
    const result = robustness(highs, portfolio, {
      runs: 40,
      range: 0.3,
      random: seededRandom(2),
      now: clock,
    });
    expect(result.runs).toBe(40);
    expect(result.counts.a).toBeGreaterThan(0);
    expect(result.counts.b).toBeGreaterThan(0);
    // Every run funds something: B or C alone always fits.
    expect(result.counts.a! + result.counts.b! + result.counts.c!).toBeGreaterThanOrEqual(40);
    expect(result.values).toHaveLength(40);
    expect(Math.min(...result.values)).toBeGreaterThan(0);
  });

  it("uses an initiative's own estimate range when it has one", () => {
    const own = item('x', 1, [1], { estimateRange: 0.5 });
    expect(estimateRange(own, 0.2)).toBe(0.5);
    expect(estimateRange(item('y', 1, [1]), 0.2)).toBe(0.2);
    // Known exactly: no range at all, rather than the default.
    expect(estimateRange(item('w', 1, [1], { estimateRange: 0 }), 0.2)).toBe(0);
    // Out of range (not a share below 1) when made in code: the default instead.
    expect(estimateRange(item('z', 1, [1], { estimateRange: 1 }), 0.2)).toBe(0.2);
    // An unknown key of the same name is not read: the field is.
    expect(estimateRange(item('v', 1, [1], { extras: { estimateRange: 0.5 } }), 0.2)).toBe(0.2);
  });
});
