/**
 * Never silent about storage: a problem of the storage stays on screen (not a notice that fades)
 * until it is solved or dismissed, says what happened and what to do, and offers the last backup.
 */
import { useEffect, useId, useState } from 'react';
import type { BackupInfo } from '../../../shared/backup/types';
import { listBackups } from '../../backup/backups';
import type { StorageProblem } from '../../db/storage-health';
import { formatDateTime } from '../../format';
import { getPlatform } from '../../platform';
import { useAppStore } from '../../state/store';
import { confirmAndRestore } from './BackupsSection';

/** The backups as the platform keeps them, without the app's storage. */
const listStoredBackups = () => getPlatform().backups.list();

/** The newest backup, once read; null while reading or when there is none (or none can be read). */
function useLastBackup(read: () => Promise<readonly BackupInfo[]>): BackupInfo | null | undefined {
  const [last, setLast] = useState<BackupInfo | null | undefined>(undefined);
  useEffect(() => {
    let live = true;
    read().then(
      (backups) => live && setLast(backups[0] ?? null),
      () => live && setLast(null),
    );
    return () => {
      live = false;
    };
  }, [read]);
  return last;
}

/** "Your last backup is of 7 Dec 2026, 18:20: Acme 2027 · 42 initiatives." */
export function lastBackupText(last: BackupInfo | null | undefined): string {
  if (last === undefined) return 'Looking for your last backup…';
  if (last === null) return 'There is no backup to fall back on yet.';
  return `Your last backup is of ${formatDateTime(last.at)}: ${last.summary}.`;
}

/** The storage problem of the moment, above the area, until solved or dismissed. */
export function StorageBanner() {
  const problem = useAppStore((state) => state.storageProblem);
  if (!problem) return null;
  // Keyed by the problem: a new one reads the last backup again.
  return <ProblemBanner key={`${problem.kind}|${problem.detail}`} problem={problem} />;
}

function ProblemBanner({ problem }: { readonly problem: StorageProblem }) {
  const id = useId();
  const setProblem = useAppStore((state) => state.setStorageProblem);
  const navigate = useAppStore((state) => state.navigate);
  // Restoring needs the storage: not offered while another window holds it or it is closed here.
  const canRestore = !problem.reload && problem.kind !== 'blocked';
  const last = useLastBackup(listBackups);
  return (
    <div className="storage-banner" role="alert" aria-labelledby={`${id}-title`}>
      <p id={`${id}-title`} className="storage-banner__title">
        {problem.happened}
      </p>
      <p>{problem.advice}</p>
      {problem.kind !== 'blocked' && problem.kind !== 'changed-elsewhere' && (
        <p>{lastBackupText(last)}</p>
      )}
      <div className="button-row">
        {problem.reload && (
          <button
            type="button"
            className="button button--primary"
            onClick={() => window.location.reload()}
          >
            Reload
          </button>
        )}
        {canRestore && last && (
          <button
            type="button"
            className="button"
            onClick={() => void confirmAndRestore(last).then((done) => done && setProblem(null))}
          >
            Restore the last backup…
          </button>
        )}
        {problem.kind !== 'changed-elsewhere' && (
          <button type="button" className="button" onClick={() => navigate({ area: 'settings' })}>
            Backups in Settings
          </button>
        )}
        <button type="button" className="button button--quiet" onClick={() => setProblem(null)}>
          Dismiss
        </button>
      </div>
    </div>
  );
}

/** Saves the newest backup's text as a file (the portfolio file format); says what happened. */
async function saveBackupFile(backup: BackupInfo): Promise<string> {
  const platform = getPlatform();
  try {
    const text = await platform.backups.read(backup.id);
    if (text === null) return 'That backup is gone.';
    const stamp = backup.at.slice(0, 16).replace(/[T:]/g, '-');
    const saved = await platform.saveExportFile(`baton-backup-${stamp}.baton.json`, text);
    return saved
      ? `The backup was saved to ${saved.location}. File › Open reads it, in Baton on any computer.`
      : 'Nothing was saved: the save was cancelled.';
  } catch (error) {
    return `The backup could not be saved: ${error instanceof Error ? error.message : String(error)}`;
  }
}

/**
 * The storage cannot be opened at all: what happened, what to do, and the last backup (kept
 * apart from the portfolio's storage) to save as a file.
 */
export function StorageFailureScreen({ problem }: { readonly problem: StorageProblem }) {
  const last = useLastBackup(listStoredBackups);
  const [note, setNote] = useState<string | null>(null);
  return (
    <main className="fatal" role="alert" aria-labelledby="storage-failure-title">
      <h1 id="storage-failure-title">Baton cannot open its storage</h1>
      <p>{problem.happened}</p>
      <p>{problem.advice}</p>
      <p>Your data has not been changed.</p>
      <p>{lastBackupText(last)}</p>
      <div className="button-row">
        <button
          type="button"
          className="button button--primary"
          onClick={() => window.location.reload()}
        >
          Reload
        </button>
        {last && (
          <button
            type="button"
            className="button"
            onClick={() => void saveBackupFile(last).then(setNote)}
          >
            Save the last backup as a file…
          </button>
        )}
      </div>
      {note && (
        <p className="fatal__note" role="status">
          {note}
        </p>
      )}
      {problem.detail && <p className="recovery__detail">The browser said: {problem.detail}</p>}
    </main>
  );
}
