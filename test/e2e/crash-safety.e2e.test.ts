/**
 * Crash safety: the browser is killed (SIGKILL, no unload) at a random moment, then started again
 * on the same profile. During a burst of edits: every edit the app had acknowledged as stored
 * ("saved in Baton as you edit") is there. During a 10,000-row import: the portfolio holds all of
 * it or none of it. The database opens every time. Twenty trials each, each at another moment.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_INITIATIVE_COUNT, dialog, fileCommand, notices } from './support/app';
import { launchKillable } from './support/killable';
import { useHarness } from './support/harness';

const harness = useHarness();

const TRIALS = 20;

/** A seeded generator, so that a failing trial can be run again as it was. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function capacityCells(page: Page) {
  return page.getByRole('textbox', { name: / capacity in / });
}

async function storedEverything(page: Page): Promise<void> {
  await page.locator('[data-testid="save-state"][data-pending="false"]').waitFor();
}

describe('crash safety', () => {
  it(`keeps every acknowledged edit when the browser is killed mid-burst (${TRIALS} trials)`, async () => {
    const profile = await harness.profile();
    const url = `${harness.url()}#/portfolio/teams`;
    const next = random(20_261_207);
    let lastChecked = 0;

    for (let trial = 0; trial < TRIALS; trial += 1) {
      const browser = await launchKillable(profile.dir, url);
      const { page } = browser;
      const cells = capacityCells(page);
      const count = await cells.count();
      expect(count, 'the capacity grid is there after a restart').toBeGreaterThan(10);

      // The edits acknowledged before the crash; each trial writes values of its own.
      const acknowledged = new Map<number, string>();
      const killAfter = 150 + Math.floor(next() * 2_500);
      let killed = false;
      const crash = new Promise<void>((resolve) =>
        setTimeout(() => {
          killed = true;
          void browser.kill().then(resolve);
        }, killAfter),
      );
      const burst = (async () => {
        for (let index = 0; !killed; index = (index + 1) % count) {
          const cell = cells.nth(index);
          const value = String(1 + ((trial * 7 + index) % 40));
          await cell.fill(value);
          await storedEverything(page);
          if (!killed) acknowledged.set(index, value);
        }
      })().catch(() => undefined); // The page goes away under the loop: that is the point.
      await crash;
      await burst;

      const after = await launchKillable(profile.dir, url);
      try {
        const reopened = capacityCells(after.page);
        expect(await reopened.count()).toBe(count);
        for (const [index, value] of acknowledged) {
          const cell = reopened.nth(index);
          const label = await cell.evaluate(
            (input) => (input as HTMLInputElement).labels?.[0]?.textContent,
          );
          expect(
            await cell.inputValue(),
            `trial ${trial} (killed after ${killAfter} ms): ${label ?? `cell ${index}`}`,
          ).toBe(value);
        }
        expect(after.errors, `trial ${trial}: page errors after the restart`).toEqual([]);
        lastChecked += acknowledged.size;
      } finally {
        await after.kill();
      }
    }
    // The trials did test something: edits were acknowledged before the kills.
    expect(lastChecked).toBeGreaterThan(TRIALS);
  }, 300_000);

  it(`imports 10,000 rows all or nothing when the browser is killed mid-import (${TRIALS} trials)`, async () => {
    const IMPORTED = 10_000;
    const folder = await harness.folder();
    const path = join(folder, 'big-plan.csv');
    const rows = Array.from(
      { length: IMPORTED },
      (_, index) =>
        `Imported initiative ${String(index + 1).padStart(5, '0')},proposed,${index % 97}`,
    );
    await writeFile(path, ['Name,Status,Value', ...rows].join('\r\n'));
    // Settings shows no list of initiatives, so a restart after a finished import is quick.
    const url = `${harness.url()}#/settings`;
    const next = random(10_000);
    let importTook = 0;
    const outcomes = { none: 0, all: 0 };

    for (let trial = 0; trial < TRIALS; trial += 1) {
      // A fresh profile each time: the demo portfolio, which the import adds 10,000 to.
      const profile = await harness.profile();
      const browser = await launchKillable(profile.dir, url);
      const { page } = browser;
      const chooser = page.waitForEvent('filechooser');
      await fileCommand(page, 'Import…');
      await (await chooser).setFiles(path);
      const importing = dialog(page, 'Import big-plan.csv');
      await importing.getByRole('button', { name: 'Preview' }).click({ timeout: 60_000 });
      const importButton = importing.getByRole('button', { name: 'Import', exact: true });
      await importButton.waitFor({ timeout: 60_000 });

      if (trial === 0) {
        // The first trial lets the import finish, to learn how long it takes here.
        const started = Date.now();
        await importButton.click();
        await notices(page)
          .getByText(/^Imported big-plan\.csv/)
          .waitFor({ timeout: 60_000 });
        importTook = Date.now() - started;
        await browser.kill();
      } else {
        const killAfter = Math.floor(next() * importTook * 1.2);
        const crash = new Promise<void>((resolve) =>
          setTimeout(() => void browser.kill().then(resolve), killAfter),
        );
        await importButton.click().catch(() => undefined);
        await crash;
      }

      const after = await launchKillable(profile.dir, url);
      try {
        const count = await storedInitiativeCount(after.page);
        expect(
          [DEMO_INITIATIVE_COUNT, DEMO_INITIATIVE_COUNT + IMPORTED],
          `trial ${trial}: initiatives stored after the restart`,
        ).toContain(count);
        if (count === DEMO_INITIATIVE_COUNT) outcomes.none += 1;
        else outcomes.all += 1;
        expect(after.errors, `trial ${trial}: page errors after the restart`).toEqual([]);
      } finally {
        await after.kill();
      }
    }
    // Both outcomes happened: some kills came before the import was stored, some after.
    expect(outcomes.none).toBeGreaterThan(0);
    expect(outcomes.all).toBeGreaterThan(0);
  }, 900_000);
});

/** How many initiatives the database holds, read straight from IndexedDB. */
function storedInitiativeCount(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const opening = indexedDB.open('baton');
        opening.onerror = () => reject(new Error('the database did not open'));
        opening.onsuccess = () => {
          const database = opening.result;
          const counting = database
            .transaction('initiatives', 'readonly')
            .objectStore('initiatives')
            .count();
          counting.onsuccess = () => {
            database.close();
            resolve(counting.result);
          };
          counting.onerror = () => reject(new Error('the initiatives could not be counted'));
        };
      }),
  );
}
