/**
 * Named edits of scenarios and their stacks. A scenario's ranking is one rank record per ranked
 * initiative, so that moving cards rewrites the moved cards' records only.
 */
import { computeCutLine, lineOf, stackOrder } from '../../prioritize/cutline';
import { MODEL_NAMES, modelRanking } from '../../strategy/scoring';
import type { Extras } from '../../portfolio/types';
import { change, type Change, type EditPlan } from '../changes';
import { keyOf } from '../entities';
import { byId, OperationError, quoted, type EditContext } from '../context';
import {
  applyChanges,
  lastOrder,
  rankRecords,
  stateToPortfolio,
  type PortfolioState,
  type RankRecord,
  type ScenarioRecord,
} from '../state';

/** The scenario's stack: ranked initiatives by rank, then the unranked ones in list order. */
export function stackOf(state: PortfolioState, scenarioId: string): string[] {
  return stackOrder(stateToPortfolio(state), scenarioId);
}

/**
 * Adds a scenario. Its stack is `ranking` when given, otherwise every initiative in list order;
 * `extras` are kept with it (what the optimizer records of a plan).
 */
export function createScenario(
  state: PortfolioState,
  context: EditContext,
  name: string,
  ranking?: readonly string[],
  extras?: Extras,
): EditPlan & { readonly id: string } {
  const id = context.newId('scenarios');
  const order = ranking ?? state.initiatives.map((initiative) => initiative.id);
  const record: ScenarioRecord = {
    id,
    name,
    ...(extras !== undefined && { extras }),
    order: context.keys.between(lastOrder(state.scenarios), null),
  };
  return {
    id,
    label: `Added scenario ${quoted(name)}`,
    changes: [
      change('scenarios', id, undefined, record),
      ...rankRecords(id, order, context.keys).map((rank) =>
        change('ranks', keyOf('ranks', rank), undefined, rank),
      ),
    ],
  };
}

/** Copies a scenario with its stack as it is now. */
export function duplicateScenario(
  state: PortfolioState,
  context: EditContext,
  id: string,
): EditPlan & { readonly id: string } {
  const source = byId(state.scenarios, id, 'Scenario');
  const name = `${source.name} (copy)`;
  const copyId = context.newId('scenarios');
  const copy: ScenarioRecord = {
    ...source,
    id: copyId,
    name,
    order: context.keys.between(lastOrder(state.scenarios), null),
  };
  return {
    id: copyId,
    label: `Duplicated scenario ${quoted(source.name)}`,
    changes: [
      change('scenarios', copyId, undefined, copy),
      ...rankRecords(copyId, stackOf(state, id), context.keys).map((rank) =>
        change('ranks', keyOf('ranks', rank), undefined, rank),
      ),
    ],
  };
}

export function renameScenario(state: PortfolioState, id: string, name: string): EditPlan {
  const scenario = byId(state.scenarios, id, 'Scenario');
  return {
    label: `Renamed scenario ${quoted(scenario.name)} to ${quoted(name)}`,
    changes: [change('scenarios', id, scenario, { ...scenario, name })],
  };
}

/** Deletes a scenario and its stack. */
export function deleteScenario(state: PortfolioState, id: string): EditPlan {
  const scenario = byId(state.scenarios, id, 'Scenario');
  return {
    label: `Deleted scenario ${quoted(scenario.name)}`,
    changes: [
      change('scenarios', id, scenario, undefined),
      ...state.ranks
        .filter((rank) => rank.scenarioId === id)
        .map((rank) => change('ranks', keyOf('ranks', rank), rank, undefined)),
    ],
  };
}

export type StackMove = {
  readonly scenarioId: string;
  /** The cards to move, in the order they should end up. */
  readonly ids: readonly string[];
  /** The card they go in front of; null: the bottom of the stack. */
  readonly before: string | null;
};

/**
 * Moves cards in a scenario's stack: a new rank for each moved card between its new neighbours.
 * Cards the ranking never named get a rank only when cards are moved below them. Every other
 * record stays as it is. `label` says what the move means ("Moved WMS upgrade above the line").
 */
export function moveInStack(
  state: PortfolioState,
  context: EditContext,
  move: StackMove,
  label?: string,
): EditPlan {
  const scenario = byId(state.scenarios, move.scenarioId, 'Scenario');
  const moved = [...new Set(move.ids)];
  const names = new Map(state.initiatives.map((initiative) => [initiative.id, initiative.name]));
  for (const id of moved) {
    if (!names.has(id)) throw new OperationError(`Initiative "${id}" no longer exists.`);
  }
  const movedSet = new Set(moved);
  const current = new Map<string, RankRecord>(
    state.ranks
      .filter((record) => record.scenarioId === move.scenarioId)
      .map((record) => [record.initiativeId, record]),
  );
  const remaining = stackOf(state, move.scenarioId).filter((id) => !movedSet.has(id));
  const insertAt = move.before === null ? remaining.length : remaining.indexOf(move.before);
  if (insertAt < 0) throw new OperationError(`Initiative "${move.before}" is not in the stack.`);
  const rankedCount = remaining.filter((id) => current.has(id)).length;
  const rankOf = (id: string | undefined) =>
    id === undefined ? null : (current.get(id)?.rank ?? null);

  let toRank: string[];
  let keys: string[];
  if (insertAt <= rankedCount) {
    toRank = moved;
    const below = insertAt < rankedCount ? rankOf(remaining[insertAt]) : null;
    keys = context.keys.spread(rankOf(remaining[insertAt - 1]), below, moved.length);
  } else {
    // Dropped among cards the ranking never named: rank those above the drop point too.
    toRank = [...remaining.slice(rankedCount, insertAt), ...moved];
    keys = context.keys.spread(rankOf(remaining[rankedCount - 1]), null, toRank.length);
  }
  const changes: Change[] = toRank.map((initiativeId, index) => {
    const after: RankRecord = {
      scenarioId: move.scenarioId,
      initiativeId,
      rank: keys[index] as string,
    };
    return change('ranks', keyOf('ranks', after), current.get(initiativeId), after);
  });
  const first = moved[0];
  const what =
    moved.length === 1 && first !== undefined
      ? quoted(names.get(first) ?? first)
      : `${moved.length} initiatives`;
  const where =
    insertAt === 0
      ? 'to the top'
      : move.before === null
        ? 'to the bottom'
        : `above ${quoted(names.get(move.before) ?? move.before)}`;
  const crossing = first === undefined ? '' : lineCrossing(state, changes, move.scenarioId, first);
  return {
    label: label ?? `Moved ${what} ${where} in ${quoted(scenario.name)}${crossing}`,
    changes,
  };
}

/** Whether the move takes `id` across the cut line: ", now above the line", or nothing. */
function lineCrossing(
  state: PortfolioState,
  changes: readonly Change[],
  scenarioId: string,
  id: string,
): string {
  const side = (at: PortfolioState): boolean => {
    const portfolio = stateToPortfolio(at);
    const order = stackOrder(portfolio, scenarioId);
    return lineOf(portfolio, computeCutLine(portfolio, order), order).above.includes(id);
  };
  const before = side(state);
  const after = side(applyChanges(state, changes));
  if (before === after) return '';
  return after ? ', now above the line' : ', now below the line';
}

/**
 * The longest run of `ids`, in their order, whose current ranks (or places) already increase:
 * those cards need not move when the stack is put in the order of `ids`.
 */
function keptInPlace<T extends string | number>(
  ids: readonly string[],
  ranks: ReadonlyMap<string, T>,
): Set<string> {
  // Patience sorting over the ranks (plain string order), remembering each card's predecessor.
  const tails: number[] = [];
  const previous = new Array<number>(ids.length).fill(-1);
  const rankAt = (index: number) => ranks.get(ids[index] as string) as T;
  ids.forEach((id, index) => {
    const rank = ranks.get(id);
    if (rank === undefined) return;
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (rankAt(tails[middle] as number) < rank) low = middle + 1;
      else high = middle;
    }
    if (low > 0) previous[index] = tails[low - 1] as number;
    tails[low] = index;
  });
  const kept = new Set<string>();
  for (let index = tails.at(-1) ?? -1; index >= 0; index = previous[index] as number) {
    kept.add(ids[index] as string);
  }
  return kept;
}

/**
 * Ranks a scenario by the scoring model: its stack becomes `modelRanking` (highest priority first,
 * those without a priority last in file order). With `scenarioId` null, adds a scenario "Ranked
 * by <model>" instead. Cards already in the model's relative order keep their rank records; the
 * others get new ranks between their neighbours, so the edit writes only the cards that move.
 */
export function rankScenarioByModel(
  state: PortfolioState,
  context: EditContext,
  scenarioId: string | null,
): EditPlan & { readonly id: string } {
  const scoring = state.meta.scoring;
  if (!scoring) throw new OperationError('The portfolio has no scoring model to rank by.');
  const model = MODEL_NAMES[scoring.model];
  const ranking = modelRanking(stateToPortfolio(state));
  if (scenarioId === null) {
    const plan = createScenario(state, context, `Ranked by ${model}`, ranking);
    return { ...plan, label: `Added scenario ${quoted(`Ranked by ${model}`)}, ranked by ${model}` };
  }
  const scenario = byId(state.scenarios, scenarioId, 'Scenario');
  const stack = stackOf(state, scenarioId);
  const places = new Map(stack.map((id, place) => [id, place]));
  const moved = ranking.length - keptInPlace(ranking, places).size;
  const label = `Ranked ${quoted(scenario.name)} by ${model}`;
  // Already in the model's order: nothing to write (cards it never ranked stay unranked).
  if (moved === 0) return { id: scenarioId, label, changes: [] };
  const current = new Map<string, RankRecord>(
    state.ranks
      .filter((record) => record.scenarioId === scenarioId)
      .map((record) => [record.initiativeId, record]),
  );
  const ranks = new Map([...current].map(([id, record]) => [id, record.rank]));
  const kept = keptInPlace(ranking, ranks);
  const changes: Change[] = [];
  let index = 0;
  let before: string | null = null;
  while (index < ranking.length) {
    const id = ranking[index] as string;
    if (kept.has(id)) {
      before = ranks.get(id) as string;
      index += 1;
      continue;
    }
    // A run of cards to re-rank, between the kept card before it and the next kept one.
    let end = index;
    while (end < ranking.length && !kept.has(ranking[end] as string)) end += 1;
    const next = end < ranking.length ? (ranks.get(ranking[end] as string) as string) : null;
    const keys = context.keys.spread(before, next, end - index);
    ranking.slice(index, end).forEach((initiativeId, offset) => {
      const after: RankRecord = { scenarioId, initiativeId, rank: keys[offset] as string };
      changes.push(change('ranks', keyOf('ranks', after), current.get(initiativeId), after));
    });
    before = keys.at(-1) ?? before;
    index = end;
  }
  return {
    id: scenarioId,
    label: `${label}: ${moved === 1 ? '1 card' : `${moved} cards`} moved`,
    changes,
  };
}
