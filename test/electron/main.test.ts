import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { afterEach, beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { IPC_CHANNELS, MENU_COMMAND_CHANNEL } from '../../shared/ipc/contract';

type Listener = (...args: unknown[]) => unknown;

const electron = vi.hoisted(() => {
  const state = {
    gotLock: true,
    userData: '',
    appListeners: new Map<string, Listener[]>(),
    ipcHandlers: new Map<string, Listener>(),
    windows: [] as {
      options: Record<string, unknown>;
      webContents: { send: ReturnType<typeof vi.fn>; mainFrame: object };
      emit: (event: string, ...args: unknown[]) => boolean;
      loadURL: ReturnType<typeof vi.fn>;
      focus: ReturnType<typeof vi.fn>;
      close: ReturnType<typeof vi.fn>;
      destroy: ReturnType<typeof vi.fn>;
    }[],
    menus: [] as MenuItemConstructorOptions[][],
    calls: [] as string[],
    mocks: {} as Record<string, ReturnType<typeof vi.fn>>,
  };
  return state;
});

vi.mock('electron', async () => {
  const { EventEmitter } = await import('node:events');
  const record = (name: string, impl: Listener = () => undefined) => {
    const mock = vi.fn((...args: unknown[]) => {
      electron.calls.push(name);
      return impl(...args);
    });
    electron.mocks[name] = mock;
    return mock;
  };

  class FakeBrowserWindow extends EventEmitter {
    static fromWebContents(contents: unknown) {
      return electron.windows.find((window) => window.webContents === contents) ?? null;
    }
    static getFocusedWindow() {
      return electron.windows[0] ?? null;
    }
    static getAllWindows() {
      return electron.windows;
    }
    readonly webContents = {
      send: vi.fn(),
      isCrashed: () => false,
      mainFrame: { url: 'app://baton/index.html', parent: null, frameToken: 't1', processId: 3 },
    };
    readonly loadURL = vi.fn(async () => undefined);
    readonly show = vi.fn();
    readonly focus = vi.fn();
    readonly restore = vi.fn();
    readonly maximize = vi.fn();
    readonly isMinimized = () => false;
    readonly isMaximized = () => false;
    destroyed = false;
    readonly isDestroyed = () => this.destroyed;
    readonly destroy = vi.fn(() => {
      this.destroyed = true;
    });
    readonly getNormalBounds = () => ({ x: 0, y: 0, width: 1280, height: 800 });
    readonly getBounds = () => ({ x: 0, y: 0, width: 1280, height: 800 });
    readonly close = vi.fn(() => this.emit('closed'));
    constructor(readonly options: Record<string, unknown>) {
      super();
      electron.windows.push(this as never);
    }
  }

  const workArea = { x: 0, y: 0, width: 1920, height: 1080 };
  return {
    app: {
      name: 'Baton',
      isPackaged: false,
      on: (event: string, listener: Listener) => {
        electron.appListeners.set(event, [...(electron.appListeners.get(event) ?? []), listener]);
      },
      whenReady: record('app.whenReady', async () => undefined),
      isReady: () => true,
      requestSingleInstanceLock: record('app.requestSingleInstanceLock', () => electron.gotLock),
      quit: record('app.quit'),
      exit: record('app.exit'),
      enableSandbox: record('app.enableSandbox'),
      getPath: (name: string) => path.join(electron.userData, name),
      getVersion: () => '0.1.0',
      addRecentDocument: record('app.addRecentDocument'),
      clearRecentDocuments: record('app.clearRecentDocuments'),
    },
    BrowserWindow: FakeBrowserWindow,
    dialog: {
      showOpenDialog: record('dialog.showOpenDialog'),
      showSaveDialog: record('dialog.showSaveDialog'),
      showErrorBox: record('dialog.showErrorBox'),
    },
    ipcMain: {
      handle: (channel: string, listener: Listener) => electron.ipcHandlers.set(channel, listener),
      removeHandler: (channel: string) => electron.ipcHandlers.delete(channel),
    },
    protocol: {
      registerSchemesAsPrivileged: record('protocol.registerSchemesAsPrivileged'),
      handle: record('protocol.handle'),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: record('session.setPermissionRequestHandler'),
        setPermissionCheckHandler: record('session.setPermissionCheckHandler'),
        setDevicePermissionHandler: record('session.setDevicePermissionHandler'),
      },
    },
    shell: { openExternal: record('shell.openExternal', async () => undefined) },
    screen: {
      getAllDisplays: () => [{ id: 1, bounds: workArea, workArea }],
      getPrimaryDisplay: () => ({ id: 1, bounds: workArea, workArea }),
      getDisplayMatching: () => ({ id: 1, bounds: workArea, workArea }),
    },
    Menu: {
      buildFromTemplate: (template: MenuItemConstructorOptions[]) => {
        electron.menus.push(template);
        return template;
      },
      setApplicationMenu: record('Menu.setApplicationMenu'),
    },
  };
});

/** Imports main afresh and waits until its `whenReady` work has run. */
async function startMain(): Promise<void> {
  vi.resetModules();
  await import('../../electron/main');
  await vi.waitFor(() => {
    if (electron.gotLock) expect(electron.windows.length).toBeGreaterThan(0);
  });
}

function emitApp(event: string, ...args: unknown[]): void {
  for (const listener of electron.appListeners.get(event) ?? []) listener(...args);
}

function findItem(items: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions {
  for (const item of items) {
    if (item.label === label) return item;
    if (Array.isArray(item.submenu)) {
      try {
        return findItem(item.submenu, label);
      } catch {
        // Not in this submenu; keep looking.
      }
    }
  }
  throw new Error(`no menu item ${label}`);
}

beforeEach(async () => {
  vi.clearAllMocks();
  electron.userData = await mkdtemp(path.join(os.tmpdir(), 'baton-main-'));
  electron.gotLock = true;
  electron.appListeners.clear();
  electron.ipcHandlers.clear();
  electron.windows.length = 0;
  electron.menus.length = 0;
  electron.calls.length = 0;
});

afterEach(async () => {
  await rm(electron.userData, { recursive: true, force: true });
});

describe('main process wiring', () => {
  it('declares the app scheme and the sandbox before anything else', async () => {
    await startMain();
    expect(electron.calls.slice(0, 3)).toEqual([
      'protocol.registerSchemesAsPrivileged',
      'app.enableSandbox',
      'app.requestSingleInstanceLock',
    ]);
  });

  it('quits at once when another Baton already runs', async () => {
    electron.gotLock = false;
    await startMain();
    expect(electron.mocks['app.quit']).toHaveBeenCalled();
    expect(electron.mocks['app.whenReady']).not.toHaveBeenCalled();
    expect(electron.ipcHandlers.size).toBe(0);
  });

  it('when ready, serves the app, denies permissions, handles every channel and opens a window', async () => {
    await startMain();
    expect(electron.mocks['protocol.handle']).toHaveBeenCalledWith('app', expect.any(Function));
    expect(electron.mocks['session.setPermissionRequestHandler']).toHaveBeenCalled();
    expect([...electron.ipcHandlers.keys()].sort()).toEqual([...IPC_CHANNELS].sort());
    expect(electron.mocks['Menu.setApplicationMenu']).toHaveBeenCalled();

    const [window] = electron.windows;
    expect(window?.loadURL).toHaveBeenCalledWith('app://baton/index.html');
    const preferences = window?.options.webPreferences as Record<string, unknown>;
    expect(preferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      // Not packaged (a development run): developer tools stay available.
      devTools: true,
    });
    expect(String(preferences.preload)).toMatch(/[\\/]preload\.cjs$/);
  });

  it('guards every web contents the app creates', async () => {
    await startMain();
    const contents = { on: vi.fn(), setWindowOpenHandler: vi.fn() };
    emitApp('web-contents-created', {}, contents);
    expect(contents.setWindowOpenHandler).toHaveBeenCalled();
    expect(contents.on.mock.calls.map(([event]) => event)).toEqual(
      expect.arrayContaining(['will-navigate', 'will-redirect', 'will-attach-webview']),
    );
  });

  it('focuses the existing window when the app is launched again', async () => {
    await startMain();
    emitApp('second-instance', {}, ['baton']);
    expect(electron.windows[0]?.focus).toHaveBeenCalled();
  });

  it('opens a window for a second launch when every window was closed', async () => {
    await startMain();
    electron.windows[0]?.emit('closed');
    emitApp('second-instance', {}, ['baton']);
    expect(electron.windows).toHaveLength(2);
  });

  it('loads the board pack’s hidden print window once the app window is shown, and destroys it with the last app window', async () => {
    await startMain();
    const [main] = electron.windows;
    expect(electron.windows).toHaveLength(1);
    main?.emit('ready-to-show');
    expect(electron.windows).toHaveLength(2);
    const print = electron.windows[1];
    expect(print?.options.show).toBe(false);
    expect(print?.loadURL).toHaveBeenCalledWith('app://baton/pack.html');
    // Shown again (or a second window shown), it opens no second print window.
    main?.emit('ready-to-show');
    expect(electron.windows).toHaveLength(2);

    main?.emit('closed');
    expect(print?.destroy).toHaveBeenCalled();
  });

  it('sends menu commands to the window', async () => {
    await startMain();
    const menu = electron.menus.at(-1) ?? [];
    (findItem(menu, 'New').click as () => void)();
    expect(electron.windows[0]?.webContents.send).toHaveBeenCalledWith(MENU_COMMAND_CHANNEL, {
      type: 'new',
    });
  });

  it("answers app:get-info with the OS account's user name, the default for your name", async () => {
    const userInfo = vi.spyOn(os, 'userInfo').mockReturnValue({
      username: 'ada',
      uid: 1000,
      gid: 1000,
      shell: '/bin/sh',
      homedir: '/home/ada',
    });
    onTestFinished(() => userInfo.mockRestore());
    await startMain();
    const window = electron.windows[0];
    const handler = electron.ipcHandlers.get('app:get-info');
    const event = { sender: window?.webContents, senderFrame: window?.webContents.mainFrame };
    await expect(handler?.(event)).resolves.toEqual({
      version: '0.1.0',
      platform: process.platform,
      userDataPath: path.join(electron.userData, 'userData'),
      userName: 'ada',
    });
  });

  it('answers app:get-info without a user name where the system has none to give', async () => {
    const userInfo = vi.spyOn(os, 'userInfo').mockImplementation(() => {
      throw new Error('uv_os_get_passwd returned ENOENT');
    });
    onTestFinished(() => userInfo.mockRestore());
    await startMain();
    const window = electron.windows[0];
    const handler = electron.ipcHandlers.get('app:get-info');
    const event = { sender: window?.webContents, senderFrame: window?.webContents.mainFrame };
    const info = (await handler?.(event)) as Record<string, unknown>;
    expect(info.version).toBe('0.1.0');
    expect(info.userName).toBeUndefined();
  });

  it('opens a file through IPC and lists it in the rebuilt Open Recent menu', async () => {
    await startMain();
    const file = path.join(electron.userData, 'plan.baton.json');
    await writeFile(file, '{}');
    electron.mocks['dialog.showOpenDialog']?.mockResolvedValue({
      canceled: false,
      filePaths: [file],
    });

    const window = electron.windows[0];
    const handler = electron.ipcHandlers.get('app:open-portfolio');
    const event = { sender: window?.webContents, senderFrame: window?.webContents.mainFrame };
    await expect(handler?.(event)).resolves.toMatchObject({ name: 'plan.baton.json', text: '{}' });

    const recent = findItem(electron.menus.at(-1) ?? [], 'Open Recent');
    expect((recent.submenu as MenuItemConstructorOptions[])[0]?.label).toContain('plan.baton.json');
    expect(electron.mocks['app.addRecentDocument']).toHaveBeenCalledWith(file);
  });

  it('opens the audience window for the main window, with its preload, and closes it with it', async () => {
    await startMain();
    const [main] = electron.windows;
    const event = { sender: main?.webContents, senderFrame: main?.webContents.mainFrame };
    await expect(electron.ipcHandlers.get('app:open-audience-window')?.(event)).resolves.toEqual({
      ok: true,
      where: 'this-display',
    });
    expect(electron.windows).toHaveLength(2);
    const audience = electron.windows[1];
    expect(audience?.loadURL).toHaveBeenCalledWith('app://baton/index.html#/audience');
    expect(audience?.options.webPreferences).toEqual(main?.options.webPreferences);

    // Its page only shows: main refuses its calls.
    const fromAudience = {
      sender: audience?.webContents,
      senderFrame: audience?.webContents.mainFrame,
    };
    const handler = electron.ipcHandlers.get('app:get-info');
    await expect(Promise.resolve().then(() => handler?.(fromAudience))).rejects.toThrow(
      /the sender is not a Baton window/,
    );

    main?.emit('closed');
    expect(audience?.close).toHaveBeenCalled();
  });
});
