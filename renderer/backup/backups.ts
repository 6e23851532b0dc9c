/**
 * Backups of the portfolio, as the app uses them: take one now (before an import, an Open that
 * replaces, a restore; by hand; every 15 minutes while there are edits), list them, restore one.
 * Where they are kept is the platform's business (renderer/platform: files on the desktop, a
 * database of their own in the browser); which are kept is shared/backup/retention.ts.
 */
import { backupsToDelete } from '../../shared/backup/retention';
import { portfolioSummary } from '../../shared/backup/summary';
import {
  MAX_BACKUP_LABEL,
  type BackupInfo,
  type BackupMeta,
  type BackupReason,
} from '../../shared/backup/types';
import { describeProblem, readPortfolioText } from '../../shared/portfolio/restore';
import { writePortfolio } from '../../shared/portfolio/write';
import { replaceState } from '../../shared/store/operations/portfolio';
import { portfolioToState, type PortfolioState } from '../../shared/store/state';
import { journalStorage, overwriteStoredPortfolio } from '../db/database';
import { loadStacks } from '../db/history';
import { ORDER_KEYS } from '../db/order-keys';
import { forgetState, settleEdits, storedRevision } from '../db/repository';
import { CURRENT_SCHEMA_VERSION, DATABASE_NAME } from '../db/schema';
import { storageFailureText } from '../db/storage-health';
import { adoptSnapshots, portfolioFileText } from '../db/snapshots';
import { portfolioStore } from '../db/store';
import { formatDateTime } from '../format';
import { getPlatform } from '../platform';
import { useAppStore } from '../state/store';
import { rawPortfolioName, rawRowsSummary, rawRowsText, readRawTables } from './raw-rows';

export type { BackupInfo, BackupReason };

/** How often the schedule looks for edits to back up. */
export const BACKUP_INTERVAL_MS = 15 * 60 * 1000;

/**
 * Where the revision of the last backup is noted (shared by the windows of one profile, so two
 * windows do not back up the same edits twice).
 */
export const LAST_BACKUP_KEY = 'baton.backup.revision';

/** What a backup was taken before, in words for a failure notice. */
const REASON_WORDS: Readonly<Record<BackupReason, string>> = {
  timer: 'the regular backup',
  'before-import': 'before the import',
  'before-restore': 'before the restore',
  'before-open': 'before the portfolio was replaced',
  'before-upgrade': 'before the storage upgrade',
  'before-delete': 'before Delete everything',
  manual: 'Back up now',
};

function lastBackedUpRevision(): string | null {
  try {
    return journalStorage()?.getItem(LAST_BACKUP_KEY) ?? null;
  } catch {
    return null;
  }
}

function noteBackedUp(revision: string): void {
  try {
    journalStorage()?.setItem(LAST_BACKUP_KEY, revision);
  } catch {
    // Without localStorage the next timer backs up again: one backup too many, nothing lost.
  }
}

/** The local time's offset east of UTC, in minutes, at `now`. */
function utcOffsetMinutes(now: Date): number {
  return -now.getTimezoneOffset();
}

/** Deletes the backups the retention policy no longer keeps. */
export async function applyRetention(now = new Date()): Promise<string[]> {
  const { backups } = getPlatform();
  const doomed = backupsToDelete(await backups.list(), now.toISOString(), utcOffsetMinutes(now));
  if (doomed.length > 0) await backups.remove(doomed);
  return doomed;
}

/** What a backup holds: the portfolio file, or (`raw`) every stored row as it is. */
type Content = { readonly meta: BackupMeta; readonly text: string; readonly raw: boolean };

async function contentToBackUp(reason: BackupReason): Promise<Content> {
  try {
    const portfolio = await portfolioStore().readPortfolio();
    return {
      meta: {
        reason,
        summary: portfolioSummary(portfolio),
        portfolioName: portfolio.name.slice(0, MAX_BACKUP_LABEL),
      },
      // With the snapshots of its held reviews, as a saved file has them; should the snapshots
      // not read, a backup without them still restores the portfolio.
      text: await portfolioFileText(portfolio).catch(() => writePortfolio(portfolio)),
      raw: false,
    };
  } catch (error) {
    // A stored portfolio that no longer reads (a missing or broken row: the recovery screen):
    // before something replaces it, what is stored, as it is, beats no backup at all. Not for
    // the timer: a raw backup cannot be restored, and it would take a restorable one's place.
    if (reason === 'timer') throw error;
    const tables = await readRawTables(DATABASE_NAME);
    return {
      meta: {
        reason,
        summary: rawRowsSummary(CURRENT_SCHEMA_VERSION),
        portfolioName: rawPortfolioName(tables),
      },
      text: rawRowsText(DATABASE_NAME, CURRENT_SCHEMA_VERSION, tables),
      raw: true,
    };
  }
}

/** Whether a failure of the timer's backup was told, with no backup taken since. */
let timerFailureTold = false;

/**
 * Takes a backup of the stored portfolio (after the edits still on their way are stored), then
 * applies the retention policy. Throws when the backup could not be taken.
 */
async function takeBackup(
  reason: BackupReason,
): Promise<{ readonly info: BackupInfo; readonly raw: boolean }> {
  await settleEdits().catch(() => undefined);
  // Read before the portfolio: an edit in between is backed up by the next timer, not lost.
  const revision = await storedRevision().catch(() => null);
  const { meta, text, raw } = await contentToBackUp(reason);
  const info = await getPlatform().backups.write(meta, text);
  timerFailureTold = false;
  if (revision !== null && !raw) noteBackedUp(revision);
  await applyRetention().catch((error: unknown) => {
    // The backup is taken; old ones stay until the next one tries again.
    console.warn('Could not delete old backups', error);
  });
  return { info, raw };
}

export type BackupAttempt =
  | {
      readonly ok: true;
      readonly info: BackupInfo;
      /** The stored portfolio did not read: the backup holds every stored row as it is. */
      readonly raw: boolean;
    }
  | { readonly ok: false; readonly message: string };

/**
 * Takes a backup of the whole portfolio now. Never throws, and tells no one: when it fails, the
 * answer says why in a sentence (for a question such as "Open without a backup?").
 */
export async function attemptBackup(reason: BackupReason): Promise<BackupAttempt> {
  try {
    const { info, raw } = await takeBackup(reason);
    return { ok: true, info, raw };
  } catch (error) {
    return {
      ok: false,
      message: storageFailureText(
        error,
        `Baton could not back up the portfolio (${REASON_WORDS[reason]})`,
      ),
    };
  }
}

/**
 * Takes a backup of the whole portfolio now. Never throws: when it fails, the user is told in a
 * notice (what failed and what to do) and the answer is null. The timer's failure is told once,
 * not at every tick while the disk stays full, and again only after a backup has worked.
 */
export async function backupNow(reason: BackupReason): Promise<BackupInfo | null> {
  const attempt = await attemptBackup(reason);
  if (attempt.ok) return attempt.info;
  if (reason === 'timer' && timerFailureTold) {
    console.warn(attempt.message);
    return null;
  }
  if (reason === 'timer') timerFailureTold = true;
  useAppStore.getState().notify('error', attempt.message);
  return null;
}

/**
 * Writes `state` in place of a stored portfolio that does not read, in one transaction (see
 * overwriteStoredPortfolio: the history and the undo stacks go too), and forgets what this window
 * kept of the old one. Back up what is stored first (a raw backup, as attemptBackup takes one).
 */
export async function replaceUnreadablePortfolio(
  state: PortfolioState,
  unsaved: boolean,
): Promise<void> {
  await overwriteStoredPortfolio(state, unsaved);
  forgetState();
  await loadStacks().catch(() => undefined);
}

/** Every backup, newest first. */
export async function listBackups(): Promise<BackupInfo[]> {
  return getPlatform().backups.list();
}

/** The label of the edit that restores a backup taken at `at`. */
export function restoreLabel(at: string): string {
  return `Restore backup of ${formatDateTime(at)}`;
}

export type RestoreResult =
  | {
      readonly ok: true;
      /** False when the stored portfolio did not read, so the restore wrote over it directly. */
      readonly undoable: boolean;
    }
  | { readonly ok: false; readonly message: string };

/**
 * Puts a backup back as the portfolio. The backup is read and checked first (one the file's reader
 * refuses changes nothing and says why); then the current portfolio is backed up (only a backup
 * store that fails stops the restore); then the backup replaces it as one undoable edit, "Restore
 * backup of <time>". A stored portfolio that no longer reads (the recovery screen's case) is
 * backed up as its raw rows and written over in one transaction, which Undo cannot take back.
 * Never throws.
 */
export async function restoreBackup(id: string): Promise<RestoreResult> {
  const { backups } = getPlatform();
  let text: string | null;
  let at: string;
  try {
    const info = (await backups.list()).find((backup) => backup.id === id);
    text = info ? await backups.read(id) : null;
    at = info?.at ?? '';
  } catch (error) {
    return { ok: false, message: storageFailureText(error, 'The backup could not be read') };
  }
  if (text === null) {
    return { ok: false, message: 'That backup is no longer there; nothing was changed.' };
  }
  const read = readPortfolioText(text);
  if (!read.ok) {
    const first = read.errors[0];
    const why = first ? describeProblem(first).headline : 'it is not a portfolio';
    return {
      ok: false,
      message: `The backup of ${formatDateTime(at)} cannot be restored: ${why}. Nothing was changed.`,
    };
  }
  let before: { readonly raw: boolean };
  try {
    before = await takeBackup('before-restore');
  } catch (error) {
    return {
      ok: false,
      message: storageFailureText(
        error,
        'Nothing was restored: Baton could not back up the portfolio as it is now first',
      ),
    };
  }
  const label = restoreLabel(at);
  const origin = { kind: 'file', label: `backup of ${formatDateTime(at)}` } as const;
  let next: PortfolioState;
  try {
    // The backup's snapshots are stored first; its reviews follow a snapshot that got a new id.
    next = portfolioToState(await adoptSnapshots(read.portfolio), origin, ORDER_KEYS);
  } catch (error) {
    return { ok: false, message: storageFailureText(error, 'The backup was not restored') };
  }
  try {
    if (before.raw) {
      // The stored portfolio does not read, so no edit can be planned on it (an edit starts from
      // the stored state): the backup is written in its place. Not undoable; the raw backup just
      // taken keeps what was stored. Unsaved: it is in no file the user saved.
      await replaceUnreadablePortfolio(next, true);
    } else {
      // Marks the portfolio unsaved: what is restored is not in any file the user saved.
      const result = await portfolioStore().commit((current) => ({
        label,
        changes: replaceState(current, next),
      }));
      if (!result.ok) {
        const first = result.problems[0];
        return {
          ok: false,
          message: `The backup of ${formatDateTime(at)} cannot be restored: ${first ? `${first.path}: ${first.message}` : 'Baton refused it'}. Nothing was changed.`,
        };
      }
    }
  } catch (error) {
    return { ok: false, message: storageFailureText(error, 'The backup was not restored') };
  }
  useAppStore.getState().navigate({ area: 'portfolio', tab: 'initiatives', initiativeId: null });
  return { ok: true, undoable: !before.raw };
}

/**
 * Backs up every 15 minutes while there have been edits since the last backup (any backup: one
 * taken before an import counts too). Returns the function that stops it. A failure is told once
 * in a notice and tried again at the next tick; told again only after a backup has worked.
 */
export function startBackupSchedule(intervalMs = BACKUP_INTERVAL_MS): () => void {
  timerFailureTold = false;
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const revision = await storedRevision();
      if (revision !== lastBackedUpRevision()) await backupNow('timer');
    } catch (error) {
      console.warn('Could not look for edits to back up', error);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), intervalMs);
  return () => clearInterval(timer);
}
