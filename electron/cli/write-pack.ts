/**
 * The `pack` command's work after its arguments check out: make sure the print page is built,
 * render the pack with an installed browser, and write the PDF (atomically, so a failed run never
 * leaves half a file where the last good pack was).
 *
 * The browser starts and loads the print page while the portfolio is still being read and
 * checked: handed a promise of the request, the command waits for the two together.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EXIT_FAILURE, EXIT_OK, type CliOutput, type PackRequest } from '../../shared/cli/commands';
import { writeFileAtomic } from '../atomic-file';
import { BrowserUnavailable, openPrintPage, type PrintPage } from './render-pack';

/** This module's folder: electron/cli/ when run from the sources, dist/cli/ in the bundle. */
function moduleDir(): string {
  return dirname(fileURLToPath(import.meta.url));
}

/** The sources' folder when this module runs from them (electron/cli/), else null. */
function sourcesRoot(): string | null {
  const here = moduleDir();
  return existsSync(join(here, 'write-pack.ts')) ? join(here, '../..') : null;
}

/** The renderer build beside the command line: dist/renderer for the sources and the bundle. */
export function builtRenderer(): string {
  const sources = sourcesRoot();
  return sources === null ? join(moduleDir(), '../renderer') : join(sources, 'dist/renderer');
}

/** The renderer build with the print page; `BATON_RENDERER_DIST` points at another build. */
function rendererDir(): string {
  return process.env.BATON_RENDERER_DIST || builtRenderer();
}

/** Builds the renderer (quietly) when the print page is missing, e.g. right after `npm install`. */
async function ensurePrintPage(dir: string): Promise<void> {
  if (existsSync(join(dir, 'pack.html'))) return;
  const sources = sourcesRoot();
  // Another build is the caller's to make: building here would write the app's own build. The
  // bundled command line is built together with the renderer, so a missing one is a broken build.
  if (dir !== builtRenderer()) throw new Error(`no print page (pack.html) in ${dir}`);
  if (sources === null) {
    throw new Error(`no print page (pack.html) in ${dir}; run \`npm run build\``);
  }
  const { build } = await import('vite');
  await build({ configFile: join(sources, 'renderer/vite.config.ts'), logLevel: 'silent' });
}

function failure(message: string): CliOutput {
  return { stdout: '', stderr: message, code: EXIT_FAILURE };
}

export function cannotRender(dir: string, error: unknown): CliOutput {
  // The print page is a build of the renderer: one made before Baton was updated may not know
  // what this command asks of it (a new section), so say how to bring it up to date. A browser
  // that is missing or would not start is no fault of the build: its message says what to do.
  const stale =
    dir === builtRenderer() && !(error instanceof BrowserUnavailable)
      ? ' If Baton was updated since the app was last built, run `npm run build` and try again.'
      : '';
  const reason = error instanceof Error ? error.message : String(error);
  return failure(`baton: cannot render the pack: ${reason}${stale}\n`);
}

/**
 * Prints the pack `request` asks for. Given a promise of it (the portfolio still being read and
 * checked), the browser starts meanwhile; a request that fails its checks is answered as it is,
 * and the browser is closed unused.
 */
export async function writePack(
  request: PackRequest | Promise<PackRequest | CliOutput>,
): Promise<CliOutput> {
  const dir = rendererDir();
  let opening: Promise<PrintPage>;
  try {
    await ensurePrintPage(dir);
    opening = openPrintPage({ rendererDir: dir });
  } catch (error) {
    opening = Promise.reject(error);
  }
  // Settled below in every path; until then a failure to open must not count as unhandled.
  opening.catch(() => undefined);
  const closeUnused = () => opening.then((page) => page.close()).catch(() => undefined);
  let checked: PackRequest | CliOutput;
  try {
    checked = await request;
  } catch (error) {
    await closeUnused();
    throw error;
  }
  if (!('input' in checked)) {
    await closeUnused();
    return checked;
  }
  let rendered;
  try {
    const page = await opening;
    try {
      rendered = await page.render(checked.input);
    } finally {
      await page.close();
    }
  } catch (error) {
    return cannotRender(dir, error);
  }
  try {
    await writeFileAtomic(checked.out, rendered.pdf);
  } catch (error) {
    return failure(`baton: cannot write ${checked.out}: ${(error as Error).message}\n`);
  }
  const summary = { out: checked.out, pages: rendered.pages, bytes: rendered.pdf.length };
  return { stdout: `${JSON.stringify(summary)}\n`, stderr: '', code: EXIT_OK };
}
