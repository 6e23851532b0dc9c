/**
 * What the benchmarks that drive the app in Chromium share: a generated portfolio written as a
 * file, the app opened on a fresh profile, a file opened through File › Open, and percentiles.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { Portfolio } from '../../shared/portfolio/types';
import { writePortfolio } from '../../shared/portfolio/write';
import { newProfile, openApp, type Profile, type Session } from '../e2e/support/browser';
import { generatePortfolio } from './generate-portfolio';

/** The synthetic portfolio of the benchmarks: 20 teams, 12 periods, 30 % with a dependency. */
export function syntheticPortfolio(initiatives: number): Portfolio {
  return generatePortfolio({ initiatives, teams: 20, periods: 12, dependencyShare: 0.3, seed: 7 });
}

/** Writes a portfolio as a Baton file in `folder`; answers its path and its size in bytes. */
export async function writePortfolioFile(
  folder: string,
  name: string,
  portfolio: Portfolio,
): Promise<{ readonly path: string; readonly bytes: number }> {
  const path = join(folder, name);
  const text = writePortfolio(portfolio);
  await writeFile(path, text);
  return { path, bytes: text.length };
}

/** The app on a fresh profile, with as long a wait as a large portfolio needs. */
export async function launchApp(
  url: string,
  viewport = { width: 1440, height: 900 },
): Promise<Session & { readonly profile: Profile; readonly close: () => Promise<void> }> {
  const profile = await newProfile();
  const session = await openApp(profile, url, viewport);
  session.page.setDefaultTimeout(Number(process.env.BENCH_WAIT_MS ?? 900_000));
  return {
    ...session,
    profile,
    close: async () => {
      await session.context.close();
      await profile.remove();
    },
  };
}

/** File › Open portfolio file, choosing `path` in the browser's file chooser. */
export async function openFileFromMenu(page: Page, path: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'File', exact: true }).click();
  await page.getByRole('button', { name: /Open portfolio file/ }).click();
  await (await chooser).setFiles(path);
}

/** The value below which `share` of the values lie (nearest rank). */
export function percentile(values: readonly number[], share: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))] ?? Number.NaN;
}

export const ms = (value: number): string => `${value.toFixed(0)} ms`;
