/** The platform in a plain browser: a file picker to open, a download to save. */
import { MAX_PORTFOLIO_FILE_BYTES, fileTooLargeMessage } from '../../shared/portfolio/limits';
import { decodeUtf8 } from '../../shared/portfolio/text';
import { AUDIENCE_HASH } from '../../shared/ipc/contract';
import { RENDER_PACK_GLOBAL, type PackInput, type PackRendered } from '../../shared/pack/types';
import type { AudienceWindowResult, OpenedFile, Platform } from './types';

function pickFile(accept: string): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.style.display = 'none';
    input.addEventListener('change', () => {
      resolve(input.files?.[0] ?? null);
      input.remove();
    });
    input.addEventListener('cancel', () => {
      resolve(null);
      input.remove();
    });
    document.body.append(input);
    input.click();
  });
}

/** Waits for the print page in `popup` to offer its render function. */
function renderFunction(popup: Window, timeoutMs = 20_000): Promise<RenderPack> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const look = () => {
      if (popup.closed) {
        reject(new Error('the print window was closed'));
        return;
      }
      const render = (popup as unknown as Record<string, unknown>)[RENDER_PACK_GLOBAL];
      if (typeof render === 'function') resolve(render as RenderPack);
      else if (Date.now() - started > timeoutMs) reject(new Error('the print window did not load'));
      else setTimeout(look, 50);
    };
    look();
  });
}

type RenderPack = (input: unknown) => Promise<PackRendered>;

/** `work`, unless the window is closed first (then it fails: nothing is left to print). */
function whileOpen<T>(popup: Window, work: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setInterval> | undefined;
  const closed = new Promise<never>((_resolve, reject) => {
    timer = setInterval(() => {
      if (popup.closed) reject(new Error('the print window was closed before the pack was ready'));
    }, 200);
  });
  return Promise.race([work, closed]).finally(() => clearInterval(timer));
}

/**
 * The browser's way to a PDF: the print page opens in a window of its own, lays the pack out and
 * opens the browser's print dialog, where the user chooses Save as PDF (named after the pack).
 */
async function printInWindow(input: PackInput, suggestedName: string) {
  const popup = window.open('./pack.html', '_blank', 'popup,width=900,height=1000');
  if (!popup) {
    throw new Error('the browser blocked the print window; allow pop-ups for Baton and try again');
  }
  const render = await renderFunction(popup);
  await whileOpen(popup, render(input));
  popup.document.title = suggestedName.replace(/\.pdf$/i, '');
  popup.focus();
  popup.print();
  return { location: 'a new window: choose Save as PDF in its print dialog' };
}

/** The name of the audience pop-up: opening it again after a reload finds the same window. */
export const AUDIENCE_WINDOW_NAME = 'baton-audience';

export const AUDIENCE_POPUP_BLOCKED_MESSAGE =
  'The browser blocked the audience window: allow pop-ups for this page and try again.';

/** The audience view of this page (`#/audience`) in a pop-up window; one at a time. */
function audiencePopup(): Pick<Platform, 'openAudienceWindow' | 'closeAudienceWindow'> {
  let popup: Window | null = null;
  return {
    openAudienceWindow: async (): Promise<AudienceWindowResult> => {
      if (popup !== null && !popup.closed) {
        popup.focus();
        return { ok: true, where: 'browser-window' };
      }
      const url = new URL(AUDIENCE_HASH, window.location.href).href;
      popup = window.open(url, AUDIENCE_WINDOW_NAME, 'popup,width=1280,height=800');
      if (popup === null) return { ok: false, message: AUDIENCE_POPUP_BLOCKED_MESSAGE };
      return { ok: true, where: 'browser-window' };
    },
    closeAudienceWindow: async () => {
      if (popup !== null && !popup.closed) popup.close();
      popup = null;
    },
  };
}

export function createBrowserPlatform(): Platform {
  return {
    ...audiencePopup(),
    kind: 'browser',
    openPortfolioFile: async (): Promise<OpenedFile | null> => {
      const file = await pickFile('.json,application/json');
      if (!file) return null;
      if (file.size > MAX_PORTFOLIO_FILE_BYTES) {
        throw new Error(`"${file.name}" ${fileTooLargeMessage(file.size)}.`);
      }
      const decoded = decodeUtf8(new Uint8Array(await file.arrayBuffer()));
      if (!decoded.ok) throw new Error(`"${file.name}" is ${decoded.message}.`);
      return { path: file.name, name: file.name, text: decoded.text };
    },
    openRecentFile: async () => null,
    savePortfolioFile: async (suggestedName, text) => {
      const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = suggestedName;
      link.style.display = 'none';
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      return { location: `your downloads as ${suggestedName}` };
    },
    exportPack: (input, suggestedName) => printInWindow(input, suggestedName),
    onMenuCommand: () => () => undefined,
    dataLocation: async () =>
      `this browser's storage for ${window.location.origin} (IndexedDB database "baton")`,
    defaultProfileName: async () => undefined,
  };
}
