/**
 * Renders build/icon.svg to the 1024 px build/icon.png that electron-builder turns into each
 * platform's icon. Run it after changing the SVG: `npx tsx build/render-icon.ts`. It uses
 * Chromium through playwright-core (set BATON_CHROMIUM if the browser lives elsewhere).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../electron/cli/chromium';

const SIZE = 1024;
const here = (name: string): string => fileURLToPath(new URL(name, import.meta.url));

const svg = await readFile(here('icon.svg'), 'utf8');
const browser = await chromium.launch({
  // An installed Chromium or Chrome; playwright's own browser downloads are not used.
  executablePath: findChromium(),
  args: CHROMIUM_ARGS,
});
try {
  const page = await browser.newPage({
    viewport: { width: SIZE, height: SIZE },
    deviceScaleFactor: 1,
  });
  await page.setContent(
    `<!doctype html><html><body style="margin:0;background:transparent">${svg}</body></html>`,
  );
  const png = await page.locator('svg').screenshot({ omitBackground: true, type: 'png' });
  await writeFile(here('icon.png'), png);
} finally {
  await browser.close();
}
