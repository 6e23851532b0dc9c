/** Puts together main's handler for every channel of the IPC contract. */
import type { AppInfo } from '../shared/ipc/contract';
import { createPortfolioFileHandlers, type PortfolioFileDeps } from './files';
import type { IpcHandlers } from './ipc';
import { createPackExportHandler, type PackExportDeps } from './pack-export';
import { toTrustedExternalUrl } from './trusted-url';

export type IpcHandlerDeps = PortfolioFileDeps &
  PackExportDeps & {
    readonly openExternal: (url: string) => Promise<void>;
    readonly appInfo: () => AppInfo;
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
  };
}
