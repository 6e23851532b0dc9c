/**
 * Runs a built model through HiGHS (passed in: loading WebAssembly is the caller's business, in a
 * Web Worker or in Node) and reports the best plan, the proven bound and the status. The solve is
 * synchronous; progress and stopping go through callbacks that HiGHS calls as it works.
 */
import type { Highs, HighsCallbackMap, ModelData } from 'highs';
import type { PortfolioModel } from './model';

export type SolveStatus =
  /** The plan is proven best (within `absoluteGap`). */
  | 'optimal'
  /** Stopped early (time limit, or asked to) with a feasible plan; `bound` says how far off. */
  | 'feasible'
  /** No plan keeps every rule (only forced-in initiatives can cause this). */
  | 'infeasible'
  /** Stopped before any feasible plan was found. */
  | 'unknown';

export type SolveProgress = {
  /** Seconds since the solve began. */
  readonly elapsed: number;
  /** Value of the best plan so far. */
  readonly objective?: number;
  /** Best proven upper bound on the value. */
  readonly bound?: number;
  /** Relative gap between the two, 0..1. */
  readonly gap?: number;
};

export type SolveSettings = {
  /** Seconds; the solve stops with its best plan after this. */
  readonly timeLimit?: number;
  /** Stop once the certified gap is at most this (0 proves optimality). */
  readonly relativeGap?: number;
  /** An upper bound already proven (the LP relaxation's value), until the solver has its own. */
  readonly bound?: number;
  /** A feasible solution vector to start from. */
  readonly initial?: Float64Array;
  /** Checked often while solving; true stops the solve with the best plan so far. */
  readonly shouldStop?: () => boolean;
  /** Called with each better plan (its solution vector) and with progress. */
  readonly onIncumbent?: (x: Float64Array, progress: SolveProgress) => void;
  readonly onProgress?: (progress: SolveProgress) => void;
  /** Further HiGHS options (names as in HiGHS), for tuning and benchmarks. */
  readonly solverOptions?: Readonly<Record<string, boolean | number | string>>;
  /** Clock in seconds, for elapsed times (the caller's; shared code reads no clock itself). */
  readonly now?: () => number;
};

export type SolveOutcome = {
  readonly status: SolveStatus;
  /** The best plan's solution vector, when there is one. */
  readonly x?: Float64Array;
  readonly objective: number;
  /** Proven upper bound on the value; never below `objective`. */
  readonly bound: number;
  readonly gap: number;
  readonly elapsed: number;
  /** Whether the solve stopped because it was asked to. */
  readonly stopped: boolean;
};

/** The model as HiGHS reads it; `relax` drops integrality (the LP relaxation). */
export function modelData(
  highs: Highs,
  model: PortfolioModel,
  options: {
    relax?: boolean;
    /** Column bounds in place of the model's (to fix part of a plan). */
    colLower?: Float64Array;
    colUpper?: Float64Array;
  } = {},
): ModelData {
  return {
    numCols: model.numCols,
    numRows: model.numRows,
    sense: highs.constants.objectiveSense.maximize,
    colCost: model.colCost,
    colLower: options.colLower ?? model.colLower,
    colUpper: options.colUpper ?? new Float64Array(model.numCols).fill(1),
    rowLower: model.rowLower.map((value) =>
      value === Number.NEGATIVE_INFINITY ? -highs.infinity : value,
    ),
    rowUpper: model.rowUpper.map((value) =>
      value === Number.POSITIVE_INFINITY ? highs.infinity : value,
    ),
    matrix: {
      format: 'csr',
      numRows: model.numRows,
      numCols: model.numCols,
      starts: model.rowStarts,
      indices: model.rowIndices,
      values: model.rowValues,
    },
    ...(!options.relax && {
      integrality: new Int32Array(model.numCols).fill(highs.constants.variableType.integer),
    }),
  };
}

/** Values below this are treated as equal: values in files are money and points, not 1e-7s. */
export const ABSOLUTE_GAP = 1e-6;

/** What the plan `x` (a solution vector) is worth. */
export function objectiveOf(model: PortfolioModel, x: ArrayLike<number>): number {
  let total = 0;
  for (let column = 0; column < model.numCols; column += 1) {
    if ((x[column] as number) > 0.5) total += model.colCost[column] as number;
  }
  return total;
}

/**
 * How far the plan can be from the best, relative to the plan: (bound − objective) / objective;
 * 0 within `ABSOLUTE_GAP`, and very large when the plan is worth nothing yet.
 */
export function relativeGap(objective: number, bound: number): number {
  if (bound - objective <= ABSOLUTE_GAP) return 0;
  return (bound - objective) / Math.max(Math.abs(objective), 1e-9);
}

/** Solves `model` with HiGHS; see `SolveSettings`. */
export function solveModel(
  highs: Highs,
  model: PortfolioModel,
  settings: SolveSettings = {},
): SolveOutcome {
  const clock = settings.now ?? (() => 0);
  const began = clock();
  const elapsed = () => Math.max(0, clock() - began);

  if (model.impossibleForced.length > 0) {
    return {
      status: 'infeasible',
      objective: 0,
      bound: 0,
      gap: 0,
      elapsed: elapsed(),
      stopped: false,
    };
  }
  if (model.numCols === 0) {
    const x = new Float64Array(0);
    return {
      status: 'optimal',
      x,
      objective: 0,
      bound: 0,
      gap: 0,
      elapsed: elapsed(),
      stopped: false,
    };
  }

  let best: Float64Array | undefined = settings.initial;
  let bestValue = best ? objectiveOf(model, best) : Number.NEGATIVE_INFINITY;
  let bound = settings.bound ?? Number.POSITIVE_INFINITY;
  let stopped = false;

  const { callbackType, modelStatus } = highs.constants;
  const progress = (): SolveProgress => ({
    elapsed: elapsed(),
    ...(Number.isFinite(bestValue) && { objective: bestValue }),
    ...(Number.isFinite(bound) && { bound: Math.max(bound, bestValue) }),
    ...(Number.isFinite(bestValue) &&
      Number.isFinite(bound) && { gap: relativeGap(bestValue, Math.max(bound, bestValue)) }),
  });
  // A proven bound can never be below a plan in hand; a value that is, is not a bound yet (the
  // solver reports placeholders before its first relaxation), so it is not believed.
  const noteBound = (value: number | undefined) => {
    if (value === undefined || !Number.isFinite(value)) return;
    if (value < bestValue - ABSOLUTE_GAP) return;
    bound = Math.min(bound, value);
  };

  const callbacks: HighsCallbackMap = {
    [callbackType.mipImprovingSolution](event) {
      const x = event.data.mip_solution;
      noteBound(event.data.mip_dual_bound);
      if (!x) return;
      const value = objectiveOf(model, x);
      if (value > bestValue + ABSOLUTE_GAP || best === undefined) {
        best = Float64Array.from(x);
        bestValue = value;
        settings.onIncumbent?.(best, progress());
      }
    },
    [callbackType.mipLogging](event) {
      noteBound(event.data.mip_dual_bound);
      settings.onProgress?.(progress());
    },
    [callbackType.mipInterrupt](event) {
      noteBound(event.data.mip_dual_bound);
      if (settings.shouldStop?.()) {
        stopped = true;
        event.interrupt();
      }
    },
    // The LPs inside the search check these; long ones (large models) would otherwise not stop.
    [callbackType.simplexInterrupt](event) {
      if (settings.shouldStop?.()) {
        stopped = true;
        event.interrupt();
      }
    },
  };

  const instance = highs.createModel(modelData(highs, model));
  try {
    instance.options.set({
      output_flag: false,
      mip_rel_gap: settings.relativeGap ?? 0,
      mip_abs_gap: ABSOLUTE_GAP,
      ...settings.solverOptions,
      ...(settings.timeLimit !== undefined && { time_limit: Math.max(0.001, settings.timeLimit) }),
    });
    if (settings.initial) instance.setSolution({ colValue: settings.initial });
    instance.run(callbacks);
    const status = instance.getModelStatus();
    if (status === modelStatus.infeasible) {
      return { status: 'infeasible', objective: 0, bound: 0, gap: 0, elapsed: elapsed(), stopped };
    }
    const solution = instance.getSolution();
    const feasible = Number(instance.info.get('primal_solution_status')) === 2;
    if (feasible && solution.colValue.length === model.numCols) {
      const value = objectiveOf(model, solution.colValue);
      if (best === undefined || value > bestValue - ABSOLUTE_GAP) {
        best = Float64Array.from(solution.colValue);
        bestValue = value;
      }
    }
    noteBound(Number(instance.info.get('mip_dual_bound')));
    // HiGHS says "optimal" once the gap is within mip_rel_gap; that is proof only at a zero gap,
    // or when the bound it proved really meets the plan.
    const provenByGap = (settings.relativeGap ?? 0) === 0;
    const optimal =
      status === modelStatus.optimal &&
      best !== undefined &&
      (provenByGap || bound - bestValue <= ABSOLUTE_GAP);
    if (best === undefined) {
      return {
        status: 'unknown',
        objective: 0,
        bound: Number.isFinite(bound) ? bound : Number.POSITIVE_INFINITY,
        gap: Number.POSITIVE_INFINITY,
        elapsed: elapsed(),
        stopped,
      };
    }
    const proven = optimal ? Math.max(bestValue, Math.min(bound, bestValue + ABSOLUTE_GAP)) : bound;
    const finalBound = Math.max(bestValue, Number.isFinite(proven) ? proven : bestValue);
    const certain = Number.isFinite(proven) || optimal;
    return {
      status: optimal ? 'optimal' : 'feasible',
      x: best,
      objective: bestValue,
      bound: certain ? finalBound : Number.POSITIVE_INFINITY,
      gap: certain ? relativeGap(bestValue, finalBound) : Number.POSITIVE_INFINITY,
      elapsed: elapsed(),
      stopped,
    };
  } finally {
    instance.dispose();
  }
}
