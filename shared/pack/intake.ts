/**
 * The board pack's intake section: the gate decisions taken since the last pack (approve, defer,
 * reject, send back), what waits at the gate (its stage, how long, its sponsor and size, its
 * objective fit and the gate's verdict now), and the flow figures of the same window. Computed
 * from the proposals' stage histories, joined to the decision log where a move names its entry.
 */
import { dayNumber } from '../intake/dates';
import { intakeFlow, type IntakeFlow, type OverdueRevisit } from '../intake/flow';
import { evaluateGate } from '../intake/gate';
import {
  DEFAULT_INTAKE_SETTINGS,
  INTAKE_STAGES,
  stageLabel,
  type IntakeSettings,
  type IntakeStage,
  type Proposal,
  type TShirtSize,
} from '../intake/types';
import type { Portfolio } from '../portfolio/types';
import { localWeights } from '../strategy/weights';
import { decisionWindow, nameList, packScenario, type DecisionWindow } from './content';
import type { PackSettings } from './types';

/** What a gate decision did to a proposal. */
export type GateDecisionOutcome = 'approved' | 'deferred' | 'rejected' | 'sent-back';

/** One gate decision, from a proposal's history (and the log entry it names, if any). */
export type IntakePackDecision = {
  readonly proposalId: string;
  readonly title: string;
  /** ISO date of the move. */
  readonly date: string;
  readonly outcome: GateDecisionOutcome;
  /** "Approved", "Deferred", "Rejected", "Sent back to Draft", with the PMO's stage names. */
  readonly outcomeLabel: string;
  /** What came of it: the initiative it became, the date to revisit it. */
  readonly detail?: string;
  readonly rationale?: string;
  readonly decidedBy?: string;
  /** The decision-log entry, when the move names one that the log holds. */
  readonly decisionId?: string;
};

/** A proposal waiting at the gate (submitted, in screening or deferred). */
export type IntakePackWaiting = {
  readonly id: string;
  readonly title: string;
  readonly stage: IntakeStage;
  readonly stageLabel: string;
  /** Whole days in its stage by the pack's date; absent when its history does not say. */
  readonly days?: number;
  readonly sponsor?: string;
  /** Its t-shirt size, or "By team" when it gives demand per team instead. */
  readonly size?: TShirtSize | 'By team';
  /** Its best objective link: global weight × contribution (what the gate's fit rule checks). */
  readonly fit?: number;
  /** Whether it passes every rule of the gate now. */
  readonly passes: boolean;
  /** "Passes the gate" or "Blocked: …". */
  readonly gate: string;
  /** Days past its revisit date, for a deferred one that is overdue. */
  readonly overdueDays?: number;
};

export type IntakePackSummary =
  | { readonly kind: 'none' }
  | {
      readonly kind: 'summary';
      readonly window: DecisionWindow;
      /** The gate decisions dated in the window, newest first. */
      readonly decisions: readonly IntakePackDecision[];
      /** What waits at the gate, longest waiting first: at most MAX_WAITING_LISTED of them. */
      readonly waiting: readonly IntakePackWaiting[];
      /** How many wait at the gate in all. */
      readonly waitingCount: number;
      /** Drafts still being written: not at the gate yet. */
      readonly drafts: number;
      /** Flow figures: per stage of the pack's date, approval rate and median over the window. */
      readonly flow: IntakeFlow;
      readonly overdue: readonly OverdueRevisit[];
      /** The section's opening paragraph, with the numbers. */
      readonly lead: string;
    };

/** The stages that wait at the gate: submitted, in screening, and deferred (to come back). */
const AT_THE_GATE: readonly IntakeStage[] = ['submitted', 'screening', 'deferred'];

/**
 * The best objective fit of a proposal: over its links to objectives the portfolio has, the
 * highest global weight × contribution; undefined without such a link.
 */
export function proposalFit(portfolio: Portfolio, proposal: Proposal): number | undefined {
  if (!proposal.objectives?.length || portfolio.objectives.length === 0) return undefined;
  const weights = localWeights(portfolio).objectives;
  let best: number | undefined;
  for (const link of proposal.objectives) {
    const weight = weights.get(link.id)?.global;
    if (weight === undefined || !(link.contribution > 0)) continue;
    const fit = weight * link.contribution;
    if (best === undefined || fit > best) best = fit;
  }
  return best;
}

const stageIndex = (stage: IntakeStage) => INTAKE_STAGES.indexOf(stage);

/**
 * The gate decisions of one proposal: each move into Approved, Deferred or Rejected, and each move
 * back along the pipeline (Submitted → Draft, Screening → Submitted or Draft). A deferred
 * proposal brought back is not a decision: it returns to be decided.
 */
function decisionsOf(
  proposal: Proposal,
  portfolio: Portfolio,
  settings: IntakeSettings,
): IntakePackDecision[] {
  const log = new Map((portfolio.decisions ?? []).map((decision) => [decision.id, decision]));
  const initiative = portfolio.initiatives.find((item) => item.id === proposal.initiativeId);
  const decisions: IntakePackDecision[] = [];
  proposal.history.forEach((change, index) => {
    const previous = index > 0 ? proposal.history[index - 1] : undefined;
    let outcome: GateDecisionOutcome | undefined;
    if (change.stage === 'approved' || change.stage === 'deferred' || change.stage === 'rejected') {
      outcome = change.stage;
    } else if (
      previous &&
      previous.stage !== 'deferred' &&
      stageIndex(change.stage) < stageIndex(previous.stage)
    ) {
      outcome = 'sent-back';
    }
    if (!outcome) return;
    const last = index === proposal.history.length - 1;
    let detail: string | undefined;
    if (outcome === 'approved') {
      const name = initiative?.name;
      detail = name
        ? `It became the initiative “${name}”.`
        : proposal.initiativeId
          ? 'The initiative it became is no longer in the portfolio.'
          : undefined;
    } else if (outcome === 'deferred' && last && proposal.revisitOn) {
      detail = `To be looked at again on ${proposal.revisitOn}.`;
    }
    const entry = change.decisionId === undefined ? undefined : log.get(change.decisionId);
    const rationale = entry?.rationale?.trim();
    const decidedBy = entry?.decidedBy?.trim();
    decisions.push({
      proposalId: proposal.id,
      title: proposal.title.trim() || 'Untitled proposal',
      date: change.date,
      outcome,
      outcomeLabel:
        outcome === 'sent-back'
          ? `Sent back to ${stageLabel(settings, change.stage)}`
          : stageLabel(settings, change.stage),
      ...(detail !== undefined && { detail }),
      ...(rationale ? { rationale } : {}),
      ...(decidedBy ? { decidedBy } : {}),
      ...(entry && { decisionId: entry.id }),
    });
  });
  return decisions;
}

function count(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

/** The most proposals the pack lists as waiting at the gate; the rest are counted. */
export const MAX_WAITING_LISTED = 40;

/** "12.5 days", "1 day". */
function days(n: number): string {
  const shown = Number.isInteger(n) ? String(n) : n.toFixed(1);
  return `${shown} ${n === 1 ? 'day' : 'days'}`;
}

function leadOf(
  window: DecisionWindow,
  decisions: readonly IntakePackDecision[],
  waiting: readonly IntakePackWaiting[],
  waitingCount: number,
  drafts: number,
  flow: IntakeFlow,
  settings: IntakeSettings,
): string {
  const parts: string[] = [];
  if (decisions.length === 0) {
    parts.push(`No gate decision was taken from ${window.since} to ${window.until}.`);
  } else {
    const byOutcome = (['approved', 'deferred', 'rejected', 'sent-back'] as const)
      .map((outcome) => ({
        outcome,
        n: decisions.filter((decision) => decision.outcome === outcome).length,
      }))
      .filter((entry) => entry.n > 0)
      .map(({ outcome, n }) =>
        outcome === 'sent-back'
          ? `${n} sent back`
          : `${n} ${stageLabel(settings, outcome).toLowerCase()}`,
      );
    parts.push(
      `From ${window.since} to ${window.until}, ${count(decisions.length, 'gate decision')}: ${nameList(byOutcome, byOutcome.length)}.`,
    );
  }
  if (flow.approvalRate !== undefined) {
    const rate = Math.round(flow.approvalRate * 100);
    parts.push(
      `Of the proposals decided in that time, ${rate} % were approved (${flow.approved} approved, ${flow.rejected} rejected).`,
    );
  }
  if (flow.medianDaysToDecision !== undefined) {
    parts.push(
      `From submission to decision took ${days(flow.medianDaysToDecision)} (the median of ${count(flow.decided, 'proposal')}).`,
    );
  }
  const passing = waiting.filter((entry) => entry.passes).length;
  parts.push(
    waitingCount === 0
      ? 'Nothing waits at the gate.'
      : `${count(waitingCount, 'proposal')} ${waitingCount === 1 ? 'waits' : 'wait'} at the gate, ${
          waiting.length === waitingCount
            ? `${passing.toLocaleString('en-US')} of them passing every rule now`
            : `${passing.toLocaleString('en-US')} of the ${waiting.length} longest waiting passing every rule now`
        }.`,
  );
  if (drafts > 0)
    parts.push(`${count(drafts, 'draft')} ${drafts === 1 ? 'is' : 'are'} still being written.`);
  return parts.join(' ');
}

/**
 * The intake section of the pack, for the pack's date and window (the same as the decision log's:
 * since the previous pack, else since the last review, else 90 days back) and the pack's scenario
 * (for the gate's capacity check); `none` when the portfolio has no proposals at all.
 */
export function intakeSummary(
  portfolio: Portfolio,
  settings: Pick<PackSettings, 'date' | 'since' | 'scenarioId'>,
  previousReview?: { readonly id: string; readonly title: string; readonly date: string },
): IntakePackSummary {
  const proposals = portfolio.proposals ?? [];
  if (proposals.length === 0) return { kind: 'none' };
  const intake = portfolio.intakeSettings ?? DEFAULT_INTAKE_SETTINGS;
  const window = decisionWindow(portfolio, settings, previousReview);
  const since = dayNumber(window.since) ?? Number.NEGATIVE_INFINITY;
  const until = dayNumber(window.until) ?? Number.POSITIVE_INFINITY;
  const inWindow = (date: string) => {
    const day = dayNumber(date);
    return day !== undefined && day >= since && day <= until;
  };

  const decisions = proposals
    .flatMap((proposal, order) =>
      decisionsOf(proposal, portfolio, intake).map((decision) => ({ decision, order })),
    )
    .filter(({ decision }) => inWindow(decision.date))
    // Newest first; on one day, in the proposals' order.
    .sort((a, b) =>
      a.decision.date === b.decision.date
        ? a.order - b.order
        : a.decision.date < b.decision.date
          ? 1
          : -1,
    )
    .map(({ decision }) => decision);

  // The pipeline as it stood on the pack's date; the rates over the window.
  const flow = intakeFlow(proposals, window.until, { since: window.since });
  const overdue = new Map(flow.overdueRevisits.map((entry) => [entry.id, entry.daysOverdue]));
  const byId = new Map(proposals.map((proposal) => [proposal.id, proposal]));
  const scenario = packScenario(portfolio, settings);
  const atTheGate = flow.ageing.filter((entry) => AT_THE_GATE.includes(entry.stage));
  // The gate (with its capacity check) is run only for the proposals the page lists.
  const waiting: IntakePackWaiting[] = atTheGate.slice(0, MAX_WAITING_LISTED).flatMap((entry) => {
    const proposal = byId.get(entry.id);
    if (!proposal) return [];
    const gate = evaluateGate(portfolio, proposal, intake, {
      ...(scenario && { scenarioId: scenario.id }),
    });
    const fit = proposalFit(portfolio, proposal);
    const sponsor = proposal.sponsor?.trim();
    const size =
      proposal.size ??
      (proposal.demand && Object.keys(proposal.demand).length > 0 ? 'By team' : undefined);
    const late = overdue.get(proposal.id);
    return [
      {
        id: proposal.id,
        title: proposal.title.trim() || 'Untitled proposal',
        stage: proposal.stage,
        stageLabel: stageLabel(intake, proposal.stage),
        ...(entry.days !== undefined && { days: entry.days }),
        ...(sponsor ? { sponsor } : {}),
        ...(size !== undefined && { size }),
        ...(fit !== undefined && { fit }),
        passes: gate.passed,
        gate: gate.headline,
        ...(late !== undefined && { overdueDays: late }),
      },
    ];
  });
  const drafts = proposals.filter((proposal) => proposal.stage === 'draft').length;
  return {
    kind: 'summary',
    window,
    decisions,
    waiting,
    waitingCount: atTheGate.length,
    drafts,
    flow,
    overdue: flow.overdueRevisits,
    lead: leadOf(window, decisions, waiting, atTheGate.length, drafts, flow, intake),
  };
}
