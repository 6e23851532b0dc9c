import { freshDatabase } from './fresh-database';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEMO_PORTFOLIO } from '../../../shared/demo/demo-portfolio';
import { emptyPortfolio } from '../../../shared/portfolio/empty';
import { writePortfolio } from '../../../shared/portfolio/write';
import { db } from '../../../renderer/db/database';
import {
  addRelation,
  createInitiative,
  deleteInitiative,
  deletePeriod,
  deleteTeam,
  renameInitiative,
  setInitiativeDetail,
  setPortfolioUnit,
  setTeamCapacity,
} from '../../../renderer/db/edits';
import {
  hasUnsavedChanges,
  markSaved,
  readPortfolio,
  redo,
  replacePortfolio,
  undo,
} from '../../../renderer/db/repository';
import { getHistory } from '../../../renderer/db/history';
import { writeAsAnotherWindow } from './another-window';

beforeEach(freshDatabase);
afterEach(() => {
  vi.restoreAllMocks();
});

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
    const label = `Renamed “${first.name}” to “Renamed”`;
    expect(await renameInitiative(first.id, 'Renamed')).toEqual({ ok: true });
    expect((await initiative(first.id))?.name).toBe('Renamed');
    expect(await undo()).toEqual({ kind: 'done', label });
    expect((await initiative(first.id))?.name).toBe(first.name);
    expect(await redo()).toEqual({ kind: 'done', label });
    expect((await initiative(first.id))?.name).toBe('Renamed');
    expect(await redo()).toEqual({ kind: 'nothing' });
  });

  it('makes successive keystrokes in one field a single undo step', async () => {
    const first = DEMO_PORTFOLIO.initiatives[0]!;
    for (const name of ['R', 'Re', 'Ren']) {
      await renameInitiative(first.id, name, { mergeKey: 'name' });
    }
    expect((await initiative(first.id))?.name).toBe('Ren');
    expect(getHistory().undo).toHaveLength(1);
    await undo();
    expect((await initiative(first.id))?.name).toBe(first.name);
  });

  it('refuses an edit that breaks a rule and leaves the data as it was', async () => {
    const before = writePortfolio(await readPortfolio());
    // Earliest start 2026-Q4: a latest start before it makes an empty start window.
    const target = DEMO_PORTFOLIO.initiatives.find((entry) => entry.id === 'handheld-refresh')!;
    expect(target.earliestStart).toBe('2026-Q4');
    const result = await setInitiativeDetail(target.id, 'latestStart', '2026-Q3');
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.problems[0]?.message).toBe(
        'earliest start 2026-Q4 is after latest start 2026-Q3',
      );
    expect(writePortfolio(await readPortfolio())).toBe(before);
    expect(getHistory().undo).toHaveLength(0);
  });

  it('refuses a dependency cycle', async () => {
    const dependant = DEMO_PORTFOLIO.initiatives.find((entry) => entry.dependsOn?.length)!;
    const prerequisite = dependant.dependsOn![0]!;
    const result = await addRelation(prerequisite, 'dependsOn', dependant.id);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]?.message).toMatch(/^dependencies form a cycle/);
    expect((await initiative(prerequisite))?.dependsOn ?? []).not.toContain(dependant.id);
    expect(getHistory().undo).toHaveLength(0);
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
    expect(await db.ranks.where('initiativeId').equals(prerequisite.id).count()).toBe(0);
    expect((after.actuals ?? []).some((actual) => actual.initiativeId === prerequisite.id)).toBe(
      false,
    );
    await undo();
    expect(writePortfolio(await readPortfolio())).toBe(before);
  });

  it('deletes a team with its demand; a period still in use cannot be deleted', async () => {
    const team = DEMO_PORTFOLIO.teams[0]!;
    expect(await deleteTeam(team.id)).toEqual({ ok: true });
    const after = await readPortfolio();
    expect(after.teams.map((entry) => entry.id)).not.toContain(team.id);
    expect(after.initiatives.some((entry) => entry.demand && team.id in entry.demand)).toBe(false);
    expect((after.actuals ?? []).some((actual) => actual.effort && team.id in actual.effort)).toBe(
      false,
    );
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
    expect(await replacePortfolio(empty, { kind: 'empty' }, 'New portfolio')).toEqual({ ok: true });
    expect(writePortfolio(await readPortfolio())).toBe(writePortfolio(empty));
    expect(getHistory().undo.map((entry) => entry.label)).toEqual(['New portfolio']);
    await undo();
    expect(writePortfolio(await readPortfolio())).toBe(writePortfolio(DEMO_PORTFOLIO));
  });

  it('adds initiatives with unique ids and removes optional fields instead of storing undefined', async () => {
    const a = await createInitiative('Same name');
    const b = await createInitiative('Same name');
    // Ids are opaque and new, whatever the name.
    expect(a).toMatch(/^i-[0-9a-z]{10}$/);
    expect(b).toMatch(/^i-[0-9a-z]{10}$/);
    expect(a).not.toBe(b);
    const names = (await readPortfolio()).initiatives.filter((entry) => entry.name === 'Same name');
    expect(names.map((entry) => entry.id)).toEqual([a, b]);
    await setInitiativeDetail(a, 'owner', 'Ana');
    expect((await db.initiatives.get(a))?.owner).toBe('Ana');
    await setInitiativeDetail(a, 'owner', undefined);
    const stored = await db.initiatives.get(a);
    expect(stored && 'owner' in stored).toBe(false);
  });

  it('runs an undo after an edit still being stored, never before it', async () => {
    const first = DEMO_PORTFOLIO.initiatives[0]!;
    const renamed = `Renamed “${first.name}” to “Renamed”`;
    const owner = 'Changed the owner of “Renamed”';
    await renameInitiative(first.id, 'Renamed');
    const ownerEdit = setInitiativeDetail(first.id, 'owner', 'Ana');
    const undone = undo();
    await Promise.all([ownerEdit, undone]);
    expect(await undone).toEqual({ kind: 'done', label: owner });
    const stored = await initiative(first.id);
    expect(stored?.name).toBe('Renamed');
    expect(stored?.owner).toBe(first.owner);
    expect(getHistory().undo.map((edit) => edit.label)).toEqual([renamed]);
    expect(getHistory().redo.map((edit) => edit.label)).toEqual([owner]);
  });

  it('refuses to undo over a change made elsewhere, and keeps that change', async () => {
    const first = DEMO_PORTFOLIO.initiatives[0]!;
    await renameInitiative(first.id, 'Mine');
    // Another window writes the same record.
    await writeAsAnotherWindow(() => db.initiatives.update(first.id, { name: 'Theirs' }));
    expect(await undo()).toEqual({
      kind: 'conflict',
      label: `Renamed “${first.name}” to “Mine”`,
    });
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
    const result = await setPortfolioUnit('currency', 'EU');
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
    expect(getHistory().undo).toHaveLength(0);
  });

  it('forgets its copy of an edit the database rolled back, and reads what another window wrote next', async () => {
    const first = DEMO_PORTFOLIO.initiatives[0]!;
    await readPortfolio();
    // The records are written, then recording the history fails: the transaction rolls back.
    vi.spyOn(db.history, 'put').mockImplementation(
      () => Promise.reject(new Error('quota exceeded')) as never,
    );
    await expect(renameInitiative(first.id, 'Never stored')).rejects.toThrow('quota exceeded');
    vi.restoreAllMocks();
    expect((await db.initiatives.get(first.id))?.name).toBe(first.name);
    // Another window writes next: its revision is the one the rolled-back edit would have had.
    await writeAsAnotherWindow(() =>
      db.teams.update(DEMO_PORTFOLIO.teams[0]!.id, { name: 'Core' }),
    );
    const portfolio = await readPortfolio();
    expect(portfolio.initiatives[0]?.name).toBe(first.name);
    expect(portfolio.teams[0]?.name).toBe('Core');
    expect(getHistory().undo).toHaveLength(0);
  });

  it('forgets its copy of an undo the database rolled back', async () => {
    const first = DEMO_PORTFOLIO.initiatives[0]!;
    await renameInitiative(first.id, 'Kept');
    vi.spyOn(db.history, 'put').mockImplementation(
      () => Promise.reject(new Error('quota exceeded')) as never,
    );
    await expect(undo()).rejects.toThrow('quota exceeded');
    vi.restoreAllMocks();
    await writeAsAnotherWindow(() =>
      db.teams.update(DEMO_PORTFOLIO.teams[0]!.id, { name: 'Core' }),
    );
    const portfolio = await readPortfolio();
    expect(portfolio.initiatives[0]?.name).toBe('Kept');
    expect(portfolio.teams[0]?.name).toBe('Core');
    // The edit is still there to undo.
    expect(await undo()).toEqual({ kind: 'done', label: `Renamed “${first.name}” to “Kept”` });
    expect((await readPortfolio()).initiatives[0]?.name).toBe(first.name);
  });
});
