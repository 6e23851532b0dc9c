import { describe, expect, it } from 'vitest';
import { portfolioToRows, rowsToPortfolio } from '../../../renderer/db/portfolio-rows';
import type { Portfolio } from '../../../shared/portfolio/types';
import { computeCutLine } from '../../../shared/prioritize/cutline';

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

describe('the portfolio read back from its rows', () => {
  it('keeps records keyed by id without a prototype: an id like "constructor" reads what the file says', () => {
    // JSON-like copies, as IndexedDB gives them back, with the usual prototype.
    const rows = structuredClone(portfolioToRows(PLAN, { kind: 'empty' }));
    const portfolio = rowsToPortfolio(rows);
    expect(portfolio.teams[0]?.capacity.constructor).toBeUndefined();
    expect(Object.getPrototypeOf(portfolio.teams[0]?.capacity)).toBeNull();
    // No capacity in the first period: the initiative starts in the second.
    expect(computeCutLine(portfolio, ['a']).byId.get('a')).toMatchObject({
      above: true,
      start: 'toString',
    });
  });
});
