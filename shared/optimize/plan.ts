/**
 * A solved plan in the portfolio's words: which initiatives start when, what they use, and for
 * each one left out, why (the rule or the team and period that keep it out of this plan).
 */
import type { Portfolio, Team } from '../portfolio/types';
import { describeReason, formatAmount, type BelowReason } from '../prioritize/cutline';
import { shortfalls } from '../prioritize/shortfall';
import { TOLERANCE, type BlockedReason, type ModelItem, type PortfolioModel } from './model';

export type PlannedStart = {
  readonly id: string;
  readonly start: string;
  readonly startIndex: number;
  readonly endIndex: number;
};

/** Why an initiative is out of a plan. */
export type OutReason =
  | BlockedReason
  /** An initiative it excludes (or that excludes it) is in the plan. */
  | { readonly kind: 'excludes'; readonly other: string }
  /** A prerequisite is out of the plan. */
  | { readonly kind: 'needs-out'; readonly prerequisite: string }
  /** Adding it would break the total-spend cap. */
  | { readonly kind: 'total-budget-left'; readonly short: number }
  /** Its prerequisites finish, in this plan, after its last allowed start. */
  | { readonly kind: 'late-prerequisite'; readonly prerequisite: string }
  /** It has no value to add. */
  | { readonly kind: 'no-value' }
  /** It would fit: the search stopped before it was chosen. */
  | { readonly kind: 'would-fit'; readonly start: string };

export type Rejection = { readonly id: string; readonly reason: OutReason };

export type PlanFigures = {
  readonly selected: readonly PlannedStart[];
  readonly rejected: readonly Rejection[];
  /** Team id → capacity used per period index. */
  readonly usage: Readonly<Record<string, readonly number[]>>;
  /** Spend per period index. */
  readonly spend: readonly number[];
  readonly value: number;
};

/** Capacity and spend a set of starts takes. */
export function loadOf(
  model: PortfolioModel,
  teamCount: number,
  starts: ReadonlyMap<number, number>,
): { usage: Float64Array; spend: Float64Array } {
  const periods = model.periodCount;
  const usage = new Float64Array(teamCount * periods);
  const spend = new Float64Array(periods);
  for (const [index, start] of starts) {
    const item = model.items[index] as ModelItem;
    for (let k = 0; k < item.duration; k += 1) {
      const p = start + k;
      item.teams.forEach((t, d) => {
        usage[t * periods + p] =
          (usage[t * periods + p] as number) + ((item.demand[d] as readonly number[])[k] ?? 0);
      });
      spend[p] = (spend[p] as number) + (item.spend[k] ?? 0);
    }
  }
  return { usage, spend };
}

/** Every shortfall of starting `item` at `start` on top of the plan's load, earliest first. */
export function shortfallsAt(
  model: PortfolioModel,
  portfolio: Portfolio,
  load: { usage: Float64Array; spend: Float64Array },
  item: ModelItem,
  start: number,
): BelowReason[] {
  const periods = model.periodCount;
  return shortfalls(item, start, {
    capacity: (t, p) =>
      (model.capacity[t * periods + p] as number) - (load.usage[t * periods + p] as number),
    budget: (p) => (model.budget[p] as number) - (load.spend[p] as number),
    teamId: (t) => (portfolio.teams[t] as Team).id,
    periodId: (p) => portfolio.periods[p]?.id ?? '',
  });
}

/** Starts of `item` that the plan's prerequisites allow (they finish before). */
export function startsAfterPrerequisites(
  model: PortfolioModel,
  starts: ReadonlyMap<number, number>,
  item: ModelItem,
): number[] {
  let earliest = 0;
  for (const prerequisite of item.dependsOn) {
    const start = starts.get(prerequisite);
    if (start === undefined) return [];
    earliest = Math.max(earliest, start + (model.items[prerequisite] as ModelItem).duration);
  }
  return item.starts.filter((start) => start >= earliest);
}

function reasonOut(
  model: PortfolioModel,
  portfolio: Portfolio,
  starts: ReadonlyMap<number, number>,
  load: { usage: Float64Array; spend: Float64Array },
  spent: number,
  index: number,
  excludedBy: ReadonlyMap<number, number>,
): OutReason {
  const item = model.items[index] as ModelItem;
  if (item.blocked) return item.blocked;
  for (const other of item.excludes) {
    if (starts.has(other)) return { kind: 'excludes', other: (model.items[other] as ModelItem).id };
  }
  const excluder = excludedBy.get(index);
  if (excluder !== undefined) {
    return { kind: 'excludes', other: (model.items[excluder] as ModelItem).id };
  }
  for (const prerequisite of item.dependsOn) {
    if (!starts.has(prerequisite)) {
      return { kind: 'needs-out', prerequisite: (model.items[prerequisite] as ModelItem).id };
    }
  }
  const allowed = startsAfterPrerequisites(model, starts, item);
  if (allowed.length === 0) {
    // The prerequisite that finishes last in the plan is the one that leaves no start.
    let latest = item.dependsOn[0] as number;
    for (const prerequisite of item.dependsOn) {
      const finish =
        (starts.get(prerequisite) as number) + (model.items[prerequisite] as ModelItem).duration;
      const known = (starts.get(latest) as number) + (model.items[latest] as ModelItem).duration;
      if (finish > known) latest = prerequisite;
    }
    return { kind: 'late-prerequisite', prerequisite: (model.items[latest] as ModelItem).id };
  }
  let first: BelowReason | undefined;
  for (const start of allowed) {
    const shortfall = shortfallsAt(model, portfolio, load, item, start)[0];
    if (!shortfall) {
      if (spent + item.totalSpend > model.totalSpendCap + TOLERANCE) {
        return { kind: 'total-budget-left', short: spent + item.totalSpend - model.totalSpendCap };
      }
      if (item.value <= 0) return { kind: 'no-value' };
      return { kind: 'would-fit', start: portfolio.periods[start]?.id ?? '' };
    }
    first ??= shortfall;
  }
  return first as BelowReason;
}

/** The plan of `starts` (item index → start period index) in the portfolio's words. */
export function describePlan(
  model: PortfolioModel,
  portfolio: Portfolio,
  starts: ReadonlyMap<number, number>,
): PlanFigures {
  const load = loadOf(model, portfolio.teams.length, starts);
  let spent = 0;
  let value = 0;
  for (const index of starts.keys()) {
    const item = model.items[index] as ModelItem;
    spent += item.totalSpend;
    value += item.value;
  }
  const selected: PlannedStart[] = [...starts]
    .sort(([a, startA], [b, startB]) => startA - startB || a - b)
    .map(([index, start]) => {
      const item = model.items[index] as ModelItem;
      return {
        id: item.id,
        start: portfolio.periods[start]?.id ?? '',
        startIndex: start,
        endIndex: start + item.duration - 1,
      };
    });
  // Which chosen initiative excludes each item (the first in plan order, as before).
  const excludedBy = new Map<number, number>();
  for (const [chosen] of starts) {
    for (const other of (model.items[chosen] as ModelItem).excludes) {
      if (!excludedBy.has(other)) excludedBy.set(other, chosen);
    }
  }
  const rejected: Rejection[] = [];
  model.items.forEach((item, index) => {
    if (!starts.has(index)) {
      rejected.push({
        id: item.id,
        reason: reasonOut(model, portfolio, starts, load, spent, index, excludedBy),
      });
    }
  });
  const periods = model.periodCount;
  return {
    selected,
    rejected,
    usage: Object.fromEntries(
      portfolio.teams.map((team, t) => [
        team.id,
        Array.from(load.usage.subarray(t * periods, (t + 1) * periods)),
      ]),
    ),
    spend: Array.from(load.spend),
    value,
  };
}

/** The reason as a sentence: "Platform is 1.5 FTE short in Q2 2027", "excludes CRM: buy SaaS". */
export function describeOutReason(reason: OutReason, portfolio: Portfolio): string {
  const name = (id: string) => portfolio.initiatives.find((item) => item.id === id)?.name ?? id;
  const period = (id: string) => portfolio.periods.find((item) => item.id === id)?.label ?? id;
  const currency = portfolio.currency ? ` ${portfolio.currency}` : '';
  switch (reason.kind) {
    case 'excludes':
      return `excludes ${name(reason.other)}, which is in the plan`;
    case 'needs-out':
      return `needs ${name(reason.prerequisite)}, which is not in the plan`;
    case 'needs':
      return `needs ${name(reason.prerequisite)}, which cannot be done`;
    case 'total-budget':
      return `its spend of ${formatAmount(reason.spend)}${currency} is more than the total budget of ${formatAmount(reason.cap)}${currency}`;
    case 'total-budget-left':
      return `the total budget is ${formatAmount(reason.short)}${currency} short`;
    case 'late-prerequisite':
      return `needs ${name(reason.prerequisite)} to finish first, which in this plan is too late`;
    case 'no-value':
      return 'adds no value';
    case 'would-fit':
      return `would fit from ${period(reason.start)}: the search stopped before choosing it`;
    default:
      return describeReason(reason, portfolio);
  }
}
