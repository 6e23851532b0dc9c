/**
 * The entry of the main process: wiring only. Each concern lives in its own module; this file
 * connects them to Electron's lifecycle.
 */
import os from 'node:os';
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, protocol, session, shell } from 'electron';
import { MENU_COMMAND_CHANNEL, type MenuCommand } from '../shared/ipc/contract';
import { createAudienceWindows } from './audience-window';
import { BACKUP_FOLDER_NAME, createBackupFiles } from './backups';
import { storeEditsBeforeClose } from './close-guard';
import { createIpcHandlers } from './handlers';
import { registerHandlers } from './ipc';
import { installApplicationMenu } from './menu';
import { osUserName } from './os-user';
import { createPackPrinter } from './pack-export';
import { handleAppProtocol, registerAppScheme } from './protocol';
import { createRecentFilesStore, loadRecentFiles, type RecentFilesStore } from './recent-files';
import { denyAllPermissions, hardenWebContents } from './security';
import { DOCS_URL, toTrustedExternalUrl } from './trusted-url';
import { commandTargetWindow, createMainWindow, findAppWindow, focusAppWindow } from './window';

const RENDERER_DIR = path.join(__dirname, '../renderer');
const PRELOAD_PATH = path.join(__dirname, 'preload.cjs');

function openTrustedUrl(url: string): void {
  const trusted = toTrustedExternalUrl(url);
  if (trusted === null) return;
  shell.openExternal(trusted).catch((error: unknown) => {
    console.warn('Could not open the link', error);
  });
}

function sendMenuCommand(command: MenuCommand): void {
  commandTargetWindow()?.webContents.send(MENU_COMMAND_CHANNEL, command);
}

/** Set once the user asks the app to quit: a window held to store its edits quits it after. */
let quitting = false;

/** The board pack's hidden print window, kept loaded between exports. */
const packPrinter = createPackPrinter((options) => new BrowserWindow(options));

function openMainWindow(): BrowserWindow {
  const window = createMainWindow({
    preloadPath: PRELOAD_PATH,
    stateFile: path.join(app.getPath('userData'), 'window-state.json'),
    devTools: !app.isPackaged,
  });
  storeEditsBeforeClose(window, { quitting: () => quitting, quit: () => app.quit() });
  // Once the app is on screen, the print page loads behind it, so that an export only lays out
  // and prints.
  window.once('ready-to-show', () => packPrinter.warm());
  window.on('closed', () => {
    // A hidden window left alone would keep the app running (and, on macOS, from opening a new
    // window when the Dock icon is clicked).
    if (commandTargetWindow() === null) packPrinter.dispose();
  });
  return window;
}

function rebuildMenu(recent: RecentFilesStore): void {
  installApplicationMenu({
    platform: process.platform,
    appName: app.name,
    isPackaged: app.isPackaged,
    recentFiles: recent.list(),
    homeDir: os.homedir(),
    actions: {
      sendCommand: sendMenuCommand,
      openDocs: () => openTrustedUrl(DOCS_URL),
      clearRecent: () => {
        app.clearRecentDocuments();
        recent.clear().catch((error: unknown) => {
          console.warn('Could not clear the recent files list', error);
        });
      },
    },
  });
}

async function start(): Promise<void> {
  handleAppProtocol(protocol, RENDERER_DIR);
  denyAllPermissions(session.defaultSession);

  const userData = app.getPath('userData');
  const recentFile = path.join(userData, 'recent-files.json');
  const recent: RecentFilesStore = createRecentFilesStore({
    storeFile: recentFile,
    initial: await loadRecentFiles(recentFile),
    onChange: () => rebuildMenu(recent),
  });

  registerHandlers(
    ipcMain,
    createIpcHandlers({
      dialog,
      recent,
      documentsDir: () => app.getPath('documents'),
      addRecentDocument: (filePath) => app.addRecentDocument(filePath),
      createWindow: (options) => new BrowserWindow(options),
      packPrinter,
      openExternal: (url) => shell.openExternal(url),
      appInfo: () => ({
        version: app.getVersion(),
        platform: process.platform,
        userDataPath: userData,
        userName: osUserName(),
      }),
      audienceWindows: createAudienceWindows({
        preloadPath: PRELOAD_PATH,
        devTools: !app.isPackaged,
      }),
      backups: createBackupFiles({ folder: path.join(userData, BACKUP_FOLDER_NAME) }),
    }),
    findAppWindow,
  );
  rebuildMenu(recent);
  openMainWindow();
}

// Both must happen before the app is ready.
registerAppScheme(protocol);
app.enableSandbox();

if (!app.requestSingleInstanceLock()) {
  // Another Baton is running; it receives `second-instance` and comes to the front.
  app.quit();
} else {
  app.on('second-instance', () => {
    // On macOS the app can be running with every window closed.
    if (commandTargetWindow() === null) openMainWindow();
    else focusAppWindow();
  });
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, openTrustedUrl));
  app.on('before-quit', () => {
    quitting = true;
  });
  app.on('will-quit', () => packPrinter.dispose());
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (app.isReady() && BrowserWindow.getAllWindows().length === 0) openMainWindow();
  });
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      dialog.showErrorBox('Baton could not start', String(error));
      app.exit(1);
    });
}
