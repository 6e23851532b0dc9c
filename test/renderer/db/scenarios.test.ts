import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEMO_PORTFOLIO } from '../../../shared/demo/demo-portfolio';
import { writePortfolio } from '../../../shared/portfolio/write';
import type { Portfolio } from '../../../shared/portfolio/types';
import { db } from '../../../renderer/db/database';
import { getHistory } from '../../../renderer/db/history';
import {
  change,
  commitEdit,
  readPortfolio,
  readRows,
  replacePortfolio,
  undo,
} from '../../../renderer/db/repository';
import {
  createScenario,
  deleteScenario,
  duplicateScenario,
  moveInStack,
  planStackMove,
  stackOf,
} from '../../../renderer/db/scenarios';
import { generatePortfolio } from '../../bench/generate-portfolio';
import { freshDatabase } from './fresh-database';

beforeEach(freshDatabase);
afterEach(() => {
  vi.restoreAllMocks();
});

const BASE = DEMO_PORTFOLIO.scenarios[0]!;
const LAST = DEMO_PORTFOLIO.initiatives.at(-1)!;

async function ranking(scenarioId = BASE.id): Promise<readonly string[]> {
  return (await readPortfolio()).scenarios.find((entry) => entry.id === scenarioId)?.ranking ?? [];
}

describe('moving cards in a stack', () => {
  it('moves one card in front of another, writing that card alone, and undo puts it back', async () => {
    const before = writePortfolio(await readPortfolio());
    const [first, second, third] = BASE.ranking;
    const changes = planStackMove(await readRows(), {
      scenarioId: BASE.id,
      ids: [third!],
      before: first!,
    });
    expect(changes.map((change) => change.key)).toEqual([[BASE.id, third]]);

    await moveInStack({ scenarioId: BASE.id, ids: [third!], before: first! });
    expect((await ranking()).slice(0, 3)).toEqual([third, first, second]);
    expect(getHistory().undo.at(-1)?.label).toBe('Move in ranking');

    await undo();
    expect(writePortfolio(await readPortfolio())).toBe(before);
  });

  it('moves several selected cards together to the bottom and to the top, keeping their order', async () => {
    const picked = [BASE.ranking[4]!, BASE.ranking[1]!];
    await moveInStack({ scenarioId: BASE.id, ids: picked, before: null });
    expect((await ranking()).slice(-2)).toEqual(picked);
    await moveInStack({ scenarioId: BASE.id, ids: picked, before: (await ranking())[0]! });
    expect((await ranking()).slice(0, 2)).toEqual(picked);
    // Dropped below the cards the ranking never named, so those got ranks as well.
    expect(await ranking()).toHaveLength(DEMO_PORTFOLIO.initiatives.length);
  });

  it('gives ranks to unranked cards only when a card is dropped below them', async () => {
    const portfolio: Portfolio = {
      ...DEMO_PORTFOLIO,
      scenarios: [{ id: 'short', name: 'Short list', ranking: [LAST.id] }],
    };
    await replacePortfolio(portfolio, { kind: 'file', label: 'short.json' }, 'Open');
    const stack = stackOf(await readRows(), 'short');
    expect(stack[0]).toBe(LAST.id);
    const unrankedA = stack[1]!;
    const unrankedB = stack[2]!;
    const moved = stack[10]!;

    // In front of the second unranked card: the first unranked one gets a rank too.
    await moveInStack({ scenarioId: 'short', ids: [moved], before: unrankedB });
    expect(await ranking('short')).toEqual([LAST.id, unrankedA, moved]);
    expect(stackOf(await readRows(), 'short').slice(0, 4)).toEqual([
      LAST.id,
      unrankedA,
      moved,
      unrankedB,
    ]);
  });

  it('refuses to move a card in front of one that is gone, and changes nothing', async () => {
    const before = writePortfolio(await readPortfolio());
    await expect(
      moveInStack({ scenarioId: BASE.id, ids: [BASE.ranking[0]!], before: 'ghost' }),
    ).rejects.toThrow('"ghost" is not in the stack');
    expect(writePortfolio(await readPortfolio())).toBe(before);
  });

  it('never leaves a move half-written: when storing fails midway, no rank changes', async () => {
    const before = writePortfolio(await readPortfolio());
    const ranks = db.table('ranks');
    const put = ranks.put.bind(ranks);
    let calls = 0;
    vi.spyOn(ranks, 'put').mockImplementation((...args: Parameters<typeof ranks.put>) => {
      calls += 1;
      if (calls === 2) return Promise.reject(new Error('disk full')) as never;
      return put(...args);
    });
    const picked = [BASE.ranking[3]!, BASE.ranking[6]!, BASE.ranking[9]!];
    await expect(
      moveInStack({ scenarioId: BASE.id, ids: picked, before: BASE.ranking[0]! }),
    ).rejects.toThrow('disk full');
    expect(calls).toBe(2);
    vi.restoreAllMocks();
    expect(writePortfolio(await readPortfolio())).toBe(before);
    expect(getHistory().undo).toHaveLength(0);
  });

  it('writes one row for a drop in a stack of a thousand cards', async () => {
    const big = generatePortfolio({
      initiatives: 1000,
      teams: 20,
      periods: 12,
      dependencyShare: 0.3,
      seed: 3,
    });
    await replacePortfolio(big, { kind: 'file', label: 'big.json' }, 'Open');
    const rows = await readRows();
    expect(rows.ranks).toHaveLength(1000);
    const changes = planStackMove(rows, { scenarioId: 'base', ids: ['i-900'], before: 'i-2' });
    expect(changes).toHaveLength(1);
    await moveInStack({ scenarioId: 'base', ids: ['i-900'], before: 'i-2' });
    expect((await ranking('base')).slice(0, 3)).toEqual(['i-1', 'i-900', 'i-2']);
    expect(await db.ranks.count()).toBe(1000);
  });
});

describe('rank rows', () => {
  it('refuses a rank for a scenario that is gone, a malformed rank, and a rank used twice', async () => {
    const before = writePortfolio(await readPortfolio());
    const rows = await readRows();
    const [first, second] = rows.ranks.filter((row) => row.scenarioId === BASE.id);
    const orphan = { scenarioId: 'ghost', initiativeId: first!.initiativeId, rank: 'V' };
    const cases = [
      change('ranks', ['ghost', orphan.initiativeId], undefined, orphan),
      change('ranks', [BASE.id, first!.initiativeId], first, { ...first!, rank: '' }),
      change('ranks', [BASE.id, second!.initiativeId], second, { ...second!, rank: first!.rank }),
    ];
    const messages: string[] = [];
    for (const planned of cases) {
      const result = await commitEdit('Bad rank', () => [planned]);
      expect(result.ok).toBe(false);
      if (!result.ok) messages.push(result.problems[0]!.message);
    }
    expect(messages).toEqual([
      'scenario "ghost" does not exist',
      '"" is not a rank',
      `another card of the scenario has rank "${first!.rank}"`,
    ]);
    expect(writePortfolio(await readPortfolio())).toBe(before);
  });
});

describe('scenarios', () => {
  it('keeps what the optimizer records with the scenario it makes, across a save and a read', async () => {
    const record = {
      scenarioId: BASE.id,
      at: '2026-12-03T10:00:00.000Z',
      result: { status: 'optimal', objective: 4890, bound: 4890, elapsed: 4.2 },
    };
    const id = await createScenario(`${BASE.name} (optimized)`, BASE.ranking, {
      optimizedFrom: record,
    });
    const portfolio = await readPortfolio();
    const made = portfolio.scenarios.find((entry) => entry.id === id);
    expect(made?.extras).toEqual({ optimizedFrom: record });
    expect(JSON.parse(writePortfolio(portfolio)).scenarios.at(-1).optimizedFrom).toEqual(record);
    await undo();
    expect((await readPortfolio()).scenarios.some((entry) => entry.id === id)).toBe(false);
  });

  it('duplicate copies the stack as it is, and delete removes the copy with its ranks', async () => {
    await moveInStack({ scenarioId: BASE.id, ids: [BASE.ranking[5]!], before: BASE.ranking[0]! });
    const copyId = await duplicateScenario(BASE.id);
    const portfolio = await readPortfolio();
    const copy = portfolio.scenarios.find((entry) => entry.id === copyId);
    expect(copy?.name).toBe(`${BASE.name} (copy)`);
    const rows = await readRows();
    expect(copy?.ranking).toEqual(stackOf(rows, BASE.id));

    await deleteScenario(copyId);
    expect((await readPortfolio()).scenarios.map((entry) => entry.id)).not.toContain(copyId);
    expect(await db.ranks.where('scenarioId').equals(copyId).count()).toBe(0);
    await undo();
    expect(stackOf(await readRows(), copyId)).toEqual(stackOf(await readRows(), BASE.id));
  });

  it('a new scenario ranks every initiative in file order', async () => {
    const id = await createScenario('Fresh');
    expect(await ranking(id)).toEqual(DEMO_PORTFOLIO.initiatives.map((entry) => entry.id));
  });
});
