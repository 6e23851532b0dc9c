import type { EventEmitter } from 'node:events';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => {
  const workArea = { x: 0, y: 0, width: 1920, height: 1040 };
  return {
    created: [] as unknown[],
    focused: null as unknown,
    workArea,
  };
});

vi.mock('electron', async () => {
  const { EventEmitter: Emitter } = await import('node:events');

  class FakeBrowserWindow extends Emitter {
    static fromWebContents(contents: unknown) {
      return (
        (electron.created as FakeBrowserWindow[]).find((w) => w.webContents === contents) ?? null
      );
    }
    static getFocusedWindow() {
      return electron.focused;
    }
    static getAllWindows() {
      return electron.created;
    }
    readonly webContents = { send: vi.fn() };
    readonly loadURL = vi.fn(async () => undefined);
    readonly show = vi.fn();
    readonly focus = vi.fn();
    readonly restore = vi.fn();
    readonly maximize = vi.fn();
    readonly isMinimized = vi.fn(() => false);
    readonly isMaximized = vi.fn(() => false);
    readonly isDestroyed = vi.fn(() => false);
    readonly getNormalBounds = vi.fn(() => ({ x: 10, y: 20, width: 1300, height: 900 }));
    constructor(readonly options: Record<string, unknown>) {
      super();
      electron.created.push(this);
    }
  }

  return {
    BrowserWindow: FakeBrowserWindow,
    screen: {
      getAllDisplays: () => [{ workArea: electron.workArea }],
      getPrimaryDisplay: () => ({ workArea: electron.workArea }),
    },
  };
});

const {
  commandTargetWindow,
  createMainWindow,
  createWindowOptions,
  findAppWindow,
  focusAppWindow,
  WINDOW_BACKGROUND_COLOR,
} = await import('../../electron/window');

type FakeWindow = EventEmitter & {
  options: Record<string, unknown>;
  webContents: object;
  loadURL: ReturnType<typeof vi.fn>;
  show: ReturnType<typeof vi.fn>;
  maximize: ReturnType<typeof vi.fn>;
  focus: ReturnType<typeof vi.fn>;
  restore: ReturnType<typeof vi.fn>;
  isMinimized: ReturnType<typeof vi.fn>;
};

let folder = '';
const preloadPath = '/opt/Baton/resources/app.asar/dist/electron/preload.cjs';

beforeEach(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), 'baton-window-'));
});

afterEach(async () => {
  for (const window of electron.created as FakeWindow[]) window.emit('closed');
  electron.created.length = 0;
  electron.focused = null;
  await rm(folder, { recursive: true, force: true });
});

function openWindow(): FakeWindow {
  createMainWindow({
    preloadPath,
    stateFile: path.join(folder, 'window-state.json'),
    devTools: false,
  });
  return electron.created.at(-1) as FakeWindow;
}

describe('createWindowOptions', () => {
  it('makes a hidden, secure window at the given place', () => {
    const options = createWindowOptions(
      preloadPath,
      { x: 5, y: 6, width: 1280, height: 800, maximized: false },
      { devTools: false },
    );
    expect(options).toMatchObject({
      x: 5,
      y: 6,
      width: 1280,
      height: 800,
      minWidth: 960,
      minHeight: 600,
      show: false,
      backgroundColor: WINDOW_BACKGROUND_COLOR,
      webPreferences: {
        preload: preloadPath,
        devTools: false,
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        webSecurity: true,
      },
    });
  });

  it('offers developer tools only when asked (the app is not packaged)', () => {
    const placement = { x: 0, y: 0, width: 1280, height: 800, maximized: false };
    expect(
      createWindowOptions(preloadPath, placement, { devTools: true }).webPreferences?.devTools,
    ).toBe(true);
    expect(
      createWindowOptions(preloadPath, placement, { devTools: false }).webPreferences?.devTools,
    ).toBe(false);
  });
});

describe('createMainWindow', () => {
  it('opens a secure window with the default size on the app page', () => {
    const window = openWindow();
    expect(window.options).toMatchObject({
      width: 1280,
      height: 800,
      x: 320,
      y: 120,
      show: false,
      webPreferences: {
        preload: preloadPath,
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        webSecurity: true,
      },
    });
    expect(window.loadURL).toHaveBeenCalledWith('app://baton/index.html');
  });

  it('shows the window only when it is ready to paint', () => {
    const window = openWindow();
    expect(window.show).not.toHaveBeenCalled();
    window.emit('ready-to-show');
    expect(window.show).toHaveBeenCalledTimes(1);
    expect(window.maximize).not.toHaveBeenCalled();
  });

  it('reopens where it was, maximized again if it was', async () => {
    await writeFile(
      path.join(folder, 'window-state.json'),
      JSON.stringify({ x: 100, y: 50, width: 1400, height: 900, maximized: true }),
    );
    const window = openWindow();
    expect(window.options).toMatchObject({ x: 100, y: 50, width: 1400, height: 900 });
    window.emit('ready-to-show');
    expect(window.maximize).toHaveBeenCalled();
  });

  it('knows its windows, and forgets them once closed', () => {
    const window = openWindow();
    expect(findAppWindow(window.webContents as never)).toBe(window);
    expect(findAppWindow({} as never)).toBeNull();
    window.emit('closed');
    expect(findAppWindow(window.webContents as never)).toBeNull();
  });
});

describe('command target and focus', () => {
  it('sends menu commands to the focused window, else to the newest one', () => {
    expect(commandTargetWindow()).toBeNull();
    const first = openWindow();
    const second = openWindow();
    expect(commandTargetWindow()).toBe(second);
    electron.focused = first;
    expect(commandTargetWindow()).toBe(first);
  });

  it('brings a minimized window back when a second instance starts', () => {
    const window = openWindow();
    window.isMinimized.mockReturnValue(true);
    focusAppWindow();
    expect(window.restore).toHaveBeenCalled();
    expect(window.focus).toHaveBeenCalled();
  });
});
