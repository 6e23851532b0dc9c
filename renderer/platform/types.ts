/**
 * What the renderer needs from the platform it runs on. Two implementations: the Electron
 * bridge (native dialogs and menus) and the browser (file picker and downloads).
 */
import type { BackupInfo, BackupMeta, BackupReason, BackupStore } from '../../shared/backup/types';
import type {
  AudienceWindowPlace,
  AudienceWindowResult,
  ImportFile,
  MenuCommand,
  OpenedFile,
} from '../../shared/ipc/contract';
import type { PackInput } from '../../shared/pack/types';

export type {
  AudienceWindowPlace,
  AudienceWindowResult,
  BackupInfo,
  BackupMeta,
  BackupReason,
  BackupStore,
  ImportFile,
  MenuCommand,
  OpenedFile,
};

/**
 * Whether the browser keeps the data until the user deletes it ('persistent'), may clear it
 * under storage pressure ('best-effort'), or cannot say ('unsupported'). The desktop app's data
 * is always persistent.
 */
export type StoragePersistence = 'persistent' | 'best-effort' | 'unsupported';

export type Platform = {
  readonly kind: 'electron' | 'browser';
  /** Asks the user for a portfolio file and reads it; null when cancelled. */
  readonly openPortfolioFile: () => Promise<OpenedFile | null>;
  /** Reads the recent file at `index` of the native Open Recent menu; null when it is gone. */
  readonly openRecentFile: (index: number) => Promise<OpenedFile | null>;
  /** Lets the user save `text`; returns where it went, or null when cancelled. */
  readonly savePortfolioFile: (
    suggestedName: string,
    text: string,
  ) => Promise<{ location: string } | null>;
  /**
   * Turns the pack into a PDF and lets the user save it (desktop) or prints it (browser).
   * Returns where the file went, or null when cancelled or when there is no file to report.
   */
  readonly exportPack: (
    input: PackInput,
    suggestedName: string,
  ) => Promise<{ location: string } | null>;
  /** Subscribes to native menu commands; returns the unsubscribe function. */
  readonly onMenuCommand: (listener: (command: MenuCommand) => void) => () => void;
  /** Where the portfolio data lives, in words for the user. */
  readonly dataLocation: () => Promise<string>;
  /**
   * The name to record as who made a change until the user gives one: the OS account's name on
   * the desktop; undefined where there is none (the browser cannot tell).
   */
  readonly defaultProfileName: () => Promise<string | undefined>;
  /**
   * Opens the audience window, the `#/audience` view for the room: on the desktop full screen on
   * another display when there is one, else a normal window; in the browser a pop-up. When it is
   * already open it comes to the front instead. Never rejects: a failure is `ok: false` with a
   * sentence for the user.
   */
  readonly openAudienceWindow: () => Promise<AudienceWindowResult>;
  /** Closes the audience window, if it is open. */
  readonly closeAudienceWindow: () => Promise<void>;
  /**
   * Asks the user for a file to import (.csv .tsv .txt .xlsx .xml .json) and reads it whole; null
   * when cancelled. Rejects, with a sentence that names the file, when it is of another kind or
   * over the size limit (shared/ipc/contract.ts: importFileProblem).
   */
  readonly openImportFile: () => Promise<ImportFile | null>;
  /**
   * Lets the user save an exported file (.csv .tsv .txt .xlsx .json; text is written as UTF-8):
   * a Save dialog on the desktop, a download in the browser. Returns where it went, or null when
   * cancelled.
   */
  readonly saveExportFile: (
    suggestedName: string,
    data: Uint8Array | string,
  ) => Promise<{ location: string } | null>;
  /**
   * Where backups of the portfolio are kept: files in the user-data folder on the desktop, the
   * IndexedDB database "baton-backups" in the browser.
   */
  readonly backups: BackupStore;
  /** Where backups live, in words for the user. */
  readonly backupLocation: () => Promise<string>;
  /** Whether the stored data is safe from the browser's clean-ups. */
  readonly storagePersistence: () => Promise<StoragePersistence>;
  /** Asks the browser to keep the data for good; whether that is now so. */
  readonly requestPersistentStorage: () => Promise<boolean>;
};
