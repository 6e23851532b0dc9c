/**
 * Never silent about storage. IndexedDB (through Dexie) fails in ways whose raw texts mean
 * nothing to a user: "AbortError", "UnknownError Internal error opening backing store",
 * "VersionError". This module turns them into a sentence that says what happened and what to do,
 * and watches the database for the two events of another window: a schema upgrade there
 * ('versionchange': this window steps aside at once, so the upgrade never hangs) and an upgrade
 * here held up by an old window ('blocked').
 *
 * It knows nothing of the UI: the app subscribes with `onStorageProblem` and shows the problem
 * with the last backup offered.
 */
import type Dexie from 'dexie';

export type StorageProblemKind =
  /** The browser's quota for Baton, or the disk, is full. */
  | 'quota'
  /** The storage could not be read or written (a full disk, a damaged or locked profile). */
  | 'disk'
  /** The stored data is from a newer Baton than this window runs. */
  | 'newer-version'
  /** Another window upgraded or deleted the database: this window must reload. */
  | 'changed-elsewhere'
  /** This window's upgrade waits for another window to let go of the database. */
  | 'blocked'
  /** The database is closed in this window. */
  | 'closed'
  /** The browser gives Baton no storage at all (a private window, storage turned off). */
  | 'unavailable'
  /** Some other failure of the storage. */
  | 'other';

export type StorageProblem = {
  readonly kind: StorageProblemKind;
  /** What happened, in a sentence. */
  readonly happened: string;
  /** What to do, in a sentence or two. */
  readonly advice: string;
  /** Whether reloading the window is the way out (offer a Reload button). */
  readonly reload: boolean;
  /** The browser's own words, for a support request: "AbortError: …". */
  readonly detail: string;
};

/** The error and the errors it wraps (Dexie keeps the browser's one in `inner`). */
function errorChain(error: unknown): { readonly name: string; readonly message: string }[] {
  const chain: { name: string; message: string }[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current != null; depth += 1) {
    if (typeof current === 'object') {
      const { name, message } = current as { name?: unknown; message?: unknown };
      chain.push({
        name: typeof name === 'string' ? name : '',
        message: typeof message === 'string' ? message : '',
      });
      current = (current as { inner?: unknown }).inner;
    } else {
      chain.push({ name: '', message: String(current) });
      break;
    }
  }
  return chain;
}

function detailOf(error: unknown): string {
  const chain = errorChain(error);
  const parts = chain
    .map(({ name, message }) => [name, message].filter(Boolean).join(': '))
    .filter((part, index, all) => part !== '' && all.indexOf(part) === index);
  return parts.join(' ← ') || String(error);
}

const PROBLEMS: Record<StorageProblemKind, Omit<StorageProblem, 'kind' | 'detail'>> = {
  quota: {
    happened:
      'There is no room left for Baton’s data: this computer’s disk, or the space the browser gives Baton, is full.',
    advice:
      'Free some disk space (or delete old backups in Settings), then try again. Everything stored before this is still there.',
    reload: false,
  },
  disk: {
    happened:
      'Baton’s storage on this computer could not be read or written. This happens when the disk is full or the browser cannot write its profile folder.',
    advice:
      'Free some disk space and close other Baton windows, then reload. If it keeps happening, export your data from Settings and restart the computer.',
    reload: true,
  },
  'newer-version': {
    happened: 'The stored data was written by a newer version of Baton than this window runs.',
    advice:
      'Reload this window to run the newer version (or close this older copy of Baton). Nothing was changed.',
    reload: true,
  },
  'changed-elsewhere': {
    happened:
      'Another Baton window updated or replaced the stored data, so this window stopped using it.',
    advice: 'Reload this window to carry on with the current data. Nothing was lost.',
    reload: true,
  },
  blocked: {
    happened:
      'Baton needs to update how it stores your data, and another Baton window (or tab) that is still open is in the way.',
    advice:
      'Close the other Baton windows and tabs; this window carries on by itself once they are closed.',
    reload: false,
  },
  closed: {
    happened: 'Baton’s storage is closed in this window, so the change could not be stored.',
    advice:
      'Reload this window to open the storage again. Everything stored before this is still there.',
    reload: true,
  },
  unavailable: {
    happened:
      'This browser gives Baton no storage: private windows and some privacy settings turn it off.',
    advice:
      'Open Baton in a normal window, or allow sites to store data. Until then, nothing you do here can be kept.',
    reload: false,
  },
  other: {
    happened: 'Baton’s storage refused the change.',
    advice:
      'Try again. If it keeps happening, export your data from Settings and reload the window.',
    reload: false,
  },
};

/** The names IndexedDB and Dexie give their failures; any other error is not the storage's. */
const STORAGE_ERROR_NAMES = new Set([
  'QuotaExceededError',
  'UnknownError',
  'AbortError',
  'VersionError',
  'DatabaseClosedError',
  'OpenFailedError',
  'MissingAPIError',
  'InvalidStateError',
  'SecurityError',
  'TransactionInactiveError',
  'ReadOnlyError',
  'InternalError',
  'TimeoutError',
]);

function kindOf(error: unknown): StorageProblemKind | null {
  const chain = errorChain(error);
  const names = chain.map((entry) => entry.name);
  // Only the storage's own errors: a bug or a refusal keeps its own words.
  if (!names.some((name) => STORAGE_ERROR_NAMES.has(name))) return null;
  const text = chain
    .map((entry) => `${entry.name} ${entry.message}`)
    .join(' ')
    .toLowerCase();
  const has = (...wanted: string[]) => wanted.some((name) => names.includes(name));
  if (has('QuotaExceededError') || text.includes('quota')) return 'quota';
  // Chrome's "Internal error opening backing store" and the like: the disk or the profile.
  if (has('UnknownError') || text.includes('backing store')) return 'disk';
  if (has('VersionError')) return 'newer-version';
  if (has('DatabaseClosedError')) {
    return text.includes('versionchange') || text.includes('upgrade')
      ? 'changed-elsewhere'
      : 'closed';
  }
  if (has('MissingAPIError', 'SecurityError')) return 'unavailable';
  if (has('OpenFailedError', 'InvalidStateError')) {
    return text.includes('private') || text.includes('security') ? 'unavailable' : 'disk';
  }
  // A transaction the browser aborted without saying why: most often a full disk.
  if (has('AbortError')) return 'disk';
  return 'other';
}

/**
 * What a storage error means for the user, or null when `error` is not one of the storage's
 * (a bug, a refusal): the caller then shows it as it is.
 */
export function describeStorageError(error: unknown): StorageProblem | null {
  const kind = kindOf(error);
  return kind ? storageProblem(kind, detailOf(error)) : null;
}

/** The problem of a kind, with the browser's words as its detail. */
export function storageProblem(kind: StorageProblemKind, detail = ''): StorageProblem {
  return { kind, ...PROBLEMS[kind], detail };
}

/**
 * A sentence for a notice: what was being done, what happened and what to do. `doing` names the
 * action: "Your change was not stored", "The import was not stored". Errors that are not the
 * storage's keep their own text.
 */
export function storageFailureText(error: unknown, doing: string): string {
  const problem = describeStorageError(error);
  if (!problem) return `${doing}: ${error instanceof Error ? error.message : String(error)}`;
  return `${doing}. ${problem.happened} ${problem.advice}`;
}

/**
 * An error whose message is already the sentence for the user; `problem` says what kind, and
 * `cause` keeps the browser's error.
 */
export class StorageFailure extends Error {
  constructor(
    readonly problem: StorageProblem,
    doing: string,
    override readonly cause: unknown,
  ) {
    super(`${doing}. ${problem.happened} ${problem.advice}`);
    this.name = 'StorageFailure';
  }
}

/**
 * Turns a storage error into a StorageFailure (whose message is the sentence) and tells the
 * app; any other error is given back as it is.
 */
export function storageFailure(error: unknown, doing: string): unknown {
  if (error instanceof StorageFailure) return error;
  const problem = describeStorageError(error);
  if (!problem) return error;
  const failure = new StorageFailure(problem, doing, error);
  reportStorageProblem(problem);
  return failure;
}

// ---- Telling the app -------------------------------------------------------------------------

type Listener = (problem: StorageProblem) => void;
const listeners = new Set<Listener>();
/** The problems reported before anything listened (a failure at start), newest last. */
let unheard: StorageProblem[] = [];

/** Tells whoever listens (the app's storage banner) about a problem. */
export function reportStorageProblem(problem: StorageProblem): void {
  if (listeners.size === 0) {
    unheard = [...unheard.slice(-4), problem];
    return;
  }
  for (const listener of [...listeners]) listener(problem);
}

/** Listens for storage problems; those reported before the first listener are given at once. */
export function onStorageProblem(listener: Listener): () => void {
  listeners.add(listener);
  const earlier = unheard;
  unheard = [];
  for (const problem of earlier) listener(problem);
  return () => listeners.delete(listener);
}

// ---- Other windows ---------------------------------------------------------------------------

/**
 * Watches `database` for other windows. When another window upgrades (or deletes) it, this
 * window closes its connection at once, so that the upgrade is not held up, and reports
 * 'changed-elsewhere': from then on it must reload. When this window's own upgrade waits for
 * another window, it reports 'blocked'. Returns the function that stops watching.
 */
export function watchOtherWindows(database: Dexie): () => void {
  const onVersionChange = (event: IDBVersionChangeEvent) => {
    // Close before anything else: another window waits for it.
    database.close({ disableAutoOpen: true });
    const upgrade = event.newVersion !== null && event.newVersion > 0;
    reportStorageProblem(
      storageProblem(
        'changed-elsewhere',
        upgrade
          ? `versionchange: another window opened the database at version ${event.newVersion / 10}`
          : 'versionchange: another window deleted the database',
      ),
    );
    // Dexie's own handler would close it so that it opens again by itself, on the old schema.
    return false;
  };
  const onBlocked = (event: IDBVersionChangeEvent) => {
    reportStorageProblem(
      storageProblem(
        'blocked',
        `blocked: the upgrade from version ${event.oldVersion / 10} waits for another window`,
      ),
    );
  };
  database.on('versionchange', onVersionChange);
  database.on('blocked', onBlocked);
  return () => {
    database.on('versionchange').unsubscribe(onVersionChange);
    database.on('blocked').unsubscribe(onBlocked);
  };
}
