/**
 * The snapshots of held reviews, in their own table: stored when a file brings them (an id taken
 * by another snapshot gets a new one), never removed by Open, New or Undo, written into the files
 * Baton saves unless left out, and cleared only by Delete everything.
 */
import { freshDatabase } from './fresh-database';
import { renderHook, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Review, Snapshot } from '../../../shared/cadence/types';
import { emptyPortfolio } from '../../../shared/portfolio/empty';
import { textFingerprint } from '../../../shared/portfolio/fingerprint';
import { readPortfolioText } from '../../../shared/portfolio/restore';
import type { Portfolio } from '../../../shared/portfolio/types';
import { writePortfolio } from '../../../shared/portfolio/write';
import { db } from '../../../renderer/db/database';
import { readPortfolio, replacePortfolio, undo } from '../../../renderer/db/repository';
import {
  adoptSnapshots,
  clearSnapshots,
  loadSnapshot,
  portfolioFileText,
  portfolioSnapshots,
  saveSnapshot,
  snapshotInfos,
  useSnapshotInfos,
} from '../../../renderer/db/snapshots';

beforeEach(freshDatabase);

function snapshot(id: string, name: string, reviewId?: string): Snapshot {
  const text = writePortfolio(emptyPortfolio('2027-01-05', name));
  return {
    id,
    ...(reviewId !== undefined && { reviewId }),
    label: `${name} review`,
    takenAt: '2027-01-05T11:30:00.000Z',
    fingerprint: textFingerprint(text),
    text,
  };
}

function review(id: string, snapshotId?: string): Review {
  return {
    id,
    title: 'Portfolio review',
    kind: 'portfolio-review',
    date: id === 'rev-jan' ? '2027-01-05' : '2027-02-02',
    status: snapshotId ? 'held' : 'planned',
    agenda: [],
    ...(snapshotId !== undefined && { snapshotId }),
  };
}

/** A portfolio with a held review whose snapshot it carries. */
function portfolioWith(snapshots: readonly Snapshot[], reviews: readonly Review[]): Portfolio {
  return { ...emptyPortfolio('2027-01-05', 'Northwind'), reviews, snapshots };
}

describe('the snapshot table', () => {
  it('stores and reads a snapshot; lists them without their text, with its size', async () => {
    const january = snapshot('snap-jan', 'January', 'rev-jan');
    await saveSnapshot(january);
    expect(await loadSnapshot('snap-jan')).toEqual(january);
    expect(await loadSnapshot('snap-none')).toBeUndefined();
    const { text: _text, ...rest } = january;
    expect(await snapshotInfos()).toEqual([{ ...rest, size: january.text.length }]);
    expect(await snapshotInfos(['snap-none', 'snap-jan'])).toEqual([
      { ...rest, size: january.text.length },
    ]);
  });

  it('opening a file stores its snapshots; opening another and Undo keep them', async () => {
    const january = snapshot('snap-jan', 'January', 'rev-jan');
    const file = portfolioWith([january], [review('rev-jan', 'snap-jan')]);
    expect(
      (await replacePortfolio(file, { kind: 'file', label: 'a.json' }, 'Open a.json')).ok,
    ).toBe(true);
    expect(await loadSnapshot('snap-jan')).toEqual(january);
    // The stored portfolio has no snapshots of its own: they live in their table.
    const opened = await readPortfolio();
    expect(opened.snapshots).toBeUndefined();
    expect(await portfolioSnapshots(opened)).toEqual([january]);

    await replacePortfolio(emptyPortfolio('2027-02-01'), { kind: 'empty' }, 'New portfolio');
    expect((await readPortfolio()).reviews).toBeUndefined();
    expect(await db.snapshots.count()).toBe(1);

    expect(await undo()).toEqual({ kind: 'done', label: 'New portfolio' });
    const back = await readPortfolio();
    expect(back.reviews?.[0]?.snapshotId).toBe('snap-jan');
    expect(await portfolioSnapshots(back)).toEqual([january]);
  });

  it('gives a snapshot a new id when its id is stored with another fingerprint, and points the reviews at it', async () => {
    const ours = snapshot('snap-jan', 'Ours', 'rev-jan');
    await saveSnapshot(ours);
    const theirs = snapshot('snap-jan', 'Theirs', 'rev-jan');
    const file = portfolioWith([theirs], [review('rev-jan', 'snap-jan'), review('rev-feb')]);
    const adopted = await adoptSnapshots(file);
    expect(adopted.snapshots).toBeUndefined();
    expect(adopted.reviews?.map((entry) => entry.snapshotId)).toEqual(['snap-jan-2', undefined]);
    expect(await loadSnapshot('snap-jan')).toEqual(ours);
    expect(await loadSnapshot('snap-jan-2')).toEqual({ ...theirs, id: 'snap-jan-2' });
  });

  it('keeps one copy of a snapshot stored with the same fingerprint', async () => {
    const january = snapshot('snap-jan', 'January', 'rev-jan');
    await saveSnapshot(january);
    const adopted = await adoptSnapshots(portfolioWith([january], [review('rev-jan', 'snap-jan')]));
    expect(adopted.reviews?.[0]?.snapshotId).toBe('snap-jan');
    expect(await db.snapshots.count()).toBe(1);
  });

  it('writes the snapshots the reviews name into the file, or leaves them out when asked', async () => {
    const january = snapshot('snap-jan', 'January', 'rev-jan');
    const other = snapshot('snap-other', 'Another portfolio');
    await saveSnapshot(other);
    await replacePortfolio(
      portfolioWith([january], [review('rev-jan', 'snap-jan')]),
      { kind: 'file', label: 'a.json' },
      'Open a.json',
    );
    const portfolio = await readPortfolio();
    const text = await portfolioFileText(portfolio);
    const read = readPortfolioText(text);
    expect(read.ok && read.portfolio.snapshots).toEqual([january]);

    const smaller = await portfolioFileText(portfolio, { leaveOutSnapshots: true });
    const readSmaller = readPortfolioText(smaller);
    expect(readSmaller.ok && readSmaller.portfolio.snapshots).toBeUndefined();
    expect(readSmaller.ok && readSmaller.portfolio.reviews?.[0]?.snapshotId).toBe('snap-jan');
    expect(smaller.length).toBeLessThan(text.length);
  });

  it('Delete everything clears the table', async () => {
    await saveSnapshot(snapshot('snap-jan', 'January', 'rev-jan'));
    await clearSnapshots();
    expect(await db.snapshots.count()).toBe(0);
  });

  it('lists live the snapshots the open portfolio names, and no others', async () => {
    const january = snapshot('snap-jan', 'January', 'rev-jan');
    await saveSnapshot(snapshot('snap-other', 'Another portfolio'));
    const { result } = renderHook(() => useSnapshotInfos());
    await waitFor(() => expect(result.current).toEqual([]));
    await replacePortfolio(
      portfolioWith([january], [review('rev-jan', 'snap-jan')]),
      { kind: 'file', label: 'a.json' },
      'Open a.json',
    );
    await waitFor(() => expect(result.current?.map((info) => info.id)).toEqual(['snap-jan']));
    expect(result.current?.[0]?.size).toBe(january.text.length);
  });
});
