import { mkdtemp, mkdir, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { BrowserWindow } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createImportExportHandlers, readImportFile } from '../../electron/import-export';
import { MAX_IMPORT_FILE_BYTES } from '../../shared/ipc/contract';

let folder = '';
const window = { id: 1 } as unknown as BrowserWindow;

beforeEach(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), 'baton-import-'));
});

afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

function handlers(dialog: { showOpenDialog?: unknown; showSaveDialog?: unknown }) {
  return createImportExportHandlers({
    dialog: dialog as never,
    documentsDir: () => folder,
  });
}

describe('readImportFile', () => {
  it('reads a CSV whole, as bytes', async () => {
    const file = path.join(folder, 'Initiatives Q3.csv');
    await writeFile(file, '\uFEFFid;name\n1;Überblick\n');
    const read = await readImportFile(file);
    expect(read.name).toBe('Initiatives Q3.csv');
    expect(read.bytes).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(read.bytes).toString('utf8')).toBe('\uFEFFid;name\n1;Überblick\n');
  });

  it('refuses another kind of file, naming it and the kinds it takes', async () => {
    const file = path.join(folder, 'plan.docx');
    await writeFile(file, 'x');
    await expect(readImportFile(file)).rejects.toThrow(
      '"plan.docx" is not a file Baton can import: choose a .csv, .tsv, .txt, .xlsx, .xml (Microsoft Project) or .json file.',
    );
  });

  it('refuses a file over the limit before reading it', async () => {
    const file = path.join(folder, 'huge.xlsx');
    await writeFile(file, '');
    await truncate(file, MAX_IMPORT_FILE_BYTES + 1);
    await expect(readImportFile(file)).rejects.toThrow(
      '"huge.xlsx" is 101 MB, over the 100 MB limit of an import file; Baton does not read it.',
    );
  });

  it('refuses a folder', async () => {
    await mkdir(path.join(folder, 'exports.csv'));
    await expect(readImportFile(path.join(folder, 'exports.csv'))).rejects.toThrow(
      '"exports.csv" is not a file.',
    );
  });
});

describe('app:open-import-file', () => {
  it('offers the kinds of file Baton imports, and reads the one chosen', async () => {
    const file = path.join(folder, 'project.xml');
    await writeFile(file, '<Project/>');
    const showOpenDialog = vi.fn(async () => ({ canceled: false, filePaths: [file] }));
    const opened = await handlers({ showOpenDialog })['app:open-import-file'](null, { window });
    expect(opened?.name).toBe('project.xml');
    expect(showOpenDialog).toHaveBeenCalledWith(
      window,
      expect.objectContaining({
        properties: ['openFile'],
        filters: [
          expect.objectContaining({ extensions: ['csv', 'tsv', 'txt', 'xlsx', 'xml', 'json'] }),
          { name: 'All files', extensions: ['*'] },
        ],
      }),
    );
  });

  it('answers null when the dialog is cancelled', async () => {
    const showOpenDialog = vi.fn(async () => ({ canceled: true, filePaths: [] }));
    await expect(
      handlers({ showOpenDialog })['app:open-import-file'](null, { window }),
    ).resolves.toBeNull();
  });
});

describe('app:save-export-file', () => {
  it('writes text as UTF-8 and bytes as they are, where the user chose', async () => {
    const csv = path.join(folder, 'out', 'initiatives.csv');
    await mkdir(path.dirname(csv));
    const xlsx = path.join(folder, 'out', 'portfolio.xlsx');
    const showSaveDialog = vi
      .fn()
      .mockResolvedValueOnce({ canceled: false, filePath: csv })
      .mockResolvedValueOnce({ canceled: false, filePath: xlsx });
    const save = handlers({ showSaveDialog })['app:save-export-file'];
    await expect(
      save({ suggestedName: 'initiatives.csv', data: 'id,name\n1,Ä\n' }, { window }),
    ).resolves.toEqual({ path: csv });
    await expect(
      save(
        { suggestedName: 'portfolio.xlsx', data: new Uint8Array([0x50, 0x4b, 3, 4]) },
        { window },
      ),
    ).resolves.toEqual({ path: xlsx });
    expect(await readFile(csv, 'utf8')).toBe('id,name\n1,Ä\n');
    expect([...(await readFile(xlsx))]).toEqual([0x50, 0x4b, 3, 4]);
    expect(showSaveDialog).toHaveBeenNthCalledWith(
      2,
      window,
      expect.objectContaining({
        defaultPath: path.join(folder, 'portfolio.xlsx'),
        filters: [
          { name: 'Excel workbook', extensions: ['xlsx'] },
          { name: 'All files', extensions: ['*'] },
        ],
      }),
    );
  });

  it('writes nothing when the dialog is cancelled', async () => {
    const showSaveDialog = vi.fn(async () => ({ canceled: true, filePath: '' }));
    await expect(
      handlers({ showSaveDialog })['app:save-export-file'](
        { suggestedName: 'a.csv', data: 'x' },
        { window },
      ),
    ).resolves.toBeNull();
  });
});
