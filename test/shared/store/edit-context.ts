/**
 * A deterministic edit context for tests of the store's pure functions: ordering keys from
 * fractional-indexing without the app's jitter, ids from a counter, and a fixed clock.
 */
import { generateKeyBetween, generateNKeysBetween } from 'fractional-indexing';
import { expect } from 'vitest';
import { DEMO_PORTFOLIO } from '../../../shared/demo/demo-portfolio';
import type { Portfolio } from '../../../shared/portfolio/types';
import { withoutNoOps, type EditPlan } from '../../../shared/store/changes';
import { problemsAfter, problemsOf } from '../../../shared/store/check';
import type { EditContext } from '../../../shared/store/context';
import type { ListEntityName } from '../../../shared/store/entities';
import {
  applyChanges,
  portfolioToState,
  type OrderKeys,
  type PortfolioState,
} from '../../../shared/store/state';

export const TEST_KEYS: OrderKeys = {
  between: (before, after) => generateKeyBetween(before, after),
  spread: (before, after, count) => (count <= 0 ? [] : generateNKeysBetween(before, after, count)),
};

export const NOW = '2026-12-04T09:30:00.000Z';

/** A context whose ids count up per kind of record: `new-initiatives-1`, `new-teams-1`, … */
export function testContext(): EditContext {
  const counts = new Map<ListEntityName, number>();
  return {
    keys: TEST_KEYS,
    newId: (entity) => {
      const next = (counts.get(entity) ?? 0) + 1;
      counts.set(entity, next);
      return `new-${entity}-${next}`;
    },
    now: () => NOW,
  };
}

/** The state of a portfolio as the store would hold it once opened. */
export function stateOf(portfolio: Portfolio): PortfolioState {
  return portfolioToState(portfolio, { kind: 'file', label: 'test.json' }, TEST_KEYS);
}

/** The demo portfolio as the store holds it on a first start. */
export function demoState(): PortfolioState {
  return portfolioToState(DEMO_PORTFOLIO, { kind: 'demo' }, TEST_KEYS);
}

/** `state` once `plan`'s changes are applied (no-op changes left out, as the store does). */
export function applyPlan(plan: EditPlan, state: PortfolioState): PortfolioState {
  return applyChanges(state, withoutNoOps(plan.changes));
}

/**
 * `state` once `plan` is applied, checked as the store checks an edit (only what changed) and as
 * the file's reader would (the whole): both must accept it.
 */
export function acceptPlan(plan: EditPlan, state: PortfolioState): PortfolioState {
  const next = applyPlan(plan, state);
  expect(problemsAfter(next, withoutNoOps(plan.changes))).toEqual([]);
  expect(problemsOf(next)).toEqual([]);
  return next;
}
