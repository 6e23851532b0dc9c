/**
 * Cadence: the governance rhythm. The calendar of meeting series by month or as a list
 * (`#/cadence`, `#/cadence/list`), one review with its agenda, attendance, decisions and actions
 * (`#/cadence/review/<id>`), the snapshots taken when reviews were held (`#/cadence/snapshots`)
 * and one snapshot, read-only, compared with now or with another (`#/cadence/snapshot/<id>`).
 */
import { useEffect, useRef, useState } from 'react';
import type { Portfolio } from '../../../shared/portfolio/types';
import { TabList } from '../../components/TabList';
import { localToday } from '../../format';
import { CADENCE_VIEWS, type CadenceView } from '../../state/slices/navigationSlice';
import { useAppStore } from '../../state/store';
import { monthOf } from './calendar-month';
import { CalendarView } from './CalendarView';
import { ReviewView } from './ReviewView';
import { SnapshotList, SnapshotView } from './SnapshotsView';
import './cadence.css';

const VIEW_LABELS: Readonly<Record<CadenceView, string>> = {
  month: 'Month',
  list: 'List',
  snapshots: 'Snapshots',
};

export function CadenceArea({ portfolio }: { readonly portfolio: Portfolio }) {
  const view = useAppStore((state) => state.location.cadenceView);
  const reviewId = useAppStore((state) => state.location.reviewId);
  const snapshotId = useAppStore((state) => state.location.snapshotId);
  const navigate = useAppStore((state) => state.navigate);
  // The month shown stays while a review is open, so that going back returns to it.
  const [month, setMonth] = useState(() => monthOf(localToday()));
  // Leaving a review or a snapshot (deleted, or Back) for the calendar: the focus, left on
  // nothing when the control that did it went, goes to the calendar's heading.
  const wasOpen = useRef(Boolean(reviewId || snapshotId));
  const isOpen = Boolean(reviewId || snapshotId);
  useEffect(() => {
    const left = wasOpen.current && !isOpen;
    wasOpen.current = isOpen;
    const active = document.activeElement;
    if (left && (!active || active === document.body)) {
      document.getElementById('area-title')?.focus({ preventScroll: true });
    }
  }, [isOpen]);

  if (reviewId) {
    return (
      <ReviewView
        portfolio={portfolio}
        reviewId={reviewId}
        onShowMonth={(date) => setMonth(monthOf(date))}
      />
    );
  }
  if (snapshotId) return <SnapshotView portfolio={portfolio} snapshotId={snapshotId} />;

  return (
    <section className="area cadence" aria-labelledby="area-title">
      <div className="area__header">
        <h2 id="area-title" tabIndex={-1}>
          Cadence
        </h2>
        <TabList
          label="Cadence views"
          tabs={CADENCE_VIEWS}
          labels={VIEW_LABELS}
          selected={view}
          onSelect={(id) => navigate({ cadenceView: id })}
        />
      </div>
      <div role="tabpanel" id={`panel-${view}`} aria-labelledby={`tab-${view}`}>
        {view === 'snapshots' ? (
          <SnapshotList portfolio={portfolio} />
        ) : (
          <CalendarView portfolio={portfolio} view={view} month={month} onMonth={setMonth} />
        )}
      </div>
    </section>
  );
}
