/**
 * A stand-in for the desktop's bridge (the preload's `window.baton`), for tests of the Electron
 * platform: every method the test does not give throws "not used", so a test that reaches one it
 * did not expect fails, and the menu never sends a command.
 */
import { vi } from 'vitest';
import type { BatonBridge } from '../../../shared/ipc/contract';

export function fakeBridge(overrides: Partial<BatonBridge> = {}): BatonBridge {
  const unused = () =>
    vi.fn(async () => {
      throw new Error('not used');
    });
  return {
    openPortfolio: unused(),
    openRecent: unused(),
    listRecent: unused(),
    savePortfolio: unused(),
    exportPack: unused(),
    openExternal: unused(),
    getInfo: unused(),
    openAudienceWindow: unused(),
    closeAudienceWindow: unused(),
    openImportFile: unused(),
    saveExportFile: unused(),
    listBackups: unused(),
    writeBackup: unused(),
    readBackup: unused(),
    removeBackups: unused(),
    onMenuCommand: () => () => undefined,
    ...overrides,
  };
}
