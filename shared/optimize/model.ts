/**
 * The optimizer's model: a time-indexed 0/1 program with one binary per initiative and allowed
 * start period, built as plain sparse arrays that HiGHS reads directly. Rows:
 *
 * - choose: each initiative starts at most once (exactly once when forced in or committed; never
 *   when cancelled or forced out);
 * - precedence, in its tight cumulative form: for every period t, "started by t" of a dependant is
 *   at most "started by t − duration" of each prerequisite (finish before start, and selecting a
 *   dependant selects its prerequisites);
 * - excludes: at most one of a pair;
 * - capacity per team and period, budget per period, and optionally a cap on total spend.
 *
 * Starts that could never work are not given a column: outside the start window, past the
 * horizon, before the earliest finish of a prerequisite, or with a demand that exceeds a team's
 * whole capacity (or the whole budget) on its own. Rows that can never bind are left out.
 */
import { initiativeDuration, initiativeValue, totalSpend } from '../portfolio/measures';
import type { Forced, Initiative, Period, Portfolio, Team } from '../portfolio/types';
import type { BelowReason } from '../prioritize/cutline';
import { shortfalls, type Room } from '../prioritize/shortfall';
import { isCancelled, plannedForcing } from '../prioritize/status';

/** Changes to the portfolio for one solve (what-if questions, frontier points, Monte Carlo). */
export type Adjustments = {
  /** Forced in/out by initiative id, in place of the file's. `null` lifts the file's. */
  readonly forced?: Readonly<Record<string, Forced | null>>;
  /** Value by initiative id, in place of the file's. */
  readonly value?: Readonly<Record<string, number>>;
  /** Demand multiplier by initiative id (1 = as estimated). */
  readonly demandScale?: Readonly<Record<string, number>>;
  /** Upper limit on the total spend of the chosen initiatives, over all periods. */
  readonly totalSpendCap?: number;
};

/** Why an initiative has no start at all, before any solve. */
export type BlockedReason =
  BelowReason | { readonly kind: 'total-budget'; readonly cap: number; readonly spend: number };

/** One initiative as the model sees it. */
export type ModelItem = {
  readonly id: string;
  readonly value: number;
  readonly duration: number;
  readonly totalSpend: number;
  readonly forced?: Forced;
  /** Indexes of the teams it needs, in file order, and its demand per active period for each. */
  readonly teams: readonly number[];
  readonly demand: readonly (readonly number[])[];
  readonly spend: readonly number[];
  /** Allowed start period indexes, ascending; empty when blocked. */
  readonly starts: readonly number[];
  /** Index of the column of `starts[0]`; the others follow. */
  readonly firstColumn: number;
  /**
   * Column that is 1 when the initiative is chosen: its own binary when it has several starts
   * (the sum of its start columns; branching on it decides "in or out" at once), else its one
   * start column. −1 when blocked.
   */
  readonly selectColumn: number;
  readonly blocked?: BlockedReason;
  readonly dependsOn: readonly number[];
  readonly excludes: readonly number[];
};

export type PortfolioModel = {
  readonly items: readonly ModelItem[];
  readonly itemIndex: ReadonlyMap<string, number>;
  /** Item index of each column, and its start period index (−1 for a selection column). */
  readonly columnItem: Int32Array;
  readonly columnStart: Int32Array;
  readonly numCols: number;
  readonly numRows: number;
  readonly colCost: Float64Array;
  readonly colLower: Float64Array;
  readonly rowLower: Float64Array;
  readonly rowUpper: Float64Array;
  /** Rows as compressed sparse rows. */
  readonly rowStarts: Int32Array;
  readonly rowIndices: Int32Array;
  readonly rowValues: Float64Array;
  readonly periodCount: number;
  /** Capacity per team and period: `capacity[t * periodCount + p]`. */
  readonly capacity: Float64Array;
  /** Budget per period; `Infinity` where there is none. */
  readonly budget: Float64Array;
  readonly totalSpendCap: number;
  /** Forced-in initiatives that have no allowed start: the model is infeasible as it stands. */
  readonly impossibleForced: readonly number[];
};

/** Amounts smaller than this are rounding noise. */
export const TOLERANCE = 1e-9;

type Row = { lower: number; upper: number; columns: number[]; values: number[] };

/** How many items the solver may still place (those with a start left to choose). */
export function openItemCount(model: PortfolioModel): number {
  return model.items.filter((item) => item.starts.length > 0).length;
}

/** Builds the model of `portfolio` with `adjustments` applied. */
export function buildModel(portfolio: Portfolio, adjustments: Adjustments = {}): PortfolioModel {
  const { periods, teams, initiatives } = portfolio;
  const periodCount = periods.length;
  const periodIndex = new Map(periods.map((period, index) => [period.id, index]));
  const teamIndex = new Map(teams.map((team, index) => [team.id, index]));
  const itemIndex = new Map(initiatives.map((initiative, index) => [initiative.id, index]));
  const totalSpendCap = adjustments.totalSpendCap ?? Number.POSITIVE_INFINITY;

  const capacity = new Float64Array(teams.length * periodCount);
  teams.forEach((team, t) => {
    periods.forEach((period, p) => {
      capacity[t * periodCount + p] = team.capacity[period.id] ?? 0;
    });
  });
  const budget = new Float64Array(periodCount);
  periods.forEach((period, p) => {
    budget[p] = portfolio.budget?.[period.id] ?? Number.POSITIVE_INFINITY;
  });

  type Draft = Omit<ModelItem, 'starts' | 'firstColumn' | 'selectColumn' | 'blocked'> & {
    readonly initiative: Initiative;
  };
  const drafts: Draft[] = initiatives.map((initiative) => {
    const demand = initiative.demand ?? {};
    const needed: number[] = [];
    for (const team of Object.keys(demand)) {
      const t = teamIndex.get(team);
      if (t !== undefined) needed.push(t);
    }
    needed.sort((a, b) => a - b);
    const scale = adjustments.demandScale?.[initiative.id] ?? 1;
    // Status counts: cancelled work stays out whatever is asked; committed work is forced in
    // unless a what-if lifts or changes it.
    const override = adjustments.forced?.[initiative.id];
    const forced = isCancelled(initiative)
      ? 'out'
      : override === undefined
        ? plannedForcing(initiative)
        : (override ?? undefined);
    return {
      initiative,
      id: initiative.id,
      value: adjustments.value?.[initiative.id] ?? initiativeValue(initiative, portfolio) ?? 0,
      duration: Math.max(1, initiativeDuration(initiative)),
      totalSpend: totalSpend(initiative),
      ...(forced !== undefined && { forced }),
      teams: needed,
      demand: needed.map((t) =>
        (demand[(teams[t] as Team).id] as readonly number[]).map((amount) => amount * scale),
      ),
      spend: initiative.spend ?? [],
      dependsOn: (initiative.dependsOn ?? [])
        .map((id) => itemIndex.get(id))
        .filter((index): index is number => index !== undefined),
      excludes: (initiative.excludes ?? [])
        .map((id) => itemIndex.get(id))
        .filter((index): index is number => index !== undefined),
    };
  });

  /** The first shortfall of starting at `start` with the whole capacity and budget free. */
  const wholeRoom: Room = {
    capacity: (t, p) => capacity[t * periodCount + p] as number,
    budget: (p) => budget[p] as number,
    teamId: (t) => (teams[t] as Team).id,
    periodId: (p) => (periods[p] as Period).id,
  };
  /** The first shortfall of starting at `start` with the whole capacity and budget free. */
  const aloneShortfall = (draft: Draft, start: number): BlockedReason | undefined =>
    shortfalls(draft, start, wholeRoom, true)[0];

  // Allowed starts, prerequisites first (the file has no dependency cycle; a bad one is cut).
  const startsOf: (number[] | undefined)[] = new Array(drafts.length);
  const blockedOf: (BlockedReason | undefined)[] = new Array(drafts.length);
  /** Settles one item whose prerequisites are settled (one not yet settled counts as missing). */
  const resolve = (index: number): number[] => {
    const draft = drafts[index] as Draft;
    const finish = (starts: number[], reason: BlockedReason | undefined) => {
      startsOf[index] = starts;
      blockedOf[index] = starts.length === 0 ? reason : undefined;
      return starts;
    };
    if (draft.forced === 'out') {
      return finish(
        [],
        isCancelled(draft.initiative) ? { kind: 'cancelled' } : { kind: 'forced-out' },
      );
    }
    if (draft.totalSpend > totalSpendCap + TOLERANCE) {
      return finish([], { kind: 'total-budget', cap: totalSpendCap, spend: draft.totalSpend });
    }
    let earliest = 0;
    let missing: number | undefined;
    for (const prerequisite of draft.dependsOn) {
      const starts = startsOf[prerequisite];
      if (!starts || starts.length === 0) {
        missing ??= prerequisite;
        continue;
      }
      earliest = Math.max(
        earliest,
        (starts[0] as number) + (drafts[prerequisite] as Draft).duration,
      );
    }
    if (missing !== undefined) {
      return finish([], { kind: 'needs', prerequisite: (drafts[missing] as Draft).id });
    }
    const { initiative } = draft;
    const lastPeriod = periods[periodCount - 1]?.id ?? '';
    const fixed = initiative.start !== undefined ? periodIndex.get(initiative.start) : undefined;
    const windowStart =
      initiative.earliestStart !== undefined ? periodIndex.get(initiative.earliestStart) : 0;
    const windowEnd =
      initiative.latestStart !== undefined ? periodIndex.get(initiative.latestStart) : undefined;
    let low = Math.max(earliest, windowStart ?? 0);
    let high = Math.min(windowEnd ?? periodCount - 1, periodCount - draft.duration);
    if (fixed !== undefined) {
      if (fixed < low || fixed > high) {
        return finish([], {
          kind: 'no-start',
          cause: 'fixed-start',
          period: initiative.start ?? '',
        });
      }
      low = fixed;
      high = fixed;
    }
    if (low > high) {
      const beyondHorizon = low > periodCount - draft.duration;
      return finish([], {
        kind: 'no-start',
        cause: beyondHorizon ? 'horizon' : 'latest-start',
        period: beyondHorizon ? lastPeriod : (initiative.latestStart ?? lastPeriod),
      });
    }
    const starts: number[] = [];
    for (let start = low; start <= high; start += 1) {
      if (aloneShortfall(draft, start) === undefined) starts.push(start);
    }
    return finish(starts, starts.length === 0 ? aloneShortfall(draft, low) : undefined);
  };
  for (const index of prerequisitesFirst(drafts.map((draft) => draft.dependsOn))) resolve(index);

  // Columns: every start of every item, then one selection column per item with several starts.
  let numCols = 0;
  const partial = drafts.map((draft, index) => {
    const starts = startsOf[index] as number[];
    const firstColumn = numCols;
    numCols += starts.length;
    return { draft, starts, firstColumn };
  });
  const items: ModelItem[] = partial.map(({ draft, starts, firstColumn }, index) => {
    const { initiative: _initiative, ...rest } = draft;
    let selectColumn = -1;
    if (starts.length === 1) selectColumn = firstColumn;
    else if (starts.length > 1) selectColumn = numCols++;
    return {
      ...rest,
      starts,
      firstColumn,
      selectColumn,
      ...(blockedOf[index] !== undefined && { blocked: blockedOf[index] }),
    };
  });
  const columnItem = new Int32Array(numCols);
  const columnStart = new Int32Array(numCols).fill(-1);
  const colCost = new Float64Array(numCols);
  const colLower = new Float64Array(numCols);
  items.forEach((item, index) => {
    item.starts.forEach((start, offset) => {
      const column = item.firstColumn + offset;
      columnItem[column] = index;
      columnStart[column] = start;
    });
    if (item.selectColumn >= 0) {
      columnItem[item.selectColumn] = index;
      colCost[item.selectColumn] = item.value;
      if (item.forced === 'in') colLower[item.selectColumn] = 1;
    }
  });

  const rows: Row[] = [];
  const addRow = (row: Row) => {
    rows.push(row);
  };
  const impossibleForced: number[] = [];

  items.forEach((item, index) => {
    if (item.forced === 'in' && item.starts.length === 0) impossibleForced.push(index);
    if (item.starts.length < 2) return;
    // The starts add up to the selection: at most one start, and only when chosen.
    const columns = [
      ...item.starts.map((_, offset) => item.firstColumn + offset),
      item.selectColumn,
    ];
    addRow({
      lower: 0,
      upper: 0,
      columns,
      values: columns.map((_, k) => (k < item.starts.length ? 1 : -1)),
    });
  });

  items.forEach((item) => {
    if (item.starts.length === 0) return;
    for (const prerequisite of new Set(item.dependsOn)) {
      const before = items[prerequisite] as ModelItem;
      for (const t of item.starts) {
        const columns: number[] = [];
        const values: number[] = [];
        item.starts.forEach((start, offset) => {
          if (start <= t) {
            columns.push(item.firstColumn + offset);
            values.push(1);
          }
        });
        before.starts.forEach((start, offset) => {
          if (start + before.duration <= t) {
            columns.push(before.firstColumn + offset);
            values.push(-1);
          }
        });
        addRow({ lower: Number.NEGATIVE_INFINITY, upper: 0, columns, values });
      }
    }
  });

  const pairs = new Set<string>();
  items.forEach((item, index) => {
    for (const other of item.excludes) {
      if (other === index) continue;
      const [a, b] = index < other ? [index, other] : [other, index];
      const key = `${a}:${b}`;
      if (pairs.has(key)) continue;
      pairs.add(key);
      const first = items[a] as ModelItem;
      const second = items[b] as ModelItem;
      if (first.starts.length === 0 || second.starts.length === 0) continue;
      const columns = [first.selectColumn, second.selectColumn];
      addRow({ lower: Number.NEGATIVE_INFINITY, upper: 1, columns, values: columns.map(() => 1) });
    }
  });

  // Capacity and budget: gather each column's load per team and period.
  const loadRows = new Map<number, Row>();
  const loadMax = new Map<number, Float64Array>();
  const budgetKey = teams.length * periodCount;
  const addLoad = (key: number, column: number, amount: number, itemIndexOf: number) => {
    let row = loadRows.get(key);
    if (!row) {
      row = { lower: Number.NEGATIVE_INFINITY, upper: 0, columns: [], values: [] };
      loadRows.set(key, row);
    }
    row.columns.push(column);
    row.values.push(amount);
    let max = loadMax.get(key);
    if (!max) {
      max = new Float64Array(items.length);
      loadMax.set(key, max);
    }
    max[itemIndexOf] = Math.max(max[itemIndexOf] as number, amount);
  };
  items.forEach((item, index) => {
    item.starts.forEach((start, offset) => {
      const column = item.firstColumn + offset;
      for (let k = 0; k < item.duration; k += 1) {
        const p = start + k;
        item.teams.forEach((t, d) => {
          const need = (item.demand[d] as readonly number[])[k] ?? 0;
          if (need > 0) addLoad(t * periodCount + p, column, need, index);
        });
        const cost = item.spend[k] ?? 0;
        if (cost > 0 && Number.isFinite(budget[p] as number)) {
          addLoad(budgetKey + p, column, cost, index);
        }
      }
    });
  });
  for (const key of [...loadRows.keys()].sort((a, b) => a - b)) {
    const row = loadRows.get(key) as Row;
    const limit =
      key >= budgetKey ? (budget[key - budgetKey] as number) : (capacity[key] as number);
    const most = (loadMax.get(key) as Float64Array).reduce((sum, amount) => sum + amount, 0);
    if (most <= limit + TOLERANCE) continue;
    row.upper = limit;
    addRow(row);
  }

  // Whole-horizon rows per team and for the budget: implied by the period rows, but a solver's
  // cover cuts work row by row, and these rows carry what the period rows only say together.
  const addHorizonRow = (team: number | undefined, amountOf: (item: ModelItem) => number) => {
    let limit = 0;
    for (let p = 0; p < periodCount; p += 1) {
      limit +=
        team === undefined ? (budget[p] as number) : (capacity[team * periodCount + p] as number);
    }
    if (!Number.isFinite(limit)) return;
    const row: Row = { lower: Number.NEGATIVE_INFINITY, upper: limit, columns: [], values: [] };
    let most = 0;
    for (const item of items) {
      const amount = amountOf(item);
      if (amount <= 0 || item.starts.length === 0) continue;
      most += amount;
      row.columns.push(item.selectColumn);
      row.values.push(amount);
    }
    if (most > limit + TOLERANCE) addRow(row);
  };
  const sum = (list: readonly number[]) => list.reduce((total, amount) => total + amount, 0);
  teams.forEach((_, t) =>
    addHorizonRow(t, (item) => {
      const d = item.teams.indexOf(t);
      return d < 0 ? 0 : sum(item.demand[d] as readonly number[]);
    }),
  );
  addHorizonRow(undefined, (item) => sum(item.spend));

  if (Number.isFinite(totalSpendCap)) {
    const columns: number[] = [];
    const values: number[] = [];
    let most = 0;
    items.forEach((item) => {
      if (item.totalSpend <= 0 || item.starts.length === 0) return;
      most += item.totalSpend;
      columns.push(item.selectColumn);
      values.push(item.totalSpend);
    });
    if (most > totalSpendCap + TOLERANCE) {
      addRow({ lower: Number.NEGATIVE_INFINITY, upper: totalSpendCap, columns, values });
    }
  }

  const numRows = rows.length;
  const rowStarts = new Int32Array(numRows + 1);
  let nonzeros = 0;
  rows.forEach((row, index) => {
    nonzeros += row.columns.length;
    rowStarts[index + 1] = nonzeros;
  });
  const rowIndices = new Int32Array(nonzeros);
  const rowValues = new Float64Array(nonzeros);
  const rowLower = new Float64Array(numRows);
  const rowUpper = new Float64Array(numRows);
  rows.forEach((row, index) => {
    const at = rowStarts[index] as number;
    rowIndices.set(row.columns, at);
    rowValues.set(row.values, at);
    rowLower[index] = row.lower;
    rowUpper[index] = row.upper;
  });

  return {
    items,
    itemIndex,
    columnItem,
    columnStart,
    numCols,
    numRows,
    colCost,
    colLower,
    rowLower,
    rowUpper,
    rowStarts,
    rowIndices,
    rowValues,
    periodCount,
    capacity,
    budget,
    totalSpendCap,
    impossibleForced,
  };
}

/** The solution vector that starts each initiative of `starts` (item index → start period). */
export function columnsFor(
  model: PortfolioModel,
  starts: ReadonlyMap<number, number>,
): Float64Array {
  const x = new Float64Array(model.numCols);
  for (const [index, start] of starts) {
    const item = model.items[index] as ModelItem;
    const offset = item.starts.indexOf(start);
    if (offset < 0) continue;
    x[item.firstColumn + offset] = 1;
    x[item.selectColumn] = 1;
  }
  return x;
}

/** Item index → start period index of the chosen initiatives in a solution vector. */
export function startsIn(model: PortfolioModel, x: ArrayLike<number>): Map<number, number> {
  const starts = new Map<number, number>();
  for (let column = 0; column < model.numCols; column += 1) {
    if ((x[column] as number) > 0.5 && (model.columnStart[column] as number) >= 0) {
      starts.set(model.columnItem[column] as number, model.columnStart[column] as number);
    }
  }
  return starts;
}

/**
 * Item indexes ordered so that every item follows its prerequisites (`dependsOn[i]` lists the
 * prerequisites of item i), by a depth-first walk that keeps its own stack: a chain of thousands
 * cannot overflow the call stack. An edge that closes a cycle is ignored.
 */
export function prerequisitesFirst(dependsOn: readonly (readonly number[])[]): number[] {
  const order: number[] = [];
  /** 0: not seen, 1: on the walk's path, 2: ordered. */
  const state = new Uint8Array(dependsOn.length);
  for (let root = 0; root < dependsOn.length; root += 1) {
    if (state[root] !== 0) continue;
    const path: { index: number; next: number }[] = [{ index: root, next: 0 }];
    state[root] = 1;
    while (path.length > 0) {
      const frame = path[path.length - 1] as { index: number; next: number };
      const prerequisites = dependsOn[frame.index] ?? [];
      if (frame.next < prerequisites.length) {
        const prerequisite = prerequisites[frame.next] as number;
        frame.next += 1;
        if (state[prerequisite] === 0) {
          state[prerequisite] = 1;
          path.push({ index: prerequisite, next: 0 });
        }
        continue;
      }
      path.pop();
      state[frame.index] = 2;
      order.push(frame.index);
    }
  }
  return order;
}
