/** The platform in a plain browser: a file picker to open, a download to save. */
import { MAX_PORTFOLIO_FILE_BYTES, fileTooLargeMessage } from '../../shared/portfolio/limits';
import { decodeUtf8 } from '../../shared/portfolio/text';
import {
  AUDIENCE_HASH,
  EXPORT_FILE_EXTENSIONS,
  IMPORT_FILE_EXTENSIONS,
  fileExtension,
  importFileProblem,
} from '../../shared/ipc/contract';
import { RENDER_PACK_GLOBAL, type PackInput, type PackRendered } from '../../shared/pack/types';
import { BACKUP_DATABASE_NAME, createBrowserBackupStore } from './browser-backups';
import type {
  AudienceWindowResult,
  ImportFile,
  OpenedFile,
  Platform,
  StoragePersistence,
} from './types';

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

/** The media type a download of an exported file is offered as. */
const EXPORT_MEDIA_TYPES: Readonly<Record<string, string>> = {
  csv: 'text/csv;charset=utf-8',
  tsv: 'text/tab-separated-values;charset=utf-8',
  txt: 'text/plain;charset=utf-8',
  json: 'application/json',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ics: 'text/calendar;charset=utf-8',
};

/** Offers `data` as a download named `name`. */
function download(name: string, data: BlobPart, type: string): void {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Whether the browser promises to keep this page's storage (navigator.storage.persisted). */
async function storagePersistence(): Promise<StoragePersistence> {
  const storage = typeof navigator === 'undefined' ? undefined : navigator.storage;
  if (!storage || typeof storage.persisted !== 'function') return 'unsupported';
  try {
    return (await storage.persisted()) ? 'persistent' : 'best-effort';
  } catch {
    return 'unsupported';
  }
}

/** Asks the browser to keep this page's storage for good (navigator.storage.persist). */
async function requestPersistentStorage(): Promise<boolean> {
  const storage = typeof navigator === 'undefined' ? undefined : navigator.storage;
  if (!storage || typeof storage.persist !== 'function') return false;
  try {
    return await storage.persist();
  } catch {
    return false;
  }
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
      download(suggestedName, text, 'application/json');
      return { location: `your downloads as ${suggestedName}` };
    },
    openImportFile: async (): Promise<ImportFile | null> => {
      const file = await pickFile(
        IMPORT_FILE_EXTENSIONS.map((extension) => `.${extension}`).join(','),
      );
      if (!file) return null;
      const problem = importFileProblem(file.name, file.size);
      if (problem !== null) throw new Error(problem);
      return { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
    },
    saveExportFile: async (suggestedName, data) => {
      const extension = fileExtension(suggestedName);
      if (!(EXPORT_FILE_EXTENSIONS as readonly string[]).includes(extension)) {
        throw new Error(`"${suggestedName}" is not a kind of file Baton exports.`);
      }
      // A copy, so the download owns its bytes whatever the caller does with the array after.
      const part: BlobPart = typeof data === 'string' ? data : new Uint8Array(data);
      download(suggestedName, part, EXPORT_MEDIA_TYPES[extension] ?? 'application/octet-stream');
      return { location: `your downloads as ${suggestedName}` };
    },
    backups: createBrowserBackupStore(),
    backupLocation: async () =>
      `this browser's storage for ${window.location.origin} (IndexedDB database "${BACKUP_DATABASE_NAME}")`,
    storagePersistence,
    requestPersistentStorage,
    exportPack: (input, suggestedName) => printInWindow(input, suggestedName),
    onMenuCommand: () => () => undefined,
    dataLocation: async () =>
      `this browser's storage for ${window.location.origin} (IndexedDB database "baton")`,
    defaultProfileName: async () => undefined,
  };
}
