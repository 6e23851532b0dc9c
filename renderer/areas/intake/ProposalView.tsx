/**
 * One proposal (`#/intake/<id>`): its stage and the moves and gate decisions that stage allows,
 * the form its sponsor fills in (saved as typed), the live strategic-fit gate beside it, and the
 * decisions and stage changes so far.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { daysBetween } from '../../../shared/intake/dates';
import { enteredStageOn } from '../../../shared/intake/stages';
import { stageLabel, type IntakeSettings, type Proposal } from '../../../shared/intake/types';
import { plural } from '../../../shared/format';
import type { Portfolio } from '../../../shared/portfolio/types';
import { concernKey, decisionConcernOptions } from '../../components/DecisionForm';
import { DecisionList, newestFirst } from '../../components/DecisionList';
import { askUser } from '../../components/dialogs';
import * as edits from '../../db/edits';
import { formatDay, localToday } from '../../format';
import { undoLastEdit } from '../../state/history-actions';
import { useAppStore } from '../../state/store';
import {
  GateDecisionDialog,
  moveDirectly,
  proposalName,
  settingsOf,
  type GateDecisionKind,
  type GateDecisionRequest,
} from './DecisionDialogs';
import { GateChecklist } from './GateChecklist';
import { ProposalForm } from './ProposalForm';

/** The proposal whose form takes the focus when it opens: the draft "New proposal" just made. */
let focusFormOf: string | null = null;

/** Asks the view of `proposalId` to put the focus in its form's first field when it opens. */
export function focusFormWhenOpened(proposalId: string): void {
  focusFormOf = proposalId;
}

type ActionsProps = {
  readonly proposal: Proposal;
  readonly portfolio: Portfolio;
  readonly settings: IntakeSettings;
  readonly onDecide: (kind: GateDecisionKind) => void;
};

/** The moves and gate decisions the proposal's stage allows, as buttons, and where it stands. */
function StageActions({ proposal, portfolio, settings, onDecide }: ActionsProps) {
  const navigate = useAppStore((state) => state.navigate);
  const notify = useAppStore((state) => state.notify);
  const label = (stage: Proposal['stage']) => stageLabel(settings, stage);
  const today = localToday();

  const remove = async () => {
    const choice = await askUser({
      title: `Delete ${proposalName(proposal)}?`,
      body:
        (proposal.decisionIds?.length ?? 0) > 0
          ? 'The proposal goes; the decisions about it stay in the decision log. You can undo this with Ctrl+Z.'
          : 'The proposal goes, with everything typed into it. You can undo this with Ctrl+Z.',
      actions: [
        { id: 'delete', label: 'Delete', primary: true },
        { id: 'cancel', label: 'Cancel' },
      ],
    });
    if (choice !== 'delete') return;
    const result = await edits.deleteProposal(proposal.id);
    if (!result.ok) {
      notify('error', result.problems[0]?.message ?? 'The proposal was not deleted.');
      return;
    }
    navigate({ area: 'intake', proposalId: null, intakeView: 'board' });
    notify('info', `Deleted ${proposalName(proposal)}.`, {
      label: 'Undo',
      run: () => void undoLastEdit(),
    });
  };

  const deleteButton = (
    <button type="button" className="button button--danger" onClick={() => void remove()}>
      Delete proposal
    </button>
  );

  switch (proposal.stage) {
    case 'draft':
      return (
        <div className="intake-actions" role="group" aria-label="Stage actions">
          <button
            type="button"
            className="button button--primary"
            onClick={() => void moveDirectly(proposal, 'submitted', settings)}
          >
            Submit
          </button>
          {deleteButton}
        </div>
      );
    case 'submitted':
      return (
        <div className="intake-actions" role="group" aria-label="Stage actions">
          <button
            type="button"
            className="button button--primary"
            onClick={() => void moveDirectly(proposal, 'screening', settings)}
          >
            Take into {label('screening')}
          </button>
          <button type="button" className="button" onClick={() => onDecide('send-back')}>
            Send back…
          </button>
          {deleteButton}
        </div>
      );
    case 'screening':
      return (
        <div className="intake-actions" role="group" aria-label="Gate decisions">
          <button
            type="button"
            className="button button--primary"
            onClick={() => onDecide('approve')}
          >
            Approve…
          </button>
          <button type="button" className="button" onClick={() => onDecide('defer')}>
            Defer…
          </button>
          <button type="button" className="button" onClick={() => onDecide('reject')}>
            Reject…
          </button>
          <button type="button" className="button" onClick={() => onDecide('send-back')}>
            Send back…
          </button>
          {deleteButton}
        </div>
      );
    case 'deferred': {
      const overdue =
        proposal.revisitOn === undefined ? undefined : daysBetween(proposal.revisitOn, today);
      return (
        <>
          {proposal.revisitOn && (
            <p
              className={`intake-revisit${overdue !== undefined && overdue > 0 ? ' intake-revisit--overdue' : ''}`}
            >
              To revisit on <strong>{formatDay(proposal.revisitOn)}</strong>
              {overdue !== undefined && overdue > 0
                ? `: overdue by ${plural(overdue, 'day')}.`
                : overdue === 0
                  ? ': today.'
                  : '.'}
            </p>
          )}
          <div className="intake-actions" role="group" aria-label="Stage actions">
            <button
              type="button"
              className="button button--primary"
              onClick={() => void moveDirectly(proposal, 'screening', settings)}
            >
              Bring back to {label('screening')}
            </button>
            <button
              type="button"
              className="button"
              onClick={() => void moveDirectly(proposal, 'submitted', settings)}
            >
              Bring back to {label('submitted')}
            </button>
            <button type="button" className="button" onClick={() => onDecide('reject')}>
              Reject…
            </button>
            {deleteButton}
          </div>
        </>
      );
    }
    case 'approved': {
      const initiative = portfolio.initiatives.find((item) => item.id === proposal.initiativeId);
      const scenarioId = approvedInto(proposal, portfolio);
      return (
        <div className="intake-actions" role="group" aria-label="Where it went">
          {initiative ? (
            <a
              className="button"
              href={`#/portfolio/initiatives/${encodeURIComponent(initiative.id)}`}
            >
              Open the initiative “{initiative.name}”
            </a>
          ) : (
            <p className="muted">The initiative it became has since been deleted.</p>
          )}
          {initiative && scenarioId && (
            <button
              type="button"
              className="button"
              onClick={() => navigate({ area: 'prioritize', view: 'board', scenarioId })}
            >
              Show on the board
            </button>
          )}
        </div>
      );
    }
    case 'rejected':
      return (
        <div className="intake-actions" role="group" aria-label="Stage actions">
          {deleteButton}
        </div>
      );
  }
}

/** The scenario the approval placed the proposal's initiative in, from its decision's concerns. */
function approvedInto(proposal: Proposal, portfolio: Portfolio): string | undefined {
  const ids = new Set(proposal.decisionIds ?? []);
  const decisions = (portfolio.decisions ?? []).filter((decision) => ids.has(decision.id));
  for (const decision of decisions.reverse()) {
    const scenario = decision.concerns?.find((concern) => concern.kind === 'scenario');
    if (scenario && portfolio.scenarios.some((entry) => entry.id === scenario.id)) {
      return scenario.id;
    }
  }
  return undefined;
}

/** The decisions about the proposal, newest first, and its way through the stages. */
function ProposalRecord({
  proposal,
  portfolio,
  settings,
}: {
  readonly proposal: Proposal;
  readonly portfolio: Portfolio;
  readonly settings: IntakeSettings;
}) {
  const options = useMemo(() => decisionConcernOptions(portfolio), [portfolio]);
  const names = useMemo(
    () => new Map(options.map((option) => [concernKey(option), option.name])),
    [options],
  );
  const log = portfolio.decisions ?? [];
  const ids = new Set(proposal.decisionIds ?? []);
  const decisions = newestFirst(log.filter((decision) => ids.has(decision.id)));
  return (
    <div className="intake-record">
      <section aria-labelledby="intake-decisions-title">
        <h3 id="intake-decisions-title">Gate decisions</h3>
        {decisions.length === 0 ? (
          <p className="muted">No gate decision about this proposal yet.</p>
        ) : (
          <DecisionList
            label={`Decisions about ${proposalName(proposal)}, newest first`}
            decisions={decisions}
            log={log}
            nameOf={(concern) => names.get(concernKey(concern))}
            compact
            headingLevel={4}
          />
        )}
      </section>
      <section aria-labelledby="intake-history-title">
        <h3 id="intake-history-title">Stages</h3>
        <ol className="intake-history">
          {proposal.history.map((change, index) => (
            <li key={`${change.stage}-${change.date}-${index}`}>
              <span className="intake-history__stage">{stageLabel(settings, change.stage)}</span>{' '}
              <span className="muted">{formatDay(change.date)}</span>
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}

export function ProposalView({
  portfolio,
  proposalId,
}: {
  readonly portfolio: Portfolio;
  readonly proposalId: string;
}) {
  const navigate = useAppStore((state) => state.navigate);
  const scenarioId = useAppStore((state) => state.location.scenarioId);
  const settings = settingsOf(portfolio);
  const proposal = portfolio.proposals?.find((entry) => entry.id === proposalId);
  const [request, setRequest] = useState<GateDecisionRequest | null>(null);
  const titleRef = useRef<HTMLHeadingElement>(null);
  const layoutRef = useRef<HTMLDivElement>(null);

  // Opening a proposal takes the focus to it: to the first field of a new draft, else its title.
  const found = proposal !== undefined;
  useEffect(() => {
    if (!found) return;
    titleRef.current?.focus({ preventScroll: true });
    if (focusFormOf !== proposalId) return;
    focusFormOf = null;
    // The form reads the stored portfolio itself: its fields may come a few frames later.
    let frame = 0;
    let tries = 0;
    const focusField = () => {
      const field = layoutRef.current?.querySelector<HTMLElement>(
        '.proposal-form input:not([type="hidden"]), .proposal-form textarea',
      );
      if (field) field.focus();
      else if (tries++ < 60) frame = requestAnimationFrame(focusField);
    };
    focusField();
    return () => cancelAnimationFrame(frame);
  }, [found, proposalId]);

  const back = (
    <nav className="intake-breadcrumb" aria-label="Breadcrumb">
      <a href="#/intake">Intake pipeline</a>
    </nav>
  );

  if (!proposal) {
    return (
      <section className="area intake" aria-labelledby="area-title">
        {back}
        <div className="area__header">
          <h2 id="area-title" tabIndex={-1}>
            Proposal not found
          </h2>
        </div>
        <div className="empty-state">
          <p className="empty-state__lead">This proposal is not in the portfolio.</p>
          <p>It may have been deleted, here or in another window. Its decisions stay in the log.</p>
          <button
            type="button"
            className="button button--primary"
            onClick={() => navigate({ area: 'intake', proposalId: null, intakeView: 'board' })}
          >
            Back to the pipeline
          </button>
        </div>
      </section>
    );
  }

  const stage = stageLabel(settings, proposal.stage);
  const since = enteredStageOn(proposal);
  const days = since === undefined ? undefined : daysBetween(since, localToday());
  const title = proposal.title.trim() || 'Untitled proposal';

  return (
    <section className="area intake intake-proposal" aria-labelledby="area-title">
      {back}
      <div className="area__header intake__header">
        <h2 id="area-title" ref={titleRef} tabIndex={-1}>
          {title}
        </h2>
        <p className="intake-proposal__stage">
          <span className={`intake-stage intake-stage--${proposal.stage}`}>{stage}</span>
          {days !== undefined && days >= 0 && (
            <span className="muted">
              {' '}
              {days === 0 ? 'since today' : `for ${plural(days, 'day')}`}
            </span>
          )}
        </p>
      </div>
      <StageActions
        proposal={proposal}
        portfolio={portfolio}
        settings={settings}
        onDecide={(kind) => setRequest({ kind, proposalId: proposal.id })}
      />
      <div className="intake-proposal__layout" ref={layoutRef}>
        <div className="intake-proposal__form">
          <ProposalForm proposalId={proposal.id} />
        </div>
        {/* It scrolls on its own beside a long form: a keyboard user scrolls it by focusing it. */}
        <section className="intake-proposal__gate" tabIndex={0} aria-label="The gate checklist">
          <GateChecklist proposalId={proposal.id} scenarioId={scenarioId ?? undefined} />
        </section>
      </div>
      <ProposalRecord proposal={proposal} portfolio={portfolio} settings={settings} />
      {request && (
        <GateDecisionDialog
          portfolio={portfolio}
          request={request}
          scenarioId={scenarioId}
          onClose={() => setRequest(null)}
        />
      )}
    </section>
  );
}
