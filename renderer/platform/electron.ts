/** The platform in the desktop app: the typed bridge the preload exposes as `window.baton`. */
import { parseAudienceWindowResult, type BatonBridge } from '../../shared/ipc/contract';
import type { Platform } from './types';

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
  };
}
