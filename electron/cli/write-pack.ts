/**
 * The `pack` command's work after its arguments check out: make sure the print page is built,
 * render the pack with an installed browser, and write the PDF (atomically, so a failed run never
 * leaves half a file where the last good pack was).
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { EXIT_FAILURE, EXIT_OK, type CliOutput, type PackRequest } from '../../shared/cli/commands';
import { writeFileAtomic } from '../atomic-file';
import { renderPackPdf } from './render-pack';

const BUILT_RENDERER = fileURLToPath(new URL('../../dist/renderer', import.meta.url));
/** The renderer build with the print page; `BATON_RENDERER_DIST` points at another build. */
const RENDERER_DIR = process.env.BATON_RENDERER_DIST || BUILT_RENDERER;

/** Builds the renderer (quietly) when the print page is missing, e.g. right after `npm install`. */
async function ensurePrintPage(): Promise<void> {
  if (existsSync(`${RENDERER_DIR}/pack.html`)) return;
  // Another build is the caller's to make: building here would write the app's own build.
  if (RENDERER_DIR !== BUILT_RENDERER) {
    throw new Error(`no print page (pack.html) in ${RENDERER_DIR}`);
  }
  const { build } = await import('vite');
  await build({
    configFile: fileURLToPath(new URL('../../renderer/vite.config.ts', import.meta.url)),
    logLevel: 'silent',
  });
}

export async function writePack(request: PackRequest): Promise<CliOutput> {
  await ensurePrintPage();
  let rendered;
  try {
    rendered = await renderPackPdf(request.input, { rendererDir: RENDERER_DIR });
  } catch (error) {
    // The print page is a build of the renderer: one made before Baton was updated may not know
    // what this command asks of it (a new section), so say how to bring it up to date.
    const stale =
      RENDERER_DIR === BUILT_RENDERER
        ? ' If Baton was updated since the app was last built, run `npm run build` and try again.'
        : '';
    return {
      stdout: '',
      stderr: `baton: cannot render the pack: ${error instanceof Error ? error.message : String(error)}${stale}\n`,
      code: EXIT_FAILURE,
    };
  }
  try {
    await writeFileAtomic(request.out, rendered.pdf);
  } catch (error) {
    return {
      stdout: '',
      stderr: `baton: cannot write ${request.out}: ${(error as Error).message}\n`,
      code: EXIT_FAILURE,
    };
  }
  const summary = { out: request.out, pages: rendered.pages, bytes: rendered.pdf.length };
  return { stdout: `${JSON.stringify(summary)}\n`, stderr: '', code: EXIT_OK };
}
