import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BackupInfo } from '../../../shared/backup/types';
import { createBrowserPlatform } from '../../../renderer/platform/browser';
import { createBrowserBackupStore } from '../../../renderer/platform/browser-backups';
import { createElectronPlatform } from '../../../renderer/platform/electron';
import { fakeBridge } from './fake-bridge';

const INFO: BackupInfo = {
  id: '20270301T091500000Z-0a1b2c3d',
  at: '2027-03-01T09:15:00.000Z',
  size: 2,
  reason: 'manual',
  summary: 'Acme · 0 initiatives · 0 teams · 0 scenarios',
  portfolioName: 'Acme',
};

afterEach(() => {
  vi.restoreAllMocks();
});

/** Makes the next file input the page opens choose `file` (or be cancelled, for null). */
function chooseFile(file: File | null) {
  return vi.spyOn(HTMLInputElement.prototype, 'click').mockImplementation(function (
    this: HTMLInputElement,
  ) {
    if (file === null) {
      this.dispatchEvent(new Event('cancel'));
      return;
    }
    Object.defineProperty(this, 'files', { value: [file], configurable: true });
    this.dispatchEvent(new Event('change'));
  });
}

describe('import and export in the browser', () => {
  it('offers the kinds of file Baton imports and reads the chosen one as bytes', async () => {
    const click = chooseFile(new File(['id;name\n1;Ä\n'], 'initiatives.csv'));
    const file = await createBrowserPlatform().openImportFile();
    const input = click.mock.contexts[0] as HTMLInputElement;
    expect(input.accept).toBe('.csv,.tsv,.txt,.xlsx,.xml,.json');
    expect(file?.name).toBe('initiatives.csv');
    expect(new TextDecoder().decode(file?.bytes)).toBe('id;name\n1;Ä\n');
  });

  it('answers null when the picker is cancelled', async () => {
    chooseFile(null);
    await expect(createBrowserPlatform().openImportFile()).resolves.toBeNull();
  });

  it('refuses another kind of file and one over the limit, naming it', async () => {
    chooseFile(new File(['x'], 'notes.docx'));
    await expect(createBrowserPlatform().openImportFile()).rejects.toThrow(
      '"notes.docx" is not a file Baton can import',
    );
    const huge = new File(['x'], 'huge.xlsx');
    Object.defineProperty(huge, 'size', { value: 150 * 1024 * 1024 });
    chooseFile(huge);
    await expect(createBrowserPlatform().openImportFile()).rejects.toThrow(
      '"huge.xlsx" is 150 MB, over the 100 MB limit of an import file; Baton does not read it.',
    );
  });

  it('offers an export as a download of the right kind', async () => {
    const blobs: Blob[] = [];
    URL.createObjectURL = vi.fn((blob: Blob) => {
      blobs.push(blob);
      return 'blob:export';
    });
    URL.revokeObjectURL = vi.fn();
    const downloads: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      downloads.push(this.download);
    });
    const platform = createBrowserPlatform();
    await expect(platform.saveExportFile('initiatives.csv', 'id,name\n')).resolves.toEqual({
      location: 'your downloads as initiatives.csv',
    });
    await platform.saveExportFile('Portfolio.xlsx', new Uint8Array([0x50, 0x4b, 3, 4]));
    expect(downloads).toEqual(['initiatives.csv', 'Portfolio.xlsx']);
    expect(blobs.map((blob) => blob.type)).toEqual([
      'text/csv;charset=utf-8',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ]);
    expect(blobs[1]?.size).toBe(4);
    await expect(platform.saveExportFile('run.exe', 'x')).rejects.toThrow(
      '"run.exe" is not a kind of file Baton exports.',
    );
  });
});

describe('storage persistence in the browser', () => {
  const original = Object.getOwnPropertyDescriptor(navigator, 'storage');
  afterEach(() => {
    if (original) Object.defineProperty(navigator, 'storage', original);
    else delete (navigator as { storage?: unknown }).storage;
  });

  function stubStorage(storage: unknown) {
    Object.defineProperty(navigator, 'storage', { value: storage, configurable: true });
  }

  it('says whether the data is kept for good, and asks for it', async () => {
    let granted = false;
    stubStorage({
      persisted: vi.fn(async () => granted),
      persist: vi.fn(async () => {
        granted = true;
        return true;
      }),
    });
    const platform = createBrowserPlatform();
    await expect(platform.storagePersistence()).resolves.toBe('best-effort');
    await expect(platform.requestPersistentStorage()).resolves.toBe(true);
    await expect(platform.storagePersistence()).resolves.toBe('persistent');
  });

  it('says when the browser cannot tell, and never throws', async () => {
    stubStorage(undefined);
    const platform = createBrowserPlatform();
    await expect(platform.storagePersistence()).resolves.toBe('unsupported');
    await expect(platform.requestPersistentStorage()).resolves.toBe(false);
    stubStorage({
      persisted: async () => {
        throw new Error('denied');
      },
      persist: async () => {
        throw new Error('denied');
      },
    });
    await expect(platform.storagePersistence()).resolves.toBe('unsupported');
    await expect(platform.requestPersistentStorage()).resolves.toBe(false);
  });
});

describe('backups in the browser', () => {
  let name = '';
  beforeEach(() => {
    name = `baton-backups-platform-${Date.now()}-${Math.random()}`;
  });

  it('live in a database of their own, listed without their texts', async () => {
    let minute = 0;
    const store = createBrowserBackupStore({
      name,
      now: () => new Date(Date.UTC(2027, 2, 1, 9, minute++)),
    });
    const first = await store.write({ reason: 'timer', summary: 's', portfolioName: 'A' }, 'Ä');
    const second = await store.write({ reason: 'manual', summary: 's', portfolioName: 'A' }, '{}');
    expect(first).toMatchObject({ at: '2027-03-01T09:00:00.000Z', size: 2, reason: 'timer' });
    expect((await store.list()).map((info) => info.id)).toEqual([second.id, first.id]);
    await expect(store.read(first.id)).resolves.toBe('Ä');
    await store.remove([first.id]);
    await expect(store.read(first.id)).resolves.toBeNull();
    expect((await store.list()).map((info) => info.id)).toEqual([second.id]);
    store.close();
  });
});

describe('files and backups on the desktop', () => {
  it('passes a chosen import file on, and refuses an answer that is not one', async () => {
    const bytes = new Uint8Array([1, 2, 3]);
    const answers: unknown[] = [{ name: 'a.csv', bytes }, null, { name: 'a.csv', bytes: 'abc' }];
    const platform = createElectronPlatform(
      fakeBridge({ openImportFile: vi.fn(async () => answers.shift() as never) }),
    );
    await expect(platform.openImportFile()).resolves.toEqual({ name: 'a.csv', bytes });
    await expect(platform.openImportFile()).resolves.toBeNull();
    await expect(platform.openImportFile()).rejects.toThrow('not a file');
  });

  it("gives main's own message when a file is refused", async () => {
    const platform = createElectronPlatform(
      fakeBridge({
        openImportFile: vi.fn(async () => {
          throw new Error(
            'Error invoking remote method \'app:open-import-file\': Error: "x.docx" is not a file Baton can import',
          );
        }),
      }),
    );
    await expect(platform.openImportFile()).rejects.toThrow(
      /^"x\.docx" is not a file Baton can import$/,
    );
  });

  it('saves an export through main and says where it went', async () => {
    const saveExportFile = vi.fn(async () => ({ path: '/home/ada/Documents/initiatives.csv' }));
    const platform = createElectronPlatform(fakeBridge({ saveExportFile }));
    await expect(platform.saveExportFile('initiatives.csv', 'id\n')).resolves.toEqual({
      location: '/home/ada/Documents/initiatives.csv',
    });
    expect(saveExportFile).toHaveBeenCalledWith({ suggestedName: 'initiatives.csv', data: 'id\n' });
  });

  it("checks main's backups: drops what is not one, and refuses an unconfirmed write", async () => {
    const older = { ...INFO, id: '20270101T000000000Z-00000000', at: '2027-01-01T00:00:00.000Z' };
    const platform = createElectronPlatform(
      fakeBridge({
        listBackups: vi.fn(async () => [older, { ...INFO, id: '../x' }, INFO] as never),
        writeBackup: vi.fn(async () => ({ ok: true }) as never),
        readBackup: vi.fn(async () => 42 as never),
        removeBackups: vi.fn(async () => undefined),
        getInfo: vi.fn(async () => ({
          version: '1',
          platform: 'win32',
          userDataPath: 'C:\\Users\\ada\\AppData\\Roaming\\Baton',
        })),
      }),
    );
    expect((await platform.backups.list()).map((info) => info.id)).toEqual([INFO.id, older.id]);
    await expect(
      platform.backups.write({ reason: 'manual', summary: '', portfolioName: '' }, '{}'),
    ).rejects.toThrow('the desktop app did not confirm the backup');
    await expect(platform.backups.read(INFO.id)).resolves.toBeNull();
    await expect(platform.backupLocation()).resolves.toBe(
      'C:\\Users\\ada\\AppData\\Roaming\\Baton\\backups',
    );
    await expect(platform.storagePersistence()).resolves.toBe('persistent');
    await expect(platform.requestPersistentStorage()).resolves.toBe(true);
  });
});
