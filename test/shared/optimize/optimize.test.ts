import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import highsLoader, { type Highs } from 'highs';
import { beforeAll, describe, expect, it } from 'vitest';
import { optimizePortfolio, type OptimizeResult } from '../../../shared/optimize/optimize';
import { describeOutReason } from '../../../shared/optimize/plan';
import { readPortfolioText } from '../../../shared/portfolio/restore';
import type { Portfolio } from '../../../shared/portfolio/types';
import { computeCutLine } from '../../../shared/prioritize/cutline';
import { generateConstrainedPortfolio } from '../../bench/generate-portfolio';
import { portfolioArbitrary } from '../portfolio/arbitraries';
import { MKNAP_FILES } from '../portfolio/fixtures';
import { item, small } from './small-portfolio';
import { planValue, planViolations } from './check-plan';

let highs: Highs;
beforeAll(async () => {
  highs = await highsLoader();
});

const clock = () => performance.now() / 1000;

function fixture(name: string): { portfolio: Portfolio; optimum?: number } {
  const text = readFileSync(
    fileURLToPath(new URL(`../../fixtures/${name}`, import.meta.url)),
    'utf8',
  );
  const result = readPortfolioText(text);
  if (!result.ok) throw new Error(`${name} is not a valid portfolio`);
  const reference = result.portfolio.extras?.reference as { optimum?: number } | undefined;
  return {
    portfolio: result.portfolio,
    ...(reference?.optimum !== undefined && { optimum: reference.optimum }),
  };
}

function expectSound(portfolio: Portfolio, result: OptimizeResult) {
  expect(planViolations(portfolio, result.selected)).toEqual([]);
  expect(result.objective).toBeCloseTo(planValue(portfolio, result.selected), 6);
  expect(result.bound).toBeGreaterThanOrEqual(result.objective);
  const ids = [
    ...result.selected.map((entry) => entry.id),
    ...result.rejected.map((entry) => entry.id),
  ];
  expect(ids.sort()).toEqual(portfolio.initiatives.map((entry) => entry.id).sort());
}

describe('optimizePortfolio on OR-Library mknap1', () => {
  it.each(MKNAP_FILES)('reaches the proven optimum of %s', (name) => {
    const { portfolio, optimum } = fixture(name);
    const result = optimizePortfolio(highs, portfolio, { timeLimit: 60, now: clock });
    expect(result.status).toBe('optimal');
    expect(result.objective).toBeCloseTo(optimum as number, 6);
    expect(result.bound).toBeCloseTo(optimum as number, 4);
    expectSound(portfolio, result);
  });
});

describe('optimizePortfolio rules', () => {
  it('chooses the best combination where ranking by value alone would not', () => {
    // A greedy by value takes A (9) and then nothing fits; B + C (5 + 5) is worth more.
    const portfolio = small([item('a', 9, [8, 8]), item('b', 5, [5, 5]), item('c', 5, [5, 5])]);
    const result = optimizePortfolio(highs, portfolio, { now: clock });
    expect(result.status).toBe('optimal');
    expect(result.objective).toBe(10);
    expect(result.selected.map((entry) => entry.id).sort()).toEqual(['b', 'c']);
    expect(describeOutReason(result.rejected[0]!.reason, portfolio)).toBe(
      'Platform is 8 FTE short in Q1 2027',
    );
  });

  it('schedules a dependant after its prerequisite has finished', () => {
    const portfolio = small([item('app', 10, [2], { dependsOn: ['lake'] }), item('lake', 1, [2])]);
    const result = optimizePortfolio(highs, portfolio, { now: clock });
    expect(result.selected).toEqual([
      { id: 'lake', start: 'Q1', startIndex: 0, endIndex: 0 },
      { id: 'app', start: 'Q2', startIndex: 1, endIndex: 1 },
    ]);
  });

  it('keeps exclusions, forced out, fixed starts and windows, and says why each is out', () => {
    const portfolio = small([
      item('build', 6, [1], { excludes: ['buy'] }),
      item('buy', 5, [1]),
      item('legacy', 50, [1], { forced: 'out' }),
      item('late', 50, [1, 1], { earliestStart: 'Q2' }),
      item('pinned', 3, [1], { start: 'Q2' }),
      item('needs-late', 40, [1], { dependsOn: ['late'] }),
    ]);
    const result = optimizePortfolio(highs, portfolio, { now: clock });
    expectSound(portfolio, result);
    const reasons = Object.fromEntries(
      result.rejected.map((entry) => [entry.id, describeOutReason(entry.reason, portfolio)]),
    );
    expect(reasons).toEqual({
      buy: 'excludes BUILD, which is in the plan',
      legacy: 'forced out',
      late: 'cannot finish by Q2 2027, the last period',
      'needs-late': 'needs LATE, which cannot be done',
    });
    expect(result.selected).toContainEqual({
      id: 'pinned',
      start: 'Q2',
      startIndex: 1,
      endIndex: 1,
    });
  });

  it('says when a prerequisite finishes too late in the plan', () => {
    const portfolio: Portfolio = {
      ...small([
        item('c', 10, [10], { start: 'Q1' }),
        item('a', 1, [5]),
        item('b', 3, [1], { dependsOn: ['a'], latestStart: 'Q2' }),
      ]),
      periods: [
        { id: 'Q1', label: 'Q1 2027' },
        { id: 'Q2', label: 'Q2 2027' },
        { id: 'Q3', label: 'Q3 2027' },
      ],
      teams: [{ id: 'platform', name: 'Platform', capacity: { Q1: 10, Q2: 10, Q3: 10 } }],
    };
    const result = optimizePortfolio(highs, portfolio, { now: clock });
    expect(result.objective).toBe(11);
    expect(result.rejected.map((entry) => describeOutReason(entry.reason, portfolio))).toEqual([
      'needs A to finish first, which in this plan is too late',
    ]);
  });

  it('keeps the budget per period', () => {
    const portfolio = small(
      [item('a', 5, [1], { spend: [70] }), item('b', 4, [1], { spend: [60] })],
      { budget: { Q1: 100, Q2: 100 } },
    );
    const result = optimizePortfolio(highs, portfolio, { now: clock });
    expect(result.objective).toBe(9);
    expect(new Set(result.selected.map((entry) => entry.start)).size).toBe(2);
  });

  it('never selects cancelled work, however valuable, and says why it is out', () => {
    const portfolio = small([
      item('voice', 100, [1], { status: 'cancelled' }),
      item('voice-forced', 100, [1], { status: 'cancelled', forced: 'in' }),
      item('b', 5, [1]),
    ]);
    const result = optimizePortfolio(highs, portfolio, { now: clock });
    expect(result.status).toBe('optimal');
    expectSound(portfolio, result);
    expect(result.selected.map((entry) => entry.id)).toEqual(['b']);
    const reasons = result.rejected.map((entry) => describeOutReason(entry.reason, portfolio));
    expect(reasons).toEqual(['cancelled', 'cancelled']);
  });

  it('selects committed work (active, done) before more valuable proposals, at its fixed start', () => {
    // Platform has 10 FTE; WMS (active, value 1) takes 6 in Q2, so the proposal worth 50 that needs
    // 8 in both quarters cannot be done: the plan keeps what is under way.
    const portfolio = small([
      item('portal', 50, [8, 8]),
      item('wms', 1, [6], { status: 'active', start: 'Q2' }),
      item('pod', 1, [1], { status: 'done', start: 'Q1' }),
      item('small', 2, [3]),
    ]);
    const result = optimizePortfolio(highs, portfolio, { now: clock });
    expect(result.status).toBe('optimal');
    expectSound(portfolio, result);
    expect(result.selected.map((entry) => entry.id).sort()).toEqual(['pod', 'small', 'wms']);
    expect(result.selected).toContainEqual({ id: 'wms', start: 'Q2', startIndex: 1, endIndex: 1 });
    expect(result.objective).toBe(4);
  });

  it('takes committed work out only on a stop decision (forced out)', () => {
    const portfolio = small([
      item('wms', 1, [6, 6], { status: 'active', forced: 'out', forcedReason: 'Stopped' }),
      item('portal', 50, [8, 8]),
    ]);
    const result = optimizePortfolio(highs, portfolio, { now: clock });
    expect(result.selected.map((entry) => entry.id)).toEqual(['portal']);
    expect(describeOutReason(result.rejected[0]!.reason, portfolio)).toBe('forced out');
  });

  it('names committed work that cannot all be done', () => {
    const portfolio = small([
      item('wms', 1, [6, 6], { status: 'active' }),
      item('fleet', 1, [6, 6], { status: 'done' }),
    ]);
    const result = optimizePortfolio(highs, portfolio, { now: clock });
    expect(result.status).toBe('infeasible');
    expect(result.conflict?.forced).toEqual(['wms', 'fleet']);
    expect(result.conflict?.message).toBe(
      'WMS (active) and FLEET (done) cannot all be done; placing them in turn, FLEET does not fit: Platform is 2 FTE short in Q1 2027',
    );
  });

  it('names forced-in initiatives that cannot all be done, and what breaks', () => {
    const portfolio = small([
      item('a', 1, [6, 6], { forced: 'in' }),
      item('b', 1, [6, 6], { forced: 'in' }),
      item('c', 1, [1], { forced: 'in' }),
    ]);
    const result = optimizePortfolio(highs, portfolio, { now: clock });
    expect(result.status).toBe('infeasible');
    expect(result.selected).toEqual([]);
    expect(result.conflict?.forced).toEqual(['a', 'b']);
    expect(result.conflict?.message).toBe(
      'A (forced in) and B (forced in) cannot all be done; placing them in turn, B does not fit: Platform is 2 FTE short in Q1 2027',
    );
  });

  it('names a forced-in initiative that cannot be done on its own', () => {
    const portfolio = small([item('huge', 1, [20], { forced: 'in' }), item('b', 1, [1])]);
    const result = optimizePortfolio(highs, portfolio, { now: clock });
    expect(result.status).toBe('infeasible');
    expect(result.conflict).toEqual({
      forced: ['huge'],
      message: 'HUGE is forced in but cannot be done: Platform is 10 FTE short in Q1 2027',
    });
  });

  it('never swaps the plan for a cut line that leaves a forced-in initiative out', () => {
    // The cut line of [X, Z, C] puts X at P1, which blocks Z (fixed at P2): worth 101, but Z is
    // forced in. The best plan that keeps every rule is X and Z at P2, worth 2.
    const portfolio: Portfolio = {
      ...small([
        item('x', 1, [0, 1], { forced: 'in' }),
        item('z', 1, [1], { forced: 'in', start: 'P2' }),
        item('c', 100, [1], { start: 'P3' }),
      ]),
      periods: [
        { id: 'P1', label: 'P1' },
        { id: 'P2', label: 'P2' },
        { id: 'P3', label: 'P3' },
      ],
      teams: [{ id: 'platform', name: 'T', capacity: { P1: 1, P2: 1, P3: 1 } }],
    };
    const result = optimizePortfolio(highs, portfolio, { now: clock });
    expect(result.status).toBe('optimal');
    expect(result.objective).toBe(2);
    expectSound(portfolio, result);
  });

  it('does not call a plan optimal when it stopped at a gap above zero', () => {
    // Seed 1's proof takes seconds; a 5 % gap is reached long before.
    const portfolio = generateConstrainedPortfolio({
      initiatives: 25,
      teams: 5,
      periods: 6,
      seed: 1,
    });
    const result = optimizePortfolio(highs, portfolio, {
      now: clock,
      relativeGap: 0.05,
      // Ample, so that a busy machine still reaches the 5 % gap; the gap stops the search first.
      timeLimit: 20,
    });
    if (result.status === 'optimal')
      expect(result.bound - result.objective).toBeLessThanOrEqual(1e-6);
    else expect(result.bound).toBeGreaterThan(result.objective);
    expect(result.gap).toBeLessThanOrEqual(0.05);
    expectSound(portfolio, result);
  }, 30_000);

  it('stops when asked, with a feasible plan and an honest status', () => {
    const portfolio = generateConstrainedPortfolio({
      initiatives: 200,
      teams: 8,
      periods: 8,
      seed: 3,
    });
    const result = optimizePortfolio(highs, portfolio, {
      now: clock,
      timeLimit: 30,
      shouldStop: () => true,
    });
    expect(result.stopped).toBe(true);
    expect(result.status).toBe('feasible');
    expect(result.selected.length).toBeGreaterThan(0);
    expect(result.gap).toBeGreaterThan(0);
    expectSound(portfolio, result);
  });

  it('keeps to its time limit phase by phase, with a feasible plan, however slow the clock says it is', () => {
    const portfolio = generateConstrainedPortfolio({
      initiatives: 200,
      teams: 8,
      periods: 8,
      seed: 2,
    });
    // A clock that says 20 ms went by at every look: the start plans, the ranking search and the
    // neighbourhood search all look often, and must each give way to the next on time.
    let time = 0;
    const slow = () => (time += 0.02);
    const result = optimizePortfolio(highs, portfolio, { now: slow, timeLimit: 2 });
    expect(result.status).toBe('feasible');
    expect(result.selected.length).toBeGreaterThan(0);
    expect(result.elapsed).toBeLessThanOrEqual(2.1);
    expectSound(portfolio, result);
  });

  it('reports progress with better plans as it finds them', () => {
    const portfolio = generateConstrainedPortfolio({
      initiatives: 25,
      teams: 5,
      periods: 6,
      seed: 2,
    });
    const seen: number[] = [];
    const result = optimizePortfolio(highs, portfolio, {
      now: clock,
      onProgress: (progress) => {
        if (progress.plan) seen.push(progress.objective as number);
      },
    });
    expect(result.status).toBe('optimal');
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.at(-1)).toBe(result.objective);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
  });

  it('gives a ranking whose cut line is the plan, for applying it as a scenario', () => {
    const portfolio = generateConstrainedPortfolio({
      initiatives: 25,
      teams: 5,
      periods: 6,
      seed: 4,
    });
    const result = optimizePortfolio(highs, portfolio, { now: clock });
    expect(result.rankingKeepsPlan).toBe(true);
    const cutLine = computeCutLine(portfolio, result.ranking);
    const above = cutLine.placements.filter((placement) => placement.above);
    expect(above.map((placement) => placement.id).sort()).toEqual(
      result.selected.map((entry) => entry.id).sort(),
    );
    for (const entry of result.selected) {
      expect(cutLine.byId.get(entry.id)).toMatchObject({ above: true, start: entry.start });
    }
  });
});

describe('optimizePortfolio properties', () => {
  it('returns a feasible plan worth at least the cut line of any ranking', () => {
    fc.assert(
      fc.property(portfolioArbitrary, (portfolio) => {
        const result = optimizePortfolio(highs, portfolio, { timeLimit: 10, now: clock });
        if (result.status === 'infeasible') {
          expect(result.conflict?.forced.length).toBeGreaterThan(0);
          return;
        }
        expect(result.status).toBe('optimal');
        expectSound(portfolio, result);
        // Every ranking's cut line that keeps the forced-in initiatives is a plan too.
        for (const scenario of portfolio.scenarios) {
          const cutLine = computeCutLine(portfolio, scenario.ranking);
          const above = cutLine.placements.filter((placement) => placement.above);
          const pinnedBelow = portfolio.initiatives.some(
            (entry) =>
              entry.status !== 'cancelled' &&
              (entry.forced === 'in' ||
                ((entry.status === 'active' || entry.status === 'done') &&
                  entry.forced !== 'out')) &&
              !cutLine.byId.get(entry.id)?.above,
          );
          if (pinnedBelow) continue;
          expect(result.objective).toBeGreaterThanOrEqual(planValue(portfolio, above) - 1e-6);
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe('quick runs', () => {
  it('solve the LP relaxation even when the start plans took more than its share of a normal run', () => {
    const portfolio = generateConstrainedPortfolio({
      initiatives: 12,
      teams: 3,
      periods: 4,
      seed: 5,
    });
    let relaxations = 0;
    const spy = Object.create(highs) as Highs;
    spy.withModel = ((...args: Parameters<Highs['withModel']>) => {
      relaxations += 1;
      return highs.withModel(...args);
    }) as Highs['withModel'];
    // A clock that has run half of the 10 s by the time the first start plan is reported.
    let time = 0;
    const result = optimizePortfolio(spy, portfolio, {
      timeLimit: 10,
      quick: true,
      now: () => time,
      onProgress: () => {
        time = Math.max(time, 5);
      },
    });
    expect(relaxations).toBe(1);
    expect(result.status).toBe('optimal');
  });
});
