import { freshDatabase } from './fresh-database';
import { beforeEach, describe, expect, it } from 'vitest';
import { DEMO_PORTFOLIO } from '../../../shared/demo/demo-portfolio';
import { emptyPortfolio } from '../../../shared/portfolio/empty';
import { writePortfolio } from '../../../shared/portfolio/write';
import { db } from '../../../renderer/db/database';
import {
  createInitiative,
  deleteInitiative,
  deletePeriod,
  deleteTeam,
  readPortfolio,
  redo,
  replacePortfolio,
  setField,
  hasUnsavedChanges,
  markSaved,
  setTeamCapacity,
  undo,
  updatePortfolioMeta,
  updateInitiative,
} from '../../../renderer/db/repository';
import { getHistory } from '../../../renderer/db/history';

beforeEach(freshDatabase);

async function initiative(id: string) {
  return (await readPortfolio()).initiatives.find((entry) => entry.id === id);
}

describe('the database', () => {
  it('holds the demo portfolio after the first open, and exports it byte for byte', async () => {
    const portfolio = await readPortfolio();
    expect(portfolio.initiatives).toHaveLength(DEMO_PORTFOLIO.initiatives.length);
    expect(writePortfolio(portfolio)).toBe(writePortfolio(DEMO_PORTFOLIO));
  });

  it('stores an edit, and undo and redo replay it', async () => {
    const first = DEMO_PORTFOLIO.initiatives[0]!;
    await updateInitiative(first.id, 'Rename initiative', (row) => ({ ...row, name: 'Renamed' }));
    expect((await initiative(first.id))?.name).toBe('Renamed');
    expect(await undo()).toEqual({ kind: 'done', label: 'Rename initiative' });
    expect((await initiative(first.id))?.name).toBe(first.name);
    expect(await redo()).toEqual({ kind: 'done', label: 'Rename initiative' });
    expect((await initiative(first.id))?.name).toBe('Renamed');
    expect(await redo()).toEqual({ kind: 'nothing' });
  });

  it('makes successive keystrokes in one field a single undo step', async () => {
    const first = DEMO_PORTFOLIO.initiatives[0]!;
    for (const name of ['R', 'Re', 'Ren']) {
      await updateInitiative(first.id, 'Rename initiative', (row) => ({ ...row, name }), {
        mergeKey: 'name',
      });
    }
    expect(getHistory().undo).toHaveLength(1);
    await undo();
    expect((await initiative(first.id))?.name).toBe(first.name);
  });

  it('refuses an edit that breaks a rule and leaves the data as it was', async () => {
    const before = writePortfolio(await readPortfolio());
    const target = DEMO_PORTFOLIO.initiatives[5]!;
    const result = await updateInitiative(target.id, 'Change window', (row) => ({
      ...row,
      earliestStart: '2027-Q4',
      latestStart: '2026-Q4',
    }));
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.problems[0]?.message).toBe(
        'earliest start 2027-Q4 is after latest start 2026-Q4',
      );
    expect(writePortfolio(await readPortfolio())).toBe(before);
    expect(getHistory().undo).toHaveLength(0);
  });

  it('refuses a dependency cycle', async () => {
    const dependant = DEMO_PORTFOLIO.initiatives.find((entry) => entry.dependsOn?.length)!;
    const prerequisite = dependant.dependsOn![0]!;
    const result = await updateInitiative(prerequisite, 'Add prerequisite', (row) => ({
      ...row,
      dependsOn: [...(row.dependsOn ?? []), dependant.id],
    }));
    expect(result.ok).toBe(false);
    expect((await initiative(prerequisite))?.dependsOn ?? []).not.toContain(dependant.id);
  });

  it('deletes an initiative with every reference to it, and undo restores them all', async () => {
    const before = writePortfolio(await readPortfolio());
    const prerequisite = DEMO_PORTFOLIO.initiatives.find((entry) =>
      DEMO_PORTFOLIO.initiatives.some((other) => other.dependsOn?.includes(entry.id)),
    )!;
    expect(await deleteInitiative(prerequisite.id)).toEqual({ ok: true });
    const after = await readPortfolio();
    expect(after.initiatives.some((entry) => entry.id === prerequisite.id)).toBe(false);
    expect(after.initiatives.some((entry) => entry.dependsOn?.includes(prerequisite.id))).toBe(
      false,
    );
    expect(after.scenarios.every((scenario) => !scenario.ranking.includes(prerequisite.id))).toBe(
      true,
    );
    await undo();
    expect(writePortfolio(await readPortfolio())).toBe(before);
  });

  it('deletes a team with its demand; a period still in use cannot be deleted', async () => {
    const team = DEMO_PORTFOLIO.teams[0]!;
    await deleteTeam(team.id);
    const after = await readPortfolio();
    expect(after.teams.map((entry) => entry.id)).not.toContain(team.id);
    expect(after.initiatives.some((entry) => entry.demand && team.id in entry.demand)).toBe(false);
    const usedPeriod = DEMO_PORTFOLIO.initiatives.find((entry) => entry.start)!.start!;
    const result = await deletePeriod(usedPeriod);
    expect(result.ok).toBe(false);
    expect((await readPortfolio()).periods.map((period) => period.id)).toContain(usedPeriod);
  });

  it('sets and clears capacity', async () => {
    const team = DEMO_PORTFOLIO.teams[1]!;
    const period = DEMO_PORTFOLIO.periods[2]!;
    await setTeamCapacity(team.id, period.id, 42.5);
    expect((await readPortfolio()).teams[1]?.capacity[period.id]).toBe(42.5);
    await setTeamCapacity(team.id, period.id, undefined);
    expect(period.id in ((await readPortfolio()).teams[1]?.capacity ?? {})).toBe(false);
  });

  it('replaces the whole portfolio in one undoable step', async () => {
    const empty = emptyPortfolio('2026-11-25');
    await replacePortfolio(empty, { kind: 'empty' }, 'New portfolio');
    expect(writePortfolio(await readPortfolio())).toBe(writePortfolio(empty));
    await undo();
    expect(writePortfolio(await readPortfolio())).toBe(writePortfolio(DEMO_PORTFOLIO));
  });

  it('adds initiatives with unique ids and removes optional fields instead of storing undefined', async () => {
    const a = await createInitiative('Same name');
    const b = await createInitiative('Same name');
    expect([a, b]).toEqual(['same-name', 'same-name-2']);
    await updateInitiative(a, 'Set owner', (row) => ({ ...row, owner: 'Ana' }));
    await updateInitiative(a, 'Clear owner', (row) => setField(row, 'owner', undefined));
    const stored = await db.initiatives.get(a);
    expect(stored && 'owner' in stored).toBe(false);
  });

  it('runs an undo after an edit still being stored, never before it', async () => {
    const first = DEMO_PORTFOLIO.initiatives[0]!;
    await updateInitiative(first.id, 'Rename initiative', (row) => ({ ...row, name: 'Renamed' }));
    const ownerEdit = updateInitiative(first.id, 'Change owner', (row) => ({
      ...row,
      owner: 'Ana',
    }));
    const undone = undo();
    await Promise.all([ownerEdit, undone]);
    expect(await undone).toEqual({ kind: 'done', label: 'Change owner' });
    const stored = await initiative(first.id);
    expect(stored?.name).toBe('Renamed');
    expect(stored?.owner).toBe(first.owner);
    expect(getHistory().undo.map((edit) => edit.label)).toEqual(['Rename initiative']);
    expect(getHistory().redo.map((edit) => edit.label)).toEqual(['Change owner']);
  });

  it('refuses to undo over a change made elsewhere, and keeps that change', async () => {
    const first = DEMO_PORTFOLIO.initiatives[0]!;
    await updateInitiative(first.id, 'Rename initiative', (row) => ({ ...row, name: 'Mine' }));
    // Another window writes the same row directly.
    await db.initiatives.update(first.id, { name: 'Theirs' });
    expect(await undo()).toEqual({ kind: 'conflict', label: 'Rename initiative' });
    expect((await initiative(first.id))?.name).toBe('Theirs');
    expect(getHistory()).toMatchObject({ undo: [], redo: [] });
  });

  it('tracks changes not yet saved to a file', async () => {
    expect(await hasUnsavedChanges()).toBe(false);
    await setTeamCapacity(DEMO_PORTFOLIO.teams[0]!.id, DEMO_PORTFOLIO.periods[0]!.id, 3);
    expect(await hasUnsavedChanges()).toBe(true);
    await markSaved();
    expect(await hasUnsavedChanges()).toBe(false);
    await replacePortfolio(emptyPortfolio('2026-11-25'), { kind: 'empty' }, 'New portfolio');
    expect(await hasUnsavedChanges()).toBe(false);
  });

  it('refuses what the file reader would refuse, such as a currency that is not a code', async () => {
    const result = await updatePortfolioMeta('Change currency', (meta) => ({
      ...meta,
      currency: 'EU',
    }));
    expect(result).toEqual({
      ok: false,
      problems: [
        {
          path: 'currency',
          message: 'expected a three-letter ISO 4217 code such as EUR',
          where: 'Currency',
        },
      ],
    });
    expect((await readPortfolio()).currency).toBe(DEMO_PORTFOLIO.currency);
  });
});
