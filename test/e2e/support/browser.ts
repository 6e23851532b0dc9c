/** Debian's Chromium, driven by playwright-core, with a profile folder that outlives a restart. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../../../electron/cli/chromium';

/** The installed Chromium or Chrome; a clear error naming what to install when there is none. */
export const chromiumPath = (): string => findChromium();

export { CHROMIUM_ARGS };

export type Profile = { readonly dir: string; readonly remove: () => Promise<void> };

export async function newProfile(): Promise<Profile> {
  const dir = await mkdtemp(join(tmpdir(), 'baton-e2e-'));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

export type Session = {
  readonly context: BrowserContext;
  readonly page: Page;
  readonly errors: string[];
};

/** Launches Chromium on a profile and opens the app; page errors are collected. */
export async function openApp(
  profile: Profile,
  url: string,
  viewport = { width: 1440, height: 900 },
): Promise<Session> {
  const context = await chromium.launchPersistentContext(profile.dir, {
    executablePath: chromiumPath(),
    args: CHROMIUM_ARGS,
    headless: true,
    viewport,
    acceptDownloads: true,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto(url);
  return { context, page, errors };
}
