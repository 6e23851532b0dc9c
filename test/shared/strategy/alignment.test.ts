import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Initiative, Objective, Portfolio } from '../../../shared/portfolio/types';
import {
  CALL_OUT_BAND,
  fundedSplit,
  objectiveTree,
  portfolioAlignment,
} from '../../../shared/strategy/alignment';

// Growth (0.6) has two objectives of equal local weight, Sales and Service (0.3 each globally);
// Trust (0.4) has none. Sales is listed before its theme: tree order is not file order.
const OBJECTIVES: Objective[] = [
  { id: 'sales', name: 'Sales', parentId: 'growth', weight: 1 },
  { id: 'growth', name: 'Growth', weight: 0.6 },
  { id: 'service', name: 'Service', parentId: 'growth', weight: 1 },
  { id: 'trust', name: 'Trust', parentId: null, weight: 0.4 },
];
const WEIGHTS = new Map([
  ['growth', 0.6],
  ['sales', 0.3],
  ['service', 0.3],
  ['trust', 0.4],
]);

const initiative = (id: string, extra: Partial<Initiative> = {}): Initiative => ({
  id,
  name: id.toUpperCase(),
  status: 'approved',
  ...extra,
});

const INITIATIVES: Initiative[] = [
  // 300 and 4 FTE-quarters, all to Sales.
  initiative('crm', {
    spend: [100, 200],
    demand: { dev: [2, 2] },
    objectives: [{ id: 'sales', contribution: 3 }],
  }),
  // 150 and 1, all to Trust.
  initiative('audit', {
    spend: [150],
    demand: { dev: [1] },
    objectives: [{ id: 'trust', contribution: 2 }],
  }),
  // 50 and 5, serving nothing.
  initiative('move', { spend: [50], demand: { ops: [5] } }),
  // Not funded.
  initiative('chat', {
    status: 'proposed',
    spend: [80],
    objectives: [{ id: 'service', contribution: 1 }],
  }),
  initiative('old', { status: 'cancelled', spend: [10] }),
  initiative('idea', { status: 'proposed' }),
  initiative('ghost', { status: 'proposed', objectives: [{ id: 'gone', contribution: 2 }] }),
];

function portfolioOf(extra: Partial<Portfolio> = {}): Portfolio {
  return {
    name: 'Plan',
    periods: [],
    teams: [],
    objectives: OBJECTIVES,
    initiatives: INITIATIVES,
    scenarios: [],
    ...extra,
  };
}

const FUNDED = new Set(['crm', 'audit', 'move']);

describe('objectiveTree', () => {
  it('orders objectives depth first, siblings in file order, each with its depth and leafness', () => {
    expect(
      objectiveTree(OBJECTIVES).map((node) => [node.objective.id, node.depth, node.leaf]),
    ).toEqual([
      ['growth', 0, false],
      ['sales', 1, true],
      ['service', 1, true],
      ['trust', 0, true],
    ]);
  });

  it('keeps every objective of a parent cycle once, cutting the cycle at the first listed', () => {
    const tree = objectiveTree([
      { id: 'a', name: 'A', parentId: 'b' },
      { id: 'b', name: 'B', parentId: 'a' },
      { id: 'c', name: 'C', parentId: 'a' },
      { id: 'self', name: 'Self', parentId: 'self' },
      { id: 'orphan', name: 'Orphan', parentId: 'missing' },
    ]);
    expect(tree.map((node) => [node.objective.id, node.depth, node.parentId])).toEqual([
      ['orphan', 0, null],
      ['a', 0, null],
      ['b', 1, 'a'],
      ['c', 1, 'a'],
      ['self', 0, null],
    ]);
  });

  it('walks a chain ten thousand deep without running out of stack', () => {
    const chain: Objective[] = Array.from({ length: 10_000 }, (_, index) => ({
      id: `o${index}`,
      name: `O${index}`,
      ...(index > 0 && { parentId: `o${index - 1}` }),
    }));
    const tree = objectiveTree(chain);
    expect(tree).toHaveLength(10_000);
    expect(tree.at(-1)).toMatchObject({ depth: 9_999, leaf: true });
  });
});

describe('fundedSplit', () => {
  it('splits funded spend and capacity by contribution and rolls them up to the themes', () => {
    const split = fundedSplit(portfolioOf(), [
      initiative('mixed', {
        spend: [300],
        demand: { dev: [3] },
        objectives: [
          { id: 'sales', contribution: 2 },
          { id: 'trust', contribution: 1 },
          { id: 'gone', contribution: 3 },
        ],
      }),
      initiative('theme', {
        spend: [100],
        objectives: [
          { id: 'growth', contribution: 1 },
          { id: 'sales', contribution: 1 },
        ],
      }),
    ]);
    // Mixed: 200 and 2 to Sales, 100 and 1 to Trust (the missing objective does not count).
    // Theme: 50 to Growth itself and 50 to Sales; counted once in Growth. Of 400 and 3.
    const rows = Object.fromEntries(split.rows.map((row) => [row.id, row]));
    expect(rows.growth).toMatchObject({ depth: 0, weight: 0.6, funded: 2 });
    expect(rows.growth?.spendShare).toBeCloseTo(300 / 400, 12);
    expect(rows.growth?.capacityShare).toBeCloseTo(2 / 3, 12);
    expect(rows.sales?.spendShare).toBeCloseTo(250 / 400, 12);
    expect(rows.service).toMatchObject({ spendShare: 0, capacityShare: 0, funded: 0 });
    expect(rows.trust?.spendShare).toBeCloseTo(100 / 400, 12);
    expect(split.unaligned).toEqual({ spendShare: 0, capacityShare: 0 });
  });

  it('gives all zero shares when nothing is funded', () => {
    const split = fundedSplit(portfolioOf(), []);
    expect(split.rows.every((row) => row.spendShare === 0 && row.capacityShare === 0)).toBe(true);
    expect(split.unaligned).toEqual({ spendShare: 0, capacityShare: 0 });
  });
});

describe('portfolioAlignment', () => {
  const result = portfolioAlignment(portfolioOf(), FUNDED, WEIGHTS);

  it('builds the heatmap: objectives in tree order by the initiatives that link to them', () => {
    expect(result.matrix.rows).toEqual([
      { id: 'growth', name: 'Growth', depth: 0 },
      { id: 'sales', name: 'Sales', depth: 1 },
      { id: 'service', name: 'Service', depth: 1 },
      { id: 'trust', name: 'Trust', depth: 0 },
    ]);
    // Move, Old (cancelled), Idea and Ghost (to a missing objective) link to nothing that counts.
    expect(result.matrix.columns).toEqual([
      { id: 'crm', name: 'CRM', funded: true },
      { id: 'audit', name: 'AUDIT', funded: true },
      { id: 'chat', name: 'CHAT', funded: false },
    ]);
    expect(result.matrix.cells).toEqual([
      { row: 1, column: 0, contribution: 3 },
      { row: 2, column: 2, contribution: 1 },
      { row: 3, column: 1, contribution: 2 },
    ]);
  });

  it('shares funded spend and capacity per objective, beside its global weight', () => {
    // Of 500 funded: CRM 300 to Sales, Audit 150 to Trust, Move 50 to nothing.
    // Of 10 FTE-quarters: CRM 4, Audit 1, Move 5.
    const rows = Object.fromEntries(result.objectives.map((row) => [row.id, row]));
    expect(rows.growth).toMatchObject({ globalWeight: 0.6, parentId: null, leaf: false });
    expect(rows.growth?.spendShare).toBeCloseTo(0.6, 12);
    expect(rows.sales?.spendShare).toBeCloseTo(0.6, 12);
    expect(rows.trust?.spendShare).toBeCloseTo(0.3, 12);
    expect(rows.growth?.capacityShare).toBeCloseTo(0.4, 12);
    expect(rows.trust?.capacityShare).toBeCloseTo(0.1, 12);
    expect(result.unaligned.spendShare).toBeCloseTo(0.1, 12);
    expect(result.unaligned.capacityShare).toBeCloseTo(0.5, 12);
    expect(result.basis).toBe('spend');
  });

  it('calls out objectives whose share of funded spend is far from their weight, level by level', () => {
    expect(CALL_OUT_BAND).toEqual({ LOW: 0.5, HIGH: 1.5, MIN_GAP: 0.05 });
    const callOuts = Object.fromEntries(result.objectives.map((row) => [row.id, row.callOut]));
    expect(callOuts).toEqual({
      // Growth: 0.6 of spend for 0.6 of weight.
      growth: undefined,
      // Sales: 0.6 for 0.3, above 1.5 × 0.3 = 0.45 and 30 points over.
      sales: 'over-invested',
      // Service: 0 for 0.3, below 0.15 and 30 points under.
      service: 'under-invested',
      // Trust: 0.3 for 0.4, short of it but not below half of it.
      trust: undefined,
    });
  });

  it('does not call out crumbs: a relative gap needs an absolute one of 5 points too', () => {
    const weights = new Map([...WEIGHTS, ['trust', 0.04]]);
    const funded = portfolioAlignment(portfolioOf(), new Set(['crm', 'move']), weights);
    // Trust gets 0 of 350 against a weight of 0.04: under half, but only 4 points short.
    expect(funded.objectives.find((row) => row.id === 'trust')?.callOut).toBeUndefined();
  });

  it('flags work linked to no objective and leaf objectives that no funded work serves', () => {
    // Cancelled Old is not flagged; Ghost links only to an objective that does not exist.
    expect(result.unlinked).toEqual(['move', 'idea', 'ghost']);
    // Chat serves Service but is not funded; Growth is not a leaf.
    expect(result.unserved).toEqual(['service']);
  });

  it('scores the aligned share times how well the leaf split matches the weights', () => {
    // A = 450 / 500 = 0.9. Leaf shares of the aligned 450: Sales 2/3, Service 0, Trust 1/3
    // against weights 0.3, 0.3, 0.4: Σ|q − w| = 11/30 + 9/30 + 2/30 = 22/30, F = 1 − 11/30.
    // Score = 100 × 0.9 × 19/30 = 57.
    expect(result.score).toBeCloseTo(57, 10);
  });

  it('scores 100 when all funded spend serves objectives exactly as weighted', () => {
    const portfolio = portfolioOf({
      initiatives: [
        initiative('s', { spend: [30], objectives: [{ id: 'sales', contribution: 1 }] }),
        initiative('v', { spend: [30], objectives: [{ id: 'service', contribution: 3 }] }),
        initiative('t', { spend: [40], objectives: [{ id: 'trust', contribution: 2 }] }),
      ],
    });
    const perfect = portfolioAlignment(portfolio, new Set(['s', 'v', 't']), WEIGHTS);
    expect(perfect.score).toBeCloseTo(100, 10);
    expect(perfect.objectives.every((row) => row.callOut === undefined)).toBe(true);
    expect(perfect.unserved).toEqual([]);
  });

  it('passes spend on a theme as a whole down to its leaves by weight', () => {
    const portfolio = portfolioOf({
      initiatives: [
        initiative('broad', { spend: [200], objectives: [{ id: 'growth', contribution: 1 }] }),
      ],
    });
    const broad = portfolioAlignment(portfolio, new Set(['broad']), WEIGHTS);
    // 200 on Growth goes 100 to Sales and 100 to Service (0.3 : 0.3); Trust gets none.
    // Σ|q − w| = 0.2 + 0.2 + 0.4 = 0.8, F = 0.6, A = 1: score 60.
    expect(broad.score).toBeCloseTo(60, 10);
    // The shares and call-outs count it the same way: Sales and Service half each.
    const shares = Object.fromEntries(broad.objectives.map((row) => [row.id, row.spendShare]));
    expect(shares).toEqual({ growth: 1, sales: 0.5, service: 0.5, trust: 0 });
    const callOuts = Object.fromEntries(broad.objectives.map((row) => [row.id, row.callOut]));
    expect(callOuts).toEqual({
      growth: 'over-invested',
      sales: 'over-invested',
      service: 'over-invested',
      trust: 'under-invested',
    });
    // Sales and Service are served, by the work on Growth as a whole.
    expect(broad.unserved).toEqual(['trust']);
  });

  it('weighs the leaves equally when no global weights are given, and calls nothing out', () => {
    const unweighted = portfolioAlignment(portfolioOf(), FUNDED, new Map());
    // Leaf shares 2/3, 0, 1/3 against 1/3 each: Σ|q − w| = 1/3 + 1/3 + 0, F = 2/3; A = 0.9.
    expect(unweighted.score).toBeCloseTo(60, 10);
    expect(unweighted.objectives.some((row) => row.callOut !== undefined)).toBe(false);
    expect(unweighted.objectives.some((row) => row.globalWeight !== undefined)).toBe(false);
  });

  it('scores 0 when nothing funded serves an objective', () => {
    const none = portfolioAlignment(portfolioOf(), new Set(['move']), WEIGHTS);
    expect(none.score).toBe(0);
    expect(none.unaligned.spendShare).toBe(1);
  });

  it('measures capacity when nothing funded has spend', () => {
    const portfolio = portfolioOf({
      initiatives: [
        initiative('s', { demand: { dev: [3] }, objectives: [{ id: 'sales', contribution: 1 }] }),
        initiative('u', { demand: { dev: [1] } }),
      ],
    });
    const byEffort = portfolioAlignment(portfolio, new Set(['s', 'u']), WEIGHTS);
    expect(byEffort.basis).toBe('capacity');
    // A = 3/4; all aligned effort on Sales: Σ|q − w| = 0.7 + 0.3 + 0.4 = 1.4, F = 0.3.
    expect(byEffort.score).toBeCloseTo(22.5, 10);
    expect(byEffort.objectives.find((row) => row.id === 'sales')?.callOut).toBe('over-invested');
  });

  it('has no score or call-outs when nothing funded has spend or effort', () => {
    const empty = portfolioAlignment(portfolioOf(), new Set(), WEIGHTS);
    expect(empty.basis).toBeUndefined();
    expect(empty.score).toBeUndefined();
    expect(empty.objectives.some((row) => row.callOut !== undefined)).toBe(false);
    expect(empty.unserved).toEqual(['sales', 'service', 'trust']);
  });

  it('has no score and flags nothing as unlinked when the portfolio has no objectives', () => {
    const bare = portfolioAlignment(portfolioOf({ objectives: [] }), FUNDED, new Map());
    expect(bare.score).toBeUndefined();
    expect(bare.unlinked).toEqual([]);
    expect(bare.matrix).toEqual({ rows: [], columns: [], cells: [] });
    expect(bare.unaligned.spendShare).toBe(1);
  });

  it('handles thousands of objectives and a parent cycle in reasonable time', () => {
    const objectives: Objective[] = [
      { id: 'loop-a', name: 'Loop A', parentId: 'loop-b' },
      { id: 'loop-b', name: 'Loop B', parentId: 'loop-a' },
      ...Array.from({ length: 5_000 }, (_, index) => ({
        id: `o${index}`,
        name: `O${index}`,
        parentId: index === 0 ? null : `o${Math.floor((index - 1) / 3)}`,
      })),
    ];
    const initiatives = Array.from({ length: 500 }, (_, index) =>
      initiative(`i${index}`, {
        spend: [10],
        objectives: [
          { id: `o${(index * 37) % 5_000}`, contribution: 2 },
          { id: index % 2 ? 'loop-a' : 'loop-b', contribution: 1 },
        ],
      }),
    );
    const big = portfolioAlignment(
      portfolioOf({ objectives, initiatives }),
      new Set(initiatives.map((item) => item.id)),
      new Map(),
    );
    const themes = big.objectives.filter((row) => row.depth === 0);
    expect(themes.map((row) => row.id)).toEqual(['o0', 'loop-a']);
    expect(themes.reduce((sum, row) => sum + row.spendShare, 0)).toBeCloseTo(1, 9);
    expect(big.score).toBeGreaterThanOrEqual(0);
    expect(big.score).toBeLessThanOrEqual(100);
  });
});

describe('portfolioAlignment properties', () => {
  const ID_POOL = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'missing'];

  const objectivesArbitrary = fc
    .uniqueArray(fc.constantFrom(...ID_POOL.slice(0, 7)), { maxLength: 7 })
    .chain((ids) =>
      fc.tuple(
        ...ids.map((id) =>
          fc.record({
            id: fc.constant(id),
            name: fc.constant(id.toUpperCase()),
            // Any parent, itself and missing ones included: cycles must not break the sums.
            parentId: fc.option(fc.constantFrom(...ID_POOL), { nil: null }),
          }),
        ),
      ),
    );

  const initiativesArbitrary = fc.array(
    fc.record({
      spend: fc.array(fc.integer({ min: 0, max: 100 }), { maxLength: 3 }),
      effort: fc.array(fc.integer({ min: 0, max: 10 }), { maxLength: 3 }),
      links: fc.array(
        fc.record({
          id: fc.constantFrom(...ID_POOL),
          contribution: fc.integer({ min: 0, max: 3 }),
        }),
        { maxLength: 3 },
      ),
      funded: fc.boolean(),
      cancelled: fc.boolean(),
    }),
    { maxLength: 8 },
  );

  const weightsArbitrary = fc.dictionary(
    fc.constantFrom(...ID_POOL),
    fc.double({ min: 0, max: 1, noNaN: true }),
  );

  it('keeps the score within 0..100 and the themes plus the unaligned share at 1', () => {
    fc.assert(
      fc.property(
        objectivesArbitrary,
        initiativesArbitrary,
        weightsArbitrary,
        (objectives, drafts, weights) => {
          const initiatives = drafts.map((draft, index) =>
            initiative(`i${index}`, {
              status: draft.cancelled ? 'cancelled' : 'approved',
              spend: draft.spend,
              demand: { dev: draft.effort },
              objectives: draft.links,
            }),
          );
          const funded = new Set(initiatives.filter((_, i) => drafts[i]?.funded).map((i) => i.id));
          const result = portfolioAlignment(
            portfolioOf({ objectives, initiatives }),
            funded,
            new Map(Object.entries(weights)),
          );
          if (result.score !== undefined) {
            expect(result.score).toBeGreaterThanOrEqual(0);
            expect(result.score).toBeLessThanOrEqual(100);
          }
          expect(result.objectives).toHaveLength(objectives.length);
          const fundedDrafts = drafts.filter((draft) => draft.funded);
          const total = (pick: (draft: (typeof drafts)[number]) => readonly number[]) =>
            fundedDrafts.reduce((sum, draft) => sum + pick(draft).reduce((a, b) => a + b, 0), 0);
          const themes = result.objectives.filter((row) => row.depth === 0);
          if (total((draft) => draft.spend) > 0) {
            const sum = themes.reduce((s, row) => s + row.spendShare, result.unaligned.spendShare);
            expect(sum).toBeCloseTo(1, 9);
          }
          if (total((draft) => draft.effort) > 0) {
            const sum = themes.reduce(
              (s, row) => s + row.capacityShare,
              result.unaligned.capacityShare,
            );
            expect(sum).toBeCloseTo(1, 9);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
