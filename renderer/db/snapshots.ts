/**
 * The snapshots taken when reviews were held, kept in a table of their own (`snapshots`), apart
 * from the portfolio's entities: edits, undo and the change history never touch them, and opening
 * a file, a new portfolio or an undo leaves every row. So undoing an Open brings back reviews whose
 * snapshots are still stored. "This portfolio's snapshots" are the ones its reviews name; only
 * Delete everything clears the table.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { snapshotInfo } from '../../shared/cadence/snapshot';
import type { Review, Snapshot, SnapshotInfo } from '../../shared/cadence/types';
import { uniqueId } from '../../shared/portfolio/ids';
import type { Portfolio } from '../../shared/portfolio/types';
import { writePortfolio } from '../../shared/portfolio/write';
import { db } from './database';

/** Stores `snapshot` (replacing a stored one with its id). */
export async function saveSnapshot(snapshot: Snapshot): Promise<void> {
  await db.snapshots.put(snapshot);
}

/** The stored snapshot with `id`, or undefined when there is none. */
export async function loadSnapshot(id: string): Promise<Snapshot | undefined> {
  return db.snapshots.get(id);
}

/**
 * The stored snapshots' infos: those with `ids` (in that order, missing ones left out), or every
 * stored one, oldest first, when `ids` is not given.
 */
export async function snapshotInfos(ids?: readonly string[]): Promise<SnapshotInfo[]> {
  if (ids === undefined) {
    const all = await db.snapshots.toArray();
    return all.map(snapshotInfo).sort(byTakenAt);
  }
  const found = await db.snapshots.bulkGet([...new Set(ids)]);
  return found.filter((snapshot): snapshot is Snapshot => snapshot !== undefined).map(snapshotInfo);
}

function byTakenAt(a: SnapshotInfo, b: SnapshotInfo): number {
  return a.takenAt < b.takenAt ? -1 : a.takenAt > b.takenAt ? 1 : a.id < b.id ? -1 : 1;
}

/** The snapshot ids `reviews` name, in review order, each once. */
export function referencedSnapshotIds(reviews: readonly Review[] | undefined): string[] {
  const ids: string[] = [];
  for (const review of reviews ?? []) {
    if (review.snapshotId !== undefined && !ids.includes(review.snapshotId)) {
      ids.push(review.snapshotId);
    }
  }
  return ids;
}

/**
 * Live: the infos of the snapshots the open portfolio's reviews name, oldest first; undefined
 * while loading. Re-renders when a review or a snapshot changes.
 */
export function useSnapshotInfos(): SnapshotInfo[] | undefined {
  return useLiveQuery(
    () =>
      db.transaction('r', [db.reviews, db.snapshots], async () => {
        const reviews = await db.reviews.toArray();
        const infos = await snapshotInfos(referencedSnapshotIds(reviews));
        return infos.sort(byTakenAt);
      }),
    [],
  );
}

/** The stored snapshots `portfolio`'s reviews name, in review order (missing ones left out). */
export async function portfolioSnapshots(portfolio: Portfolio): Promise<Snapshot[]> {
  const ids = referencedSnapshotIds(portfolio.reviews);
  if (ids.length === 0) return [];
  const found = await db.snapshots.bulkGet(ids);
  return found.filter((snapshot): snapshot is Snapshot => snapshot !== undefined);
}

/** `portfolio` with the stored snapshots its reviews name, ready to write to a file. */
export async function withSnapshots(portfolio: Portfolio): Promise<Portfolio> {
  const { snapshots: _snapshots, ...rest } = portfolio;
  const snapshots = await portfolioSnapshots(portfolio);
  return snapshots.length > 0 ? { ...rest, snapshots } : rest;
}

export type FileTextOptions = {
  /** Write the file without the snapshots (a smaller file; the reviews keep their links). */
  readonly leaveOutSnapshots?: boolean;
};

/**
 * The text of the portfolio file for `portfolio` (Save, Save as, Export everything, backups): with
 * the stored snapshots its reviews name, unless told to leave them out.
 */
export async function portfolioFileText(
  portfolio: Portfolio,
  options: FileTextOptions = {},
): Promise<string> {
  if (options.leaveOutSnapshots) {
    const { snapshots: _snapshots, ...rest } = portfolio;
    return writePortfolio(rest);
  }
  return writePortfolio(await withSnapshots(portfolio));
}

/**
 * Stores the snapshots a file brought and gives back the portfolio without them, its reviews
 * pointed at the stored ids. A snapshot whose id is already stored with the same fingerprint is
 * the same snapshot and is kept once; one whose id is stored with another fingerprint is stored
 * under a new id (`id-2`, `id-3`, …) and the file's reviews name the new id.
 */
export async function adoptSnapshots(portfolio: Portfolio): Promise<Portfolio> {
  const { snapshots, ...rest } = portfolio;
  if (snapshots === undefined || snapshots.length === 0) return rest;
  return db.transaction('rw', db.snapshots, async () => {
    const stored = await db.snapshots.bulkGet(snapshots.map((snapshot) => snapshot.id));
    const taken = new Set<string>(
      (await db.snapshots.toCollection().primaryKeys()).map((key) => String(key)),
    );
    for (const snapshot of snapshots) taken.add(snapshot.id);
    const renamed = new Map<string, string>();
    const toStore: Snapshot[] = [];
    snapshots.forEach((snapshot, index) => {
      const existing = stored[index];
      if (existing === undefined) {
        toStore.push(snapshot);
      } else if (existing.fingerprint !== snapshot.fingerprint) {
        const id = uniqueId(snapshot.id, taken);
        taken.add(id);
        renamed.set(snapshot.id, id);
        toStore.push({ ...snapshot, id });
      }
    });
    await db.snapshots.bulkPut(toStore);
    if (renamed.size === 0 || rest.reviews === undefined) return rest;
    return {
      ...rest,
      reviews: rest.reviews.map((review) => {
        const id = review.snapshotId === undefined ? undefined : renamed.get(review.snapshotId);
        return id === undefined ? review : { ...review, snapshotId: id };
      }),
    };
  });
}

/** Removes every stored snapshot (Delete everything). */
export async function clearSnapshots(): Promise<void> {
  await db.snapshots.clear();
}
