/**
 * The backups: when each was taken, why, its size and what it holds; Restore in one click (after
 * a question that says it can be undone), and "Back up now".
 */
import { useCallback, useEffect, useId, useState } from 'react';
import type { BackupInfo } from '../../../shared/backup/types';
import { backupNow, listBackups, restoreBackup } from '../../backup/backups';
import { askUser } from '../../components/dialogs';
import { formatDateTime } from '../../format';
import { useAppStore } from '../../state/store';
import { BACKUP_REASON_LABELS, backupName, formatSize } from './backup-words';

/** How many backups the list shows before "Show all". */
const FIRST_SHOWN = 12;

/** The backups, newest first, read again on `refresh`; null while the first read is under way. */
export function useBackups(): {
  readonly backups: readonly BackupInfo[] | null;
  readonly problem: string | null;
  readonly refresh: () => Promise<void>;
} {
  const [backups, setBackups] = useState<readonly BackupInfo[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const refresh = useCallback(async () => {
    try {
      setBackups(await listBackups());
      setProblem(null);
    } catch (error) {
      setBackups((current) => current ?? []);
      setProblem(
        `The backups could not be listed: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }, []);
  useEffect(() => {
    void refresh();
    // Backups taken by the timer or before an import appear when the window is looked at again.
    const again = () => void refresh();
    window.addEventListener('focus', again);
    return () => window.removeEventListener('focus', again);
  }, [refresh]);
  return { backups, problem, refresh };
}

/** Asks, then restores a backup; says what happened in a notice. Returns whether it was restored. */
export async function confirmAndRestore(backup: BackupInfo): Promise<boolean> {
  const name = backupName(backup);
  const answer = await askUser({
    title: `Restore ${name}?`,
    body: `The portfolio becomes what it was at ${formatDateTime(backup.at)}: ${backup.summary}. Baton backs up the portfolio as it is now first, and the restore is one edit: Undo (Ctrl+Z) takes it back.`,
    actions: [
      { id: 'restore', label: 'Restore', primary: true },
      { id: 'cancel', label: 'Cancel' },
    ],
  });
  if (answer !== 'restore') return false;
  const { notify } = useAppStore.getState();
  const result = await restoreBackup(backup.id);
  if (!result.ok) {
    notify(
      'error',
      `${name[0]?.toUpperCase()}${name.slice(1)} was not restored: ${result.message}`,
    );
    return false;
  }
  notify(
    'success',
    result.undoable
      ? `Restored ${name}: ${backup.summary}. Undo (Ctrl+Z) takes it back.`
      : `Restored ${name}: ${backup.summary}. The stored portfolio did not read, so Undo cannot take this back; the backup taken before the restore keeps what was stored.`,
  );
  return true;
}

export function BackupsSection({ refreshKey = 0 }: { readonly refreshKey?: number }) {
  const id = useId();
  const { backups, problem, refresh } = useBackups();
  // Something else took a backup (Delete everything): read the list again.
  useEffect(() => {
    if (refreshKey > 0) void refresh();
  }, [refreshKey, refresh]);
  const [busy, setBusy] = useState(false);
  const [showAll, setShowAll] = useState(false);
  const notify = useAppStore((state) => state.notify);

  const run = async (action: () => Promise<unknown>) => {
    if (busy) return;
    setBusy(true);
    try {
      await action();
    } finally {
      setBusy(false);
      await refresh();
    }
  };

  const backUp = async () => {
    // backupNow says itself, in a notice, why a backup failed.
    const made = await backupNow('manual');
    if (made) notify('success', `Backed up: ${made.summary}.`);
  };

  const shown = backups && !showAll ? backups.slice(0, FIRST_SHOWN) : backups;

  return (
    <section className="settings__section" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Backups</h3>
      <p className="settings__lead">
        Baton backs up the whole portfolio every 15 minutes while you edit, and always before an
        import, a restore, a file that replaces the portfolio, Delete everything and an update of
        its storage. Of today it keeps the 4 newest backups and one an hour; then one a day for 14
        days and one a week for 3 months. Backups taken by hand or before something replaced the
        portfolio are kept for at least 14 days. When the backups grow past 20 times the size of the
        newest (and 10 MB), the oldest of the others go first.
      </p>
      <div className="button-row">
        <button type="button" className="button" disabled={busy} onClick={() => void run(backUp)}>
          Back up now
        </button>
      </div>
      {problem && (
        <p className="settings__problem" role="alert">
          {problem}
        </p>
      )}
      {backups === null ? (
        <p role="status">Reading the backups…</p>
      ) : backups.length === 0 ? (
        <p>
          No backups yet. The first is taken after 15 minutes of editing, or now with Back up now.
        </p>
      ) : (
        <div className="settings__table-wrap">
          <table className="settings__backups">
            <caption className="visually-hidden">Backups, newest first: {backups.length}</caption>
            <thead>
              <tr>
                <th scope="col">Taken</th>
                <th scope="col">Why</th>
                <th scope="col">What it holds</th>
                <th scope="col" className="settings__size">
                  Size
                </th>
                <th scope="col">
                  <span className="visually-hidden">Restore</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {shown?.map((backup) => (
                <tr key={backup.id}>
                  <th scope="row" className="settings__when">
                    {formatDateTime(backup.at)}
                  </th>
                  <td>{BACKUP_REASON_LABELS[backup.reason] ?? backup.reason}</td>
                  <td className="settings__summary">{backup.summary}</td>
                  <td className="settings__size">{formatSize(backup.size)}</td>
                  <td>
                    <button
                      type="button"
                      className="button button--small"
                      disabled={busy}
                      aria-label={`Restore ${backupName(backup)}`}
                      onClick={() => void run(() => confirmAndRestore(backup))}
                    >
                      Restore…
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {backups.length > FIRST_SHOWN && (
            <button
              type="button"
              className="button button--quiet"
              aria-expanded={showAll}
              onClick={() => setShowAll((all) => !all)}
            >
              {showAll ? 'Show the newest only' : `Show all ${backups.length} backups`}
            </button>
          )}
        </div>
      )}
    </section>
  );
}
