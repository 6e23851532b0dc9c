/**
 * Where an initiative's demand or spend does not fit what is left: the one question the cut line,
 * the optimizer's model and its reasons all ask, answered once.
 */
import type { BelowReason } from './cutline';

/** What an initiative asks for, per active period from its start. */
export type Demand = {
  readonly duration: number;
  /** Indexes of the teams it needs, in file order, and the demand per active period for each. */
  readonly teams: readonly number[];
  readonly demand: readonly (readonly number[])[];
  readonly spend: readonly number[];
};

/** What is left, by team index and period index, and the ids to name them by. */
export type Room = {
  readonly capacity: (team: number, period: number) => number;
  readonly budget: (period: number) => number;
  readonly teamId: (team: number) => string;
  readonly periodId: (period: number) => string;
};

/** Amounts smaller than this are rounding noise, not a shortfall. */
const TOLERANCE = 1e-9;

/**
 * The shortfalls of starting `item` at `start`: earliest period first, teams in file order, then
 * the budget. Only the first when `firstOnly`.
 */
export function shortfalls(
  item: Demand,
  start: number,
  room: Room,
  firstOnly = false,
): BelowReason[] {
  const found: BelowReason[] = [];
  for (let k = 0; k < item.duration; k += 1) {
    const p = start + k;
    for (let d = 0; d < item.teams.length; d += 1) {
      const t = item.teams[d] as number;
      const need = (item.demand[d] as readonly number[])[k] ?? 0;
      const left = room.capacity(t, p);
      if (need > left + TOLERANCE) {
        found.push({
          kind: 'capacity',
          team: room.teamId(t),
          period: room.periodId(p),
          short: need - Math.max(0, left),
        });
        if (firstOnly) return found;
      }
    }
    const cost = item.spend[k] ?? 0;
    const left = room.budget(p);
    if (cost > left + TOLERANCE) {
      found.push({ kind: 'budget', period: room.periodId(p), short: cost - Math.max(0, left) });
      if (firstOnly) return found;
    }
  }
  return found;
}
