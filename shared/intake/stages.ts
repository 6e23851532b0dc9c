/**
 * How a proposal moves through the pipeline: which moves the board allows, and the proposal a
 * move makes (its stage, its history, the revisit date of a deferral, the decision that moved it).
 */
import { dayNumber } from './dates';
import { stageLabel, type IntakeSettings, type IntakeStage, type Proposal } from './types';

/**
 * The moves allowed from each stage. Forward along the pipeline; a submitted or screened proposal
 * can be sent back (to Draft, or from Screening to Submitted); a deferred one comes back to
 * Submitted or Screening, or is rejected when it is revisited. Approved and Rejected are final: an
 * approved proposal lives on as its initiative, and a rejected idea comes back as a new proposal.
 */
export const STAGE_MOVES: Readonly<Record<IntakeStage, readonly IntakeStage[]>> = {
  draft: ['submitted'],
  submitted: ['screening', 'draft'],
  screening: ['approved', 'deferred', 'rejected', 'submitted', 'draft'],
  deferred: ['submitted', 'screening', 'rejected'],
  approved: [],
  rejected: [],
};

/** Whether the board lets a card move from `from` to `to`. */
export function canMove(from: IntakeStage, to: IntakeStage): boolean {
  return STAGE_MOVES[from].includes(to);
}

/** The date the proposal entered its current stage: its last history entry for that stage. */
export function enteredStageOn(proposal: Proposal): string | undefined {
  const last = proposal.history[proposal.history.length - 1];
  return last?.stage === proposal.stage ? last.date : undefined;
}

export type MoveOptions = {
  /** Required when moving to Deferred: when to look at it again (YYYY-MM-DD, after `date`). */
  readonly revisitOn?: string;
  /** The decision-log entry that records the move (a gate decision). */
  readonly decisionId?: string;
  /** The initiative approving it made. */
  readonly initiativeId?: string;
};

export type MoveResult =
  | { readonly ok: true; readonly proposal: Proposal }
  | { readonly ok: false; readonly error: string };

/**
 * The proposal moved to `to` on `date` (YYYY-MM-DD): the stage set, the move added to its history,
 * `decisionId` added to its decisions, `initiativeId` set. A deferral sets `revisitOn`; any other
 * move clears it. Refused, with a sentence, when the move is not allowed, the date is not a date
 * or is before the proposal's last move, or a deferral has no later date to revisit.
 */
export function moveProposal(
  proposal: Proposal,
  to: IntakeStage,
  date: string,
  settings: Pick<IntakeSettings, 'stageLabels'>,
  options: MoveOptions = {},
): MoveResult {
  const from = stageLabel(settings, proposal.stage);
  const into = stageLabel(settings, to);
  if (!canMove(proposal.stage, to)) {
    const allowed = STAGE_MOVES[proposal.stage].map((stage) => stageLabel(settings, stage));
    return {
      ok: false,
      error:
        allowed.length === 0
          ? `“${proposal.title}” is ${from}, a final stage: it cannot move to ${into}`
          : `“${proposal.title}” cannot move from ${from} to ${into}; from ${from} it can move to ${allowed.join(', ')}`,
    };
  }
  const day = dayNumber(date);
  if (day === undefined) return { ok: false, error: `“${date}” is not a date (YYYY-MM-DD)` };
  const last = proposal.history[proposal.history.length - 1];
  const lastDay = last ? dayNumber(last.date) : undefined;
  if (last && lastDay !== undefined && day < lastDay) {
    return {
      ok: false,
      error: `${date} is before the proposal's last move (${stageLabel(settings, last.stage)} on ${last.date})`,
    };
  }
  if (to === 'deferred') {
    const revisit = options.revisitOn === undefined ? undefined : dayNumber(options.revisitOn);
    if (revisit === undefined || revisit <= day) {
      return {
        ok: false,
        error: `${into} needs a date to revisit it, after ${date}`,
      };
    }
  }
  const { revisitOn: _cleared, ...rest } = proposal;
  const decisionIds =
    options.decisionId === undefined
      ? proposal.decisionIds
      : [...(proposal.decisionIds ?? []), options.decisionId];
  return {
    ok: true,
    proposal: {
      ...rest,
      stage: to,
      history: [
        ...proposal.history,
        {
          stage: to,
          date,
          ...(options.decisionId !== undefined && { decisionId: options.decisionId }),
        },
      ],
      ...(to === 'deferred' && { revisitOn: options.revisitOn }),
      ...(decisionIds !== undefined && { decisionIds }),
      ...(options.initiativeId !== undefined && { initiativeId: options.initiativeId }),
    },
  };
}
