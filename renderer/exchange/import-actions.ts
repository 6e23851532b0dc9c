/**
 * How a file reaches Import: File › Import… (the platform's file picker), the native menu, or a
 * file dropped on the window. A portfolio file (.json) opens as File › Open would; a file of a
 * kind Import reads opens the Import dialog; anything else is refused in a sentence.
 */
import { importFileProblem, type ImportFile } from '../../shared/ipc/contract';
import { decodeUtf8 } from '../../shared/portfolio/text';
import { importPortfolioText } from '../app/file-actions';
import { openQuestion } from '../components/dialogs';
import { getPlatform } from '../platform';
import { useAppStore } from '../state/store';
import { sourceFormat } from './source';

function notify(kind: 'info' | 'error', text: string): void {
  useAppStore.getState().notify(kind, text);
}

/** Whether the Import or Export dialog is open (then a second file waits its turn). */
export function exchangeDialogOpen(): boolean {
  const { importSource, exportOpen } = useAppStore.getState();
  return importSource !== null || exportOpen;
}

/** Starts importing `file`: opens it as a portfolio, opens the Import dialog, or says why not. */
export async function beginImport(file: ImportFile): Promise<void> {
  const format = sourceFormat(file.name, file.bytes);
  if (format === null) {
    notify(
      'error',
      `"${file.name}" is not a file Baton can import: choose a .csv, .tsv, .txt, .xlsx, .xml (Microsoft Project) or .json file.`,
    );
    return;
  }
  if (format === 'portfolio') {
    // A portfolio file is UTF-8, as File › Open requires.
    const decoded = decodeUtf8(file.bytes);
    if (!decoded.ok) notify('error', `"${file.name}" is ${decoded.message}.`);
    else await importPortfolioText({ name: file.name, text: decoded.text });
    return;
  }
  useAppStore.getState().setImportSource({ name: file.name, bytes: file.bytes, format });
}

/** File › Import…: asks for a file and starts importing it. */
export async function openImport(): Promise<void> {
  if (exchangeDialogOpen()) return;
  try {
    const file = await getPlatform().openImportFile();
    if (file) await beginImport(file);
  } catch (error) {
    notify('error', error instanceof Error ? error.message : String(error));
  }
}

/** A file dropped on the window: checked like a chosen one, then imported. */
export async function importDroppedFile(file: File): Promise<void> {
  // A file dropped while another dialog asks something waits for it to close.
  const { refusedFile, settingsOpen } = useAppStore.getState();
  if (exchangeDialogOpen() || openQuestion() || refusedFile || settingsOpen) {
    notify('info', `Close the dialog that is open, then drop ${file.name} again.`);
    return;
  }
  const problem = importFileProblem(file.name, file.size);
  if (problem !== null) {
    notify('error', problem);
    return;
  }
  try {
    await beginImport({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
  } catch (error) {
    notify(
      'error',
      `Could not read ${file.name}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

/** File › Export…: opens the Export dialog. */
export function openExport(): void {
  if (exchangeDialogOpen()) return;
  useAppStore.getState().setExportOpen(true);
}
