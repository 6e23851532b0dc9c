/**
 * The native menu bar. The template is built by a pure function from the current recent list so
 * it can be tested; commands that change data are sent to the renderer, which asks the user
 * before it replaces anything.
 */
import { Menu, type MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../shared/ipc/contract';

export type MenuActions = {
  /** Sends a command to the focused Baton window. */
  readonly sendCommand: (command: MenuCommand) => void;
  /** Opens the user guide in the browser (through the URL allowlist). */
  readonly openDocs: () => void;
  readonly clearRecent: () => void;
};

export type MenuOptions = {
  readonly platform: NodeJS.Platform;
  readonly appName: string;
  readonly isPackaged: boolean;
  readonly recentFiles: readonly string[];
  /** Shown as `~` in recent file labels. */
  readonly homeDir: string;
  readonly actions: MenuActions;
};

/**
 * The label of a recent file: its full path, with the home folder shortened to `~`. On Windows
 * and Linux `&` marks a keyboard mnemonic in labels, so a literal one is doubled.
 */
export function recentFileLabel(
  filePath: string,
  homeDir: string,
  platform: NodeJS.Platform,
): string {
  const separator = platform === 'win32' ? '\\' : '/';
  const home = homeDir.endsWith(separator) ? homeDir.slice(0, -1) : homeDir;
  const short =
    platform !== 'win32' && home !== '' && filePath.startsWith(home + separator)
      ? `~${filePath.slice(home.length)}`
      : filePath;
  return platform === 'darwin' ? short : short.replaceAll('&', '&&');
}

function recentSubmenu(options: MenuOptions): MenuItemConstructorOptions[] {
  const { recentFiles, actions } = options;
  const entries: MenuItemConstructorOptions[] =
    recentFiles.length === 0
      ? [{ label: 'No Recent Files', enabled: false }]
      : recentFiles.map((filePath, index) => ({
          label: recentFileLabel(filePath, options.homeDir, options.platform),
          click: () => actions.sendCommand({ type: 'open-recent', index }),
        }));
  return [
    ...entries,
    { type: 'separator' },
    { label: 'Clear Recent', enabled: recentFiles.length > 0, click: actions.clearRecent },
  ];
}

/** The whole menu bar for the given platform and recent list. */
export function buildMenuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const { actions, appName } = options;
  const isMac = options.platform === 'darwin';
  const about: MenuItemConstructorOptions = {
    label: `About ${appName}`,
    click: () => actions.sendCommand({ type: 'about' }),
  };
  // macOS keeps it in the app menu (named Settings since macOS 13, Preferences before), others
  // in File; the same shortcut everywhere.
  const settings: MenuItemConstructorOptions = {
    label: 'Settings…',
    accelerator: 'CmdOrCtrl+,',
    click: () => actions.sendCommand({ type: 'settings' }),
  };

  const appMenu: MenuItemConstructorOptions = {
    label: appName,
    submenu: [
      about,
      { type: 'separator' },
      settings,
      { type: 'separator' },
      { role: 'services' },
      { type: 'separator' },
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      { type: 'separator' },
      { role: 'quit' },
    ],
  };

  const fileMenu: MenuItemConstructorOptions = {
    label: 'File',
    submenu: [
      {
        label: 'New',
        accelerator: 'CmdOrCtrl+N',
        click: () => actions.sendCommand({ type: 'new' }),
      },
      {
        label: 'Open…',
        accelerator: 'CmdOrCtrl+O',
        click: () => actions.sendCommand({ type: 'open' }),
      },
      { label: 'Open Recent', submenu: recentSubmenu(options) },
      {
        label: 'Save As…',
        accelerator: 'CmdOrCtrl+Shift+S',
        click: () => actions.sendCommand({ type: 'save-as' }),
      },
      { type: 'separator' },
      // No shortcuts: Ctrl+I and Ctrl+E belong to text fields and browsers' own keys.
      { label: 'Import…', click: () => actions.sendCommand({ type: 'import' }) },
      { label: 'Export…', click: () => actions.sendCommand({ type: 'export' }) },
      ...(isMac ? [] : [{ type: 'separator' } as const, settings]),
      { type: 'separator' },
      // On macOS Quit lives in the app menu; File ends with closing the window there.
      isMac ? { role: 'close' } : { role: 'quit' },
    ],
  };

  const editMenu: MenuItemConstructorOptions = {
    label: 'Edit',
    submenu: [
      // The renderer owns undo history and listens for these keys itself; registering the
      // accelerators here as well would undo twice per key press.
      {
        label: 'Undo',
        accelerator: 'CmdOrCtrl+Z',
        registerAccelerator: false,
        click: () => actions.sendCommand({ type: 'undo' }),
      },
      {
        label: 'Redo',
        accelerator: 'CmdOrCtrl+Shift+Z',
        registerAccelerator: false,
        click: () => actions.sendCommand({ type: 'redo' }),
      },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
    ],
  };

  const viewMenu: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [
      { role: 'reload' },
      // Developer tools in a shipped build would let anyone run code with the page's bridge.
      ...(options.isPackaged ? [] : [{ role: 'toggleDevTools' } as const]),
      { type: 'separator' },
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  };

  const helpMenu: MenuItemConstructorOptions = {
    role: 'help',
    submenu: [
      { label: `${appName} Documentation`, click: actions.openDocs },
      ...(isMac ? [] : [{ type: 'separator' } as const, about]),
    ],
  };

  return [
    ...(isMac ? [appMenu] : []),
    fileMenu,
    editMenu,
    viewMenu,
    ...(isMac ? [{ role: 'windowMenu' } as const] : []),
    helpMenu,
  ];
}

/** Builds the menu and makes it the application menu; called again when the recent list changes. */
export function installApplicationMenu(options: MenuOptions): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate(options)));
}
