/**
 * The change history and this window's undo stacks as the database keeps them: every commit is
 * an entry, the stacks survive a reload of the window, and undo is checked by the rules like any
 * edit (another window may have built on what it would take back).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEMO_PORTFOLIO } from '../../../shared/demo/demo-portfolio';
import { restorePortfolio } from '../../../shared/portfolio/restore';
import { portfolioToDocument, writePortfolio } from '../../../shared/portfolio/write';
import { MERGE_WINDOW_MS } from '../../../shared/store/changes';
import { stateToPortfolio } from '../../../shared/store/state';
import { db } from '../../../renderer/db/database';
import {
  createTeam,
  deleteInitiative,
  renameInitiative,
  renamePortfolio,
  setTeamCapacity,
} from '../../../renderer/db/edits';
import { currentWindow, getHistory, loadStacks, resetStacks } from '../../../renderer/db/history';
import {
  forgetState,
  readHistory,
  readPortfolio,
  readState,
  redo,
  restoreToEntry,
  setEditorName,
  undo,
} from '../../../renderer/db/repository';
import { writeAsAnotherWindow } from './another-window';
import { freshDatabase } from './fresh-database';

const FIRST = DEMO_PORTFOLIO.initiatives[0]!;
const TEAM = DEMO_PORTFOLIO.teams[0]!;
const PERIOD = DEMO_PORTFOLIO.periods[0]!;

beforeEach(freshDatabase);
afterEach(() => {
  vi.restoreAllMocks();
  setEditorName(() => '');
});

async function storedName(id: string): Promise<string | undefined> {
  return (await readPortfolio()).initiatives.find((entry) => entry.id === id)?.name;
}

/** Closes the database and forgets everything the page held, as a reload of the window does. */
async function reloadWindow(): Promise<void> {
  db.close();
  forgetState();
  resetStacks();
  await db.open();
  await loadStacks();
}

/** Whether the file's reader accepts the stored portfolio. */
async function readerAccepts(): Promise<boolean> {
  const portfolio = stateToPortfolio(await db.transaction('r', db.tables, () => readState()));
  return restorePortfolio(portfolioToDocument(portfolio)).ok;
}

describe('undo after a reload of the window', () => {
  it('keeps the stacks under the window key and undoes and redoes what was done before', async () => {
    const label = `Renamed “${FIRST.name}” to “Before the reload”`;
    await renameInitiative(FIRST.id, 'Before the reload');
    const windowKey = currentWindow();

    db.close();
    forgetState();
    resetStacks();
    // The page forgot its stacks; the window's key lives on in sessionStorage.
    expect(getHistory().undo).toEqual([]);
    await db.open();
    expect(currentWindow()).toBe(windowKey);
    expect(await db.stacks.get(windowKey)).toMatchObject({ undo: [expect.any(Number)], redo: [] });
    await loadStacks();
    expect(getHistory().undo.map((entry) => entry.label)).toEqual([label]);

    expect(await undo()).toEqual({ kind: 'done', label });
    expect(await storedName(FIRST.id)).toBe(FIRST.name);
    await reloadWindow();
    expect(getHistory().redo.map((entry) => entry.label)).toEqual([label]);
    expect(await redo()).toEqual({ kind: 'done', label });
    expect(await storedName(FIRST.id)).toBe('Before the reload');
  });

  it('gives another window none of these stacks', async () => {
    await renameInitiative(FIRST.id, 'Mine');
    const mine = currentWindow();
    // The sessionStorage entry that holds the window's key; another window has none of its own.
    const entry = [...Array(sessionStorage.length).keys()]
      .map((index) => sessionStorage.key(index) ?? '')
      .find((key) => sessionStorage.getItem(key) === mine)!;
    expect(entry).toBeDefined();
    sessionStorage.removeItem(entry);
    try {
      await reloadWindow();
      expect(currentWindow()).not.toBe(mine);
      expect(getHistory().undo).toEqual([]);
      expect(await undo()).toEqual({ kind: 'nothing' });
      expect(await storedName(FIRST.id)).toBe('Mine');
    } finally {
      sessionStorage.setItem(entry, mine);
      resetStacks();
    }
    await loadStacks();
    expect(currentWindow()).toBe(mine);
    expect(getHistory().undo).toHaveLength(1);
  });
});

describe('undo checked against the work of another window', () => {
  it('refuses to take back a team another window gave demand to, and keeps the portfolio readable', async () => {
    const teamId = await createTeam('Robotics');
    expect(teamId).toMatch(/^t-/);
    const label = 'Added team “Robotics”';
    expect(getHistory().undo.map((entry) => entry.label)).toEqual([label]);

    // Window B gives an initiative demand for the new team.
    const original = (await db.initiatives.get(FIRST.id))!;
    await writeAsAnotherWindow(() =>
      db.initiatives.put({ ...original, demand: { ...original.demand, [teamId]: [1, 2] } }),
    );
    const entries = await db.history.count();

    const result = await undo();
    expect(result).toMatchObject({ kind: 'refused', label });
    if (result.kind !== 'refused') throw new Error('expected a refusal');
    expect(result.problems.map((problem) => problem.message)).toContain(
      `team "${teamId}" does not exist`,
    );
    expect(await db.teams.get(teamId)).toMatchObject({ id: teamId, name: 'Robotics' });
    expect((await db.initiatives.get(FIRST.id))?.demand?.[teamId]).toEqual([1, 2]);
    expect(await readerAccepts()).toBe(true);
    // Nothing was recorded, and the edit can still be undone once the demand is gone.
    expect(await db.history.count()).toBe(entries);
    expect(getHistory().undo.map((entry) => entry.label)).toEqual([label]);

    await writeAsAnotherWindow(() => db.initiatives.put(original));
    expect(await undo()).toEqual({ kind: 'done', label });
    expect(await db.teams.get(teamId)).toBeUndefined();
    expect(await readerAccepts()).toBe(true);
  });

  it('refuses to redo over a record another window wrote meanwhile', async () => {
    const teamId = await createTeam('Robotics');
    await undo();
    // Window B adds a team with the same id meanwhile (as a merge of files could).
    await writeAsAnotherWindow(() =>
      db.teams.put({ id: teamId, name: 'Theirs', capacity: {}, order: 'Zz' }),
    );
    expect(await redo()).toMatchObject({ kind: 'conflict' });
    expect((await db.teams.get(teamId))?.name).toBe('Theirs');
    expect(await readerAccepts()).toBe(true);
  });
});

describe('the change history', () => {
  it('records every commit with its label, kind and who made it, newest first', async () => {
    expect(await readHistory()).toEqual([]);
    setEditorName(() => 'Ana de Vries');
    const renamed = `Renamed “${FIRST.name}” to “CLZ”`;
    await renameInitiative(FIRST.id, 'CLZ');
    await setTeamCapacity(TEAM.id, PERIOD.id, 12);
    await undo();
    await redo();
    const history = await readHistory();
    expect(history.map((entry) => [entry.kind, entry.label])).toEqual([
      ['redo', expect.stringMatching(/^Redid: Changed the capacity of “Platform”/)],
      ['undo', expect.stringMatching(/^Undid: Changed the capacity of “Platform”/)],
      ['edit', expect.stringMatching(/^Changed the capacity of “Platform”/)],
      ['edit', renamed],
    ]);
    for (const entry of history) {
      expect(entry.who).toBe('Ana de Vries');
      expect(Number.isNaN(Date.parse(entry.at))).toBe(false);
    }
    const [redone, undone, edit] = history;
    expect(edit?.changes).toHaveLength(1);
    expect(edit?.changes[0]).toMatchObject({ table: 'teams', key: TEAM.id });
    // An undo records the inverse changes, a redo the changes again.
    expect(undone?.changes[0]?.after).toEqual(edit?.changes[0]?.before);
    expect(redone?.changes).toEqual(edit?.changes);
    // A refused edit records nothing.
    expect((await renamePortfolio('')).ok).toBe(false);
    expect(await readHistory()).toHaveLength(4);
    expect(await readHistory(2)).toHaveLength(2);
  });

  it('makes typing into one field within the merge window one entry, and later typing another', async () => {
    let clock = Date.parse('2026-12-04T09:30:00.000Z');
    vi.spyOn(Date, 'now').mockImplementation(() => clock);
    for (const name of ['C', 'CL', 'CLZ']) {
      await renameInitiative(FIRST.id, name, { mergeKey: `initiative:${FIRST.id}:name` });
      clock += MERGE_WINDOW_MS - 100;
    }
    let history = await readHistory();
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ kind: 'edit', label: `Renamed “${FIRST.name}” to “CLZ”` });
    expect(history[0]?.changes).toHaveLength(1);
    expect(history[0]?.changes[0]).toMatchObject({
      before: { name: FIRST.name },
      after: { name: 'CLZ' },
    });
    expect(getHistory().undo).toHaveLength(1);

    // A pause longer than the merge window starts a new step.
    clock += MERGE_WINDOW_MS + 1;
    await renameInitiative(FIRST.id, 'CLZ2', { mergeKey: `initiative:${FIRST.id}:name` });
    // Another field is another step, however soon.
    await renamePortfolio('Quick', { mergeKey: 'portfolio:name' });
    history = await readHistory();
    expect(history.map((entry) => entry.label)).toEqual([
      'Renamed the portfolio to “Quick”',
      'Renamed “CLZ” to “CLZ2”',
      `Renamed “${FIRST.name}” to “CLZ”`,
    ]);
    expect(getHistory().undo).toHaveLength(3);
    await undo();
    await undo();
    expect(await storedName(FIRST.id)).toBe('CLZ');
    await undo();
    expect(await storedName(FIRST.id)).toBe(FIRST.name);
  });

  it('restores the portfolio to an entry as one new edit that undo takes back', async () => {
    await renameInitiative(FIRST.id, 'Kept');
    const [kept] = await readHistory();
    const atKept = writePortfolio(await readPortfolio());
    await setTeamCapacity(TEAM.id, PERIOD.id, 99);
    const second = DEMO_PORTFOLIO.initiatives[1]!;
    await deleteInitiative(second.id);
    const latest = writePortfolio(await readPortfolio());
    expect(latest).not.toBe(atKept);

    expect(await restoreToEntry(kept!.seq, kept!.label)).toEqual({ ok: true });
    expect(writePortfolio(await readPortfolio())).toBe(atKept);
    const [restore] = await readHistory();
    expect(restore).toMatchObject({
      kind: 'restore',
      label: `Restored the portfolio to “${kept!.label}”`,
    });
    expect(getHistory().undo.at(-1)?.label).toBe(restore?.label);
    expect(await readerAccepts()).toBe(true);

    expect(await undo()).toEqual({ kind: 'done', label: restore!.label });
    expect(writePortfolio(await readPortfolio())).toBe(latest);
    expect(await redo()).toEqual({ kind: 'done', label: restore!.label });
    expect(writePortfolio(await readPortfolio())).toBe(atKept);
  });

  it('restores to the very first state, before any edit of the window', async () => {
    const start = writePortfolio(await readPortfolio());
    await renameInitiative(FIRST.id, 'One');
    await renameInitiative(FIRST.id, 'Two');
    expect(await restoreToEntry(0, 'the start')).toEqual({ ok: true });
    expect(writePortfolio(await readPortfolio())).toBe(start);
    expect(await readHistory()).toHaveLength(3);
  });
});
