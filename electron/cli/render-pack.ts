/**
 * Renders a board pack to PDF bytes without a window: an installed Chromium or Chrome, driven by
 * playwright-core, opens the built print page, lays the pack out and prints it. The same pages as
 * the desktop app's export.
 *
 * The page is served from an origin that never reaches the network: every request the browser
 * makes is intercepted, answered from the renderer build's files (read once and kept in memory),
 * and refused when it asks for anything else. No port is opened, and the page can read no file
 * outside the build.
 *
 * The print page is opened before the pack is known (`openPrintPage`), so that the browser starts
 * and the page loads while the caller is still reading and checking the portfolio; one page may
 * then print several packs, one after another.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type * as Playwright from 'playwright-core';
import type { Browser, ConsoleMessage, Page, Route } from 'playwright-core';
import { packPdfInfo, withPdfInfo } from '../../shared/pack/pdf-info';
import { RENDER_PACK_GLOBAL, type PackInput, type PackRendered } from '../../shared/pack/types';
import { serialQueue } from '../serial-queue';
import { CHROMIUM_ARGS, findChromium } from './chromium';

/** The print page's origin. Nothing sent to it leaves the browser: each request is answered here. */
const ORIGIN = 'http://baton.pack';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.wasm': 'application/wasm',
};

/** The build's files read so far, by path (null: no such file); a build does not change under us. */
const files = new Map<string, Promise<Buffer | null>>();

function buildFile(path: string): Promise<Buffer | null> {
  let read = files.get(path);
  if (!read) {
    read = readFile(path).catch(() => null);
    files.set(path, read);
  }
  return read;
}

/** Answers one request of the print page from the build under `root`; refuses anything else. */
async function serve(route: Route, root: string): Promise<void> {
  const url = new URL(route.request().url());
  if (url.origin !== ORIGIN) return route.abort('blockedbyclient');
  const file = normalize(join(root, decodeURIComponent(url.pathname)));
  if (!file.startsWith(root + sep)) return route.abort('blockedbyclient');
  const body = await buildFile(file);
  if (body === null) return route.fulfill({ status: 404, body: 'not found' });
  return route.fulfill({
    status: 200,
    body,
    contentType: TYPES[extname(file)] ?? 'application/octet-stream',
  });
}

/** How long laying a pack out may take before the command gives up. */
export const RENDER_TIMEOUT_MS = 60_000;

function withTimeout<T>(work: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

export type RenderedPack = PackRendered & { readonly pdf: Buffer };

export type RenderPackOptions = {
  /** The renderer build (dist/renderer), holding pack.html. */
  readonly rendererDir: string;
  /** A browser already running, to reuse (benchmarks); otherwise one is started and closed. */
  readonly browser?: Browser;
};

/** The print page, loaded and waiting for packs. */
export type PrintPage = {
  /** Lays `input` out and prints it; packs handed over together are printed one at a time. */
  readonly render: (input: PackInput) => Promise<RenderedPack>;
  /** Closes the page, and the browser when the page started it. */
  readonly close: () => Promise<void>;
};

/**
 * The browser driver, required rather than imported: imported from an ES module, Node first scans
 * the driver's large CommonJS bundle for its exports, which costs a command a few tenths of a
 * second before the browser can start.
 */
const { chromium } = createRequire(import.meta.url)('playwright-core') as typeof Playwright;

/** The browser could not be found or started: nothing to do with the print page or its build. */
export class BrowserUnavailable extends Error {
  override readonly name = 'BrowserUnavailable';
}

export async function launchChromium(): Promise<Browser> {
  try {
    return await chromium.launch({
      executablePath: findChromium(),
      args: CHROMIUM_ARGS,
      headless: true,
    });
  } catch (error) {
    throw new BrowserUnavailable(error instanceof Error ? error.message : String(error));
  }
}

/**
 * Lays one pack out on the open page and prints it. `errors` holds what the page threw since the
 * last pack (so also while it loaded); it is emptied for the next one.
 */
async function printOn(page: Page, input: PackInput, errors: string[]): Promise<RenderedPack> {
  try {
    return await printChecked(page, input, errors);
  } finally {
    errors.length = 0;
  }
}

async function printChecked(page: Page, input: PackInput, errors: string[]): Promise<RenderedPack> {
  // Handed over as JSON text: Playwright's own serializer is far slower on a large object.
  const rendered = await withTimeout(
    page.evaluate(
      ([name, json]) =>
        (window as unknown as Record<string, (input: unknown) => Promise<PackRendered>>)[
          name as string
        ]?.(JSON.parse(json as string)) as Promise<PackRendered>,
      [RENDER_PACK_GLOBAL, JSON.stringify(input)] as const,
    ),
    RENDER_TIMEOUT_MS,
    `the pack was not laid out after ${RENDER_TIMEOUT_MS / 1000} seconds`,
  );
  if (errors.length > 0) throw new Error(`The print page failed: ${errors[0]}`);
  const printed = await page.pdf({
    preferCSSPageSize: true,
    printBackground: true,
    outline: true,
    // Tagged, so that a screen reader can read the pack's headings and tables.
    tagged: true,
  });
  // Chromium names itself the creator; the pack says it is Baton's, under its own title.
  const pdf = Buffer.from(withPdfInfo(printed, packPdfInfo(input.settings.title)));
  return { ...rendered, pdf };
}

/**
 * Starts the browser (unless one is given), opens the print page and waits until it can take a
 * pack. Whatever fails on the way closes what was opened.
 */
export async function openPrintPage(options: RenderPackOptions): Promise<PrintPage> {
  const browser = options.browser ?? (await launchChromium());
  const owned = !options.browser;
  let page: Page | undefined;
  try {
    page = await browser.newPage();
    const opened = page;
    const root = resolve(options.rendererDir);
    await opened.route('**/*', (route) => serve(route, root));
    const errors: string[] = [];
    opened.on('pageerror', (error) => errors.push(error.message));
    // What the page could not load (Chromium says so on the console), to say why it did not start.
    const problems: string[] = [];
    const heard = (message: ConsoleMessage) => {
      if (message.type() === 'error') problems.push(message.text());
    };
    opened.on('console', heard);
    await opened.goto(`${ORIGIN}/pack.html`);
    opened.off('console', heard);
    // Its module has run by the load event, which goto waits for.
    if (!(await opened.evaluate((name) => name in window, RENDER_PACK_GLOBAL))) {
      const why = errors[0] ?? problems[0];
      throw new Error(`the print page did not start${why ? `: ${why}` : ''}`);
    }
    const inTurn = serialQueue();
    return {
      render: (input) => inTurn(() => printOn(opened, input, errors)),
      // Closing the browser closes its page with it.
      close: () => (owned ? browser.close() : opened.close()),
    };
  } catch (error) {
    await page?.close().catch(() => undefined);
    if (owned) await browser.close().catch(() => undefined);
    throw error;
  }
}

/** Opens the print page, prints one pack and closes the page (and the browser it started). */
export async function renderPackPdf(
  input: PackInput,
  options: RenderPackOptions,
): Promise<RenderedPack> {
  const page = await openPrintPage(options);
  try {
    return await page.render(input);
  } finally {
    await page.close();
  }
}
