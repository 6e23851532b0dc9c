/**
 * Never silent about storage: the browser's storage errors become sentences that say what
 * happened and what to do, an edit that fails to store says so in those words, and another
 * window's upgrade never hangs on this one.
 */
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '../../../renderer/db/database';
import { commit, readPortfolio } from '../../../renderer/db/repository';
import {
  describeStorageError,
  onStorageProblem,
  StorageFailure,
  storageFailureText,
  watchOtherWindows,
  type StorageProblem,
} from '../../../renderer/db/storage-health';
import { freshDatabase } from './fresh-database';

const domError = (name: string, message: string) => new DOMException(message, name);

describe('a storage error in words', () => {
  it.each([
    ['a quota error', domError('QuotaExceededError', 'The quota has been exceeded.'), 'quota'],
    [
      "Dexie's abort with the quota error inside",
      new Dexie.AbortError('Transaction aborted', domError('QuotaExceededError', 'full')),
      'quota',
    ],
    [
      "Chrome's full disk on open",
      domError('UnknownError', 'Internal error opening backing store for indexedDB.open.'),
      'disk',
    ],
    ['a bare AbortError (a full disk on a write)', domError('AbortError', ''), 'disk'],
    ['a newer schema', new Dexie.VersionError('The requested version is less'), 'newer-version'],
    ['a closed database', new Dexie.DatabaseClosedError('Database has been closed'), 'closed'],
    ['no IndexedDB at all', new Dexie.MissingAPIError('IndexedDB API missing'), 'unavailable'],
  ])('%s', (_what, error, kind) => {
    const problem = describeStorageError(error);
    expect(problem?.kind).toBe(kind);
    // What happened and what to do, without the browser's jargon; its words kept as the detail.
    expect(problem?.happened).not.toMatch(/Error|backing store/);
    expect(problem?.advice.length).toBeGreaterThan(20);
    expect(problem?.detail).toContain((error as Error).name);
  });

  it('leaves other errors alone', () => {
    expect(describeStorageError(new TypeError('x is undefined'))).toBeNull();
    expect(storageFailureText(new Error('The score was refused'), 'Not stored')).toBe(
      'Not stored: The score was refused',
    );
  });

  it('says what was being done, what happened and what to do', () => {
    expect(
      storageFailureText(
        domError('UnknownError', 'Internal error opening backing store for indexedDB.open.'),
        'Your change was not stored',
      ),
    ).toBe(
      'Your change was not stored. Baton’s storage on this computer could not be read or written. This happens when the disk is full or the browser cannot write its profile folder. Free some disk space and close other Baton windows, then reload. If it keeps happening, export your data from Settings and restart the computer.',
    );
  });
});

describe('an edit the storage fails to store', () => {
  beforeEach(freshDatabase);
  afterEach(() => vi.restoreAllMocks());

  it('rejects with the sentence, tells the app, and changes nothing', async () => {
    const heard: StorageProblem[] = [];
    const stop = onStorageProblem((problem) => heard.push(problem));
    const before = await readPortfolio();
    vi.spyOn(db, 'transaction').mockRejectedValueOnce(
      new Dexie.AbortError('Transaction aborted', domError('QuotaExceededError', 'full')),
    );
    const attempt = commit((state) => ({
      label: 'Rename',
      changes: [
        {
          table: 'meta',
          key: 'portfolio',
          before: state.meta,
          after: { ...state.meta, name: 'Renamed' },
        },
      ],
    }));
    await expect(attempt).rejects.toBeInstanceOf(StorageFailure);
    await expect(attempt).rejects.toThrow(/^Your change was not stored\. There is no room left/);
    stop();
    expect(heard.map((problem) => problem.kind)).toEqual(['quota']);
    vi.restoreAllMocks();
    expect((await readPortfolio()).name).toBe(before.name);
  });
});

describe('another window', () => {
  const name = 'baton-health-test';
  afterEach(async () => {
    await Dexie.delete(name);
  });

  it("steps aside at once for another window's upgrade, and says to reload", async () => {
    const here = new Dexie(name);
    here.version(1).stores({ items: 'id' });
    await here.open();
    const heard: StorageProblem[] = [];
    const stop = onStorageProblem((problem) => heard.push(problem));
    const stopWatching = watchOtherWindows(here);
    const there = new Dexie(name);
    there.version(2).stores({ items: 'id, name' });
    // Would wait for ever if this window kept the database open.
    await there.open();
    expect(there.verno).toBe(2);
    expect(heard.map((problem) => problem.kind)).toEqual(['changed-elsewhere']);
    expect(heard[0]?.reload).toBe(true);
    // This window does not open the database again by itself on its old schema.
    await expect(here.table('items').toArray()).rejects.toThrow();
    stopWatching();
    stop();
    there.close();
  });

  it('says so when its own upgrade waits for another window', async () => {
    // An old window that does not step aside (a raw connection that ignores versionchange).
    const old = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name, 10);
      request.onupgradeneeded = () => request.result.createObjectStore('items', { keyPath: 'id' });
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const heard: StorageProblem[] = [];
    const stop = onStorageProblem((problem) => heard.push(problem));
    const here = new Dexie(name);
    here.version(2).stores({ items: 'id, name' });
    const stopWatching = watchOtherWindows(here);
    const opening = here.open();
    await vi.waitFor(() => expect(heard.map((problem) => problem.kind)).toContain('blocked'));
    old.close();
    await opening;
    expect(here.verno).toBe(2);
    stopWatching();
    stop();
    here.close();
  });
});
