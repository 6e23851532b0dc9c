import type { StateCreator } from 'zustand';
import type { ImportFormat } from '../../../shared/exchange/import/types';
import type { AppState } from '../store';

/** A file on its way into the portfolio: its name, its bytes and the kind Baton read it as. */
export type ImportSource = {
  readonly name: string;
  readonly bytes: Uint8Array;
  readonly format: ImportFormat;
};

/**
 * The import and export dialogs: the file being imported (the Import dialog is open while there
 * is one) and whether the Export dialog is open.
 */
export type ImportSlice = {
  importSource: ImportSource | null;
  setImportSource: (source: ImportSource | null) => void;
  exportOpen: boolean;
  setExportOpen: (open: boolean) => void;
};

export const createImportSlice: StateCreator<AppState, [], [], ImportSlice> = (set) => ({
  importSource: null,
  setImportSource: (importSource) => set({ importSource }),
  exportOpen: false,
  setExportOpen: (exportOpen) => set({ exportOpen }),
});
