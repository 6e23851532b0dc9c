/**
 * Renders a board pack to PDF bytes without a window: an installed Chromium or Chrome, driven by
 * playwright-core, opens the built print page (served from the renderer build through request
 * interception, so no port is opened), lays the pack out and prints it. The same pages as the
 * desktop app's export.
 */
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { packPdfInfo, withPdfInfo } from '../../shared/pack/pdf-info';
import { RENDER_PACK_GLOBAL, type PackInput, type PackRendered } from '../../shared/pack/types';
import { CHROMIUM_ARGS, findChromium } from './chromium';

/** An origin that never reaches the network: every request to it is answered from the build. */
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

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS, headless: true });
}

export async function renderPackPdf(
  input: PackInput,
  options: RenderPackOptions,
): Promise<RenderedPack> {
  const browser = options.browser ?? (await launchChromium());
  const root = normalize(options.rendererDir);
  try {
    const page = await browser.newPage();
    try {
      await page.route('**/*', async (route) => {
        const url = new URL(route.request().url());
        if (url.origin !== ORIGIN) return route.abort();
        const file = normalize(join(root, decodeURIComponent(url.pathname)));
        if (!file.startsWith(root + sep)) return route.abort();
        try {
          const body = await readFile(file);
          return route.fulfill({
            status: 200,
            body,
            contentType: TYPES[extname(file)] ?? 'application/octet-stream',
          });
        } catch {
          return route.fulfill({ status: 404, body: 'not found' });
        }
      });
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(`${ORIGIN}/pack.html`);
      await page.waitForFunction((name) => name in window, RENDER_PACK_GLOBAL);
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
    } finally {
      await page.close();
    }
  } finally {
    if (!options.browser) await browser.close();
  }
}
