/**
 * The files of File › Import… and File › Export…: read whole after the user chose one in the Open
 * dialog, or written atomically where the Save dialog says. The renderer never names a path.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Dialog, OpenDialogOptions } from 'electron';
import {
  IMPORT_FILE_EXTENSIONS,
  fileExtension,
  importFileProblem,
  type ImportFile,
} from '../shared/ipc/contract';
import { saveThroughDialog } from './files';
import type { IpcHandlers } from './ipc';

export const IMPORT_FILTERS = [
  {
    name: 'Spreadsheets, Jira and Microsoft Project files',
    extensions: [...IMPORT_FILE_EXTENSIONS],
  },
  { name: 'All files', extensions: ['*'] },
];

const EXPORT_FILTER_NAMES: Readonly<Record<string, string>> = {
  csv: 'CSV',
  tsv: 'Tab-separated text',
  txt: 'Text',
  xlsx: 'Excel workbook',
  json: 'JSON',
  ics: 'Calendar (iCalendar)',
};

export type ImportExportDeps = {
  readonly dialog: Pick<Dialog, 'showOpenDialog' | 'showSaveDialog'>;
  /** The user's documents folder, where Export starts. */
  readonly documentsDir: () => string;
};

/** Reads a file chosen for import; refuses folders, other kinds of file and files over the limit. */
export async function readImportFile(filePath: string): Promise<ImportFile> {
  const name = path.basename(filePath);
  const info = await stat(filePath);
  if (!info.isFile()) throw new Error(`"${name}" is not a file.`);
  const problem = importFileProblem(name, info.size);
  if (problem !== null) throw new Error(problem);
  const bytes = await readFile(filePath);
  // A plain Uint8Array: what IPC carries to the page as it is.
  return { name, bytes: new Uint8Array(bytes) };
}

type ImportExportHandlers = Pick<IpcHandlers, 'app:open-import-file' | 'app:save-export-file'>;

export function createImportExportHandlers(deps: ImportExportDeps): ImportExportHandlers {
  return {
    'app:open-import-file': async (_request, { window }) => {
      const options: OpenDialogOptions = {
        title: 'Import',
        properties: ['openFile'],
        filters: IMPORT_FILTERS,
      };
      const result = await deps.dialog.showOpenDialog(window, options);
      const filePath = result.filePaths[0];
      if (result.canceled || filePath === undefined) return null;
      return readImportFile(filePath);
    },

    'app:save-export-file': async ({ suggestedName, data }, { window }) => {
      const extension = fileExtension(suggestedName);
      const filePath = await saveThroughDialog(
        deps,
        window,
        {
          title: 'Export',
          suggestedName,
          filters: [
            { name: EXPORT_FILTER_NAMES[extension] ?? extension, extensions: [extension] },
            { name: 'All files', extensions: ['*'] },
          ],
        },
        data,
      );
      return filePath === null ? null : { path: filePath };
    },
  };
}
