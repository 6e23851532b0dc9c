import {
  mkdtemp,
  mkdir,
  readFile,
  readdir,
  rm,
  stat,
  truncate,
  writeFile,
  chmod,
} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { BrowserWindow } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { writeFileAtomic, writeFileAtomicSync } from '../../electron/atomic-file';
import {
  MAX_PORTFOLIO_BYTES,
  createPortfolioFileHandlers,
  readPortfolioFile,
} from '../../electron/files';
import { createRecentFilesStore, loadRecentFiles } from '../../electron/recent-files';

let folder = '';

beforeEach(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), 'baton-files-'));
});

afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

async function leftovers(): Promise<string[]> {
  return (await readdir(folder)).filter((name) => name.endsWith('.tmp'));
}

describe('writeFileAtomic', () => {
  it('writes a new file', async () => {
    const file = path.join(folder, 'plan.baton.json');
    await writeFileAtomic(file, '{"initiatives":[]}');
    expect(await readFile(file, 'utf8')).toBe('{"initiatives":[]}');
    expect(await leftovers()).toEqual([]);
  });

  it('replaces an existing file whole and keeps its permissions', async () => {
    const file = path.join(folder, 'plan.baton.json');
    await writeFile(file, 'old content that is longer than the new one');
    await chmod(file, 0o600);
    await writeFileAtomic(file, 'new');
    expect(await readFile(file, 'utf8')).toBe('new');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(await leftovers()).toEqual([]);
  });

  it('removes its temporary file when the final rename fails', async () => {
    // A non-empty folder where the file should go makes the rename fail after the data was written.
    const blocked = path.join(folder, 'blocked');
    await mkdir(blocked);
    await writeFile(path.join(blocked, 'keep'), 'x');
    await expect(writeFileAtomic(blocked, 'new')).rejects.toThrow();
    expect(await readFile(path.join(blocked, 'keep'), 'utf8')).toBe('x');
    expect(await leftovers()).toEqual([]);
  });

  it('has a synchronous twin for the moment the app quits', async () => {
    const file = path.join(folder, 'window-state.json');
    writeFileAtomicSync(file, '{"width":1280}');
    writeFileAtomicSync(file, '{"width":1300}');
    expect(await readFile(file, 'utf8')).toBe('{"width":1300}');
    expect(await leftovers()).toEqual([]);
  });
});

describe('readPortfolioFile', () => {
  it('returns the path, the file name and the text', async () => {
    const file = path.join(folder, 'Q3 plan.baton.json');
    await writeFile(file, '{"name":"Q3 – Überblick"}');
    expect(await readPortfolioFile(file)).toEqual({
      path: file,
      name: 'Q3 plan.baton.json',
      text: '{"name":"Q3 – Überblick"}',
    });
  });

  it('drops a byte-order mark', async () => {
    const file = path.join(folder, 'bom.json');
    await writeFile(file, '\uFEFF{}');
    expect((await readPortfolioFile(file)).text).toBe('{}');
  });

  it('refuses a file over 200 MB before reading it', async () => {
    const file = path.join(folder, 'huge.json');
    await writeFile(file, '');
    // A sparse file: large on paper, nothing written to disk.
    await truncate(file, MAX_PORTFOLIO_BYTES + 1);
    await expect(readPortfolioFile(file)).rejects.toThrow(
      '"huge.json" is 201 MB, over the 200 MB limit of a portfolio file; Baton does not open it.',
    );
  });

  it('refuses a folder', async () => {
    await expect(readPortfolioFile(folder)).rejects.toThrow('is not a file');
  });
});

describe('portfolio file handlers', () => {
  const window = { id: 1 } as unknown as BrowserWindow;

  function setUp(initialRecent: readonly string[] = []) {
    const storeFile = path.join(folder, 'recent-files.json');
    const recent = createRecentFilesStore({
      storeFile,
      initial: initialRecent,
      onChange: () => undefined,
    });
    const dialog = { showOpenDialog: vi.fn(), showSaveDialog: vi.fn() };
    const addRecentDocument = vi.fn();
    const documents = path.join(folder, 'Documents');
    const handlers = createPortfolioFileHandlers({
      dialog: dialog as never,
      recent,
      documentsDir: () => documents,
      addRecentDocument,
    });
    return { handlers, dialog, recent, storeFile, addRecentDocument, documents };
  }

  it('opens the chosen file and remembers it', async () => {
    const file = path.join(folder, 'plan.baton.json');
    await writeFile(file, '{"v":1}');
    const { handlers, dialog, recent, storeFile, addRecentDocument } = setUp(['/older.json']);
    dialog.showOpenDialog.mockResolvedValue({ canceled: false, filePaths: [file] });

    const opened = await handlers['app:open-portfolio'](null, { window });

    expect(opened).toEqual({ path: file, name: 'plan.baton.json', text: '{"v":1}' });
    const [parent, options] = dialog.showOpenDialog.mock.calls[0] ?? [];
    expect(parent).toBe(window);
    expect(options.properties).toEqual(['openFile']);
    expect(options.filters).toEqual([
      { name: 'Baton portfolio', extensions: ['json'] },
      { name: 'All files', extensions: ['*'] },
    ]);
    expect(recent.list()).toEqual([file, '/older.json']);
    expect(await loadRecentFiles(storeFile)).toEqual([file, '/older.json']);
    expect(addRecentDocument).toHaveBeenCalledWith(file);
  });

  it('returns null when the Open dialog is cancelled', async () => {
    const { handlers, dialog, recent } = setUp();
    dialog.showOpenDialog.mockResolvedValue({ canceled: true, filePaths: [] });
    expect(await handlers['app:open-portfolio'](null, { window })).toBeNull();
    expect(recent.list()).toEqual([]);
  });

  it('saves atomically where the user chose, starting in Documents', async () => {
    const { handlers, dialog, recent, documents, addRecentDocument } = setUp();
    const target = path.join(folder, 'chosen.baton.json');
    await writeFile(target, 'previous version');
    dialog.showSaveDialog.mockResolvedValue({ canceled: false, filePath: target });

    const saved = await handlers['app:save-portfolio'](
      { suggestedName: 'Q3 plan.baton.json', text: '{"v":2}' },
      { window },
    );

    expect(saved).toEqual({ path: target });
    expect(await readFile(target, 'utf8')).toBe('{"v":2}');
    expect(await leftovers()).toEqual([]);
    const [parent, options] = dialog.showSaveDialog.mock.calls[0] ?? [];
    expect(parent).toBe(window);
    expect(options.defaultPath).toBe(path.join(documents, 'Q3 plan.baton.json'));
    expect(recent.list()).toEqual([target]);
    expect(addRecentDocument).toHaveBeenCalledWith(target);
  });

  it('writes nothing when the Save dialog is cancelled', async () => {
    const { handlers, dialog, recent } = setUp();
    dialog.showSaveDialog.mockResolvedValue({ canceled: true, filePath: '' });
    const saved = await handlers['app:save-portfolio'](
      { suggestedName: 'plan.json', text: '{}' },
      { window },
    );
    expect(saved).toBeNull();
    expect(recent.list()).toEqual([]);
    expect(await readdir(folder)).toEqual([]);
  });

  it('opens a recent file by its index and moves it to the top', async () => {
    const first = path.join(folder, 'first.json');
    const second = path.join(folder, 'second.json');
    await writeFile(first, '"first"');
    await writeFile(second, '"second"');
    const { handlers, recent } = setUp([first, second]);

    const opened = await handlers['app:open-recent']({ index: 1 }, { window });

    expect(opened?.text).toBe('"second"');
    expect(recent.list()).toEqual([second, first]);
    expect(await handlers['app:list-recent'](null, { window })).toEqual([second, first]);
  });

  it('refuses an index past the end of the list', async () => {
    const { handlers } = setUp(['/only.json']);
    await expect(handlers['app:open-recent']({ index: 4 }, { window })).rejects.toThrow(
      'There is no recent file number 5.',
    );
  });

  it('drops a recent file that no longer exists, and says so', async () => {
    const gone = path.join(folder, 'gone.baton.json');
    const { handlers, recent } = setUp([gone, '/other.json']);
    await expect(handlers['app:open-recent']({ index: 0 }, { window })).rejects.toThrow(
      /"gone\.baton\.json" is no longer at .*; it was removed from the recent files\./,
    );
    expect(recent.list()).toEqual(['/other.json']);
  });
});
