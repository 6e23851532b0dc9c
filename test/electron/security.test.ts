import { EventEmitter } from 'node:events';
import type { WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import {
  denyAllPermissions,
  hardenWebContents,
  secureWebPreferences,
} from '../../electron/security';

type WindowOpenHandler = (details: { url: string }) => { action: string };

/** Enough of a WebContents to drive the guards: events plus the window-open hook. */
function fakeContents() {
  const emitter = new EventEmitter();
  let openHandler: WindowOpenHandler | undefined;
  const contents = Object.assign(emitter, {
    setWindowOpenHandler: (handler: WindowOpenHandler) => {
      openHandler = handler;
    },
  });
  return {
    contents: contents as unknown as WebContents,
    emitter,
    openWindow: (url: string) => {
      if (openHandler === undefined) throw new Error('no window open handler installed');
      return openHandler({ url });
    },
  };
}

function navigationEvent(url: string) {
  return { url, preventDefault: vi.fn() };
}

describe('secureWebPreferences', () => {
  it('isolates and sandboxes the page, without Node, with the given preload', () => {
    const preferences = secureWebPreferences(
      '/opt/Baton/resources/app.asar/dist/electron/preload.cjs',
      { devTools: false },
    );
    expect(preferences).toMatchObject({
      preload: '/opt/Baton/resources/app.asar/dist/electron/preload.cjs',
      devTools: false,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });
});

describe('hardenWebContents', () => {
  it('lets the page navigate within the app', () => {
    const { contents, emitter } = fakeContents();
    const openExternal = vi.fn();
    hardenWebContents(contents, openExternal);
    const event = navigationEvent('app://baton/index.html#/scenarios');
    emitter.emit('will-navigate', event);
    expect(event.preventDefault).not.toHaveBeenCalled();
    expect(openExternal).not.toHaveBeenCalled();
  });

  it.each([
    'https://example.com/',
    'http://docs.baton.app/',
    'file:///etc/passwd',
    'app://evil/index.html',
    'javascript:alert(1)',
  ])('blocks navigation to %s and opens nothing', (url) => {
    const { contents, emitter } = fakeContents();
    const openExternal = vi.fn();
    hardenWebContents(contents, openExternal);
    const event = navigationEvent(url);
    emitter.emit('will-navigate', event);
    expect(event.preventDefault).toHaveBeenCalled();
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('blocks navigation to the docs but opens them in the browser instead', () => {
    const { contents, emitter } = fakeContents();
    const openExternal = vi.fn();
    hardenWebContents(contents, openExternal);
    const event = navigationEvent('https://docs.baton.app/guide');
    emitter.emit('will-navigate', event);
    expect(event.preventDefault).toHaveBeenCalled();
    expect(openExternal).toHaveBeenCalledWith('https://docs.baton.app/guide');
  });

  it('blocks redirects out of the app', () => {
    const { contents, emitter } = fakeContents();
    hardenWebContents(contents, vi.fn());
    const outside = navigationEvent('https://example.com/');
    const inside = navigationEvent('app://baton/index.html');
    emitter.emit('will-redirect', outside);
    emitter.emit('will-redirect', inside);
    expect(outside.preventDefault).toHaveBeenCalled();
    expect(inside.preventDefault).not.toHaveBeenCalled();
  });

  it('denies every new window, opening allowlisted links in the browser', () => {
    const { contents, openWindow } = fakeContents();
    const openExternal = vi.fn();
    hardenWebContents(contents, openExternal);

    expect(openWindow('https://docs.baton.app/guide')).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledWith('https://docs.baton.app/guide');

    openExternal.mockClear();
    for (const url of ['https://example.com/', 'app://baton/index.html', 'file:///tmp/x.html']) {
      expect(openWindow(url)).toEqual({ action: 'deny' });
    }
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('refuses to attach a <webview>', () => {
    const { contents, emitter } = fakeContents();
    hardenWebContents(contents, vi.fn());
    const event = { preventDefault: vi.fn() };
    emitter.emit('will-attach-webview', event, {}, {});
    expect(event.preventDefault).toHaveBeenCalled();
  });
});

describe('denyAllPermissions', () => {
  it('answers every permission request and check with no', () => {
    const session = {
      setPermissionRequestHandler: vi.fn(),
      setPermissionCheckHandler: vi.fn(),
      setDevicePermissionHandler: vi.fn(),
    };
    denyAllPermissions(session);

    const requestHandler = session.setPermissionRequestHandler.mock.calls[0]?.[0] as (
      contents: unknown,
      permission: string,
      callback: (granted: boolean) => void,
    ) => void;
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read']) {
      const callback = vi.fn();
      requestHandler({}, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
    }
    const checkHandler = session.setPermissionCheckHandler.mock.calls[0]?.[0] as () => boolean;
    expect(checkHandler()).toBe(false);
    const deviceHandler = session.setDevicePermissionHandler.mock.calls[0]?.[0] as () => boolean;
    expect(deviceHandler()).toBe(false);
  });
});
