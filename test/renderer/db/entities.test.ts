import { freshDatabase } from './fresh-database';
import { beforeEach, describe, expect, it } from 'vitest';
import { DEMO_PORTFOLIO } from '../../../shared/demo/demo-portfolio';
import { writePortfolio } from '../../../shared/portfolio/write';
import { change } from '../../../shared/store/changes';
import { byId } from '../../../shared/store/context';
import type { ObjectiveRecord } from '../../../shared/store/state';
import {
  createObjective,
  createScenario,
  deleteActual,
  deleteObjective,
  deleteScenario,
  renameObjective,
  renameScenario,
  setActual,
} from '../../../renderer/db/edits';
import { getHistory } from '../../../renderer/db/history';
import { commit, readPortfolio, undo, type EditResult } from '../../../renderer/db/repository';

beforeEach(freshDatabase);

/** An edit of an objective no named operation offers (its weight, its parent). */
function updateObjective(
  id: string,
  label: string,
  update: (record: ObjectiveRecord) => ObjectiveRecord,
): Promise<EditResult> {
  return commit((state) => {
    const before = byId(state.objectives, id, 'Objective');
    return { label, changes: [change('objectives', id, before, update(before))] };
  });
}

describe('objectives', () => {
  it('are added under a theme, edited, and deleted with their links; children move up', async () => {
    const theme = DEMO_PORTFOLIO.objectives.find((objective) => !objective.parentId)!;
    const id = await createObjective('Win the Nordics', theme.id);
    expect(id).toMatch(/^o-[0-9a-z]{10}$/);
    expect(await updateObjective(id, 'Change weight', (row) => ({ ...row, weight: 0.3 }))).toEqual({
      ok: true,
    });
    expect(await renameObjective(id, 'Win the Nordics and Baltics')).toEqual({ ok: true });
    let portfolio = await readPortfolio();
    let stored = portfolio.objectives.find((objective) => objective.id === id);
    expect(stored).toMatchObject({
      id,
      name: 'Win the Nordics and Baltics',
      parentId: theme.id,
      weight: 0.3,
    });
    // Added at the end of the list.
    expect(portfolio.objectives.at(-1)?.id).toBe(id);

    const before = writePortfolio(await readPortfolio());
    const child = DEMO_PORTFOLIO.objectives.find((objective) => objective.parentId === theme.id)!;
    await deleteObjective(theme.id);
    const after = await readPortfolio();
    expect(after.objectives.find((objective) => objective.id === theme.id)).toBeUndefined();
    stored = after.objectives.find((objective) => objective.id === child.id);
    expect(stored?.parentId).toBeNull();
    expect(after.objectives.find((objective) => objective.id === id)?.parentId).toBeNull();
    expect(
      after.initiatives.some((initiative) =>
        initiative.objectives?.some((link) => link.id === theme.id),
      ),
    ).toBe(false);
    await undo();
    portfolio = await readPortfolio();
    expect(writePortfolio(portfolio)).toBe(before);
  });

  it('refuses a parent that would make a cycle', async () => {
    const theme = DEMO_PORTFOLIO.objectives.find((objective) => !objective.parentId)!;
    const child = DEMO_PORTFOLIO.objectives.find((objective) => objective.parentId === theme.id)!;
    const before = writePortfolio(await readPortfolio());
    const result = await updateObjective(theme.id, 'Move', (row) => ({
      ...row,
      parentId: child.id,
    }));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]?.message).toMatch(/^the strategy tree has a cycle/);
    expect(
      (await readPortfolio()).objectives.find((objective) => objective.id === theme.id)?.parentId ??
        null,
    ).toBeNull();
    expect(writePortfolio(await readPortfolio())).toBe(before);
    expect(getHistory().undo).toHaveLength(0);
  });
});

describe('scenarios', () => {
  it('are created from the portfolio order, renamed and deleted', async () => {
    const id = await createScenario('Cost cut');
    expect(id).toMatch(/^s-[0-9a-z]{10}$/);
    let scenario = (await readPortfolio()).scenarios.find((entry) => entry.id === id);
    expect(scenario?.ranking).toEqual(
      DEMO_PORTFOLIO.initiatives.map((initiative) => initiative.id),
    );
    await renameScenario(id, 'Cost cut 10 %');
    scenario = (await readPortfolio()).scenarios.find((entry) => entry.id === id);
    expect(scenario?.name).toBe('Cost cut 10 %');
    expect(getHistory().undo.at(-1)?.label).toBe('Renamed scenario “Cost cut” to “Cost cut 10 %”');
    await deleteScenario(id);
    expect((await readPortfolio()).scenarios.map((entry) => entry.id)).not.toContain(id);
  });
});

describe('actuals', () => {
  it('are recorded per initiative and period, replaced, and deleted', async () => {
    const initiative = DEMO_PORTFOLIO.initiatives[0]!;
    const period = DEMO_PORTFOLIO.periods[1]!;
    await setActual({
      initiativeId: initiative.id,
      periodId: period.id,
      spend: 1000,
      progress: 0.2,
    });
    await setActual({
      initiativeId: initiative.id,
      periodId: period.id,
      spend: 2500,
      progress: 0.4,
    });
    const entries = (await readPortfolio()).actuals?.filter(
      (actual) => actual.initiativeId === initiative.id && actual.periodId === period.id,
    );
    expect(entries).toEqual([
      { initiativeId: initiative.id, periodId: period.id, spend: 2500, progress: 0.4 },
    ]);
    await deleteActual(initiative.id, period.id);
    expect(
      (await readPortfolio()).actuals?.some(
        (actual) => actual.initiativeId === initiative.id && actual.periodId === period.id,
      ),
    ).toBe(false);
  });

  it('refuse an actual for a period that does not exist', async () => {
    const before = writePortfolio(await readPortfolio());
    const result = await setActual({
      initiativeId: DEMO_PORTFOLIO.initiatives[0]!.id,
      periodId: '1999-Q1',
      spend: 5,
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]?.message).toBe('period "1999-Q1" does not exist');
    expect(writePortfolio(await readPortfolio())).toBe(before);
  });
});
