/**
 * The decision log. A decision is never overwritten: recording one adds a record, amending one
 * adds a record that supersedes it, and both stay in the log.
 */
import type { Decision, DecisionConcern, DecisionKind } from '../../portfolio/types';
import { change, type EditPlan } from '../changes';
import { byId, OperationError, quoted, type EditContext } from '../context';
import { lastOrder, type DecisionRecord, type PortfolioState } from '../state';

export type DecisionInput = {
  readonly date: string;
  readonly kind: DecisionKind;
  readonly title: string;
  readonly decision: string;
  readonly rationale?: string;
  readonly decidedBy?: string;
  readonly concerns?: readonly DecisionConcern[];
  readonly fingerprint?: string;
};

function clean(input: DecisionInput): Omit<Decision, 'id'> {
  const text = (value: string | undefined) => {
    const trimmed = value?.trim();
    return trimmed ? trimmed : undefined;
  };
  const rationale = text(input.rationale);
  const decidedBy = text(input.decidedBy);
  return {
    date: input.date,
    kind: input.kind,
    title: input.title.trim(),
    decision: input.decision.trim(),
    ...(rationale !== undefined && { rationale }),
    ...(decidedBy !== undefined && { decidedBy }),
    ...(input.concerns !== undefined && input.concerns.length > 0 && { concerns: input.concerns }),
    ...(input.fingerprint !== undefined && { fingerprint: input.fingerprint }),
  };
}

/** Records a new decision at the end of the log. */
export function recordDecision(
  state: PortfolioState,
  context: EditContext,
  input: DecisionInput,
): EditPlan & { readonly id: string } {
  const id = context.newId('decisions');
  const record: DecisionRecord = {
    id,
    ...clean(input),
    recordedAt: context.now(),
    order: context.keys.between(lastOrder(state.decisions), null),
  };
  return {
    id,
    label: `Recorded the decision ${quoted(record.title)}`,
    changes: [change('decisions', id, undefined, record)],
  };
}

/** The decision that supersedes `id`, if one does. */
export function supersededBy(decisions: readonly Decision[], id: string): Decision | undefined {
  return decisions.find((decision) => decision.supersedes === id);
}

/**
 * Amends a decision: a new decision that supersedes it. Only the latest of a chain can be
 * amended (an amendment amends what stands).
 */
export function amendDecision(
  state: PortfolioState,
  context: EditContext,
  supersedes: string,
  input: DecisionInput,
): EditPlan & { readonly id: string } {
  const earlier = byId(state.decisions, supersedes, 'Decision');
  const later = supersededBy(state.decisions, supersedes);
  if (later) {
    throw new OperationError(
      `${quoted(earlier.title)} was already amended by ${quoted(later.title)}: amend that one.`,
    );
  }
  const id = context.newId('decisions');
  const record: DecisionRecord = {
    id,
    ...clean(input),
    supersedes,
    recordedAt: context.now(),
    order: context.keys.between(lastOrder(state.decisions), null),
  };
  return {
    id,
    label: `Amended the decision ${quoted(earlier.title)}`,
    changes: [change('decisions', id, undefined, record)],
  };
}

/**
 * A stop decision for committed work, as one edit: records the decision and forces the initiative
 * out, with the decision's rationale as the forced reason when it has none yet.
 */
export function recordStopDecision(
  state: PortfolioState,
  context: EditContext,
  initiativeId: string,
  input: DecisionInput,
): EditPlan & { readonly id: string } {
  const initiative = byId(state.initiatives, initiativeId, 'Initiative');
  const recorded = recordDecision(state, context, input);
  const rationale = input.rationale?.trim();
  const after = {
    ...initiative,
    forced: 'out' as const,
    ...(rationale && !initiative.forcedReason?.trim() && { forcedReason: rationale }),
  };
  return {
    id: recorded.id,
    label: `Stopped ${quoted(initiative.name)}: ${recorded.label.charAt(0).toLowerCase()}${recorded.label.slice(1)}`,
    changes: [...recorded.changes, change('initiatives', initiativeId, initiative, after)],
  };
}
