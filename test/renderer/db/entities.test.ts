import { freshDatabase } from './fresh-database';
import { beforeEach, describe, expect, it } from 'vitest';
import { DEMO_PORTFOLIO } from '../../../shared/demo/demo-portfolio';
import { writePortfolio } from '../../../shared/portfolio/write';
import {
  createObjective,
  deleteActual,
  deleteObjective,
  readPortfolio,
  setActual,
  undo,
  updateObjective,
} from '../../../renderer/db/repository';
import { createScenario, deleteScenario, updateScenario } from '../../../renderer/db/scenarios';

beforeEach(freshDatabase);

describe('objectives', () => {
  it('are added under a theme, edited, and deleted with their links; children move up', async () => {
    const theme = DEMO_PORTFOLIO.objectives.find((objective) => !objective.parentId)!;
    const id = await createObjective('Win the Nordics', theme.id);
    await updateObjective(id, 'Change weight', (row) => ({ ...row, weight: 0.3 }));
    let stored = (await readPortfolio()).objectives.find((objective) => objective.id === id);
    expect(stored).toMatchObject({ id: 'win-the-nordics', parentId: theme.id, weight: 0.3 });

    const before = writePortfolio(await readPortfolio());
    const child = DEMO_PORTFOLIO.objectives.find((objective) => objective.parentId === theme.id)!;
    await deleteObjective(theme.id);
    const after = await readPortfolio();
    expect(after.objectives.find((objective) => objective.id === theme.id)).toBeUndefined();
    stored = after.objectives.find((objective) => objective.id === child.id);
    expect(stored?.parentId).toBeNull();
    expect(
      after.initiatives.some((initiative) =>
        initiative.objectives?.some((link) => link.id === theme.id),
      ),
    ).toBe(false);
    await undo();
    expect(writePortfolio(await readPortfolio())).toBe(before);
  });

  it('refuses a parent that would make a cycle', async () => {
    const theme = DEMO_PORTFOLIO.objectives.find((objective) => !objective.parentId)!;
    const child = DEMO_PORTFOLIO.objectives.find((objective) => objective.parentId === theme.id)!;
    const result = await updateObjective(theme.id, 'Move', (row) => ({
      ...row,
      parentId: child.id,
    }));
    expect(result.ok).toBe(false);
    expect(
      (await readPortfolio()).objectives.find((objective) => objective.id === theme.id)?.parentId ??
        null,
    ).toBeNull();
  });
});

describe('scenarios', () => {
  it('are created from the portfolio order, renamed and deleted', async () => {
    const id = await createScenario('Cost cut');
    let scenario = (await readPortfolio()).scenarios.find((entry) => entry.id === id);
    expect(scenario?.ranking).toEqual(
      DEMO_PORTFOLIO.initiatives.map((initiative) => initiative.id),
    );
    await updateScenario(id, 'Rename scenario', (row) => ({ ...row, name: 'Cost cut 10 %' }));
    scenario = (await readPortfolio()).scenarios.find((entry) => entry.id === id);
    expect(scenario?.name).toBe('Cost cut 10 %');
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
    const result = await setActual({
      initiativeId: DEMO_PORTFOLIO.initiatives[0]!.id,
      periodId: '1999-Q1',
      spend: 5,
    });
    expect(result.ok).toBe(false);
  });
});
