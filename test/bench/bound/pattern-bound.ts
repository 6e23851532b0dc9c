/**
 * An upper bound on the best plan's value that sees per-period packing, which the LP relaxation
 * cannot: a Dantzig–Wolfe reformulation with one block per team (and one for the budget).
 *
 * A block's "pattern" is a set of (initiative, start) pairs whose load fits the block's limit in
 * every period at once. The master LP is the model's LP relaxation without its per-period
 * capacity and budget rows (each pattern keeps them), plus, for each block and each start column
 * x of an initiative the block concerns, the link x = Σ λ_pattern · [pattern starts it there],
 * with Σ λ ≤ 1 per block. Its value is the LP over the intersection of the blocks' convex hulls,
 * so it is never above the LP relaxation and never below the best plan. Patterns come from greedy
 * packings and, when those find none that helps, from a small multi-period knapsack MIP per block.
 *
 * Measured on the 40-initiative benchmark portfolios (`test/bench/bound/bound.ts`), it converges far too
 * slowly to tighten the bound in the time a user waits; it is kept as that measurement.
 *
 * What is reported before convergence is the Lagrangian bound of the current duals, valid for
 * any duals: Σ over columns of their best reduced-cost term within bounds, Σ over rows of the
 * dual times the row's binding limit, and Σ over blocks of the best pattern's reduced cost (a
 * proven bound of the pricing MIP). The best of those is kept, so stopping early (rounds, time,
 * asked to) still leaves a proven bound.
 */
import type { Highs, Model } from 'highs';
import { type PortfolioModel, TOLERANCE } from '../../../shared/optimize/model';
import { modelData } from '../../../shared/optimize/solve';

export type PatternBoundSettings = {
  /** Seconds; stops with the best bound so far after this. */
  readonly timeLimit?: number;
  /** Pricing rounds at most. */
  readonly maxRounds?: number;
  /** Stops once the bound is within this of the master's value, relative (default 1e-4). */
  readonly relativeTolerance?: number;
  /** Dual smoothing weight on the best duals so far, 0..1 (0: none). */
  readonly smoothing?: number;
  /** Relative gap to which each pricing MIP is solved (its proven bound is what counts). */
  readonly pricingGap?: number;
  /** Seconds each pricing MIP may take at most (its proven bound still counts). */
  readonly pricingTimeLimit?: number;
  /** Solution vectors of plans known to keep every rule: their patterns seed the master. */
  readonly plans?: readonly ArrayLike<number>[];
  /** Whether to try greedy packings before the pricing MIPs each round (default true). */
  readonly greedyFirst?: boolean;
  /** Called after each round with the bound so far. */
  readonly onRound?: (round: PatternRound) => void;
  /** Checked between rounds; true stops with the best bound so far. */
  readonly shouldStop?: () => boolean;
  /** Clock in seconds (the caller's; shared code reads no clock itself). */
  readonly now?: () => number;
};

export type PatternRound = {
  readonly round: number;
  readonly bound: number;
  readonly masterValue: number;
  readonly patterns: number;
  readonly elapsed: number;
};

export type PatternBound = {
  /** Proven upper bound on the value of any plan; never above the LP relaxation's. */
  readonly bound: number;
  /** The LP relaxation's value, for comparison. */
  readonly lpBound: number;
  /** The master LP's value when it stopped (the bound itself once converged). */
  readonly masterValue: number;
  readonly rounds: number;
  readonly patterns: number;
  readonly converged: boolean;
  readonly elapsed: number;
};

/** One block: a limited resource per period and the starts that load it. */
type Block = {
  /** Model column of each entry (a start of an initiative), and its item. */
  readonly column: Int32Array;
  readonly item: Int32Array;
  /** Limits, one per row, and load of each entry on each row: `load[row * entries + e]`. */
  readonly limits: Float64Array;
  readonly load: Float64Array;
  /** Master row of the link of entry 0; the others follow. Then the block's convexity row. */
  linkRow: number;
  convexityRow: number;
};

function blocksOf(model: PortfolioModel): Block[] {
  const { items, periodCount, capacity, budget } = model;
  const teamCount = periodCount === 0 ? 0 : capacity.length / periodCount;
  const blocks: Block[] = [];
  /** `amounts(itemIndex, start)` lists [row, amount] pairs. */
  const make = (
    limits: number[],
    concerns: (itemIndex: number) => boolean,
    amounts: (itemIndex: number, start: number) => [number, number][],
  ) => {
    const columns: number[] = [];
    const owners: number[] = [];
    const loads: [number, number][][] = [];
    items.forEach((item, index) => {
      if (!concerns(index)) return;
      item.starts.forEach((start, offset) => {
        columns.push(item.firstColumn + offset);
        owners.push(index);
        loads.push(amounts(index, start));
      });
    });
    const load = new Float64Array(limits.length * columns.length);
    loads.forEach((list, e) => {
      for (const [row, amount] of list) {
        const at = row * columns.length + e;
        load[at] = (load[at] as number) + amount;
      }
    });
    // A block whose rows can never bind adds nothing to the LP: leave it out.
    const binds = limits.some((limit, row) => {
      const most = new Map<number, number>();
      owners.forEach((owner, e) => {
        const amount = load[row * columns.length + e] as number;
        most.set(owner, Math.max(most.get(owner) ?? 0, amount));
      });
      let total = 0;
      for (const amount of most.values()) total += amount;
      return total > limit + TOLERANCE;
    });
    if (!binds || columns.length === 0) return;
    blocks.push({
      column: Int32Array.from(columns),
      item: Int32Array.from(owners),
      limits: Float64Array.from(limits),
      load,
      linkRow: -1,
      convexityRow: -1,
    });
  };

  for (let t = 0; t < teamCount; t += 1) {
    make(
      Array.from({ length: periodCount }, (_, p) => capacity[t * periodCount + p] as number),
      (index) => (items[index]?.teams ?? []).includes(t),
      (index, start) => {
        const item = items[index] as (typeof items)[number];
        const d = item.teams.indexOf(t);
        const demand = item.demand[d] ?? [];
        const list: [number, number][] = [];
        for (let k = 0; k < item.duration; k += 1) {
          const amount = demand[k] ?? 0;
          if (amount > 0) list.push([start + k, amount]);
        }
        return list;
      },
    );
  }

  // The budget: per-period limits where there are some, and the cap on total spend.
  const budgetRows: number[] = [];
  const rowOfPeriod = new Int32Array(periodCount).fill(-1);
  for (let p = 0; p < periodCount; p += 1) {
    if (Number.isFinite(budget[p] as number)) {
      rowOfPeriod[p] = budgetRows.length;
      budgetRows.push(budget[p] as number);
    }
  }
  const totalRow = Number.isFinite(model.totalSpendCap) ? budgetRows.length : -1;
  if (totalRow >= 0) budgetRows.push(model.totalSpendCap);
  if (budgetRows.length > 0) {
    make(
      budgetRows,
      (index) => (items[index]?.totalSpend ?? 0) > 0,
      (index, start) => {
        const item = items[index] as (typeof items)[number];
        const list: [number, number][] = [];
        for (let k = 0; k < item.duration; k += 1) {
          const amount = item.spend[k] ?? 0;
          const row = rowOfPeriod[start + k] as number;
          if (amount > 0 && row >= 0) list.push([row, amount]);
        }
        if (totalRow >= 0 && item.totalSpend > 0) list.push([totalRow, item.totalSpend]);
        return list;
      },
    );
  }
  return blocks;
}

type Pricing = {
  /** Entries of the best pattern found. */
  readonly entries: number[];
  /** Its value at the weights, and a proven upper bound on any pattern's. */
  readonly value: number;
  readonly bound: number;
};

type PricingOptions = { readonly gap: number; readonly timeLimit: number | undefined };

/** The best pattern of `block` for entry weights `weight` (only positive weights matter). */
function price(highs: Highs, block: Block, weight: Float64Array, options: PricingOptions): Pricing {
  const entries = block.column.length;
  const chosen: number[] = [];
  for (let e = 0; e < entries; e += 1) if ((weight[e] as number) > TOLERANCE) chosen.push(e);
  if (chosen.length === 0) return { entries: [], value: 0, bound: 0 };

  // Rows: at most one start per initiative, then the block's limits.
  const owners = new Map<number, number[]>();
  chosen.forEach((e, k) => {
    const owner = block.item[e] as number;
    const list = owners.get(owner);
    if (list) list.push(k);
    else owners.set(owner, [k]);
  });
  const starts: number[] = [0];
  const indices: number[] = [];
  const values: number[] = [];
  const lower: number[] = [];
  const upper: number[] = [];
  for (const list of owners.values()) {
    if (list.length < 2) continue;
    for (const k of list) {
      indices.push(k);
      values.push(1);
    }
    starts.push(indices.length);
    lower.push(-highs.infinity);
    upper.push(1);
  }
  block.limits.forEach((limit, row) => {
    let most = 0;
    const before = indices.length;
    chosen.forEach((e, k) => {
      const amount = block.load[row * entries + e] as number;
      if (amount <= 0) return;
      indices.push(k);
      values.push(amount);
      most += amount;
    });
    if (most <= limit + TOLERANCE) {
      indices.length = before;
      values.length = before;
      return;
    }
    starts.push(indices.length);
    lower.push(-highs.infinity);
    upper.push(limit);
  });
  const numCols = chosen.length;
  const numRows = lower.length;
  if (numRows === 0) {
    // Nothing binds among these: the best pattern takes the best start of each initiative.
    const best: number[] = [];
    let value = 0;
    for (const list of owners.values()) {
      let top = list[0] as number;
      for (const k of list)
        if ((weight[chosen[k] as number] as number) > (weight[chosen[top] as number] as number))
          top = k;
      best.push(chosen[top] as number);
      value += weight[chosen[top] as number] as number;
    }
    return { entries: best, value, bound: value };
  }
  const instance = highs.createModel({
    numCols,
    numRows,
    sense: highs.constants.objectiveSense.maximize,
    colCost: Float64Array.from(chosen, (e) => weight[e] as number),
    colLower: new Float64Array(numCols),
    colUpper: new Float64Array(numCols).fill(1),
    rowLower: Float64Array.from(lower),
    rowUpper: Float64Array.from(upper),
    matrix: {
      format: 'csr',
      numRows,
      numCols,
      starts: Int32Array.from(starts),
      indices: Int32Array.from(indices),
      values: Float64Array.from(values),
    },
    integrality: new Int32Array(numCols).fill(highs.constants.variableType.integer),
  });
  try {
    instance.options.set({
      output_flag: false,
      mip_rel_gap: options.gap,
      mip_abs_gap: 1e-9,
      ...(options.timeLimit !== undefined && { time_limit: options.timeLimit }),
    });
    instance.run();
    const feasible = Number(instance.info.get('primal_solution_status')) === 2;
    const x = feasible ? instance.getSolution().colValue : new Float64Array(numCols);
    const picked: number[] = [];
    let value = 0;
    chosen.forEach((e, k) => {
      if ((x[k] as number) > 0.5) {
        picked.push(e);
        value += weight[e] as number;
      }
    });
    const proven = Number(instance.info.get('mip_dual_bound'));
    // A bound from the solver carries its tolerances; a little slack keeps it a bound.
    const everything = chosen.reduce((sum, e) => sum + (weight[e] as number), 0);
    const bound = Number.isFinite(proven)
      ? Math.min(everything, Math.max(value, proven) + 1e-7 * (1 + Math.abs(proven)))
      : everything;
    return { entries: picked, value, bound };
  } finally {
    instance.dispose();
  }
}

/**
 * Computes the pattern bound of `model` (see the module header). Pure apart from the solver
 * passed in; the caller's clock only decides when to stop.
 */
export function patternBound(
  highs: Highs,
  model: PortfolioModel,
  settings: PatternBoundSettings = {},
): PatternBound {
  const clock = settings.now ?? (() => 0);
  const began = clock();
  const elapsed = () => Math.max(0, clock() - began);
  const maxRounds = settings.maxRounds ?? 500;
  const tolerance = settings.relativeTolerance ?? 1e-4;
  const smoothing = settings.smoothing ?? 0;

  const lp = highs.createModel(modelData(highs, model, { relax: true }));
  let lpBound: number;
  let lpDual: Float64Array;
  let lpValue: Float64Array;
  try {
    lp.options.set({ output_flag: false });
    lp.run();
    if (lp.getModelStatus() !== highs.constants.modelStatus.optimal) {
      // Infeasible (a forced-in initiative that cannot start): there is no plan to bound.
      return {
        bound: Number.POSITIVE_INFINITY,
        lpBound: Number.POSITIVE_INFINITY,
        masterValue: Number.POSITIVE_INFINITY,
        rounds: 0,
        patterns: 0,
        converged: false,
        elapsed: elapsed(),
      };
    }
    lpBound = lp.getObjectiveValue();
    const solution = lp.getSolution();
    lpDual = solution.rowDual;
    lpValue = solution.colValue;
  } finally {
    lp.dispose();
  }
  const blocks = blocksOf(model);
  if (blocks.length === 0 || model.numCols === 0) {
    return {
      bound: lpBound,
      lpBound,
      masterValue: lpBound,
      rounds: 0,
      patterns: 0,
      converged: true,
      elapsed: elapsed(),
    };
  }

  // The model's per-period capacity and budget rows are each a row of a block, which every
  // pattern keeps: they leave the master, and their duals move onto the links.
  const blockRowOf = new Map<number, { block: number; row: number }>();
  {
    const byLimit = new Map<number, { block: number; row: number }[]>();
    blocks.forEach((block, k) => {
      block.limits.forEach((limit, row) => {
        const list = byLimit.get(limit) ?? [];
        list.push({ block: k, row });
        byLimit.set(limit, list);
      });
    });
    for (let r = 0; r < model.numRows; r += 1) {
      if (model.rowLower[r] !== Number.NEGATIVE_INFINITY) continue;
      const candidates = byLimit.get(model.rowUpper[r] as number);
      if (!candidates) continue;
      const from = model.rowStarts[r] as number;
      const to = model.rowStarts[r + 1] as number;
      for (const candidate of candidates) {
        const block = blocks[candidate.block] as Block;
        const entries = block.column.length;
        const loadOf = new Map<number, number>();
        for (let e = 0; e < entries; e += 1) {
          const amount = block.load[candidate.row * entries + e] as number;
          if (amount > 0) loadOf.set(block.column[e] as number, amount);
        }
        let same = loadOf.size === to - from;
        for (let k = from; k < to && same; k += 1) {
          const amount = loadOf.get(model.rowIndices[k] as number);
          same =
            amount !== undefined && Math.abs(amount - (model.rowValues[k] as number)) <= TOLERANCE;
        }
        if (same) {
          blockRowOf.set(r, candidate);
          break;
        }
      }
    }
  }
  const keptRows: number[] = [];
  for (let r = 0; r < model.numRows; r += 1) if (!blockRowOf.has(r)) keptRows.push(r);

  // The master: the model's other rows, then per block its links and its convexity row.
  const rowLower: number[] = keptRows.map((r) => model.rowLower[r] as number);
  const rowUpper: number[] = keptRows.map((r) => model.rowUpper[r] as number);
  const starts: number[] = [0];
  const indices: number[] = [];
  const values: number[] = [];
  for (const r of keptRows) {
    for (let k = model.rowStarts[r] as number; k < (model.rowStarts[r + 1] as number); k += 1) {
      indices.push(model.rowIndices[k] as number);
      values.push(model.rowValues[k] as number);
    }
    starts.push(indices.length);
  }
  for (const block of blocks) {
    block.linkRow = rowLower.length;
    block.column.forEach((column) => {
      indices.push(column);
      values.push(1);
      starts.push(indices.length);
      rowLower.push(0);
      rowUpper.push(0);
    });
    block.convexityRow = rowLower.length;
    starts.push(indices.length);
    rowLower.push(Number.NEGATIVE_INFINITY);
    rowUpper.push(1);
  }
  const numRows = rowLower.length;
  const master: Model = highs.createModel({
    numCols: model.numCols,
    numRows,
    sense: highs.constants.objectiveSense.maximize,
    colCost: model.colCost,
    colLower: model.colLower,
    colUpper: new Float64Array(model.numCols).fill(1),
    rowLower: Float64Array.from(rowLower, (value) =>
      Number.isFinite(value) ? value : -highs.infinity,
    ),
    rowUpper: Float64Array.from(rowUpper, (value) =>
      Number.isFinite(value) ? value : highs.infinity,
    ),
    matrix: {
      format: 'csr',
      numRows,
      numCols: model.numCols,
      starts: Int32Array.from(starts),
      indices: Int32Array.from(indices),
      values: Float64Array.from(values),
    },
  });

  // Column-wise copy of the model's columns' coefficients, for reduced costs.
  const columnRows: number[][] = Array.from({ length: model.numCols }, () => []);
  const columnValues: number[][] = Array.from({ length: model.numCols }, () => []);
  for (let row = 0; row < numRows; row += 1) {
    for (let k = starts[row] as number; k < (starts[row + 1] as number); k += 1) {
      (columnRows[indices[k] as number] as number[]).push(row);
      (columnValues[indices[k] as number] as number[]).push(values[k] as number);
    }
  }
  const convexity = new Set(blocks.map((block) => block.convexityRow));

  let patterns = 0;
  const seen = blocks.map(() => new Set<string>());
  const addPattern = (k: number, entries: readonly number[]) => {
    const block = blocks[k] as Block;
    const sorted = [...entries].sort((a, b) => a - b);
    const key = sorted.join(',');
    if (sorted.length === 0 || (seen[k] as Set<string>).has(key)) return false;
    (seen[k] as Set<string>).add(key);
    const rows = sorted.map((e) => block.linkRow + e);
    rows.push(block.convexityRow);
    master.addCol(0, 0, highs.infinity, {
      indices: Int32Array.from(rows),
      values: Float64Array.from(rows, (_, k) => (k < sorted.length ? -1 : 1)),
    });
    patterns += 1;
    return true;
  };
  /** Packs entries in the given order, each if its initiative is not in yet and it fits. */
  const greedy = (block: Block, order: readonly number[]): number[] => {
    const entries = block.column.length;
    const used = new Set<number>();
    const room = Float64Array.from(block.limits);
    const picked: number[] = [];
    for (const e of order) {
      if (used.has(block.item[e] as number)) continue;
      let fits = true;
      for (let row = 0; row < room.length && fits; row += 1) {
        fits = (block.load[row * entries + e] as number) <= (room[row] as number) + TOLERANCE;
      }
      if (!fits) continue;
      for (let row = 0; row < room.length; row += 1) {
        room[row] = (room[row] as number) - (block.load[row * entries + e] as number);
      }
      used.add(block.item[e] as number);
      picked.push(e);
    }
    return picked;
  };
  // Seeds: every start on its own (the model gives no column to one that does not fit alone),
  // the plans given, and greedy packings after the LP relaxation's solution.
  blocks.forEach((block, k) => {
    const entries = Array.from(block.column, (_, e) => e);
    for (const e of entries) addPattern(k, [e]);
    for (const plan of settings.plans ?? []) {
      addPattern(
        k,
        entries.filter((e) => (plan[block.column[e] as number] as number) > 0.5),
      );
    }
    const lpOf = (e: number) => lpValue[block.column[e] as number] as number;
    const valueOf = (e: number) => model.items[block.item[e] as number]?.value ?? 0;
    const forcedOf = (e: number) => (model.items[block.item[e] as number]?.forced === 'in' ? 1 : 0);
    addPattern(
      k,
      greedy(
        block,
        // Forced-in initiatives first: the master needs a pattern holding them all.
        [...entries].sort(
          (a, b) => forcedOf(b) - forcedOf(a) || lpOf(b) - lpOf(a) || valueOf(b) - valueOf(a),
        ),
      ),
    );
    addPattern(
      k,
      greedy(
        block,
        [...entries].sort((a, b) => valueOf(b) - valueOf(a) || lpOf(b) - lpOf(a)),
      ),
    );
  });

  /**
   * The Lagrangian bound of duals `dual` (rows other than convexity rows), with each block's
   * best pattern at those duals; duals must have the sign their row allows (see `clean`).
   */
  const lagrangian = (dual: Float64Array, pricing: readonly Pricing[]): number => {
    let total = 0;
    for (let row = 0; row < numRows; row += 1) {
      if (convexity.has(row)) continue;
      const y = dual[row] as number;
      if (y === 0) continue;
      total += y > 0 ? y * (rowUpper[row] as number) : y * (rowLower[row] as number);
    }
    for (let column = 0; column < model.numCols; column += 1) {
      let reduced = model.colCost[column] as number;
      const rows = columnRows[column] as number[];
      const coefficients = columnValues[column] as number[];
      for (let k = 0; k < rows.length; k += 1) {
        reduced -= (coefficients[k] as number) * (dual[rows[k] as number] as number);
      }
      total += reduced > 0 ? reduced : reduced * (model.colLower[column] as number);
    }
    for (const result of pricing) total += Math.max(0, result.bound);
    return total;
  };
  /** Duals with the sign a one-sided row allows (HiGHS: c − Aᵀy is the reduced cost). */
  const clean = (raw: ArrayLike<number>): Float64Array => {
    const dual = new Float64Array(numRows);
    for (let row = 0; row < Math.min(numRows, raw.length); row += 1) {
      const y = raw[row] as number;
      if (y > 0 && Number.isFinite(rowUpper[row] as number)) dual[row] = y;
      else if (y < 0 && Number.isFinite(rowLower[row] as number)) dual[row] = y;
    }
    return dual;
  };

  const pricing: PricingOptions = {
    gap: settings.pricingGap ?? 1e-6,
    timeLimit: settings.pricingTimeLimit,
  };
  // Where the bound starts: the LP relaxation's duals, those of the rows that moved into blocks
  // carried onto the links (the reduced costs stay as they were, and no pattern can use more
  // than its block's limits, so this is at most the LP's value).
  const lpCenter = new Float64Array(numRows);
  keptRows.forEach((r, row) => {
    lpCenter[row] = lpDual[r] as number;
  });
  for (const [r, { block: k, row: j }] of blockRowOf) {
    const block = blocks[k] as Block;
    const entries = block.column.length;
    for (let e = 0; e < entries; e += 1) {
      lpCenter[block.linkRow + e] =
        (lpCenter[block.linkRow + e] as number) +
        (lpDual[r] as number) * (block.load[j * entries + e] as number);
    }
  }
  const priceAll = (dual: Float64Array) =>
    blocks.map((block) =>
      price(
        highs,
        block,
        Float64Array.from(block.column, (_, e) => dual[block.linkRow + e] as number),
        pricing,
      ),
    );
  const center0 = clean(lpCenter);
  const first = priceAll(center0);
  first.forEach((result, k) => addPattern(k, result.entries));
  let center = center0;
  let best = Math.min(lpBound, lagrangian(center0, first));
  let masterValue = Number.NEGATIVE_INFINITY;
  let rounds = 0;
  let converged = false;
  const closeEnough = () => best - masterValue <= tolerance * Math.max(1, Math.abs(masterValue));
  try {
    master.options.set({ output_flag: false });
    for (;;) {
      master.run();
      // Patterns that cannot yet hold every forced-in initiative together leave the master
      // infeasible; the bound so far stands (it never depended on the master).
      if (master.getModelStatus() !== highs.constants.modelStatus.optimal) break;
      masterValue = master.getObjectiveValue();
      const current = clean(master.getSolution().rowDual);
      if (closeEnough()) {
        converged = true;
        break;
      }
      if (
        rounds >= maxRounds ||
        (settings.timeLimit !== undefined && elapsed() >= settings.timeLimit) ||
        settings.shouldStop?.()
      ) {
        break;
      }
      rounds += 1;
      let added = 0;
      // Greedy packings first: cheap, and any that improves the master will do for this round.
      // The pricing MIPs (which prove the bound) run only when the greedy finds nothing.
      if (settings.greedyFirst ?? true) {
        blocks.forEach((block, k) => {
          const weight = Float64Array.from(
            block.column,
            (_, e) => current[block.linkRow + e] as number,
          );
          const entries = block.column.length;
          const positive = Array.from(block.column, (_, e) => e).filter(
            (e) => (weight[e] as number) > TOLERANCE,
          );
          const heaviness = (e: number) => {
            let total = 0;
            block.limits.forEach((limit, row) => {
              total += (block.load[row * entries + e] as number) / Math.max(limit, TOLERANCE);
            });
            return total;
          };
          const orders = [
            [...positive].sort((a, b) => (weight[b] as number) - (weight[a] as number)),
            [...positive].sort(
              (a, b) =>
                (weight[b] as number) / (heaviness(b) + 1e-9) -
                (weight[a] as number) / (heaviness(a) + 1e-9),
            ),
          ];
          for (const order of orders) {
            const entriesPicked = greedy(block, order);
            let reduced = -(current[block.convexityRow] as number);
            for (const e of entriesPicked) reduced += weight[e] as number;
            if (reduced > 1e-6 && addPattern(k, entriesPicked)) added += 1;
          }
        });
        if (added > 0) {
          settings.onRound?.({
            round: rounds,
            bound: best,
            masterValue,
            patterns,
            elapsed: elapsed(),
          });
          continue;
        }
      }
      // Price at duals smoothed towards the best so far; if that finds nothing the master can
      // use, price again at the master's own duals.
      for (const alpha of smoothing > 0 ? [smoothing, 0] : [0]) {
        const dual =
          alpha > 0
            ? Float64Array.from(
                current,
                (y, row) => alpha * (center[row] as number) + (1 - alpha) * y,
              )
            : current;
        const results = priceAll(dual);
        const value = lagrangian(dual, results);
        if (value < best) {
          best = value;
          center = dual;
        }
        blocks.forEach((block, k) => {
          const result = results[k] as Pricing;
          // Worth adding when it improves the master at the master's own duals.
          let reduced = -(current[block.convexityRow] as number);
          for (const e of result.entries) reduced += current[block.linkRow + e] as number;
          if (reduced > 1e-7 && addPattern(k, result.entries)) added += 1;
        });
        if (added > 0 || closeEnough()) break;
      }
      settings.onRound?.({ round: rounds, bound: best, masterValue, patterns, elapsed: elapsed() });
      if (added === 0) {
        converged = closeEnough();
        break;
      }
    }
  } finally {
    master.dispose();
  }
  return {
    bound: Math.min(best, lpBound),
    lpBound,
    masterValue,
    rounds,
    patterns,
    converged,
    elapsed: elapsed(),
  };
}
