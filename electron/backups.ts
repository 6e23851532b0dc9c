/**
 * Backups on the desktop: files in `<userData>/backups/`, two per backup, both written atomically.
 * `<id>.baton.json` is the portfolio file itself (File › Open reads it like any other), and
 * `<id>.info.json` says when and why it was taken; it is written last, so a backup is listed only
 * once both are whole. Ids are checked before they become file names (shared/backup/types.ts:
 * isBackupId), so no request can name a file outside the folder. A crash between the two writes
 * leaves a portfolio file without its description (and perhaps a temporary file): listing the
 * backups removes those once they are an hour old, so they never pile up unseen.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, readdir, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import {
  backupId,
  backupIdTime,
  isBackupId,
  newestFirst,
  parseBackupInfo,
  utf8Size,
  type BackupInfo,
  type BackupStore,
} from '../shared/backup/types';
import { writeFileAtomic } from './atomic-file';
import { readPortfolioFile } from './files';

/** The folder under the user-data folder that holds the backups. */
export const BACKUP_FOLDER_NAME = 'backups';

const TEXT_SUFFIX = '.baton.json';
const INFO_SUFFIX = '.info.json';

/**
 * How old the files of an unfinished backup must be before they are removed: a write under way
 * (in this window or another) takes a moment, not an hour.
 */
export const ORPHAN_AGE_MS = 60 * 60 * 1000;

/** A temporary file of writeFileAtomic for a backup's file: `.<id>.baton.json.<pid>-<hex>.tmp`. */
const TEMPORARY_FILE = /^\.\d{8}T\d{9}Z-[0-9a-f]{8}\.(?:baton|info)\.json\.\d+-[0-9a-f]{12}\.tmp$/;

function errorCode(error: unknown): unknown {
  return (error as { code?: unknown } | null)?.code;
}

/**
 * The file of a backup in `folder`. Throws for anything that is not a backup id: the resolved path
 * is checked to sit directly in the folder as well, whatever the id check lets through.
 */
export function backupFilePath(folder: string, id: string, suffix: string): string {
  if (!isBackupId(id)) throw new Error(`"${String(id).slice(0, 80)}" is not a backup id.`);
  const root = path.resolve(folder);
  const file = path.resolve(root, `${id}${suffix}`);
  if (path.dirname(file) !== root) throw new Error(`"${id}" is not a backup id.`);
  return file;
}

export type BackupFilesOptions = {
  readonly folder: string;
  readonly now?: () => Date;
  readonly nonce?: () => string;
};

async function removeIfThere(file: string): Promise<void> {
  try {
    await unlink(file);
  } catch (error) {
    if (errorCode(error) !== 'ENOENT') throw error;
  }
}

/** The desktop's backup store over the files of `folder` (made on the first write). */
export function createBackupFiles(options: BackupFilesOptions): BackupStore {
  const folder = path.resolve(options.folder);
  const now = options.now ?? (() => new Date());
  const nonce = options.nonce ?? (() => randomBytes(4).toString('hex'));

  async function readInfo(id: string): Promise<BackupInfo | null> {
    try {
      const text = await readFile(backupFilePath(folder, id, INFO_SUFFIX), 'utf8');
      const info = parseBackupInfo(JSON.parse(text));
      return info?.id === id ? info : null;
    } catch {
      // A file someone edited or half-copied by hand: not listed, and never deleted by Baton.
      return null;
    }
  }

  /**
   * Removes what a crash left of backups at least an hour old: a portfolio file whose description
   * was never written (the id says when it was taken), and temporary files (by their time). Only
   * names of the shapes Baton writes; anything else in the folder is left alone.
   */
  async function sweepOrphans(names: readonly string[], present: ReadonlySet<string>) {
    const before = now().getTime() - ORPHAN_AGE_MS;
    for (const name of names) {
      if (name.endsWith(TEXT_SUFFIX)) {
        const id = name.slice(0, -TEXT_SUFFIX.length);
        if (!isBackupId(id) || present.has(`${id}${INFO_SUFFIX}`)) continue;
        const at = backupIdTime(id);
        if (at !== null && Date.parse(at) <= before) {
          await removeIfThere(backupFilePath(folder, id, TEXT_SUFFIX));
        }
      } else if (TEMPORARY_FILE.test(name)) {
        const file = path.join(folder, name);
        if ((await stat(file)).mtimeMs <= before) await removeIfThere(file);
      }
    }
  }

  return {
    list: async () => {
      let names: string[];
      try {
        names = await readdir(folder);
      } catch (error) {
        if (errorCode(error) === 'ENOENT') return [];
        throw error;
      }
      const present = new Set(names);
      await sweepOrphans(names, present).catch((error: unknown) => {
        // Left for the next listing; the backups are listed all the same.
        console.warn('Could not remove what an unfinished backup left behind', error);
      });
      const ids = names
        .filter((name) => name.endsWith(INFO_SUFFIX))
        .map((name) => name.slice(0, -INFO_SUFFIX.length))
        .filter((id) => isBackupId(id) && present.has(`${id}${TEXT_SUFFIX}`));
      const infos = await Promise.all(ids.map(readInfo));
      return newestFirst(infos.filter((info) => info !== null));
    },

    write: async (meta, text) => {
      await mkdir(folder, { recursive: true });
      const at = now().toISOString();
      const info: BackupInfo = { id: backupId(at, nonce()), at, size: utf8Size(text), ...meta };
      const textFile = backupFilePath(folder, info.id, TEXT_SUFFIX);
      await writeFileAtomic(textFile, text);
      try {
        await writeFileAtomic(
          backupFilePath(folder, info.id, INFO_SUFFIX),
          `${JSON.stringify(info, null, 2)}\n`,
        );
      } catch (error) {
        await removeIfThere(textFile).catch(() => undefined);
        throw error;
      }
      return info;
    },

    read: async (id) => {
      try {
        return (await readPortfolioFile(backupFilePath(folder, id, TEXT_SUFFIX))).text;
      } catch (error) {
        if (errorCode(error) === 'ENOENT') return null;
        throw error;
      }
    },

    remove: async (ids) => {
      for (const id of ids) {
        // The description first: a backup half removed is no longer listed.
        await removeIfThere(backupFilePath(folder, id, INFO_SUFFIX));
        await removeIfThere(backupFilePath(folder, id, TEXT_SUFFIX));
      }
    },
  };
}
