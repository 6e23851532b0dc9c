/**
 * The gate decisions on a proposal, each in its dialog with its rationale: approve (into a
 * scenario's ranking, with an override and its rationale when a rule of the gate fails), defer
 * (with a date to revisit it), reject, and send back (to Draft or Submitted). Each records its
 * decision in the log and moves the proposal as one edit. Also what a move on the board asks for:
 * nothing (submit, screen, bring back), a decision (one of these dialogs), or nothing allowed.
 */
import {
  useEffect,
  useId,
  useMemo,
  useState,
  type FormEvent,
  type KeyboardEvent,
  type ReactNode,
} from 'react';
import { dayNumber } from '../../../shared/intake/dates';
import { evaluateGate } from '../../../shared/intake/gate';
import { canMove, moveProposal } from '../../../shared/intake/stages';
import {
  DEFAULT_INTAKE_SETTINGS,
  INTAKE_STAGES,
  stageLabel,
  type IntakeSettings,
  type IntakeStage,
  type Proposal,
} from '../../../shared/intake/types';
import { fingerprint } from '../../../shared/pack/content';
import { MAX_NAME_LENGTH, MAX_TEXT_LENGTH } from '../../../shared/portfolio/limits';
import type { Portfolio } from '../../../shared/portfolio/types';
import { writePortfolio } from '../../../shared/portfolio/write';
import { Modal } from '../../components/Modal';
import * as edits from '../../db/edits';
import type { EditResult } from '../../db/edits';
import { formatDay, localToday } from '../../format';
import { profileName } from '../../state/profile';
import { useAppStore } from '../../state/store';
import '../../components/decisions.css';

export type GateDecisionKind = 'approve' | 'defer' | 'reject' | 'send-back';
export type SendBackStage = 'draft' | 'submitted';

/** A decision to take on a proposal: which, and for a send-back, to where (when known). */
export type GateDecisionRequest = {
  readonly kind: GateDecisionKind;
  readonly proposalId: string;
  readonly sendBackTo?: SendBackStage;
};

/** The intake settings of a portfolio, or the defaults. */
export function settingsOf(portfolio: Portfolio): IntakeSettings {
  return portfolio.intakeSettings ?? DEFAULT_INTAKE_SETTINGS;
}

/** A proposal's name in a sentence: its title in quotes, or "an untitled proposal". */
export function proposalName(proposal: Pick<Proposal, 'title'>): string {
  const title = proposal.title.trim();
  return title ? `“${title}”` : 'an untitled proposal';
}

/** What moving a proposal to a stage takes. */
export type StageMove =
  | { readonly kind: 'refused'; readonly message: string }
  | { readonly kind: 'direct'; readonly to: 'draft' | 'submitted' | 'screening' }
  | { readonly kind: 'decision'; readonly request: GateDecisionRequest };

/**
 * What moving `proposal` to `to` asks for: forward moves into Submitted or Screening (and
 * bringing a deferred proposal back) are made at once; Approved, Deferred and Rejected are gate
 * decisions, and so is sending a proposal back; moves the pipeline does not allow are refused
 * with the reason.
 */
export function stageMove(
  proposal: Proposal,
  to: IntakeStage,
  settings: IntakeSettings,
): StageMove {
  if (!canMove(proposal.stage, to)) {
    const result = moveProposal(proposal, to, localToday(), settings);
    return {
      kind: 'refused',
      message: result.ok
        ? `${proposalName(proposal)} cannot move to ${stageLabel(settings, to)}.`
        : `${result.error}.`,
    };
  }
  if (to === 'approved')
    return { kind: 'decision', request: { kind: 'approve', proposalId: proposal.id } };
  if (to === 'deferred')
    return { kind: 'decision', request: { kind: 'defer', proposalId: proposal.id } };
  if (to === 'rejected')
    return { kind: 'decision', request: { kind: 'reject', proposalId: proposal.id } };
  const back =
    proposal.stage !== 'deferred' &&
    INTAKE_STAGES.indexOf(to) < INTAKE_STAGES.indexOf(proposal.stage);
  if (back) {
    return {
      kind: 'decision',
      request: { kind: 'send-back', proposalId: proposal.id, sendBackTo: to as SendBackStage },
    };
  }
  return { kind: 'direct', to: to as 'submitted' | 'screening' };
}

/** The words of a refusal: every problem the store found, in one sentence each. */
export function refusalText(result: Extract<EditResult, { ok: false }>): string {
  const messages = [...new Set(result.problems.map((problem) => problem.message))];
  if (messages.length === 0) return 'The portfolio refused it.';
  return messages
    .map((message) => {
      const sentence = message.charAt(0).toUpperCase() + message.slice(1);
      return /[.!?]$/.test(sentence) ? sentence : `${sentence}.`;
    })
    .join(' ');
}

/**
 * Makes a move that needs no decision (submit, take into screening, bring back), dated today, and
 * says what happened. Resolves true when it was stored.
 */
export async function moveDirectly(
  proposal: Proposal,
  to: 'draft' | 'submitted' | 'screening',
  settings: IntakeSettings,
): Promise<boolean> {
  const { notify } = useAppStore.getState();
  const result = await edits.moveProposalStage(proposal.id, to, { date: localToday() });
  const into = stageLabel(settings, to);
  if (!result.ok) {
    notify('error', `${proposalName(proposal)} was not moved to ${into}: ${refusalText(result)}`);
    return false;
  }
  notify(
    'success',
    to === 'submitted' && proposal.stage === 'draft'
      ? `Submitted ${proposalName(proposal)}.`
      : `Moved ${proposalName(proposal)} to ${into}.`,
  );
  return true;
}

/** The verb on each dialog's save button and in its title. */
const VERBS: Readonly<Record<GateDecisionKind, string>> = {
  approve: 'Approve',
  defer: 'Defer',
  reject: 'Reject',
  'send-back': 'Send back',
};

type FieldName = 'date' | 'revisitOn' | 'sendBackTo' | 'override' | 'rationale';
type Problems = Partial<Record<FieldName, string>>;
const FIELD_ORDER: readonly FieldName[] = [
  'date',
  'revisitOn',
  'sendBackTo',
  'override',
  'rationale',
];

/** Day `date` plus `days`, as YYYY-MM-DD. */
function addDays(date: string, days: number): string {
  const day = dayNumber(date);
  if (day === undefined) return date;
  return new Date((day + days) * 86_400_000).toISOString().slice(0, 10);
}

export type GateDecisionDialogProps = {
  readonly portfolio: Portfolio;
  readonly request: GateDecisionRequest;
  /** The scenario to offer first for an approval (the one Prioritize shows); else the first. */
  readonly scenarioId?: string | null;
  /** Called with true once the decision is recorded, with false on Cancel. */
  readonly onClose: (recorded: boolean) => void;
};

/**
 * One gate decision in a modal dialog. The date (today), the rationale and who decided are asked
 * every time; a deferral asks for the date to revisit it, a send-back where to, and an approval the
 * scenario whose ranking it joins, showing the gate's verdict for that scenario and asking for an
 * override's rationale when a rule fails. Enter in a one-line field saves nothing; Ctrl+Enter
 * saves, after checking every field.
 */
export function GateDecisionDialog({
  portfolio,
  request,
  scenarioId,
  onClose,
}: GateDecisionDialogProps) {
  // Back to what opened the dialog (the Approve… button) when it goes, Escape included: read while
  // rendering, before the dialog takes the focus.
  const [opener] = useState(() => document.activeElement);
  useEffect(
    () => () => {
      if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
    },
    [opener],
  );
  const proposal = portfolio.proposals?.find((entry) => entry.id === request.proposalId);
  if (!proposal) {
    return (
      <Modal
        title="This proposal no longer exists"
        onCancel={() => onClose(false)}
        actions={
          <button type="button" className="button" onClick={() => onClose(false)}>
            Close
          </button>
        }
      >
        <p>It may have been deleted, or another portfolio was opened. Nothing was recorded.</p>
      </Modal>
    );
  }
  return (
    <DecisionDialogForm
      portfolio={portfolio}
      proposal={proposal}
      request={request}
      scenarioId={scenarioId}
      onClose={onClose}
    />
  );
}

function DecisionDialogForm({
  portfolio,
  proposal,
  request,
  scenarioId,
  onClose,
}: GateDecisionDialogProps & { readonly proposal: Proposal }) {
  const id = useId();
  const notify = useAppStore((state) => state.notify);
  const navigate = useAppStore((state) => state.navigate);
  const settings = settingsOf(portfolio);
  const { kind } = request;
  const today = localToday();
  const [date, setDate] = useState(today);
  const [revisitOn, setRevisitOn] = useState('');
  const [sendBackTo, setSendBackTo] = useState<SendBackStage | ''>(
    request.sendBackTo ?? (proposal.stage === 'submitted' ? 'draft' : ''),
  );
  const scenarios = portfolio.scenarios;
  const [scenario, setScenario] = useState(
    scenarios.find((entry) => entry.id === scenarioId)?.id ?? scenarios[0]?.id ?? '',
  );
  const [override, setOverride] = useState('');
  const [rationale, setRationale] = useState('');
  const [decidedBy, setDecidedBy] = useState(profileName());
  const [tried, setTried] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const gate = useMemo(
    () =>
      kind === 'approve'
        ? evaluateGate(portfolio, proposal, settings, scenario ? { scenarioId: scenario } : {})
        : undefined,
    [kind, portfolio, proposal, settings, scenario],
  );
  const needsOverride = gate !== undefined && !gate.passed;
  const from = stageLabel(settings, proposal.stage);
  const name = proposalName(proposal);
  const backOptions = (['submitted', 'draft'] as const).filter((stage) =>
    canMove(proposal.stage, stage),
  );

  const problemsNow = (): Problems => {
    const found: Problems = {};
    const day = dayNumber(date);
    if (day === undefined) found.date = 'Enter the date of the decision: day, month and year.';
    else {
      const to =
        kind === 'approve'
          ? 'approved'
          : kind === 'defer'
            ? 'deferred'
            : kind === 'reject'
              ? 'rejected'
              : sendBackTo || 'draft';
      const moved = moveProposal(proposal, to, date, settings, {
        revisitOn: to === 'deferred' ? addDays(date, 1) : undefined,
      });
      if (!moved.ok) found.date = `${moved.error}.`;
    }
    if (kind === 'defer') {
      const revisit = dayNumber(revisitOn);
      if (!revisitOn) found.revisitOn = 'Enter the date to look at it again.';
      else if (revisit === undefined) found.revisitOn = 'Enter a whole date: day, month and year.';
      else if (day !== undefined && revisit <= day) {
        found.revisitOn = `The date to revisit it must be after the decision (${formatDay(date)}).`;
      }
    }
    if (kind === 'send-back' && !sendBackTo) found.sendBackTo = 'Choose where it goes back to.';
    if (needsOverride && !override.trim()) {
      found.override = 'It fails the gate: say why it is approved all the same.';
    }
    if (!rationale.trim()) found.rationale = 'Say why: the log keeps it for whoever asks later.';
    return found;
  };
  const problems = tried ? problemsNow() : {};
  const fieldId = (field: string) => `${id}-${field}`;

  const record = async (): Promise<string | null> => {
    const input = {
      date,
      rationale: rationale.trim(),
      ...(decidedBy.trim() && { decidedBy: decidedBy.trim() }),
      fingerprint: fingerprint(writePortfolio(portfolio)),
    };
    if (kind === 'approve') {
      const result = await edits.approveProposal(proposal.id, {
        ...input,
        ...(scenario && { scenarioId: scenario }),
        ...(needsOverride && { override: override.trim() }),
      });
      if (!result.ok) return refusalText(result);
      const where = scenarios.find((entry) => entry.id === scenario);
      const rank = gate?.capacity
        ? `, ranked ${gate.capacity.rank} of ${gate.capacity.competing}`
        : '';
      notify(
        'success',
        `Approved ${name}: it is now an initiative${where ? ` in “${where.name}”${rank}` : ''}.`,
        where
          ? {
              label: 'Show on the board',
              run: () => navigate({ area: 'prioritize', view: 'board', scenarioId: where.id }),
            }
          : undefined,
      );
      return null;
    }
    if (kind === 'defer') {
      const decision = await edits.deferProposal(proposal.id, { ...input, revisitOn });
      if (!decision) return 'The deferral was not recorded: the portfolio refused it.';
      notify('success', `Deferred ${name} until ${formatDay(revisitOn)}.`);
      return null;
    }
    if (kind === 'reject') {
      const decision = await edits.rejectProposal(proposal.id, input);
      if (!decision) return 'The rejection was not recorded: the portfolio refused it.';
      notify('success', `Rejected ${name}.`);
      return null;
    }
    if (!sendBackTo) return 'Choose where it goes back to.';
    const result = await edits.moveProposalStage(proposal.id, sendBackTo, input);
    if (!result.ok) return refusalText(result);
    notify('success', `Sent ${name} back to ${stageLabel(settings, sendBackTo)}.`);
    return null;
  };

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    if (saving) return;
    setTried(true);
    const found = problemsNow();
    const first = FIELD_ORDER.find((field) => found[field]);
    if (first) {
      document.getElementById(fieldId(first))?.focus();
      return;
    }
    setSaving(true);
    setRefusal(null);
    try {
      const refused = await record();
      if (refused === null) onClose(true);
      else setRefusal(refused);
    } catch (reason) {
      setRefusal(reason instanceof Error ? reason.message : String(reason));
    } finally {
      setSaving(false);
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key !== 'Enter') return;
    if (event.ctrlKey || event.metaKey) {
      event.preventDefault();
      void submit();
      return;
    }
    // Enter in a one-line field would record a half-made decision: it does nothing here.
    if (event.target instanceof HTMLInputElement) event.preventDefault();
  };

  const invalid = (field: FieldName) => (problems[field] ? true : undefined);
  const describedBy = (field: FieldName, hint?: string) =>
    [problems[field] ? `${fieldId(field)}-error` : undefined, hint].filter(Boolean).join(' ') ||
    undefined;
  const error = (field: FieldName) => (
    <p id={`${fieldId(field)}-error`} className="field__error" aria-live="polite">
      {problems[field] ?? ''}
    </p>
  );
  const fieldClass = (field: FieldName) => `field${problems[field] ? ' field--invalid' : ''}`;
  const required = (
    <span className="decision-form__required" aria-hidden="true">
      {' '}
      *
    </span>
  );

  const title =
    kind === 'send-back'
      ? `Send ${name} back`
      : kind === 'approve'
        ? `Approve ${name}`
        : kind === 'defer'
          ? `Defer ${name}`
          : `Reject ${name}`;

  let intro: ReactNode;
  if (kind === 'approve') {
    intro = (
      <p>
        Approving makes it an initiative of status approved, placed in the chosen scenario’s ranking
        where its priority puts it; the decision goes into the log.
      </p>
    );
  } else if (kind === 'defer') {
    intro = (
      <p>
        It leaves {from} and waits in {stageLabel(settings, 'deferred')} until the date to revisit
        it; it can come back then. The decision goes into the log.
      </p>
    );
  } else if (kind === 'reject') {
    intro = (
      <p>
        {stageLabel(settings, 'rejected')} is final: the proposal no longer changes. A new proposal
        can bring the idea back. The decision goes into the log.
      </p>
    );
  } else {
    intro = (
      <p>
        It leaves {from} for its sponsor to rework it; the decision and its rationale go into the
        log.
      </p>
    );
  }

  return (
    <Modal title={title} wide actions={null} onCancel={() => onClose(false)}>
      <form
        className="decision-form gate-decision"
        noValidate
        onSubmit={(event) => void submit(event)}
        onKeyDown={onKeyDown}
      >
        <div className="decision-form__intro">{intro}</div>
        <p className="decision-form__legend muted small">
          Fields marked <span aria-hidden="true">*</span>
          <span className="visually-hidden">as required</span> are required. Ctrl+Enter saves.
        </p>
        <div className="decision-form__row">
          <div className={fieldClass('date')}>
            <label htmlFor={fieldId('date')} className="field__label">
              Date of the decision{required}
            </label>
            <input
              id={fieldId('date')}
              type="date"
              value={date}
              aria-required="true"
              aria-invalid={invalid('date')}
              aria-describedby={describedBy('date')}
              onChange={(event) => setDate(event.target.value)}
            />
            {error('date')}
          </div>
          {kind === 'defer' && (
            <div className={fieldClass('revisitOn')}>
              <label htmlFor={fieldId('revisitOn')} className="field__label">
                Revisit on{required}
              </label>
              <input
                id={fieldId('revisitOn')}
                type="date"
                value={revisitOn}
                min={addDays(dayNumber(date) === undefined ? today : date, 1)}
                aria-required="true"
                aria-invalid={invalid('revisitOn')}
                aria-describedby={describedBy('revisitOn', `${fieldId('revisitOn')}-hint`)}
                onChange={(event) => setRevisitOn(event.target.value)}
              />
              <p id={`${fieldId('revisitOn')}-hint`} className="field__hint">
                When to look at it again; the flow figures call it out once the date has passed.
              </p>
              {error('revisitOn')}
            </div>
          )}
          {kind === 'send-back' && (
            <div className={fieldClass('sendBackTo')}>
              <label htmlFor={fieldId('sendBackTo')} className="field__label">
                Back to{required}
              </label>
              <select
                id={fieldId('sendBackTo')}
                value={sendBackTo}
                aria-required="true"
                aria-invalid={invalid('sendBackTo')}
                aria-describedby={describedBy('sendBackTo')}
                onChange={(event) => setSendBackTo(event.target.value as SendBackStage | '')}
              >
                {backOptions.length > 1 && <option value="">Choose a stage…</option>}
                {backOptions.map((stage) => (
                  <option key={stage} value={stage}>
                    {stageLabel(settings, stage)}
                  </option>
                ))}
              </select>
              {error('sendBackTo')}
            </div>
          )}
          {kind === 'approve' && (
            <div className="field">
              <label htmlFor={fieldId('scenario')} className="field__label">
                Joins the ranking of
              </label>
              {scenarios.length > 0 ? (
                <select
                  id={fieldId('scenario')}
                  value={scenario}
                  onChange={(event) => setScenario(event.target.value)}
                >
                  {scenarios.map((entry) => (
                    <option key={entry.id} value={entry.id}>
                      {entry.name}
                    </option>
                  ))}
                </select>
              ) : (
                <p id={fieldId('scenario')} className="muted">
                  No scenario: the portfolio has none, so it joins no ranking.
                </p>
              )}
            </div>
          )}
        </div>
        {gate && (
          <div
            className={`gate-verdict ${gate.passed ? 'gate-verdict--passed' : 'gate-verdict--failed'}`}
            aria-live="polite"
          >
            <p className="gate-verdict__headline">
              {gate.passed ? 'It passes every rule of the gate.' : `${gate.headline}.`}
            </p>
            {/* A failed capacity rule says the same below, with the other failures. */}
            {gate.capacity && !gate.failed.includes('capacity') && (
              <p className="gate-verdict__capacity">{gate.capacity.summary}</p>
            )}
            {!gate.passed && (
              <ul className="gate-verdict__failures">
                {gate.items
                  .filter((item) => item.outcome === 'failed')
                  .map((item) => (
                    <li key={item.rule}>
                      <strong>{item.title}:</strong> {item.why}
                    </li>
                  ))}
              </ul>
            )}
          </div>
        )}
        {needsOverride && (
          <div className={fieldClass('override')}>
            <label htmlFor={fieldId('override')} className="field__label">
              Override: why approve it all the same{required}
            </label>
            <textarea
              id={fieldId('override')}
              rows={2}
              value={override}
              maxLength={MAX_TEXT_LENGTH}
              aria-required="true"
              aria-invalid={invalid('override')}
              aria-describedby={describedBy('override', `${fieldId('override')}-hint`)}
              onChange={(event) => setOverride(event.target.value)}
            />
            <p id={`${fieldId('override')}-hint`} className="field__hint">
              A proposal that fails the gate is approved only by an explicit override; the log
              records it with the rules it failed.
            </p>
            {error('override')}
          </div>
        )}
        <div className={fieldClass('rationale')}>
          <label htmlFor={fieldId('rationale')} className="field__label">
            Rationale{required}
          </label>
          <textarea
            id={fieldId('rationale')}
            rows={3}
            value={rationale}
            maxLength={MAX_TEXT_LENGTH}
            aria-required="true"
            aria-invalid={invalid('rationale')}
            aria-describedby={describedBy('rationale', `${fieldId('rationale')}-hint`)}
            onChange={(event) => setRationale(event.target.value)}
          />
          <p id={`${fieldId('rationale')}-hint`} className="field__hint">
            Why: the facts and trade-offs a reader will look for later.
          </p>
          {error('rationale')}
        </div>
        <div className="field">
          <label htmlFor={fieldId('decided-by')} className="field__label">
            Decided by
          </label>
          <input
            id={fieldId('decided-by')}
            type="text"
            value={decidedBy}
            maxLength={MAX_NAME_LENGTH}
            autoComplete="off"
            onChange={(event) => setDecidedBy(event.target.value)}
          />
        </div>
        <p className="decision-form__refusal" role="alert">
          {refusal ?? ''}
        </p>
        <div className="decision-form__actions">
          <button type="button" className="button" onClick={() => onClose(false)}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={saving}>
            {needsOverride ? 'Approve by override' : VERBS[kind]}
          </button>
        </div>
      </form>
    </Modal>
  );
}
