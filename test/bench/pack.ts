/**
 * The board pack as a PDF, beside Chromium's own floor:
 *
 * (a) Chromium's bare print of the same pages: the pack is laid out once and its pages saved as a
 *     static HTML file (the stylesheet and the typeface beside it, no script); a plain Node
 *     process then launches Chromium, loads that file and prints it, with the pack's own print
 *     settings (tagged, with bookmarks). Timed from the process start to its exit.
 * (b) `baton pack` on the same portfolio, end to end from a cold start (its own Node process and
 *     browser each time): the bundled command line (dist/cli/baton.mjs) when it is built, else
 *     the sources through tsx (which adds their compiling). (a) and (b) run in turn, so that both
 *     see the same machine; the ratio of their medians is set beside the 1.3× target.
 * (c) The app's export once Baton is open: the print page already loaded, as the app keeps it in
 *     a hidden window, from handing over the pack to the PDF bytes; the first pack the page draws
 *     and the ones after (target ≤ 1.5 s for a 20-page pack).
 *
 * Also the size of the PDF (≤ 2 MB) and a 300-initiative pack. Needs the built renderer (`npm run
 * build:renderer`; `BATON_RENDERER_DIST` points at another build, `BATON_CLI_DIST` at another
 * build of the command line) and an installed Chromium. Prints numbers and whether each target is
 * met; asserts nothing.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import type { Browser } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../../electron/cli/chromium';
import { launchChromium, openPrintPage } from '../../electron/cli/render-pack';
import { packRequest } from '../../shared/cli/commands';
import { DEMO_PORTFOLIO } from '../../shared/demo/demo-portfolio';
import { isoDay } from '../../shared/format';
import { defaultPackSettings } from '../../shared/pack/settings';
import type { PackInput } from '../../shared/pack/types';
import type { Portfolio } from '../../shared/portfolio/types';
import { writePortfolio } from '../../shared/portfolio/write';
import { generatePortfolio } from './generate-portfolio';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const RENDERER_DIR = process.env.BATON_RENDERER_DIST || join(ROOT, 'dist/renderer');
/** The bundled command line (`npm run build:electron`); `BATON_CLI_DIST` points at another build. */
const BUNDLED_CLI = join(process.env.BATON_CLI_DIST || join(ROOT, 'dist/cli'), 'baton.mjs');
const TARGET_RATIO = 1.3;
const TARGET_APP_SECONDS = 1.5;
const TARGET_BYTES = 2 * 1024 * 1024;
const COLD_RUNS = 9;
const APP_RUNS = 5;
const LARGE_RUNS = 3;

const run = promisify(execFile);

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;
const verdict = (met: boolean) => (met ? 'met' : 'NOT met');
const spread = (values: readonly number[]) =>
  `median ${seconds(median(values))}   (${seconds(Math.min(...values))} to ${seconds(Math.max(...values))})`;

function inputFor(portfolio: Portfolio): PackInput {
  return { portfolio, settings: defaultPackSettings(portfolio, '2027-01-15') };
}

async function pdfPages(file: string): Promise<number> {
  const { stdout } = await run('pdfinfo', [file]);
  return Number(/^Pages:\s+(\d+)/m.exec(stdout)?.[1] ?? Number.NaN);
}

/**
 * Chromium's bare print, as a plain Node process: launch, load the static file, wait for its
 * fonts, print with the pack's settings, write the PDF. Arguments: browser, page URL, PDF path.
 * The driver is required, as the command line does (the quicker way to load it).
 */
const BARE_PRINT = `
import { writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
const { chromium } = createRequire(process.cwd() + '/')('playwright-core');
const [executablePath, url, out] = process.argv.slice(1);
const browser = await chromium.launch({ executablePath, args: ${JSON.stringify(CHROMIUM_ARGS)}, headless: true });
const page = await browser.newPage();
await page.goto(url);
await page.evaluate(() => document.fonts.ready.then(() => undefined));
const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true, outline: true, tagged: true });
await writeFile(out, pdf);
await browser.close();
`;

/**
 * Lays `input` out on the print page and saves the laid-out pages as `folder/pack.html`, with the
 * build's stylesheet and typeface beside it: the same pages, with nothing left to run.
 */
async function saveStaticPages(browser: Browser, input: PackInput, folder: string): Promise<void> {
  const page = await browser.newPage();
  try {
    await page.route('**/*', async (route) => {
      const url = new URL(route.request().url());
      return route.fulfill({ path: join(RENDERER_DIR, decodeURIComponent(url.pathname)) });
    });
    await page.goto('http://baton.pack/pack.html');
    await page.waitForFunction(() => 'batonRenderPack' in window);
    await page.evaluate(
      (json) =>
        (window as unknown as { batonRenderPack: (input: unknown) => Promise<unknown> })
          .batonRenderPack(JSON.parse(json))
          .then(() => undefined),
      JSON.stringify(input),
    );
    const html = await page.evaluate(() => {
      const copy = document.documentElement.cloneNode(true) as HTMLElement;
      copy
        .querySelectorAll('script, link[rel="modulepreload"], meta[http-equiv]')
        .forEach((node) => node.remove());
      // Loaded from a file, a stylesheet asked for with CORS would be refused.
      copy.querySelectorAll('[crossorigin]').forEach((node) => node.removeAttribute('crossorigin'));
      return `<!doctype html>\n${copy.outerHTML}`;
    });
    await writeFile(join(folder, 'pack.html'), html);
  } finally {
    await page.close();
  }
  const assets = join(RENDERER_DIR, 'assets');
  await mkdir(join(folder, 'assets'));
  for (const name of await readdir(assets)) {
    if (/\.(css|woff2?)$/.test(name))
      await copyFile(join(assets, name), join(folder, 'assets', name));
  }
}

async function timed(command: string, args: readonly string[]): Promise<number> {
  const started = performance.now();
  await run(command, args, {
    cwd: ROOT,
    env: { ...process.env, BATON_RENDERER_DIST: RENDERER_DIR },
  });
  return performance.now() - started;
}

const folder = await mkdtemp(join(tmpdir(), 'baton-bench-pack-'));
try {
  const demoText = writePortfolio(DEMO_PORTFOLIO);
  const demoFile = join(folder, 'demo.baton.json');
  await writeFile(demoFile, demoText);
  // The pack the command line makes of the demo file today: the same pages for (a) and (b).
  const request = packRequest(demoFile, demoText, { out: 'demo.pdf' }, isoDay(new Date()));
  if (!('input' in request)) throw new Error(request.stderr);
  const staticFolder = join(folder, 'static');
  await mkdir(staticFolder);

  const demo = inputFor(DEMO_PORTFOLIO);
  const large = inputFor(
    generatePortfolio({ initiatives: 300, teams: 8, periods: 8, dependencyShare: 0.2, seed: 3 }),
  );

  // (c) and the 300-initiative pack: one browser; each print page is loaded before it is timed.
  const browser = await launchChromium();
  const firstPack: number[] = [];
  const later: number[] = [];
  const largeTimes: number[] = [];
  let demoPages = 0;
  let demoBytes = 0;
  let largePages = 0;
  let largeBytes = 0;
  try {
    await saveStaticPages(browser, request.input, staticFolder);
    for (let index = 0; index < APP_RUNS; index += 1) {
      const page = await openPrintPage({ rendererDir: RENDERER_DIR, browser });
      try {
        for (const times of [firstPack, later]) {
          const started = performance.now();
          const rendered = await page.render(demo);
          times.push(performance.now() - started);
          demoPages = rendered.pages;
          demoBytes = rendered.pdf.length;
        }
      } finally {
        await page.close();
      }
    }
    const page = await openPrintPage({ rendererDir: RENDERER_DIR, browser });
    try {
      for (let index = 0; index < LARGE_RUNS; index += 1) {
        const started = performance.now();
        const rendered = await page.render(large);
        largeTimes.push(performance.now() - started);
        largePages = rendered.pages;
        largeBytes = rendered.pdf.length;
      }
    } finally {
      await page.close();
    }
  } finally {
    await browser.close();
  }

  // (a) and (b), in turn, each from a cold start.
  const bundled = existsSync(BUNDLED_CLI);
  const cli = bundled
    ? { command: process.execPath, args: [BUNDLED_CLI] }
    : {
        command: process.execPath,
        args: [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'electron/cli/baton.ts')],
      };
  const chromium = findChromium();
  const staticUrl = pathToFileURL(join(staticFolder, 'pack.html')).href;
  const bareOut = join(folder, 'bare.pdf');
  const cliOut = join(folder, 'cli.pdf');
  const bare: number[] = [];
  const cold: number[] = [];
  // One untimed run of each first, for the disk cache.
  for (let index = -1; index < COLD_RUNS; index += 1) {
    const bareMs = await timed(process.execPath, [
      '--input-type=module',
      '-e',
      BARE_PRINT,
      chromium,
      staticUrl,
      bareOut,
    ]);
    const cliMs = await timed(cli.command, [...cli.args, 'pack', demoFile, '--out', cliOut]);
    if (index >= 0) {
      bare.push(bareMs);
      cold.push(cliMs);
    }
  }
  const barePages = await pdfPages(bareOut);
  const cliPages = await pdfPages(cliOut);
  const cliBytes = (await stat(cliOut)).size;

  const ratio = median(cold) / median(bare);
  const label = (text: string) => text.padEnd(70);
  console.log(
    `\nBoard pack PDF (targets: \`baton pack\` within ${TARGET_RATIO}× of Chromium's bare print of ` +
      `the same pages; in the app, a 20-page export ≤ ${TARGET_APP_SECONDS} s; ≤ 2 MB)`,
  );
  console.log(
    label(`(a) Chromium's bare print of the demo's ${barePages} pages, cold (${COLD_RUNS} runs)`) +
      spread(bare),
  );
  console.log(
    label(
      `(b) \`baton pack\` demo, ${cliPages} pages, cold, ${bundled ? 'bundled, node' : 'sources, tsx'} (${COLD_RUNS} runs)`,
    ) + spread(cold),
  );
  console.log(
    label('    (b) / (a)') +
      `${ratio.toFixed(2)}×   ${verdict(ratio <= TARGET_RATIO)}` +
      (bundled ? '' : ' (through tsx: the command line is not bundled yet)') +
      (barePages === cliPages ? '' : `   the page counts differ: ${barePages} and ${cliPages}`),
  );
  console.log(
    label(`(c) app export, print page loaded, demo ${demoPages} pages: first pack`) +
      `${spread(firstPack)}   ${verdict(median(firstPack) <= TARGET_APP_SECONDS * 1000)}`,
  );
  console.log(
    label('    the packs after it in the same page') +
      `${spread(later)}   ${verdict(median(later) <= TARGET_APP_SECONDS * 1000)}`,
  );
  const size = Math.max(demoBytes, cliBytes);
  console.log(
    label(`PDF size of the demo pack (${cliPages} pages)`) +
      `${megabytes(size)} (${size.toLocaleString('en-GB')} bytes)   ${verdict(size <= TARGET_BYTES)}`,
  );
  console.log(
    label(`300 initiatives, ${largePages} pages, print page loaded (${LARGE_RUNS} packs)`) +
      `${spread(largeTimes)}   ${megabytes(largeBytes)}`,
  );
} finally {
  await rm(folder, { recursive: true, force: true });
}
