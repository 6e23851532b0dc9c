/**
 * The Open Recent list: pure list logic, plus a small store that keeps the list in
 * `recent-files.json` in the user-data folder.
 */
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from './atomic-file';

export const MAX_RECENT_FILES = 10;

/** Puts `filePath` first, drops an older entry for the same path, keeps at most `max` entries. */
export function addRecentFile(
  list: readonly string[],
  filePath: string,
  max: number = MAX_RECENT_FILES,
): readonly string[] {
  return [filePath, ...list.filter((entry) => entry !== filePath)].slice(0, max);
}

/** The list without `filePath` (used when a recent file turns out to be gone). */
export function removeRecentFile(list: readonly string[], filePath: string): readonly string[] {
  return list.filter((entry) => entry !== filePath);
}

/**
 * Reads a stored list tolerantly: anything that is not a list of non-empty strings is dropped,
 * duplicates keep their first (newest) place, and the list is cut to `max` entries.
 */
export function parseRecentFiles(
  value: unknown,
  max: number = MAX_RECENT_FILES,
): readonly string[] {
  const entries =
    typeof value === 'object' && value !== null && 'files' in value ? value.files : value;
  if (!Array.isArray(entries)) return [];
  const files: string[] = [];
  for (const entry of entries) {
    if (typeof entry !== 'string' || entry.length === 0 || entry.includes('\0')) continue;
    if (!files.includes(entry)) files.push(entry);
    if (files.length === max) break;
  }
  return files;
}

/** The stored form: an object, so that more fields can be added later without a migration. */
export function serializeRecentFiles(list: readonly string[]): string {
  return `${JSON.stringify({ files: list }, null, 2)}\n`;
}

/** The recent list, kept in memory and written through to disk. */
export type RecentFilesStore = {
  readonly list: () => readonly string[];
  readonly at: (index: number) => string | undefined;
  readonly add: (filePath: string) => Promise<void>;
  readonly remove: (filePath: string) => Promise<void>;
  readonly clear: () => Promise<void>;
};

/** Reads the stored list; a missing or unreadable file means an empty list. */
export async function loadRecentFiles(storeFile: string): Promise<readonly string[]> {
  try {
    return parseRecentFiles(JSON.parse(await readFile(storeFile, 'utf8')));
  } catch {
    return [];
  }
}

/**
 * Creates the store. `onChange` runs after every change (main rebuilds the menu there). Writes
 * are queued so that two quick changes cannot land on disk in the wrong order.
 */
export function createRecentFilesStore(options: {
  readonly storeFile: string;
  readonly initial: readonly string[];
  readonly onChange: (list: readonly string[]) => void;
}): RecentFilesStore {
  let current = options.initial;
  let pending: Promise<void> = Promise.resolve();

  const update = (next: readonly string[]): Promise<void> => {
    current = next;
    options.onChange(current);
    const text = serializeRecentFiles(current);
    pending = pending
      .catch(() => undefined)
      .then(async () => {
        // The user-data folder may not exist yet on the very first run.
        await mkdir(path.dirname(options.storeFile), { recursive: true });
        await writeFileAtomic(options.storeFile, text);
      });
    return pending;
  };

  return {
    list: () => current,
    at: (index) => current[index],
    add: (filePath) => update(addRecentFile(current, filePath)),
    remove: (filePath) => update(removeRecentFile(current, filePath)),
    clear: () => update([]),
  };
}
