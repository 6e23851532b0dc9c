/** The platform in the desktop app: the typed bridge the preload exposes as `window.baton`. */
import type { BatonBridge } from '../../shared/ipc/contract';
import type { Platform } from './types';

declare global {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- augmenting the global Window needs an interface
  interface Window {
    baton?: BatonBridge;
  }
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
    onMenuCommand: (listener) => bridge.onMenuCommand(listener),
    dataLocation: async () => {
      const info = await bridge.getInfo();
      return `${info.userDataPath} (IndexedDB database "baton")`;
    },
  };
}
