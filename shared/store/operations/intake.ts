/**
 * Named edits of intake: proposals from draft to a gate decision, and the PMO's intake settings.
 * A gate decision (send back, defer, reject, approve) goes into the decision log in the same edit
 * as the move it makes, and approving adds the initiative and its place in a scenario's ranking
 * too: every operation here is one undo step.
 */
import { proposalToInitiative } from '../../intake/approve';
import { evaluateGate, GATE_RULE_TITLES } from '../../intake/gate';
import { moveProposal } from '../../intake/stages';
import {
  DEFAULT_INTAKE_SETTINGS,
  INTAKE_STAGES,
  stageLabel,
  type IntakeSettings,
  type IntakeStage,
  type Proposal,
} from '../../intake/types';
import { MAX_NAME_LENGTH, MAX_TEXT_LENGTH } from '../../portfolio/limits';
import { change, type Change, type EditPlan } from '../changes';
import { byId, OperationError, quoted, type EditContext } from '../context';
import {
  applyChanges,
  lastOrder,
  stateToPortfolio,
  type PortfolioState,
  type ProposalRecord,
} from '../state';
import { recordDecision } from './decisions';
import { moveInStack } from './scenarios';

/** The fields the proposal form edits: all but its id, its stage and what the gate records. */
export type ProposalFields = Omit<
  Proposal,
  'id' | 'stage' | 'history' | 'revisitOn' | 'initiativeId' | 'decisionIds' | 'extras'
>;

/** Some fields of a proposal; a field given as undefined is cleared. */
export type ProposalChanges = { readonly [K in keyof ProposalFields]?: ProposalFields[K] };

/** What every gate decision records: when, why and by whom. */
export type GateDecisionInput = {
  /** The day of the decision (YYYY-MM-DD); the proposal's move is dated the same. */
  readonly date: string;
  readonly rationale?: string;
  readonly decidedBy?: string;
  /** The fingerprint of the portfolio the decision was taken on. */
  readonly fingerprint?: string;
};

export type DeferInput = GateDecisionInput & {
  /** When to look at it again (YYYY-MM-DD), after `date`. */
  readonly revisitOn: string;
};

export type ApprovalInput = GateDecisionInput & {
  /** The scenario whose ranking the initiative joins; the first scenario when absent. */
  readonly scenarioId?: string;
  /** Why it is approved although it fails the gate: required when a rule fails. */
  readonly override?: string;
};

/** The stages a proposal is moved to by hand; the others are gate decisions of their own. */
export const MANUAL_STAGES: readonly IntakeStage[] = ['draft', 'submitted', 'screening'];
export type ManualStage = 'draft' | 'submitted' | 'screening';

/** The intake settings the portfolio keeps, or the defaults. */
export function intakeSettingsOf(state: PortfolioState): IntakeSettings {
  return state.meta.intakeSettings ?? DEFAULT_INTAKE_SETTINGS;
}

/** `value`, cut to `max` characters with an ellipsis when longer (names and texts have limits). */
function clip(value: string, max: number): string {
  if (value.length <= max) return value;
  let end = max - 1;
  // Never between the two halves of a character outside the basic plane (an emoji).
  const last = value.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return `${value.slice(0, end)}…`;
}

function text(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

/** A proposal's name in a label: its title in quotes, or "an untitled draft". */
function named(proposal: Pick<Proposal, 'title'>): string {
  const title = proposal.title.trim();
  return title ? quoted(clip(title, 80)) : 'an untitled proposal';
}

/** Whether a field's value says nothing: empty text, an empty list or an empty record. */
function isEmpty(value: unknown): boolean {
  if (value === undefined || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object' && value !== null) return Object.keys(value).length === 0;
  return false;
}

/**
 * `record` with `fields` set as given (text as typed, not trimmed: a draft is saved as it is
 * typed); a field given as undefined, empty text or an empty list or record is cleared. The title
 * is kept even when empty (a draft may have none yet).
 */
function withFields(record: ProposalRecord, fields: ProposalChanges): ProposalRecord {
  const next: Record<string, unknown> = { ...record };
  for (const key of Object.keys(fields) as (keyof ProposalFields)[]) {
    const value = fields[key];
    if (key === 'title') next.title = value ?? '';
    else if (isEmpty(value)) delete next[key];
    else next[key] = value;
  }
  return next as ProposalRecord;
}

function proposalOf(state: PortfolioState, id: string): ProposalRecord {
  return byId(state.proposals, id, 'Proposal');
}

/** Refuses an edit of a proposal in a final stage: its story ends there. */
function requireOpen(proposal: ProposalRecord, settings: IntakeSettings, doing: string): void {
  if (proposal.stage === 'approved' || proposal.stage === 'rejected') {
    throw new OperationError(
      `${named(proposal)} is ${stageLabel(settings, proposal.stage)}, a final stage: it cannot ${doing}.`,
    );
  }
}

/** The proposal `moveProposal` makes, or an OperationError with its reason. */
function moved(
  proposal: ProposalRecord,
  to: IntakeStage,
  date: string,
  settings: IntakeSettings,
  options: Parameters<typeof moveProposal>[4] = {},
): ProposalRecord {
  const result = moveProposal(proposal, to, date, settings, options);
  if (!result.ok) throw new OperationError(`${result.error}.`);
  return { ...result.proposal, order: proposal.order };
}

/**
 * Adds a proposal at the end of the list, as a draft entered on `date` (the first entry of its
 * history), with whatever fields the form has so far.
 */
export function createProposal(
  state: PortfolioState,
  context: EditContext,
  input: { readonly date: string } & ProposalChanges,
): EditPlan & { readonly id: string } {
  const { date, ...fields } = input;
  const id = context.newId('proposals');
  const record = withFields(
    {
      id,
      title: '',
      stage: 'draft',
      history: [{ stage: 'draft', date }],
      order: context.keys.between(lastOrder(state.proposals), null),
    },
    fields,
  );
  return {
    id,
    label: record.title.trim() ? `Added the proposal ${named(record)}` : 'Added a proposal',
    changes: [change('proposals', id, undefined, record)],
  };
}

/**
 * Changes some fields of a proposal, saved as typed (the form passes a merge key, so that typing
 * into one field is one undo step). A proposal that is approved or rejected no longer changes.
 */
export function updateProposal(
  state: PortfolioState,
  id: string,
  fields: ProposalChanges,
): EditPlan & { readonly id: string } {
  const before = proposalOf(state, id);
  requireOpen(before, intakeSettingsOf(state), 'be edited');
  const after = withFields(before, fields);
  const what = Object.keys(fields);
  const label =
    what.length === 1 && what[0] === 'title'
      ? `Renamed ${named(before)} to ${named(after)}`
      : `Edited the proposal ${named(after)}`;
  return { id, label, changes: [change('proposals', id, before, after)] };
}

/**
 * Moves a proposal along the pipeline by hand: submit it (Draft → Submitted), take it into
 * Screening, bring a deferred one back, or send it back (Submitted → Draft, Screening → Submitted
 * or Draft). Sending back is a gate decision: it goes into the decision log with `input`'s
 * rationale, and the move names it. Approve, defer and reject have operations of their own.
 */
export function moveProposalStage(
  state: PortfolioState,
  context: EditContext,
  id: string,
  to: ManualStage,
  input: GateDecisionInput,
): EditPlan & { readonly id: string } {
  const before = proposalOf(state, id);
  const settings = intakeSettingsOf(state);
  if (!MANUAL_STAGES.includes(to)) {
    throw new OperationError(
      `${stageLabel(settings, to)} is a gate decision: approve, defer or reject the proposal instead.`,
    );
  }
  const from = before.stage;
  const back = INTAKE_STAGES.indexOf(to) < INTAKE_STAGES.indexOf(from) && from !== 'deferred';
  const into = stageLabel(settings, to);
  const fromLabel = stageLabel(settings, from);
  if (!back) {
    const after = moved(before, to, input.date, settings);
    return {
      id,
      label:
        to === 'submitted' && from === 'draft'
          ? `Submitted ${named(before)}`
          : `Moved ${named(before)} from ${fromLabel} to ${into}`,
      changes: [change('proposals', id, before, after)],
    };
  }
  // Checked before the decision is recorded, so that a refused move records nothing.
  moved(before, to, input.date, settings);
  const decision = gateDecision(state, context, before, input, {
    verb: 'sent back',
    decision: `Sent ${named(before)} back from ${fromLabel} to ${into}.`,
  });
  const after = moved(before, to, input.date, settings, { decisionId: decision.id });
  return {
    id,
    label: `Sent ${named(before)} back to ${into}`,
    changes: [...decision.changes, change('proposals', id, before, after)],
  };
}

/** Records a gate decision about `proposal` in the log. */
function gateDecision(
  state: PortfolioState,
  context: EditContext,
  proposal: ProposalRecord,
  input: GateDecisionInput,
  what: {
    readonly verb: string;
    readonly decision: string;
    readonly rationale?: string;
    readonly concerns?: Parameters<typeof recordDecision>[2]['concerns'];
  },
): EditPlan & { readonly id: string } {
  const rationale = what.rationale ?? text(input.rationale);
  const decidedBy = text(input.decidedBy);
  return recordDecision(state, context, {
    date: input.date,
    kind: 'gate',
    title: clip(`Gate: ${what.verb} ${named(proposal)}`, MAX_NAME_LENGTH),
    decision: clip(what.decision, MAX_TEXT_LENGTH),
    ...(rationale !== undefined && { rationale: clip(rationale, MAX_TEXT_LENGTH) }),
    ...(decidedBy !== undefined && { decidedBy: clip(decidedBy, MAX_NAME_LENGTH) }),
    ...(what.concerns !== undefined && { concerns: what.concerns }),
    ...(input.fingerprint !== undefined && { fingerprint: input.fingerprint }),
  });
}

/** The gate's verdict on `proposal` now, in a sentence for the decision log. */
function gateSentence(state: PortfolioState, proposal: Proposal): string {
  const gate = evaluateGate(stateToPortfolio(state), proposal, intakeSettingsOf(state));
  return gate.passed ? 'It passed every rule of the gate.' : `At the gate: ${gate.headline}.`;
}

/**
 * Defers a proposal in Screening until `revisitOn`: the decision goes into the log (with the
 * gate's verdict as it stood), and the proposal shows the date to look at it again.
 */
export function deferProposal(
  state: PortfolioState,
  context: EditContext,
  id: string,
  input: DeferInput,
): EditPlan & { readonly id: string } {
  const before = proposalOf(state, id);
  const settings = intakeSettingsOf(state);
  moved(before, 'deferred', input.date, settings, { revisitOn: input.revisitOn });
  const decision = gateDecision(state, context, before, input, {
    verb: 'deferred',
    decision: `Deferred ${named(before)}, to be looked at again on ${input.revisitOn}. ${gateSentence(state, before)}`,
  });
  const after = moved(before, 'deferred', input.date, settings, {
    revisitOn: input.revisitOn,
    decisionId: decision.id,
  });
  return {
    id: decision.id,
    label: `Deferred ${named(before)} until ${input.revisitOn}`,
    changes: [...decision.changes, change('proposals', id, before, after)],
  };
}

/** Rejects a proposal in Screening (or a deferred one, when revisited), with the decision logged. */
export function rejectProposal(
  state: PortfolioState,
  context: EditContext,
  id: string,
  input: GateDecisionInput,
): EditPlan & { readonly id: string } {
  const before = proposalOf(state, id);
  const settings = intakeSettingsOf(state);
  moved(before, 'rejected', input.date, settings);
  const decision = gateDecision(state, context, before, input, {
    verb: 'rejected',
    decision: `Rejected ${named(before)}. ${gateSentence(state, before)}`,
  });
  const after = moved(before, 'rejected', input.date, settings, { decisionId: decision.id });
  return {
    id: decision.id,
    label: `Rejected ${named(before)}`,
    changes: [...decision.changes, change('proposals', id, before, after)],
  };
}

/**
 * Approves a proposal in Screening, as one edit: the initiative it becomes (status approved, named
 * after the proposal, which it names in `proposalId`), placed in the chosen scenario's ranking
 * where its priority puts it; the gate decision in the log, with the rationale and, when a rule of
 * the gate fails, the override's rationale (required then); and the proposal moved to Approved,
 * linked to the initiative and the decision. Gives the new initiative's id and the decision's.
 */
export function approveProposal(
  state: PortfolioState,
  context: EditContext,
  id: string,
  input: ApprovalInput,
): EditPlan & { readonly id: string; readonly decisionId: string } {
  const before = proposalOf(state, id);
  const settings = intakeSettingsOf(state);
  // A move the pipeline does not allow is refused before anything is planned.
  moved(before, 'approved', input.date, settings);
  const portfolio = stateToPortfolio(state);
  if (
    input.scenarioId !== undefined &&
    !portfolio.scenarios.some((scenario) => scenario.id === input.scenarioId)
  ) {
    throw new OperationError(`Scenario "${input.scenarioId}" no longer exists.`);
  }
  const options = input.scenarioId === undefined ? {} : { scenarioId: input.scenarioId };
  const gate = evaluateGate(portfolio, before, settings, options);
  const override = text(input.override);
  if (!gate.passed && override === undefined) {
    const failed = gate.failed.map((rule) => GATE_RULE_TITLES[rule].toLowerCase()).join('; ');
    throw new OperationError(
      `${named(before)} fails the gate (${failed}): approving it needs an override and its rationale.`,
    );
  }
  const approval = proposalToInitiative(
    before,
    settings,
    portfolio,
    () => context.newId('initiatives'),
    options,
  );
  const initiative = {
    ...approval.initiative,
    order: context.keys.between(lastOrder(state.initiatives), null),
  };
  const changes: Change[] = [change('initiatives', initiative.id, undefined, initiative)];
  const scenario = portfolio.scenarios.find((entry) => entry.id === approval.scenarioId);
  if (scenario) {
    const placed = moveInStack(applyChanges(state, changes), context, {
      scenarioId: scenario.id,
      ids: [initiative.id],
      before: approval.ranking[approval.index + 1] ?? null,
    });
    changes.push(...placed.changes);
  }

  const where = scenario
    ? ` It is ranked ${approval.rank} of ${approval.competing} competing for capacity in ${quoted(scenario.name)}.`
    : '';
  const verdict = gate.passed
    ? ' It passed every rule of the gate.'
    : ` It failed ${gate.failed.map((rule) => GATE_RULE_TITLES[rule].toLowerCase()).join('; ')}, and was approved by override.`;
  const dropped = approval.dropped.length > 0 ? ` ${approval.dropped.join('. ')}.` : '';
  const rationale = [
    text(input.rationale),
    gate.passed || override === undefined ? undefined : `Override: ${override}`,
  ].filter((part): part is string => part !== undefined);
  const decision = gateDecision(state, context, before, input, {
    verb: 'approved',
    decision: `Approved ${named(before)}: it becomes the initiative ${quoted(initiative.name)}, status approved.${where}${verdict}${dropped}`,
    ...(rationale.length > 0 && { rationale: rationale.join('\n\n') }),
    concerns: [
      { kind: 'initiative', id: initiative.id },
      ...(scenario ? [{ kind: 'scenario' as const, id: scenario.id }] : []),
    ],
  });
  changes.push(...decision.changes);
  const after = moved(before, 'approved', input.date, settings, {
    decisionId: decision.id,
    initiativeId: initiative.id,
  });
  changes.push(change('proposals', id, before, after));
  return {
    id: initiative.id,
    decisionId: decision.id,
    label: `Approved ${named(before)} into the portfolio${scenario ? ` and ${quoted(scenario.name)}` : ''}`,
    changes,
  };
}

/**
 * Deletes a proposal. The decisions about it stay in the log, and an initiative it became stays
 * (naming it as where it came from).
 */
export function deleteProposal(state: PortfolioState, id: string): EditPlan {
  const proposal = proposalOf(state, id);
  return {
    label: proposal.title.trim()
      ? `Deleted the proposal ${named(proposal)}`
      : 'Deleted an untitled proposal',
    changes: [change('proposals', id, proposal, undefined)],
  };
}

/** Replaces the intake settings: stage names, size templates and the gate's rules. */
export function updateIntakeSettings(state: PortfolioState, settings: IntakeSettings): EditPlan {
  const { meta } = state;
  return {
    label: 'Changed the intake settings',
    changes: [change('meta', 'portfolio', meta, { ...meta, intakeSettings: settings })],
  };
}
