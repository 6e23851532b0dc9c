/**
 * Neighbourhood search around the best plan: keep most of it as it is (chosen initiatives at
 * their starts, the others left out), free a part of it (the initiatives of one team, of a few
 * periods, or a random handful) and let HiGHS find the best way to redo that part. Each round is
 * a small solve with its own short time limit; a better plan is kept and searched around next.
 * The part freed grows when rounds end without finding better, and shrinks when they run out of
 * time.
 */
import type { Highs } from 'highs';
import { openItemCount, type ModelItem, type PortfolioModel } from './model';
import { keepsEveryRow } from './start-plans';
import { ABSOLUTE_GAP, modelData, objectiveOf } from './solve';

const STALL_ROUNDS = 12;

export type NeighbourhoodSettings = {
  /** Random numbers in [0, 1) (seeded by the caller, for repeatable runs). */
  readonly random: () => number;
  /** Seconds left for the whole search; checked before and inside each round. */
  readonly remaining: () => number;
  /** Seconds one round may take at most. */
  readonly roundSeconds?: number;
  /** Also stop when this returns true (a cancel). */
  readonly shouldStop?: () => boolean;
  /** Called with each better plan. */
  readonly onBetter?: (x: Float64Array, objective: number) => void;
  /** Further HiGHS options for the rounds. */
  readonly solverOptions?: Readonly<Record<string, boolean | number | string>>;
};

export type NeighbourhoodResult = {
  readonly x: Float64Array;
  readonly objective: number;
  readonly rounds: number;
  readonly improvements: number;
};

/** Start period index of each item in `x` (−1 when left out). */
function placements(model: PortfolioModel, x: ArrayLike<number>): Int32Array {
  const at = new Int32Array(model.items.length).fill(-1);
  for (let column = 0; column < model.numCols; column += 1) {
    const start = model.columnStart[column] as number;
    if (start >= 0 && (x[column] as number) > 0.5) at[model.columnItem[column] as number] = start;
  }
  return at;
}

/**
 * Items to free: those of one team, those active in a few periods, or a random handful (also
 * when no item needs a team). Exported for tests.
 */
export function chooseFree(
  model: PortfolioModel,
  at: Int32Array,
  size: number,
  random: () => number,
): Set<number> {
  const open = model.items
    .map((item, index) => ({ item, index }))
    .filter(({ item }) => item.starts.length > 0);
  const free = new Set<number>();
  const kind = Math.floor(random() * 3);
  let pool: number[];
  if (kind === 0) {
    const teams = new Set<number>();
    for (const { item } of open) for (const team of item.teams) teams.add(team);
    const list = [...teams];
    const team = list[Math.floor(random() * list.length)];
    pool = open
      .filter(({ item }) => team === undefined || item.teams.includes(team))
      .map((e) => e.index);
  } else if (kind === 1) {
    const width = 1 + Math.floor(random() * 3);
    const first = Math.floor(random() * Math.max(1, model.periodCount - width + 1));
    const touches = (item: ModelItem, start: number) =>
      start < first + width && start + item.duration > first;
    pool = open
      .filter(({ item, index }) =>
        (at[index] as number) >= 0
          ? touches(item, at[index] as number)
          : item.starts.some((start) => touches(item, start)),
      )
      .map((e) => e.index);
  } else {
    pool = open.map((e) => e.index);
  }
  // A random part of the pool, at most `size` of them.
  for (let k = pool.length - 1; k > 0; k -= 1) {
    const j = Math.floor(random() * (k + 1));
    [pool[k], pool[j]] = [pool[j] as number, pool[k] as number];
  }
  for (const index of pool.slice(0, size)) free.add(index);
  return free;
}

/**
 * Improves the plan `x` (feasible) by neighbourhood rounds until `remaining()` runs out; returns
 * the best plan found (`x` itself when none is better).
 */
export function searchNeighbourhoods(
  highs: Highs,
  model: PortfolioModel,
  x: Float64Array,
  settings: NeighbourhoodSettings,
): NeighbourhoodResult {
  let best = x;
  let bestValue = objectiveOf(model, x);
  const open = openItemCount(model);
  let size = Math.max(8, Math.min(open, Math.round(open * 0.3), 40));
  let rounds = 0;
  let improvements = 0;
  // Rounds in a row that found nothing better: after `STALL_ROUNDS` of them the search gives the
  // rest of its time to the solver's own search.
  let stalled = 0;
  const roundSeconds = settings.roundSeconds ?? 0.1;
  const stop = () => settings.shouldStop?.() ?? false;
  // One model for every round: only the column bounds change.
  const instance = highs.createModel(modelData(highs, model));
  const everyColumn = { kind: 'range', from: 0, to: model.numCols - 1 } as const;
  try {
    instance.options.set({
      output_flag: false,
      mip_rel_gap: 0,
      mip_abs_gap: ABSOLUTE_GAP,
      ...settings.solverOptions,
    });
    while (settings.remaining() > 0.02 && !stop() && open > 0) {
      rounds += 1;
      const at = placements(model, best);
      const free = chooseFree(model, at, size, settings.random);
      const lower = Float64Array.from(model.colLower);
      const upper = new Float64Array(model.numCols).fill(1);
      model.items.forEach((item, index) => {
        if (free.has(index) || item.starts.length === 0) return;
        const start = at[index] as number;
        item.starts.forEach((candidate, offset) => {
          const column = item.firstColumn + offset;
          if (candidate === start) lower[column] = 1;
          else upper[column] = 0;
        });
        // With several starts the item has its own selection column.
        if (item.starts.length > 1) {
          if (start >= 0) lower[item.selectColumn] = 1;
          else upper[item.selectColumn] = 0;
        }
      });
      instance.changeColsBounds(everyColumn, lower, upper);
      instance.options.set({
        time_limit: Math.max(0.001, Math.min(roundSeconds, settings.remaining())),
      });
      instance.setSolution({ colValue: best });
      instance.run({
        [highs.constants.callbackType.mipInterrupt](event) {
          if (stop()) event.interrupt();
        },
      });
      const proven = instance.getModelStatus() === highs.constants.modelStatus.optimal;
      let found: Float64Array | undefined;
      if (Number(instance.info.get('primal_solution_status')) === 2) {
        const solution = instance.getSolution().colValue;
        if (solution.length === model.numCols) {
          // Integral values as the model means them, checked against every row before use.
          found = Float64Array.from(solution, (value) => (value > 0.5 ? 1 : 0));
        }
      }
      const value = found ? objectiveOf(model, found) : Number.NEGATIVE_INFINITY;
      if (found && value > bestValue + ABSOLUTE_GAP && keepsEveryRow(model, found)) {
        best = found;
        bestValue = value;
        improvements += 1;
        stalled = 0;
        settings.onBetter?.(best, bestValue);
        if (proven && free.size >= open) break;
        continue;
      }
      stalled += 1;
      // Everything was free and nothing is better: the plan is the best there is.
      if (stalled >= STALL_ROUNDS || (proven && free.size >= open)) break;
      size = proven
        ? Math.min(open, Math.round(size * 1.2) + 1)
        : Math.max(4, Math.round(size * 0.85));
    }
  } finally {
    instance.dispose();
  }
  return { x: best, objective: bestValue, rounds, improvements };
}
