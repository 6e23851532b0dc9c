/**
 * The capacity check of the strategic-fit gate: where a proposal would land in the plan of record
 * if it were approved now, and what it would push out of the plan.
 *
 * The proposal becomes its candidate initiative (status approved, `candidateInitiative`), goes
 * into the plan scenario's stack at the place its priority gives (`rankingPlace`), and the cut line
 * is run with it and without it. The difference names every initiative it pushes out (placed
 * without it, below the line with it, with the reason the cut line now gives) and every one it
 * delays (placed both times, starting later with it).
 */
import type { Initiative, Portfolio } from '../portfolio/types';
import {
  computeCutLine,
  describeReason,
  lineOf,
  stackOrder,
  type BelowReason,
} from '../prioritize/cutline';
import {
  candidateInitiative,
  planScenario,
  proposalDemand,
  rankingPlace,
  type DemandSource,
} from './approve';
import type { IntakeSettings, Proposal } from './types';

export type CapacityCheckOptions = {
  /** The scenario of the plan of record; the first scenario when absent. */
  readonly scenarioId?: string;
};

/** An initiative the proposal would push out of the plan. */
export type PushedOut = {
  readonly id: string;
  readonly name: string;
  readonly status: Initiative['status'];
  /** Committed (active, done) or approved: work the plan had promised. */
  readonly promised: boolean;
  /** Where it started without the proposal (period id). */
  readonly startedIn: string;
  readonly reason: BelowReason;
  /** Why it falls below with the proposal in the plan: "Platform is 1 FTE short in Q2 2027". */
  readonly reasonText: string;
};

/** An initiative that stays in the plan but starts later with the proposal in it. */
export type Delayed = {
  readonly id: string;
  readonly name: string;
  /** Period ids it starts in, without and with the proposal. */
  readonly from: string;
  readonly to: string;
};

/** Where the candidate lands: in front of the line, funded in a gap behind it, or below it. */
export type Landing = 'above' | 'gap' | 'below';

export type CapacityCheck = {
  /** The id the candidate initiative was planned under. */
  readonly candidateId: string;
  /** The plan scenario, when the portfolio has it. */
  readonly scenarioId?: string;
  readonly scenarioName?: string;
  /** Its 1-based rank among the initiatives that compete, and how many compete. */
  readonly rank: number;
  readonly competing: number;
  /** The stack it was planned in, with it. */
  readonly ranking: readonly string[];
  /** Where its demand came from; `none` means there was nothing to plan. */
  readonly demandSource: DemandSource;
  readonly landing: Landing;
  /** The period id it would start in, when placed. */
  readonly start?: string;
  /** Why it falls below the line, when it does. */
  readonly reason?: BelowReason;
  readonly reasonText?: string;
  /** Initiatives it pushes out of the plan, in the order the cut line places them. */
  readonly pushedOut: readonly PushedOut[];
  readonly delayed: readonly Delayed[];
  /** The whole result in words, for the gate checklist and the card. */
  readonly summary: string;
};

/** 1st, 2nd, 3rd, 4th, 11th, 21st. */
export function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  const suffix = n % 10 === 1 ? 'st' : n % 10 === 2 ? 'nd' : n % 10 === 3 ? 'rd' : 'th';
  return `${n}${suffix}`;
}

function promised(initiative: Initiative): boolean {
  return (
    initiative.status === 'active' ||
    initiative.status === 'done' ||
    initiative.status === 'approved'
  );
}

/** An id not used by any initiative: the proposal's own, marked, and numbered when taken. */
function candidateId(portfolio: Portfolio, proposal: Proposal): string {
  const taken = new Set(portfolio.initiatives.map((initiative) => initiative.id));
  const base = `proposal:${proposal.id}`;
  if (!taken.has(base)) return base;
  for (let suffix = 2; ; suffix += 1) {
    if (!taken.has(`${base}:${suffix}`)) return `${base}:${suffix}`;
  }
}

/** The portfolio without initiative `id` and without it in any ranking. */
function without(portfolio: Portfolio, id: string): Portfolio {
  return {
    ...portfolio,
    initiatives: portfolio.initiatives.filter((initiative) => initiative.id !== id),
    scenarios: portfolio.scenarios.map((scenario) => ({
      ...scenario,
      ranking: scenario.ranking.filter((ranked) => ranked !== id),
    })),
  };
}

/**
 * Where `proposal` would land in the plan of record if approved: its rank, whether it is above the
 * line (and where it starts) or below (and why), and what it pushes out or delays compared with
 * the cut line without it. A proposal already approved into an initiative of the portfolio
 * (`initiativeId`) is checked as that initiative, against the plan without it.
 */
export function capacityCheck(
  portfolio: Portfolio,
  proposal: Proposal,
  settings: Pick<IntakeSettings, 'sizes'>,
  options: CapacityCheckOptions = {},
): CapacityCheck {
  const existing =
    proposal.initiativeId !== undefined &&
    portfolio.initiatives.some((initiative) => initiative.id === proposal.initiativeId)
      ? proposal.initiativeId
      : undefined;
  const base = existing === undefined ? portfolio : without(portfolio, existing);
  const id = existing ?? candidateId(base, proposal);
  const { initiative } = candidateInitiative(proposal, settings, base, id);
  const demandSource = proposalDemand(proposal, settings).source;

  const scenario = planScenario(base, options.scenarioId);
  const order = stackOrder(base, options.scenarioId);
  const place = rankingPlace(base, initiative, order);
  const withIt: Portfolio = { ...base, initiatives: [...base.initiatives, initiative] };

  const before = computeCutLine(base, order);
  const after = computeCutLine(withIt, place.ranking);
  const line = lineOf(withIt, after, place.ranking);
  const own = after.byId.get(id);
  const landing: Landing = !own?.above ? 'below' : line.gap.includes(id) ? 'gap' : 'above';

  const byId = new Map(base.initiatives.map((item) => [item.id, item]));
  const periodIds = base.periods.map((period) => period.id);
  const pushedOut: PushedOut[] = [];
  const delayed: Delayed[] = [];
  for (const placement of after.placements) {
    const item = byId.get(placement.id);
    const was = before.byId.get(placement.id);
    if (item === undefined || !was?.above) continue;
    if (!placement.above) {
      pushedOut.push({
        id: item.id,
        name: item.name,
        status: item.status,
        promised: promised(item),
        startedIn: was.start,
        reason: placement.reason,
        reasonText: describeReason(placement.reason, withIt),
      });
    } else if (placement.startIndex > was.startIndex) {
      delayed.push({
        id: item.id,
        name: item.name,
        from: was.start,
        to: periodIds[placement.startIndex] ?? placement.start,
      });
    }
  }

  const reason = own && !own.above ? own.reason : undefined;
  const reasonText = reason ? describeReason(reason, withIt) : undefined;
  const start = own?.above ? own.start : undefined;
  return {
    candidateId: id,
    ...(scenario && { scenarioId: scenario.id, scenarioName: scenario.name }),
    rank: place.rank,
    competing: place.competing,
    ranking: place.ranking,
    demandSource,
    landing,
    ...(start !== undefined && { start }),
    ...(reason && { reason, reasonText }),
    pushedOut,
    delayed,
    summary: summarize(withIt, {
      scenarioName: scenario?.name,
      rank: place.rank,
      competing: place.competing,
      demandSource,
      landing,
      start,
      reasonText,
      pushedOut,
      delayed,
    }),
  };
}

type SummaryInput = {
  readonly scenarioName: string | undefined;
  readonly rank: number;
  readonly competing: number;
  readonly demandSource: DemandSource;
  readonly landing: Landing;
  readonly start: string | undefined;
  readonly reasonText: string | undefined;
  readonly pushedOut: readonly PushedOut[];
  readonly delayed: readonly Delayed[];
};

/**
 * "Ranked 9th of 41 competing in Baseline. Lands above the line, starting Q1 2027. Pushes out 2:
 * Customer 360 (proposed): Platform is 1 FTE short in Q2 2027; …".
 */
function summarize(portfolio: Portfolio, input: SummaryInput): string {
  const label = (id: string) => portfolio.periods.find((period) => period.id === id)?.label ?? id;
  const where = input.scenarioName === undefined ? '' : ` in ${input.scenarioName}`;
  const parts = [`Ranked ${ordinal(input.rank)} of ${input.competing} competing${where}.`];
  if (input.demandSource === 'none') {
    parts.push('It asks no team for capacity: it has no demand and no size with a template.');
  }
  if (input.landing === 'below') parts.push(`Falls below the line: ${input.reasonText ?? ''}.`);
  else {
    const start = input.start === undefined ? '' : `, starting ${label(input.start)}`;
    parts.push(
      input.landing === 'gap'
        ? `Lands behind the line but fits in a gap${start}.`
        : `Lands above the line${start}.`,
    );
  }
  if (input.pushedOut.length === 0) parts.push('Pushes nothing out of the plan.');
  else {
    const names = input.pushedOut.map(
      (item) => `${item.name} (${item.status}): ${item.reasonText}`,
    );
    parts.push(`Pushes out ${input.pushedOut.length}: ${names.join('; ')}.`);
  }
  if (input.delayed.length > 0) {
    const names = input.delayed.map(
      (item) => `${item.name} (${label(item.from)} → ${label(item.to)})`,
    );
    parts.push(`Delays ${input.delayed.length}: ${names.join('; ')}.`);
  }
  return parts.join(' ');
}
