/**
 * The journal of unstored edits and the change history together: a kept edit is checked by the
 * rules, listed in the history and on its window's undo stack; restores and typing merged into
 * an entry keep every entry true to how the portfolio was right after it.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_PORTFOLIO } from '../../../shared/demo/demo-portfolio';
import { problemsOf } from '../../../shared/store/check';
import { db } from '../../../renderer/db/database';
import {
  createInitiative,
  deleteInitiative,
  renameInitiative,
  renamePortfolio,
  setInitiativeDetail,
} from '../../../renderer/db/edits';
import { currentWindow, getHistory, loadStacks, resetStacks } from '../../../renderer/db/history';
import {
  forgetState,
  journalUnstoredEdits,
  readHistory,
  readPortfolio,
  restoreToEntry,
  settleEdits,
  undo,
} from '../../../renderer/db/repository';
import { UNSTORED_EDITS_PREFIX } from '../../../renderer/db/unstored-edits';
import { freshDatabase } from './fresh-database';
import { journalInitiativeEdit, storedState } from './journal';

const FIRST = DEMO_PORTFOLIO.initiatives[0]!;
const SECOND = DEMO_PORTFOLIO.initiatives[1]!;

async function storedName(id: string): Promise<string | undefined> {
  return (await readPortfolio()).initiatives.find((entry) => entry.id === id)?.name;
}

/** The next start of the app in this window (journal replay runs on open). */
async function reloadWindow(): Promise<void> {
  db.close();
  forgetState();
  resetStacks();
  await db.open();
  await loadStacks();
}

beforeEach(async () => {
  localStorage.clear();
  await freshDatabase();
  await storedState();
});

afterEach(async () => {
  await settleEdits();
  localStorage.clear();
});

describe('journal replay', () => {
  it('does not store an edit that now breaks a rule (its prerequisite was deleted meanwhile)', async () => {
    // Window A made FIRST depend on SECOND; the page died before IndexedDB had it.
    await journalInitiativeEdit('lost-window', FIRST.id, 'Made FIRST depend on SECOND', (row) => ({
      ...row,
      dependsOn: [...(row.dependsOn ?? []), SECOND.id],
    }));
    // Meanwhile another window deletes SECOND (FIRST does not reference it yet: untouched).
    const first = (await storedState()).initiatives.find((entry) => entry.id === FIRST.id)!;
    expect(first.dependsOn ?? []).not.toContain(SECOND.id);
    expect(await deleteInitiative(SECOND.id)).toEqual({ ok: true });

    await reloadWindow();
    // The stored portfolio must still be one the file's reader accepts...
    expect.soft(problemsOf(await storedState())).toEqual([]);
    // ...and an unrelated edit must still be possible.
    expect.soft(await renamePortfolio('Still editable')).toEqual({ ok: true });
  });

  it('lists a replayed edit in the change history (README: History lists every change)', async () => {
    await journalInitiativeEdit('lost-window', SECOND.id, 'Renamed SECOND to Lost', (row) => ({
      ...row,
      name: 'Lost',
    }));
    await reloadWindow();
    expect(await storedName(SECOND.id)).toBe('Lost');
    const history = await readHistory();
    expect(history.some((entry) => entry.changes.some((c) => c.key === SECOND.id))).toBe(true);
  });

  it('restore to an entry made before a replayed edit puts that record back too', async () => {
    expect(await renamePortfolio('P0')).toEqual({ ok: true });
    const [p0] = await readHistory(1);
    expect(await renameInitiative(FIRST.id, 'One')).toEqual({ ok: true });
    await journalInitiativeEdit('lost-window', SECOND.id, 'Renamed SECOND to Lost', (row) => ({
      ...row,
      name: 'Lost',
    }));
    await reloadWindow();
    expect(await restoreToEntry(p0!.seq, p0!.label)).toEqual({ ok: true });
    expect(await storedName(FIRST.id)).toBe(FIRST.name);
    // Right after "P0", SECOND had its demo name.
    expect(await storedName(SECOND.id)).toBe(SECOND.name);
  });

  it('undo after a reload whose last keystroke was replayed still undoes the typing', async () => {
    const key = `initiative:${FIRST.id}:name`;
    expect(await renameInitiative(FIRST.id, 'AB', { mergeKey: key })).toEqual({ ok: true });
    // The last keystroke did not reach IndexedDB before the reload; the journal has it.
    // The journal of this window (its key starts with the window's key).
    await journalInitiativeEdit(
      `${currentWindow()}~before-reload`,
      FIRST.id,
      'Renamed “AB” to “ABC”',
      (row) => ({
        ...row,
        name: 'ABC',
      }),
    );
    await reloadWindow();
    expect(await storedName(FIRST.id)).toBe('ABC');
    // The kept keystroke is on this window's undo stack, above the typing the database had.
    expect(getHistory().undo.map((entry) => entry.label)).toEqual([
      'Renamed “Cloud landing zone” to “AB”',
      'Renamed “AB” to “ABC”',
    ]);
    expect((await undo()).kind).toBe('done');
    expect(await storedName(FIRST.id)).toBe('AB');
    expect((await undo()).kind).toBe('done');
    expect(await storedName(FIRST.id)).toBe(FIRST.name);
  });

  it('a queued create journalled, then stored, then the page dies: the replay adds no second copy', async () => {
    const before = (await readPortfolio()).initiatives.length;
    // An edit in flight, and a create queued behind it (not yet planned in a transaction).
    const first = setInitiativeDetail(FIRST.id, 'owner', 'Ana');
    const created = createInitiative('Only once');
    expect(journalUnstoredEdits(localStorage)).toBe(2);
    const key = [...Array(localStorage.length).keys()]
      .map((index) => localStorage.key(index) ?? '')
      .find((name) => name.startsWith(UNSTORED_EDITS_PREFIX))!;
    const journalled = localStorage.getItem(key)!;
    await first;
    await created;
    // The database has both; the page died before the journal was crossed off.
    localStorage.setItem(`${UNSTORED_EDITS_PREFIX}late-window`, journalled);
    await reloadWindow();
    const names = (await readPortfolio()).initiatives.filter((i) => i.name === 'Only once');
    expect(names).toHaveLength(1);
    expect((await readPortfolio()).initiatives.length).toBe(before + 1);
  });
});

describe('restore', () => {
  it('a restore that changes nothing does not claim an undo step', async () => {
    expect(await renamePortfolio('Edited')).toEqual({ ok: true });
    const [edited] = await readHistory(1);
    await undo();
    // (redo stack has it; redo puts it back)
    const { redo } = await import('../../../renderer/db/repository');
    await redo();
    // Restoring to "Edited": the undo and redo after it cancel out, nothing changes.
    const undoBefore = getHistory().undo.length;
    const result = await restoreToEntry(edited!.seq, edited!.label);
    // Nothing to restore, and it says so: no undo step is claimed or made.
    expect(result).toEqual({ ok: true, unchanged: true });
    expect(getHistory().undo.length).toBe(undoBefore);
  });
});

describe('typing merged across another window’s entry', () => {
  it('restore to the merged entry gives the state its label describes', async () => {
    const key = `initiative:${FIRST.id}:name`;
    expect(await renameInitiative(FIRST.id, 'AB', { mergeKey: key })).toEqual({ ok: true });
    const [typed] = await readHistory(1);
    // Another window sets FIRST's owner and records it in the history (seq after `typed`).
    const { writeAsAnotherWindow } = await import('./another-window');
    await writeAsAnotherWindow(async () => {
      const row = (await db.initiatives.get(FIRST.id))!;
      const after = { ...row, owner: 'Other window' };
      await db.initiatives.put(after);
      await db.history.add({
        at: new Date().toISOString(),
        label: 'Changed the owner',
        who: 'B',
        kind: 'edit',
        changes: [{ table: 'initiatives', key: FIRST.id, before: row, after }],
      } as never);
    });
    // This window types on within the merge window: not merged into `typed`, which is no longer
    // the newest entry, but an entry of its own after the other window's.
    expect(await renameInitiative(FIRST.id, 'ABC', { mergeKey: key })).toEqual({ ok: true });
    const history = await readHistory();
    expect(history[0]!.label).toBe('Renamed “AB” to “ABC”');
    expect(history.find((entry) => entry.seq === typed!.seq)!.label).toContain('“AB”');
    // Each entry says how the portfolio was right after it.
    expect(await restoreToEntry(typed!.seq, typed!.label)).toEqual({ ok: true });
    expect(await storedName(FIRST.id)).toBe('AB');
  });
});
