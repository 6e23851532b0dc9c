import { describe, expect, it } from 'vitest';
import { DEMO_PORTFOLIO } from '../../../shared/demo/demo-portfolio';
import { formatMoney } from '../../../shared/format';
import {
  DECISION_KIND_LABEL,
  PACK_LOCALE,
  buildPackContent,
  decisionWindow,
  fingerprint,
  nameList,
  type PackContent,
} from '../../../shared/pack/content';
import { defaultPackSettings } from '../../../shared/pack/settings';
import type {
  FrozenAnalysis,
  FrozenOptimizeResult,
  PackSettings,
} from '../../../shared/pack/types';
import {
  DECISION_KINDS,
  type Decision,
  type Initiative,
  type Portfolio,
} from '../../../shared/portfolio/types';
import { readPortfolioText } from '../../../shared/portfolio/restore';
import { writePortfolio } from '../../../shared/portfolio/write';

/** Money as the pack writes it (the number format itself is `formatMoney`'s business). */
const eur = (amount: number) => formatMoney(amount, 'EUR', true, PACK_LOCALE);

function initiative(id: string, name: string, fields: Partial<Initiative> = {}): Initiative {
  return { id, name, status: 'proposed', ...fields };
}

/**
 * Two quarters of 2027. Platform has 10 FTE and Data 4 FTE in each (28 in all); the budget is
 * 470 in Q1 and 530 in Q2 (1,000 in all). Themes Growth (with the objective Sales under it),
 * Safety and People.
 *
 * Plan A places Regulatory reporting first (forced in), then Core platform, Web shop (which
 * fills Platform in Q1), Big bet (Platform is 8 FTE short in Q1), Office move, and Web shop (buy)
 * (excluded by Web shop). Above: value 40 + 100 + 80 + 0 = 220, spend 100 + 300 + 150 + 50 = 600,
 * capacity 10 + 5 on Platform and 4 + 1 on Data = 20 of 28; 450 of the 470 budget in Q1.
 *
 * Plan B puts Big bet first: above are Regulatory reporting, Big bet, Office move and Web shop
 * (buy), value 400, spend 160, capacity 16 + 6 = 22. Plan C puts Web shop (buy) before Web shop:
 * the same as Plan A but with the bought shop instead of the built one.
 */
const PLAN: Portfolio = {
  name: 'Pack test',
  currency: 'EUR',
  capacityUnit: 'FTE',
  periods: [
    { id: 'q1', label: 'Q1 2027' },
    { id: 'q2', label: 'Q2 2027' },
  ],
  teams: [
    { id: 'platform', name: 'Platform', capacity: { q1: 10, q2: 10 } },
    { id: 'data', name: 'Data', capacity: { q1: 4, q2: 4 } },
  ],
  budget: { q1: 470, q2: 530 },
  objectives: [
    { id: 'growth', name: 'Growth', parentId: null, weight: 0.6 },
    { id: 'safety', name: 'Safety', weight: 0.4 },
    { id: 'sales', name: 'Sales', parentId: 'growth', weight: 1 },
    { id: 'people', name: 'People' },
  ],
  initiatives: [
    initiative('reg', 'Regulatory reporting', {
      status: 'active',
      owner: 'Ines Duarte',
      value: 40,
      demand: { data: [2, 2] },
      spend: [50, 50],
      objectives: [{ id: 'safety', contribution: 2 }],
      forced: 'in',
      forcedReason: '  Required by the regulator from 2027.  ',
    }),
    // Approved, not under way: it competes in the ranking (work under way would be pinned).
    initiative('core', 'Core platform', {
      status: 'approved',
      value: 100,
      demand: { platform: [5, 5] },
      spend: [200, 100],
      objectives: [{ id: 'sales', contribution: 1 }],
    }),
    initiative('shop', 'Web shop', {
      value: 80,
      demand: { platform: [5] },
      spend: [150],
      objectives: [
        { id: 'sales', contribution: 2 },
        { id: 'safety', contribution: 1 },
      ],
    }),
    initiative('big', 'Big bet', {
      status: 'approved',
      value: 300,
      demand: { platform: [8, 8] },
      earliestStart: 'q1',
    }),
    // No value and no objective: a risk twice over.
    initiative('misc', 'Office move', { demand: { data: [1] }, spend: [50] }),
    initiative('alt', 'Web shop (buy)', {
      value: 60,
      demand: { data: [1] },
      spend: [10],
      excludes: ['shop'],
      objectives: [{ id: 'sales', contribution: 1 }],
    }),
  ],
  scenarios: [
    { id: 'a', name: 'Plan A', ranking: ['core', 'shop', 'big', 'misc', 'alt'] },
    { id: 'b', name: 'Plan B', ranking: ['big', 'core', 'shop', 'misc', 'alt'] },
    { id: 'c', name: 'Plan C', ranking: ['core', 'alt', 'shop', 'big', 'misc'] },
  ],
};

const SETTINGS: PackSettings = defaultPackSettings(PLAN, '2027-03-15');

function content(
  settings: Partial<PackSettings> = {},
  portfolio: Portfolio = PLAN,
  analysis?: FrozenAnalysis,
): PackContent {
  return buildPackContent(portfolio, { ...SETTINGS, ...settings }, analysis);
}

function withInitiatives(extra: Initiative[], fields: Partial<Portfolio> = {}): Portfolio {
  return { ...PLAN, initiatives: [...PLAN.initiatives, ...extra], ...fields };
}

function optimized(fields: Partial<FrozenOptimizeResult>): FrozenAnalysis {
  return {
    frozenAt: '2027-03-15T09:30:45.123Z',
    optimize: {
      status: 'optimal',
      objective: 260,
      bound: 260,
      gap: 0,
      elapsed: 1.24,
      stopped: false,
      selected: [
        { id: 'reg', start: 'q1' },
        { id: 'core', start: 'q1' },
        { id: 'alt', start: 'q1' },
      ],
      spend: 410,
      ...fields,
    },
  };
}

describe('nameList', () => {
  it('joins names with commas and a final "and"', () => {
    expect(nameList([])).toBe('');
    expect(nameList(['Alpha'])).toBe('Alpha');
    expect(nameList(['Alpha', 'Bravo'])).toBe('Alpha and Bravo');
    expect(nameList(['Alpha', 'Bravo', 'Cora', 'Dex'])).toBe('Alpha, Bravo, Cora and Dex');
  });

  it('stops at the limit and says how many more there are', () => {
    expect(nameList(['A', 'B', 'C', 'D', 'E'])).toBe('A, B, C and 2 more');
    expect(nameList(['A', 'B', 'C', 'D', 'E', 'F', 'G'], 6)).toBe('A, B, C, D, E and 2 more');
    expect(nameList(Array.from({ length: 1203 }, (_, index) => `N${index}`))).toBe(
      'N0, N1, N2 and 1,200 more',
    );
  });
});

describe('fingerprint', () => {
  it('is the 64-bit FNV-1a hash, as 16 hex digits', () => {
    // The published FNV-1a test vectors.
    expect(fingerprint('')).toBe('cbf29ce484222325');
    expect(fingerprint('a')).toBe('af63dc4c8601ec8c');
    expect(fingerprint('foobar')).toBe('85944171f73967e8');
  });

  it('tells two versions of a portfolio apart', () => {
    const before = JSON.stringify(PLAN);
    const after = JSON.stringify({ ...PLAN, budget: { q1: 471, q2: 530 } });
    expect(fingerprint(after)).not.toBe(fingerprint(before));
  });
});

describe('key figures', () => {
  it('gives value, count, spend and capacity, each with its change against the compared scenario', () => {
    expect(content({ scenarioId: 'a', compareWithId: 'b' }).keyFigures).toEqual([
      {
        label: 'Value funded',
        value: '220',
        change: '−180',
        direction: 'down',
        good: false,
        note: '1 initiative without a value',
      },
      {
        label: 'Initiatives funded',
        value: '4 of 6',
        change: 'no change',
        direction: 'same',
      },
      {
        label: 'Spend funded',
        value: eur(600),
        change: `+${eur(440)}`,
        direction: 'up',
        good: false,
        note: '60% of the budget',
      },
      {
        label: 'Capacity used',
        value: '71%',
        change: '−7 pts',
        direction: 'down',
        note: '20 of 28 FTE',
      },
    ]);
  });

  it('turns the good news around when the other scenario is the one presented', () => {
    const [value, count, spend] = content({ scenarioId: 'b', compareWithId: 'a' }).keyFigures;
    expect(value).toMatchObject({ value: '400', change: '+180', direction: 'up', good: true });
    expect(count).toMatchObject({ value: '4 of 6', change: 'no change', direction: 'same' });
    expect(count).not.toHaveProperty('good');
    expect(spend).toMatchObject({ change: `−${eur(440)}`, direction: 'down', good: true });
  });

  it('shows no change without a scenario to compare with', () => {
    const figures = content({ scenarioId: 'a' }).keyFigures;
    expect(figures.map((figure) => figure.label)).toEqual([
      'Value funded',
      'Initiatives funded',
      'Spend funded',
      'Capacity used',
    ]);
    for (const figure of figures) {
      expect(figure).not.toHaveProperty('change');
      expect(figure).not.toHaveProperty('direction');
    }
  });

  it('leaves out capacity when no team has any', () => {
    const noCapacity = {
      ...PLAN,
      teams: PLAN.teams.map((team) => ({ ...team, capacity: {} })),
    };
    const labels = content({}, noCapacity).keyFigures.map((figure) => figure.label);
    expect(labels).toEqual(['Value funded', 'Initiatives funded', 'Spend funded']);
  });

  it('does not compare spend with a budget that leaves a period without limit', () => {
    // Regression: a period without a budget counted as a budget of 0, so the note claimed
    // "128% of the budget" for spend the budget does not limit at all.
    const spend = content({ scenarioId: 'a' }, { ...PLAN, budget: { q1: 470 } }).keyFigures[2];
    expect(spend).toEqual({ label: 'Spend funded', value: eur(600) });
  });
});

describe('the scenario presented and the one compared with', () => {
  it('presents the chosen scenario (the app chooses the board’s), else the first, as the board does', () => {
    expect(content().scenario?.name).toBe('Plan A');
    expect(content({ scenarioId: 'c' }).scenario?.name).toBe('Plan C');
    expect(content({ scenarioId: 'gone' }).scenario?.name).toBe('Plan A');
  });

  it('compares with the scenario saved just before, unless another one is chosen', () => {
    expect(content({ scenarioId: 'c' }).compareWith?.name).toBe('Plan B');
    expect(content({ scenarioId: 'a' }).compareWith).toBeUndefined();
    expect(content({ scenarioId: 'c', compareWithId: 'a' }).compareWith?.name).toBe('Plan A');
    // Comparing a scenario with itself says nothing: the one before it is used.
    expect(content({ scenarioId: 'b', compareWithId: 'b' }).compareWith?.name).toBe('Plan A');
  });

  it('lists what comes in and what goes out against the compared scenario', () => {
    expect(content({ scenarioId: 'a', compareWithId: 'b' }).changes).toEqual({
      comesIn: ['Core platform', 'Web shop'],
      goesOut: ['Big bet', 'Web shop (buy)'],
    });
    expect(content({ scenarioId: 'a' }).changes).toBeUndefined();
  });
});

describe('summary', () => {
  it('says what is funded, what changed, what to decide and where capacity is tight', () => {
    expect(content({ scenarioId: 'a', compareWithId: 'b' }).summary).toEqual([
      `The “Plan A” scenario funds 4 of 6 initiatives (3 above the line · 1 funded in a gap · 2 below), worth 220 in value for ${eur(600)} of spend, using 71% of the teams’ capacity.`,
      `Against “Plan B”, 2 initiatives come in (Core platform and Web shop) and 2 initiatives go out (Big bet and Web shop (buy)); value −180, spend +${eur(440)}.`,
      'The board is asked to decide on 3 items: 1 approved or under-way initiative out of the plan and 2 proposals to approve.',
      'Platform is at or near full capacity.',
    ]);
  });

  it('agrees the verb with a single initiative coming in or going out', () => {
    // Regression: "1 initiative come in (Web shop) and 1 initiative go out".
    expect(content({ scenarioId: 'a', compareWithId: 'c' }).summary[1]).toBe(
      `Against “Plan C”, 1 initiative comes in (Web shop) and 1 initiative goes out (Web shop (buy)); value +20, spend +${eur(140)}.`,
    );
  });

  it('says when the compared scenario funds the same initiatives', () => {
    const same = {
      ...PLAN,
      scenarios: [...PLAN.scenarios, { id: 'a2', name: 'Plan A again', ranking: ['core'] }],
    };
    expect(content({ scenarioId: 'a2', compareWithId: 'a' }, same).summary[1]).toBe(
      'It funds the same initiatives as “Plan A”.',
    );
  });

  it('asks for a saved scenario when there is nothing to compare with', () => {
    const fileOrder = { ...PLAN, scenarios: [] };
    const lines = content({}, fileOrder).summary;
    expect(lines[0]).toBe(
      `The portfolio in file order funds 4 of 6 initiatives (3 above the line · 1 funded in a gap · 2 below), worth 220 in value for ${eur(600)} of spend, using 71% of the teams’ capacity.`,
    );
    expect(lines[1]).toBe(
      'There is no earlier scenario to compare with: save one to track what changes.',
    );
    const one = { ...PLAN, scenarios: [PLAN.scenarios[0]!] };
    expect(content({}, one).summary[1]).toBe(lines[1]);
  });

  it('says that nothing needs deciding when all that is funded is committed', () => {
    const committed = {
      ...PLAN,
      initiatives: PLAN.initiatives.map((item) =>
        item.status === 'proposed' ? { ...item, status: 'approved' as const } : item,
      ),
      scenarios: [{ id: 'b', name: 'Plan B', ranking: ['big', 'misc', 'alt'] }],
    };
    // Plan B leaves Core platform (short of Platform) and Web shop (excluded by the bought
    // one, both now approved) below the line.
    expect(content({}, committed).summary[2]).toBe(
      'The board is asked to decide on 2 items: 2 approved or under-way initiatives out of the plan.',
    );
    const nothingBelow = {
      ...committed,
      initiatives: committed.initiatives.filter((item) => ['reg', 'big'].includes(item.id)),
    };
    expect(content({}, nothingBelow).summary).toContain(
      'No decision is needed: everything above the line is approved or under way.',
    );
  });

  it('agrees the verb with a single mandatory initiative that does not fit', () => {
    // Regression: "1 mandatory initiative that do not fit".
    const portfolio = withInitiatives([
      initiative('audit', 'Audit trail', {
        status: 'approved',
        forced: 'in',
        demand: { data: [5] },
      }),
    ]);
    const summary = content({ scenarioId: 'a' }, portfolio).summary;
    expect(summary.find((line) => line.startsWith('The board is asked'))).toBe(
      'The board is asked to decide on 4 items: 1 mandatory initiative that does not fit, 1 approved or under-way initiative out of the plan and 2 proposals to approve.',
    );
  });

  it('points the first of several scenarios to the comparison, as nothing was saved before it', () => {
    expect(content({ scenarioId: 'a' }).summary[1]).toBe(
      'It is the first saved scenario; “Plan B” and “Plan C” are compared with it in the scenario comparison.',
    );
  });

  it('asks to confirm that committed work forced out stops, rather than to fund it', () => {
    const portfolio = withInitiatives([
      initiative('legacy', 'Legacy rehost', {
        status: 'active',
        forced: 'out',
        forcedReason: 'No more money for the old estate.',
      }),
    ]);
    const decision = content({}, portfolio).decisions.find((d) => d.subject === 'Legacy rehost');
    expect(decision).toEqual({
      kind: 'stop',
      initiativeId: 'legacy',
      subject: 'Legacy rehost',
      detail:
        'Under way but forced out (No more money for the old estate.): confirm that it stops.',
    });
  });

  it('says plainly when there is nothing in the portfolio', () => {
    const empty = { ...PLAN, initiatives: [], scenarios: [] };
    expect(content({}, empty).summary).toEqual([
      'The portfolio has no initiatives yet: there is nothing to fund or decide. Add initiatives, teams and periods, then make the pack again.',
    ]);
  });
});

describe('decisions needed', () => {
  it('asks to stop committed work below the line before approving proposals above it', () => {
    expect(content({ scenarioId: 'a' }).decisions).toEqual([
      {
        kind: 'stop',
        initiativeId: 'big',
        subject: 'Big bet',
        detail:
          'Approved but below the line (Platform is 8 FTE short in Q1 2027): stop, defer or fund it.',
      },
      {
        kind: 'approve',
        initiativeId: 'shop',
        subject: 'Web shop',
        detail: 'Approve to start in Q1 2027.',
      },
      {
        kind: 'approve',
        initiativeId: 'misc',
        subject: 'Office move',
        detail: 'Approve to start in Q1 2027 (funded in a gap behind the line).',
      },
    ]);
  });

  it('names committed work that does not fit with its shortage, and asks nothing of proposals below the line', () => {
    // Core platform under way (pinned, placed first) needs 5 FTE of Platform in Q1; 4 are left.
    const short = {
      ...PLAN,
      teams: PLAN.teams.map((team) =>
        team.id === 'platform' ? { ...team, capacity: { q1: 4, q2: 10 } } : team,
      ),
      initiatives: PLAN.initiatives.map((item) =>
        item.id === 'core' ? { ...item, status: 'active' as const } : item,
      ),
    };
    const decisions = content({ scenarioId: 'a' }, short).decisions;
    expect(decisions.map((decision) => [decision.kind, decision.subject])).toEqual([
      ['no-room', 'Core platform'],
      ['stop', 'Big bet'],
      // Web shop starts in Q2, where Platform has room; the bought one is excluded by it.
      ['approve', 'Web shop'],
      ['approve', 'Office move'],
    ]);
    expect(decisions[0]?.detail).toBe(
      'Under way but does not fit the plan: Platform is 1 FTE short in Q1 2027. Add capacity or budget, or decide to stop it.',
    );
    expect(content({ scenarioId: 'a' }, short).summary[2]).toBe(
      'The board is asked to decide on 4 items: 1 committed initiative that does not fit, 1 approved or under-way initiative out of the plan and 2 proposals to approve.',
    );
  });

  it('puts a forced-in initiative that does not fit first, with what blocks it', () => {
    const portfolio = withInitiatives([
      initiative('audit', 'Audit trail', {
        status: 'approved',
        forced: 'in',
        demand: { data: [5] },
      }),
    ]);
    const decisions = content({ scenarioId: 'a' }, portfolio).decisions;
    expect(decisions[0]).toEqual({
      kind: 'forced-conflict',
      initiativeId: 'audit',
      subject: 'Audit trail',
      detail:
        'Must be done but does not fit: Data is 3 FTE short in Q1 2027. Add capacity or budget, or release other work.',
    });
    // Approved and below the line, but the decision is about the conflict, not about stopping.
    expect(decisions.filter((decision) => decision.subject === 'Audit trail')).toHaveLength(1);
  });

  it('offers the optimizer’s better plan, saying how sure it is', () => {
    const decisions = content({ scenarioId: 'a' }, PLAN, optimized({})).decisions;
    expect(decisions.map((decision) => decision.kind)).toEqual([
      'stop',
      'optimizer',
      'approve',
      'approve',
    ]);
    expect(decisions[1]).toEqual({
      kind: 'optimizer',
      subject: 'Optimized plan',
      detail:
        'The optimizer found a plan worth 40 more value (260, proven the best possible). Adopt it as a scenario, or keep this ranking.',
    });
    const within = content({}, PLAN, optimized({ status: 'feasible', gap: 0.05 })).decisions;
    expect(within[1]?.detail).toContain('(260, within 5% of the best possible)');
    const { gap: _gap, ...noGap } = optimized({ status: 'feasible' }).optimize!;
    const unproven = content({}, PLAN, { frozenAt: '2027-03-15T09:30:00Z', optimize: noGap });
    expect(unproven.decisions[1]?.detail).toContain('(260, not proven the best)');
  });

  it('does not round a small gap to the optimizer down to "within 0%"', () => {
    // Regression: a gap of 0.4% read "within 0% of the best possible", as if proven.
    const decisions = content({}, PLAN, optimized({ status: 'feasible', gap: 0.004 })).decisions;
    expect(decisions[1]?.detail).toContain('(260, within 0.4% of the best possible)');
  });

  it('offers no optimizer plan that is infeasible or no better than the ranking', () => {
    for (const analysis of [
      optimized({ status: 'infeasible', objective: 500 }),
      optimized({ objective: 220 }),
      optimized({ status: 'feasible', objective: 150 }),
    ]) {
      const kinds = content({ scenarioId: 'a' }, PLAN, analysis).decisions.map((d) => d.kind);
      expect(kinds).not.toContain('optimizer');
    }
  });
});

describe('alignment', () => {
  it('splits funded spend and capacity over objectives by contribution and rolls them up to themes', () => {
    const { alignment, unaligned } = content({ scenarioId: 'a' });
    // Core platform (300, 10 FTE) serves Sales; Web shop (150, 5 FTE) Sales 2 : Safety 1;
    // Regulatory reporting (100, 4 FTE) Safety; Office move (50, 1 FTE) nothing. Of 600 and 20.
    expect(alignment.map(({ spendShare: _s, capacityShare: _c, ...row }) => row)).toEqual([
      { id: 'growth', name: 'Growth', depth: 0, weight: 0.6, funded: 2 },
      { id: 'sales', name: 'Sales', depth: 1, weight: 1, funded: 2 },
      { id: 'safety', name: 'Safety', depth: 0, weight: 0.4, funded: 2 },
      { id: 'people', name: 'People', depth: 0, funded: 0 },
    ]);
    const shares = Object.fromEntries(
      alignment.map((row) => [row.id, [row.spendShare, row.capacityShare]]),
    );
    expect(shares.growth?.[0]).toBeCloseTo(400 / 600, 12);
    expect(shares.growth?.[1]).toBeCloseTo((10 + 10 / 3) / 20, 12);
    expect(shares.sales).toEqual(shares.growth);
    expect(shares.safety?.[0]).toBeCloseTo(150 / 600, 12);
    expect(shares.safety?.[1]).toBeCloseTo((4 + 5 / 3) / 20, 12);
    expect(shares.people).toEqual([0, 0]);
    expect(unaligned.spendShare).toBeCloseTo(50 / 600, 12);
    expect(unaligned.capacityShare).toBeCloseTo(1 / 20, 12);
  });

  it('counts only what is above the line', () => {
    // Plan B funds Big bet (no objective, no spend, 16 FTE) and Web shop (buy) instead; of 160.
    const { alignment, unaligned } = content({ scenarioId: 'b' });
    const growth = alignment.find((row) => row.id === 'growth');
    expect(growth?.funded).toBe(1);
    expect(growth?.spendShare).toBeCloseTo(10 / 160, 12);
    expect(unaligned.spendShare).toBeCloseTo(50 / 160, 12);
    expect(unaligned.capacityShare).toBeCloseTo(17 / 22, 12);
  });

  it('counts an initiative linked to a theme and its objective once in the theme', () => {
    const portfolio = {
      ...PLAN,
      initiatives: PLAN.initiatives.map((item) =>
        item.id === 'core'
          ? {
              ...item,
              objectives: [
                { id: 'growth', contribution: 1 },
                { id: 'sales', contribution: 1 },
              ],
            }
          : item,
      ),
    };
    const growth = content({ scenarioId: 'a' }, portfolio).alignment.find((r) => r.id === 'growth');
    expect(growth?.funded).toBe(2);
    expect(growth?.spendShare).toBeCloseTo(400 / 600, 12);
  });
});

describe('ranked rows', () => {
  it('lists every initiative in the board’s order, pinned first, each above, funded in a gap or below (and why)', () => {
    expect(content({ scenarioId: 'a' }).ranked).toEqual([
      {
        rank: 1,
        id: 'reg',
        name: 'Regulatory reporting',
        status: 'active',
        owner: 'Ines Duarte',
        value: 40,
        spend: 100,
        effort: 4,
        above: true,
        place: 'above',
        pinned: true,
        start: 'Q1 2027',
        end: 'Q2 2027',
        forced: 'in',
        objectives: ['Safety'],
      },
      {
        rank: 2,
        id: 'core',
        name: 'Core platform',
        status: 'approved',
        value: 100,
        spend: 300,
        effort: 10,
        above: true,
        place: 'above',
        pinned: false,
        start: 'Q1 2027',
        end: 'Q2 2027',
        objectives: ['Sales'],
      },
      {
        rank: 3,
        id: 'shop',
        name: 'Web shop',
        status: 'proposed',
        value: 80,
        spend: 150,
        effort: 5,
        above: true,
        place: 'above',
        pinned: false,
        start: 'Q1 2027',
        end: 'Q1 2027',
        objectives: ['Sales', 'Safety'],
      },
      {
        rank: 4,
        id: 'big',
        name: 'Big bet',
        status: 'approved',
        value: 300,
        spend: 0,
        effort: 16,
        above: false,
        place: 'below',
        pinned: false,
        reason: 'Platform is 8 FTE short in Q1 2027',
        objectives: [],
      },
      {
        rank: 5,
        id: 'misc',
        name: 'Office move',
        status: 'proposed',
        spend: 50,
        effort: 1,
        above: true,
        place: 'gap',
        pinned: false,
        start: 'Q1 2027',
        end: 'Q1 2027',
        objectives: [],
      },
      {
        rank: 6,
        id: 'alt',
        name: 'Web shop (buy)',
        status: 'proposed',
        value: 60,
        spend: 10,
        effort: 1,
        above: false,
        place: 'below',
        pinned: false,
        reason: 'excluded by Web shop',
        objectives: ['Sales'],
      },
    ]);
  });

  it('places each valued initiative on the value and effort chart, unvalued ones not', () => {
    expect(content({ scenarioId: 'a' }).valueEffort).toEqual([
      { id: 'reg', name: 'Regulatory reporting', value: 40, effort: 4, spend: 100, above: true },
      { id: 'core', name: 'Core platform', value: 100, effort: 10, spend: 300, above: true },
      { id: 'shop', name: 'Web shop', value: 80, effort: 5, spend: 150, above: true },
      { id: 'big', name: 'Big bet', value: 300, effort: 16, spend: 0, above: false },
      { id: 'alt', name: 'Web shop (buy)', value: 60, effort: 1, spend: 10, above: false },
    ]);
  });
});

describe('risks', () => {
  it('names full teams, a nearly spent budget, and funded work without value or objective', () => {
    expect(content({ scenarioId: 'a' }).risks).toEqual([
      {
        kind: 'capacity',
        subject: 'Platform',
        detail: '100% of capacity used at the peak (Q1 2027): no slack for slips or urgent work.',
      },
      {
        kind: 'budget',
        subject: 'Budget',
        detail: 'At least 95% of the budget is committed in Q1 2027.',
      },
      {
        kind: 'unvalued',
        subject: 'Office move',
        detail: 'Funded without a value or scores: its benefit is not stated.',
      },
      {
        kind: 'unaligned',
        subject: 'Office move',
        detail: `Funded (${eur(50)}, 1 FTE) but linked to no objective.`,
      },
    ]);
  });

  it('names a funded prerequisite that several funded initiatives wait for', () => {
    const portfolio = {
      ...PLAN,
      budget: undefined,
      initiatives: [
        initiative('base', 'Base', { value: 1, demand: { data: [1] } }),
        initiative('one', 'One', { value: 1, dependsOn: ['base'], demand: { data: [1] } }),
        initiative('two', 'Two', { value: 1, dependsOn: ['base'], demand: { data: [1] } }),
        initiative('other', 'Other', { value: 1, demand: { data: [1] } }),
        initiative('solo', 'Solo', { value: 1, dependsOn: ['other'], demand: { data: [1] } }),
      ].map((item) => ({ ...item, objectives: [{ id: 'safety', contribution: 1 }] })),
      scenarios: [],
    };
    // Base and Other run in Q1, the three that need them in Q2; only Base has two waiting.
    expect(content({}, portfolio).risks).toEqual([
      {
        kind: 'dependency',
        subject: 'Base',
        detail: '2 funded initiatives wait for it (One and Two): a slip delays them all.',
      },
    ]);
  });

  it('does not call work unaligned when the portfolio has no objectives at all', () => {
    const kinds = content({ scenarioId: 'a' }, { ...PLAN, objectives: [] }).risks.map(
      (risk) => risk.kind,
    );
    expect(kinds).toEqual(['capacity', 'budget', 'unvalued']);
  });
});

describe('scenario columns', () => {
  it('shows every scenario with what it adds to and drops from the one presented', () => {
    const columns = content({ scenarioId: 'a' }).scenarios;
    expect(
      columns.map(({ name, isPack, comesIn, goesOut, valueAbove, spendAbove }) => ({
        name,
        isPack,
        comesIn,
        goesOut,
        valueAbove,
        spendAbove,
      })),
    ).toEqual([
      { name: 'Plan A', isPack: true, comesIn: [], goesOut: [], valueAbove: 220, spendAbove: 600 },
      {
        name: 'Plan B',
        isPack: false,
        comesIn: ['Big bet', 'Web shop (buy)'],
        goesOut: ['Core platform', 'Web shop'],
        valueAbove: 400,
        spendAbove: 160,
      },
      {
        name: 'Plan C',
        isPack: false,
        comesIn: ['Web shop (buy)'],
        goesOut: ['Web shop'],
        valueAbove: 200,
        spendAbove: 460,
      },
    ]);
  });

  it('has no columns without saved scenarios', () => {
    expect(content({}, { ...PLAN, scenarios: [] }).scenarios).toEqual([]);
  });
});

describe('decision record', () => {
  it('records the portfolio, scenario, date, cut line and a fingerprint of the portfolio', () => {
    expect(content({ scenarioId: 'a' }).record.entries).toEqual([
      { label: 'Portfolio', value: 'Pack test' },
      { label: 'Scenario', value: 'Plan A' },
      { label: 'Pack date', value: '2027-03-15' },
      {
        label: 'Cut line',
        value: '3 above the line · 1 funded in a gap · 2 below, of 6 initiatives',
      },
      { label: 'Portfolio fingerprint', value: fingerprint(writePortfolio(PLAN)) },
    ]);
    const fileOrder = content({}, { ...PLAN, scenarios: [] }).record.entries;
    expect(fileOrder[1]).toEqual({ label: 'Scenario', value: 'File order (no saved scenario)' });
  });

  it('gives the same fingerprint to the same portfolio however it was read (file or app)', () => {
    const print = (portfolio: Portfolio) =>
      content({}, portfolio).record.entries.find((e) => e.label === 'Portfolio fingerprint');
    const read = readPortfolioText(writePortfolio(DEMO_PORTFOLIO));
    if (!read.ok) throw new Error('the demo reads back');
    // The same data with its keys in another order, as the app's rows give it back.
    const reordered: Portfolio = {
      ...read.portfolio,
      scenarios: read.portfolio.scenarios.map(({ ranking, ...rest }) => ({ ranking, ...rest })),
    };
    expect(print(reordered)).toEqual(print(DEMO_PORTFOLIO));
  });

  it('changes the fingerprint when the portfolio changes', () => {
    const print = (portfolio: Portfolio) =>
      content({}, portfolio).record.entries.find((e) => e.label === 'Portfolio fingerprint');
    expect(print({ ...PLAN, budget: { q1: 470, q2: 531 } })).not.toEqual(print(PLAN));
  });

  it('records scoring, objective weights by depth, and capacity and budget per period', () => {
    const portfolio: Portfolio = {
      ...PLAN,
      budget: { q1: 470 },
      scoring: {
        model: 'weighted',
        criteria: [
          { id: 'fit', name: 'Strategic fit', weight: 0.35 },
          { id: 'risk', name: 'Risk reduction' },
        ],
      },
    };
    const record = content({}, portfolio).record;
    expect(record.scoring).toEqual({
      model: 'Weighted criteria (weighted mean of the scores)',
      criteria: [
        { name: 'Strategic fit', weight: '0.35' },
        { name: 'Risk reduction', weight: '1 (default)' },
      ],
    });
    // As a tree reads: each theme, then what is under it (Sales is under Growth).
    expect(record.objectives).toEqual([
      { name: 'Growth', depth: 0, weight: '0.6' },
      { name: 'Sales', depth: 1, weight: '1' },
      { name: 'Safety', depth: 0, weight: '0.4' },
      { name: 'People', depth: 0, weight: '—' },
    ]);
    expect(record.capacity).toEqual({
      periods: ['Q1 2027', 'Q2 2027'],
      rows: [
        { name: 'Platform (FTE)', amounts: ['10', '10'] },
        { name: 'Data (FTE)', amounts: ['4', '4'] },
        { name: 'Budget (EUR)', amounts: [eur(470), 'no limit'] },
      ],
    });
    expect(content({}, { ...PLAN, scoring: undefined }).record.scoring).toEqual({
      model: 'None: values are entered directly',
      criteria: [],
    });
  });

  it('records every forced item with its reason, and says when none was given', () => {
    const portfolio = withInitiatives([
      initiative('legacy', 'Legacy rehost', { forced: 'out', forcedReason: '   ' }),
    ]);
    expect(content({}, portfolio).record.forced).toEqual([
      {
        name: 'Regulatory reporting',
        forced: 'in',
        reason: 'Required by the regulator from 2027.',
      },
      { name: 'Legacy rehost', forced: 'out', reason: 'No reason recorded.' },
    ]);
  });

  it('records dependencies, exclusions and start windows by name and period label', () => {
    const portfolio = withInitiatives([
      initiative('late', 'Late starter', {
        dependsOn: ['core', 'gone'],
        latestStart: 'q2',
        start: 'q2',
      }),
    ]);
    expect(content({}, portfolio).record.rules).toEqual([
      { name: 'Big bet', rule: 'not before Q1 2027' },
      { name: 'Web shop (buy)', rule: 'excludes Web shop' },
      {
        name: 'Late starter',
        rule: 'needs Core platform and gone; fixed start Q2 2027; start by Q2 2027',
      },
    ]);
  });

  it('records the ranking as the board shows it: the pinned group first, then the stack', () => {
    // Plan A does not rank Regulatory reporting, but it is forced in: the board pins it on top.
    expect(content({ scenarioId: 'a' }).record.ranking).toEqual([
      'Regulatory reporting',
      'Core platform',
      'Web shop',
      'Big bet',
      'Office move',
      'Web shop (buy)',
    ]);
    expect(content({ scenarioId: 'b' }).record.ranking.slice(0, 2)).toEqual([
      'Regulatory reporting',
      'Big bet',
    ]);
  });

  it('records the optimizer result as frozen, or that it was not run', () => {
    expect(content().record.optimizer).toEqual([
      { label: 'Optimizer', value: 'Not run for this pack.' },
    ]);
    expect(content({}, PLAN, { frozenAt: '2027-03-15T09:30:00Z' }).record.optimizer).toEqual([
      { label: 'Optimizer', value: 'Not run for this pack.' },
    ]);
    expect(content({}, PLAN, optimized({ gap: 0.01234 })).record.optimizer).toEqual([
      { label: 'Optimizer status', value: 'Proven optimal' },
      { label: 'Best plan value', value: '260' },
      { label: 'Proven upper bound', value: '260' },
      { label: 'Gap to the bound', value: '1.23%' },
      { label: 'Solve time', value: '1.2 s' },
      { label: 'Plan', value: `3 initiatives, ${eur(410)} of spend` },
      { label: 'Frozen at', value: '2027-03-15 09:30 UTC' },
    ]);
  });

  it('says how an unproven or impossible optimizer run ended', () => {
    const status = (fields: Partial<FrozenOptimizeResult>) =>
      content({}, PLAN, optimized(fields)).record.optimizer[0]?.value;
    expect(status({ status: 'feasible', stopped: true })).toBe('Stopped early; best plan found');
    expect(status({ status: 'feasible', stopped: false })).toBe('Time limit reached');
    expect(status({ status: 'unknown' })).toBe('No plan found');
    const infeasible = content(
      {},
      PLAN,
      optimized({
        status: 'infeasible',
        objective: 0,
        selected: [],
        spend: 0,
        conflict: 'Regulatory reporting and Audit trail cannot both be done.',
      }),
    ).record.optimizer;
    expect(infeasible[0]?.value).toBe('Infeasible: the forced items cannot all be done');
    expect(infeasible).toContainEqual({
      label: 'Plan',
      value: `0 initiatives, ${eur(0)} of spend`,
    });
    expect(infeasible.at(-1)).toEqual({
      label: 'Conflict',
      value: 'Regulatory reporting and Audit trail cannot both be done.',
    });
  });
});

describe('a scenario the optimizer made', () => {
  const record = {
    scenarioId: 'a',
    at: '2027-03-14T16:05:00.000Z',
    result: {
      status: 'feasible',
      objective: 400,
      bound: 420,
      gap: 0.05,
      elapsed: 30,
      stopped: false,
      selected: [
        { id: 'reg', start: 'q1' },
        { id: 'big', start: 'q1' },
      ],
      spend: 160,
    },
  };
  const withOptimized = (extras?: Record<string, unknown>) => ({
    ...PLAN,
    scenarios: [
      ...PLAN.scenarios,
      {
        id: 'a-optimized',
        name: 'Plan A (optimized)',
        ranking: ['big', 'misc', 'alt', 'core', 'shop'],
        ...(extras && { extras }),
      },
    ],
  });

  it('carries the run it keeps (status, value, bound, gap, when) and compares with its origin', () => {
    const pack = content({ scenarioId: 'a-optimized' }, withOptimized({ optimizedFrom: record }));
    expect(pack.compareWith?.name).toBe('Plan A');
    expect(pack.summary[1]).toMatch(/^Against “Plan A”, /);
    expect(pack.record.optimizer).toEqual([
      { label: 'Optimized from', value: '“Plan A”' },
      { label: 'Optimizer status', value: 'Time limit reached' },
      { label: 'Best plan value', value: '400' },
      { label: 'Proven upper bound', value: '420' },
      { label: 'Gap to the bound', value: '5%' },
      { label: 'Solve time', value: '30 s' },
      { label: 'Plan', value: `2 initiatives, ${eur(160)} of spend` },
      { label: 'Plan made', value: '2027-03-14 16:05 UTC' },
    ]);
    expect(pack.optimize?.objective).toBe(400);
  });

  it('prefers the run frozen with the pack, and a comparison the builder chose', () => {
    const pack = content(
      { scenarioId: 'a-optimized', compareWithId: 'c' },
      withOptimized({ optimizedFrom: record }),
      optimized({ objective: 410 }),
    );
    expect(pack.compareWith?.name).toBe('Plan C');
    expect(pack.record.optimizer).toContainEqual({ label: 'Best plan value', value: '410' });
    expect(pack.record.optimizer.map((entry) => entry.label)).not.toContain('Plan made');
  });

  it('without a kept run, still compares with the scenario whose name it carries', () => {
    const pack = content({ scenarioId: 'a-optimized' }, withOptimized());
    expect(pack.compareWith?.name).toBe('Plan A');
    expect(pack.record.optimizer).toEqual([
      { label: 'Optimized from', value: '“Plan A”' },
      { label: 'Optimizer', value: 'Not run for this pack.' },
    ]);
  });

  it('ignores a kept record it cannot read rather than failing the pack', () => {
    const broken = withOptimized({ optimizedFrom: { scenarioId: 'a', result: 'fast' } });
    const pack = content({ scenarioId: 'a-optimized' }, broken);
    expect(pack.optimize).toBeUndefined();
    expect(pack.compareWith?.name).toBe('Plan A');
  });
});

describe('the demo portfolio’s pack', () => {
  // The app presents the scenario on the board; here the board shows Growth push.
  const settings = {
    ...defaultPackSettings(DEMO_PORTFOLIO, '2026-11-02'),
    scenarioId: 'growth-push',
  };
  const pack = buildPackContent(DEMO_PORTFOLIO, settings);

  it('records the forced-in NIS2 work with its legal reason', () => {
    const nis2 = pack.record.forced.find((item) => item.name === 'NIS2 security controls');
    expect(nis2?.forced).toBe('in');
    expect(nis2?.reason).toMatch(/^NIS2 Directive \(EU\) 2022\/2555: /);
    expect(pack.record.forced.map((item) => item.forced).sort()).toEqual([
      'in',
      'in',
      'in',
      'out',
      'out',
    ]);
  });

  it('ranks every initiative exactly once, the pinned group first, each below with a reason', () => {
    expect(pack.ranked.map((row) => row.id).sort()).toEqual(
      DEMO_PORTFOLIO.initiatives.map((item) => item.id).sort(),
    );
    expect(pack.ranked.map((row) => row.rank)).toEqual(pack.ranked.map((_, index) => index + 1));
    // Committed (active, done) and forced-in work: pinned on the board, first here too.
    const pinned = DEMO_PORTFOLIO.initiatives.filter(
      (item) =>
        item.status !== 'cancelled' &&
        (item.forced === 'in' ||
          ((item.status === 'active' || item.status === 'done') && item.forced !== 'out')),
    ).length;
    expect(pinned).toBeGreaterThan(3);
    expect(pack.ranked.slice(0, pinned).every((row) => row.pinned)).toBe(true);
    expect(pack.ranked.slice(pinned).some((row) => row.pinned)).toBe(false);
    for (const row of pack.ranked.filter((row) => !row.above)) {
      expect(row.reason, row.name).toMatch(/\w/);
    }
  });

  it('splits all funded spend and capacity over the top-level themes and the unaligned share', () => {
    const themes = pack.alignment.filter((row) => row.depth === 0);
    expect(themes.map((row) => row.name)).toEqual([
      'Win and keep customers',
      'Run a leaner, greener operation',
      'Secure and compliant foundations',
    ]);
    const sum = (pick: (row: { spendShare: number; capacityShare: number }) => number) =>
      themes.reduce((total, row) => total + pick(row), pick(pack.unaligned));
    expect(sum((row) => row.spendShare)).toBeCloseTo(1, 9);
    expect(sum((row) => row.capacityShare)).toBeCloseTo(1, 9);
    // Two funded initiatives link to no objective: a small but visible unaligned share.
    expect(pack.unaligned.spendShare).toBeGreaterThan(0);
    expect(pack.risks.filter((risk) => risk.kind === 'unaligned')).toHaveLength(2);
  });

  it('agrees with itself: counts, decisions and the ranked table tell the same story', () => {
    const funded = pack.ranked.filter((row) => row.above);
    const count = (place: string) => pack.ranked.filter((row) => row.place === place).length;
    expect(count('above') + count('gap')).toBe(funded.length);
    expect(count('gap')).toBeGreaterThan(0);
    expect(pack.keyFigures[1]?.value).toBe(`${funded.length} of ${pack.ranked.length}`);
    const line = `${count('above')} above the line · ${count('gap')} funded in a gap · ${count('below')} below`;
    expect(pack.lineSummary).toBe(line);
    expect(pack.record.entries[3]?.value).toBe(`${line}, of ${pack.ranked.length} initiatives`);
    expect(pack.summary[0]).toContain(`(${line})`);
    const row = new Map(pack.ranked.map((entry) => [entry.id, entry]));
    for (const decision of pack.decisions) {
      const ranked = row.get(decision.initiativeId ?? '');
      if (decision.kind === 'approve')
        expect(ranked).toMatchObject({ above: true, status: 'proposed' });
      if (decision.kind === 'stop') expect(ranked?.above).toBe(false);
      if (decision.kind === 'stop') expect(['active', 'approved']).toContain(ranked?.status);
    }
    expect(pack.summary[0]).toMatch(/^The “Growth push” scenario funds \d+ of 62 initiatives/);
    // What changed, against the scenario saved before it.
    expect(pack.summary[1]).toMatch(
      /^Against “Baseline — value first”, \d+ initiatives? comes? in/,
    );
    expect(pack.scenarios.map((column) => column.isPack)).toEqual([false, true]);
  });

  it('gives the same fingerprint for the same portfolio and another after an edit', () => {
    const again = buildPackContent(DEMO_PORTFOLIO, settings);
    const print = (content: PackContent) => content.record.entries[4]?.value;
    expect(print(again)).toBe(print(pack));
    const edited = {
      ...DEMO_PORTFOLIO,
      initiatives: DEMO_PORTFOLIO.initiatives.map((item, index) =>
        index === 0 ? { ...item, value: (item.value ?? 0) + 1 } : item,
      ),
    };
    expect(print(buildPackContent(edited, settings))).not.toBe(print(pack));
  });
});

describe('cancelled work', () => {
  it('is never placed, asks for no decision, and leaves committed work that does not fit named', () => {
    const packed = buildPackContent(
      DEMO_PORTFOLIO,
      defaultPackSettings(DEMO_PORTFOLIO, '2026-11-26'),
    );
    const cancelled = packed.ranked.filter((entry) => entry.status === 'cancelled');
    expect(cancelled.length, 'the demo has cancelled work').toBeGreaterThan(0);
    for (const row of cancelled) {
      expect(row).toMatchObject({ above: false, place: 'below', reason: 'cancelled' });
      expect(packed.decisions.some((entry) => entry.initiativeId === row.id)).toBe(false);
    }
    expect(packed.summary.join(' ')).not.toContain('cancelled');
  });
});

describe('decision log', () => {
  const decision = (id: string, date: string, fields: Partial<Decision> = {}): Decision => ({
    id,
    date,
    kind: 'other',
    title: `Decision ${id}`,
    decision: `What ${id} decided.`,
    ...fields,
  });
  /** The log oldest first, as the file keeps it; the pack is dated 2027-03-15. */
  const LOG: Decision[] = [
    decision('d1', '2026-11-02', { kind: 'gate', title: 'Fund the web shop' }),
    decision('d2', '2026-12-10', { kind: 'review', title: 'Q4 portfolio review' }),
    decision('d3', '2027-01-20', {
      kind: 'prioritization',
      title: 'Big bet first',
      decision: '  Rank Big bet above Core platform.  ',
      rationale: ' The market window closes in Q3. ',
      decidedBy: ' Portfolio board ',
      fingerprint: 'abc123',
      concerns: [
        { kind: 'initiative', id: 'big' },
        { kind: 'initiative', id: 'legacy' },
        { kind: 'scenario', id: 'b' },
        { kind: 'objective', id: 'growth' },
      ],
      recordedAt: '2027-01-20T10:15:00.000Z',
    }),
    decision('d4', '2027-02-14', {
      kind: 'prioritization',
      title: 'Core platform first after all',
      supersedes: 'd3',
    }),
    decision('d5', '2027-02-14', { kind: 'stop-continue', title: 'Stop the office move' }),
    decision('d6', '2027-03-15', { kind: 'review', title: 'Q1 portfolio review' }),
    // After the pack's date: not listed, and its amendment of d5 had not happened yet.
    decision('d7', '2027-04-01', { kind: 'gate', supersedes: 'd5' }),
  ];
  const logged = (settings: Partial<PackSettings> = {}, decisions: Decision[] = LOG) =>
    content(settings, { ...PLAN, decisions }).decisionLog;

  it('names every kind of decision', () => {
    expect(Object.keys(DECISION_KIND_LABEL).sort()).toEqual([...DECISION_KINDS].sort());
    expect(DECISION_KIND_LABEL['stop-continue']).toBe('Stop or continue');
  });

  it('starts at the settings’ since, the previous pack’s date, that day included', () => {
    const log = logged({ since: '2027-01-20' });
    expect(log).toMatchObject({ since: '2027-01-20', until: '2027-03-15', basis: 'settings' });
    expect(log.entries.map((entry) => entry.id)).toEqual(['d6', 'd5', 'd4', 'd3']);
  });

  it('starts at the latest review dated before the pack, without a since', () => {
    const log = logged();
    // The review dated on the pack's date is this meeting's own: the last one is d2.
    expect(log).toMatchObject({
      since: '2026-12-10',
      basis: 'review',
      review: { id: 'd2', title: 'Q4 portfolio review' },
    });
    expect(log.entries.map((entry) => entry.id)).toEqual(['d6', 'd5', 'd4', 'd3', 'd2']);
  });

  it('takes the latest review by date, whatever its place in the log', () => {
    const late = decision('late', '2027-01-05', { kind: 'review' });
    const early = decision('early', '2026-10-01', { kind: 'review' });
    expect(decisionWindow({ ...PLAN, decisions: [late, early] }, SETTINGS).since).toBe(
      '2027-01-05',
    );
  });

  it('goes back 90 days without a since or an earlier review', () => {
    const withoutReview = LOG.filter((entry) => entry.kind !== 'review' || entry.id === 'd6');
    const log = logged({}, withoutReview);
    expect(log).toMatchObject({ since: '2026-12-15', until: '2027-03-15', basis: 'days' });
    expect(log.review).toBeUndefined();
    expect(log.entries.map((entry) => entry.id)).toEqual(['d6', 'd5', 'd4', 'd3']);
    // Across a leap day.
    expect(decisionWindow(PLAN, { date: '2028-03-01' }).since).toBe('2027-12-02');
  });

  it('lists nothing for a portfolio without decisions, and says from when', () => {
    const log = content().decisionLog;
    expect(log).toEqual({ since: '2026-12-15', until: '2027-03-15', basis: 'days', entries: [] });
  });

  it('lists newest first, the later recorded first on one day, and nothing after the pack', () => {
    const ids = logged({ since: '2026-01-01' }).entries.map((entry) => entry.id);
    expect(ids).toEqual(['d6', 'd5', 'd4', 'd3', 'd2', 'd1']);
  });

  it('gives each decision its label, text, rationale, who, and what it concerns by name', () => {
    const entry = logged().entries.find((item) => item.id === 'd3');
    expect(entry).toEqual({
      id: 'd3',
      date: '2027-01-20',
      kind: 'prioritization',
      kindLabel: 'Prioritisation',
      title: 'Big bet first',
      decision: 'Rank Big bet above Core platform.',
      rationale: 'The market window closes in Q3.',
      decidedBy: 'Portfolio board',
      concerns: [
        { kind: 'initiative', id: 'big', name: 'Big bet', known: true },
        // A decision outlives what it was about: the id stands in for the name.
        { kind: 'initiative', id: 'legacy', name: 'legacy', known: false },
        { kind: 'scenario', id: 'b', name: 'Plan B', known: true },
        { kind: 'objective', id: 'growth', name: 'Growth', known: true },
      ],
      fingerprint: 'abc123',
      supersededBy: { id: 'd4', title: 'Core platform first after all', date: '2027-02-14' },
    });
  });

  it('shows a superseded decision as superseded, and its amendment as amending it', () => {
    const entries = logged().entries;
    expect(entries.find((item) => item.id === 'd4')).toMatchObject({
      amends: { id: 'd3', title: 'Big bet first', date: '2027-01-20' },
    });
    expect(entries.find((item) => item.id === 'd4')?.supersededBy).toBeUndefined();
    // Amended only after the pack's date: as the pack stands, it is not superseded.
    expect(entries.find((item) => item.id === 'd5')?.supersededBy).toBeUndefined();
  });

  it('names what an amendment amends even before the window, or by id when it is gone', () => {
    const entries = logged({ since: '2027-02-01' }, [
      ...LOG,
      decision('d8', '2027-03-01', { supersedes: 'gone' }),
    ]).entries;
    expect(entries.find((item) => item.id === 'd4')?.amends?.title).toBe('Big bet first');
    expect(entries.find((item) => item.id === 'd8')?.amends).toEqual({
      id: 'gone',
      title: 'gone',
    });
  });
});
