/** The platform in the desktop app: the typed bridge the preload exposes as `window.baton`. */
import { parseBackupInfo } from '../../shared/backup/types';
import {
  parseAudienceWindowResult,
  parseBackupList,
  parseImportFile,
  type BatonBridge,
} from '../../shared/ipc/contract';
import type { BackupStore, Platform } from './types';

declare global {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- augmenting the global Window needs an interface
  interface Window {
    baton?: BatonBridge;
  }
}

/**
 * The message a handler in main threw. Electron prefixes it with the channel
 * ("Error invoking remote method 'app:x': Error: ...") when it reaches the page.
 */
function mainError(error: unknown): unknown {
  if (!(error instanceof Error)) return error;
  const message = error.message.replace(/^Error invoking remote method '[^']*': (\w*Error: )?/, '');
  return message === error.message ? error : new Error(message, { cause: error });
}

/** Runs a call to main, giving the page main's own message when it fails. */
async function fromMain<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw mainError(error);
  }
}

/** The backups in the user-data folder, through main; every answer is checked. */
function desktopBackups(bridge: BatonBridge): BackupStore {
  return {
    list: async () => parseBackupList(await fromMain(() => bridge.listBackups())),
    write: async (meta, text) => {
      const info = parseBackupInfo(await fromMain(() => bridge.writeBackup({ meta, text })));
      if (info === null) throw new Error('the desktop app did not confirm the backup');
      return info;
    },
    read: async (id) => {
      const text: unknown = await fromMain(() => bridge.readBackup({ id }));
      return typeof text === 'string' ? text : null;
    },
    remove: async (ids) => {
      if (ids.length > 0) await fromMain(() => bridge.removeBackups({ ids }));
    },
  };
}

export function createElectronPlatform(bridge: BatonBridge): Platform {
  return {
    kind: 'electron',
    openPortfolioFile: () => bridge.openPortfolio(),
    openRecentFile: (index) => bridge.openRecent({ index }),
    savePortfolioFile: async (suggestedName, text) => {
      const saved = await bridge.savePortfolio({ suggestedName, text });
      return saved ? { location: saved.path } : null;
    },
    exportPack: async (input, suggestedName) => {
      // The pack page's message says what is wrong with the pack; the user should read only that.
      const saved = await bridge.exportPack({ suggestedName, input }).catch((error: unknown) => {
        throw mainError(error);
      });
      return saved ? { location: saved.path } : null;
    },
    onMenuCommand: (listener) => bridge.onMenuCommand(listener),
    dataLocation: async () => {
      const info = await bridge.getInfo();
      return `${info.userDataPath} (IndexedDB database "baton")`;
    },
    defaultProfileName: async () => {
      // From main, so checked like any message: only text is a name.
      const { userName } = await bridge.getInfo();
      return typeof userName === 'string' ? userName : undefined;
    },
    openAudienceWindow: async () => {
      try {
        // From main, so checked like any message.
        const result = parseAudienceWindowResult(await bridge.openAudienceWindow());
        if (result !== null) return result;
        return { ok: false, message: 'Baton could not open the audience window.' };
      } catch (error) {
        const reason = mainError(error);
        const detail = reason instanceof Error ? ` (${reason.message})` : '';
        return { ok: false, message: `Baton could not open the audience window${detail}.` };
      }
    },
    closeAudienceWindow: async () => {
      await bridge.closeAudienceWindow();
    },
    openImportFile: async () => {
      const file = parseImportFile(await fromMain(() => bridge.openImportFile()));
      if (file === undefined) throw new Error('the desktop app sent something that is not a file');
      return file;
    },
    saveExportFile: async (suggestedName, data) => {
      const saved = await fromMain(() => bridge.saveExportFile({ suggestedName, data }));
      return saved ? { location: saved.path } : null;
    },
    backups: desktopBackups(bridge),
    backupLocation: async () => {
      const info = await bridge.getInfo();
      const separator = info.platform === 'win32' ? '\\' : '/';
      return `${info.userDataPath}${separator}backups`;
    },
    storagePersistence: async () => 'persistent',
    requestPersistentStorage: async () => true,
  };
}
