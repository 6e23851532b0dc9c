/**
 * The cut line: places a ranked stack of initiatives one by one into the teams' capacity and the
 * budget, period by period, and says for each where it starts or why it does not fit. The same
 * engine serves the board, the `cutline` command and the tests; its rules are those of `cutline`
 * in the portfolio file's documentation.
 */
import { initiativeDuration } from '../portfolio/measures';
import type { Initiative, Period, Portfolio, Team } from '../portfolio/types';
import { shortfalls, type Room } from './shortfall';

/** Why an initiative ends below the line. */
export type BelowReason =
  | { readonly kind: 'forced-out' }
  /** An initiative it excludes, or that excludes it, is already above. */
  | { readonly kind: 'excluded'; readonly by: string }
  /** A prerequisite ended below the line. */
  | { readonly kind: 'needs'; readonly prerequisite: string }
  /** A team lacked `short` capacity in the period (at its earliest allowed start). */
  | {
      readonly kind: 'capacity';
      readonly team: string;
      readonly period: string;
      readonly short: number;
    }
  /** The budget lacked `short` in the period (at its earliest allowed start). */
  | { readonly kind: 'budget'; readonly period: string; readonly short: number }
  /** No period is allowed at all: the start window, its prerequisites or the horizon rule it out. */
  | {
      readonly kind: 'no-start';
      readonly cause: 'horizon' | 'latest-start' | 'fixed-start';
      /** The period the cause names: the last period, the latest start, or the fixed start. */
      readonly period: string;
    };

export type AbovePlacement = {
  readonly id: string;
  readonly above: true;
  /** Period id it starts in. */
  readonly start: string;
  /** Index of the start period in the portfolio's periods. */
  readonly startIndex: number;
  /** Index of its last active period. */
  readonly endIndex: number;
  /** Placed early because this initiative needed it (it was pulled up the stack). */
  readonly pulledBy?: string;
};

export type BelowPlacement = {
  readonly id: string;
  readonly above: false;
  readonly reason: BelowReason;
  readonly pulledBy?: string;
};

export type Placement = AbovePlacement | BelowPlacement;

export type CutLine = {
  /** Every initiative, in the order the engine placed them. */
  readonly placements: readonly Placement[];
  readonly byId: ReadonlyMap<string, Placement>;
  /** Capacity taken by the initiatives above the line: team id → amount per period index. */
  readonly usage: Readonly<Record<string, readonly number[]>>;
  /** Spend of the initiatives above the line, per period index. */
  readonly spend: readonly number[];
};

/** Amounts smaller than this are rounding noise, not a shortfall. */
const TOLERANCE = 1e-9;

/**
 * The order of a scenario's stack: the initiatives its ranking names, then the others in file
 * order. Without `scenarioId`, the first scenario; without scenarios, file order. Ranked ids that
 * name no initiative, and repeats, are skipped.
 */
export function stackOrder(portfolio: Portfolio, scenarioId?: string): string[] {
  const scenario =
    scenarioId === undefined
      ? portfolio.scenarios[0]
      : portfolio.scenarios.find((candidate) => candidate.id === scenarioId);
  const fileOrder = portfolio.initiatives.map((initiative) => initiative.id);
  const known = new Set(fileOrder);
  const seen = new Set<string>();
  const order: string[] = [];
  for (const ids of [scenario?.ranking ?? [], fileOrder]) {
    for (const id of ids) {
      if (!known.has(id) || seen.has(id)) continue;
      seen.add(id);
      order.push(id);
    }
  }
  return order;
}

/** The stack as the engine places it: forced-in initiatives first, each group in stack order. */
export function placementOrder(portfolio: Portfolio, order: readonly string[]): string[] {
  const forcedIn = new Set(
    portfolio.initiatives.filter((item) => item.forced === 'in').map((item) => item.id),
  );
  return [...order.filter((id) => forcedIn.has(id)), ...order.filter((id) => !forcedIn.has(id))];
}

type Prepared = {
  readonly initiative: Initiative;
  readonly duration: number;
  /** Indexes of the teams it needs, in file order. */
  readonly teams: readonly number[];
  /** Demand per active period, one list per entry of `teams`. */
  readonly demand: readonly (readonly number[])[];
  readonly spend: readonly number[];
};

/**
 * Places the initiatives of `order` (ids; initiatives it does not name follow in file order) and
 * returns where each starts or why it is below the line.
 */
export function computeCutLine(portfolio: Portfolio, order: readonly string[]): CutLine {
  const periods = portfolio.periods;
  const periodCount = periods.length;
  const periodIndex = new Map(periods.map((period, index) => [period.id, index]));
  const teams = portfolio.teams;
  const teamIndex = new Map(teams.map((team, index) => [team.id, index]));

  const remaining = new Float64Array(teams.length * periodCount);
  teams.forEach((team, t) => {
    periods.forEach((period, p) => {
      remaining[t * periodCount + p] = team.capacity[period.id] ?? 0;
    });
  });
  const budgetLeft = new Float64Array(periodCount);
  periods.forEach((period, p) => {
    budgetLeft[p] = portfolio.budget?.[period.id] ?? Number.POSITIVE_INFINITY;
  });
  const usage = teams.map(() => new Array<number>(periodCount).fill(0));
  const spendUsed = new Array<number>(periodCount).fill(0);

  const prepared = new Map<string, Prepared>();
  for (const initiative of portfolio.initiatives) {
    const demand = initiative.demand ?? {};
    const needed: number[] = [];
    for (const team of Object.keys(demand)) {
      const t = teamIndex.get(team);
      if (t !== undefined) needed.push(t);
    }
    // Teams in file order, so that the first blocking team never depends on key order.
    if (needed.length > 1) needed.sort((a, b) => a - b);
    prepared.set(initiative.id, {
      initiative,
      duration: Math.max(1, initiativeDuration(initiative)),
      teams: needed,
      demand: needed.map((t) => demand[(teams[t] as Team).id] as readonly number[]),
      spend: initiative.spend ?? [],
    });
  }

  const placements: Placement[] = [];
  const byId = new Map<string, Placement>();
  const inProgress = new Set<string>();

  /** Initiative id → an initiative above the line that excludes it. */
  const excludedByAbove = new Map<string, string>();
  const excludedBy = (initiative: Initiative): string | undefined => {
    for (const other of initiative.excludes ?? []) {
      if (byId.get(other)?.above) return other;
    }
    return excludedByAbove.get(initiative.id);
  };

  /** Whether every team's demand and the spend fit what is left, starting at `start`. */
  const fits = (item: Prepared, start: number): boolean => {
    for (let k = 0; k < item.duration; k += 1) {
      const p = start + k;
      for (let d = 0; d < item.teams.length; d += 1) {
        const need = (item.demand[d] as readonly number[])[k] ?? 0;
        if (need > (remaining[(item.teams[d] as number) * periodCount + p] as number) + TOLERANCE) {
          return false;
        }
      }
      if ((item.spend[k] ?? 0) > (budgetLeft[p] as number) + TOLERANCE) return false;
    }
    return true;
  };

  const room: Room = {
    capacity: (t, p) => remaining[t * periodCount + p] as number,
    budget: (p) => budgetLeft[p] as number,
    teamId: (t) => (teams[t] as Team).id,
    periodId: (p) => (periods[p] as Period).id,
  };

  const take = (item: Prepared, start: number) => {
    for (let k = 0; k < item.duration; k += 1) {
      const p = start + k;
      for (let d = 0; d < item.teams.length; d += 1) {
        const t = item.teams[d] as number;
        const need = (item.demand[d] as readonly number[])[k] ?? 0;
        remaining[t * periodCount + p] = (remaining[t * periodCount + p] as number) - need;
        (usage[t] as number[])[p] = ((usage[t] as number[])[p] as number) + need;
      }
      const cost = item.spend[k] ?? 0;
      budgetLeft[p] = (budgetLeft[p] as number) - cost;
      spendUsed[p] = (spendUsed[p] as number) + cost;
    }
  };

  const record = (placement: Placement) => {
    placements.push(placement);
    byId.set(placement.id, placement);
    return placement;
  };

  const place = (id: string, pulledBy?: string): Placement | undefined => {
    const done = byId.get(id);
    if (done) return done;
    const item = prepared.get(id);
    // A cycle cannot occur in a valid portfolio; refusing to recurse keeps a bad one finite.
    if (!item || inProgress.has(id)) return undefined;
    const { initiative } = item;
    const below = (reason: BelowReason) =>
      record(
        pulledBy === undefined
          ? { id, above: false, reason }
          : { id, above: false, reason, pulledBy },
      );

    if (initiative.forced === 'out') return below({ kind: 'forced-out' });
    const excluder = excludedBy(initiative);
    if (excluder !== undefined) return below({ kind: 'excluded', by: excluder });

    inProgress.add(id);
    let earliest = 0;
    let missing: string | undefined;
    for (const prerequisite of initiative.dependsOn ?? []) {
      const placed = place(prerequisite, id);
      if (!placed || !placed.above) {
        missing ??= prerequisite;
        continue;
      }
      earliest = Math.max(earliest, placed.endIndex + 1);
    }
    inProgress.delete(id);
    if (missing !== undefined) return below({ kind: 'needs', prerequisite: missing });
    // A prerequisite pulled up just now may itself exclude this one.
    const lateExcluder = excludedBy(initiative);
    if (lateExcluder !== undefined) return below({ kind: 'excluded', by: lateExcluder });

    const lastPeriod = periods[periodCount - 1]?.id ?? '';
    const fixed = initiative.start !== undefined ? periodIndex.get(initiative.start) : undefined;
    const earliestStart =
      initiative.earliestStart !== undefined
        ? periodIndex.get(initiative.earliestStart)
        : undefined;
    const latestStart =
      initiative.latestStart !== undefined ? periodIndex.get(initiative.latestStart) : undefined;
    let low = Math.max(earliest, earliestStart ?? 0);
    let high = Math.min(latestStart ?? periodCount - 1, periodCount - item.duration);
    if (fixed !== undefined) {
      if (fixed < low || fixed > high) {
        return below({ kind: 'no-start', cause: 'fixed-start', period: initiative.start ?? '' });
      }
      low = fixed;
      high = fixed;
    }
    if (low > high) {
      const beyondHorizon = low > periodCount - item.duration;
      return below({
        kind: 'no-start',
        cause: beyondHorizon ? 'horizon' : 'latest-start',
        period: beyondHorizon ? lastPeriod : (initiative.latestStart ?? lastPeriod),
      });
    }
    for (let start = low; start <= high; start += 1) {
      if (fits(item, start)) {
        take(item, start);
        for (const other of initiative.excludes ?? []) {
          if (!excludedByAbove.has(other)) excludedByAbove.set(other, id);
        }
        return record({
          id,
          above: true,
          start: (periods[start] as { id: string }).id,
          startIndex: start,
          endIndex: start + item.duration - 1,
          ...(pulledBy !== undefined && { pulledBy }),
        });
      }
    }
    return below(shortfalls(item, low, room, true)[0] as BelowReason);
  };

  const named = new Set(order);
  const full = [
    ...order.filter((id) => prepared.has(id)),
    ...portfolio.initiatives.map((item) => item.id).filter((id) => !named.has(id)),
  ];
  for (const id of placementOrder(portfolio, full)) place(id);

  return {
    placements,
    byId,
    usage: Object.fromEntries(teams.map((team, t) => [team.id, usage[t] as number[]])),
    spend: spendUsed,
  };
}

/** Cut line of a scenario's stack (the first scenario when `scenarioId` is undefined). */
export function scenarioCutLine(portfolio: Portfolio, scenarioId?: string): CutLine {
  return computeCutLine(portfolio, stackOrder(portfolio, scenarioId));
}

/** Up to two decimals, without trailing zeros, with thousands separators: 1.5, 40,000. */
export function formatAmount(amount: number): string {
  const rounded = Math.round(amount * 100) / 100;
  const [whole = '0', fraction] = Math.abs(rounded)
    .toFixed(2)
    .replace(/\.?0+$/, '')
    .split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${rounded < 0 ? '-' : ''}${grouped}${fraction ? `.${fraction}` : ''}`;
}

/** How a reason finds the names it shows: period labels, initiative and team names, by id. */
type Names = {
  readonly period: (id: string) => string;
  readonly initiative: (id: string) => string;
  readonly team: (id: string) => string;
};

function sentence(reason: BelowReason, portfolio: Portfolio, names: Names): string {
  switch (reason.kind) {
    case 'forced-out':
      return 'forced out';
    case 'excluded':
      return `excluded by ${names.initiative(reason.by)}`;
    case 'needs':
      return `needs ${names.initiative(reason.prerequisite)}, which is below the line`;
    case 'capacity': {
      const unit = portfolio.capacityUnit ? ` ${portfolio.capacityUnit}` : '';
      return `${names.team(reason.team)} is ${formatAmount(reason.short)}${unit} short in ${names.period(reason.period)}`;
    }
    case 'budget': {
      const currency = portfolio.currency ? ` ${portfolio.currency}` : '';
      return `the budget is ${formatAmount(reason.short)}${currency} short in ${names.period(reason.period)}`;
    }
    case 'no-start':
      switch (reason.cause) {
        case 'horizon':
          if (portfolio.periods.length === 0) return 'cannot finish: the portfolio has no periods';
          return `cannot finish by ${names.period(reason.period)}, the last period`;
        case 'latest-start':
          return `cannot start by its latest start, ${names.period(reason.period)}`;
        case 'fixed-start':
          return `cannot start at its fixed start, ${names.period(reason.period)}`;
      }
  }
}

/** The reason as a sentence a person understands: "Platform is 1.5 FTE short in Q2 2027". */
export function describeReason(reason: BelowReason, portfolio: Portfolio): string {
  const find = <T extends { readonly id: string }>(items: readonly T[], id: string) =>
    items.find((item) => item.id === id);
  return sentence(reason, portfolio, {
    period: (id) => find(portfolio.periods, id)?.label ?? id,
    initiative: (id) => find(portfolio.initiatives, id)?.name ?? id,
    team: (id) => find(portfolio.teams, id)?.name ?? id,
  });
}

/** Name lookups through maps built once, for describing many reasons of the same portfolio. */
function namesOf(portfolio: Portfolio): Names {
  const lookup = <T extends { readonly id: string }>(
    items: readonly T[],
    name: (item: T) => string,
  ) => {
    const byId = new Map<string, string>();
    // The first item with an id wins, as with `find`.
    for (const item of items) if (!byId.has(item.id)) byId.set(item.id, name(item));
    return (id: string) => byId.get(id) ?? id;
  };
  return {
    period: lookup(portfolio.periods, (period) => period.label),
    initiative: lookup(portfolio.initiatives, (initiative) => initiative.name),
    team: lookup(portfolio.teams, (team) => team.name),
  };
}

export type CutLineReport = {
  readonly above: readonly { readonly id: string; readonly start: string }[];
  readonly below: readonly { readonly id: string; readonly reason: string }[];
};

/** The `cutline` command's output: above and below, each in placement order. */
export function cutLineReport(portfolio: Portfolio, cutLine: CutLine): CutLineReport {
  const names = namesOf(portfolio);
  const above: { id: string; start: string }[] = [];
  const below: { id: string; reason: string }[] = [];
  for (const placement of cutLine.placements) {
    if (placement.above) above.push({ id: placement.id, start: placement.start });
    else below.push({ id: placement.id, reason: sentence(placement.reason, portfolio, names) });
  }
  return { above, below };
}
