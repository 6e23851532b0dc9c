import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  PACK_RENDER_TIMEOUT_MS,
  createPackExportHandler,
  createPackPrinter,
  type PackExportDeps,
} from '../../electron/pack-export';
import type { PackInput, PackRendered } from '../../shared/pack/types';
import { onePagePdf } from '../shared/pack/one-page-pdf';

/** The window the request came from; the Save dialog belongs to it. */
const appWindow = { id: 1, isDestroyed: () => false } as unknown as BrowserWindow;

const PDF = new TextEncoder().encode('%PDF-1.7 board pack');

const input = {
  portfolio: { name: 'Corvane Logistics', initiatives: [] },
  settings: { title: 'Board pack', pageSize: 'Letter', orientation: 'landscape' },
} as unknown as PackInput;

/**
 * What `pack.html` does once loaded: puts `batonRenderPack` on `window`. `render` stands for it;
 * absent, the page never set it up.
 */
type Page = { batonRenderPack?: (input: unknown) => Promise<unknown> };

/**
 * A stand-in for the hidden BrowserWindow. `executeJavaScript` really runs the script main sends,
 * against the fake page, so the tests see what the page would receive and answer.
 */
function fakePackWindow(page: Page) {
  let destroyed = false;
  let crashed = false;
  return {
    /** The page's process dies, as Chromium's "render process gone". */
    crash: () => {
      crashed = true;
    },
    loadURL: vi.fn(async (_url: string) => undefined),
    destroy: vi.fn(() => {
      destroyed = true;
    }),
    isDestroyed: vi.fn(() => destroyed),
    webContents: {
      executeJavaScript: vi.fn(async (script: string, _userGesture?: boolean): Promise<unknown> => {
        // The script is one expression; run it with the fake page as its `window`.
        const run = new Function('window', `return ${script};`) as (window: Page) => unknown;
        return run(page);
      }),
      printToPDF: vi.fn(async (_options: unknown) => Buffer.from(PDF)),
      isCrashed: vi.fn(() => crashed),
    },
  };
}

type FakePackWindow = ReturnType<typeof fakePackWindow>;

let folder = '';

beforeEach(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), 'baton-pack-'));
});

afterEach(async () => {
  vi.useRealTimers();
  await rm(folder, { recursive: true, force: true });
});

function setUp(page: Page, options: { saveAs?: string | null } = {}) {
  const packWindow: FakePackWindow = fakePackWindow(page);
  const target = options.saveAs === undefined ? path.join(folder, 'Q3 pack.pdf') : options.saveAs;
  let destroyedWhenAsked: boolean | undefined;
  const showSaveDialog = vi.fn(async () => {
    destroyedWhenAsked = packWindow.isDestroyed();
    return target === null
      ? { canceled: true, filePath: '' }
      : { canceled: false, filePath: target };
  });
  const createWindow = vi.fn((_options: BrowserWindowConstructorOptions) => packWindow);
  const deps: PackExportDeps = {
    dialog: { showSaveDialog } as unknown as PackExportDeps['dialog'],
    documentsDir: () => '/home/ada/Documents',
    createWindow: createWindow as unknown as PackExportDeps['createWindow'],
  };
  const exportPack = createPackExportHandler(deps);
  return {
    packWindow,
    createWindow,
    showSaveDialog,
    destroyedWhenAsked: () => destroyedWhenAsked,
    run: (suggestedName = 'Q3 pack.pdf') =>
      exportPack({ suggestedName, input }, { window: appWindow }),
  };
}

function pageRendering(rendered: PackRendered) {
  const received: unknown[] = [];
  const page: Page = {
    batonRenderPack: async (value) => {
      received.push(value);
      return rendered;
    },
  };
  return { page, received };
}

const LETTER_LANDSCAPE: PackRendered = { pageSize: 'Letter', landscape: true, pages: 12 };

describe('app:export-pack', () => {
  it('renders the pack in a hidden, locked-down window, prints it and saves the PDF', async () => {
    const { page, received } = pageRendering(LETTER_LANDSCAPE);
    const { packWindow, createWindow, showSaveDialog, destroyedWhenAsked, run } = setUp(page);

    await expect(run()).resolves.toEqual({ path: path.join(folder, 'Q3 pack.pdf') });

    const options = createWindow.mock.calls[0]?.[0];
    expect(options?.show).toBe(false);
    expect(options?.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      devTools: false,
    });
    // The print page gets no bridge to main.
    expect(options?.webPreferences).not.toHaveProperty('preload');

    expect(packWindow.loadURL).toHaveBeenCalledWith('app://baton/pack.html');
    expect(received).toEqual([input]);
    expect(packWindow.webContents.executeJavaScript).toHaveBeenCalledWith(expect.any(String), true);
    expect(packWindow.webContents.printToPDF).toHaveBeenCalledWith({
      printBackground: true,
      preferCSSPageSize: true,
      pageSize: 'Letter',
      landscape: true,
      margins: { top: 0, bottom: 0, left: 0, right: 0 },
      generateDocumentOutline: true,
      generateTaggedPDF: true,
    });

    expect(showSaveDialog).toHaveBeenCalledWith(
      appWindow,
      expect.objectContaining({
        defaultPath: path.join('/home/ada/Documents', 'Q3 pack.pdf'),
        filters: [{ name: 'PDF document', extensions: ['pdf'] }],
      }),
    );
    // The hidden window is kept for the next export.
    expect(destroyedWhenAsked()).toBe(false);
    expect(packWindow.destroy).not.toHaveBeenCalled();
    expect(new Uint8Array(await readFile(path.join(folder, 'Q3 pack.pdf')))).toEqual(PDF);
  });

  it('names Baton the PDF’s creator and producer and the pack’s title its title', async () => {
    const { page } = pageRendering(LETTER_LANDSCAPE);
    const { packWindow, run } = setUp(page);
    packWindow.webContents.printToPDF.mockResolvedValueOnce(Buffer.from(onePagePdf()));
    await run();
    const saved = new TextDecoder('latin1').decode(
      await readFile(path.join(folder, 'Q3 pack.pdf')),
    );
    // The last trailer's Info is what a reader shows.
    const info = /\/Info (\d+) 0 R[^>]*>>\nstartxref\n\d+\n%%EOF\n$/.exec(saved)?.[1];
    expect(info).toBeDefined();
    const object = saved.slice(saved.lastIndexOf(`\n${info} 0 obj`));
    expect(object).toMatch(
      /^\n\d+ 0 obj\n<< \/Title \(Board pack\) \/Creator \(Baton\) \/Producer \(Baton\)/,
    );
  });

  it('prints portrait A4 when the page says so', async () => {
    const { page } = pageRendering({ pageSize: 'A4', landscape: false, pages: 3 });
    const { packWindow, run } = setUp(page);
    await run();
    expect(packWindow.webContents.printToPDF).toHaveBeenCalledWith(
      expect.objectContaining({ pageSize: 'A4', landscape: false }),
    );
  });

  it('hands the page its input as data, however hostile the text in it', async () => {
    const hostile: Record<string, unknown> = {
      name: '"); globalThis.pwned = true; ("\u2028</script>\\',
    };
    // An own property named __proto__, as a parsed file or a structured clone can carry.
    Object.defineProperty(hostile, '__proto__', {
      value: { polluted: true },
      enumerable: true,
      writable: true,
      configurable: true,
    });
    const tricky = { ...input, portfolio: hostile } as unknown as PackInput;
    const { page, received } = pageRendering(LETTER_LANDSCAPE);
    const packWindow = fakePackWindow(page);
    const exportPack = createPackExportHandler({
      dialog: { showSaveDialog: async () => ({ canceled: true, filePath: '' }) },
      documentsDir: () => folder,
      createWindow: () => packWindow as never,
    });

    await exportPack({ suggestedName: 'pack.pdf', input: tricky }, { window: appWindow });

    expect(received).toEqual([tricky]);
    const portfolio = (received[0] as { portfolio: object }).portfolio;
    expect(Object.hasOwn(portfolio, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(portfolio)).toBe(Object.prototype);
    expect((globalThis as { pwned?: unknown }).pwned).toBeUndefined();
  });

  it('refuses a second export from the same window while the first is being made', async () => {
    const finishes: ((rendered: PackRendered) => void)[] = [];
    const page: Page = {
      batonRenderPack: () => new Promise((resolve) => finishes.push(resolve)),
    };
    const { createWindow, run } = setUp(page);
    const first = run();
    await expect(run()).rejects.toThrow(
      'A board pack is already being made in this window; wait for it to finish.',
    );
    expect(createWindow).toHaveBeenCalledTimes(1);
    await vi.waitFor(() => expect(finishes).toHaveLength(1));
    finishes[0]?.(LETTER_LANDSCAPE);
    await expect(first).resolves.toEqual({ path: path.join(folder, 'Q3 pack.pdf') });
    // Once it is done, the window may export again, in the same hidden window.
    const again = run();
    await vi.waitFor(() => expect(finishes).toHaveLength(2));
    finishes[1]?.(LETTER_LANDSCAPE);
    await expect(again).resolves.toEqual({ path: path.join(folder, 'Q3 pack.pdf') });
    expect(createWindow).toHaveBeenCalledTimes(1);
  });

  it('writes nothing when the user cancels the Save dialog', async () => {
    const { page } = pageRendering(LETTER_LANDSCAPE);
    const { packWindow, showSaveDialog, run } = setUp(page, { saveAs: null });
    await expect(run()).resolves.toBeNull();
    expect(showSaveDialog).toHaveBeenCalled();
    expect(await readdir(folder)).toEqual([]);
    expect(packWindow.destroy).not.toHaveBeenCalled();
  });

  it("rejects with the page's message when the page refuses the input, and asks nothing", async () => {
    const page: Page = {
      batonRenderPack: async () => {
        throw new Error('The pack has no sections; choose at least one.');
      },
    };
    const { packWindow, showSaveDialog, run } = setUp(page);
    await expect(run()).rejects.toThrow('The pack has no sections; choose at least one.');
    expect(packWindow.webContents.printToPDF).not.toHaveBeenCalled();
    expect(showSaveDialog).not.toHaveBeenCalled();
    // The page is as good as before: the next export uses it.
    expect(packWindow.destroy).not.toHaveBeenCalled();
    expect(await readdir(folder)).toEqual([]);
  });

  it('says so when the print page did not set up its render function', async () => {
    const { packWindow, showSaveDialog, run } = setUp({});
    await expect(run()).rejects.toThrow('The board pack page did not load');
    expect(showSaveDialog).not.toHaveBeenCalled();
    expect(packWindow.destroy).toHaveBeenCalled();
  });

  it('refuses an answer of the page it does not understand', async () => {
    const page: Page = { batonRenderPack: async () => ({ pageSize: 'A3', landscape: 'yes' }) };
    const { packWindow, run } = setUp(page);
    await expect(run()).rejects.toThrow('The board pack page gave an answer');
    expect(packWindow.webContents.printToPDF).not.toHaveBeenCalled();
    expect(packWindow.destroy).toHaveBeenCalled();
  });

  it('destroys the window when the page cannot be loaded', async () => {
    const { page } = pageRendering(LETTER_LANDSCAPE);
    const { packWindow, run } = setUp(page);
    packWindow.loadURL.mockRejectedValueOnce(
      new Error('ERR_FILE_NOT_FOUND (-6) loading pack.html'),
    );
    await expect(run()).rejects.toThrow('ERR_FILE_NOT_FOUND');
    expect(packWindow.destroy).toHaveBeenCalled();
  });

  it('gives up after 60 seconds with a clear message and destroys the window', async () => {
    vi.useFakeTimers();
    // A page whose layout never finishes.
    const page: Page = { batonRenderPack: () => new Promise(() => undefined) };
    const { packWindow, showSaveDialog, run } = setUp(page);
    const exported = run();
    const settled = expect(exported).rejects.toThrow(
      'The board pack was not ready to print after 60 seconds',
    );

    await vi.advanceTimersByTimeAsync(PACK_RENDER_TIMEOUT_MS - 1);
    expect(packWindow.destroy).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);

    await settled;
    expect(PACK_RENDER_TIMEOUT_MS).toBe(60_000);
    expect(packWindow.destroy).toHaveBeenCalled();
    expect(showSaveDialog).not.toHaveBeenCalled();
  });
});

describe('the kept print window', () => {
  /** A printer whose windows are fakes of `page`, each one kept in `windows` as it is opened. */
  function printerOf(page: Page) {
    const windows: FakePackWindow[] = [];
    const createWindow = vi.fn((_options: BrowserWindowConstructorOptions) => {
      const window = fakePackWindow(page);
      windows.push(window);
      return window;
    });
    const printer = createPackPrinter(createWindow as unknown as PackExportDeps['createWindow']);
    return { printer, windows, createWindow };
  }

  const other = {
    ...input,
    settings: { ...input.settings, title: 'Quarterly review' },
  } as unknown as PackInput;

  it('is opened and loaded when warmed, then prints each export without loading again', async () => {
    const { page, received } = pageRendering(LETTER_LANDSCAPE);
    const { printer, windows } = printerOf(page);

    printer.warm();
    expect(windows).toHaveLength(1);
    expect(windows[0]?.loadURL).toHaveBeenCalledWith('app://baton/pack.html');
    // Warming again while it is open opens nothing new.
    printer.warm();
    expect(windows).toHaveLength(1);

    await expect(printer.print(input)).resolves.toBeInstanceOf(Uint8Array);
    await expect(printer.print(other)).resolves.toBeInstanceOf(Uint8Array);

    expect(windows).toHaveLength(1);
    expect(windows[0]?.loadURL).toHaveBeenCalledTimes(1);
    expect(windows[0]?.webContents.printToPDF).toHaveBeenCalledTimes(2);
    // Each export hands the page its own pack.
    expect(received).toEqual([input, other]);
    expect(windows[0]?.destroy).not.toHaveBeenCalled();
  });

  it('without warming, the first export opens it and later ones reuse it', async () => {
    const { page } = pageRendering(LETTER_LANDSCAPE);
    const { printer, createWindow } = printerOf(page);
    expect(createWindow).not.toHaveBeenCalled();
    await printer.print(input);
    await printer.print(input);
    expect(createWindow).toHaveBeenCalledTimes(1);
  });

  it('prints packs handed over together one after the other, each whole', async () => {
    const order: string[] = [];
    const finishes: (() => void)[] = [];
    const page: Page = {
      batonRenderPack: (value) => {
        const title = (value as PackInput).settings.title;
        order.push(`draw ${title}`);
        return new Promise((resolve) =>
          finishes.push(() => {
            order.push(`drawn ${title}`);
            resolve(LETTER_LANDSCAPE);
          }),
        );
      },
    };
    const { printer, windows } = printerOf(page);
    const first = printer.print(input);
    const second = printer.print(other);
    await vi.waitFor(() => expect(finishes).toHaveLength(1));
    // The second pack is not drawn over the first one while it is being laid out and printed.
    expect(order).toEqual(['draw Board pack']);
    finishes[0]?.();
    await first;
    await vi.waitFor(() => expect(finishes).toHaveLength(2));
    finishes[1]?.();
    await second;
    expect(order).toEqual([
      'draw Board pack',
      'drawn Board pack',
      'draw Quarterly review',
      'drawn Quarterly review',
    ]);
    expect(windows[0]?.webContents.printToPDF).toHaveBeenCalledTimes(2);
  });

  it('is replaced at the next export when its page crashed or the window was destroyed', async () => {
    const { page } = pageRendering(LETTER_LANDSCAPE);
    const { printer, windows } = printerOf(page);
    printer.warm();
    windows[0]?.crash();
    await printer.print(input);
    expect(windows).toHaveLength(2);
    expect(windows[0]?.destroy).toHaveBeenCalled();
    expect(windows[0]?.webContents.executeJavaScript).not.toHaveBeenCalled();
    expect(windows[1]?.webContents.printToPDF).toHaveBeenCalledTimes(1);

    windows[1]?.destroy();
    await printer.print(input);
    expect(windows).toHaveLength(3);
    expect(windows[2]?.webContents.printToPDF).toHaveBeenCalledTimes(1);
  });

  it('a warmed window whose page did not load is replaced, and the export succeeds', async () => {
    const { page } = pageRendering(LETTER_LANDSCAPE);
    const { printer, windows, createWindow } = printerOf(page);
    createWindow.mockImplementationOnce(() => {
      const window = fakePackWindow(page);
      window.loadURL.mockRejectedValueOnce(new Error('ERR_FAILED (-2) loading pack.html'));
      windows.push(window);
      return window;
    });
    printer.warm();
    // Let the failed load be noticed.
    await vi.waitFor(() => expect(windows[0]?.loadURL).toHaveBeenCalled());
    await Promise.resolve();
    await expect(printer.print(input)).resolves.toBeInstanceOf(Uint8Array);
    expect(windows).toHaveLength(2);
    expect(windows[0]?.destroy).toHaveBeenCalled();
  });

  it('after a failed export (no answer the page understands), the next one gets a new window', async () => {
    let answer: unknown = { pageSize: 'A3', landscape: 'yes' };
    const page: Page = { batonRenderPack: async () => answer };
    const { printer, windows } = printerOf(page);
    await expect(printer.print(input)).rejects.toThrow('The board pack page gave an answer');
    expect(windows[0]?.destroy).toHaveBeenCalled();
    answer = LETTER_LANDSCAPE;
    await expect(printer.print(input)).resolves.toBeInstanceOf(Uint8Array);
    expect(windows).toHaveLength(2);
  });

  it('is destroyed when disposed, and opened again by a later export', async () => {
    const { page } = pageRendering(LETTER_LANDSCAPE);
    const { printer, windows } = printerOf(page);
    printer.warm();
    printer.dispose();
    expect(windows[0]?.destroy).toHaveBeenCalledTimes(1);
    // Disposing twice destroys nothing twice.
    printer.dispose();
    expect(windows[0]?.destroy).toHaveBeenCalledTimes(1);
    printer.warm();
    await printer.print(input);
    expect(windows).toHaveLength(2);
  });

  it('refuses an export still waiting when disposed, opening no window again', async () => {
    const { page } = pageRendering(LETTER_LANDSCAPE);
    const { printer, windows } = printerOf(page);
    printer.warm();
    const first = printer.print(input);
    const queued = printer.print(other);
    printer.dispose();
    await expect(queued).rejects.toThrow(/app window closed/);
    await first.catch(() => undefined);
    expect(windows.every((window) => window.isDestroyed())).toBe(true);
    expect(windows).toHaveLength(1);
  });

  it('opens no Save dialog when the window that asked closed meanwhile', async () => {
    const { page } = pageRendering(LETTER_LANDSCAPE);
    const { printer } = printerOf(page);
    const showSaveDialog = vi.fn(async () => ({ canceled: true, filePath: '' }));
    const exportPack = createPackExportHandler({
      dialog: { showSaveDialog },
      documentsDir: () => folder,
      createWindow: vi.fn() as unknown as PackExportDeps['createWindow'],
      packPrinter: printer,
    });
    const closed = { id: 2, isDestroyed: () => true } as unknown as BrowserWindow;
    await expect(
      exportPack({ suggestedName: 'pack.pdf', input }, { window: closed }),
    ).resolves.toBe(null);
    expect(showSaveDialog).not.toHaveBeenCalled();
  });

  it('is the one main warmed when the export handler is given it', async () => {
    const { page } = pageRendering(LETTER_LANDSCAPE);
    const { printer, windows } = printerOf(page);
    printer.warm();
    const createWindow = vi.fn();
    const exportPack = createPackExportHandler({
      dialog: { showSaveDialog: async () => ({ canceled: true, filePath: '' }) },
      documentsDir: () => folder,
      createWindow: createWindow as unknown as PackExportDeps['createWindow'],
      packPrinter: printer,
    });
    await exportPack({ suggestedName: 'pack.pdf', input }, { window: appWindow });
    expect(createWindow).not.toHaveBeenCalled();
    expect(windows).toHaveLength(1);
    expect(windows[0]?.webContents.printToPDF).toHaveBeenCalledTimes(1);
  });
});
