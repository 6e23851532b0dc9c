/** Puts together main's handler for every channel of the IPC contract. */
import type { BackupStore } from '../shared/backup/types';
import type { AppInfo } from '../shared/ipc/contract';
import type { AudienceWindows } from './audience-window';
import { createPortfolioFileHandlers, type PortfolioFileDeps } from './files';
import { createImportExportHandlers } from './import-export';
import type { IpcHandlers } from './ipc';
import { createPackExportHandler, type PackExportDeps } from './pack-export';
import { toTrustedExternalUrl } from './trusted-url';

export type IpcHandlerDeps = PortfolioFileDeps &
  PackExportDeps & {
    readonly openExternal: (url: string) => Promise<void>;
    readonly appInfo: () => AppInfo;
    readonly audienceWindows: AudienceWindows;
    /** The backups in the user-data folder (backups.ts). */
    readonly backups: BackupStore;
  };

/** All handlers of the contract; each one only glues a platform API to the request. */
export function createIpcHandlers(deps: IpcHandlerDeps): IpcHandlers {
  return {
    ...createPortfolioFileHandlers(deps),
    'app:export-pack': createPackExportHandler(deps),
    'app:open-external': async ({ url }) => {
      const trusted = toTrustedExternalUrl(url);
      if (trusted === null) return false;
      await deps.openExternal(trusted);
      return true;
    },
    'app:get-info': async () => deps.appInfo(),
    // The window that asks owns the audience window: it closes with it.
    'app:open-audience-window': async (_request, { window }) => deps.audienceWindows.open(window),
    'app:close-audience-window': async () => deps.audienceWindows.close(),
    ...createImportExportHandlers(deps),
    'app:list-backups': () => deps.backups.list(),
    'app:write-backup': ({ meta, text }) => deps.backups.write(meta, text),
    'app:read-backup': ({ id }) => deps.backups.read(id),
    'app:remove-backups': ({ ids }) => deps.backups.remove(ids),
  };
}
