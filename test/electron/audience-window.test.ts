import { EventEmitter } from 'node:events';
import type { BrowserWindow, Rectangle } from 'electron';
import { afterEach, describe, expect, it, vi, type Mock } from 'vitest';

type FakeDisplay = { id: number; bounds: Rectangle; workArea: Rectangle };

const electron = vi.hoisted(() => ({
  created: [] as unknown[],
  displays: [] as FakeDisplay[],
}));

vi.mock('electron', async () => {
  const { EventEmitter: Emitter } = await import('node:events');

  class FakeBrowserWindow extends Emitter {
    static fromWebContents(contents: unknown) {
      return (
        (electron.created as FakeBrowserWindow[]).find((w) => w.webContents === contents) ?? null
      );
    }
    static getFocusedWindow() {
      return null;
    }
    destroyed = false;
    readonly webContents = {};
    readonly loadURL = vi.fn(async () => undefined);
    readonly show = vi.fn();
    readonly focus = vi.fn();
    readonly restore = vi.fn();
    readonly setBounds = vi.fn();
    readonly setFullScreen = vi.fn();
    readonly isMinimized = vi.fn(() => false);
    readonly isDestroyed = vi.fn(() => this.destroyed);
    readonly close = vi.fn(() => {
      if (this.destroyed) return;
      this.destroyed = true;
      this.emit('closed');
    });
    constructor(readonly options: Record<string, unknown>) {
      super();
      electron.created.push(this);
    }
  }

  const contains = (area: Rectangle, x: number, y: number) =>
    x >= area.x && x < area.x + area.width && y >= area.y && y < area.y + area.height;

  return {
    BrowserWindow: FakeBrowserWindow,
    screen: {
      getAllDisplays: () => electron.displays,
      getPrimaryDisplay: () => electron.displays[0],
      // The display with the centre of `rect` (Electron picks the one it overlaps most).
      getDisplayMatching: (rect: Rectangle) =>
        electron.displays.find((display) =>
          contains(display.bounds, rect.x + rect.width / 2, rect.y + rect.height / 2),
        ) ?? electron.displays[0],
    },
  };
});

const { AUDIENCE_WINDOW_URL, createAudienceWindows } =
  await import('../../electron/audience-window');
const { commandTargetWindow, createWindowOptions, findAppWindow } =
  await import('../../electron/window');
const { isAppUrl } = await import('../../electron/app-url');

type FakeWindow = EventEmitter & {
  destroyed: boolean;
  options: Record<string, unknown>;
  webContents: object;
  loadURL: ReturnType<typeof vi.fn>;
  show: ReturnType<typeof vi.fn>;
  focus: ReturnType<typeof vi.fn>;
  restore: ReturnType<typeof vi.fn>;
  setBounds: ReturnType<typeof vi.fn>;
  setFullScreen: ReturnType<typeof vi.fn>;
  isMinimized: ReturnType<typeof vi.fn>;
  close: Mock<() => void>;
};

const preloadPath = '/opt/Baton/resources/app.asar/dist/electron/preload.cjs';

const LAPTOP: FakeDisplay = {
  id: 1,
  bounds: { x: 0, y: 0, width: 1920, height: 1080 },
  workArea: { x: 0, y: 0, width: 1920, height: 1040 },
};
const PROJECTOR: FakeDisplay = {
  id: 2,
  bounds: { x: 1920, y: -100, width: 1280, height: 720 },
  workArea: { x: 1920, y: -100, width: 1280, height: 720 },
};

/** The main window: only what the audience window asks of it. */
function mainWindowAt(bounds: Rectangle) {
  return Object.assign(new EventEmitter(), { getBounds: () => bounds });
}

function setUp(
  displays: FakeDisplay[],
  mainBounds: Rectangle = { x: 300, y: 100, ...size(1280, 800) },
) {
  electron.displays = displays;
  const owner = mainWindowAt(mainBounds);
  const audience = createAudienceWindows({ preloadPath, devTools: false });
  const open = () => audience.open(owner as unknown as BrowserWindow);
  return { owner, audience, open };
}

function size(width: number, height: number) {
  return { width, height };
}

function created(): FakeWindow[] {
  return electron.created as FakeWindow[];
}

afterEach(() => {
  for (const window of created()) window.close();
  electron.created.length = 0;
});

describe('with a second display (a projector)', () => {
  it('covers the other display and goes full screen there once ready', () => {
    const { open } = setUp([LAPTOP, PROJECTOR]);
    expect(open()).toEqual({ ok: true, where: 'second-display' });

    const [window] = created();
    expect(window?.options).toMatchObject({ ...PROJECTOR.bounds, show: false });
    expect(window?.setFullScreen).not.toHaveBeenCalled();
    window?.emit('ready-to-show');
    expect(window?.setBounds).toHaveBeenCalledWith(PROJECTOR.bounds);
    expect(window?.show).toHaveBeenCalled();
    expect(window?.setFullScreen).toHaveBeenCalledWith(true);
  });

  it('uses the display the main window is not on, even when that is the primary one', () => {
    const { open } = setUp([LAPTOP, PROJECTOR], { x: 2000, y: 0, ...size(1000, 600) });
    expect(open()).toEqual({ ok: true, where: 'second-display' });
    expect(created()[0]?.options).toMatchObject(LAPTOP.bounds);
  });
});

describe('with one display', () => {
  it('opens a normal 1280 by 800 window, centred on it', () => {
    const { open } = setUp([LAPTOP]);
    expect(open()).toEqual({ ok: true, where: 'this-display' });

    const [window] = created();
    expect(window?.options).toMatchObject({ x: 320, y: 120, width: 1280, height: 800 });
    window?.emit('ready-to-show');
    expect(window?.show).toHaveBeenCalled();
    expect(window?.setFullScreen).not.toHaveBeenCalled();
  });

  it('fits a display smaller than that', () => {
    const small: FakeDisplay = {
      id: 7,
      bounds: { x: 0, y: 0, width: 1024, height: 768 },
      workArea: { x: 0, y: 0, width: 1024, height: 728 },
    };
    const { open } = setUp([small], { x: 0, y: 0, ...size(1000, 700) });
    open();
    expect(created()[0]?.options).toMatchObject({ x: 0, y: 0, width: 1024, height: 728 });
  });
});

describe('the page', () => {
  it("loads the main window's page on the audience route, titled for the room", () => {
    const { open } = setUp([LAPTOP]);
    open();
    const [window] = created();
    expect(window?.loadURL).toHaveBeenCalledTimes(1);
    const url = String(window?.loadURL.mock.calls[0]?.[0]);
    expect(url).toBe('app://baton/index.html#/audience');
    expect(url).toBe(AUDIENCE_WINDOW_URL);
    expect(url.endsWith('#/audience')).toBe(true);
    // So the navigation guard every web contents gets keeps it on the app.
    expect(isAppUrl(url)).toBe(true);
    expect(window?.options.title).toBe('Baton — audience');
  });

  it("has the main window's secure web preferences, preload included", () => {
    const { open } = setUp([LAPTOP, PROJECTOR]);
    open();
    const preferences = created()[0]?.options.webPreferences;
    const placement = { x: 0, y: 0, width: 1280, height: 800, maximized: false };
    expect(preferences).toEqual(
      createWindowOptions(preloadPath, placement, { devTools: false }).webPreferences,
    );
    expect(preferences).toMatchObject({
      preload: preloadPath,
      devTools: false,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    });
    // The default session, whose permissions main denies: no partition of its own.
    expect(preferences).not.toHaveProperty('partition');
    expect(preferences).not.toHaveProperty('session');
  });

  it('may call nothing in main, and gets no menu commands: it only shows', () => {
    const { open } = setUp([LAPTOP]);
    open();
    const [window] = created();
    expect(findAppWindow(window?.webContents as never)).toBeNull();
    expect(commandTargetWindow()).toBeNull();
  });
});

describe('only one audience window', () => {
  it('brings the open one to the front instead of opening another', () => {
    const { open } = setUp([LAPTOP, PROJECTOR]);
    open();
    const [window] = created();
    window?.isMinimized.mockReturnValue(true);

    expect(open()).toEqual({ ok: true, where: 'second-display' });
    expect(created()).toHaveLength(1);
    expect(window?.restore).toHaveBeenCalled();
    expect(window?.focus).toHaveBeenCalled();
  });

  it('opens a new one once the user has closed it', () => {
    const { open, owner } = setUp([LAPTOP]);
    open();
    created()[0]?.close();
    expect(owner.listenerCount('closed')).toBe(0);
    open();
    expect(created()).toHaveLength(2);
    expect(created()[1]?.destroyed).toBe(false);
  });
});

describe('closing', () => {
  it('closes with the main window', () => {
    const { open, owner } = setUp([LAPTOP, PROJECTOR]);
    open();
    const [window] = created();
    owner.emit('closed');
    expect(window?.close).toHaveBeenCalled();
    expect(window?.destroyed).toBe(true);
  });

  it('closes when asked, and asking again (or with none open) does nothing', () => {
    const { audience, open } = setUp([LAPTOP]);
    audience.close();
    open();
    const [window] = created();
    audience.close();
    audience.close();
    expect(window?.close).toHaveBeenCalledTimes(1);
    expect(window?.destroyed).toBe(true);
    open();
    expect(created()).toHaveLength(2);
  });
});
