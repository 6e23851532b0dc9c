/**
 * Named edits of objective weights: a sibling group's weights set directly, or taken from pairwise
 * judgments (AHP), and what deleting or moving an objective does to the judgments that name it.
 */
import type { Judgment, ObjectiveComparison } from '../../portfolio/types';
import { compareGroup } from '../../strategy/ahp';
import { change, setField, type Change, type EditPlan } from '../changes';
import { OperationError, quoted } from '../context';
import type { PortfolioMeta, PortfolioState } from '../state';

/** The objectives of one sibling group: the children of `parentId`, or the themes. */
export function siblingsOf(state: PortfolioState, parentId: string | null) {
  return state.objectives.filter((objective) => (objective.parentId ?? null) === parentId);
}

/** "the themes" or "the objectives under “Grow revenue”", for labels. */
function groupName(state: PortfolioState, parentId: string | null): string {
  if (parentId === null) return 'the themes';
  const parent = state.objectives.find((objective) => objective.id === parentId);
  return `the objectives under ${quoted(parent?.name ?? parentId)}`;
}

/** The meta record with the group's judgments replaced (or removed when `judgments` is null). */
function withJudgments(
  meta: PortfolioMeta,
  parentId: string | null,
  judgments: readonly Judgment[] | null,
): PortfolioMeta {
  const others = (meta.objectiveComparisons ?? []).filter(
    (comparison) => comparison.parentId !== parentId,
  );
  const next: ObjectiveComparison[] = judgments ? [...others, { parentId, judgments }] : others;
  return setField(meta, 'objectiveComparisons', next.length > 0 ? next : undefined);
}

/** The weight changes of a group's objectives to `weights` (by id), skipping unchanged ones. */
function weightChanges(
  state: PortfolioState,
  parentId: string | null,
  weights: ReadonlyMap<string, number>,
): Change[] {
  const changes: Change[] = [];
  for (const objective of siblingsOf(state, parentId)) {
    const weight = weights.get(objective.id);
    if (weight === undefined || weight === objective.weight) continue;
    changes.push(change('objectives', objective.id, objective, { ...objective, weight }));
  }
  return changes;
}

/**
 * Sets a sibling group's weights directly, as shares that sum to 1 (`weights` by objective id;
 * any positive numbers, scaled to sum to 1). The group's pairwise judgments, if any, are dropped:
 * its weights are now the ones typed.
 */
export function setGroupWeights(
  state: PortfolioState,
  parentId: string | null,
  weights: Readonly<Record<string, number>>,
): EditPlan {
  const group = siblingsOf(state, parentId);
  const total = group.reduce((sum, objective) => sum + (weights[objective.id] ?? 0), 0);
  if (!(total > 0)) {
    throw new OperationError('Give at least one objective of the group a weight above 0.');
  }
  const shares = new Map(
    group.map((objective) => [objective.id, (weights[objective.id] ?? 0) / total]),
  );
  const changes = weightChanges(state, parentId, shares);
  const compared = (state.meta.objectiveComparisons ?? []).some(
    (comparison) => comparison.parentId === parentId,
  );
  if (compared) {
    changes.push(
      change('meta', 'portfolio', state.meta, withJudgments(state.meta, parentId, null)),
    );
  }
  return { label: `Set the weights of ${groupName(state, parentId)}`, changes };
}

/**
 * Compares a sibling group pairwise: stores its judgments (one per pair, complete) and gives each
 * objective the weight they yield, so that the file carries the same weights for readers that do
 * not know judgments. Refused when the judgments do not make a complete, valid comparison.
 */
export function setGroupJudgments(
  state: PortfolioState,
  parentId: string | null,
  judgments: readonly Judgment[],
): EditPlan {
  const ids = siblingsOf(state, parentId).map((objective) => objective.id);
  const result = compareGroup(ids, judgments);
  if (!result.ok) throw new OperationError(result.problems.join('; '));
  const consistency =
    result.consistencyRatio === undefined
      ? ''
      : ` (consistency ratio ${result.consistencyRatio.toFixed(2)})`;
  return {
    label: `Compared ${groupName(state, parentId)} pairwise${consistency}`,
    changes: [
      change(
        'meta',
        'portfolio',
        state.meta,
        withJudgments(
          state.meta,
          parentId,
          judgments.map(({ a, b, ratio }) => ({ a, b, ratio })),
        ),
      ),
      ...weightChanges(state, parentId, result.weights),
    ],
  };
}

/**
 * What removing `objectiveIds` from their sibling groups (a delete, or a move to another parent)
 * does to pairwise judgments: every judgment naming one of them goes, and so does the comparison
 * of a group the objectives were parents of when they are deleted (`deleted`). The remaining
 * judgments of a group no longer compare every pair, so that group's weights come from its weight
 * fields (which hold the weights the judgments gave) until it is compared again. Null when no
 * judgment is touched.
 */
export function judgmentsWithout(
  meta: PortfolioMeta,
  objectiveIds: ReadonlySet<string>,
  deleted: boolean,
): PortfolioMeta | null {
  const comparisons = meta.objectiveComparisons;
  if (!comparisons) return null;
  let touched = false;
  const kept: ObjectiveComparison[] = [];
  for (const comparison of comparisons) {
    if (deleted && comparison.parentId !== null && objectiveIds.has(comparison.parentId)) {
      touched = true;
      continue;
    }
    const judgments = comparison.judgments.filter(
      (judgment) => !objectiveIds.has(judgment.a) && !objectiveIds.has(judgment.b),
    );
    if (judgments.length !== comparison.judgments.length) {
      touched = true;
      // An incomplete comparison would say nothing: the group goes back to its weight fields.
      continue;
    }
    kept.push(comparison);
  }
  if (!touched) return null;
  return setField(meta, 'objectiveComparisons', kept.length > 0 ? kept : undefined);
}

/**
 * The change to the meta record that goes with removing `objectiveIds` from their groups, if any
 * (see `judgmentsWithout`).
 */
export function judgmentChangesWithout(
  state: PortfolioState,
  objectiveIds: ReadonlySet<string>,
  deleted: boolean,
): Change[] {
  const meta = judgmentsWithout(state.meta, objectiveIds, deleted);
  return meta ? [change('meta', 'portfolio', state.meta, meta)] : [];
}
