/** The portfolio's workshop sessions: open one, set up a new one, or delete one. */
import { useState } from 'react';
import type { Portfolio, Workshop } from '../../../shared/portfolio/types';
import { STAGE_NAMES } from '../../../shared/store/operations/workshops';
import { plural } from '../../../shared/format';
import * as edits from '../../db/edits';
import { undoLastEdit } from '../../state/history-actions';
import { useAppStore } from '../../state/store';
import { formatDecisionDate } from '../../components/DecisionList';
import { useFocusWhenLost } from './focus';
import { SetupForm } from './SetupForm';

export function SessionList({ portfolio }: { readonly portfolio: Portfolio }) {
  const navigate = useAppStore((state) => state.navigate);
  const notify = useAppStore((state) => state.notify);
  const [creating, setCreating] = useState(false);
  useFocusWhenLost([creating]);
  const sessions = portfolio.workshops ?? [];
  const open = (id: string) =>
    navigate({ area: 'workshop', workshopId: id, workshopView: 'session' });

  const remove = async (session: Workshop) => {
    const result = await edits.deleteWorkshop(session.id);
    if (!result.ok) {
      notify('error', result.problems[0]?.message ?? 'The session was not deleted.');
      return;
    }
    // Its row (and the button) is gone: the focus goes to the area's heading.
    document.getElementById('area-title')?.focus();
    notify('info', `Deleted the session “${session.title}”.`, {
      label: 'Undo',
      run: () => void undoLastEdit(),
    });
  };

  if (creating) {
    return (
      <section className="area workshop" aria-labelledby="area-title">
        <div className="area__header">
          <h2 id="area-title" tabIndex={-1}>
            New workshop session
          </h2>
        </div>
        <SetupForm
          portfolio={portfolio}
          onDone={(id) => {
            setCreating(false);
            if (id) open(id);
          }}
        />
      </section>
    );
  }

  return (
    <section className="area workshop" aria-labelledby="area-title">
      <div className="area__header workshop__header">
        <h2 id="area-title" tabIndex={-1}>
          Workshop
        </h2>
        {sessions.length > 0 && (
          <button
            type="button"
            className="button button--primary workshop__new"
            onClick={() => setCreating(true)}
          >
            New session
          </button>
        )}
      </div>
      {sessions.length === 0 ? (
        <div className="empty-state">
          <p className="empty-state__lead">No workshop sessions yet.</p>
          <p>
            A session gathers the room around the initiatives in play: each participant scores them
            blind on the laptop, passed from hand to hand; the spread of opinions is revealed and
            discussed; dots are voted; and the consensus scores rank a scenario, recorded in the
            decision log. A projector shows the room only what it should see.
          </p>
          <button
            type="button"
            className="button button--primary"
            onClick={() => setCreating(true)}
          >
            Set up a session
          </button>
        </div>
      ) : (
        <table className="data-table workshop__sessions">
          <caption className="visually-hidden">Workshop sessions</caption>
          <thead>
            <tr>
              <th scope="col">Session</th>
              <th scope="col">Date</th>
              <th scope="col">Stage</th>
              <th scope="col">Participants</th>
              <th scope="col">Initiatives</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {sessions.map((session) => (
              <tr key={session.id}>
                <th scope="row">
                  <button type="button" className="workshop__link" onClick={() => open(session.id)}>
                    {session.title}
                  </button>
                  {session.purpose && <div className="workshop__purpose">{session.purpose}</div>}
                </th>
                <td>{session.date ? formatDecisionDate(session.date) : '—'}</td>
                <td>{STAGE_NAMES[session.stage]}</td>
                <td>{session.participants.map((person) => person.name).join(', ') || '—'}</td>
                <td>{plural(session.initiatives.length, 'initiative')}</td>
                <td>
                  <button
                    type="button"
                    className="button button--small button--quiet"
                    aria-label={`Delete the session “${session.title}”`}
                    onClick={() => void remove(session)}
                  >
                    Delete
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
