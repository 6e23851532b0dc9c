import { freshDatabase } from './fresh-database';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEMO_PORTFOLIO } from '../../../shared/demo/demo-portfolio';
import { problemsAfter } from '../../../shared/store/check';
import { replaceState } from '../../../shared/store/operations/portfolio';
import { applyChanges, portfolioToState } from '../../../shared/store/state';
import type { Portfolio } from '../../../shared/portfolio/types';
import { writePortfolio } from '../../../shared/portfolio/write';
import { db } from '../../../renderer/db/database';
import { getHistory } from '../../../renderer/db/history';
import { ORDER_KEYS } from '../../../renderer/db/order-keys';
import { readPortfolio, readState, replacePortfolio, undo } from '../../../renderer/db/repository';
import { generatePortfolio } from '../../bench/generate-portfolio';

beforeEach(freshDatabase);
afterEach(() => {
  vi.restoreAllMocks();
});

/** Thousands of records: a replace this size is stored in batches, and checked in parts. */
function big(initiatives: number): Portfolio {
  return generatePortfolio({ initiatives, teams: 6, periods: 6, dependencyShare: 0.3, seed: 5 });
}

describe('a whole portfolio replaced with thousands of records', () => {
  it('is stored exactly, and one undo brings the one before back', async () => {
    const before = writePortfolio(await readPortfolio());
    const portfolio = big(2500);
    expect(await replacePortfolio(portfolio, { kind: 'file', label: 'big.json' }, 'Open')).toEqual({
      ok: true,
    });
    expect(writePortfolio(await readPortfolio())).toBe(writePortfolio(portfolio));
    expect(await db.initiatives.count()).toBe(2500);
    expect(getHistory().undo).toHaveLength(1);
    expect(await undo()).toEqual({ kind: 'done', label: 'Open' });
    expect(writePortfolio(await readPortfolio())).toBe(before);
  });

  it('stores nothing when a batch fails midway', async () => {
    const before = writePortfolio(await readPortfolio());
    const initiatives = db.table('initiatives');
    const bulkPut = initiatives.bulkPut.bind(initiatives);
    let calls = 0;
    vi.spyOn(initiatives, 'bulkPut').mockImplementation(((
      ...args: Parameters<typeof initiatives.bulkPut>
    ) => {
      calls += 1;
      if (calls === 2) return Promise.reject(new Error('disk full'));
      return bulkPut(...args);
    }) as never);
    await expect(
      replacePortfolio(big(2500), { kind: 'file', label: 'big.json' }, 'Open'),
    ).rejects.toThrow('disk full');
    // The second batch failed (the next may already be asked for: two are under way at once).
    expect(calls).toBeGreaterThanOrEqual(2);
    vi.restoreAllMocks();
    expect(writePortfolio(await readPortfolio())).toBe(before);
    expect(await db.initiatives.count()).toBe(DEMO_PORTFOLIO.initiatives.length);
    expect(getHistory().undo).toHaveLength(0);
    expect(await db.history.count()).toBe(0);
  });

  it('is refused, with the problems the whole check gives, for a record wrong far down the list', async () => {
    const before = writePortfolio(await readPortfolio());
    const good = big(2500);
    const last = good.initiatives.at(-1)!;
    // A demand of a team that is not in the portfolio: a rule between records.
    const wrong: Portfolio = {
      ...good,
      initiatives: [
        ...good.initiatives.slice(0, -1),
        { ...last, demand: { ...last.demand, 'no-such-team': [1] } },
      ],
    };
    const result = await replacePortfolio(wrong, { kind: 'file', label: 'big.json' }, 'Open');
    const state = await readState();
    const changes = replaceState(state, portfolioToState(wrong, state.meta.origin, ORDER_KEYS));
    const expected = problemsAfter(applyChanges(state, changes), changes);
    expect(expected.length).toBeGreaterThan(0);
    expect(result).toEqual({ ok: false, problems: expected });
    expect(writePortfolio(await readPortfolio())).toBe(before);
    expect(getHistory().undo).toHaveLength(0);
  });
});
