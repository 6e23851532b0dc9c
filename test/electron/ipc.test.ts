import type { BrowserWindow, IpcMainInvokeEvent, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { IPC_CHANNELS } from '../../shared/ipc/contract';
import { registerHandlers, type IpcHandlers } from '../../electron/ipc';

type Listener = (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown;

function fakeIpcMain() {
  const listeners = new Map<string, Listener>();
  return {
    listeners,
    handle: vi.fn((channel: string, listener: Listener) => {
      listeners.set(channel, listener);
    }),
    removeHandler: vi.fn((channel: string) => {
      listeners.delete(channel);
    }),
    /** Calls a channel the way `ipcRenderer.invoke` would reach it. */
    invoke: async (channel: string, event: IpcMainInvokeEvent, ...args: unknown[]) => {
      const listener = listeners.get(channel);
      if (listener === undefined) throw new Error(`nothing handles ${channel}`);
      return listener(event, ...args);
    },
  };
}

type FrameShape = { url: string; parent: object | null; frameToken: string; processId: number };

const window = { id: 1 } as unknown as BrowserWindow;

/** An invoke event from a page; by default the main frame of one of our windows on the app. */
function fakeEvent(
  options: { frame?: Partial<FrameShape> | null; mainFrame?: Partial<FrameShape> } = {},
) {
  const mainFrame: FrameShape = {
    url: 'app://baton/index.html',
    parent: null,
    frameToken: 'main-token',
    processId: 7,
    ...options.mainFrame,
  };
  const sender = { id: 11, mainFrame } as unknown as WebContents;
  const senderFrame = options.frame === null ? null : { ...mainFrame, ...options.frame };
  return { sender, senderFrame } as unknown as IpcMainInvokeEvent;
}

const BACKUP_ID = '20270301T091500000Z-0a1b2c3d';
const BACKUP = {
  id: BACKUP_ID,
  at: '2027-03-01T09:15:00.000Z',
  size: 2,
  reason: 'manual',
  summary: 'Acme · 1 initiative · 0 teams · 0 scenarios',
  portfolioName: 'Acme',
} as const;

function spyHandlers() {
  return {
    'app:open-portfolio': vi.fn(async () => null),
    'app:open-recent': vi.fn(async () => null),
    'app:list-recent': vi.fn(async () => ['/home/ada/plan.baton.json']),
    'app:save-portfolio': vi.fn(async () => ({ path: '/home/ada/plan.baton.json' })),
    'app:export-pack': vi.fn(async () => ({ path: '/home/ada/board-pack.pdf' })),
    'app:open-external': vi.fn(async () => true),
    'app:get-info': vi.fn(async () => ({
      version: '0.1.0',
      platform: 'linux',
      userDataPath: '/u',
    })),
    'app:open-audience-window': vi.fn(async () => ({ ok: true, where: 'second-display' }) as const),
    'app:close-audience-window': vi.fn(async () => undefined),
    'app:open-import-file': vi.fn(async () => null),
    'app:save-export-file': vi.fn(async () => ({ path: '/home/ada/initiatives.csv' })),
    'app:list-backups': vi.fn(async () => []),
    'app:write-backup': vi.fn(async () => BACKUP),
    'app:read-backup': vi.fn(async () => '{}'),
    'app:remove-backups': vi.fn(async () => undefined),
  } satisfies IpcHandlers;
}

function setUp(findWindow: (sender: WebContents) => BrowserWindow | null = () => window) {
  const ipcMain = fakeIpcMain();
  const handlers = spyHandlers();
  const unregister = registerHandlers(ipcMain, handlers, findWindow);
  return { ipcMain, handlers, unregister };
}

describe('registerHandlers', () => {
  it('registers exactly the channels of the contract, and removes them again', () => {
    const { ipcMain, unregister } = setUp();
    expect([...ipcMain.listeners.keys()].sort()).toEqual([...IPC_CHANNELS].sort());
    unregister();
    expect(ipcMain.listeners.size).toBe(0);
  });

  it('passes a valid request and the sender window to the handler', async () => {
    const { ipcMain, handlers } = setUp();
    const answer = await ipcMain.invoke('app:open-recent', fakeEvent(), { index: 2 });
    expect(answer).toBeNull();
    expect(handlers['app:open-recent']).toHaveBeenCalledWith({ index: 2 }, { window });
  });

  it('passes only the parsed fields on', async () => {
    const { ipcMain, handlers } = setUp();
    await ipcMain.invoke('app:open-external', fakeEvent(), {
      url: 'https://docs.baton.app/',
      extra: 'ignored',
    });
    expect(handlers['app:open-external']).toHaveBeenCalledWith(
      { url: 'https://docs.baton.app/' },
      { window },
    );
  });

  it('accepts a call without payload on a channel that takes none', async () => {
    const { ipcMain, handlers } = setUp();
    await expect(ipcMain.invoke('app:list-recent', fakeEvent())).resolves.toEqual([
      '/home/ada/plan.baton.json',
    ]);
    expect(handlers['app:list-recent']).toHaveBeenCalledWith(null, { window });
  });
});

describe('sender validation', () => {
  it.each([
    ['a page on another origin', fakeEvent({ frame: { url: 'https://evil.example/' } })],
    ['a file: page', fakeEvent({ frame: { url: 'file:///tmp/index.html' } })],
    ['another host on our scheme', fakeEvent({ frame: { url: 'app://evil/index.html' } })],
    [
      'a subframe, even one showing the app',
      fakeEvent({ frame: { parent: {}, frameToken: 'child-token' } }),
    ],
    ['a frame that is not the main frame', fakeEvent({ frame: { frameToken: 'other' } })],
    ['a frame of another renderer process', fakeEvent({ frame: { processId: 99 } })],
    ['a frame that has gone away', fakeEvent({ frame: null })],
  ])('refuses %s without calling the handler', async (_name, event) => {
    const { ipcMain, handlers } = setUp();
    await expect(
      ipcMain.invoke('app:save-portfolio', event, { suggestedName: 'a.json', text: '{}' }),
    ).rejects.toThrow(/app:save-portfolio refused/);
    expect(handlers['app:save-portfolio']).not.toHaveBeenCalled();
  });

  it('refuses a page that is not in one of our windows', async () => {
    const { ipcMain, handlers } = setUp(() => null);
    await expect(ipcMain.invoke('app:get-info', fakeEvent())).rejects.toThrow(
      'app:get-info refused: the sender is not a Baton window',
    );
    expect(handlers['app:get-info']).not.toHaveBeenCalled();
  });

  it('checks the sender on every channel', async () => {
    const { ipcMain, handlers } = setUp();
    const event = fakeEvent({ frame: { url: 'https://evil.example/' } });
    for (const channel of IPC_CHANNELS) {
      await expect(ipcMain.invoke(channel, event)).rejects.toThrow(`${channel} refused`);
      expect(handlers[channel]).not.toHaveBeenCalled();
    }
  });
});

describe('payload validation', () => {
  it.each([
    ['app:open-recent', { index: -1 }],
    ['app:open-recent', { index: 1.5 }],
    ['app:open-recent', { index: '0' }],
    ['app:open-recent', null],
    ['app:save-portfolio', { suggestedName: '../../.bashrc', text: 'x' }],
    ['app:save-portfolio', { suggestedName: '', text: 'x' }],
    ['app:save-portfolio', { suggestedName: 'plan.json', text: 42 }],
    ['app:open-external', { url: 42 }],
    ['app:open-external', 'https://docs.baton.app/'],
    ['app:open-portfolio', { path: '/etc/passwd' }],
    ['app:get-info', 'hello'],
    ['app:open-audience-window', { url: 'https://evil.example/' }],
    ['app:close-audience-window', 0],
    ['app:open-import-file', { path: '/etc/passwd' }],
    ['app:list-backups', { folder: '/' }],
    ['app:save-export-file', { suggestedName: '../initiatives.csv', data: 'x' }],
    ['app:save-export-file', { suggestedName: 'initiatives.exe', data: 'x' }],
    ['app:save-export-file', { suggestedName: 'initiatives.csv', data: 42 }],
    ['app:save-export-file', { suggestedName: 'initiatives.csv', data: [1, 2] }],
    ['app:save-export-file', { suggestedName: 'initiatives.csv' }],
    ['app:read-backup', { id: '../../.ssh/id_rsa' }],
    ['app:read-backup', { id: `${BACKUP_ID}/../x` }],
    ['app:read-backup', { id: 42 }],
    ['app:read-backup', null],
    ['app:remove-backups', { ids: BACKUP_ID }],
    ['app:remove-backups', { ids: [BACKUP_ID, '..'] }],
    ['app:remove-backups', { ids: ['C:\\Windows'] }],
    ['app:write-backup', { meta: { reason: 'manual', summary: 's', portfolioName: 'p' } }],
    [
      'app:write-backup',
      { meta: { reason: 'whenever', summary: 's', portfolioName: 'p' }, text: '' },
    ],
    ['app:write-backup', { meta: { reason: 'manual', summary: 7, portfolioName: 'p' }, text: '' }],
    [
      'app:write-backup',
      { meta: { reason: 'manual', summary: 'x'.repeat(501), portfolioName: 'p' }, text: '' },
    ],
    ['app:write-backup', { text: '{}' }],
  ] as const)('refuses %s with %j and does nothing', async (channel, payload) => {
    const { ipcMain, handlers } = setUp();
    await expect(ipcMain.invoke(channel, fakeEvent(), payload)).rejects.toThrow(
      new RegExp(`^${channel} refused: invalid request: .+`),
    );
    expect(handlers[channel]).not.toHaveBeenCalled();
  });

  it('refuses extra arguments', async () => {
    const { ipcMain, handlers } = setUp();
    await expect(
      ipcMain.invoke('app:open-recent', fakeEvent(), { index: 0 }, '/etc/passwd'),
    ).rejects.toThrow('app:open-recent refused: expected at most one argument');
    expect(handlers['app:open-recent']).not.toHaveBeenCalled();
  });
});

describe('the import, export and backup payloads', () => {
  it('passes an export of text or bytes on as it came', async () => {
    const { ipcMain, handlers } = setUp();
    const bytes = new Uint8Array([0x50, 0x4b, 3, 4]);
    await ipcMain.invoke('app:save-export-file', fakeEvent(), {
      suggestedName: 'Portfolio.XLSX',
      data: bytes,
    });
    await ipcMain.invoke('app:save-export-file', fakeEvent(), {
      suggestedName: 'initiatives.csv',
      data: 'id,name\n',
    });
    expect(handlers['app:save-export-file'].mock.calls).toEqual([
      [{ suggestedName: 'Portfolio.XLSX', data: bytes }, { window }],
      [{ suggestedName: 'initiatives.csv', data: 'id,name\n' }, { window }],
    ]);
  });

  it('passes a backup on with only the fields it knows', async () => {
    const { ipcMain, handlers } = setUp();
    const meta = {
      reason: 'before-import',
      summary: 'Acme · 3 initiatives',
      portfolioName: 'Acme',
    };
    await ipcMain.invoke('app:write-backup', fakeEvent(), {
      meta: { ...meta, path: '/etc' },
      text: '{}',
      id: '../x',
    });
    expect(handlers['app:write-backup']).toHaveBeenCalledWith({ meta, text: '{}' }, { window });
    await ipcMain.invoke('app:remove-backups', fakeEvent(), { ids: [BACKUP_ID] });
    expect(handlers['app:remove-backups']).toHaveBeenCalledWith({ ids: [BACKUP_ID] }, { window });
    await expect(ipcMain.invoke('app:read-backup', fakeEvent(), { id: BACKUP_ID })).resolves.toBe(
      '{}',
    );
  });

  it('names the field that is wrong', async () => {
    const { ipcMain } = setUp();
    await expect(
      ipcMain.invoke('app:remove-backups', fakeEvent(), { ids: [BACKUP_ID, 'x'] }),
    ).rejects.toThrow('app:remove-backups refused: invalid request: ids[1]: expected a backup id');
    await expect(
      ipcMain.invoke('app:write-backup', fakeEvent(), {
        meta: { reason: 'later', summary: '', portfolioName: '' },
        text: '',
      }),
    ).rejects.toThrow(/meta\.reason: expected one of timer, before-import/);
  });
});

describe('app:export-pack payload', () => {
  const input = { portfolio: { name: 'Corvane' }, settings: { title: 'Board pack' } };

  it('passes the name and the input on, without looking deeper into the input', async () => {
    const { ipcMain, handlers } = setUp();
    const request = { suggestedName: 'Board pack Q3.PDF', input: { ...input, analysis: 7 } };
    await expect(ipcMain.invoke('app:export-pack', fakeEvent(), request)).resolves.toEqual({
      path: '/home/ada/board-pack.pdf',
    });
    expect(handlers['app:export-pack']).toHaveBeenCalledWith(request, { window });
  });

  it.each([
    [{ suggestedName: '', input }, 'suggestedName: expected a file name of 1 to 255 characters'],
    [{ suggestedName: 42, input }, 'suggestedName: expected a file name of 1 to 255 characters'],
    [
      { suggestedName: `${'a'.repeat(252)}.pdf`, input },
      'suggestedName: expected a file name of 1 to 255 characters',
    ],
    [{ suggestedName: 'pack.json', input }, 'suggestedName: expected a file name ending in .pdf'],
    [
      { suggestedName: 'pack.pdf.exe', input },
      'suggestedName: expected a file name ending in .pdf',
    ],
    [
      { suggestedName: '../pack.pdf', input },
      'suggestedName: expected a file name without folders',
    ],
    [
      { suggestedName: 'C:\\Users\\pack.pdf', input },
      'suggestedName: expected a file name without folders',
    ],
    [{ suggestedName: 'pack.pdf' }, 'input.portfolio: expected an object'],
    [{ suggestedName: 'pack.pdf', input: [] }, 'input.portfolio: expected an object'],
    [{ suggestedName: 'pack.pdf', input: { settings: {} } }, 'input.portfolio: expected an object'],
    [
      { suggestedName: 'pack.pdf', input: { portfolio: [], settings: {} } },
      'input.portfolio: expected an object',
    ],
    [
      { suggestedName: 'pack.pdf', input: { portfolio: new Map(), settings: {} } },
      'input.portfolio: expected an object',
    ],
    [{ suggestedName: 'pack.pdf', input: { portfolio: {} } }, 'input.settings: expected an object'],
    [
      { suggestedName: 'pack.pdf', input: { portfolio: {}, settings: 'A4' } },
      'input.settings: expected an object',
    ],
  ])('refuses %j: %s', async (payload, message) => {
    const { ipcMain, handlers } = setUp();
    await expect(ipcMain.invoke('app:export-pack', fakeEvent(), payload)).rejects.toThrow(
      `app:export-pack refused: invalid request: ${message}`,
    );
    expect(handlers['app:export-pack']).not.toHaveBeenCalled();
  });

  it('refuses a payload it cannot read as JSON', async () => {
    const { ipcMain, handlers } = setUp();
    const portfolio: Record<string, unknown> = { name: 'Corvane' };
    portfolio.self = portfolio;
    await expect(
      ipcMain.invoke('app:export-pack', fakeEvent(), {
        suggestedName: 'pack.pdf',
        input: { portfolio, settings: {} },
      }),
    ).rejects.toThrow('input: expected JSON data of at most 50 MB');
    expect(handlers['app:export-pack']).not.toHaveBeenCalled();
  });

  it('refuses an input whose JSON is over 50 MB', async () => {
    const { ipcMain, handlers } = setUp();
    const logo = { name: 'logo.png', dataUrl: 'x'.repeat(50 * 1024 * 1024) };
    await expect(
      ipcMain.invoke('app:export-pack', fakeEvent(), {
        suggestedName: 'pack.pdf',
        input: { portfolio: {}, settings: { logo } },
      }),
    ).rejects.toThrow(
      'app:export-pack refused: invalid request: input: expected JSON data of at most 50 MB',
    );
    expect(handlers['app:export-pack']).not.toHaveBeenCalled();
  });
});
