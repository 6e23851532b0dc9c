/**
 * Crash safety: the browser is killed (SIGKILL, no unload) at a random moment of a burst of edits,
 * then started again on the same profile. Every edit the app had acknowledged as stored ("saved in
 * Baton as you edit") is there, and the database opens. Twenty trials, each at another moment.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
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
});
