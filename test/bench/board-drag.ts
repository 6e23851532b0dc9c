/**
 * The board in Chromium with a 1,000-card stack: how long a drag takes to start, how long frames
 * take while dragging, the longest task, and how many rows a drop writes. Needs the built
 * renderer (`npm run build:renderer`) and an installed Chromium. Prints numbers; asserts nothing.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { writePortfolio } from '../../shared/portfolio/write';
import { newProfile, openApp } from '../e2e/support/browser';
import { startStaticServer } from '../e2e/support/server';
import { generatePortfolio } from './generate-portfolio';

const SIZE = 1000;
const DRAG_STARTS = 12;

type Probe = {
  moves: number[];
  overlayAt: number[];
  frames: number[];
  longTasks: number[];
  writes: { store: string; op: string }[];
  recording: boolean;
};

declare global {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- augmenting the DOM's Window needs an interface
  interface Window {
    __probe: Probe;
  }
}

/** Installed before the app loads: records pointer moves, overlay paints, frames, long tasks, writes. */
function instrument(): void {
  const probe: Probe = {
    moves: [],
    overlayAt: [],
    frames: [],
    longTasks: [],
    writes: [],
    recording: false,
  };
  window.__probe = probe;
  for (const op of ['put', 'add', 'delete'] as const) {
    const original = IDBObjectStore.prototype[op] as (...args: unknown[]) => IDBRequest;
    IDBObjectStore.prototype[op] = function (this: IDBObjectStore, ...args: unknown[]) {
      if (probe.recording) probe.writes.push({ store: this.name, op });
      return original.apply(this, args);
    } as never;
  }
  window.addEventListener('pointermove', (event) => probe.moves.push(event.timeStamp), true);
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) probe.longTasks.push(entry.duration);
  }).observe({ type: 'longtask', buffered: false });
  new MutationObserver(() => {
    if (document.querySelector('.stack-card--overlay') && probe.overlayAt.length % 2 === 0) {
      // The overlay is in the DOM: it is painted in the next frame, and a message posted from
      // that frame's animation callback is handled right after the paint.
      probe.overlayAt.push(-1);
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => probe.overlayAt.push(performance.now());
        channel.port2.postMessage(null);
      });
    }
  }).observe(document, { childList: true, subtree: true });
}

/**
 * Counts frames from now on (a loop started before the page has a document never runs). A
 * string, so that the bundler's helpers for named functions do not leak into the page.
 */
const RECORD_FRAMES = `(() => {
  const probe = window.__probe;
  probe.frames = [];
  probe.longTasks = [];
  probe.recording = true;
  const step = (time) => {
    if (!probe.recording) return;
    probe.frames.push(time);
    requestAnimationFrame(step);
  };
  requestAnimationFrame(step);
})()`;

function percentile(values: readonly number[], share: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))] ?? Number.NaN;
}

async function handleBox(page: Page, nth: number) {
  const box = await page.locator('.stack__row .stack-card__handle').nth(nth).boundingBox();
  if (!box) throw new Error('the card is not on screen');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

const folder = await mkdtemp(join(tmpdir(), 'baton-bench-'));
const file = join(folder, 'synthetic-1000.baton.json');
await writeFile(
  file,
  writePortfolio(
    generatePortfolio({ initiatives: SIZE, teams: 20, periods: 12, dependencyShare: 0.3, seed: 7 }),
  ),
);
const server = await startStaticServer();
const profile = await newProfile();
const { context, page } = await openApp(profile, server.url, { width: 1440, height: 900 });
try {
  await page.addInitScript(instrument);
  await page.getByRole('heading', { level: 1 }).waitFor();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'File', exact: true }).click();
  await page.getByRole('button', { name: /Open portfolio file/ }).click();
  await (await chooser).setFiles(file);
  await page.getByRole('heading', { name: `Synthetic ${SIZE}` }).waitFor({ timeout: 60_000 });
  await page.goto(`${server.url}#/prioritize/board`);
  await page.reload();
  await page.getByRole('heading', { name: 'Ranked stack' }).waitFor();
  await page.getByText(`of ${SIZE}`).first().waitFor();
  await page.waitForTimeout(500);

  // Drag starts: press on a handle, move past the 4 px threshold, wait for the overlay; cancel.
  const starts: number[] = [];
  for (let run = 0; run < DRAG_STARTS; run += 1) {
    const from = await handleBox(page, 2 + (run % 5));
    await page.evaluate(() => {
      window.__probe.moves = [];
      window.__probe.overlayAt = [];
    });
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(from.x, from.y + 8);
    await page.waitForFunction(() => window.__probe.overlayAt.length >= 2);
    const started = await page.evaluate(() => {
      const probe = window.__probe;
      return (probe.overlayAt[1] as number) - (probe.moves.at(-1) as number);
    });
    starts.push(started);
    await page.keyboard.press('Escape');
    await page.mouse.up();
    await page.waitForTimeout(150);
  }

  // Frames while dragging a card down the stack and back, past the cut line.
  const from = await handleBox(page, 1);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x, from.y + 8);
  await page.waitForSelector('.stack-card--overlay');
  await page.evaluate(RECORD_FRAMES);
  await page.mouse.move(from.x, from.y + 520, { steps: 60 });
  await page.mouse.move(from.x, from.y + 140, { steps: 60 });
  const dragging = await page.evaluate(() => {
    const probe = window.__probe;
    const gaps = probe.frames.slice(1).map((time, index) => time - (probe.frames[index] as number));
    const result = { gaps, longTasks: [...probe.longTasks] };
    probe.frames = [];
    probe.writes = [];
    return result;
  });

  // The drop: the rows it writes.
  const countsBefore = await page.getByTestId('stack-counts').innerText();
  await page.mouse.up();
  await page.waitForFunction(() => window.__probe.writes.some((write) => write.store === 'ranks'));
  await page.waitForTimeout(500);
  const writes = await page.evaluate(() => {
    window.__probe.recording = false;
    return window.__probe.writes;
  });
  const rankWrites = writes.filter((write) => write.store === 'ranks').length;

  console.log(`\nBoard in Chromium, ${SIZE}-card stack (20 teams × 12 periods, 30 % dependencies)`);
  console.log(
    `drag start (pointer move → overlay painted)   median ${percentile(starts, 0.5).toFixed(1)} ms   max ${Math.max(...starts).toFixed(1)} ms   (${starts.length} drags)`,
  );
  console.log(
    `frames while dragging                        median ${percentile(dragging.gaps, 0.5).toFixed(1)} ms   p95 ${percentile(dragging.gaps, 0.95).toFixed(1)} ms   (${dragging.gaps.length} frames)`,
  );
  console.log(
    `long tasks while dragging                    ${dragging.longTasks.length} (longest ${dragging.longTasks.length ? Math.max(...dragging.longTasks).toFixed(0) : 0} ms)`,
  );
  console.log(
    `rows written by the drop                     ${rankWrites} rank row(s), ${writes.length} writes in all (${writes.map((write) => write.store).join(', ')})`,
  );
  console.log(`stack before the drop: ${countsBefore}`);
} finally {
  await context.close();
  await profile.remove();
  await server.close();
  await rm(folder, { recursive: true, force: true });
}
