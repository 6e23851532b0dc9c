/**
 * Workshop: the facilitator's side of a prioritization session on one laptop and a projector.
 * The list of sessions, and one session through its stages: set-up, blind scoring passed from
 * hand to hand, the reveal, dot voting, converge, and the final ranking in presentation mode.
 */
import { useEffect, useState } from 'react';
import type { Portfolio } from '../../../shared/portfolio/types';
import { useAppStore } from '../../state/store';
import { PresentationView } from './present/PresentationView';
import { SessionList } from './SessionList';
import { SessionView } from './SessionView';
import { publishAudience } from './audience-channel';
import { useFocusWhenLost } from './focus';
import './workshop.css';

export function WorkshopArea({ portfolio }: { readonly portfolio: Portfolio }) {
  const workshopId = useAppStore((state) => state.location.workshopId);
  const view = useAppStore((state) => state.location.workshopView);
  const navigate = useAppStore((state) => state.navigate);
  /** The card in focus in presentation mode, which the audience window follows. */
  const [selected, select] = useState<string | null>(null);
  const workshop = portfolio.workshops?.find((entry) => entry.id === workshopId);

  // The audience window follows the session the facilitator has open. The list of sessions (here
  // or in another window) leaves the room on the last session shown.
  const shownId = workshop?.id;
  useEffect(() => {
    if (!shownId) return;
    publishAudience({
      workshopId: shownId,
      view,
      selectedId: view === 'present' ? selected : null,
    });
  }, [shownId, view, selected]);

  // A step that takes the pressed button off the screen leaves the focus on the new screen.
  useFocusWhenLost([workshopId, view, workshop?.stage]);

  if (!workshopId) return <SessionList portfolio={portfolio} />;
  if (!workshop) {
    return (
      <section className="area workshop" aria-labelledby="area-title">
        <div className="area__header">
          <h2 id="area-title" tabIndex={-1}>
            Workshop
          </h2>
        </div>
        <div className="empty-state">
          <p className="empty-state__lead">This session no longer exists.</p>
          <p>It may have been deleted, or another portfolio was opened.</p>
          <button
            type="button"
            className="button button--primary"
            onClick={() => navigate({ area: 'workshop', workshopId: null })}
          >
            All sessions
          </button>
        </div>
      </section>
    );
  }
  if (view === 'present') {
    const scenarioId = workshop.outcome?.scenarioId ?? workshop.scenarioId;
    return (
      <PresentationView
        portfolio={portfolio}
        scenarioId={scenarioId ?? portfolio.scenarios[0]?.id ?? ''}
        title={workshop.title}
        selectedId={selected}
        onSelect={select}
        notes={workshop.notes}
        onExit={() =>
          navigate({ area: 'workshop', workshopId: workshop.id, workshopView: 'session' })
        }
      />
    );
  }
  return <SessionView portfolio={portfolio} workshop={workshop} />;
}
