/**
 * A Chromium that a test can kill like a crash: started as its own process group on a profile
 * folder, driven over the DevTools protocol, and ended with SIGKILL (no unload, no clean shutdown),
 * so that what survives is only what storage had acknowledged.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from './browser';
import { STEP_TIMEOUT_MS } from './harness';

export type KillableBrowser = {
  readonly page: Page;
  readonly errors: string[];
  /** Kills the browser and every process it started, at once. */
  readonly kill: () => Promise<void>;
};

/** Waits for Chromium to print the address of its DevTools endpoint. */
function devToolsAddress(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(
      () => reject(new Error(`Chromium did not start its DevTools endpoint:\n${seen}`)),
      20_000,
    );
    child.stderr?.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      const match = /DevTools listening on (ws:\/\/\S+)/.exec(seen);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Chromium exited (${String(code)}) before it started:\n${seen}`));
    });
  });
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
}

/** Starts Chromium on `profileDir`, opens `url` and waits until the portfolio is shown. */
export async function launchKillable(profileDir: string, url: string): Promise<KillableBrowser> {
  const child = spawn(
    chromiumPath(),
    [
      ...CHROMIUM_ARGS,
      '--remote-debugging-port=0',
      `--user-data-dir=${profileDir}`,
      '--window-size=1440,900',
      'about:blank',
    ],
    { detached: true, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let browser: Browser | undefined;
  const kill = async () => {
    if (child.pid !== undefined && child.exitCode === null && child.signalCode === null) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
    await exited(child);
    // The connection dies with the browser; dropping it keeps no handle open.
    await browser?.close().catch(() => undefined);
  };
  try {
    browser = await chromium.connectOverCDP(await devToolsAddress(child));
    const context = browser.contexts()[0] ?? (await browser.newContext());
    context.setDefaultTimeout(STEP_TIMEOUT_MS);
    const page = context.pages()[0] ?? (await context.newPage());
    await page.setViewportSize({ width: 1440, height: 900 });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(url);
    await page.getByRole('heading', { level: 1 }).waitFor();
    return { page, errors, kill };
  } catch (error) {
    await kill();
    throw error;
  }
}
