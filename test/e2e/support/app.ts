/** What a user sees and does in Baton, in the words of its screens: locators and actions. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

export const DEMO_NAME = 'Corvane Logistics 2027 portfolio';
export const DEMO_INITIATIVE_COUNT = 62;

/** The portfolio's name, the page's only level-1 heading. */
export function portfolioHeading(page: Page): Locator {
  return page.getByRole('heading', { level: 1 });
}

/** The line above the initiative list: "62 initiatives" or "3 of 62 initiatives". */
export function listSummary(page: Page): Locator {
  return page.getByText(/^(\d+ of )?\d+ initiatives?$/);
}

/** An initiative's link in the list, by its exact name. */
export function initiativeLink(page: Page, name: string): Locator {
  return page.getByRole('table').getByRole('link', { name, exact: true });
}

/** The initiative editor beside the list. */
export function editor(page: Page): Locator {
  return page.getByRole('complementary');
}

/** The Name field of the initiative editor. */
export function initiativeNameField(page: Page): Locator {
  return editor(page).getByLabel('Name', { exact: true });
}

export function tab(page: Page, name: 'Initiatives' | 'Teams & capacity' | 'Periods & budget') {
  return page.getByRole('tab', { name, exact: true });
}

/** A sidebar link to an area; not-built areas carry a "soon" badge in their name. */
export function areaLink(page: Page, area: string): Locator {
  return page
    .getByRole('navigation', { name: 'Areas' })
    .getByRole('link', { name: new RegExp(`^${area}( soon)?$`) });
}

/** The modal dialog that is open, by its title. */
export function dialog(page: Page, title: string | RegExp): Locator {
  return page.getByRole('dialog', { name: title });
}

/** The live region of short messages at the bottom of the window ("Undone: Renamed “A” to “B”"). */
export function notices(page: Page): Locator {
  return page.getByRole('status');
}

/** Opens the File menu and picks a command. */
export async function fileCommand(page: Page, command: string | RegExp): Promise<void> {
  const fileButton = page.getByRole('button', { name: 'File', exact: true });
  if ((await fileButton.getAttribute('aria-expanded')) !== 'true') await fileButton.click();
  const menu = page.locator(`#${await fileButton.getAttribute('aria-controls')}`);
  await menu.getByRole('button', { name: command }).click();
}

/** Saves the portfolio with File › Save as file… and returns the downloaded file. */
export async function saveAsFile(
  page: Page,
  folder: string,
): Promise<{ name: string; path: string; bytes: Buffer; text: string }> {
  const download = page.waitForEvent('download');
  await fileCommand(page, /^Save as file…/);
  const file = await download;
  const name = file.suggestedFilename();
  const path = join(folder, name);
  await file.saveAs(path);
  const bytes = await readFile(path);
  return { name, path, bytes, text: bytes.toString('utf8') };
}

/** Opens a file with File › Open portfolio file…, picking it in the browser's file chooser. */
export async function openPortfolioFile(page: Page, path: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await fileCommand(page, /^Open portfolio file…/);
  await (await chooser).setFiles(path);
}

/** Waits until `read` returns `expected`; the failure message names what was last seen. */
export async function eventually<T>(read: () => Promise<T>, expected: T, what: string) {
  await expect.poll(read, { timeout: 10_000, message: what }).toEqual(expected);
}

/** Waits until the locator is visible (for longer work, up to `timeout` ms); fails naming it. */
export async function shown(locator: Locator, timeout?: number): Promise<void> {
  await locator.waitFor({ state: 'visible', ...(timeout !== undefined && { timeout }) });
}

/** Waits until the locator is gone or hidden. */
export async function gone(locator: Locator): Promise<void> {
  await locator.waitFor({ state: 'hidden' });
}
