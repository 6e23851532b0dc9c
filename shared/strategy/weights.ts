/**
 * Objective weights across the strategy tree. Each sibling group (the children of one parent, or
 * the top-level themes) gets local weights summing to 1, from its pairwise judgments when it has
 * them (AHP) and from the objectives' `weight` fields otherwise; an objective's global weight is
 * the product of the local weights on its path from its theme.
 */
import type { Judgment, Objective, Portfolio } from '../portfolio/types';
import { compareGroup, type InconsistentJudgment } from './ahp';

/** Where a group's local weights came from. */
export type WeightSource = 'judgments' | 'weights';

export type ObjectiveWeight = {
  /** Share of its sibling group; the group sums to 1. */
  readonly local: number;
  /** Product of the local weights from its theme down; all themes together sum to 1. */
  readonly global: number;
  readonly source: WeightSource;
};

/** One sibling group: the children of `parentId`, or the themes when it is null. */
export type SiblingGroup = {
  readonly parentId: string | null;
  /** The group's objectives, in the portfolio's order. */
  readonly ids: readonly string[];
  /** From the judgments, when they were used and the group has three or more objectives. */
  readonly consistencyRatio?: number;
  /** From the judgments, when they were used. */
  readonly consistent?: boolean;
  readonly mostInconsistent?: InconsistentJudgment;
  /** Why the group's judgments could not be used; it then falls back to its `weight` fields. */
  readonly problems?: readonly string[];
};

export type ObjectiveWeights = {
  readonly objectives: ReadonlyMap<string, ObjectiveWeight>;
  /** Themes first, then the other groups in the order their first member appears. */
  readonly groups: readonly SiblingGroup[];
};

type StrategyInput = Pick<Portfolio, 'objectives' | 'objectiveComparisons'>;

/**
 * Local weights from `weight` fields. A weight that is missing (or not a finite number ≥ 0,
 * which the reader refuses anyway) counts as the mean of the weights that are set, so adding an
 * objective to a weighted group gives it an average share instead of nothing or everything. With
 * no weight set, or all of them zero, the shares are equal.
 */
function weightsFromFields(objectives: readonly Objective[]): number[] {
  const set = objectives
    .map((objective) => objective.weight)
    .filter(
      (weight): weight is number => weight !== undefined && Number.isFinite(weight) && weight >= 0,
    );
  const fill = set.length === 0 ? 1 : set.reduce((sum, weight) => sum + weight, 0) / set.length;
  const raw = objectives.map(({ weight }) =>
    weight !== undefined && Number.isFinite(weight) && weight >= 0 ? weight : fill,
  );
  const total = raw.reduce((sum, weight) => sum + weight, 0);
  if (!(total > 0)) return objectives.map(() => 1 / objectives.length);
  return raw.map((weight) => weight / total);
}

/**
 * Local and global weight of every objective, and what each sibling group's judgments say.
 *
 * Groups are the children of the same parent; an objective with no parent, or whose parent is
 * not an objective of the portfolio, is a theme. A group with judgments in
 * `objectiveComparisons` (several entries for the same parent are read as one) takes its weights
 * from `compareGroup`; if the judgments have problems, the group records them and falls back to
 * its `weight` fields. Global weights are the product of local weights from the theme down,
 * walked breadth-first without recursion. An objective that no theme reaches (only possible in a
 * parent cycle, which the reader refuses) has global weight 0. A repeated objective id (also
 * refused by the reader) counts once, at its first appearance.
 */
export function localWeights(portfolio: StrategyInput): ObjectiveWeights {
  const byId = new Map<string, Objective>();
  for (const objective of portfolio.objectives) {
    if (!byId.has(objective.id)) byId.set(objective.id, objective);
  }

  const children = new Map<string | null, Objective[]>([[null, []]]);
  for (const objective of byId.values()) {
    const parent = objective.parentId ?? null;
    const key = parent !== null && byId.has(parent) ? parent : null;
    const siblings = children.get(key);
    if (siblings) siblings.push(objective);
    else children.set(key, [objective]);
  }

  const judgmentsByParent = new Map<string | null, Judgment[]>();
  for (const comparison of portfolio.objectiveComparisons ?? []) {
    const list = judgmentsByParent.get(comparison.parentId);
    if (list) list.push(...comparison.judgments);
    else judgmentsByParent.set(comparison.parentId, [...comparison.judgments]);
  }

  const local = new Map<string, { readonly local: number; readonly source: WeightSource }>();
  const groups: SiblingGroup[] = [];
  for (const [parentId, members] of children) {
    if (members.length === 0) continue;
    const ids = members.map((objective) => objective.id);
    const judgments = judgmentsByParent.get(parentId) ?? [];
    const compared = judgments.length > 0 ? compareGroup(ids, judgments) : undefined;
    if (compared?.ok) {
      for (const id of ids)
        local.set(id, { local: compared.weights.get(id) ?? 0, source: 'judgments' });
      groups.push({
        parentId,
        ids,
        ...(compared.consistencyRatio === undefined
          ? {}
          : { consistencyRatio: compared.consistencyRatio }),
        consistent: compared.consistent,
        ...(compared.mostInconsistent ? { mostInconsistent: compared.mostInconsistent } : {}),
      });
      continue;
    }
    const shares = weightsFromFields(members);
    ids.forEach((id, i) => local.set(id, { local: shares[i] ?? 0, source: 'weights' }));
    groups.push(compared ? { parentId, ids, problems: compared.problems } : { parentId, ids });
  }

  const global = new Map<string, number>();
  // Breadth-first from the themes. Each objective is entered once, so even a parent cycle ends.
  const queue: string[] = [];
  for (const theme of children.get(null) ?? []) {
    global.set(theme.id, local.get(theme.id)?.local ?? 0);
    queue.push(theme.id);
  }
  for (let head = 0; head < queue.length; head += 1) {
    const parent = queue[head] ?? '';
    const parentGlobal = global.get(parent) ?? 0;
    for (const child of children.get(parent) ?? []) {
      if (global.has(child.id)) continue;
      global.set(child.id, parentGlobal * (local.get(child.id)?.local ?? 0));
      queue.push(child.id);
    }
  }

  const objectives = new Map<string, ObjectiveWeight>();
  for (const id of byId.keys()) {
    const entry = local.get(id);
    objectives.set(id, {
      local: entry?.local ?? 0,
      global: global.get(id) ?? 0,
      source: entry?.source ?? 'weights',
    });
  }
  return { objectives, groups };
}

/**
 * The `weight` to write into the file for each objective whose group takes its weights from
 * judgments: the AHP weights, unrounded, so a reader that knows nothing of judgments normalizes
 * them to the very same local weights. Objectives of other groups are absent; their `weight`
 * fields already say what they mean.
 */
export function derivedWeights(portfolio: StrategyInput): ReadonlyMap<string, number> {
  const derived = new Map<string, number>();
  for (const [id, weight] of localWeights(portfolio).objectives) {
    if (weight.source === 'judgments') derived.set(id, weight.local);
  }
  return derived;
}
