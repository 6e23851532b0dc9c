/** "Export everything" and "Delete everything" (which asks first and backs up first). */
import { useId, useState } from 'react';
import { emptyPortfolio } from '../../../shared/portfolio/empty';
import { describeProblem } from '../../../shared/portfolio/restore';
import { portfolioFileName } from '../../../shared/portfolio/write';
import { backupNow } from '../../backup/backups';
import { askUser } from '../../components/dialogs';
import { readPortfolio, replacePortfolio } from '../../db/repository';
import { clearSnapshots, portfolioFileText } from '../../db/snapshots';
import { formatDateTime, localToday } from '../../format';
import { getPlatform } from '../../platform';
import { useAppStore } from '../../state/store';

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Saves the whole stored portfolio as one portfolio file; says where in a notice. */
export async function exportEverything(): Promise<boolean> {
  const { notify } = useAppStore.getState();
  try {
    const portfolio = await readPortfolio();
    const saved = await getPlatform().saveExportFile(
      portfolioFileName(portfolio.name),
      await portfolioFileText(portfolio),
    );
    if (saved)
      notify('success', `Exported everything in "${portfolio.name}" to ${saved.location}.`);
    return saved !== null;
  } catch (error) {
    notify('error', `Nothing was exported: ${errorText(error)}`);
    return false;
  }
}

/**
 * Asks, backs up, then leaves an empty portfolio in place of the stored one (one edit: Undo takes
 * it back). Nothing is deleted when the backup fails. Returns whether it was deleted.
 */
export async function deleteEverything(): Promise<boolean> {
  const answer = await askUser({
    title: 'Delete everything?',
    body: 'Baton deletes the stored portfolio: its strategy, initiatives, teams, periods, scenarios, actuals, decisions, workshops, proposals, meeting series, reviews, actions and the snapshots of held reviews, and leaves an empty portfolio. It backs up the portfolio first, so Restore in Settings › Backups brings it all back. Undo (Ctrl+Z) while this window is open brings back the portfolio but not the snapshots: only Restore does. Your name, your number format and the backups stay.',
    actions: [
      { id: 'delete', label: 'Back up, then delete everything', primary: true },
      { id: 'cancel', label: 'Cancel' },
    ],
  });
  if (answer !== 'delete') return false;
  const { notify } = useAppStore.getState();
  // backupNow says itself, in a notice, why a backup failed.
  const backup = await backupNow('before-delete');
  if (!backup) {
    notify('error', 'Nothing was deleted: the backup that comes first could not be taken.');
    return false;
  }
  try {
    const result = await replacePortfolio(
      emptyPortfolio(localToday()),
      { kind: 'empty' },
      'Delete everything',
    );
    if (!result.ok) {
      const first = result.problems[0];
      notify(
        'error',
        `Nothing was deleted: ${first ? describeProblem(first).headline : 'the empty portfolio was refused'}.`,
      );
      return false;
    }
  } catch (error) {
    notify('error', `Nothing was deleted: ${errorText(error)}`);
    return false;
  }
  // The snapshots go too; the backup just taken keeps them, so Restore brings them back.
  await clearSnapshots().catch((error: unknown) => {
    notify('error', `The snapshots of held reviews were not deleted: ${errorText(error)}`);
  });
  notify(
    'success',
    `Deleted everything: Baton holds an empty portfolio. The backup of ${formatDateTime(backup.at)} in Settings › Backups brings it back (Baton keeps it for at least 14 days); Undo (Ctrl+Z) brings back the portfolio without the snapshots of held reviews.`,
  );
  return true;
}

export function DataSection({ onDeleted }: { readonly onDeleted: () => void }) {
  const id = useId();
  const [busy, setBusy] = useState(false);
  const run = async (action: () => Promise<boolean>, after?: () => void) => {
    if (busy) return;
    setBusy(true);
    try {
      if ((await action()) && after) after();
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="settings__section" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>All your data</h3>
      <p id={`${id}-export`}>
        Export everything saves the whole portfolio (strategy, initiatives, teams, periods, budget,
        scenarios, actuals, decisions, workshops and proposals) as one portfolio file, which File ›
        Open reads back on any computer.
      </p>
      <p id={`${id}-delete`}>
        Delete everything asks first, backs up the portfolio, then leaves an empty one. The backup
        brings it back.
      </p>
      <div className="button-row">
        <button
          type="button"
          className="button"
          disabled={busy}
          aria-describedby={`${id}-export`}
          onClick={() => void run(exportEverything)}
        >
          Export everything…
        </button>
        <button
          type="button"
          className="button button--danger"
          disabled={busy}
          aria-describedby={`${id}-delete`}
          onClick={() => void run(deleteEverything, onDeleted)}
        >
          Delete everything…
        </button>
      </div>
    </section>
  );
}
