/**
 * The strategic-fit gate: the PMO's rules, evaluated for one proposal, as a checklist. Each rule
 * passes, fails or does not apply, with a sentence that gives the numbers, and for a failure what
 * would make it pass. A proposal that fails a rule can still be approved, but only with an
 * explicit override and rationale (recorded with the gate decision, outside this module).
 */
import type { Initiative, Portfolio } from '../portfolio/types';
import { formatAmount, type BelowReason } from '../prioritize/cutline';
import { isPinned } from '../prioritize/status';
import { MODEL_NAMES, portfolioScorer } from '../strategy/scoring';
import { localWeights } from '../strategy/weights';
import { candidateInitiative, proposalDemand } from './approve';
import { capacityCheck, type CapacityCheck } from './capacity-check';
import { sizeAtLeast, type IntakeSettings, type Proposal } from './types';

export const GATE_RULES = [
  'objective-fit',
  'priority',
  'business-case',
  'exclusions',
  'capacity',
] as const;
export type GateRuleId = (typeof GATE_RULES)[number];

/** The checklist's names for the rules. */
export const GATE_RULE_TITLES: Readonly<Record<GateRuleId, string>> = {
  'objective-fit': 'Linked to an objective that matters',
  priority: 'Priority under the scoring model',
  'business-case': 'Business case',
  exclusions: 'No exclusion with committed work',
  capacity: 'Fits the plan of record',
};

/** What a failed rule lacks, for the one-line verdict: "Blocked: no business case; no room". */
export const GATE_RULE_FAILURES: Readonly<Record<GateRuleId, string>> = {
  'objective-fit': 'too little objective fit',
  priority: 'priority too low',
  'business-case': 'no business case',
  exclusions: 'excludes committed work',
  capacity: 'does not fit the plan of record',
};

export type GateOutcome = 'passed' | 'failed' | 'not-applicable';

/** One line of the checklist. */
export type GateItem = {
  readonly rule: GateRuleId;
  readonly title: string;
  readonly outcome: GateOutcome;
  /** Why, in words with the numbers. */
  readonly why: string;
  /** For a failure: what would make it pass. */
  readonly fix?: string;
};

export type GateResult = {
  /** One item per rule, in the order of `GATE_RULES`. */
  readonly items: readonly GateItem[];
  /** No rule failed. */
  readonly passed: boolean;
  /** The rules that failed, in checklist order. */
  readonly failed: readonly GateRuleId[];
  /** The capacity check's full result, when the rule is on. */
  readonly capacity?: CapacityCheck;
  /** One line for a card: "Passes the gate" or "Blocked: objective fit, capacity". */
  readonly headline: string;
};

export type GateOptions = {
  /** The scenario of the plan of record, for the capacity check; the first when absent. */
  readonly scenarioId?: string;
};

/** A share as a percentage with one decimal: 0.1858 → "18.6 %". */
function percent(share: number): string {
  return `${formatAmount(Math.round(share * 1000) / 10)} %`;
}

/** A fit figure (global weight × contribution) with two decimals: "0.54", "0.30". */
function fitFigure(value: number): string {
  return value.toFixed(2);
}

/** Comparisons forgive rounding noise: a figure equal to its minimum passes. */
const TOLERANCE = 1e-9;

function list(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

type Context = {
  readonly portfolio: Portfolio;
  readonly proposal: Proposal;
  readonly settings: IntakeSettings;
  readonly candidate: Initiative;
};

function switchedOff(rule: GateRuleId): GateItem {
  return {
    rule,
    title: GATE_RULE_TITLES[rule],
    outcome: 'not-applicable',
    why: 'Switched off in the intake settings.',
  };
}

function item(rule: GateRuleId, outcome: GateOutcome, why: string, fix?: string): GateItem {
  return {
    rule,
    title: GATE_RULE_TITLES[rule],
    outcome,
    why,
    ...(fix !== undefined && { fix }),
  };
}

/**
 * Objective fit: the best link, global weight × contribution, against the minimum. Links to
 * objectives the portfolio lacks count nothing. Not applicable when the portfolio has no
 * objectives: there is nothing to link to.
 */
function objectiveFit({ portfolio, proposal, settings }: Context): GateItem {
  const rule = settings.gate.objectiveFit;
  if (!rule.enabled) return switchedOff('objective-fit');
  if (portfolio.objectives.length === 0) {
    return item(
      'objective-fit',
      'not-applicable',
      'The portfolio has no objectives yet: there is nothing to link to.',
    );
  }
  const weights = localWeights(portfolio).objectives;
  const names = new Map(portfolio.objectives.map((objective) => [objective.id, objective.name]));
  const minimum = rule.minimum;
  const asks = `the gate asks at least ${fitFigure(minimum)}`;
  let best: { id: string; weight: number; contribution: number; fit: number } | undefined;
  for (const link of proposal.objectives ?? []) {
    const weight = weights.get(link.id)?.global;
    if (weight === undefined || !(link.contribution > 0)) continue;
    const fit = weight * link.contribution;
    if (!best || fit > best.fit)
      best = { id: link.id, weight, contribution: link.contribution, fit };
  }
  const strongFrom = percent(minimum / 3);
  const mediumFrom = percent(minimum / 2);
  const linkAdvice = `Link it to an objective it serves: a strong contribution (3) to one of at least ${strongFrom} global weight passes, or a medium one (2) to one of at least ${mediumFrom}.`;
  if (!best) {
    return item(
      'objective-fit',
      'failed',
      `Not linked to any objective; ${asks} (global weight × contribution).`,
      linkAdvice,
    );
  }
  const name = names.get(best.id) ?? best.id;
  const figures = `${name} (global weight ${percent(best.weight)} × contribution ${best.contribution} = ${fitFigure(best.fit)})`;
  if (best.fit + TOLERANCE >= minimum) {
    return item('objective-fit', 'passed', `Linked to ${figures}; ${asks}.`);
  }
  const needed = Math.ceil(minimum / best.weight - TOLERANCE);
  const fix =
    needed <= 3
      ? `A contribution of ${needed} to ${name} would give ${fitFigure(best.weight * needed)}, if it truly contributes that much. Otherwise: ${linkAdvice.charAt(0).toLowerCase()}${linkAdvice.slice(1)}`
      : linkAdvice;
  return item('objective-fit', 'failed', `Its strongest link is to ${figures}; ${asks}.`, fix);
}

/**
 * Priority (or value) under the active scoring model against the minimum set for that model. Not
 * applicable without a model or without a minimum for it.
 */
function priority({ portfolio, settings, candidate }: Context): GateItem {
  const rule = settings.gate.priority;
  if (!rule.enabled) return switchedOff('priority');
  const scoring = portfolio.scoring;
  if (!scoring) {
    return item(
      'priority',
      'not-applicable',
      'The portfolio has no scoring model, so there is no priority to check.',
    );
  }
  const model = MODEL_NAMES[scoring.model];
  const minimum = rule.minimum[scoring.model];
  if (minimum === undefined) {
    return item(
      'priority',
      'not-applicable',
      `No minimum ${rule.basis} is set for ${model}, the active model, in the intake settings.`,
    );
  }
  const score = portfolioScorer(portfolio).score(candidate);
  const figure = rule.basis === 'priority' ? score.priority : score.value;
  const asks = `the gate asks at least ${formatAmount(minimum)}`;
  if (figure === undefined) {
    const missing =
      score.missing.length > 0
        ? `${list(score.missing)} ${score.missing.length === 1 ? 'is' : 'are'} not scored`
        : (score.noPriority ?? 'the model gives no figure');
    return item(
      'priority',
      'failed',
      `It has no ${rule.basis} under ${model} yet: ${missing}; ${asks}.`,
      score.missing.length > 0
        ? `Score ${list(score.missing)}.`
        : 'Give the model scores it can divide by (above 0).',
    );
  }
  const shown = `${rule.basis === 'priority' ? 'Priority' : 'Value'} ${formatAmount(figure)} under ${model}; ${asks}`;
  if (figure + TOLERANCE >= minimum) return item('priority', 'passed', `${shown}.`);
  const scored = score.breakdown
    .filter((part) => part.score !== undefined)
    .map((part) => `${part.name} ${formatAmount(part.score as number)}`);
  return item(
    'priority',
    'failed',
    `${shown}.`,
    `It needs ${formatAmount(minimum - figure)} more to pass. Revisit its scores (${scored.join(', ')}) where the evidence supports a higher one; otherwise it does not earn its place yet.`,
  );
}

/** Whether the proposal has a business case: written, or attached under a label that says so. */
function hasBusinessCase(proposal: Proposal): boolean {
  if (proposal.businessCase?.trim()) return true;
  return (proposal.attachments ?? []).some((attachment) => /business case/i.test(attachment.label));
}

/**
 * Business case: required from a size up or from a total cost up. A proposal sized by explicit
 * demand instead of a t-shirt counts as at least the threshold size when its total effort reaches
 * that size's template's.
 */
function businessCase({ portfolio, proposal, settings }: Context): GateItem {
  const rule = settings.gate.businessCase;
  if (!rule.enabled) return switchedOff('business-case');
  const planned = proposalDemand(proposal, settings);
  const cost = planned.spend.reduce((sum, amount) => sum + amount, 0);
  const effortOf = (demand: Readonly<Record<string, readonly number[]>>) =>
    Object.values(demand).reduce(
      (sum, amounts) => sum + amounts.reduce((inner, amount) => inner + amount, 0),
      0,
    );
  const threshold = rule.fromSize;
  const template = threshold === undefined ? undefined : settings.sizes[threshold];
  const unit = portfolio.capacityUnit ? ` ${portfolio.capacityUnit}` : '';
  const currency = portfolio.currency ? ` ${portfolio.currency}` : '';
  const reasons: string[] = [];
  if (threshold !== undefined) {
    if (proposal.size !== undefined && sizeAtLeast(proposal.size, threshold)) {
      reasons.push(`its size, ${proposal.size}, is ${threshold} or larger`);
    } else if (proposal.size === undefined && planned.source === 'explicit' && template) {
      const effort = effortOf(planned.demand);
      const limit = effortOf(template.demand);
      if (effort + TOLERANCE >= limit && limit > 0) {
        reasons.push(
          `its demand, ${formatAmount(effort)}${unit} in all, is as large as size ${threshold} (${formatAmount(limit)}${unit})`,
        );
      }
    }
  }
  if (rule.fromCost !== undefined && cost + TOLERANCE >= rule.fromCost) {
    reasons.push(
      `its cost, ${formatAmount(cost)}${currency}, is at least ${formatAmount(rule.fromCost)}${currency}`,
    );
  }
  if (reasons.length === 0) {
    const limits = [
      threshold !== undefined && `from size ${threshold} up`,
      rule.fromCost !== undefined && `from a cost of ${formatAmount(rule.fromCost)}${currency} up`,
    ].filter((text): text is string => typeof text === 'string');
    const own = [
      proposal.size !== undefined ? `size ${proposal.size}` : 'no t-shirt size',
      `a cost of ${formatAmount(cost)}${currency}`,
    ];
    return item(
      'business-case',
      'not-applicable',
      limits.length === 0
        ? 'No size or cost limit is set, so no business case is asked.'
        : `A business case is asked ${limits.join(' or ')}; this one has ${own.join(' and ')}.`,
    );
  }
  const required = `A business case is required: ${list(reasons)}`;
  if (hasBusinessCase(proposal))
    return item('business-case', 'passed', `${required}, and it has one.`);
  return item(
    'business-case',
    'failed',
    `${required}, and it has none.`,
    'Write the business case, or attach it by link under a label such as “Business case”.',
  );
}

/**
 * No exclusion with committed work: the proposal must not exclude an initiative that is committed
 * (active or done) or forced in, nor be excluded by one (once it has an initiative). Such work is
 * placed first, so the proposal could never be planned.
 */
function exclusions({ portfolio, proposal, settings }: Context): GateItem {
  if (!settings.gate.exclusions.enabled) return switchedOff('exclusions');
  const byId = new Map(portfolio.initiatives.map((initiative) => [initiative.id, initiative]));
  const conflicts = new Map<string, Initiative>();
  for (const id of proposal.excludes ?? []) {
    const other = byId.get(id);
    if (other && isPinned(other)) conflicts.set(other.id, other);
  }
  const own = proposal.initiativeId;
  if (own !== undefined) {
    for (const other of portfolio.initiatives) {
      if (other.id !== own && isPinned(other) && other.excludes?.includes(own)) {
        conflicts.set(other.id, other);
      }
    }
  }
  if (conflicts.size === 0) {
    return item(
      'exclusions',
      'passed',
      (proposal.excludes ?? []).length === 0
        ? 'It excludes no other work.'
        : 'It excludes no committed or forced-in work.',
    );
  }
  const named = [...conflicts.values()].map(
    (other) => `${other.name} (${other.forced === 'in' ? 'forced in' : other.status})`,
  );
  return item(
    'exclusions',
    'failed',
    `It cannot be done together with ${list(named)}, work the plan holds first: it could never be planned.`,
    `Drop the exclusion, or first record a stop decision for ${list([...conflicts.values()].map((other) => other.name))} (forced out).`,
  );
}

/** What would bring a proposal that falls below the line into the plan, by the reason. */
function landingFix(reason: BelowReason | undefined, portfolio: Portfolio): string {
  const period = (id: string) => portfolio.periods.find((item) => item.id === id)?.label ?? id;
  const name = (id: string) => portfolio.initiatives.find((item) => item.id === id)?.name ?? id;
  switch (reason?.kind) {
    case 'capacity': {
      const team = portfolio.teams.find((item) => item.id === reason.team)?.name ?? reason.team;
      const unit = portfolio.capacityUnit ? ` ${portfolio.capacityUnit}` : '';
      return `${team} needs ${formatAmount(reason.short)}${unit} more in ${period(reason.period)} where it ranks: a smaller size, a later earliest start, or more capacity for ${team}.`;
    }
    case 'budget': {
      const currency = portfolio.currency ? ` ${portfolio.currency}` : '';
      return `The budget needs ${formatAmount(reason.short)}${currency} more in ${period(reason.period)}: a lower cost, a later earliest start, or a larger budget.`;
    }
    case 'needs':
      return `Its prerequisite ${name(reason.prerequisite)} is below the line: it must come into the plan first.`;
    case 'excluded':
      return `${name(reason.by)} is in the plan and they exclude each other: drop the exclusion, or choose between them.`;
    case 'no-start':
      return `It cannot finish by ${period(reason.period)}: a shorter duration, an earlier start, or a longer plan.`;
    default:
      return 'Change what it asks for, or make room in the plan.';
  }
}

/**
 * Capacity: it must land in the plan (above the line or in a gap) without pushing committed or
 * approved work out. Pushing out proposed work is reported but does not fail: that is what
 * ranking is for. A proposal with nothing to plan (no demand, no size with a template) fails.
 */
function capacity(
  { portfolio, proposal, settings }: Context,
  options: GateOptions,
): { item: GateItem; check?: CapacityCheck } {
  if (!settings.gate.capacity.enabled) return { item: switchedOff('capacity') };
  const check = capacityCheck(portfolio, proposal, settings, options);
  if (check.demandSource === 'none') {
    const fix =
      proposal.size === undefined
        ? 'Give it a t-shirt size, or demand per team.'
        : `Give it demand per team, or have the PMO set a demand template for size ${proposal.size} in the intake settings.`;
    return {
      item: item(
        'capacity',
        'failed',
        `Nothing to plan: it asks no team for capacity. ${check.summary}`,
        fix,
      ),
      check,
    };
  }
  if (check.landing === 'below') {
    return {
      item: item('capacity', 'failed', check.summary, landingFix(check.reason, portfolio)),
      check,
    };
  }
  const promised = check.pushedOut.filter((out) => out.promised);
  if (promised.length > 0) {
    const names = promised.map((out) => out.name);
    return {
      item: item(
        'capacity',
        'failed',
        check.summary,
        `It would take promised work out of the plan (${list(names)}). Approve it only with a decision that takes ${promised.length === 1 ? 'it' : 'them'} out, or rank it below ${promised.length === 1 ? 'it' : 'them'} and let it wait for room.`,
      ),
      check,
    };
  }
  return { item: item('capacity', 'passed', check.summary), check };
}

/**
 * Evaluates the strategic-fit gate for `proposal` against `portfolio` (the plan of record, its
 * strategy and scoring model) and the PMO's `settings`: one checklist item per rule, in the order
 * of `GATE_RULES`. The rules:
 *
 * - **objective fit**: its best link, the objective's global weight × the contribution, is at
 *   least the minimum;
 * - **priority**: its priority (or value) under the active scoring model is at least the minimum
 *   set for that model;
 * - **business case**: from the size or the cost set, it has a business case;
 * - **exclusions**: it excludes no committed or forced-in work;
 * - **capacity**: approved now, it lands in the plan without pushing committed or approved work
 *   out (`capacityCheck`).
 */
export function evaluateGate(
  portfolio: Portfolio,
  proposal: Proposal,
  settings: IntakeSettings,
  options: GateOptions = {},
): GateResult {
  const { initiative } = candidateInitiative(
    proposal,
    settings,
    portfolio,
    proposal.initiativeId ?? `proposal:${proposal.id}`,
  );
  const context: Context = { portfolio, proposal, settings, candidate: initiative };
  const capacityResult = capacity(context, options);
  const items = [
    objectiveFit(context),
    priority(context),
    businessCase(context),
    exclusions(context),
    capacityResult.item,
  ];
  const failed = items.filter((entry) => entry.outcome === 'failed').map((entry) => entry.rule);
  return {
    items,
    passed: failed.length === 0,
    failed,
    ...(capacityResult.check && { capacity: capacityResult.check }),
    headline:
      failed.length === 0
        ? 'Passes the gate'
        : `Blocked: ${failed.map((rule) => GATE_RULE_FAILURES[rule]).join('; ')}`,
  };
}
