import { describe, expect, it } from 'vitest';
import { DEMO_PORTFOLIO } from '../../../shared/demo/demo-portfolio';
import {
  computeCutLine,
  cutLineReport,
  describeReason,
  formatAmount,
  lineOf,
  placementOrder,
  scenarioCutLine,
  stackOrder,
  type BelowPlacement,
  type CutLine,
  type Placement,
} from '../../../shared/prioritize/cutline';
import type { Initiative, Portfolio, Team } from '../../../shared/portfolio/types';

const QUARTERS = ['Q1', 'Q2', 'Q3', 'Q4'];
const PERIODS = QUARTERS.map((quarter) => ({ id: `2027-${quarter}`, label: `${quarter} 2027` }));

/** The same amount in each of the four quarters. */
function every(amount: number): Record<string, number> {
  return Object.fromEntries(PERIODS.map((period) => [period.id, amount]));
}

const PLATFORM: Team = { id: 'platform', name: 'Platform', capacity: every(10) };
const DATA: Team = { id: 'data', name: 'Data', capacity: every(4) };

function initiative(id: string, fields: Partial<Initiative> = {}): Initiative {
  const name = id.charAt(0).toUpperCase() + id.slice(1).replace(/-/g, ' ');
  return { id, name, status: 'proposed', ...fields };
}

/** A portfolio of four quarters of 2027, Platform (10 FTE) and Data (4 FTE), no budget. */
function plan(initiatives: Initiative[], fields: Partial<Portfolio> = {}): Portfolio {
  return {
    name: 'Test plan',
    currency: 'EUR',
    capacityUnit: 'FTE',
    periods: PERIODS,
    teams: [PLATFORM, DATA],
    objectives: [],
    initiatives,
    scenarios: [],
    ...fields,
  };
}

/** A plan whose only scenario ranks the initiatives as given. */
function ranked(ranking: string[], initiatives: Initiative[], fields: Partial<Portfolio> = {}) {
  return plan(initiatives, { scenarios: [{ id: 'base', name: 'Base', ranking }], ...fields });
}

function report(portfolio: Portfolio, scenarioId?: string) {
  return cutLineReport(portfolio, scenarioCutLine(portfolio, scenarioId));
}

function placed(cutLine: CutLine, id: string): Placement {
  const placement = cutLine.byId.get(id);
  if (!placement) throw new Error(`${id} was not placed`);
  return placement;
}

const ids = (cutLine: CutLine) => cutLine.placements.map((placement) => placement.id);

describe('cut line: capacity and budget', () => {
  it('names the team, the shortfall and the period label when capacity blocks the only start', () => {
    const portfolio = ranked(
      ['first', 'tight', 'flexible'],
      [
        initiative('first', { demand: { platform: [6, 6] } }),
        initiative('tight', { demand: { platform: [2, 5.5] }, latestStart: '2027-Q1' }),
        initiative('flexible', { demand: { platform: [2, 5.5] } }),
      ],
    );
    expect(report(portfolio)).toEqual({
      above: [
        { id: 'first', start: '2027-Q1' },
        { id: 'flexible', start: '2027-Q2' },
      ],
      below: [{ id: 'tight', reason: 'Platform is 1.5 FTE short in Q2 2027' }],
    });
  });

  it('reports the shortfall at the earliest allowed start: earliest period first, then teams in file order', () => {
    const portfolio = plan([
      initiative('keys-reversed', { demand: { data: [5], platform: [11] }, start: '2027-Q1' }),
      initiative('later-platform', { demand: { platform: [0, 11], data: [5, 0] } }),
      initiative('blocked-everywhere', { demand: { platform: [0, 0, 11] } }),
    ]);
    expect(report(portfolio).below).toEqual([
      { id: 'keys-reversed', reason: 'Platform is 1 FTE short in Q1 2027' },
      { id: 'later-platform', reason: 'Data is 1 FTE short in Q1 2027' },
      { id: 'blocked-everywhere', reason: 'Platform is 1 FTE short in Q3 2027' },
    ]);
  });

  it('takes capacity and spend only for initiatives above the line', () => {
    const portfolio = plan(
      [
        initiative('a', { demand: { platform: [2, 3], data: [1] }, spend: [100, 50] }),
        initiative('b', { demand: { platform: [20] }, spend: [1000] }),
        initiative('c', { demand: { data: [0.5] }, spend: [10], earliestStart: '2027-Q2' }),
      ],
      { budget: every(500) },
    );
    const cutLine = scenarioCutLine(portfolio);
    expect(cutLine.usage).toEqual({ platform: [2, 3, 0, 0], data: [1, 0.5, 0, 0] });
    expect(cutLine.spend).toEqual([100, 60, 0, 0]);
  });

  it('names the budget shortfall with the currency', () => {
    const portfolio = ranked(
      ['first', 'fixed', 'movable'],
      [
        initiative('first', { spend: [80_000] }),
        initiative('fixed', { spend: [40_000], start: '2027-Q1' }),
        initiative('movable', { spend: [40_000, 90_000] }),
      ],
      { budget: every(100_000) },
    );
    expect(report(portfolio)).toEqual({
      above: [
        { id: 'first', start: '2027-Q1' },
        { id: 'movable', start: '2027-Q2' },
      ],
      below: [{ id: 'fixed', reason: 'the budget is 20,000 EUR short in Q1 2027' }],
    });
  });

  it('leaves out the unit and the currency when the file has none', () => {
    const portfolio = plan(
      [
        initiative('big', { demand: { platform: [11.5] } }),
        initiative('costly', { spend: [1_250_000.5] }),
      ],
      { currency: undefined, capacityUnit: undefined, budget: every(1_000_000) },
    );
    expect(report(portfolio).below).toEqual([
      { id: 'big', reason: 'Platform is 1.5 short in Q1 2027' },
      { id: 'costly', reason: 'the budget is 250,000.5 short in Q1 2027' },
    ]);
  });

  it("treats a period missing from a team's capacity as no capacity at all", () => {
    const platform = { ...PLATFORM, capacity: { '2027-Q1': 5, '2027-Q3': 5 } };
    const portfolio = plan(
      [
        initiative('two-quarters', { demand: { platform: [1, 1] } }),
        initiative('one-quarter', { demand: { platform: [1] } }),
        initiative('not-before-q2', { demand: { platform: [1] }, earliestStart: '2027-Q2' }),
        initiative('needs-none', { demand: { platform: [0] }, earliestStart: '2027-Q2' }),
      ],
      { teams: [platform, DATA] },
    );
    expect(report(portfolio)).toEqual({
      above: [
        { id: 'one-quarter', start: '2027-Q1' },
        { id: 'not-before-q2', start: '2027-Q3' },
        { id: 'needs-none', start: '2027-Q2' },
      ],
      below: [{ id: 'two-quarters', reason: 'Platform is 1 FTE short in Q2 2027' }],
    });
  });

  it('treats a period missing from the budget as having no spend limit', () => {
    const portfolio = plan(
      [
        initiative('expensive', { spend: [5_000_000] }),
        initiative('cheap', { spend: [900] }),
        initiative('over-q1', { spend: [200], start: '2027-Q1' }),
      ],
      { budget: { '2027-Q1': 1_000 } },
    );
    expect(report(portfolio)).toEqual({
      above: [
        { id: 'expensive', start: '2027-Q2' },
        { id: 'cheap', start: '2027-Q1' },
      ],
      below: [{ id: 'over-q1', reason: 'the budget is 100 EUR short in Q1 2027' }],
    });
  });

  it('puts no limit on spend when the file has no budget', () => {
    const portfolio = plan([
      initiative('huge', { spend: [1e12, 1e12] }),
      initiative('also-huge', { spend: [1e12], start: '2027-Q1' }),
    ]);
    expect(report(portfolio)).toEqual({
      above: [
        { id: 'huge', start: '2027-Q1' },
        { id: 'also-huge', start: '2027-Q1' },
      ],
      below: [],
    });
  });

  it('lets a forced-in initiative fall below when capacity cannot hold it', () => {
    const portfolio = plan([
      initiative('regulatory', { demand: { data: [5] }, forced: 'in', latestStart: '2027-Q1' }),
    ]);
    expect(report(portfolio).below).toEqual([
      { id: 'regulatory', reason: 'Data is 1 FTE short in Q1 2027' },
    ]);
  });
});

describe('cut line: forced, excludes and dependencies', () => {
  it('puts forced-out initiatives below, even ranked first with room to spare', () => {
    const portfolio = ranked(
      ['vetoed', 'other'],
      [initiative('vetoed', { forced: 'out', demand: { platform: [1] } }), initiative('other')],
    );
    expect(report(portfolio)).toEqual({
      above: [{ id: 'other', start: '2027-Q1' }],
      below: [{ id: 'vetoed', reason: 'forced out' }],
    });
  });

  it('places forced-in initiatives first, in ranking order, even when ranked last', () => {
    const only = { latestStart: '2027-Q1' };
    const portfolio = ranked(
      ['a', 'b', 'law-2', 'law-1'],
      [
        initiative('law-1', { demand: { platform: [4] }, forced: 'in', ...only }),
        initiative('a', { demand: { platform: [4] }, ...only }),
        initiative('b', { demand: { platform: [4] } }),
        initiative('law-2', { demand: { platform: [4] }, forced: 'in', ...only }),
      ],
    );
    const cutLine = scenarioCutLine(portfolio);
    expect(ids(cutLine)).toEqual(['law-2', 'law-1', 'a', 'b']);
    expect(cutLineReport(portfolio, cutLine)).toEqual({
      above: [
        { id: 'law-2', start: '2027-Q1' },
        { id: 'law-1', start: '2027-Q1' },
        { id: 'b', start: '2027-Q2' },
      ],
      below: [{ id: 'a', reason: 'Platform is 2 FTE short in Q1 2027' }],
    });
  });

  it('excludes in both directions: whichever of a pair is placed first wins', () => {
    const crmBuy = initiative('crm-buy', { name: 'CRM: buy SaaS', excludes: ['crm-build'] });
    const crmBuild = initiative('crm-build', { name: 'CRM: build in-house' });
    // The winner lists the loser in its excludes.
    expect(report(ranked(['crm-buy', 'crm-build'], [crmBuy, crmBuild]))).toEqual({
      above: [{ id: 'crm-buy', start: '2027-Q1' }],
      below: [{ id: 'crm-build', reason: 'excluded by CRM: buy SaaS' }],
    });
    // The loser lists the winner in its excludes.
    expect(report(ranked(['crm-build', 'crm-buy'], [crmBuy, crmBuild]))).toEqual({
      above: [{ id: 'crm-build', start: '2027-Q1' }],
      below: [{ id: 'crm-buy', reason: 'excluded by CRM: build in-house' }],
    });
  });

  it('does not exclude by an initiative that is itself below the line', () => {
    const portfolio = plan([
      initiative('vetoed', { forced: 'out', excludes: ['alternative'] }),
      initiative('too-big', { demand: { platform: [11] }, excludes: ['alternative'] }),
      initiative('alternative'),
    ]);
    expect(report(portfolio).above).toEqual([{ id: 'alternative', start: '2027-Q1' }]);
  });

  it('puts an initiative below when a prerequisite is below, naming the prerequisite', () => {
    const portfolio = plan([
      initiative('too-big', { name: 'Too big', demand: { data: [4.5] } }),
      initiative('vetoed', { name: 'Vetoed platform', forced: 'out' }),
      initiative('needs-vetoed', { dependsOn: ['vetoed'] }),
      initiative('needs-too-big', { dependsOn: ['too-big'] }),
      initiative('needs-both', { dependsOn: ['vetoed', 'too-big'] }),
    ]);
    expect(report(portfolio).below).toEqual([
      { id: 'too-big', reason: 'Data is 0.5 FTE short in Q1 2027' },
      { id: 'vetoed', reason: 'forced out' },
      { id: 'needs-vetoed', reason: 'needs Vetoed platform, which is below the line' },
      { id: 'needs-too-big', reason: 'needs Too big, which is below the line' },
      { id: 'needs-both', reason: 'needs Vetoed platform, which is below the line' },
    ]);
  });

  it('pulls prerequisites up the stack, placing them first, finishing before the dependant starts', () => {
    const portfolio = ranked(
      ['app', 'unrelated', 'lake'],
      [
        initiative('lake', { demand: { platform: [3, 3] } }),
        initiative('unrelated', { demand: { platform: [1] } }),
        initiative('app', { demand: { platform: [2] }, dependsOn: ['lake'] }),
      ],
    );
    const cutLine = scenarioCutLine(portfolio);
    expect(ids(cutLine)).toEqual(['lake', 'app', 'unrelated']);
    expect(placed(cutLine, 'lake')).toEqual({
      id: 'lake',
      above: true,
      start: '2027-Q1',
      startIndex: 0,
      endIndex: 1,
      pulledBy: 'app',
    });
    expect(placed(cutLine, 'app')).toEqual({
      id: 'app',
      above: true,
      start: '2027-Q3',
      startIndex: 2,
      endIndex: 2,
    });
  });

  it('pulls prerequisites of prerequisites, deepest first', () => {
    const portfolio = ranked(
      ['top', 'middle', 'bottom'],
      [
        initiative('bottom'),
        initiative('middle', { dependsOn: ['bottom'] }),
        initiative('top', { dependsOn: ['middle'] }),
      ],
    );
    const cutLine = scenarioCutLine(portfolio);
    expect(cutLine.placements).toEqual([
      {
        id: 'bottom',
        above: true,
        start: '2027-Q1',
        startIndex: 0,
        endIndex: 0,
        pulledBy: 'middle',
      },
      { id: 'middle', above: true, start: '2027-Q2', startIndex: 1, endIndex: 1, pulledBy: 'top' },
      { id: 'top', above: true, start: '2027-Q3', startIndex: 2, endIndex: 2 },
    ]);
  });

  it('does not pull a prerequisite that was already placed, and marks a pulled one that ends below', () => {
    const portfolio = ranked(
      ['base', 'app', 'report'],
      [
        initiative('base'),
        initiative('blocked', { demand: { data: [9] } }),
        initiative('app', { dependsOn: ['base'] }),
        initiative('report', { dependsOn: ['blocked'] }),
      ],
    );
    const cutLine = scenarioCutLine(portfolio);
    expect(ids(cutLine)).toEqual(['base', 'app', 'blocked', 'report']);
    expect(placed(cutLine, 'base')).not.toHaveProperty('pulledBy');
    expect(placed(cutLine, 'blocked')).toMatchObject({ above: false, pulledBy: 'report' });
  });

  it('puts a dependant below when a prerequisite pulled up for it excludes it', () => {
    const portfolio = plan([
      initiative('new-way', { dependsOn: ['old-way'] }),
      initiative('old-way', { excludes: ['new-way'] }),
    ]);
    expect(report(portfolio)).toEqual({
      above: [{ id: 'old-way', start: '2027-Q1' }],
      below: [{ id: 'new-way', reason: 'excluded by Old way' }],
    });
  });
});

describe('cut line: start windows and the horizon', () => {
  it('starts no earlier than earliestStart, even with room before', () => {
    const portfolio = plan([initiative('later', { earliestStart: '2027-Q3' })]);
    expect(report(portfolio).above).toEqual([{ id: 'later', start: '2027-Q3' }]);
  });

  it('starts no later than latestStart: the earliest start that fits within the window', () => {
    const portfolio = plan([
      initiative('fills-q1', { demand: { data: [4] }, start: '2027-Q1' }),
      initiative('fits-q2', { demand: { data: [1] }, latestStart: '2027-Q2' }),
      initiative('only-q1', { demand: { data: [1] }, latestStart: '2027-Q1' }),
    ]);
    expect(report(portfolio)).toEqual({
      above: [
        { id: 'fills-q1', start: '2027-Q1' },
        { id: 'fits-q2', start: '2027-Q2' },
      ],
      below: [{ id: 'only-q1', reason: 'Data is 1 FTE short in Q1 2027' }],
    });
  });

  it('cannot start by its latest start when its prerequisites finish too late', () => {
    const portfolio = plan([
      initiative('foundation', { duration: 2 }),
      initiative('on-top', { dependsOn: ['foundation'], latestStart: '2027-Q2' }),
    ]);
    expect(report(portfolio).below).toEqual([
      { id: 'on-top', reason: 'cannot start by its latest start, Q2 2027' },
    ]);
  });

  it('starts exactly at a fixed start, or names it when it cannot', () => {
    const portfolio = plan([
      initiative('under-way', { start: '2027-Q3' }),
      initiative('foundation', { duration: 2 }),
      initiative('too-soon', { dependsOn: ['foundation'], start: '2027-Q2' }),
      initiative('full', { demand: { data: [3] }, start: '2027-Q3' }),
      initiative('no-room', { demand: { data: [2] }, start: '2027-Q3' }),
    ]);
    expect(report(portfolio)).toEqual({
      above: [
        { id: 'under-way', start: '2027-Q3' },
        { id: 'foundation', start: '2027-Q1' },
        { id: 'full', start: '2027-Q3' },
      ],
      below: [
        { id: 'too-soon', reason: 'cannot start at its fixed start, Q2 2027' },
        { id: 'no-room', reason: 'Data is 1 FTE short in Q3 2027' },
      ],
    });
  });

  it('must finish by the last period', () => {
    const portfolio = plan([
      initiative('late-and-long', { earliestStart: '2027-Q3', demand: { platform: [1, 1, 1] } }),
      initiative('longer-than-plan', { duration: 5 }),
      initiative('just-fits', { earliestStart: '2027-Q2', spend: [1, 1, 1] }),
    ]);
    expect(report(portfolio)).toEqual({
      above: [{ id: 'just-fits', start: '2027-Q2' }],
      below: [
        { id: 'late-and-long', reason: 'cannot finish by Q4 2027, the last period' },
        { id: 'longer-than-plan', reason: 'cannot finish by Q4 2027, the last period' },
      ],
    });
  });

  it('gives every initiative at least one period, so a dependant of an empty one starts after it', () => {
    const portfolio = plan([
      initiative('empty'),
      initiative('after-empty', { dependsOn: ['empty'] }),
      initiative('last-quarter', { earliestStart: '2027-Q4' }),
      initiative('long-duration', { duration: 3, demand: { platform: [1] } }),
    ]);
    const cutLine = scenarioCutLine(portfolio);
    expect(placed(cutLine, 'empty')).toMatchObject({ startIndex: 0, endIndex: 0 });
    expect(placed(cutLine, 'after-empty')).toMatchObject({ startIndex: 1, endIndex: 1 });
    expect(placed(cutLine, 'last-quarter')).toMatchObject({ startIndex: 3, endIndex: 3 });
    expect(placed(cutLine, 'long-duration')).toMatchObject({ startIndex: 0, endIndex: 2 });
  });

  it('says so when the portfolio has no periods to plan in', () => {
    const portfolio = plan([initiative('anything')], { periods: [] });
    expect(report(portfolio)).toEqual({
      above: [],
      below: [{ id: 'anything', reason: 'cannot finish: the portfolio has no periods' }],
    });
  });
});

describe('cut line: the order of the stack', () => {
  const four = [initiative('a'), initiative('b'), initiative('c'), initiative('d')];

  it('places the ranked initiatives first, then the ones the ranking does not name, in file order', () => {
    const portfolio = ranked(['c', 'a'], four);
    expect(stackOrder(portfolio)).toEqual(['c', 'a', 'b', 'd']);
    expect(ids(scenarioCutLine(portfolio))).toEqual(['c', 'a', 'b', 'd']);
  });

  it('uses file order without scenarios', () => {
    const portfolio = plan([...four].reverse());
    expect(stackOrder(portfolio)).toEqual(['d', 'c', 'b', 'a']);
    expect(ids(scenarioCutLine(portfolio))).toEqual(['d', 'c', 'b', 'a']);
  });

  it('uses the first scenario by default and the chosen scenario when asked', () => {
    const only = { demand: { data: [3] }, latestStart: '2027-Q1' };
    const portfolio = plan([initiative('a', only), initiative('b', only)], {
      scenarios: [
        { id: 'first', name: 'First', ranking: ['a', 'b'] },
        { id: 'second', name: 'Second', ranking: ['b', 'a'] },
      ],
    });
    expect(report(portfolio)).toEqual({
      above: [{ id: 'a', start: '2027-Q1' }],
      below: [{ id: 'b', reason: 'Data is 2 FTE short in Q1 2027' }],
    });
    expect(report(portfolio, 'second')).toEqual({
      above: [{ id: 'b', start: '2027-Q1' }],
      below: [{ id: 'a', reason: 'Data is 2 FTE short in Q1 2027' }],
    });
  });

  it('skips ranked ids that name no initiative, and repeats', () => {
    const portfolio = ranked(['b', 'gone', 'b', 'a'], four);
    expect(stackOrder(portfolio)).toEqual(['b', 'a', 'c', 'd']);
  });

  it('computeCutLine accepts any order and completes it with the rest in file order', () => {
    const portfolio = plan([...four, initiative('e', { forced: 'in' })]);
    expect(placementOrder(portfolio, ['d', 'e', 'b'])).toEqual(['e', 'd', 'b']);
    expect(ids(computeCutLine(portfolio, ['d', 'b']))).toEqual(['e', 'd', 'b', 'a', 'c']);
  });

  it('can drop a card below by moving it above its own prerequisite (the prerequisites are then placed in its order)', () => {
    // `app` needs `lake` and `feed`. `feed` must start in Q1. Ranked after `feed`, `app` finds
    // `feed` in Q1 and `lake` in Q2; ranked first, it pulls `lake` into Q1, and `feed` no longer fits.
    const portfolio = plan([
      initiative('feed', { demand: { data: [3] }, latestStart: '2027-Q1' }),
      initiative('lake', { demand: { data: [3] } }),
      initiative('app', { dependsOn: ['lake', 'feed'] }),
    ]);
    const after = computeCutLine(portfolio, ['feed', 'app']);
    expect(placed(after, 'app')).toMatchObject({ above: true, start: '2027-Q3' });
    const first = computeCutLine(portfolio, ['app', 'feed']);
    expect(cutLineReport(portfolio, first).below).toEqual([
      { id: 'feed', reason: 'Data is 2 FTE short in Q1 2027' },
      { id: 'app', reason: 'needs Feed, which is below the line' },
    ]);
  });
});

describe('reasons as sentences', () => {
  it('formats amounts with up to two decimals and thousands separators', () => {
    expect(formatAmount(1.5)).toBe('1.5');
    expect(formatAmount(40_000)).toBe('40,000');
    expect(formatAmount(1 / 3)).toBe('0.33');
    expect(formatAmount(1_234_567.891)).toBe('1,234,567.89');
    expect(formatAmount(0.1 + 0.2)).toBe('0.3');
    expect(formatAmount(2)).toBe('2');
  });

  it('falls back to ids for things the portfolio does not name', () => {
    const portfolio = plan([]);
    expect(describeReason({ kind: 'excluded', by: 'ghost' }, portfolio)).toBe('excluded by ghost');
    expect(
      describeReason({ kind: 'capacity', team: 'design', period: '2030-Q1', short: 2 }, portfolio),
    ).toBe('design is 2 FTE short in 2030-Q1');
  });
});

describe('the demo portfolio', () => {
  const pinned = DEMO_PORTFOLIO.initiatives.filter(
    (item) => item.forced === 'in' || item.status === 'active' || item.status === 'done',
  );
  const forcedOut = DEMO_PORTFOLIO.initiatives.filter((item) => item.forced === 'out');
  const cancelled = DEMO_PORTFOLIO.initiatives.filter((item) => item.status === 'cancelled');

  for (const scenario of DEMO_PORTFOLIO.scenarios) {
    it(`splits the ${scenario.name} stack: committed and forced-in first, cancelled and forced-out below`, () => {
      const cutLine = scenarioCutLine(DEMO_PORTFOLIO, scenario.id);
      const result = cutLineReport(DEMO_PORTFOLIO, cutLine);
      const total = DEMO_PORTFOLIO.initiatives.length;
      expect(result.above.length + result.below.length).toBe(total);
      expect(result.above.length).toBeGreaterThan(total / 4);
      expect(result.below.length).toBeGreaterThan(total / 4);

      expect(pinned.length).toBeGreaterThan(0);
      expect(ids(cutLine).slice(0, pinned.length).sort()).toEqual(
        pinned.map((item) => item.id).sort(),
      );
      for (const item of pinned) expect(placed(cutLine, item.id).above).toBe(true);
      expect(cancelled.length).toBeGreaterThan(0);
      for (const item of cancelled) {
        expect(result.below).toContainEqual({ id: item.id, reason: 'cancelled' });
      }

      expect(forcedOut.length).toBeGreaterThan(0);
      for (const item of forcedOut) {
        expect(result.below).toContainEqual({ id: item.id, reason: 'forced out' });
      }

      // Reasons name period labels ("Q1 2027"), never period ids ("2027-Q1").
      for (const { reason } of result.below) expect(reason).not.toMatch(/\d{4}-Q\d/);
      const kinds = new Set(
        cutLine.placements.flatMap((placement) => (placement.above ? [] : [placement.reason.kind])),
      );
      expect(kinds).toContain('capacity');
      expect(kinds).toContain('needs');
    });
  }

  it('gives the two scenarios different cut lines', () => {
    const [first, second] = DEMO_PORTFOLIO.scenarios.map((scenario) =>
      cutLineReport(DEMO_PORTFOLIO, scenarioCutLine(DEMO_PORTFOLIO, scenario.id)),
    );
    expect(first).not.toEqual(second);
    expect(second?.below).toContainEqual({ id: 'crm-build', reason: 'excluded by CRM: buy SaaS' });
  });
});

describe('status counts', () => {
  it('never places cancelled work: it takes nothing and is below with the reason "cancelled"', () => {
    const portfolio = ranked(
      ['voice', 'a'],
      [
        initiative('voice', { status: 'cancelled', demand: { platform: [10] } }),
        initiative('forced-voice', {
          status: 'cancelled',
          forced: 'in',
          demand: { platform: [1] },
        }),
        initiative('a', { demand: { platform: [10] } }),
      ],
    );
    const cutLine = scenarioCutLine(portfolio);
    expect(placed(cutLine, 'voice')).toEqual({
      id: 'voice',
      above: false,
      reason: { kind: 'cancelled' },
    });
    expect(placed(cutLine, 'forced-voice').above).toBe(false);
    expect(placed(cutLine, 'a')).toMatchObject({ above: true, start: '2027-Q1' });
    expect(report(portfolio).below).toEqual([
      { id: 'voice', reason: 'cancelled' },
      { id: 'forced-voice', reason: 'cancelled' },
    ]);
  });

  it('places active and done work first, in ranking order, at its fixed start', () => {
    // Ranked last, WMS (active) still goes first and keeps Q2; the proposal ranked first loses.
    const portfolio = ranked(
      ['portal', 'tracking', 'wms', 'pod'],
      [
        initiative('portal', { demand: { platform: [6, 6, 6, 6] } }),
        initiative('tracking', { demand: { platform: [2] } }),
        initiative('wms', { status: 'active', start: '2027-Q2', demand: { platform: [6] } }),
        initiative('pod', { status: 'done', demand: { platform: [2] } }),
      ],
    );
    const cutLine = scenarioCutLine(portfolio);
    expect(ids(cutLine).slice(0, 2)).toEqual(['wms', 'pod']);
    expect(placed(cutLine, 'wms')).toMatchObject({ above: true, start: '2027-Q2' });
    expect(describeReason((placed(cutLine, 'portal') as BelowPlacement).reason, portfolio)).toBe(
      'Platform is 2 FTE short in Q2 2027',
    );
    const line = lineOf(portfolio, cutLine, stackOrder(portfolio));
    expect(line.pinned).toEqual(['wms', 'pod']);
    expect(line.rankable).toEqual(['portal', 'tracking']);
    expect(line.lineIndex).toBe(0);
    expect(line.above).toEqual(['wms', 'pod']);
    expect(line.gap).toEqual(['tracking']);
    expect(line.below).toEqual(['portal']);
  });

  it('takes committed work out only on a stop decision; committed work that does not fit names the shortage', () => {
    const portfolio = ranked(
      ['stopped', 'first', 'second'],
      [
        initiative('stopped', { status: 'active', forced: 'out', demand: { platform: [1] } }),
        initiative('first', { status: 'active', demand: { platform: [8, 8, 8, 8] } }),
        initiative('second', { status: 'active', demand: { platform: [4] } }),
      ],
    );
    const cutLine = scenarioCutLine(portfolio);
    expect(placed(cutLine, 'stopped')).toMatchObject({
      above: false,
      reason: { kind: 'forced-out' },
    });
    const line = lineOf(portfolio, cutLine, stackOrder(portfolio));
    // Still in the pinned group, below, with the shortage named.
    expect(line.pinned).toEqual(['first', 'second']);
    expect(line.below).toEqual(['second', 'stopped']);
    expect(report(portfolio).below).toContainEqual({
      id: 'second',
      reason: 'Platform is 2 FTE short in Q1 2027',
    });
  });

  it('draws one line: out-by-decision cards do not move it, prerequisites pulled up count above', () => {
    const portfolio = ranked(
      ['a', 'cancelled', 'b', 'too-big', 'c', 'lake'],
      [
        initiative('a', { demand: { platform: [2] } }),
        initiative('cancelled', { status: 'cancelled', demand: { platform: [1] } }),
        initiative('b', { demand: { platform: [2] }, dependsOn: ['lake'] }),
        initiative('too-big', { demand: { platform: [20] } }),
        initiative('c', { demand: { platform: [1] } }),
        initiative('lake', { demand: { data: [1] } }),
      ],
    );
    const cutLine = scenarioCutLine(portfolio);
    const line = lineOf(portfolio, cutLine, stackOrder(portfolio));
    expect(line.lineIndex).toBe(3);
    expect(line.above).toEqual(['a', 'b', 'lake']);
    expect(line.gap).toEqual(['c']);
    expect(line.below).toEqual(['cancelled', 'too-big']);
    expect(report(portfolio).above).toContainEqual({ id: 'c', start: '2027-Q1' });
    expect(
      cutLineReport(portfolio, cutLine, stackOrder(portfolio)).above.filter((entry) => entry.inGap),
    ).toEqual([{ id: 'c', start: '2027-Q1', inGap: true }]);
  });

  it('walks a chain of 5,000 prerequisites without overflowing the stack', () => {
    const count = 5000;
    const chain = Array.from({ length: count }, (_, index) =>
      initiative(`i${index}`, index + 1 < count ? { dependsOn: [`i${index + 1}`] } : {}),
    );
    const portfolio = plan(chain, { teams: [PLATFORM] });
    const cutLine = scenarioCutLine(portfolio);
    expect(cutLine.placements).toHaveLength(count);
    // The last of the chain is placed first (pulled up by all the others), the first last; a
    // chain of one-period initiatives cannot finish in four quarters.
    expect(cutLine.placements[0]?.id).toBe(`i${count - 1}`);
    expect(placed(cutLine, 'i0')).toMatchObject({
      above: false,
      reason: { kind: 'needs', prerequisite: 'i1' },
    });
  });
});
