/**
 * The metrics of the open portfolio as of today, measured against the snapshots its reviews took
 * (read live from their own table): computed once per change of the portfolio or the snapshots.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import type { Snapshot } from '../../../shared/cadence/types';
import { computeMetrics } from '../../../shared/metrics/compute';
import type { MetricsReport } from '../../../shared/metrics/types';
import type { Portfolio } from '../../../shared/portfolio/types';
import { db } from '../../db/database';
import { referencedSnapshotIds } from '../../db/snapshots';
import { localToday } from '../../format';

export type MetricsState =
  | { readonly state: 'loading' }
  | { readonly state: 'failed'; readonly message: string }
  | {
      readonly state: 'ready';
      readonly report: MetricsReport;
      readonly snapshots: readonly Snapshot[];
    };

/** The stored snapshots the portfolio's reviews name, oldest first; undefined while loading. */
export function useReviewSnapshots(): readonly Snapshot[] | undefined {
  return useLiveQuery(
    () =>
      db.transaction('r', [db.reviews, db.snapshots], async () => {
        const reviews = await db.reviews.toArray();
        const ids = referencedSnapshotIds(reviews);
        if (ids.length === 0) return [];
        const found = await db.snapshots.bulkGet(ids);
        return found
          .filter((snapshot): snapshot is Snapshot => snapshot !== undefined)
          .sort((a, b) => (a.takenAt < b.takenAt ? -1 : a.takenAt > b.takenAt ? 1 : 0));
      }),
    [],
  );
}

/** The metrics of `portfolio` as of `asOf` (today by default). */
export function useMetricsReport(portfolio: Portfolio, asOf: string = localToday()): MetricsState {
  const snapshots = useReviewSnapshots();
  return useMemo((): MetricsState => {
    if (!snapshots) return { state: 'loading' };
    try {
      return { state: 'ready', report: computeMetrics(portfolio, snapshots, asOf), snapshots };
    } catch (error) {
      return { state: 'failed', message: error instanceof Error ? error.message : String(error) };
    }
  }, [portfolio, snapshots, asOf]);
}
