/**
 * The audience window: the app's audience view (`#/audience`), what the room sees on a projector
 * in a workshop. With another display it fills that display; with one it opens as a normal window
 * on the main window's display. There is at most one, and it closes with the window that opened
 * it.
 */
import {
  BrowserWindow,
  screen,
  type BrowserWindowConstructorOptions,
  type Display,
  type Rectangle,
} from 'electron';
import {
  AUDIENCE_HASH,
  type AudienceWindowPlace,
  type AudienceWindowResult,
} from '../shared/ipc/contract';
import { APP_ENTRY_URL } from './app-url';
import { secureWebPreferences } from './security';
import { WINDOW_BACKGROUND_COLOR } from './window';

/** The same page as the main window, on the audience view's route. */
export const AUDIENCE_WINDOW_URL = `${APP_ENTRY_URL}${AUDIENCE_HASH}`;

export const AUDIENCE_WINDOW_TITLE = 'Baton — audience';

/** The size of the audience window when there is no other display to fill. */
export const AUDIENCE_WINDOW_SIZE = { width: 1280, height: 800 } as const;

/** Where the audience window goes, in the desktop app. */
export type AudiencePlacement = {
  readonly where: Exclude<AudienceWindowPlace, 'browser-window'>;
  readonly bounds: Rectangle;
  readonly fullScreen: boolean;
};

type DisplayArea = Pick<Display, 'id' | 'bounds' | 'workArea'>;

/**
 * Places the audience window: on the first display other than the main window's, covering it and
 * full screen (the projector); with no other display, a normal window centred on the main
 * window's display, no larger than its work area.
 */
export function placeAudienceWindow(
  displays: readonly DisplayArea[],
  mainDisplay: DisplayArea,
): AudiencePlacement {
  const other = displays.find((display) => display.id !== mainDisplay.id);
  if (other !== undefined) {
    return { where: 'second-display', bounds: { ...other.bounds }, fullScreen: true };
  }
  const area = mainDisplay.workArea;
  const width = Math.min(AUDIENCE_WINDOW_SIZE.width, area.width);
  const height = Math.min(AUDIENCE_WINDOW_SIZE.height, area.height);
  return {
    where: 'this-display',
    bounds: {
      x: area.x + Math.round((area.width - width) / 2),
      y: area.y + Math.round((area.height - height) / 2),
      width,
      height,
    },
    fullScreen: false,
  };
}

/** The audience window's options: the main window's secure web preferences, at `placement`. */
export function audienceWindowOptions(
  preloadPath: string,
  placement: AudiencePlacement,
  options: { readonly devTools: boolean },
): BrowserWindowConstructorOptions {
  return {
    ...placement.bounds,
    title: AUDIENCE_WINDOW_TITLE,
    show: false,
    backgroundColor: WINDOW_BACKGROUND_COLOR,
    // The room sees the view, not the menu bar (Windows, Linux); Alt still shows it.
    autoHideMenuBar: true,
    webPreferences: secureWebPreferences(preloadPath, options),
  };
}

/** The open audience window, if any, and what main does with it. */
export type AudienceWindows = {
  /** Opens the audience window for `owner` (the main window), or brings the open one forward. */
  readonly open: (owner: BrowserWindow) => AudienceWindowResult;
  /** Closes the audience window, if it is open. */
  readonly close: () => void;
};

/** Keeps the one audience window of the app. */
export function createAudienceWindows(options: {
  readonly preloadPath: string;
  readonly devTools: boolean;
}): AudienceWindows {
  let current: { readonly window: BrowserWindow; readonly placement: AudiencePlacement } | null =
    null;

  const close = (): void => {
    const window = current?.window;
    if (window !== undefined && !window.isDestroyed()) window.close();
  };

  const open = (owner: BrowserWindow): AudienceWindowResult => {
    if (current !== null && !current.window.isDestroyed()) {
      const { window, placement } = current;
      if (window.isMinimized()) window.restore();
      window.show();
      window.focus();
      return { ok: true, where: placement.where };
    }

    const placement = placeAudienceWindow(
      screen.getAllDisplays(),
      screen.getDisplayMatching(owner.getBounds()),
    );
    const window = new BrowserWindow(
      audienceWindowOptions(options.preloadPath, placement, { devTools: options.devTools }),
    );
    const opened = { window, placement };
    current = opened;

    // It belongs to the main window: a room should not be left looking at a window nobody drives.
    owner.once('closed', close);
    window.once('closed', () => {
      owner.removeListener('closed', close);
      if (current === opened) current = null;
    });

    window.once('ready-to-show', () => {
      if (placement.fullScreen) {
        // Some systems fit a new window's bounds to the primary display, and full screen fills
        // the display a window is on: so move it onto its display first.
        window.setBounds(placement.bounds);
        window.show();
        window.setFullScreen(true);
      } else {
        window.show();
      }
    });
    window.loadURL(AUDIENCE_WINDOW_URL).catch((error: unknown) => {
      console.error('Could not load the audience view', error);
    });
    return { ok: true, where: placement.where };
  };

  return { open, close };
}
