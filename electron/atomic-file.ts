/**
 * Writes files so that a crash or a full disk never leaves a half-written file behind: the data
 * goes to a temporary file in the same folder, which then replaces the target in one rename.
 */
import { randomBytes } from 'node:crypto';
import { renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { open, rename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';

/** The temporary file name used while `filePath` is written; hidden, unique per write. */
export function temporaryPathFor(filePath: string, token: string): string {
  return path.join(path.dirname(filePath), `.${path.basename(filePath)}.${token}.tmp`);
}

async function existingMode(filePath: string): Promise<number | undefined> {
  try {
    return (await stat(filePath)).mode & 0o777;
  } catch {
    return undefined;
  }
}

/**
 * Replaces `filePath` with `data` atomically. The temporary file lives in the target's folder,
 * because a rename across file systems is not atomic. An existing file keeps its permissions.
 */
export async function writeFileAtomic(filePath: string, data: string | Uint8Array): Promise<void> {
  const temporary = temporaryPathFor(filePath, `${process.pid}-${randomBytes(6).toString('hex')}`);
  const mode = (await existingMode(filePath)) ?? 0o666;
  const handle = await open(temporary, 'wx', mode);
  try {
    try {
      await handle.writeFile(data, typeof data === 'string' ? 'utf8' : undefined);
      // Flush before the rename, or a power cut can leave the new name pointing at no data.
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, filePath);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
}

/**
 * The synchronous twin of `writeFileAtomic`, for the moment a window closes: the app may quit
 * right after, before an asynchronous write would have finished.
 */
export function writeFileAtomicSync(filePath: string, data: string): void {
  const temporary = temporaryPathFor(filePath, `${process.pid}-${randomBytes(6).toString('hex')}`);
  try {
    writeFileSync(temporary, data, { encoding: 'utf8', flag: 'wx' });
    renameSync(temporary, filePath);
  } catch (error) {
    try {
      unlinkSync(temporary);
    } catch {
      // Nothing to clean up: the temporary file was never created or was already renamed.
    }
    throw error;
  }
}
