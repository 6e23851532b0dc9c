/**
 * Named edits of scenarios and their stacks. A scenario's ranking is one rank record per ranked
 * initiative, so that moving cards rewrites the moved cards' records only.
 */
import { computeCutLine, lineOf, stackOrder } from '../../prioritize/cutline';
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
