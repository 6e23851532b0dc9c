/**
 * Locks down every web page the app creates: no Node in the page, no navigation away from the
 * app, no pop-up windows, no permissions, no <webview>.
 */
import type { Event, Session, WebContents, WebPreferences } from 'electron';
import { isAppUrl } from './app-url';
import { toTrustedExternalUrl } from './trusted-url';

/** Opens an already-allowlisted URL in the user's browser. */
export type OpenExternal = (url: string) => void;

/** The web preferences of every Baton window: an isolated, sandboxed page with one preload. */
export function secureWebPreferences(
  preloadPath: string,
  options: { readonly devTools: boolean },
): WebPreferences {
  return {
    preload: preloadPath,
    // Developer tools only in development: an installed app gives no console into the page.
    devTools: options.devTools,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
  };
}

/** A navigation the page asks for: stays inside the app, or else leaves it. */
function guardNavigation(event: Event, url: string, openExternal: OpenExternal): void {
  if (isAppUrl(url)) return;
  event.preventDefault();
  // A plain link to the docs should still work: hand it to the browser instead of the window.
  const trusted = toTrustedExternalUrl(url);
  if (trusted !== null) openExternal(trusted);
}

/**
 * Installs the navigation guards on a web contents. Main applies it to every web contents it
 * creates (`web-contents-created`), so no window can be missed.
 */
export function hardenWebContents(contents: WebContents, openExternal: OpenExternal): void {
  contents.on('will-navigate', (event) => guardNavigation(event, event.url, openExternal));
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    const trusted = toTrustedExternalUrl(url);
    if (trusted !== null) openExternal(trusted);
    return { action: 'deny' };
  });
}

/**
 * Refuses every permission (camera, notifications, geolocation, clipboard reading, ...). The app
 * needs none, and a prompt the user did not expect is a risk of its own.
 */
export function denyAllPermissions(
  session: Pick<
    Session,
    'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'
  >,
): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}
