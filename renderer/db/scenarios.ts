/**
 * Scenarios and their stacks. A scenario's ranking is kept as one `ranks` row per ranked
 * initiative, so that moving cards on the board rewrites the moved cards' rows only.
 */
import { uniqueId } from '../../shared/portfolio/ids';
import type { Extras } from '../../shared/portfolio/types';
import { ranksBetween } from '../../shared/prioritize/fractional-rank';
import type { RowChange } from './changes';
import { stackOrder } from '../../shared/prioritize/cutline';
import { rankRows, rowsToPortfolio, type PortfolioRows } from './portfolio-rows';
import {
  change,
  commitEdit,
  keyOfRow,
  nextPos,
  updateById,
  type CommitOptions,
  type EditResult,
} from './repository';
import type { RankRow, ScenarioRow } from './schema';

/** The scenario's stack: ranked initiatives by rank, then the unranked ones in file order. */
export function stackOf(rows: PortfolioRows, scenarioId: string): string[] {
  return stackOrder(rowsToPortfolio(rows), scenarioId);
}

function scenarioRow(rows: PortfolioRows, id: string): ScenarioRow {
  const row = rows.scenarios.find((scenario) => scenario.id === id);
  if (!row) throw new Error(`Scenario "${id}" no longer exists.`);
  return row;
}

/**
 * Adds a scenario and returns its id. Its stack is `ranking` when given, otherwise every
 * initiative in file order; `extras` are kept with it (what the optimizer records of a plan).
 */
export async function createScenario(
  name: string,
  ranking?: readonly string[],
  extras?: Extras,
): Promise<string> {
  let id = '';
  await commitEdit('Add scenario', ({ scenarios, initiatives }) => {
    id = uniqueId(name, new Set(scenarios.map((scenario) => scenario.id)));
    const order =
      ranking ?? [...initiatives].sort((a, b) => a.pos - b.pos).map((initiative) => initiative.id);
    const row: ScenarioRow = {
      id,
      name,
      ...(extras !== undefined && { extras }),
      pos: nextPos(scenarios),
    };
    return [
      change('scenarios', id, undefined, row),
      ...rankRows(id, order).map((rank) =>
        change('ranks', keyOfRow('ranks', rank), undefined, rank),
      ),
    ];
  });
  return id;
}

/** Copies a scenario with its stack as it is now; returns the copy's id. */
export async function duplicateScenario(id: string): Promise<string> {
  let copyId = '';
  await commitEdit('Duplicate scenario', (rows) => {
    const source = scenarioRow(rows, id);
    const name = `${source.name} (copy)`;
    copyId = uniqueId(name, new Set(rows.scenarios.map((scenario) => scenario.id)));
    const copy: ScenarioRow = { ...source, id: copyId, name, pos: nextPos(rows.scenarios) };
    return [
      change('scenarios', copyId, undefined, copy),
      ...rankRows(copyId, stackOf(rows, id)).map((rank) =>
        change('ranks', keyOfRow('ranks', rank), undefined, rank),
      ),
    ];
  });
  return copyId;
}

/** Edits one scenario's name or description. */
export function updateScenario(
  id: string,
  label: string,
  update: (scenario: ScenarioRow) => ScenarioRow,
  options?: CommitOptions,
): Promise<EditResult> {
  return updateById('scenarios', 'Scenario', id, label, update, options);
}

/** Deletes a scenario and its stack. */
export function deleteScenario(id: string): Promise<EditResult> {
  return commitEdit('Delete scenario', ({ scenarios, ranks }) => {
    const row = scenarios.find((scenario) => scenario.id === id);
    if (!row) return [];
    return [
      change('scenarios', id, row, undefined),
      ...ranks
        .filter((rank) => rank.scenarioId === id)
        .map((rank) => change('ranks', keyOfRow('ranks', rank), rank, undefined)),
    ];
  });
}

export type StackMove = {
  readonly scenarioId: string;
  /** The cards to move, in the order they should end up. */
  readonly ids: readonly string[];
  /** The card they go in front of; null: the bottom of the stack. */
  readonly before: string | null;
};

/**
 * The rank rows a move writes: a new rank for each moved card between its new neighbours. Cards
 * the ranking never named get a rank only when cards are moved below them. Every other row
 * stays as it is.
 */
export function planStackMove(rows: PortfolioRows, move: StackMove): RowChange[] {
  scenarioRow(rows, move.scenarioId);
  const moved = [...new Set(move.ids)];
  const known = new Set(rows.initiatives.map((initiative) => initiative.id));
  for (const id of moved) {
    if (!known.has(id)) throw new Error(`Initiative "${id}" no longer exists.`);
  }
  const movedSet = new Set(moved);
  const current = new Map<string, RankRow>(
    rows.ranks
      .filter((row) => row.scenarioId === move.scenarioId)
      .map((row) => [row.initiativeId, row]),
  );
  const remaining = stackOf(rows, move.scenarioId).filter((id) => !movedSet.has(id));
  const insertAt = move.before === null ? remaining.length : remaining.indexOf(move.before);
  if (insertAt < 0) throw new Error(`Initiative "${move.before}" is not in the stack.`);
  const rankedCount = remaining.filter((id) => current.has(id)).length;
  const rankOf = (id: string | undefined) =>
    id === undefined ? null : (current.get(id)?.rank ?? null);

  let toRank: string[];
  let keys: string[];
  if (insertAt <= rankedCount) {
    toRank = moved;
    const below = insertAt < rankedCount ? rankOf(remaining[insertAt]) : null;
    keys = ranksBetween(rankOf(remaining[insertAt - 1]), below, moved.length);
  } else {
    // Dropped among cards the ranking never named: rank those above the drop point too.
    toRank = [...remaining.slice(rankedCount, insertAt), ...moved];
    keys = ranksBetween(rankOf(remaining[rankedCount - 1]), null, toRank.length);
  }
  return toRank.map((initiativeId, index) => {
    const after: RankRow = {
      scenarioId: move.scenarioId,
      initiativeId,
      rank: keys[index] as string,
    };
    return change('ranks', keyOfRow('ranks', after), current.get(initiativeId), after);
  });
}

/** Moves cards in a scenario's stack: one undo step, one row written per moved card. */
export function moveInStack(move: StackMove, label = 'Move in ranking'): Promise<EditResult> {
  return commitEdit(label, (rows) => planStackMove(rows, move));
}
