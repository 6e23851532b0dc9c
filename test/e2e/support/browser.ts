/** Debian's Chromium, driven by playwright-core, with a profile folder that outlives a restart. */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

const CANDIDATES = [
  process.env.CHROMIUM_PATH,
  '/usr/lib/chromium/chromium',
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
].filter((path): path is string => Boolean(path));

/** The installed Chromium or Chrome; a clear error naming what to install when there is none. */
export function chromiumPath(): string {
  const found = CANDIDATES.find((path) => existsSync(path));
  if (!found) {
    throw new Error(
      'No Chromium found: install it with `apt-get install chromium` or set CHROMIUM_PATH.',
    );
  }
  return found;
}

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
