import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEMO_PORTFOLIO } from '../../../shared/demo/demo-portfolio';
import { writePortfolio } from '../../../shared/portfolio/write';
import type { Portfolio } from '../../../shared/portfolio/types';
import { change } from '../../../shared/store/changes';
import {
  moveInStack as planStackMove,
  stackOf,
  type StackMove,
} from '../../../shared/store/operations/scenarios';
import { db } from '../../../renderer/db/database';
import {
  createScenario,
  deleteScenario,
  duplicateScenario,
  moveInStack,
} from '../../../renderer/db/edits';
import { getHistory } from '../../../renderer/db/history';
import { EDIT_CONTEXT } from '../../../renderer/db/order-keys';
import {
  commit,
  readPortfolio,
  readState,
  replacePortfolio,
  undo,
} from '../../../renderer/db/repository';
import { generatePortfolio } from '../../bench/generate-portfolio';
import { freshDatabase } from './fresh-database';

beforeEach(freshDatabase);
afterEach(() => {
  vi.restoreAllMocks();
});

const BASE = DEMO_PORTFOLIO.scenarios[0]!;
const LAST = DEMO_PORTFOLIO.initiatives.at(-1)!;

function nameOf(id: string): string {
  return DEMO_PORTFOLIO.initiatives.find((entry) => entry.id === id)?.name ?? id;
}

/** Matches a text that starts with `start` (a move's label may go on to say where the line is). */
function startingWith(start: string): RegExp {
  return new RegExp(`^${start.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);
}

async function ranking(scenarioId = BASE.id): Promise<readonly string[]> {
  return (await readPortfolio()).scenarios.find((entry) => entry.id === scenarioId)?.ranking ?? [];
}

/** The record changes a move would write, planned on the stored state. */
async function plannedChanges(move: StackMove) {
  return planStackMove(await readState(), EDIT_CONTEXT, move).changes;
}

describe('moving cards in a stack', () => {
  it('moves one card in front of another, writing that card alone, and undo puts it back', async () => {
    const before = writePortfolio(await readPortfolio());
    const [first, second, third] = BASE.ranking;
    const move = { scenarioId: BASE.id, ids: [third!], before: first! };
    const changes = await plannedChanges(move);
    expect(changes.map((entry) => entry.key)).toEqual([[BASE.id, third]]);

    expect(await moveInStack(move)).toEqual({ ok: true });
    expect((await ranking()).slice(0, 3)).toEqual([third, first, second]);
    // The label names the card moved, where to, and the scenario.
    const label = getHistory().undo.at(-1)?.label;
    expect(label).toMatch(startingWith(`Moved “${nameOf(third!)}” to the top in “${BASE.name}”`));

    await undo();
    expect(writePortfolio(await readPortfolio())).toBe(before);
  });

  it('takes the label the caller gives the move', async () => {
    const [first, , third] = BASE.ranking;
    await moveInStack(
      { scenarioId: BASE.id, ids: [third!], before: first! },
      'Moved above the line',
    );
    expect(getHistory().undo.at(-1)?.label).toBe('Moved above the line');
  });

  it('moves several selected cards together to the bottom and to the top, keeping their order', async () => {
    const picked = [BASE.ranking[4]!, BASE.ranking[1]!];
    await moveInStack({ scenarioId: BASE.id, ids: picked, before: null });
    expect((await ranking()).slice(-2)).toEqual(picked);
    expect(getHistory().undo.at(-1)?.label).toMatch(
      startingWith(`Moved 2 initiatives to the bottom in “${BASE.name}”`),
    );
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
    expect(
      await replacePortfolio(portfolio, { kind: 'file', label: 'short.json' }, 'Open'),
    ).toEqual({ ok: true });
    const stack = stackOf(await readState(), 'short');
    expect(stack[0]).toBe(LAST.id);
    const unrankedA = stack[1]!;
    const unrankedB = stack[2]!;
    const moved = stack[10]!;

    // In front of the second unranked card: the first unranked one gets a rank too.
    await moveInStack({ scenarioId: 'short', ids: [moved], before: unrankedB });
    expect(await ranking('short')).toEqual([LAST.id, unrankedA, moved]);
    expect(stackOf(await readState(), 'short').slice(0, 4)).toEqual([
      LAST.id,
      unrankedA,
      moved,
      unrankedB,
    ]);
  });

  it('refuses to move a card in front of one that is gone, and changes nothing', async () => {
    const before = writePortfolio(await readPortfolio());
    const result = await moveInStack({
      scenarioId: BASE.id,
      ids: [BASE.ranking[0]!],
      before: 'ghost',
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]?.message).toContain('"ghost" is not in the stack');
    expect(writePortfolio(await readPortfolio())).toBe(before);
    expect(getHistory().undo).toHaveLength(0);
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
    // The second of the three writes failed (all three are asked for at once).
    expect(calls).toBe(3);
    vi.restoreAllMocks();
    expect(writePortfolio(await readPortfolio())).toBe(before);
    expect(getHistory().undo).toHaveLength(0);
    expect(await db.history.count()).toBe(0);
  });

  it('writes one record for a drop in a stack of a thousand cards', async () => {
    const big = generatePortfolio({
      initiatives: 1000,
      teams: 20,
      periods: 12,
      dependencyShare: 0.3,
      seed: 3,
    });
    expect(await replacePortfolio(big, { kind: 'file', label: 'big.json' }, 'Open')).toEqual({
      ok: true,
    });
    const state = await readState();
    expect(state.ranks).toHaveLength(1000);
    const move = { scenarioId: 'base', ids: ['i-900'], before: 'i-2' };
    expect(await plannedChanges(move)).toHaveLength(1);
    await moveInStack(move);
    expect((await ranking('base')).slice(0, 3)).toEqual(['i-1', 'i-900', 'i-2']);
    expect(await db.ranks.count()).toBe(1000);
    expect((await db.history.orderBy('seq').last())?.changes).toHaveLength(1);
  });
});

describe('rank records', () => {
  it('refuses a rank for a scenario that is gone, a malformed rank, and a rank used twice', async () => {
    const before = writePortfolio(await readPortfolio());
    const state = await readState();
    const [first, second] = state.ranks.filter((row) => row.scenarioId === BASE.id);
    const orphan = { scenarioId: 'ghost', initiativeId: first!.initiativeId, rank: 'V' };
    const cases = [
      change('ranks', ['ghost', orphan.initiativeId], undefined, orphan),
      change('ranks', [BASE.id, first!.initiativeId], first, { ...first!, rank: '' }),
      change('ranks', [BASE.id, second!.initiativeId], second, { ...second!, rank: first!.rank }),
    ];
    const messages: string[] = [];
    for (const planned of cases) {
      const result = await commit(() => ({ label: 'Bad rank', changes: [planned] }));
      expect(result.ok).toBe(false);
      if (!result.ok) messages.push(result.problems[0]!.message);
    }
    expect(messages).toEqual([
      'scenario "ghost" does not exist',
      '"" is not a rank',
      `another card of the scenario has rank "${first!.rank}"`,
    ]);
    expect(writePortfolio(await readPortfolio())).toBe(before);
    expect(getHistory().undo).toHaveLength(0);
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
    expect(made?.ranking).toEqual(BASE.ranking);
    expect(JSON.parse(writePortfolio(portfolio)).scenarios.at(-1).optimizedFrom).toEqual(record);
    await undo();
    expect((await readPortfolio()).scenarios.some((entry) => entry.id === id)).toBe(false);
    expect(await db.ranks.where('scenarioId').equals(id).count()).toBe(0);
  });

  it('duplicate copies the stack as it is, and delete removes the copy with its ranks', async () => {
    await moveInStack({ scenarioId: BASE.id, ids: [BASE.ranking[5]!], before: BASE.ranking[0]! });
    const copyId = await duplicateScenario(BASE.id);
    const portfolio = await readPortfolio();
    const copy = portfolio.scenarios.find((entry) => entry.id === copyId);
    expect(copy?.name).toBe(`${BASE.name} (copy)`);
    expect(copy?.ranking).toEqual(stackOf(await readState(), BASE.id));

    await deleteScenario(copyId);
    expect((await readPortfolio()).scenarios.map((entry) => entry.id)).not.toContain(copyId);
    expect(await db.ranks.where('scenarioId').equals(copyId).count()).toBe(0);
    await undo();
    expect(stackOf(await readState(), copyId)).toEqual(stackOf(await readState(), BASE.id));
  });

  it('a new scenario ranks every initiative in file order', async () => {
    const id = await createScenario('Fresh');
    expect(await ranking(id)).toEqual(DEMO_PORTFOLIO.initiatives.map((entry) => entry.id));
  });
});
