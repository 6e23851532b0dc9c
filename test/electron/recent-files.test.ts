import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  MAX_RECENT_FILES,
  addRecentFile,
  createRecentFilesStore,
  loadRecentFiles,
  parseRecentFiles,
  removeRecentFile,
} from '../../electron/recent-files';

describe('addRecentFile', () => {
  it('puts the newest file first', () => {
    expect(addRecentFile(['/a.json', '/b.json'], '/c.json')).toEqual([
      '/c.json',
      '/a.json',
      '/b.json',
    ]);
  });

  it('moves a file that is already listed to the top instead of listing it twice', () => {
    expect(addRecentFile(['/a.json', '/b.json', '/c.json'], '/b.json')).toEqual([
      '/b.json',
      '/a.json',
      '/c.json',
    ]);
  });

  it('keeps at most ten files, dropping the oldest', () => {
    const ten = Array.from({ length: 10 }, (_, index) => `/f${index}.json`);
    const next = addRecentFile(ten, '/new.json');
    expect(next).toHaveLength(MAX_RECENT_FILES);
    expect(next[0]).toBe('/new.json');
    expect(next).not.toContain('/f9.json');
  });

  it('does not change the list it was given', () => {
    const list = Object.freeze(['/a.json']);
    addRecentFile(list, '/b.json');
    expect(list).toEqual(['/a.json']);
  });

  it('keeps its invariants for any sequence of additions', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.constantFrom('/a', '/b', '/c', '/d', '/e', '/f', '/g', '/h', '/i', '/j', '/k', '/l'),
        ),
        (paths) => {
          let list: readonly string[] = [];
          for (const filePath of paths) {
            list = addRecentFile(list, filePath);
            expect(list[0]).toBe(filePath);
          }
          expect(list.length).toBeLessThanOrEqual(MAX_RECENT_FILES);
          expect(new Set(list).size).toBe(list.length);
        },
      ),
    );
  });
});

describe('removeRecentFile', () => {
  it('removes one path and keeps the order of the rest', () => {
    expect(removeRecentFile(['/a', '/b', '/c'], '/b')).toEqual(['/a', '/c']);
    expect(removeRecentFile(['/a'], '/z')).toEqual(['/a']);
  });
});

describe('parseRecentFiles', () => {
  it('reads the stored form', () => {
    expect(parseRecentFiles({ files: ['/a.json', '/b.json'] })).toEqual(['/a.json', '/b.json']);
  });

  it('drops what is not a usable path and keeps the newest of duplicates', () => {
    expect(parseRecentFiles({ files: ['/a', 3, '', null, '/b', '/a', 'x\0y'] })).toEqual([
      '/a',
      '/b',
    ]);
  });

  it.each([null, 'garbage', 7, { files: 'no' }, {}])('reads %j as an empty list', (value) => {
    expect(parseRecentFiles(value)).toEqual([]);
  });

  it('cuts an overlong list', () => {
    const many = Array.from({ length: 30 }, (_, index) => `/f${index}`);
    expect(parseRecentFiles({ files: many })).toEqual(many.slice(0, MAX_RECENT_FILES));
  });
});

describe('recent files store', () => {
  let folder = '';

  beforeEach(async () => {
    folder = await mkdtemp(path.join(os.tmpdir(), 'baton-recent-'));
  });

  afterEach(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('starts empty when nothing or garbage was stored', async () => {
    expect(await loadRecentFiles(path.join(folder, 'missing.json'))).toEqual([]);
    const broken = path.join(folder, 'broken.json');
    await writeFile(broken, '{ not json');
    expect(await loadRecentFiles(broken)).toEqual([]);
  });

  it('writes every change through and reports it', async () => {
    const storeFile = path.join(folder, 'recent-files.json');
    const onChange = vi.fn();
    const store = createRecentFilesStore({ storeFile, initial: [], onChange });

    await store.add('/plans/a.baton.json');
    await store.add('/plans/b.baton.json');
    expect(store.list()).toEqual(['/plans/b.baton.json', '/plans/a.baton.json']);
    expect(store.at(1)).toBe('/plans/a.baton.json');
    expect(store.at(5)).toBeUndefined();
    expect(await loadRecentFiles(storeFile)).toEqual(store.list());
    expect(JSON.parse(await readFile(storeFile, 'utf8'))).toEqual({ files: store.list() });

    await store.remove('/plans/b.baton.json');
    expect(await loadRecentFiles(storeFile)).toEqual(['/plans/a.baton.json']);

    await store.clear();
    expect(await loadRecentFiles(storeFile)).toEqual([]);
    expect(onChange).toHaveBeenCalledTimes(4);
    expect(onChange).toHaveBeenLastCalledWith([]);
  });

  it('creates the user-data folder on the first write', async () => {
    const storeFile = path.join(folder, 'not-yet', 'recent-files.json');
    const store = createRecentFilesStore({ storeFile, initial: [], onChange: () => undefined });
    await store.add('/plans/a.baton.json');
    expect(await loadRecentFiles(storeFile)).toEqual(['/plans/a.baton.json']);
  });

  it('lands quick successive changes on disk in order', async () => {
    const storeFile = path.join(folder, 'recent-files.json');
    const store = createRecentFilesStore({ storeFile, initial: [], onChange: () => undefined });
    await Promise.all(['/1', '/2', '/3', '/4'].map((filePath) => store.add(filePath)));
    expect(await loadRecentFiles(storeFile)).toEqual(['/4', '/3', '/2', '/1']);
  });
});
