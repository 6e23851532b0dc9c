/**
 * Exports the board pack as a PDF. The renderer's print page (`pack.html`) lays the pack out in a
 * hidden window, Chromium prints it, and only then does the user choose where the file goes: a
 * pack that cannot be made never leaves the user with a Save dialog for nothing.
 *
 * The hidden window is kept warm between exports (`createPackPrinter`): opened and loaded once,
 * when the app window is shown or at the first export, then handed each pack in turn (the page
 * draws each from a clean page), so that an export pays for the layout and the print only. A
 * window that crashed, failed to load or did not finish in time is replaced at the next export.
 */
import type {
  BrowserWindow,
  BrowserWindowConstructorOptions,
  Dialog,
  PrintToPDFOptions,
  WebContents,
} from 'electron';
import {
  PAGE_SIZES,
  RENDER_PACK_GLOBAL,
  type PackInput,
  type PackRendered,
} from '../shared/pack/types';
import { packPdfInfo, withPdfInfo } from '../shared/pack/pdf-info';
import { APP_ORIGIN } from './app-url';
import { saveThroughDialog } from './files';
import type { IpcHandlers } from './ipc';
import { secureWebPreferences } from './security';
import { serialQueue } from './serial-queue';

/** The print page of the renderer build, served like the app's own page. */
export const PACK_PAGE_URL = `${APP_ORIGIN}/pack.html`;

/** How long the page may take to load, lay out and print the pack before the export gives up. */
export const PACK_RENDER_TIMEOUT_MS = 60_000;

export const PDF_FILTERS = [{ name: 'PDF document', extensions: ['pdf'] }];

/** The part of a BrowserWindow the export uses. */
export type PackWindow = Pick<BrowserWindow, 'loadURL' | 'destroy' | 'isDestroyed'> & {
  readonly webContents: Pick<WebContents, 'executeJavaScript' | 'printToPDF' | 'isCrashed'>;
};

export type PackExportDeps = {
  readonly dialog: Pick<Dialog, 'showSaveDialog'>;
  /** The user's documents folder, where the Save dialog starts. */
  readonly documentsDir: () => string;
  /** Opens a window (main: `new BrowserWindow(options)`). */
  readonly createWindow: (options: BrowserWindowConstructorOptions) => PackWindow;
  /** The kept print window (main warms it); without one, the first export opens it. */
  readonly packPrinter?: PackPrinter;
};

/** The hidden window's options: the app window's locked-down page, without a preload. */
export function packWindowOptions(): BrowserWindowConstructorOptions {
  // The print page needs no bridge, so it gets none: it cannot reach main at all.
  const { preload: _none, ...webPreferences } = secureWebPreferences('', { devTools: false });
  return {
    show: false,
    // A hidden page counts as a background tab, whose timers and animation frames are throttled;
    // the layout must not wait on that.
    webPreferences: { ...webPreferences, backgroundThrottling: false },
  };
}

/**
 * The script that renders `input` in the print page. The input is untrusted, so it reaches the
 * page as data, never as code: one string literal (JSON.stringify of its JSON text escapes every
 * quote, backslash and line break, so nothing in it can end the literal early), which the page
 * reads with JSON.parse, where a `"__proto__"` key stays a plain property (in an object literal
 * it would set the prototype). A rejection of the page is turned into an answer, because
 * executeJavaScript does not reliably carry an error's message back across processes.
 */
export function renderPackScript(input: PackInput): string {
  const render = `window.${RENDER_PACK_GLOBAL}`;
  return `(async () => {
  if (typeof ${render} !== 'function') return { status: 'missing' };
  try {
    return { status: 'rendered', rendered: await ${render}(JSON.parse(${JSON.stringify(JSON.stringify(input))})) };
  } catch (error) {
    return { status: 'refused', message: error instanceof Error ? error.message : String(error) };
  }
})()`;
}

type Fields<K extends string> = Partial<Record<K, unknown>> | null | undefined;

/** The page refused the pack (its message is for the user); the page itself is fine. */
class PackRefused extends Error {}

/**
 * Reads the answer of `renderPackScript`: `{ status: 'rendered', rendered }`, or the page's
 * message for the user (`refused`), or `missing` when the page did not set up its function.
 */
export function readRenderOutcome(value: unknown): PackRendered {
  const outcome = value as Fields<'status' | 'message' | 'rendered'>;
  if (outcome?.status === 'refused') throw new PackRefused(String(outcome.message));
  if (outcome?.status === 'missing') {
    throw new Error('The board pack page did not load; Baton may need to be reinstalled.');
  }
  const rendered = (outcome?.status === 'rendered' ? outcome.rendered : null) as Fields<
    keyof PackRendered
  >;
  if (
    !PAGE_SIZES.some((size) => size === rendered?.pageSize) ||
    typeof rendered?.landscape !== 'boolean' ||
    typeof rendered.pages !== 'number'
  ) {
    throw new Error('The board pack page gave an answer Baton does not understand.');
  }
  return rendered as PackRendered;
}

/** Chromium's print settings for the rendered pack. */
export function packPrintOptions(rendered: PackRendered): PrintToPDFOptions {
  return {
    printBackground: true,
    // The page sets each page's size and zero margins with CSS @page; size and orientation here
    // are only what Chromium falls back to, and they say the same.
    preferCSSPageSize: true,
    pageSize: rendered.pageSize,
    landscape: rendered.landscape,
    margins: { top: 0, bottom: 0, left: 0, right: 0 },
    // The sections' headings become the PDF's bookmarks (experimental in Electron 45).
    generateDocumentOutline: true,
    // Tagged, so that a screen reader can read the pack's headings and tables (as the command
    // line's packs are).
    generateTaggedPDF: true,
  };
}

/** Rejects with `message` when `work` has not settled after `ms` milliseconds. */
function withTimeout<T>(work: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

async function printPack(window: PackWindow, input: PackInput): Promise<Uint8Array> {
  const outcome: unknown = await window.webContents.executeJavaScript(
    renderPackScript(input),
    true,
  );
  const pdf = await window.webContents.printToPDF(packPrintOptions(readRenderOutcome(outcome)));
  // Chromium names itself the creator; the pack says it is Baton's, under its own title.
  return withPdfInfo(pdf, packPdfInfo(input.settings.title));
}

/** The hidden print window, kept between exports. */
export type PackPrinter = {
  /** Opens the window and loads the print page, unless a working one is open already. */
  readonly warm: () => void;
  /** Lays `input` out in the kept window and prints it; exports wait their turn. */
  readonly print: (input: PackInput) => Promise<Uint8Array>;
  /**
   * Destroys the window (the last app window closed, or the app quits). Exports still waiting are
   * refused rather than opening the window again, until the printer is warmed anew.
   */
  readonly dispose: () => void;
};

type KeptWindow = {
  readonly window: PackWindow;
  readonly loaded: Promise<void>;
  /** Set when the page failed to load: the next export opens a new window. */
  failed: boolean;
};

export function createPackPrinter(createWindow: PackExportDeps['createWindow']): PackPrinter {
  let kept: KeptWindow | null = null;
  const inTurn = serialQueue();
  let disposed = false;

  const drop = (which: KeptWindow | null = kept) => {
    if (which === null) return;
    if (!which.window.isDestroyed()) which.window.destroy();
    if (kept === which) kept = null;
  };

  const open = (): KeptWindow => {
    const current = kept;
    if (
      current !== null &&
      !current.failed &&
      !current.window.isDestroyed() &&
      !current.window.webContents.isCrashed()
    ) {
      return current;
    }
    drop(current);
    const window = createWindow(packWindowOptions());
    const opened: KeptWindow = { window, loaded: window.loadURL(PACK_PAGE_URL), failed: false };
    // The export that uses the window hears of the failure; a warmed one is replaced.
    opened.loaded.catch(() => {
      opened.failed = true;
    });
    kept = opened;
    return opened;
  };

  const printOnce = async (input: PackInput): Promise<Uint8Array> => {
    if (disposed) throw new Error('The app window closed before the board pack was made.');
    const current = open();
    try {
      return await withTimeout(
        current.loaded.then(() => printPack(current.window, input)),
        PACK_RENDER_TIMEOUT_MS,
        `The board pack was not ready to print after ${PACK_RENDER_TIMEOUT_MS / 1000} seconds; try again with fewer sections.`,
      );
    } catch (error) {
      // A pack the page refused leaves the page as good as before. Anything else (a page that did
      // not load or answer, a print that failed, a timeout) may have left it in any state:
      // destroying the window ends whatever it was still doing, and the next export opens anew.
      if (!(error instanceof PackRefused)) drop(current);
      throw error;
    }
  };

  return {
    warm: () => {
      disposed = false;
      open();
    },
    print: (input) => inTurn(() => printOnce(input)),
    dispose: () => {
      disposed = true;
      drop();
    },
  };
}

/** The handler of `app:export-pack`. One export at a time per window: a second one is refused. */
export function createPackExportHandler(deps: PackExportDeps): IpcHandlers['app:export-pack'] {
  const busy = new WeakSet<object>();
  const printer = deps.packPrinter ?? createPackPrinter(deps.createWindow);
  return async ({ suggestedName, input }, { window }) => {
    if (busy.has(window)) {
      throw new Error('A board pack is already being made in this window; wait for it to finish.');
    }
    busy.add(window);
    try {
      const pdf = await printer.print(input);
      // The window that asked closed while the pack was made: no dialog without its window.
      if (window.isDestroyed()) return null;
      const filePath = await saveThroughDialog(
        deps,
        window,
        { title: 'Export board pack', suggestedName, filters: PDF_FILTERS },
        pdf,
      );
      return filePath === null ? null : { path: filePath };
    } finally {
      busy.delete(window);
    }
  };
}
