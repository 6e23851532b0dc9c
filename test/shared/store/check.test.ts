/**
 * The check of an edit: the quick one the store runs (`problemsAfter`, which looks at what the
 * edit changed) refuses what the file's reader refuses, and nothing else.
 */
import { describe, expect, it } from 'vitest';
import type { Portfolio } from '../../../shared/portfolio/types';
import { change, type Change } from '../../../shared/store/changes';
import { problemsAfter, problemsOf, rankProblems } from '../../../shared/store/check';
import { setPeriodBudget, renamePortfolio } from '../../../shared/store/operations/portfolio';
import { applyChanges, type PortfolioState } from '../../../shared/store/state';
import { demoState, stateOf } from './edit-context';

/** Plain period ids, which a problem's path writes as `budget.P1`. */
const PLAIN_IDS: Portfolio = {
  name: 'Plain ids',
  periods: [
    { id: 'P1', label: 'First' },
    { id: 'P2', label: 'Second' },
  ],
  teams: [],
  budget: { P1: 100, P2: 200 },
  objectives: [],
  initiatives: [{ id: 'a', name: 'A', status: 'proposed' }],
  scenarios: [{ id: 'base', name: 'Base', ranking: ['a'] }],
};

function both(state: PortfolioState, changes: readonly Change[]) {
  const next = applyChanges(state, changes);
  return { quick: problemsAfter(next, changes), full: problemsOf(next) };
}

describe('the quick check of an edit', () => {
  it('accepts a change of the portfolio-wide values whatever the period ids look like', () => {
    for (const state of [stateOf(PLAIN_IDS), demoState()]) {
      const period = state.periods[0]!.id;
      for (const plan of [renamePortfolio(state, 'Renamed'), setPeriodBudget(state, period, 5)]) {
        expect(both(state, plan.changes)).toEqual({ quick: [], full: [] });
      }
    }
  });

  it('refuses a budget for a period that does not exist, as the reader does', () => {
    for (const state of [stateOf(PLAIN_IDS), demoState()]) {
      const { quick, full } = both(state, setPeriodBudget(state, 'Q9', 5).changes);
      expect(quick.map((problem) => problem.message)).toEqual(['period "Q9" does not exist']);
      expect(full.map((problem) => problem.message)).toEqual(['period "Q9" does not exist']);
    }
  });

  it('refuses a bad value in a changed record and a broken reference, as the reader does', () => {
    const state = stateOf(PLAIN_IDS);
    const a = state.initiatives[0]!;
    const cases: Change[][] = [
      [change('initiatives', 'a', a, { ...a, name: '' })],
      [change('initiatives', 'a', a, { ...a, dependsOn: ['ghost'] })],
      [change('initiatives', 'a', a, { ...a, demand: { nobody: [1] } })],
      [change('meta', 'portfolio', state.meta, { ...state.meta, currency: 'EU' })],
    ];
    for (const changes of cases) {
      const { quick, full } = both(state, changes);
      expect(quick.length).toBeGreaterThan(0);
      expect(full.length).toBeGreaterThan(0);
      expect(quick[0]?.path).toBe(full[0]?.path);
    }
  });

  it('refuses ranks the file form cannot tell apart or would drop', () => {
    const state = stateOf(PLAIN_IDS);
    const rank = state.ranks[0]!;
    const orphan = { scenarioId: 'gone', initiativeId: 'a', rank: 'a0' };
    const next = applyChanges(state, [change('ranks', ['gone', 'a'], undefined, orphan)]);
    expect(rankProblems(next).map((problem) => problem.message)).toEqual([
      'scenario "gone" does not exist',
    ]);
    // Only the scenarios asked about are looked at.
    expect(rankProblems(next, new Set(['base']))).toEqual([]);
    const malformed = [change('ranks', ['base', 'a'], rank, { ...rank, rank: 'a-0' })];
    expect(both(state, malformed).quick.map((problem) => problem.message)).toEqual([
      '"a-0" is not a rank',
    ]);
    expect(both(state, malformed).full.length).toBeGreaterThan(0);
  });
});
