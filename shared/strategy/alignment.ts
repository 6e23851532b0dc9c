/**
 * How the portfolio lines up with its objectives: which initiative serves which objective (the
 * heatmap), how the funded spend and capacity split over the objective tree against the
 * objectives' weights, what serves nothing and what nothing serves, and one alignment score.
 */
import { totalEffort, totalSpend } from '../portfolio/measures';
import type { Initiative, Objective, Portfolio } from '../portfolio/types';

export type ObjectiveNode = {
  readonly objective: Objective;
  /** 0 for a theme, 1 for an objective under it, and so on. */
  readonly depth: number;
  /**
   * The parent as the tree is drawn: null for a theme, for an objective whose parent does not
   * exist, and for the objective where a parent cycle is cut.
   */
  readonly parentId: string | null;
  /** No objective is drawn under it. */
  readonly leaf: boolean;
};

/**
 * Objectives as a tree reads (depth first, siblings in file order), each with its depth. A
 * parent that does not exist counts as none. Objectives caught in a parent cycle (which a valid
 * file cannot have) are not lost: the first of them in file order becomes a theme and the rest
 * hang under it as their parents say, so every objective appears once and every branch ends.
 * Iterative and linear, for trees thousands of objectives deep or wide.
 */
export function objectiveTree(objectives: readonly Objective[]): ObjectiveNode[] {
  const ids = new Set(objectives.map((objective) => objective.id));
  const children = new Map<string | null, Objective[]>();
  for (const objective of objectives) {
    const parent =
      objective.parentId != null && ids.has(objective.parentId) ? objective.parentId : null;
    const list = children.get(parent) ?? [];
    list.push(objective);
    children.set(parent, list);
  }
  const ordered: { objective: Objective; depth: number; parentId: string | null }[] = [];
  const seen = new Set<string>();
  const walk = (root: Objective) => {
    const stack = [{ objective: root, depth: 0, parentId: null as string | null }];
    for (let item = stack.pop(); item; item = stack.pop()) {
      if (seen.has(item.objective.id)) continue;
      seen.add(item.objective.id);
      ordered.push(item);
      const below = children.get(item.objective.id) ?? [];
      // Pushed last to first, so that the first child comes off the stack first.
      for (let index = below.length - 1; index >= 0; index -= 1) {
        const child = below[index];
        if (child && !seen.has(child.id)) {
          stack.push({ objective: child, depth: item.depth + 1, parentId: item.objective.id });
        }
      }
    }
  };
  for (const theme of children.get(null) ?? []) walk(theme);
  for (const objective of objectives) if (!seen.has(objective.id)) walk(objective);
  const parents = new Set(ordered.map((node) => node.parentId));
  return ordered.map((node) => ({ ...node, leaf: !parents.has(node.objective.id) }));
}

export type ObjectiveFunding = {
  readonly id: string;
  readonly name: string;
  /** 0 for a theme, 1 for an objective under it, and so on. */
  readonly depth: number;
  /** The objective's own (local) weight, as the file has it. */
  readonly weight?: number;
  /** Share of the funded spend that serves this objective (children included), 0..1. */
  readonly spendShare: number;
  /** Share of the funded capacity that serves it, 0..1. */
  readonly capacityShare: number;
  /** Funded initiatives linked to it (children included). */
  readonly funded: number;
};

export type Shares = { readonly spendShare: number; readonly capacityShare: number };

export type FundedSplit = {
  /** One row per objective, in tree order. */
  readonly rows: readonly ObjectiveFunding[];
  /** The share of funded spend and capacity that serves no objective. */
  readonly unaligned: Shares;
};

/** The links alignment counts: to an objective that exists, with a contribution above 0. */
function linksOf(initiative: Initiative, objectiveIds: ReadonlySet<string>) {
  return (initiative.objectives ?? []).filter(
    (link) => objectiveIds.has(link.id) && link.contribution > 0,
  );
}

type Split = {
  readonly tree: readonly ObjectiveNode[];
  readonly rows: readonly ObjectiveFunding[];
  readonly unaligned: Shares;
  /** Spend and effort on each objective's own links, before any roll-up. */
  readonly directSpend: ReadonlyMap<string, number>;
  readonly directEffort: ReadonlyMap<string, number>;
  readonly spendTotal: number;
  readonly effortTotal: number;
  readonly spendUnaligned: number;
  readonly effortUnaligned: number;
};

function splitFunding(portfolio: Portfolio, funded: readonly Initiative[]): Split {
  const tree = objectiveTree(portfolio.objectives);
  const objectiveIds = new Set(tree.map((node) => node.objective.id));
  const parentOf = new Map(tree.map((node) => [node.objective.id, node.parentId]));
  const directSpend = new Map<string, number>();
  const directEffort = new Map<string, number>();
  const count = new Map<string, number>();
  let spendTotal = 0;
  let effortTotal = 0;
  let spendUnaligned = 0;
  let effortUnaligned = 0;
  for (const initiative of funded) {
    const spend = totalSpend(initiative);
    const effort = totalEffort(initiative);
    spendTotal += spend;
    effortTotal += effort;
    const links = linksOf(initiative, objectiveIds);
    const contributions = links.reduce((sum, link) => sum + link.contribution, 0);
    if (contributions <= 0) {
      spendUnaligned += spend;
      effortUnaligned += effort;
      continue;
    }
    // An initiative linked to a theme and to an objective under it counts once in the theme.
    const served = new Set<string>();
    for (const link of links) {
      const share = link.contribution / contributions;
      directSpend.set(link.id, (directSpend.get(link.id) ?? 0) + spend * share);
      directEffort.set(link.id, (directEffort.get(link.id) ?? 0) + effort * share);
      // The drawn tree has no cycle, so this climb ends; it stops early where a branch is done.
      for (let id: string | null = link.id; id !== null && !served.has(id);) {
        served.add(id);
        id = parentOf.get(id) ?? null;
      }
    }
    for (const id of served) count.set(id, (count.get(id) ?? 0) + 1);
  }
  // Children come after their parent in tree order: walking it backwards adds each objective's
  // total into its parent's before the parent passes its own on.
  const spend = new Map(directSpend);
  const effort = new Map(directEffort);
  for (let index = tree.length - 1; index >= 0; index -= 1) {
    const node = tree[index];
    if (!node || node.parentId === null) continue;
    const { id } = node.objective;
    spend.set(node.parentId, (spend.get(node.parentId) ?? 0) + (spend.get(id) ?? 0));
    effort.set(node.parentId, (effort.get(node.parentId) ?? 0) + (effort.get(id) ?? 0));
  }
  const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : 0);
  const rows = tree.map(({ objective, depth }) => ({
    id: objective.id,
    name: objective.name,
    depth,
    ...(objective.weight !== undefined && { weight: objective.weight }),
    spendShare: ratio(spend.get(objective.id) ?? 0, spendTotal),
    capacityShare: ratio(effort.get(objective.id) ?? 0, effortTotal),
    funded: count.get(objective.id) ?? 0,
  }));
  return {
    tree,
    rows,
    unaligned: {
      spendShare: ratio(spendUnaligned, spendTotal),
      capacityShare: ratio(effortUnaligned, effortTotal),
    },
    directSpend,
    directEffort,
    spendTotal,
    effortTotal,
    spendUnaligned,
    effortUnaligned,
  };
}

/**
 * Splits each funded initiative's spend and effort (totals over its periods) over the
 * objectives it links to, in proportion to its contributions, and adds every objective's amount
 * into its ancestors'. So a theme's share includes its children's, and the themes' shares plus
 * the unaligned share make 1 whenever anything funded has spend (capacity likewise). Links to an
 * objective that does not exist, or with a contribution of 0, do not count; an initiative with
 * no other link is unaligned. `funded` counts each initiative once per objective, however many
 * of its links lead there.
 */
export function fundedSplit(portfolio: Portfolio, funded: readonly Initiative[]): FundedSplit {
  const { rows, unaligned } = splitFunding(portfolio, funded);
  return { rows, unaligned };
}

export type InvestmentCallOut = 'under-invested' | 'over-invested';

/**
 * The call-out band: an objective is under-invested when its share is below `LOW` × its global
 * weight, over-invested when above `HIGH` × its weight, and in both cases at least `MIN_GAP`
 * (5 percentage points) away from it. The ratio makes the call-out fair to small and large
 * objectives alike; the gap keeps small objectives from being called out over crumbs (a 2 %
 * objective at 0.5 % is not news, a 0 % objective taking 20 % is).
 */
export const CALL_OUT_BAND = { LOW: 0.5, HIGH: 1.5, MIN_GAP: 0.05 } as const;

export type ObjectiveAlignment = ObjectiveFunding & {
  /** The parent as the tree is drawn (see `objectiveTree`). */
  readonly parentId: string | null;
  readonly leaf: boolean;
  /** The global weight passed in; absent when none was. */
  readonly globalWeight?: number;
  readonly callOut?: InvestmentCallOut;
};

export type MatrixRow = { readonly id: string; readonly name: string; readonly depth: number };
export type MatrixColumn = { readonly id: string; readonly name: string; readonly funded: boolean };
export type MatrixCell = {
  /** Index into `rows`. */
  readonly row: number;
  /** Index into `columns`. */
  readonly column: number;
  /** 1..3, as the link says (the highest, should one initiative link to an objective twice). */
  readonly contribution: number;
};

/** The objectives × initiatives heatmap; sparse, since most pairs have no link. */
export type ContributionMatrix = {
  readonly rows: readonly MatrixRow[];
  readonly columns: readonly MatrixColumn[];
  /** Ordered by row, then column. */
  readonly cells: readonly MatrixCell[];
};

export type PortfolioAlignment = {
  readonly matrix: ContributionMatrix;
  /** One per objective, in tree order. */
  readonly objectives: readonly ObjectiveAlignment[];
  readonly unaligned: Shares;
  /** Ids of initiatives, not cancelled, linked to no existing objective (file order). */
  readonly unlinked: readonly string[];
  /** Ids of leaf objectives that no funded initiative links to (tree order). */
  readonly unserved: readonly string[];
  /**
   * What the call-outs and the score measure: funded spend, or funded capacity when nothing
   * funded has spend. Absent when nothing funded has either.
   */
  readonly basis?: 'spend' | 'capacity';
  /** 0..100, see `portfolioAlignment`; absent without a basis or without objectives. */
  readonly score?: number;
};

/**
 * How the portfolio lines up with its objectives, given the funded initiatives' ids and each
 * objective's global weight (the product of the local weights from its theme down to it, so the
 * themes' weights make 1 and a parent's weight is its children's sum).
 *
 * - `matrix`: rows are the objectives in tree order; columns the initiatives, not cancelled,
 *   with at least one link that counts (to an existing objective, contribution above 0); a cell
 *   per such link. Cancelled work serves nothing any more, so it stays off the heatmap.
 * - `objectives`: `fundedSplit`'s shares per objective, its global weight, and a call-out when
 *   its share of the basis lies outside `CALL_OUT_BAND` around its global weight. Shares and
 *   weights are compared at the same level: a theme's rolled-up share against the theme's
 *   weight, an objective's share (its subtree's) against its own global weight. Work linked to
 *   a theme as a whole counts for the theme, not for the objectives under it. Shares are of
 *   all funded work, unaligned included: money that serves no objective does not serve this
 *   one either, so much unaligned work shows as under-investment. No call-out without a global
 *   weight for the objective or without a basis.
 * - `unlinked`: initiatives, funded or not, not cancelled, with no link that counts. Empty when
 *   the portfolio has no objectives at all: then there is nothing to link to.
 * - `unserved`: leaf objectives no funded initiative serves: none links to them, nor to an
 *   objective above them as a whole.
 * - Each objective's shares, and so its call-out, count what it inherits from funded work linked
 *   to an objective above it as a whole, passed down as the score passes it (below).
 * - `score`, 0..100: the share of funded spend that serves some objective (A), times how
 *   closely that spend's split over the leaf objectives matches their global weights (F):
 *   score = 100 × A × F, with F = 1 − ½ Σ |q − w| over the leaves, where q is a leaf's share of
 *   the aligned spend and w its global weight as a share of all leaves' (equal shares when the
 *   leaves have none). ½ Σ |q − w| is the share of aligned spend that would have to move to
 *   match the weights exactly, so F runs from 1 (a perfect match) to 0. Spend linked to an
 *   objective with objectives under it is passed down to its leaves by their weights (equally
 *   when they weigh nothing): working on a theme as a whole serves its parts as weighted. With
 *   nothing funded aligned the score is 0. Measured on capacity instead when `basis` is.
 */
export function portfolioAlignment(
  portfolio: Portfolio,
  fundedIds: ReadonlySet<string>,
  globalWeights: ReadonlyMap<string, number>,
): PortfolioAlignment {
  const funded = portfolio.initiatives.filter((initiative) => fundedIds.has(initiative.id));
  const split = splitFunding(portfolio, funded);
  const { tree } = split;
  const objectiveIds = new Set(tree.map((node) => node.objective.id));
  const basis =
    split.spendTotal > 0 ? 'spend' : split.effortTotal > 0 ? ('capacity' as const) : undefined;
  const spendDown = passedDown(tree, split.directSpend, globalWeights);
  const effortDown = passedDown(tree, split.directEffort, globalWeights);
  // What an objective receives from work linked to its ancestors as a whole.
  const inherited = (down: typeof spendDown, direct: ReadonlyMap<string, number>, id: string) =>
    (down.held.get(id) ?? 0) - (direct.get(id) ?? 0);
  const share = (part: number, whole: number) => (whole > 0 ? part / whole : 0);
  const objectives = tree.map((node, index): ObjectiveAlignment => {
    const row = split.rows[index] as ObjectiveFunding;
    const { id } = node.objective;
    // The shares count what the objective inherits from work on its ancestors as a whole, as the
    // score does: a theme's work serves its objectives as weighted.
    const spendShare =
      row.spendShare + share(inherited(spendDown, split.directSpend, id), split.spendTotal);
    const capacityShare =
      row.capacityShare + share(inherited(effortDown, split.directEffort, id), split.effortTotal);
    const globalWeight = globalWeights.get(id);
    const callOut =
      basis && globalWeight !== undefined
        ? callOutOf(basis === 'spend' ? spendShare : capacityShare, globalWeight)
        : undefined;
    return {
      ...row,
      spendShare,
      capacityShare,
      parentId: node.parentId,
      leaf: node.leaf,
      ...(globalWeight !== undefined && { globalWeight }),
      ...(callOut && { callOut }),
    };
  });
  const unlinked =
    objectiveIds.size === 0
      ? []
      : portfolio.initiatives
          .filter(
            (initiative) =>
              initiative.status !== 'cancelled' && linksOf(initiative, objectiveIds).length === 0,
          )
          .map((initiative) => initiative.id);
  // A leaf is served by funded work linked to it, or to an objective above it as a whole.
  const unserved = objectives
    .filter(
      (row) =>
        row.leaf &&
        row.funded === 0 &&
        inherited(spendDown, split.directSpend, row.id) <= 0 &&
        inherited(effortDown, split.directEffort, row.id) <= 0,
    )
    .map((row) => row.id);
  const score =
    basis && tree.length > 0
      ? basis === 'spend'
        ? alignmentScore(
            tree,
            spendDown.held,
            spendDown.target,
            split.spendTotal,
            split.spendUnaligned,
          )
        : alignmentScore(
            tree,
            effortDown.held,
            effortDown.target,
            split.effortTotal,
            split.effortUnaligned,
          )
      : undefined;
  return {
    matrix: contributionMatrix(portfolio, tree, fundedIds),
    objectives,
    unaligned: split.unaligned,
    unlinked,
    unserved,
    ...(basis && { basis }),
    ...(score !== undefined && { score }),
  };
}

function callOutOf(share: number, weight: number): InvestmentCallOut | undefined {
  const { LOW, HIGH, MIN_GAP } = CALL_OUT_BAND;
  if (share < LOW * weight && weight - share >= MIN_GAP) return 'under-invested';
  if (share > HIGH * weight && share - weight >= MIN_GAP) return 'over-invested';
  return undefined;
}

function contributionMatrix(
  portfolio: Portfolio,
  tree: readonly ObjectiveNode[],
  fundedIds: ReadonlySet<string>,
): ContributionMatrix {
  const rowOf = new Map(tree.map((node, index) => [node.objective.id, index]));
  const objectiveIds = new Set(rowOf.keys());
  const columns: MatrixColumn[] = [];
  const cells: MatrixCell[] = [];
  for (const initiative of portfolio.initiatives) {
    if (initiative.status === 'cancelled') continue;
    const strongest = new Map<number, number>();
    for (const link of linksOf(initiative, objectiveIds)) {
      const row = rowOf.get(link.id);
      if (row === undefined) continue;
      strongest.set(row, Math.max(strongest.get(row) ?? 0, link.contribution));
    }
    if (strongest.size === 0) continue;
    const column = columns.length;
    columns.push({
      id: initiative.id,
      name: initiative.name,
      funded: fundedIds.has(initiative.id),
    });
    for (const [row, contribution] of strongest) cells.push({ row, column, contribution });
  }
  cells.sort((a, b) => a.row - b.row || a.column - b.column);
  return {
    rows: tree.map(({ objective, depth }) => ({ id: objective.id, name: objective.name, depth })),
    columns,
    cells,
  };
}

/**
 * What each objective holds once work linked to an objective with objectives under it is passed
 * down to them by their global weights (equally when they weigh nothing): its own linked amount
 * plus its part of what its ancestors hold. Leaves end with every aligned amount.
 */
function passedDown(
  tree: readonly ObjectiveNode[],
  direct: ReadonlyMap<string, number>,
  globalWeights: ReadonlyMap<string, number>,
): { readonly held: ReadonlyMap<string, number>; readonly target: ReadonlyMap<string, number> } {
  const leaves = tree.filter((node) => node.leaf);
  // A weight that is missing, negative or not a number weighs nothing.
  const rawWeight = (id: string) => {
    const weight = globalWeights.get(id) ?? 0;
    return Number.isFinite(weight) && weight > 0 ? weight : 0;
  };
  const weightSum = leaves.reduce((sum, node) => sum + rawWeight(node.objective.id), 0);
  const target = new Map(
    leaves.map((node) => [
      node.objective.id,
      weightSum > 0 ? rawWeight(node.objective.id) / weightSum : 1 / leaves.length,
    ]),
  );
  // Per objective: the target weight and the number of leaves under it (itself, for a leaf).
  const weightBelow = new Map<string, number>();
  const leavesBelow = new Map<string, number>();
  for (let index = tree.length - 1; index >= 0; index -= 1) {
    const node = tree[index];
    if (!node) continue;
    const { id } = node.objective;
    if (node.leaf) {
      weightBelow.set(id, target.get(id) ?? 0);
      leavesBelow.set(id, 1);
    }
    if (node.parentId === null) continue;
    weightBelow.set(
      node.parentId,
      (weightBelow.get(node.parentId) ?? 0) + (weightBelow.get(id) ?? 0),
    );
    leavesBelow.set(
      node.parentId,
      (leavesBelow.get(node.parentId) ?? 0) + (leavesBelow.get(id) ?? 0),
    );
  }
  // Parents come before their children in tree order: each passes what it holds down.
  const held = new Map(direct);
  for (const node of tree) {
    const parent = node.parentId;
    if (parent === null) continue;
    const amount = held.get(parent) ?? 0;
    if (amount === 0) continue;
    const { id } = node.objective;
    const parentWeight = weightBelow.get(parent) ?? 0;
    const part =
      parentWeight > 0
        ? (weightBelow.get(id) ?? 0) / parentWeight
        : (leavesBelow.get(id) ?? 0) / (leavesBelow.get(parent) ?? 1);
    held.set(id, (held.get(id) ?? 0) + amount * part);
  }
  return { held, target };
}

/** The score `portfolioAlignment` documents, on one basis (spend or effort). */
function alignmentScore(
  tree: readonly ObjectiveNode[],
  held: ReadonlyMap<string, number>,
  target: ReadonlyMap<string, number>,
  total: number,
  unaligned: number,
): number {
  const aligned = total - unaligned;
  if (total <= 0 || aligned <= 0) return 0;
  let moved = 0;
  for (const node of tree) {
    if (!node.leaf) continue;
    const { id } = node.objective;
    moved += Math.abs((held.get(id) ?? 0) / aligned - (target.get(id) ?? 0));
  }
  const fit = Math.min(1, Math.max(0, 1 - moved / 2));
  return 100 * (aligned / total) * fit;
}
