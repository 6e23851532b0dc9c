/**
 * Finds an installed Chromium or Chrome for the command line's board pack (and for the tests and
 * build scripts that drive a browser). Nothing is ever downloaded: the browser must be installed.
 */
import { existsSync } from 'node:fs';

/** Where Chromium and Chrome usually live, after the paths the environment names. */
function candidates(env: NodeJS.ProcessEnv): string[] {
  const local = env.LOCALAPPDATA ?? '';
  const programs = [env.PROGRAMFILES, env['PROGRAMFILES(X86)']].filter(Boolean) as string[];
  return [
    env.BATON_CHROMIUM,
    env.CHROMIUM_PATH,
    '/usr/lib/chromium/chromium',
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/snap/bin/chromium',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    ...programs.map((dir) => `${dir}\\Google\\Chrome\\Application\\chrome.exe`),
    ...(local ? [`${local}\\Google\\Chrome\\Application\\chrome.exe`] : []),
  ].filter((path): path is string => Boolean(path));
}

export const NO_CHROMIUM_MESSAGE =
  'No Chromium or Chrome found. Install one (Debian/Ubuntu: `sudo apt-get install chromium`; ' +
  'macOS and Windows: Google Chrome), or set BATON_CHROMIUM to the browser executable.';

/** The first installed browser; throws an error naming what to install when there is none. */
export function findChromium(
  env: NodeJS.ProcessEnv = process.env,
  exists: (path: string) => boolean = existsSync,
): string {
  const found = candidates(env).find((path) => exists(path));
  if (!found) throw new Error(NO_CHROMIUM_MESSAGE);
  return found;
}

/** Headless, quiet, and never reaching out to the network on its own. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
