/**
 * Backups keep the snapshots of held reviews, as a saved file does, and restoring one stores them
 * again.
 */
import { waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Snapshot } from '../../../shared/cadence/types';
import { emptyPortfolio } from '../../../shared/portfolio/empty';
import { textFingerprint } from '../../../shared/portfolio/fingerprint';
import { readPortfolioText } from '../../../shared/portfolio/restore';
import type { Portfolio } from '../../../shared/portfolio/types';
import { writePortfolio } from '../../../shared/portfolio/write';
import { deleteEverything } from '../../../renderer/areas/settings/DataSection';
import { LAST_BACKUP_KEY, backupNow, restoreBackup } from '../../../renderer/backup/backups';
import { openQuestion } from '../../../renderer/components/dialogs';
import { db } from '../../../renderer/db/database';
import { readPortfolio, replacePortfolio, undo } from '../../../renderer/db/repository';
import { clearSnapshots, loadSnapshot } from '../../../renderer/db/snapshots';
import { freshDatabase } from '../db/fresh-database';
import { clearNotices, noticeTexts, useFreshBackups } from './support';

beforeEach(async () => {
  await freshDatabase();
  localStorage.removeItem(LAST_BACKUP_KEY);
  clearNotices();
});

function snapshotOf(id: string, name: string): Snapshot {
  const text = writePortfolio(emptyPortfolio('2027-01-05', name));
  return {
    id,
    reviewId: 'rev-jan',
    label: 'January review',
    takenAt: '2027-01-05T11:30:00.000Z',
    fingerprint: textFingerprint(text),
    text,
  };
}

function withHeldReview(snapshot: Snapshot): Portfolio {
  return {
    ...emptyPortfolio('2027-01-05', 'Northwind'),
    reviews: [
      {
        id: 'rev-jan',
        title: 'Portfolio review',
        kind: 'portfolio-review',
        date: '2027-01-05',
        status: 'held',
        agenda: [],
        snapshotId: snapshot.id,
      },
    ],
    snapshots: [snapshot],
  };
}

describe('backups and snapshots', () => {
  it('a backup holds the snapshots the reviews name, and a restore stores them again', async () => {
    const store = useFreshBackups();
    const january = snapshotOf('snap-jan', 'January');
    await replacePortfolio(withHeldReview(january), { kind: 'file', label: 'a.json' }, 'Open');
    const info = await backupNow('manual');
    const text = await store.read(info!.id);
    const read = readPortfolioText(text!);
    expect(read.ok && read.portfolio.snapshots).toEqual([january]);

    await clearSnapshots();
    expect(await db.snapshots.count()).toBe(0);
    expect(await restoreBackup(info!.id)).toEqual({ ok: true, undoable: true });
    expect(await loadSnapshot('snap-jan')).toEqual(january);
    expect((await readPortfolio()).reviews?.[0]?.snapshotId).toBe('snap-jan');
  });

  it('Delete everything clears the snapshots and says so: Undo brings back the reviews, Restore their snapshots', async () => {
    const store = useFreshBackups();
    const january = snapshotOf('snap-jan', 'January');
    await replacePortfolio(withHeldReview(january), { kind: 'file', label: 'a.json' }, 'Open');
    const deleting = deleteEverything();
    await waitFor(() => expect(openQuestion()).not.toBeNull());
    // The question does not promise that Undo brings back what it cannot.
    expect(openQuestion()!.body).toMatch(
      /Undo \(Ctrl\+Z\).*brings back the portfolio but not the snapshots/,
    );
    openQuestion()!.answer('delete');
    expect(await deleting).toBe(true);
    expect(await db.snapshots.count()).toBe(0);
    expect(noticeTexts().at(-1)).toMatch(
      /Undo \(Ctrl\+Z\) brings back the portfolio without the snapshots/,
    );

    await undo();
    expect((await readPortfolio()).reviews?.[0]?.snapshotId).toBe('snap-jan');
    expect(await loadSnapshot('snap-jan')).toBeUndefined();
    const [backup] = await store.list();
    expect(await restoreBackup(backup!.id)).toEqual({ ok: true, undoable: true });
    expect(await loadSnapshot('snap-jan')).toEqual(january);
  });
});
