/**
 * Creates the Baton window: secure web preferences, the remembered bounds, shown only once the
 * first paint is ready so the user never sees a blank white frame.
 */
import {
  BrowserWindow,
  screen,
  type BrowserWindowConstructorOptions,
  type WebContents,
} from 'electron';
import { APP_ENTRY_URL } from './app-url';
import { secureWebPreferences } from './security';
import {
  MIN_WINDOW_SIZE,
  loadWindowState,
  placeWindowState,
  trackWindowState,
  type PlacedWindowState,
} from './window-state';

/** Painted behind the page until it renders; the renderer's canvas colour, so there is no flash. */
export const WINDOW_BACKGROUND_COLOR = '#f6f7fa';

/** Every main window the app opened and has not closed yet. Menu commands go to these. */
const appWindows = new Set<BrowserWindow>();

/**
 * The options of a Baton window, given where it goes, which preload it runs, and whether it
 * offers developer tools (only when the app is not packaged).
 */
export function createWindowOptions(
  preloadPath: string,
  placement: PlacedWindowState,
  options: { readonly devTools: boolean },
): BrowserWindowConstructorOptions {
  return {
    x: placement.x,
    y: placement.y,
    width: placement.width,
    height: placement.height,
    minWidth: Math.min(MIN_WINDOW_SIZE.width, placement.width),
    minHeight: Math.min(MIN_WINDOW_SIZE.height, placement.height),
    title: 'Baton',
    show: false,
    backgroundColor: WINDOW_BACKGROUND_COLOR,
    webPreferences: secureWebPreferences(preloadPath, options),
  };
}

/** Opens a Baton window on the app's start page and remembers its bounds in `stateFile`. */
export function createMainWindow(options: {
  readonly preloadPath: string;
  readonly stateFile: string;
  readonly devTools: boolean;
}): BrowserWindow {
  const placement = placeWindowState(
    loadWindowState(options.stateFile),
    screen.getAllDisplays().map((display) => display.workArea),
    screen.getPrimaryDisplay().workArea,
  );
  const window = new BrowserWindow(
    createWindowOptions(options.preloadPath, placement, { devTools: options.devTools }),
  );
  appWindows.add(window);
  window.once('ready-to-show', () => {
    if (placement.maximized) window.maximize();
    window.show();
  });
  window.on('closed', () => appWindows.delete(window));
  trackWindowState(window, options.stateFile);
  window.loadURL(APP_ENTRY_URL).catch((error: unknown) => {
    console.error('Could not load the Baton page', error);
  });
  return window;
}

/**
 * The main Baton window showing `contents`, or null when it is not one. IPC is accepted from
 * these only: the audience window only shows, so it may call nothing.
 */
export function findAppWindow(contents: WebContents): BrowserWindow | null {
  const window = BrowserWindow.fromWebContents(contents);
  return window !== null && appWindows.has(window) ? window : null;
}

/** The window menu commands go to: the focused one, else the most recently opened one. */
export function commandTargetWindow(): BrowserWindow | null {
  const focused = BrowserWindow.getFocusedWindow();
  if (focused !== null && appWindows.has(focused)) return focused;
  return [...appWindows].at(-1) ?? null;
}

/** Brings the app's window to the front (a second launch of the app lands here). */
export function focusAppWindow(): void {
  const window = commandTargetWindow();
  if (window === null) return;
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}
