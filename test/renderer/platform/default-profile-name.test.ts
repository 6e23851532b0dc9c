import { describe, expect, it, vi } from 'vitest';
import type { AppInfo } from '../../../shared/ipc/contract';
import { createBrowserPlatform } from '../../../renderer/platform/browser';
import { createElectronPlatform } from '../../../renderer/platform/electron';
import { fakeBridge } from './fake-bridge';

function bridgeAnswering(info: AppInfo) {
  return fakeBridge({ getInfo: vi.fn(async () => info) });
}

const info = { version: '0.1.0', platform: 'linux', userDataPath: '/home/ada/.config/Baton' };

describe('the default for your name', () => {
  it("is the OS account's name on the desktop", async () => {
    const platform = createElectronPlatform(bridgeAnswering({ ...info, userName: 'ada' }));
    await expect(platform.defaultProfileName()).resolves.toBe('ada');
  });

  it('is nothing on the desktop when main has no name, or sends something else', async () => {
    await expect(
      createElectronPlatform(bridgeAnswering(info)).defaultProfileName(),
    ).resolves.toBeUndefined();
    const odd = { ...info, userName: 42 } as unknown as AppInfo;
    await expect(
      createElectronPlatform(bridgeAnswering(odd)).defaultProfileName(),
    ).resolves.toBeUndefined();
  });

  it('is nothing in a browser, which cannot tell', async () => {
    await expect(createBrowserPlatform().defaultProfileName()).resolves.toBeUndefined();
  });
});
