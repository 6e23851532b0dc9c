import { describe, expect, it } from 'vitest';
import { DEMO_PORTFOLIO } from '../../../shared/demo/demo-portfolio';
import type { Portfolio } from '../../../shared/portfolio/types';
import { writePortfolio } from '../../../shared/portfolio/write';
import { computeCutLine } from '../../../shared/prioritize/cutline';
import { change, invertChanges } from '../../../shared/store/changes';
import {
  applyChanges,
  compareText,
  findRecord,
  lastOrder,
  normalizeState,
  portfolioToState,
  rankRecords,
  rankingsOf,
  sortRecords,
  stateToPortfolio,
  type InitiativeRecord,
  type PortfolioState,
} from '../../../shared/store/state';
import { TEST_KEYS, demoState, stateOf } from './edit-context';

/** Periods whose ids are names every plain object has: "constructor" and "toString". */
const PLAN: Portfolio = {
  name: 'Odd ids',
  periods: [
    { id: 'constructor', label: 'P1' },
    { id: 'toString', label: 'P2' },
  ],
  teams: [{ id: 'core', name: 'Core', capacity: { toString: 5 } }],
  objectives: [],
  initiatives: [{ id: 'a', name: 'A', status: 'proposed', demand: { core: [1] } }],
  scenarios: [],
};

const SMALL: Portfolio = {
  name: 'Small',
  periods: [{ id: 'q1', label: 'Q1' }],
  teams: [],
  objectives: [],
  initiatives: [
    { id: 'z', name: 'Z', status: 'proposed' },
    { id: 'a', name: 'A', status: 'proposed' },
    { id: 'm', name: 'M', status: 'active' },
  ],
  scenarios: [{ id: 'base', name: 'Base', ranking: ['m', 'z', 'm'] }],
};

function ids(records: readonly { readonly id: string }[]): string[] {
  return records.map((record) => record.id);
}

describe('the portfolio read back from its state', () => {
  it('keeps records keyed by id without a prototype: an id like "constructor" reads what the file says', () => {
    // JSON-like copies, as IndexedDB gives them back, with the usual prototype.
    const state = structuredClone(portfolioToState(PLAN, { kind: 'empty' }, TEST_KEYS));
    const portfolio = stateToPortfolio(state);
    expect(portfolio.teams[0]?.capacity.constructor).toBeUndefined();
    expect(Object.getPrototypeOf(portfolio.teams[0]?.capacity)).toBeNull();
    expect(Object.getPrototypeOf(portfolio.initiatives[0]?.demand)).toBeNull();
    // No capacity in the first period: the initiative starts in the second.
    expect(computeCutLine(portfolio, ['a']).byId.get('a')).toMatchObject({
      above: true,
      start: 'toString',
    });
  });

  it('gives back the demo byte for byte, through a copy as the database stores it', () => {
    const state = structuredClone(demoState());
    expect(writePortfolio(stateToPortfolio(state))).toBe(writePortfolio(DEMO_PORTFOLIO));
  });

  it('leaves out empty actuals and decisions, as a file without them reads', () => {
    const portfolio = stateToPortfolio(stateOf(SMALL));
    expect('actuals' in portfolio).toBe(false);
    expect('decisions' in portfolio).toBe(false);
    expect(portfolio.initiatives[0]).not.toHaveProperty('order');
  });
});

describe('the state of a portfolio', () => {
  it('keeps every list in file order with increasing order keys', () => {
    const state = demoState();
    for (const list of [state.periods, state.teams, state.initiatives, state.scenarios]) {
      const orders = list.map((record) => record.order);
      expect([...orders].sort(compareText)).toEqual(orders);
      expect(new Set(orders).size).toBe(orders.length);
    }
    expect(ids(state.initiatives)).toEqual(ids(DEMO_PORTFOLIO.initiatives));
    expect(state.meta).toMatchObject({ key: 'portfolio', name: DEMO_PORTFOLIO.name });
    expect(state.meta.origin).toEqual({ kind: 'demo' });
  });

  it('ranks each scenario once per initiative, in ranking order', () => {
    const state = stateOf(SMALL);
    expect(state.ranks.map((rank) => rank.initiativeId)).toEqual(['m', 'z']);
    expect(rankingsOf(state.ranks).get('base')).toEqual(['m', 'z']);
    expect(state.scenarios[0]).not.toHaveProperty('ranking');
    expect(rankRecords('s', ['b', 'a', 'b'], TEST_KEYS)).toEqual([
      { scenarioId: 's', initiativeId: 'b', rank: 'a0' },
      { scenarioId: 's', initiativeId: 'a', rank: 'a1' },
    ]);
  });

  it('sorts lists by order key, ties by the record key, in plain string order', () => {
    const records = [
      { id: 'b', order: 'a1' },
      { id: 'a', order: 'a1' },
      { id: 'c', order: 'Z' },
      { id: 'd', order: 'a0' },
    ];
    expect(ids(sortRecords('teams', records))).toEqual(['c', 'd', 'a', 'b']);
    const shuffled = { ...demoState() };
    const state: PortfolioState = {
      ...shuffled,
      initiatives: [...shuffled.initiatives].reverse(),
    };
    expect(ids(normalizeState(state).initiatives)).toEqual(ids(DEMO_PORTFOLIO.initiatives));
  });

  it('finds records by key and the last order of a list', () => {
    const state = stateOf(SMALL);
    expect(findRecord(state.initiatives, 'initiatives', 'a')?.name).toBe('A');
    expect(findRecord(state.ranks, 'ranks', JSON.stringify(['base', 'z']))?.initiativeId).toBe('z');
    expect(findRecord(state.initiatives, 'initiatives', 'ghost')).toBeUndefined();
    expect(lastOrder(state.initiatives)).toBe(state.initiatives.at(-1)?.order);
    expect(lastOrder([])).toBeNull();
  });
});

describe('applying changes', () => {
  const state = stateOf(SMALL);
  const [z, a, m] = state.initiatives as [InitiativeRecord, InitiativeRecord, InitiativeRecord];

  it('never touches the state it is given', () => {
    const copy = structuredClone(state);
    applyChanges(state, [
      change('initiatives', 'a', a, { ...a, name: 'Changed' }),
      change('initiatives', 'z', z, undefined),
      change('meta', 'portfolio', state.meta, { ...state.meta, name: 'Other' }),
    ]);
    expect(state).toEqual(copy);
    expect(applyChanges(state, [])).toBe(state);
  });

  it('updates a record in place, removes one, and puts a new one where its order says', () => {
    const added: InitiativeRecord = {
      id: 'new',
      name: 'New',
      status: 'proposed',
      order: TEST_KEYS.between(z.order, a.order),
    };
    const next = applyChanges(state, [
      change('initiatives', 'a', a, { ...a, name: 'Changed' }),
      change('initiatives', 'm', m, undefined),
      change('initiatives', 'new', undefined, added),
    ]);
    expect(next.initiatives.map((record) => [record.id, record.name])).toEqual([
      ['z', 'Z'],
      ['new', 'New'],
      ['a', 'Changed'],
    ]);
    // Lists no change touched are the same lists.
    expect(next.teams).toBe(state.teams);
    expect(next.ranks).toBe(state.ranks);
  });

  it('moves a record whose order key changed, and sorts ranks by rank', () => {
    const moved = applyChanges(state, [
      change('initiatives', 'z', z, { ...z, order: TEST_KEYS.between(m.order, null) }),
    ]);
    expect(ids(moved.initiatives)).toEqual(['a', 'm', 'z']);
    const [first] = state.ranks;
    const reranked = applyChanges(state, [
      change('ranks', ['base', 'm'], first, { ...first!, rank: TEST_KEYS.between('a1', null) }),
    ]);
    expect(reranked.ranks.map((rank) => rank.initiativeId)).toEqual(['z', 'm']);
  });

  it('replaces the meta record, and undoes exactly with the inverted changes', () => {
    const changes = [
      change('meta', 'portfolio', state.meta, { ...state.meta, name: 'Renamed' }),
      change('initiatives', 'a', a, undefined),
      change('initiatives', 'q', undefined, { id: 'q', name: 'Q', status: 'done', order: 'a0V' }),
    ];
    const next = applyChanges(state, changes);
    expect(next.meta.name).toBe('Renamed');
    expect(applyChanges(next, invertChanges(changes))).toEqual(state);
  });
});
