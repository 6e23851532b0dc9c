import type { BrowserWindow } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { createIpcHandlers } from '../../electron/handlers';
import { createRecentFilesStore } from '../../electron/recent-files';
import type { BackupMeta } from '../../shared/backup/types';

const window = { id: 1 } as unknown as BrowserWindow;

function setUp() {
  const openExternal = vi.fn(async () => undefined);
  const audienceWindows = {
    open: vi.fn(() => ({ ok: true, where: 'second-display' }) as const),
    close: vi.fn(),
  };
  const backups = {
    list: vi.fn(async () => []),
    write: vi.fn(async (meta: BackupMeta, text: string) => ({
      ...meta,
      id: '20270301T091500000Z-0a1b2c3d',
      at: '2027-03-01T09:15:00.000Z',
      size: text.length,
    })),
    read: vi.fn(async () => '{"name":"Acme"}'),
    remove: vi.fn(async () => undefined),
  };
  const handlers = createIpcHandlers({
    dialog: { showOpenDialog: vi.fn(), showSaveDialog: vi.fn() } as never,
    recent: createRecentFilesStore({
      storeFile: '/nonexistent/recent-files.json',
      initial: [],
      onChange: () => undefined,
    }),
    documentsDir: () => '/home/ada/Documents',
    addRecentDocument: vi.fn(),
    createWindow: vi.fn(),
    openExternal,
    appInfo: () => ({
      version: '0.1.0',
      platform: 'linux',
      userDataPath: '/home/ada/.config/Baton',
      userName: 'ada',
    }),
    audienceWindows,
    backups,
  });
  return { handlers, openExternal, audienceWindows, backups };
}

describe('app:open-external', () => {
  it('opens an allowlisted link in the browser', async () => {
    const { handlers, openExternal } = setUp();
    await expect(
      handlers['app:open-external']({ url: 'https://docs.baton.app/guide' }, { window }),
    ).resolves.toBe(true);
    expect(openExternal).toHaveBeenCalledWith('https://docs.baton.app/guide');
  });

  it.each(['https://example.com/', 'file:///etc/passwd', 'http://docs.baton.app/'])(
    'refuses %s without opening anything',
    async (url) => {
      const { handlers, openExternal } = setUp();
      await expect(handlers['app:open-external']({ url }, { window })).resolves.toBe(false);
      expect(openExternal).not.toHaveBeenCalled();
    },
  );
});

describe('app:get-info', () => {
  it("reports version, platform, the user-data folder and the OS account's name", async () => {
    const { handlers } = setUp();
    await expect(handlers['app:get-info'](null, { window })).resolves.toEqual({
      version: '0.1.0',
      platform: 'linux',
      userDataPath: '/home/ada/.config/Baton',
      userName: 'ada',
    });
  });
});

describe('the audience window channels', () => {
  it('opens the audience window for the window that asked, and says where it went', async () => {
    const { handlers, audienceWindows } = setUp();
    await expect(handlers['app:open-audience-window'](null, { window })).resolves.toEqual({
      ok: true,
      where: 'second-display',
    });
    expect(audienceWindows.open).toHaveBeenCalledWith(window);
  });

  it('closes it', async () => {
    const { handlers, audienceWindows } = setUp();
    await expect(handlers['app:close-audience-window'](null, { window })).resolves.toBeUndefined();
    expect(audienceWindows.close).toHaveBeenCalledTimes(1);
  });
});

describe('the backup channels', () => {
  it('go to the backup store, one call each', async () => {
    const { handlers, backups } = setUp();
    const meta = { reason: 'manual', summary: 'Acme', portfolioName: 'Acme' } as const;
    await expect(handlers['app:write-backup']({ meta, text: '{}' }, { window })).resolves.toEqual({
      ...meta,
      id: '20270301T091500000Z-0a1b2c3d',
      at: '2027-03-01T09:15:00.000Z',
      size: 2,
    });
    expect(backups.write).toHaveBeenCalledWith(meta, '{}');
    await expect(handlers['app:list-backups'](null, { window })).resolves.toEqual([]);
    await expect(
      handlers['app:read-backup']({ id: '20270301T091500000Z-0a1b2c3d' }, { window }),
    ).resolves.toBe('{"name":"Acme"}');
    await handlers['app:remove-backups']({ ids: ['20270301T091500000Z-0a1b2c3d'] }, { window });
    expect(backups.remove).toHaveBeenCalledWith(['20270301T091500000Z-0a1b2c3d']);
  });
});
