import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  PACK_RENDER_TIMEOUT_MS,
  createPackExportHandler,
  type PackExportDeps,
} from '../../electron/pack-export';
import type { PackInput, PackRendered } from '../../shared/pack/types';
import { onePagePdf } from '../shared/pack/one-page-pdf';

/** The window the request came from; the Save dialog belongs to it. */
const appWindow = { id: 1 } as unknown as BrowserWindow;

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
  return {
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
    // The hidden window is gone before the user is asked where the file goes.
    expect(destroyedWhenAsked()).toBe(true);
    expect(packWindow.destroy).toHaveBeenCalledTimes(1);
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
    let finish: (rendered: PackRendered) => void = () => undefined;
    const page: Page = { batonRenderPack: () => new Promise((resolve) => (finish = resolve)) };
    const { createWindow, run } = setUp(page);
    const first = run();
    await expect(run()).rejects.toThrow(
      'A board pack is already being made in this window; wait for it to finish.',
    );
    expect(createWindow).toHaveBeenCalledTimes(1);
    await vi.waitFor(() => expect(finish).not.toBe(undefined));
    finish(LETTER_LANDSCAPE);
    await expect(first).resolves.toEqual({ path: path.join(folder, 'Q3 pack.pdf') });
    // Once it is done, the window may export again: a new hidden window is opened for it.
    const again = run().catch(() => undefined);
    expect(createWindow).toHaveBeenCalledTimes(2);
    await again;
  });

  it('writes nothing when the user cancels the Save dialog', async () => {
    const { page } = pageRendering(LETTER_LANDSCAPE);
    const { packWindow, showSaveDialog, run } = setUp(page, { saveAs: null });
    await expect(run()).resolves.toBeNull();
    expect(showSaveDialog).toHaveBeenCalled();
    expect(await readdir(folder)).toEqual([]);
    expect(packWindow.destroy).toHaveBeenCalled();
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
    expect(packWindow.destroy).toHaveBeenCalled();
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
