/**
 * The cut line: places a ranked stack of initiatives one by one into the teams' capacity and the
 * budget, period by period, and says for each where it starts or why it does not fit. The same
 * engine serves the board, the `cutline` command and the tests; its rules are those of `cutline`
 * in the portfolio file's documentation.
 */
import { initiativeDuration } from '../portfolio/measures';
import type { Initiative, Period, Portfolio, Team } from '../portfolio/types';
import { shortfalls, type Room } from './shortfall';
import { isCancelled, isPinned } from './status';

/** Why an initiative ends below the line. */
export type BelowReason =
  /** Cancelled work is never planned. */
  | { readonly kind: 'cancelled' }
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

/**
 * The stack as the engine places it: committed and forced-in initiatives first (the pinned
 * group), then the rest, each group in stack order.
 */
export function placementOrder(portfolio: Portfolio, order: readonly string[]): string[] {
  const pinned = new Set(portfolio.initiatives.filter(isPinned).map((item) => item.id));
  return [...order.filter((id) => pinned.has(id)), ...order.filter((id) => !pinned.has(id))];
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

  const belowOf = (id: string, reason: BelowReason, pulledBy: string | undefined) =>
    record(
      pulledBy === undefined
        ? { id, above: false, reason }
        : { id, above: false, reason, pulledBy },
    );

  /** The rules that need no prerequisite placed: cancelled, forced out, excluded. */
  const ruledOut = (initiative: Initiative): BelowReason | undefined => {
    if (isCancelled(initiative)) return { kind: 'cancelled' };
    if (initiative.forced === 'out') return { kind: 'forced-out' };
    const excluder = excludedBy(initiative);
    return excluder !== undefined ? { kind: 'excluded', by: excluder } : undefined;
  };

  /** An initiative whose prerequisites are being placed. */
  type Frame = {
    readonly id: string;
    readonly item: Prepared;
    readonly pulledBy: string | undefined;
    /** Index of the next prerequisite to place. */
    next: number;
    /** Earliest start index its placed prerequisites allow. */
    earliest: number;
    /** The first prerequisite that ended below. */
    missing: string | undefined;
  };

  /** Places an initiative once its prerequisites are placed. */
  const finish = (frame: Frame): Placement => {
    const { id, item, pulledBy } = frame;
    const { initiative } = item;
    const below = (reason: BelowReason) => belowOf(id, reason, pulledBy);
    if (frame.missing !== undefined) return below({ kind: 'needs', prerequisite: frame.missing });
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
    let low = Math.max(frame.earliest, earliestStart ?? 0);
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

  /** Takes a prerequisite's placement into account for the initiative that needs it. */
  const settle = (frame: Frame, prerequisite: string, placed: Placement | undefined) => {
    if (!placed || !placed.above) frame.missing ??= prerequisite;
    else frame.earliest = Math.max(frame.earliest, placed.endIndex + 1);
  };

  /**
   * Places `rootId`, pulling its prerequisites up first. The walk keeps its own stack, so a chain
   * of thousands of prerequisites cannot overflow the call stack.
   */
  const place = (rootId: string): void => {
    const frames: Frame[] = [];
    /** Starts placing `id`: its placement when settled at once, else a frame to work through. */
    const open = (id: string, pulledBy: string | undefined): Placement | Frame | undefined => {
      const done = byId.get(id);
      if (done) return done;
      const item = prepared.get(id);
      // A cycle cannot occur in a valid portfolio; refusing to revisit keeps a bad one finite.
      if (!item || inProgress.has(id)) return undefined;
      const reason = ruledOut(item.initiative);
      if (reason) return belowOf(id, reason, pulledBy);
      inProgress.add(id);
      return { id, item, pulledBy, next: 0, earliest: 0, missing: undefined };
    };
    const first = open(rootId, undefined);
    if (first === undefined || !('item' in first)) return;
    frames.push(first);
    while (frames.length > 0) {
      const frame = frames[frames.length - 1] as Frame;
      const prerequisites = frame.item.initiative.dependsOn ?? [];
      if (frame.next < prerequisites.length) {
        const prerequisite = prerequisites[frame.next] as string;
        frame.next += 1;
        const opened = open(prerequisite, frame.id);
        if (opened !== undefined && 'item' in opened) {
          frames.push(opened);
          continue;
        }
        settle(frame, prerequisite, opened);
        continue;
      }
      frames.pop();
      inProgress.delete(frame.id);
      const placed = finish(frame);
      const parent = frames[frames.length - 1];
      if (parent) settle(parent, frame.id, placed);
    }
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

/** Why a card sits below by a decision rather than for want of room: it does not move the line. */
function outByDecision(placement: Placement): boolean {
  return (
    !placement.above &&
    (placement.reason.kind === 'cancelled' ||
      placement.reason.kind === 'forced-out' ||
      placement.reason.kind === 'excluded')
  );
}

/**
 * Where the line falls in a stack, in the one meaning the board, the pack and the CLI share. The
 * pinned group (committed and forced-in work) comes first; the line is drawn in front of the first
 * rankable card that does not fit (cards out by a decision — cancelled, forced out, or excluded
 * by a chosen alternative — do not move it). Cards after the line that still fit are funded in a
 * gap the cards above left, and counted apart.
 */
export type Line = {
  /** Committed and forced-in initiatives, in stack order: placed first. */
  readonly pinned: readonly string[];
  /** The rest, in stack order. */
  readonly rankable: readonly string[];
  /** Index in `rankable` of the first card that does not fit; `rankable.length` when all fit. */
  readonly lineIndex: number;
  /**
   * Placed: the pinned ones that fit, the rankable ones in front of the line, and the
   * prerequisites these pulled up.
   */
  readonly above: readonly string[];
  /** Placed although behind the line: funded in a gap. */
  readonly gap: readonly string[];
  /** Not placed, in board order (pinned first). */
  readonly below: readonly string[];
};

/** The line of a stack whose cut line is `cutLine` (`order` as given to `computeCutLine`). */
export function lineOf(portfolio: Portfolio, cutLine: CutLine, order: readonly string[]): Line {
  const known = new Set(portfolio.initiatives.map((item) => item.id));
  const named = new Set(order);
  const full = [
    ...order.filter((id) => known.has(id)),
    ...portfolio.initiatives.map((item) => item.id).filter((id) => !named.has(id)),
  ];
  const pinnedIds = new Set(portfolio.initiatives.filter(isPinned).map((item) => item.id));
  const pinned: string[] = [];
  const rankable: string[] = [];
  const seen = new Set<string>();
  for (const id of full) {
    if (seen.has(id)) continue;
    seen.add(id);
    (pinnedIds.has(id) ? pinned : rankable).push(id);
  }
  let lineIndex = rankable.findIndex((id) => {
    const placement = cutLine.byId.get(id);
    return placement !== undefined && !placement.above && !outByDecision(placement);
  });
  if (lineIndex < 0) lineIndex = rankable.length;
  const above: string[] = [];
  const gap: string[] = [];
  const below: string[] = [];
  for (const id of pinned) (cutLine.byId.get(id)?.above ? above : below).push(id);
  const position = new Map(rankable.map((id, index) => [id, index]));
  /** In front of the line, or pulled up (as a prerequisite) by work that is. */
  const fundedAbove = (id: string): boolean => {
    let current: string | undefined = id;
    // Each step follows who pulled it up; a chain is never longer than the stack.
    for (let step = 0; current !== undefined && step <= full.length; step += 1) {
      const index = position.get(current);
      if (index === undefined || index < lineIndex) return true;
      current = cutLine.byId.get(current)?.pulledBy;
    }
    return false;
  };
  for (const id of rankable) {
    if (!cutLine.byId.get(id)?.above) below.push(id);
    else if (fundedAbove(id)) above.push(id);
    else gap.push(id);
  }
  return { pinned, rankable, lineIndex, above, gap, below };
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
    case 'cancelled':
      return 'cancelled';
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
  /** Placed initiatives; `inGap` marks those funded in a gap behind the line. */
  readonly above: readonly { readonly id: string; readonly start: string; readonly inGap?: true }[];
  readonly below: readonly { readonly id: string; readonly reason: string }[];
};

/**
 * The `cutline` command's output: above and below, each in placement order. Given the stack's
 * `order`, the initiatives funded in a gap behind the line say so.
 */
export function cutLineReport(
  portfolio: Portfolio,
  cutLine: CutLine,
  order?: readonly string[],
): CutLineReport {
  const names = namesOf(portfolio);
  const gap = new Set(order === undefined ? [] : lineOf(portfolio, cutLine, order).gap);
  const above: { id: string; start: string; inGap?: true }[] = [];
  const below: { id: string; reason: string }[] = [];
  for (const placement of cutLine.placements) {
    if (placement.above) {
      above.push(
        gap.has(placement.id)
          ? { id: placement.id, start: placement.start, inGap: true }
          : { id: placement.id, start: placement.start },
      );
    } else below.push({ id: placement.id, reason: sentence(placement.reason, portfolio, names) });
  }
  return { above, below };
}
