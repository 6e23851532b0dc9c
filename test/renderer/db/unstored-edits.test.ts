import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_PORTFOLIO } from '../../../shared/demo/demo-portfolio';
import { db, lastJournalReplay } from '../../../renderer/db/database';
import { getHistory } from '../../../renderer/db/history';
import { keepEditsOnExit, storeEditsBeforeClose } from '../../../renderer/db/keep-edits';
import { renameInitiative, setInitiativeDetail } from '../../../renderer/db/edits';
import {
  hasUnsavedChanges,
  journalUnstoredEdits,
  markSaved,
  pendingEditCount,
  readPortfolio,
  readState,
  settleEdits,
  undo,
} from '../../../renderer/db/repository';
import {
  UNSTORED_EDITS_PREFIX,
  editStanding,
  parseJournal,
  writeJournal,
  type UnstoredEdit,
} from '../../../renderer/db/unstored-edits';
import { freshDatabase } from './fresh-database';
import { journalInitiativeEdit } from './journal';

const FIRST = DEMO_PORTFOLIO.initiatives[0]!;
const NAME_KEY = `initiative:${FIRST.id}:name`;

/** The label of renaming the first initiative (as it was before the edit) to `name`. */
function renamed(name: string, from = FIRST.name): string {
  return `Renamed “${from}” to “${name}”`;
}

/** The stored state, read in one transaction (as the window keeps its copy). */
function storedState() {
  return db.transaction('r', db.tables, () => readState());
}

function journals(): UnstoredEdit[] {
  const edits: UnstoredEdit[] = [];
  for (let index = 0; index < localStorage.length; index += 1) {
    const key = localStorage.key(index) ?? '';
    if (key.startsWith(UNSTORED_EDITS_PREFIX)) {
      edits.push(...parseJournal(localStorage.getItem(key)));
    }
  }
  return edits;
}

async function storedName(id: string): Promise<string | undefined> {
  return (await readPortfolio()).initiatives.find((entry) => entry.id === id)?.name;
}

/** Types `text` one character at a time into the name, without waiting for the database. */
function typeName(text: string): Promise<unknown>[] {
  return [...text].map((_, index) =>
    renameInitiative(FIRST.id, text.slice(0, index + 1), { mergeKey: NAME_KEY }),
  );
}

/** Opens the database again, as the next start of the app does. */
async function restart(): Promise<void> {
  db.close();
  await db.open();
}

beforeEach(async () => {
  localStorage.clear();
  await freshDatabase();
  // The window's copy of the state, which edits still queued are planned on when journalled.
  await storedState();
});

afterEach(async () => {
  await settleEdits();
  localStorage.clear();
});

describe('the journal of unstored edits', () => {
  it('reads nothing from garbage, and stops at the first entry it cannot read', () => {
    expect(parseJournal(null)).toEqual([]);
    expect(parseJournal('not json')).toEqual([]);
    expect(parseJournal('{"id":"a"}')).toEqual([]);
    const good = {
      id: 'a',
      label: 'Rename initiative',
      changes: [{ table: 'initiatives', key: 'x', before: {}, after: {} }],
    };
    const later = { ...good, id: 'c' };
    expect(
      parseJournal(JSON.stringify([good, { id: 'b', label: 'x', changes: 'no' }, later])),
    ).toEqual([good]);
    expect(
      parseJournal(JSON.stringify([{ ...good, changes: [{ table: 'passwords', key: 'x' }] }])),
    ).toEqual([]);
  });

  it('tells a stored edit from an unstored one and from rows changed since', () => {
    const edit: UnstoredEdit = {
      id: 'a',
      label: 'Rename initiative',
      changes: [{ table: 'initiatives', key: 'x', before: { name: 'A' }, after: { name: 'B' } }],
    };
    expect(editStanding(edit, [{ name: 'B' }])).toBe('stored');
    expect(editStanding(edit, [{ name: 'A' }])).toBe('unstored');
    expect(editStanding(edit, [{ name: 'C' }])).toBe('changed');
    expect(editStanding(edit, [undefined])).toBe('changed');
  });
});

describe('edits on their way to the database', () => {
  it('takes fast keystrokes in one field as one write, one undo step, the last one stored', async () => {
    const results = typeName('Faster');
    expect(pendingEditCount()).toBeLessThanOrEqual(1);
    expect(await Promise.all(results)).toEqual(Array(6).fill({ ok: true }));
    expect(await storedName(FIRST.id)).toBe('Faster');
    expect(getHistory().undo).toHaveLength(1);
    await undo();
    expect(await storedName(FIRST.id)).toBe(FIRST.name);
  });

  it('never lets a keystroke overtake an undo asked for before it', async () => {
    await Promise.all(typeName('Ab'));
    const undone = undo();
    const typed = typeName('Abc');
    await undone;
    await Promise.all(typed);
    expect(await storedName(FIRST.id)).toBe('Abc');
    await markSaved();
  });

  it('journals what the database has not stored yet when the page goes away', async () => {
    const results = typeName('Gone');
    expect(journalUnstoredEdits(localStorage)).toBe(1);
    const [edit] = journals();
    expect(edit?.label).toBe(renamed('Gone'));
    expect(edit?.changes).toHaveLength(1);
    expect(edit?.changes[0]).toMatchObject({
      table: 'initiatives',
      key: FIRST.id,
      before: { name: FIRST.name },
      after: { name: 'Gone' },
    });
    // Once stored, it is crossed off: a reload later has nothing to replay.
    await Promise.all(results);
    expect(journals()).toEqual([]);
  });

  it('journals an edit whose transaction has begun, and the queued ones after it', async () => {
    const first = setInitiativeDetail(FIRST.id, 'owner', 'Ana');
    // Let the first write begin, so that it is planned inside its transaction.
    await new Promise((resolve) => setTimeout(resolve, 0));
    const second = typeName('Queued');
    expect(journalUnstoredEdits(localStorage)).toBeGreaterThanOrEqual(1);
    const after = journals().flatMap((edit) => edit.changes.map((change) => change.after));
    expect(after.at(-1)).toMatchObject({ owner: 'Ana', name: 'Queued' });
    await Promise.all([first, ...second]);
  });

  it('replays at the next start what the database never got, and marks it unsaved', async () => {
    await journalInitiativeEdit('lost-window', FIRST.id, 'Rename initiative', (row) => ({
      ...row,
      name: 'Kept',
    }));
    await restart();
    expect(await storedName(FIRST.id)).toBe('Kept');
    expect(await hasUnsavedChanges()).toBe(true);
    expect(lastJournalReplay()).toMatchObject({ restored: 1, skipped: 0 });
    expect(journals()).toEqual([]);
  });

  it('leaves rows alone that changed since the edit, and the later edits of that window', async () => {
    const state = await storedState();
    const row = state.initiatives.find((entry) => entry.id === FIRST.id)!;
    const second = state.initiatives[1]!;
    writeJournal(localStorage, 'stale-window', [
      {
        id: 'stale-1',
        label: 'Rename initiative',
        changes: [
          {
            table: 'initiatives',
            key: FIRST.id,
            before: { ...row, name: 'Something else' },
            after: { ...row, name: 'Stale' },
          },
        ],
      },
      {
        id: 'stale-2',
        label: 'Rename initiative',
        changes: [
          {
            table: 'initiatives',
            key: second.id,
            before: second,
            after: { ...second, name: 'Built on the stale one' },
          },
        ],
      },
    ]);
    await restart();
    expect(await storedName(FIRST.id)).toBe(FIRST.name);
    expect(await storedName(second.id)).toBe(second.name);
    expect(lastJournalReplay()).toMatchObject({ restored: 0, skipped: 2 });
    expect(await hasUnsavedChanges()).toBe(false);
  });

  it('finds a journalled edit already stored and changes nothing', async () => {
    const results = typeName('Both');
    journalUnstoredEdits(localStorage);
    const journalled = localStorage.getItem(
      [...Array(localStorage.length).keys()]
        .map((index) => localStorage.key(index) ?? '')
        .find((key) => key.startsWith(UNSTORED_EDITS_PREFIX))!,
    );
    await Promise.all(results);
    await markSaved();
    // As if the page died after the database had it but before it was crossed off.
    localStorage.setItem(`${UNSTORED_EDITS_PREFIX}late-window`, journalled!);
    await restart();
    expect(await storedName(FIRST.id)).toBe('Both');
    expect(lastJournalReplay()).toMatchObject({ restored: 0, skipped: 0 });
    expect(await hasUnsavedChanges()).toBe(false);
  });
});

describe('the page going away', () => {
  it('journals pending edits on pagehide and when the page is hidden', async () => {
    const stop = keepEditsOnExit(window);
    try {
      const typed = typeName('Hidden');
      window.dispatchEvent(new Event('pagehide'));
      expect(journals()).toHaveLength(1);
      await Promise.all(typed);
      expect(journals()).toEqual([]);

      const more = typeName('Hidden again');
      Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
      document.dispatchEvent(new Event('visibilitychange'));
      expect(journals()).toHaveLength(1);
      await Promise.all(more);
    } finally {
      Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
      stop();
    }
  });

  it('offers main a way to store every pending edit before the window closes', async () => {
    const stop = keepEditsOnExit(window);
    try {
      void typeName('Closing');
      expect(await window.batonStoreEdits?.()).toBeGreaterThan(0);
      expect(pendingEditCount()).toBe(0);
      expect(await storedName(FIRST.id)).toBe('Closing');
      expect(await storeEditsBeforeClose()).toBe(0);
    } finally {
      stop();
    }
    expect(window.batonStoreEdits).toBeUndefined();
  });
});
