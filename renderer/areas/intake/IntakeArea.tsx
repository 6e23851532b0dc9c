/**
 * Intake: proposals for new work on their way through the strategic-fit gate. The pipeline board
 * with the flow figures (`#/intake`), one proposal with its form, its gate checklist and its
 * decisions (`#/intake/<id>`), and the PMO's intake settings (`#/intake/settings`).
 */
import { useState } from 'react';
import type { Portfolio } from '../../../shared/portfolio/types';
import * as edits from '../../db/edits';
import { localToday } from '../../format';
import { useAppStore } from '../../state/store';
import { FlowFigures } from './FlowFigures';
import { IntakeSettingsEditor } from './IntakeSettingsEditor';
import { PipelineBoard } from './PipelineBoard';
import { focusFormWhenOpened, ProposalView } from './ProposalView';
import './intake.css';

/** Makes a draft proposal dated today and opens it; says why when the portfolio refuses. */
function useNewProposal(): { readonly create: () => void; readonly creating: boolean } {
  const navigate = useAppStore((state) => state.navigate);
  const notify = useAppStore((state) => state.notify);
  const [creating, setCreating] = useState(false);
  const create = () => {
    if (creating) return;
    setCreating(true);
    void edits
      .createProposal({ date: localToday(), title: '' })
      .then((id) => {
        if (!id) {
          notify('error', 'No proposal was added: the portfolio refused it.');
          return;
        }
        focusFormWhenOpened(id);
        navigate({ area: 'intake', proposalId: id });
      })
      .finally(() => setCreating(false));
  };
  return { create, creating };
}

export function IntakeArea({ portfolio }: { readonly portfolio: Portfolio }) {
  const proposalId = useAppStore((state) => state.location.proposalId);
  const view = useAppStore((state) => state.location.intakeView);
  const navigate = useAppStore((state) => state.navigate);
  const { create, creating } = useNewProposal();

  if (proposalId) return <ProposalView portfolio={portfolio} proposalId={proposalId} />;

  if (view === 'settings') {
    return (
      <section className="area intake" aria-labelledby="area-title">
        <nav className="intake-breadcrumb" aria-label="Breadcrumb">
          <a href="#/intake">Intake pipeline</a>
        </nav>
        <div className="area__header intake__header">
          <h2 id="area-title" tabIndex={-1}>
            Intake settings
          </h2>
        </div>
        <IntakeSettingsEditor />
      </section>
    );
  }

  const proposals = portfolio.proposals ?? [];
  const newButton = (
    <button type="button" className="button button--primary" disabled={creating} onClick={create}>
      New proposal
    </button>
  );
  return (
    <section className="area intake" aria-labelledby="area-title">
      <div className="area__header intake__header">
        <h2 id="area-title" tabIndex={-1}>
          Intake
        </h2>
        <div className="intake__header-actions">
          {proposals.length > 0 && newButton}
          <button
            type="button"
            className="button"
            onClick={() => navigate({ area: 'intake', intakeView: 'settings' })}
          >
            Intake settings
          </button>
        </div>
      </div>
      {proposals.length === 0 ? (
        <div className="empty-state">
          <p className="empty-state__lead">No proposals yet.</p>
          <p>
            New work starts here as a proposal: the problem it solves, the outcome it aims for, the
            objectives it serves, its sponsor and its size. A draft is saved as it is typed. Once
            submitted, it is screened against the strategic-fit gate the PMO sets in the intake
            settings, and a gate decision approves, defers or rejects it, with its rationale in the
            decision log. Approved proposals become initiatives that compete for capacity.
          </p>
          {newButton}
        </div>
      ) : (
        <>
          <p className="intake__lead muted">
            Each card shows how long it has waited in its stage, its sponsor, size and strategic
            fit, and what blocks it at the gate. Drag a card by its handle, or press Space on the
            handle and use the arrow keys, to move it; approving, deferring, rejecting and sending
            back ask for the decision’s rationale.
          </p>
          <PipelineBoard portfolio={portfolio} />
          <FlowFigures />
        </>
      )}
    </section>
  );
}
