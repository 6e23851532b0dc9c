import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath, newProfile } from '../test/e2e/support/browser';
import { startStaticServer } from '../test/e2e/support/server';
const [what = 'x', hash = ''] = process.argv.slice(2);
const server = await startStaticServer();
for (const [w, h, scale] of [[1280, 800, 1], [960, 600, 1.5]] as const) {
  const profile = await newProfile();
  const context = await chromium.launchPersistentContext(profile.dir, { executablePath: chromiumPath(), args: CHROMIUM_ARGS, headless: true, viewport: { width: w, height: h }, deviceScaleFactor: scale });
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(`${server.url}${hash}`);
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.waitForTimeout(1000);
  await page.screenshot({ path: `/tmp/shot-${what}-${w}.png` });
  await context.close(); await profile.remove();
}
await server.close();
