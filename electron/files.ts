/**
 * Opening and saving portfolio files through the native dialogs. The renderer never names a path:
 * it gets the user's choice back, or asks for an entry of the recent list by its index.
 */
import { readFile, stat } from 'node:fs/promises';
import { MAX_PORTFOLIO_FILE_BYTES, fileTooLargeMessage } from '../shared/portfolio/limits';
import { decodeUtf8 } from '../shared/portfolio/text';
import path from 'node:path';
import type { BaseWindow, Dialog, OpenDialogOptions, SaveDialogOptions } from 'electron';
import type { OpenedFile } from '../shared/ipc/contract';
import { writeFileAtomic } from './atomic-file';
import type { IpcHandlers } from './ipc';
import type { RecentFilesStore } from './recent-files';

/** Files larger than this are refused before they are read (the one limit of shared/). */
export const MAX_PORTFOLIO_BYTES = MAX_PORTFOLIO_FILE_BYTES;

/**
 * Portfolio files are JSON, usually named `*.baton.json`. Dialog filters take single extensions
 * only, so `json` covers both.
 */
export const PORTFOLIO_FILTERS = [
  { name: 'Baton portfolio', extensions: ['json'] },
  { name: 'All files', extensions: ['*'] },
];

export type PortfolioFileDeps = {
  readonly dialog: Pick<Dialog, 'showOpenDialog' | 'showSaveDialog'>;
  readonly recent: RecentFilesStore;
  /** The user's documents folder, where Save As starts. */
  readonly documentsDir: () => string;
  /** Tells the operating system about the file too (jump lists, the Dock's recent items). */
  readonly addRecentDocument: (filePath: string) => void;
};

function errorCode(error: unknown): unknown {
  return (error as { code?: unknown } | null)?.code;
}

/**
 * Reads a portfolio file as UTF-8 text. Refuses folders and files over 200 MB with a message the
 * user can act on, and drops a byte-order mark, which JSON parsers reject.
 */
export async function readPortfolioFile(filePath: string): Promise<OpenedFile> {
  const name = path.basename(filePath);
  const info = await stat(filePath);
  if (!info.isFile()) {
    throw new Error(`"${name}" is not a file.`);
  }
  if (info.size > MAX_PORTFOLIO_BYTES) {
    throw new Error(`"${name}" ${fileTooLargeMessage(info.size)}.`);
  }
  const decoded = decodeUtf8(await readFile(filePath));
  if (!decoded.ok) throw new Error(`"${name}" is ${decoded.message}.`);
  return { path: filePath, name, text: decoded.text };
}

export type SaveRequest = {
  readonly title: string;
  readonly suggestedName: string;
  readonly filters: SaveDialogOptions['filters'];
};

/**
 * Asks where to save (the dialog parented to `window`, starting in the documents folder) and
 * writes `data` there atomically; null when the user cancels.
 */
export async function saveThroughDialog(
  deps: {
    readonly dialog: Pick<Dialog, 'showSaveDialog'>;
    readonly documentsDir: () => string;
  },
  window: BaseWindow,
  request: SaveRequest,
  data: string | Uint8Array,
): Promise<string | null> {
  const options: SaveDialogOptions = {
    title: request.title,
    defaultPath: path.join(deps.documentsDir(), request.suggestedName),
    ...(request.filters && { filters: request.filters }),
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  };
  const result = await deps.dialog.showSaveDialog(window, options);
  const filePath = result.filePath;
  if (result.canceled || !filePath) return null;
  await writeFileAtomic(filePath, data);
  return filePath;
}

type PortfolioFileHandlers = Pick<
  IpcHandlers,
  'app:open-portfolio' | 'app:open-recent' | 'app:list-recent' | 'app:save-portfolio'
>;

/** The handlers of the file channels of the IPC contract. */
export function createPortfolioFileHandlers(deps: PortfolioFileDeps): PortfolioFileHandlers {
  const remember = async (filePath: string): Promise<void> => {
    deps.addRecentDocument(filePath);
    // The file itself was read or written; failing to update the list must not undo that.
    await deps.recent.add(filePath).catch((error: unknown) => {
      console.warn('Could not update the recent files list', error);
    });
  };

  return {
    'app:open-portfolio': async (_request, { window }) => {
      const options: OpenDialogOptions = {
        title: 'Open portfolio',
        properties: ['openFile'],
        filters: PORTFOLIO_FILTERS,
      };
      const result = await deps.dialog.showOpenDialog(window, options);
      const filePath = result.filePaths[0];
      if (result.canceled || filePath === undefined) return null;
      const opened = await readPortfolioFile(filePath);
      await remember(filePath);
      return opened;
    },

    'app:open-recent': async ({ index }) => {
      const filePath = deps.recent.at(index);
      if (filePath === undefined) {
        throw new Error(`There is no recent file number ${index + 1}.`);
      }
      let opened: OpenedFile;
      try {
        opened = await readPortfolioFile(filePath);
      } catch (error) {
        if (errorCode(error) === 'ENOENT' || errorCode(error) === 'ENOTDIR') {
          await deps.recent.remove(filePath).catch(() => undefined);
          throw new Error(
            `"${path.basename(filePath)}" is no longer at ${filePath}; it was removed from the recent files.`,
            { cause: error },
          );
        }
        throw error;
      }
      await remember(filePath);
      return opened;
    },

    'app:list-recent': async () => deps.recent.list(),

    'app:save-portfolio': async ({ suggestedName, text }, { window }) => {
      const filePath = await saveThroughDialog(
        deps,
        window,
        { title: 'Save portfolio', suggestedName, filters: PORTFOLIO_FILTERS },
        text,
      );
      if (filePath === null) return null;
      await remember(filePath);
      return { path: filePath };
    },
  };
}
