/**
 * The one bridge between the page and main, exposed as `window.baton`. It offers one method per
 * IPC channel and a menu-command subscription, never `ipcRenderer` itself. Sandboxed preloads
 * cannot load files, so the build bundles this into a single CommonJS file.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import {
  MENU_COMMAND_CHANNEL,
  parseMenuCommand,
  type BatonBridge,
  type IpcChannel,
  type IpcRequest,
  type IpcResponse,
  type MenuCommand,
} from '../shared/ipc/contract';

function invoke<C extends IpcChannel>(
  channel: C,
  ...request: IpcRequest<C> extends null ? [] : [IpcRequest<C>]
): Promise<IpcResponse<C>> {
  return ipcRenderer.invoke(channel, ...request) as Promise<IpcResponse<C>>;
}

const api = {
  openPortfolio: () => invoke('app:open-portfolio'),
  openRecent: (request) => invoke('app:open-recent', request),
  listRecent: () => invoke('app:list-recent'),
  savePortfolio: (request) => invoke('app:save-portfolio', request),
  exportPack: (request) => invoke('app:export-pack', request),
  openExternal: (request) => invoke('app:open-external', request),
  getInfo: () => invoke('app:get-info'),
  openAudienceWindow: () => invoke('app:open-audience-window'),
  closeAudienceWindow: () => invoke('app:close-audience-window'),
  openImportFile: () => invoke('app:open-import-file'),
  saveExportFile: (request) => invoke('app:save-export-file', request),
  listBackups: () => invoke('app:list-backups'),
  writeBackup: (request) => invoke('app:write-backup', request),
  readBackup: (request) => invoke('app:read-backup', request),
  removeBackups: (request) => invoke('app:remove-backups', request),
  onMenuCommand: (listener: (command: MenuCommand) => void) => {
    // The page gets the parsed command only, never the event (which carries the sender).
    const forward = (_event: IpcRendererEvent, value: unknown): void => {
      const command = parseMenuCommand(value);
      if (command !== null) listener(command);
    };
    ipcRenderer.on(MENU_COMMAND_CHANNEL, forward);
    return () => {
      ipcRenderer.removeListener(MENU_COMMAND_CHANNEL, forward);
    };
  },
} satisfies BatonBridge;

contextBridge.exposeInMainWorld('baton', api);
