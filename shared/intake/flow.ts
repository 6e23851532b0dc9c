/**
 * Intake flow figures: how many proposals wait in each stage and for how long, how many of those
 * decided were approved, how long a decision takes, and which deferred proposals are overdue for
 * their revisit. Computed from the proposals' stage histories and `today`.
 */
import { dayNumber } from './dates';
import { enteredStageOn } from './stages';
import {
  DECISION_STAGES,
  INTAKE_STAGES,
  OPEN_STAGES,
  type IntakeStage,
  type Proposal,
} from './types';

/** A proposal waiting in its stage, and since when. */
export type Waiting = {
  readonly id: string;
  readonly title: string;
  readonly stage: IntakeStage;
  /** The date it entered the stage; absent when its history does not say. */
  readonly since?: string;
  /** Whole days in the stage up to today; absent when its history does not say. */
  readonly days?: number;
};

/** A deferred proposal whose revisit date has passed. */
export type OverdueRevisit = {
  readonly id: string;
  readonly title: string;
  readonly revisitOn: string;
  /** Days since the revisit date. */
  readonly daysOverdue: number;
};

export type IntakeFlow = {
  /** Proposals per current stage; every stage present, 0 when empty. */
  readonly perStage: Readonly<Record<IntakeStage, number>>;
  /** Proposals in an open stage (draft, submitted, screening, deferred), longest waiting first. */
  readonly ageing: readonly Waiting[];
  /** Approved ÷ (approved + rejected), over proposals in those stages; absent when none is. */
  readonly approvalRate?: number;
  readonly approved: number;
  readonly rejected: number;
  /**
   * Median whole days from a proposal's first submission to its first gate decision (approve,
   * defer or reject) after it; absent when no proposal has both.
   */
  readonly medianDaysToDecision?: number;
  /** How many proposals the median is taken over. */
  readonly decided: number;
  /** Deferred proposals whose revisit date is before today, most overdue first. */
  readonly overdueRevisits: readonly OverdueRevisit[];
};

export type FlowOptions = {
  /**
   * Only decisions on or after this date (YYYY-MM-DD) count for the approval rate and the median,
   * e.g. those since the last board pack. Counts per stage and ageing are of today, whatever it is.
   */
  readonly since?: string;
};

/** The median of numbers (the mean of the middle two for an even count); undefined when empty. */
export function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

const isDecision = (stage: IntakeStage) => (DECISION_STAGES as readonly string[]).includes(stage);

/** The first submission and the first gate decision after it, from a proposal's history. */
function submittedToDecision(
  proposal: Proposal,
):
  { readonly submitted: number; readonly decided: number; readonly decidedOn: string } | undefined {
  let submitted: number | undefined;
  for (const change of proposal.history) {
    const day = dayNumber(change.date);
    if (day === undefined) continue;
    if (submitted === undefined) {
      if (change.stage === 'submitted') submitted = day;
    } else if (isDecision(change.stage)) {
      return { submitted, decided: day, decidedOn: change.date };
    }
  }
  return undefined;
}

/** The date of the latest move into the proposal's current (decided) stage. */
function decidedOn(proposal: Proposal): string | undefined {
  return enteredStageOn(proposal);
}

/**
 * The flow figures of `proposals` on `today` (YYYY-MM-DD).
 *
 * - `perStage` counts proposals by current stage.
 * - `ageing`: proposals still open (draft, submitted, screening, deferred), with the days since
 *   they entered their stage (the last history entry, when it is of that stage), longest first;
 *   those whose history does not say come last, in the order given.
 * - `approvalRate`: of the proposals now approved or rejected, the share approved. Deferred ones
 *   are still open: they may come back. With `since`, only those whose decision is dated on or
 *   after it.
 * - `medianDaysToDecision`: over proposals whose history has a submission and a gate decision
 *   after it, the days between the first of each (a deferral counts as a decision). With `since`,
 *   only decisions on or after it.
 * - `overdueRevisits`: deferred proposals with `revisitOn` before today, most overdue first.
 */
export function intakeFlow(
  proposals: readonly Proposal[],
  today: string,
  options: FlowOptions = {},
): IntakeFlow {
  const now = dayNumber(today);
  const since = options.since === undefined ? undefined : dayNumber(options.since);
  const inWindow = (date: string | undefined) => {
    if (since === undefined) return true;
    const day = date === undefined ? undefined : dayNumber(date);
    return day !== undefined && day >= since;
  };

  const perStage = Object.fromEntries(INTAKE_STAGES.map((stage) => [stage, 0])) as Record<
    IntakeStage,
    number
  >;
  for (const proposal of proposals) perStage[proposal.stage] += 1;

  const ageing: (Waiting & { readonly order: number })[] = [];
  proposals.forEach((proposal, order) => {
    if (!(OPEN_STAGES as readonly string[]).includes(proposal.stage)) return;
    const enteredOn = enteredStageOn(proposal);
    const entered = enteredOn === undefined ? undefined : dayNumber(enteredOn);
    const days = entered === undefined || now === undefined ? undefined : now - entered;
    ageing.push({
      id: proposal.id,
      title: proposal.title,
      stage: proposal.stage,
      ...(enteredOn !== undefined && entered !== undefined && { since: enteredOn }),
      ...(days !== undefined && { days }),
      order,
    });
  });
  ageing.sort(
    (a, b) =>
      (a.days === undefined ? 1 : 0) - (b.days === undefined ? 1 : 0) ||
      (b.days ?? 0) - (a.days ?? 0) ||
      a.order - b.order,
  );

  let approved = 0;
  let rejected = 0;
  for (const proposal of proposals) {
    if (proposal.stage !== 'approved' && proposal.stage !== 'rejected') continue;
    if (!inWindow(decidedOn(proposal))) continue;
    if (proposal.stage === 'approved') approved += 1;
    else rejected += 1;
  }

  const durations: number[] = [];
  for (const proposal of proposals) {
    const span = submittedToDecision(proposal);
    if (span && inWindow(span.decidedOn)) durations.push(span.decided - span.submitted);
  }
  const middle = median(durations);

  const overdueRevisits: OverdueRevisit[] = [];
  for (const proposal of proposals) {
    if (proposal.stage !== 'deferred' || proposal.revisitOn === undefined) continue;
    const revisit = dayNumber(proposal.revisitOn);
    if (revisit === undefined || now === undefined || revisit >= now) continue;
    overdueRevisits.push({
      id: proposal.id,
      title: proposal.title,
      revisitOn: proposal.revisitOn,
      daysOverdue: now - revisit,
    });
  }
  overdueRevisits.sort((a, b) => b.daysOverdue - a.daysOverdue);

  return {
    perStage,
    ageing: ageing.map(({ order: _order, ...waiting }) => waiting),
    ...(approved + rejected > 0 && { approvalRate: approved / (approved + rejected) }),
    approved,
    rejected,
    ...(middle !== undefined && { medianDaysToDecision: middle }),
    decided: durations.length,
    overdueRevisits,
  };
}
