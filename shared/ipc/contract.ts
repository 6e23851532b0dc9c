/**
 * The one IPC contract between the renderer and the Electron main process. Every channel is
 * named `app:verb-noun`; main registers a handler per channel and validates each payload with
 * the parser below before it acts, the preload exposes one method per channel.
 */
import {
  MAX_BACKUP_IDS,
  isBackupId,
  newestFirst,
  parseBackupInfo,
  parseBackupMeta,
  type BackupInfo,
  type BackupMeta,
} from '../backup/types';
import type { PackInput } from '../pack/types';

export type { BackupInfo, BackupMeta };

export const IPC_PREFIX = 'app:';

/** A portfolio file read from disk. `path` is shown to the user; it is never sent back to main. */
export type OpenedFile = {
  readonly path: string;
  readonly name: string;
  readonly text: string;
};

export type SavedFile = { readonly path: string };

/** A file chosen for import, read whole: CSV, TSV, text, XLSX, XML (MS Project) or JSON. */
export type ImportFile = { readonly name: string; readonly bytes: Uint8Array };

/** The kinds of file File › Import… accepts, by extension. */
export const IMPORT_FILE_EXTENSIONS = ['csv', 'tsv', 'txt', 'xlsx', 'xml', 'json'] as const;

/** The kinds of file File › Export… (and Cadence's calendar export) writes, by extension. */
export const EXPORT_FILE_EXTENSIONS = ['csv', 'tsv', 'txt', 'xlsx', 'json', 'ics'] as const;

/** Import files larger than this are refused before they are read. */
export const MAX_IMPORT_FILE_BYTES = 100 * 1024 * 1024;

/** Exported files larger than this are refused (far above 10,000 initiatives as XLSX). */
export const MAX_EXPORT_FILE_BYTES = 200 * 1024 * 1024;

function megabytes(bytes: number): string {
  return `${Math.ceil(bytes / (1024 * 1024)).toLocaleString('en-US')} MB`;
}

/** The extension of a file name, lower case, without the dot; '' when it has none. */
export function fileExtension(name: string): string {
  const at = name.lastIndexOf('.');
  return at <= 0 ? '' : name.slice(at + 1).toLowerCase();
}

/**
 * Why a file cannot be imported, as a sentence that names it; null when it may be read. Both
 * platforms ask this before they read a chosen file.
 */
export function importFileProblem(name: string, size: number): string | null {
  const extension = fileExtension(name);
  if (extension === 'xls') {
    return `"${name}" is an Excel 97–2003 workbook, which Baton does not read: open it in your spreadsheet app, save it as an Excel Workbook (.xlsx), and import that.`;
  }
  if (!(IMPORT_FILE_EXTENSIONS as readonly string[]).includes(extension)) {
    return `"${name}" is not a file Baton can import: choose a .csv, .tsv, .txt, .xlsx, .xml (Microsoft Project) or .json file.`;
  }
  if (size > MAX_IMPORT_FILE_BYTES) {
    return `"${name}" is ${megabytes(size)}, over the ${megabytes(MAX_IMPORT_FILE_BYTES)} limit of an import file; Baton does not read it.`;
  }
  return null;
}

export type AppInfo = {
  readonly version: string;
  readonly platform: string;
  readonly userDataPath: string;
  /**
   * The OS account's user name, offered as the default for "your name" (who made a change);
   * absent when the system cannot tell. The renderer checks it like any message from main.
   */
  readonly userName?: string;
};

/** The renderer's route of the audience view: what the room sees on a projector. */
export const AUDIENCE_HASH = '#/audience';

/**
 * Where the audience window opened: filling another display, on the main window's display, or as
 * a pop-up of the browser.
 */
export type AudienceWindowPlace = 'second-display' | 'this-display' | 'browser-window';

/** The answer to opening the audience window; `message` is a sentence for the user. */
export type AudienceWindowResult =
  | { readonly ok: true; readonly where: AudienceWindowPlace }
  | { readonly ok: false; readonly message: string };

/** Requests and responses per channel. */
export type IpcContract = {
  /** Shows the Open dialog and reads the chosen file; null when cancelled. */
  'app:open-portfolio': { request: null; response: OpenedFile | null };
  /** Reads a file of the recent list (by its index in `app:list-recent`'s answer). */
  'app:open-recent': { request: { index: number }; response: OpenedFile | null };
  /** Lists recent files, newest first. */
  'app:list-recent': { request: null; response: readonly string[] };
  /** Shows the Save dialog and writes `text`; null when cancelled. */
  'app:save-portfolio': {
    request: { suggestedName: string; text: string };
    response: SavedFile | null;
  };
  /**
   * Lays out the board pack in a hidden window, prints it to PDF, then shows the Save dialog and
   * writes the file; null when the dialog is cancelled.
   */
  'app:export-pack': {
    request: { suggestedName: string; input: PackInput };
    response: SavedFile | null;
  };
  /** Opens an allowed https URL in the user's browser; false when refused. */
  'app:open-external': { request: { url: string }; response: boolean };
  'app:get-info': { request: null; response: AppInfo };
  /**
   * Opens the audience window (full screen on another display when there is one), or brings the
   * open one to the front.
   */
  'app:open-audience-window': { request: null; response: AudienceWindowResult };
  /** Closes the audience window, if it is open. */
  'app:close-audience-window': { request: null; response: void };
  /** Shows the Open dialog for a file to import and reads it whole; null when cancelled. */
  'app:open-import-file': { request: null; response: ImportFile | null };
  /** Shows the Save dialog and writes `data` (text as UTF-8); null when cancelled. */
  'app:save-export-file': {
    request: { suggestedName: string; data: string | Uint8Array };
    response: SavedFile | null;
  };
  /** Lists the backups in the user-data folder, newest first. */
  'app:list-backups': { request: null; response: readonly BackupInfo[] };
  /** Stores a portfolio's text as a new backup, written atomically. */
  'app:write-backup': { request: { meta: BackupMeta; text: string }; response: BackupInfo };
  /** Reads a backup's text; null when there is no such backup. */
  'app:read-backup': { request: { id: string }; response: string | null };
  /** Deletes backups by id; unknown ids are ignored. */
  'app:remove-backups': { request: { ids: readonly string[] }; response: void };
};

export type IpcChannel = keyof IpcContract;
export type IpcRequest<C extends IpcChannel> = IpcContract[C]['request'];
export type IpcResponse<C extends IpcChannel> = IpcContract[C]['response'];

export const IPC_CHANNELS = [
  'app:open-portfolio',
  'app:open-recent',
  'app:list-recent',
  'app:save-portfolio',
  'app:export-pack',
  'app:open-external',
  'app:get-info',
  'app:open-audience-window',
  'app:close-audience-window',
  'app:open-import-file',
  'app:save-export-file',
  'app:list-backups',
  'app:write-backup',
  'app:read-backup',
  'app:remove-backups',
] as const satisfies readonly IpcChannel[];

/** Main to renderer: a command chosen in the native menu. */
export const MENU_COMMAND_CHANNEL = 'app:menu-command';

export type MenuCommand =
  | { readonly type: 'new' }
  | { readonly type: 'open' }
  | { readonly type: 'open-recent'; readonly index: number }
  | { readonly type: 'save-as' }
  | { readonly type: 'import' }
  | { readonly type: 'export' }
  | { readonly type: 'undo' }
  | { readonly type: 'redo' }
  | { readonly type: 'settings' }
  | { readonly type: 'about' };

/** The API the preload exposes on `window.baton`: one method per channel, plus menu events. */
export type BatonBridge = {
  readonly openPortfolio: () => Promise<IpcResponse<'app:open-portfolio'>>;
  readonly openRecent: (
    req: IpcRequest<'app:open-recent'>,
  ) => Promise<IpcResponse<'app:open-recent'>>;
  readonly listRecent: () => Promise<IpcResponse<'app:list-recent'>>;
  readonly savePortfolio: (
    req: IpcRequest<'app:save-portfolio'>,
  ) => Promise<IpcResponse<'app:save-portfolio'>>;
  readonly exportPack: (
    req: IpcRequest<'app:export-pack'>,
  ) => Promise<IpcResponse<'app:export-pack'>>;
  readonly openExternal: (
    req: IpcRequest<'app:open-external'>,
  ) => Promise<IpcResponse<'app:open-external'>>;
  readonly getInfo: () => Promise<IpcResponse<'app:get-info'>>;
  readonly openAudienceWindow: () => Promise<IpcResponse<'app:open-audience-window'>>;
  readonly closeAudienceWindow: () => Promise<IpcResponse<'app:close-audience-window'>>;
  readonly openImportFile: () => Promise<IpcResponse<'app:open-import-file'>>;
  readonly saveExportFile: (
    req: IpcRequest<'app:save-export-file'>,
  ) => Promise<IpcResponse<'app:save-export-file'>>;
  readonly listBackups: () => Promise<IpcResponse<'app:list-backups'>>;
  readonly writeBackup: (
    req: IpcRequest<'app:write-backup'>,
  ) => Promise<IpcResponse<'app:write-backup'>>;
  readonly readBackup: (
    req: IpcRequest<'app:read-backup'>,
  ) => Promise<IpcResponse<'app:read-backup'>>;
  readonly removeBackups: (
    req: IpcRequest<'app:remove-backups'>,
  ) => Promise<IpcResponse<'app:remove-backups'>>;
  /** Subscribes to menu commands; returns the unsubscribe function. */
  readonly onMenuCommand: (listener: (command: MenuCommand) => void) => () => void;
};

export type ParseResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };

const MAX_TEXT = 200 * 1024 * 1024;
/** The pack's input, measured as JSON; far above any real portfolio, with a logo. */
const MAX_PACK_INPUT = 50 * 1024 * 1024;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An object literal's kind of object: not a Map, Date or class instance, which IPC can carry. */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (!isRecord(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** The length of `value` as JSON, or null when it has no JSON form (a cycle, a BigInt). */
function jsonLength(value: unknown): number | null {
  try {
    return JSON.stringify(value)?.length ?? null;
  } catch {
    return null;
  }
}

/** A file name main may put in a Save dialog: no folders, so it cannot point anywhere else. */
function parseFileName(value: unknown): ParseResult<string> {
  if (typeof value !== 'string' || value.length === 0 || value.length > 255) {
    return { ok: false, error: 'suggestedName: expected a file name of 1 to 255 characters' };
  }
  if (/[\\/]/.test(value) || value.includes('\0')) {
    return { ok: false, error: 'suggestedName: expected a file name without folders' };
  }
  return { ok: true, value };
}

function expectNull(value: unknown): ParseResult<null> {
  return value === null || value === undefined
    ? { ok: true, value: null }
    : { ok: false, error: 'expected no payload' };
}

/**
 * Parses an untrusted payload for a channel. Main calls this before it acts on any message.
 */
export const IPC_REQUEST_PARSERS: {
  readonly [C in IpcChannel]: (payload: unknown) => ParseResult<IpcRequest<C>>;
} = {
  'app:open-portfolio': expectNull,
  'app:list-recent': expectNull,
  'app:get-info': expectNull,
  'app:open-audience-window': expectNull,
  'app:close-audience-window': expectNull,
  'app:open-import-file': expectNull,
  'app:list-backups': expectNull,
  'app:save-export-file': (payload) => {
    if (!isRecord(payload)) return { ok: false, error: 'expected an object' };
    const suggestedName = parseFileName(payload.suggestedName);
    if (!suggestedName.ok) return suggestedName;
    if (
      !(EXPORT_FILE_EXTENSIONS as readonly string[]).includes(fileExtension(suggestedName.value))
    ) {
      return {
        ok: false,
        error: `suggestedName: expected a file name ending in .${EXPORT_FILE_EXTENSIONS.join(', .')}`,
      };
    }
    const { data } = payload;
    const size =
      typeof data === 'string' ? data.length : data instanceof Uint8Array ? data.byteLength : -1;
    if (size < 0 || size > MAX_EXPORT_FILE_BYTES) {
      return { ok: false, error: 'data: expected text or bytes of at most 200 MB' };
    }
    return {
      ok: true,
      value: { suggestedName: suggestedName.value, data: data as string | Uint8Array },
    };
  },
  'app:write-backup': (payload) => {
    if (!isRecord(payload)) return { ok: false, error: 'expected an object' };
    const meta = parseBackupMeta(payload.meta);
    if (!meta.ok) return meta;
    const { text } = payload;
    if (typeof text !== 'string' || text.length > MAX_TEXT) {
      return { ok: false, error: 'text: expected a string of at most 200 MB' };
    }
    return { ok: true, value: { meta: meta.value, text } };
  },
  'app:read-backup': (payload) => {
    if (!isRecord(payload) || !isBackupId(payload.id)) {
      return { ok: false, error: 'id: expected a backup id' };
    }
    return { ok: true, value: { id: payload.id } };
  },
  'app:remove-backups': (payload) => {
    if (!isRecord(payload)) return { ok: false, error: 'expected an object' };
    const { ids } = payload;
    if (!Array.isArray(ids) || ids.length > MAX_BACKUP_IDS) {
      return { ok: false, error: `ids: expected a list of at most ${MAX_BACKUP_IDS} backup ids` };
    }
    const bad = ids.findIndex((id) => !isBackupId(id));
    if (bad >= 0) return { ok: false, error: `ids[${bad}]: expected a backup id` };
    return { ok: true, value: { ids: [...(ids as string[])] } };
  },
  'app:open-recent': (payload) => {
    if (!isRecord(payload)) return { ok: false, error: 'expected an object' };
    const { index } = payload;
    if (typeof index !== 'number' || !Number.isInteger(index) || index < 0 || index > 99) {
      return { ok: false, error: 'index: expected an integer from 0 to 99' };
    }
    return { ok: true, value: { index } };
  },
  'app:save-portfolio': (payload) => {
    if (!isRecord(payload)) return { ok: false, error: 'expected an object' };
    const suggestedName = parseFileName(payload.suggestedName);
    if (!suggestedName.ok) return suggestedName;
    const { text } = payload;
    if (typeof text !== 'string' || text.length > MAX_TEXT) {
      return { ok: false, error: 'text: expected a string of at most 200 MB' };
    }
    return { ok: true, value: { suggestedName: suggestedName.value, text } };
  },
  'app:export-pack': (payload) => {
    if (!isRecord(payload)) return { ok: false, error: 'expected an object' };
    const suggestedName = parseFileName(payload.suggestedName);
    if (!suggestedName.ok) return suggestedName;
    if (!/\.pdf$/i.test(suggestedName.value)) {
      return { ok: false, error: 'suggestedName: expected a file name ending in .pdf' };
    }
    // Only the outline: the pack page validates the rest and explains what is wrong to the user.
    const { input } = payload;
    if (!isPlainObject(input) || !isPlainObject(input.portfolio)) {
      return { ok: false, error: 'input.portfolio: expected an object' };
    }
    if (!isPlainObject(input.settings)) {
      return { ok: false, error: 'input.settings: expected an object' };
    }
    const length = jsonLength(input);
    if (length === null || length > MAX_PACK_INPUT) {
      return { ok: false, error: 'input: expected JSON data of at most 50 MB' };
    }
    return {
      ok: true,
      value: { suggestedName: suggestedName.value, input: input as unknown as PackInput },
    };
  },
  'app:open-external': (payload) => {
    if (!isRecord(payload) || typeof payload.url !== 'string' || payload.url.length > 2048) {
      return { ok: false, error: 'url: expected a string of at most 2048 characters' };
    }
    return { ok: true, value: { url: payload.url } };
  },
};

const AUDIENCE_WINDOW_PLACES: readonly unknown[] = [
  'second-display',
  'this-display',
  'browser-window',
] satisfies readonly AudienceWindowPlace[];

/**
 * Parses main's answer to opening the audience window (the renderer treats it as untrusted);
 * null when it is not one.
 */
export function parseAudienceWindowResult(value: unknown): AudienceWindowResult | null {
  if (!isRecord(value)) return null;
  if (value.ok === true && AUDIENCE_WINDOW_PLACES.includes(value.where)) {
    return { ok: true, where: value.where as AudienceWindowPlace };
  }
  if (value.ok === false && typeof value.message === 'string' && value.message !== '') {
    return { ok: false, message: value.message };
  }
  return null;
}

/** Parses main's answer to `app:open-import-file` (the renderer treats it as untrusted). */
export function parseImportFile(value: unknown): ImportFile | null | undefined {
  if (value === null) return null;
  if (!isRecord(value)) return undefined;
  const { name, bytes } = value;
  if (typeof name !== 'string' || name === '' || name.length > 255) return undefined;
  if (!(bytes instanceof Uint8Array) || bytes.byteLength > MAX_IMPORT_FILE_BYTES) return undefined;
  return { name, bytes };
}

/** Parses main's list of backups: drops entries that are not backups, newest first. */
export function parseBackupList(value: unknown): BackupInfo[] {
  if (!Array.isArray(value)) return [];
  return newestFirst(
    value.map(parseBackupInfo).filter((info): info is BackupInfo => info !== null),
  );
}

/** Parses a menu command received from main (the renderer treats it as untrusted too). */
export function parseMenuCommand(value: unknown): MenuCommand | null {
  if (!isRecord(value) || typeof value.type !== 'string') return null;
  switch (value.type) {
    case 'new':
    case 'open':
    case 'save-as':
    case 'import':
    case 'export':
    case 'undo':
    case 'redo':
    case 'settings':
    case 'about':
      return { type: value.type };
    case 'open-recent':
      return typeof value.index === 'number' && Number.isInteger(value.index) && value.index >= 0
        ? { type: 'open-recent', index: value.index }
        : null;
    default:
      return null;
  }
}
