/**
 * Optimize: the plan of highest total value that keeps every rule of the portfolio (capacity,
 * budget, dependencies, exclusions, forced items, fixed starts, windows, horizon), found by HiGHS
 * from a good first plan, with the proven bound, and the reasons for what is left out.
 */
import type { Highs } from 'highs';
import type { Portfolio } from '../portfolio/types';
import { computeCutLine, describeReason, stackOrder } from '../prioritize/cutline';
import { isCommitted } from '../prioritize/status';
import {
  buildModel,
  columnsFor,
  openItemCount,
  startsIn,
  type Adjustments,
  type ModelItem,
  type PortfolioModel,
} from './model';
import {
  describePlan,
  loadOf,
  shortfallsAt,
  startsAfterPrerequisites,
  type PlanFigures,
} from './plan';
import {
  ABSOLUTE_GAP,
  relativeGap,
  solveModel,
  type SolveProgress,
  type SolveStatus,
} from './solve';
import { searchNeighbourhoods } from './neighbourhood';
import { seededRandom } from './random';
import { adjustedPortfolio, bestStartPlan, improveRanking, keepsEveryRow } from './start-plans';

export type OptimizeSettings = {
  /** Whose ranking gives the first plan (the first scenario when undefined). */
  readonly scenarioId?: string;
  /** Seconds for the whole run. */
  readonly timeLimit?: number;
  /** Stop at this certified gap (0: prove optimality). */
  readonly relativeGap?: number;
  readonly adjustments?: Adjustments;
  /** Clock in seconds. */
  readonly now?: () => number;
  /** Random numbers in [0, 1), for the ranking search. */
  readonly random?: () => number;
  readonly shouldStop?: () => boolean;
  /** Progress, with the plan each time a better one is found. */
  readonly onProgress?: (progress: OptimizeProgress) => void;
  /** Skip the ranking search (for many small solves, as in the frontier). */
  readonly quick?: boolean;
  /**
   * Which of several differently seeded searches this is (0, the default, or 1, 2, …): runs
   * side by side with different seeds find different plans, and the best of them is kept.
   */
  readonly seed?: number;
  /** The time split between the phases, for benchmarks and experiments (defaults are tuned). */
  readonly tuning?: OptimizeTuning;
};

/** Shares of the time limit for each phase (the rest goes to the solver). */
export type OptimizeTuning = {
  /** Time for the LP relaxation (a start plan and the first bound), counted from the start. */
  readonly relaxationShare?: number;
  /** Time for the ranking search after the start plans: this share, at most `rankingCap` s. */
  readonly rankingShare?: number;
  readonly rankingCap?: number;
  /** Share of the time left for the neighbourhood search before the solver's own search. */
  readonly neighbourhoodShare?: number;
  readonly neighbourhoodCap?: number;
  /** Seconds one neighbourhood round may take at most. */
  readonly roundSeconds?: number;
  /** Seconds kept for what follows the solve (figures, reasons, ranking). */
  readonly reserve?: number;
  /** Further HiGHS options for the solver's search. */
  readonly solverOptions?: Readonly<Record<string, boolean | number | string>>;
};

export type OptimizeProgress = SolveProgress & {
  /** The best plan so far, when it just changed: each chosen initiative and its start. */
  readonly plan?: readonly StartEntry[];
};

export type Conflict = {
  /** The forced-in initiatives that cannot all be done. */
  readonly forced: readonly string[];
  /** Why, in a sentence. */
  readonly message: string;
};

export type OptimizeResult = PlanFigures & {
  readonly status: SolveStatus;
  readonly objective: number;
  /** Proven upper bound on the value (Infinity when none was proven). */
  readonly bound: number;
  readonly gap: number;
  readonly elapsed: number;
  readonly stopped: boolean;
  /**
   * A ranking whose cut line is this plan (selected by start, then the rest), for "apply as a new
   * scenario"; `rankingKeepsPlan` says whether the board's cut line of it holds every selection.
   */
  readonly ranking: readonly string[];
  readonly rankingKeepsPlan: boolean;
  readonly conflict?: Conflict;
};

export { seededRandom };

const NO_STARTS: ReadonlyMap<number, number> = new Map();

function planOf(model: PortfolioModel, x: ArrayLike<number>): StartEntry[] {
  return [...startsIn(model, x)]
    .sort(([a], [b]) => a - b)
    .map(([index, startIndex]) => ({ id: (model.items[index] as ModelItem).id, startIndex }));
}

/**
 * Moves each initiative of the plan to its earliest start that still keeps every rule, given the
 * others (the value does not change; people prefer work to start sooner).
 */
function compact(
  model: PortfolioModel,
  portfolio: Portfolio,
  solved: ReadonlyMap<number, number>,
  late: () => boolean,
): Map<number, number> {
  const starts = new Map(solved);
  const periods = model.periodCount;
  // The plan's load, kept up to date as initiatives move (not recomputed for each one).
  const load = loadOf(model, portfolio.teams.length, starts);
  const shift = (item: ModelItem, start: number, sign: number) => {
    for (let k = 0; k < item.duration; k += 1) {
      const p = start + k;
      item.teams.forEach((t, d) => {
        load.usage[t * periods + p] =
          (load.usage[t * periods + p] as number) +
          sign * ((item.demand[d] as readonly number[])[k] ?? 0);
      });
      load.spend[p] = (load.spend[p] as number) + sign * (item.spend[k] ?? 0);
    }
  };
  const dependants = model.items.map((): number[] => []);
  model.items.forEach((item, at) => {
    for (const prerequisite of item.dependsOn) dependants[prerequisite]?.push(at);
  });
  for (let pass = 0; pass < 8 && !late(); pass += 1) {
    let moved = false;
    for (const [index, current] of [...starts].sort(([, a], [, b]) => a - b)) {
      const item = model.items[index] as ModelItem;
      starts.delete(index);
      shift(item, current, -1);
      const earlier = startsAfterPrerequisites(model, starts, item).find(
        (start) =>
          start < current &&
          shortfallsAt(model, portfolio, load, item, start).length === 0 &&
          (dependants[index] as number[]).every(
            (at) => !starts.has(at) || start + item.duration <= (starts.get(at) as number),
          ),
      );
      const next = earlier ?? current;
      starts.set(index, next);
      shift(item, next, 1);
      if (earlier !== undefined) moved = true;
    }
    if (!moved) break;
  }
  return starts;
}

/**
 * The ranking to save for a plan: its initiatives by start, then the rest in file order; and the
 * plan as the board's cut line places that ranking, when it holds the same initiatives (so what
 * is applied is what the board shows). Ties at a start are tried in a few orders.
 */
function rankingFor(
  model: PortfolioModel,
  portfolio: Portfolio,
  solved: ReadonlyMap<number, number>,
  thorough: boolean,
  late: () => boolean,
): { ranking: string[]; starts: ReadonlyMap<number, number>; keeps: boolean } {
  // Earlier starts keep every rule by construction; checked all the same, it costs little.
  const compacted = compact(model, portfolio, solved, late);
  const starts = keepsEveryRow(model, columnsFor(model, compacted)) ? compacted : solved;
  // The board knows no cap on total spend: its cut line could overspend one.
  if (Number.isFinite(model.totalSpendCap)) {
    const ranking = [...starts]
      .sort(([a, sa], [b, sb]) => sa - sb || a - b)
      .map(([index]) => (model.items[index] as ModelItem).id);
    const others = model.items.filter((_, index) => !starts.has(index)).map((item) => item.id);
    return { ranking: [...ranking, ...others], starts, keeps: false };
  }
  const rest = model.items.filter((_, index) => !starts.has(index)).map((item) => item.id);
  const effort = (index: number) =>
    (model.items[index] as ModelItem).demand.reduce(
      (sum, list) => sum + list.reduce((a, b) => a + b, 0),
      0,
    );
  const tieBreaks: ((a: number, b: number) => number)[] = [
    (a, b) => a - b,
    (a, b) => (model.items[b] as ModelItem).duration - (model.items[a] as ModelItem).duration,
    (a, b) => effort(b) - effort(a),
    (a, b) => b - a,
  ];
  const valueOf = (placed: ReadonlyMap<number, number>) =>
    [...placed.keys()].reduce((sum, index) => sum + (model.items[index] as ModelItem).value, 0);
  const target = valueOf(starts);
  const placedBy = (ranking: readonly string[]) => {
    const placed = new Map<number, number>();
    for (const placement of computeCutLine(portfolio, ranking).placements) {
      if (!placement.above) continue;
      const index = model.itemIndex.get(placement.id);
      if (index !== undefined) placed.set(index, placement.startIndex);
    }
    return placed;
  };
  let first: string[] | undefined;
  for (const tieBreak of tieBreaks) {
    if (first && late()) break;
    const chosen = [...starts]
      .sort(([a, sa], [b, sb]) => sa - sb || tieBreak(a, b))
      .map(([index]) => (model.items[index] as ModelItem).id);
    const ranking = [...chosen, ...rest];
    first ??= ranking;
    const placed = placedBy(ranking);
    // The board's cut line of the ranking is as good a plan (often the same one): keep it, if it
    // keeps every rule (the cut line can leave a forced-in initiative below the line).
    if (
      valueOf(placed) >= target - ABSOLUTE_GAP &&
      keepsEveryRow(model, columnsFor(model, placed))
    ) {
      return { ranking, starts: placed, keeps: true };
    }
  }
  // Search for a ranking whose cut line is worth as much, from the first one tried (not when
  // the user is waiting for a stop).
  if (!thorough) return { ranking: first ?? rest, starts, keeps: false };
  const found = improveRanking(model, portfolio, first ?? rest, {
    random: seededRandom(7),
    evaluations: 400,
    shouldStop: late,
  });
  const searched = found && placedBy(found.order);
  if (
    found &&
    searched &&
    found.objective >= target - ABSOLUTE_GAP &&
    keepsEveryRow(model, columnsFor(model, searched))
  ) {
    return { ranking: [...found.order], starts: searched, keeps: true };
  }
  return { ranking: first ?? rest, starts, keeps: false };
}

/**
 * Finds a minimal set of forced-in initiatives that cannot all be done (lifting any one of them
 * ends the conflict), and says why. Each check is a solve with a time limit; one that times out
 * counts as "no conflict", so on very large portfolios the set may hold one more than needed.
 */
function findConflict(
  highs: Highs,
  portfolio: Portfolio,
  model: PortfolioModel,
  adjustments: Adjustments,
): Conflict {
  const find = (id: string) => portfolio.initiatives.find((item) => item.id === id);
  const name = (id: string) => find(id)?.name ?? id;
  /** Why the plan must hold it: "forced in", or "committed (active)" for work under way. */
  const why = (id: string) => {
    const initiative = find(id);
    return initiative && isCommitted(initiative) && initiative.forced !== 'in'
      ? `committed (${initiative.status})`
      : 'forced in';
  };
  if (model.impossibleForced.length > 0) {
    const item = model.items[model.impossibleForced[0] as number] as ModelItem;
    const reason = item.blocked;
    const because =
      reason && reason.kind !== 'total-budget'
        ? describeReason(reason, portfolio)
        : 'it has no allowed start';
    return {
      forced: model.impossibleForced.map((index) => (model.items[index] as ModelItem).id),
      message: `${name(item.id)} is ${why(item.id)} but cannot be done: ${because}`,
    };
  }
  // Deletion filter: lift one forcing at a time; keep it lifted when the rest still conflict.
  const forcedIn = model.items.filter((item) => item.forced === 'in').map((item) => item.id);
  const lifted: Record<string, null> = {};
  const conflicting = (extra: Record<string, null>) => {
    const trial = buildModel(portfolio, {
      ...adjustments,
      forced: { ...adjustments.forced, ...lifted, ...extra },
    });
    return solveModel(highs, trial, { relativeGap: 1, timeLimit: 5 }).status === 'infeasible';
  };
  const kept: string[] = [];
  for (const id of forcedIn) {
    if (conflicting({ [id]: null })) lifted[id] = null;
    else kept.push(id);
  }
  const adjusted = adjustedPortfolio(portfolio, {
    ...adjustments,
    forced: { ...adjustments.forced, ...lifted },
  });
  const cutLine = computeCutLine(adjusted, kept);
  const failing = kept
    .map((id) => cutLine.byId.get(id))
    .find((placement) => placement && !placement.above);
  const names = kept.map((id) => `${name(id)} (${why(id).replace(/^committed \((.*)\)$/, '$1')})`);
  const listed =
    names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}` : '';
  const detail =
    failing && !failing.above
      ? `; placing them in turn, ${name(failing.id)} does not fit: ${describeReason(failing.reason, adjusted)}`
      : '';
  return {
    forced: kept,
    message:
      kept.length === 1
        ? `${name(kept[0] as string)} is ${why(kept[0] as string)} but cannot be done with the other rules${detail}`
        : `${listed} cannot all be done${detail}`,
  };
}

/** Initiatives that have at least one allowed start. */
/** Runs the optimizer on `portfolio`; see `OptimizeSettings`. */
export function optimizePortfolio(
  highs: Highs,
  portfolio: Portfolio,
  settings: OptimizeSettings = {},
): OptimizeResult {
  const clock = settings.now ?? (() => 0);
  const began = clock();
  const elapsed = () => Math.max(0, clock() - began);
  const adjustments = settings.adjustments ?? {};
  const adjusted = adjustedPortfolio(portfolio, adjustments);
  const model = buildModel(portfolio, adjustments);
  const timeLimit = settings.timeLimit ?? 30;
  const report = settings.onProgress;

  const emptyResult = (status: SolveStatus, conflict?: Conflict): OptimizeResult => ({
    ...describePlan(model, adjusted, NO_STARTS),
    status,
    objective: 0,
    bound: status === 'infeasible' ? 0 : Number.POSITIVE_INFINITY,
    gap: status === 'infeasible' ? 0 : Number.POSITIVE_INFINITY,
    elapsed: elapsed(),
    stopped: false,
    ranking: stackOrder(adjusted, settings.scenarioId),
    rankingKeepsPlan: false,
    ...(conflict && { conflict }),
  });

  if (model.impossibleForced.length > 0) {
    return emptyResult('infeasible', findConflict(highs, portfolio, model, adjustments));
  }

  const tuning = settings.tuning ?? {};
  const seed = settings.seed ?? 0;
  const random = settings.random ?? seededRandom(1 + seed * 7919);
  const stopAsked = () => settings.shouldStop?.() ?? false;
  // Time kept for what follows the solve (the plan's ranking and figures), which grows with size.
  // Passing the model to the solver and its presolve do not look at the clock either.
  const reserve = tuning.reserve ?? Math.min(timeLimit * 0.2, 0.05 + 0.0008 * model.items.length);
  const deadline = timeLimit - reserve;
  // The LP relaxation of a large portfolio can take seconds: it gets a share of the time. Quick
  // runs (many short solves) have no other search to give time to, and gain most from its bound and
  // start plan: it may take their time up to the deadline.
  const relaxationUntil =
    tuning.relaxationShare !== undefined || !settings.quick
      ? timeLimit * (tuning.relaxationShare ?? 0.4)
      : deadline;
  let lpBound: number | undefined;
  let start = bestStartPlan(highs, model, adjusted, stackOrder(adjusted, settings.scenarioId), {
    onBetter: (plan) =>
      report?.({
        elapsed: elapsed(),
        objective: plan.objective,
        plan: planOf(model, plan.x),
        ...(lpBound !== undefined && { bound: lpBound, gap: relativeGap(plan.objective, lpBound) }),
      }),
    onBound: (bound) => {
      lpBound = bound;
    },
    shouldStop: () => elapsed() > relaxationUntil || stopAsked(),
    relaxationSeconds: () => relaxationUntil - elapsed(),
  });
  if (start && lpBound !== undefined) {
    report?.({ elapsed: elapsed(), bound: lpBound, gap: relativeGap(start.objective, lpBound) });
  }
  if (start && !settings.quick) {
    const from = elapsed();
    // Counted from the end of the start plans, so that it runs however long they took; small
    // portfolios are the solver's to prove at once, and get a short search from the start.
    const small = openItemCount(model) < 30;
    const searchFor = small
      ? Math.min(0.25, timeLimit * 0.1) - from
      : Math.min(tuning.rankingCap ?? 1, timeLimit * (tuning.rankingShare ?? 0.15));
    const searchUntil = Math.min(deadline, from + searchFor);
    const improved = improveRanking(model, adjusted, start.order, {
      random,
      evaluations: 4000,
      shouldStop: () => elapsed() > searchUntil || stopAsked(),
      onBetter: (plan) => {
        if (start && plan.objective > start.objective) {
          report?.({
            elapsed: elapsed(),
            objective: plan.objective,
            plan: planOf(model, plan.x),
          });
        }
      },
    });
    if (improved && improved.objective > start.objective) start = improved;
  }
  let initial = start?.x;
  // Small portfolios are the solver's to prove at once; larger ones gain from the neighbourhood
  // search first (a share of the time, at most `neighbourhoodCap` s, so proofs are not delayed).
  // Nor when the first plan is already close to the LP bound (knapsack-like portfolios, where
  // the solver proves at once): the search pays where plans are far from the bound.
  const close =
    start !== undefined && lpBound !== undefined && relativeGap(start.objective, lpBound) < 0.03;
  const neighbourhoodShare =
    settings.quick || close || openItemCount(model) < 30 ? 0 : (tuning.neighbourhoodShare ?? 0.35);
  if (initial && neighbourhoodShare > 0) {
    const until =
      elapsed() +
      Math.min(tuning.neighbourhoodCap ?? 3, (deadline - elapsed()) * neighbourhoodShare);
    const searched = searchNeighbourhoods(highs, model, initial, {
      random,
      remaining: () => until - elapsed(),
      roundSeconds: tuning.roundSeconds ?? 0.1,
      shouldStop: stopAsked,
      ...(seed > 0 && { solverOptions: { random_seed: seed } }),
      onBetter: (x, objective) =>
        report?.({ elapsed: elapsed(), objective, plan: planOf(model, x) }),
    });
    initial = searched.x;
  }

  const outcome = solveModel(highs, model, {
    timeLimit: Math.max(0.02, deadline - elapsed()),
    relativeGap: settings.relativeGap ?? 0,
    ...(initial && { initial }),
    ...(lpBound !== undefined && { bound: lpBound }),
    ...(settings.shouldStop && { shouldStop: settings.shouldStop }),
    ...((tuning.solverOptions || seed > 0) && {
      solverOptions: { ...(seed > 0 && { random_seed: seed }), ...tuning.solverOptions },
    }),
    now: clock,
    onIncumbent: (x, progress) =>
      report?.({ ...progress, elapsed: elapsed(), plan: planOf(model, x) }),
    onProgress: (progress) => report?.({ ...progress, elapsed: elapsed() }),
  });

  if (outcome.status === 'infeasible') {
    return emptyResult('infeasible', findConflict(highs, portfolio, model, adjustments));
  }
  if (!outcome.x) return emptyResult('unknown');
  return finish(
    model,
    adjusted,
    startsIn(model, outcome.x),
    { ...outcome, elapsed: elapsed() },
    () => elapsed() > timeLimit - 0.01,
  );
}

type Summary = {
  readonly status: SolveStatus;
  readonly objective: number;
  readonly bound: number;
  readonly elapsed: number;
  readonly stopped: boolean;
};

function finish(
  model: PortfolioModel,
  adjusted: Portfolio,
  solved: ReadonlyMap<number, number>,
  summary: Summary,
  late: () => boolean = () => false,
): OptimizeResult {
  const { ranking, starts, keeps } = rankingFor(model, adjusted, solved, !summary.stopped, late);
  const plan = describePlan(model, adjusted, starts);
  // The board's cut line of the ranking can beat a plan the solver was stopped on.
  const objective = Math.max(summary.objective, plan.value);
  const bound = Math.max(summary.bound, objective);
  return {
    ...plan,
    status:
      summary.status === 'optimal' || bound - objective <= ABSOLUTE_GAP
        ? 'optimal'
        : summary.status,
    objective,
    bound,
    gap: relativeGap(objective, bound),
    elapsed: summary.elapsed,
    stopped: summary.stopped,
    ranking,
    rankingKeepsPlan: keeps,
  };
}

/** A planned start as progress reports carry it. */
export type StartEntry = { readonly id: string; readonly startIndex: number };

/**
 * The full result for a plan known only by its starts (the best plan reported before a solve was
 * cut short): figures, reasons and ranking, computed without the solver.
 */
export function resultFromStarts(
  portfolio: Portfolio,
  adjustments: Adjustments,
  plan: readonly StartEntry[],
  summary: Summary,
): OptimizeResult {
  const model = buildModel(portfolio, adjustments);
  const starts = new Map<number, number>();
  for (const { id, startIndex } of plan) {
    const index = model.itemIndex.get(id);
    if (index !== undefined) starts.set(index, startIndex);
  }
  return finish(model, adjustedPortfolio(portfolio, adjustments), starts, summary);
}
