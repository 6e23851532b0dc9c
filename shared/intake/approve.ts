/**
 * Approving a proposal: the initiative it becomes (status approved), with demand from its size
 * template or its explicit demand, and the place its priority gives it in the chosen scenario's
 * ranking. The same candidate initiative is what the capacity check plans.
 *
 * The link between the two: the proposal names its initiative in `initiativeId` (set when the
 * approval is stored, with `moveProposal`), and the initiative names its proposal in the key
 * `proposalId`, which an initiative keeps among its `extras` (a key the version 1 reader does not
 * know is kept and written back as it is, so the file shows `"proposalId": "…"` on the
 * initiative). `proposalIdOf` reads it back.
 */
import { initiativeDuration } from '../portfolio/measures';
import type { Initiative, Portfolio, Scenario } from '../portfolio/types';
import { stackOrder } from '../prioritize/cutline';
import { isPinned } from '../prioritize/status';
import { portfolioScorer } from '../strategy/scoring';
import type { IntakeSettings, Proposal, TShirtSize } from './types';

/** The initiative key that names the proposal it was approved from. */
export const PROPOSAL_LINK_KEY = 'proposalId';

/** The id of the proposal an initiative was approved from, if it was. */
export function proposalIdOf(initiative: Initiative): string | undefined {
  const id = initiative.extras?.[PROPOSAL_LINK_KEY];
  return typeof id === 'string' ? id : undefined;
}

/** Where a proposal's demand comes from. */
export type DemandSource = 'explicit' | 'size' | 'none';

/** What a proposal asks for once planned: per team and active period, and its cost. */
export type ProposalDemand = {
  readonly source: DemandSource;
  /** The t-shirt size whose template gave the demand (source `size`). */
  readonly size?: TShirtSize;
  readonly demand: Readonly<Record<string, readonly number[]>>;
  readonly spend: readonly number[];
  /** Active periods: the longest list, or the given duration when longer. */
  readonly duration: number;
};

function hasDemand(demand: Readonly<Record<string, readonly number[]>> | undefined): boolean {
  return demand !== undefined && Object.keys(demand).length > 0;
}

/**
 * The demand of a proposal: its explicit `demand` when it has any, else its size's template; no
 * demand when neither (no size, or a size without a template). Its cost is its own `spend`, else
 * the template's spend when its size has one. The duration is the longest of the lists, the
 * proposal's `duration` and the template's.
 */
export function proposalDemand(
  proposal: Proposal,
  settings: Pick<IntakeSettings, 'sizes'>,
): ProposalDemand {
  const template = proposal.size === undefined ? undefined : settings.sizes[proposal.size];
  const explicit = hasDemand(proposal.demand);
  const fromSize = !explicit && template !== undefined;
  const demand = explicit ? (proposal.demand ?? {}) : fromSize ? template.demand : {};
  const spend = proposal.spend ?? template?.spend ?? [];
  const duration = Math.max(
    initiativeDuration({ id: '', name: '', status: 'proposed', demand, spend }),
    proposal.duration ?? 0,
    fromSize ? template.duration : 0,
  );
  return {
    source: explicit ? 'explicit' : fromSize ? 'size' : 'none',
    ...(fromSize && proposal.size !== undefined && { size: proposal.size }),
    demand,
    spend,
    duration,
  };
}

/**
 * The description an approved initiative carries: the problem, the intended outcome, the
 * hypothesis and the sponsor, each part only when given.
 */
export function proposalDescription(proposal: Proposal): string {
  const parts: string[] = [];
  const problem = proposal.problem?.trim();
  if (problem) parts.push(problem);
  const outcome = proposal.outcome?.trim();
  if (outcome) parts.push(`Intended outcome: ${outcome}`);
  const hypothesis = proposal.hypothesis ?? {};
  const [believe, result, measure] = [
    hypothesis.believe,
    hypothesis.result,
    hypothesis.measure,
  ].map((part) => part?.trim() ?? '');
  if (believe || result || measure) {
    // "We believe <believe> will result in <result>, measured by <measure>.", as much as is given.
    const subject = believe ? `We believe ${believe}` : result ? 'It' : '';
    const outcomeClause = result ? ` will result in ${result}` : '';
    const measureClause = !measure
      ? ''
      : subject
        ? `, measured by ${measure}`
        : `Measured by ${measure}`;
    parts.push(`Hypothesis: ${subject}${outcomeClause}${measureClause}.`);
  }
  const sponsor = proposal.sponsor?.trim();
  if (sponsor) parts.push(`Sponsor: ${sponsor}`);
  return parts.join('\n\n');
}

/** The candidate and what had to be left out of it because the portfolio does not have it. */
export type Candidate = {
  readonly initiative: Initiative;
  /** Sentences naming each reference left out: "Depends on “Data lake”, which no longer exists". */
  readonly dropped: readonly string[];
};

/**
 * The initiative a proposal would become, with id `id`: status approved, named by its title, its
 * demand as `proposalDemand` gives it, its links, scores, start and relations, and its proposal
 * named under `proposalId`. References to objectives, teams, periods and initiatives the portfolio
 * does not have are left out (a portfolio must not refer to what it lacks) and named in `dropped`.
 */
export function candidateInitiative(
  proposal: Proposal,
  settings: Pick<IntakeSettings, 'sizes'>,
  portfolio: Portfolio,
  id: string,
): Candidate {
  const dropped: string[] = [];
  const objectiveIds = new Set(portfolio.objectives.map((objective) => objective.id));
  const teamIds = new Set(portfolio.teams.map((team) => team.id));
  const periodIds = new Set(portfolio.periods.map((period) => period.id));
  const initiativeIds = new Set(portfolio.initiatives.map((initiative) => initiative.id));

  const objectives = (proposal.objectives ?? []).filter((link) => {
    if (objectiveIds.has(link.id)) return true;
    dropped.push(`Its link to objective “${link.id}” is left out: the objective does not exist`);
    return false;
  });
  const planned = proposalDemand(proposal, settings);
  const demand: Record<string, readonly number[]> = {};
  for (const [team, list] of Object.entries(planned.demand)) {
    if (teamIds.has(team)) demand[team] = list;
    else dropped.push(`Its demand of team “${team}” is left out: the team does not exist`);
  }
  const related = (field: 'dependsOn' | 'excludes', words: string) =>
    (proposal[field] ?? []).filter((other) => {
      if (initiativeIds.has(other)) return true;
      dropped.push(`${words} “${other}” is left out: the initiative does not exist`);
      return false;
    });
  const dependsOn = related('dependsOn', 'Its dependency on');
  const excludes = related('excludes', 'Its exclusion of');
  let earliestStart = proposal.earliestStart;
  if (earliestStart !== undefined && !periodIds.has(earliestStart)) {
    dropped.push(`Its earliest start “${earliestStart}” is left out: the period does not exist`);
    earliestStart = undefined;
  }
  const description = proposalDescription(proposal);
  const owner = proposal.owner?.trim();
  const longest = initiativeDuration({
    id,
    name: '',
    status: 'approved',
    demand,
    spend: planned.spend,
  });

  const initiative: Initiative = {
    id,
    name: proposal.title,
    status: 'approved',
    ...(description && { description }),
    ...(owner && { owner }),
    ...(objectives.length > 0 && { objectives }),
    ...(proposal.scores && { scores: proposal.scores }),
    ...(Object.keys(demand).length > 0 && { demand }),
    ...(planned.spend.length > 0 && { spend: planned.spend }),
    // Only when the lists alone would say less: the template's or the proposal's own duration.
    ...(planned.duration > longest && { duration: planned.duration }),
    ...(earliestStart !== undefined && { earliestStart }),
    ...(dependsOn.length > 0 && { dependsOn }),
    ...(excludes.length > 0 && { excludes }),
    extras: { [PROPOSAL_LINK_KEY]: proposal.id },
  };
  return { initiative, dropped };
}

/** Where a new initiative goes in a stack. */
export type RankingPlace = {
  /** The stack with it inserted: every initiative, most important first. */
  readonly ranking: readonly string[];
  /** Its index in `ranking`. */
  readonly index: number;
  /** Its 1-based rank among the initiatives that compete (not committed, not forced in). */
  readonly rank: number;
  /** How many compete, itself included. */
  readonly competing: number;
};

/**
 * The place `initiative`'s priority gives it in `order` (a stack of `portfolio`'s initiatives, as
 * `stackOrder` gives it). Among the initiatives that compete for capacity (committed and forced-in
 * work is placed first whatever its rank), it comes after every one the model ranks at least as
 * high (higher priority, or equal priority and at least equal value, as "Rank by model" orders
 * them) and so takes the rank the model gives it, even in a stack the room has reordered by hand.
 * It goes in front of the competing initiative that holds that rank now; last when none does, or
 * when it has no priority.
 */
export function rankingPlace(
  portfolio: Portfolio,
  initiative: Initiative,
  order: readonly string[],
): RankingPlace {
  const { score } = portfolioScorer(portfolio);
  const byId = new Map(portfolio.initiatives.map((item) => [item.id, item]));
  const competing = order.filter((id) => {
    const item = byId.get(id);
    return item !== undefined && !isPinned(item);
  });
  const own = score(initiative);
  let ahead = competing.length;
  if (own.priority !== undefined) {
    const ownPriority = own.priority;
    ahead = competing.filter((id) => {
      const other = score(byId.get(id) as Initiative);
      if (other.priority === undefined) return false;
      if (other.priority !== ownPriority) return other.priority > ownPriority;
      return (other.value ?? 0) >= (own.value ?? 0);
    }).length;
  }
  const before = competing[ahead];
  const index = before === undefined ? order.length : order.indexOf(before);
  const ranking = [...order.slice(0, index), initiative.id, ...order.slice(index)];
  return { ranking, index, rank: ahead + 1, competing: competing.length + 1 };
}

/** What approving a proposal makes. */
export type Approval = Candidate & {
  /** The scenario whose ranking it joins: the one asked for, else the first; none without any. */
  readonly scenarioId?: string;
} & RankingPlace;

export type ApproveOptions = {
  /** The scenario of the plan of record; the first scenario when absent. */
  readonly scenarioId?: string;
};

/**
 * The initiative a proposal becomes when approved (status approved, id from `newId`), and its
 * place in the chosen scenario's ranking: the new ranking names every initiative in stack order
 * (those the scenario left unnamed keep the place they had, after the named ones), with the new
 * one where its priority puts it. The caller stores the initiative, the ranking, the decision and
 * the proposal moved to Approved with `initiativeId` set.
 */
export function proposalToInitiative(
  proposal: Proposal,
  settings: Pick<IntakeSettings, 'sizes'>,
  portfolio: Portfolio,
  newId: () => string,
  options: ApproveOptions = {},
): Approval {
  const candidate = candidateInitiative(proposal, settings, portfolio, newId());
  const scenario = planScenario(portfolio, options.scenarioId);
  const order = stackOrder(portfolio, options.scenarioId);
  const place = rankingPlace(portfolio, candidate.initiative, order);
  return { ...candidate, ...(scenario && { scenarioId: scenario.id }), ...place };
}

/**
 * The scenario of the plan of record: the one with `scenarioId`, else the first. Undefined when
 * the portfolio has none, or none with that id (the stack is then in file order, as `stackOrder`
 * gives it).
 */
export function planScenario(portfolio: Portfolio, scenarioId?: string): Scenario | undefined {
  return scenarioId === undefined
    ? portfolio.scenarios[0]
    : portfolio.scenarios.find((item) => item.id === scenarioId);
}
