/**
 * The strategy tree as the screen shows it: themes → objectives (any depth) → success measures,
 * the rows in view once collapsed objectives hide theirs, and where a lifted or dragged item
 * would go. Plain functions over the portfolio's objectives, so that the keyboard, the mouse and
 * the announcements all read the same answer.
 */
import type { Measure, Objective } from '../../../shared/portfolio/types';

/** An item of the tree: an objective (a theme at the top), or a measure of one. */
export type ItemRef =
  | { readonly kind: 'objective'; readonly id: string }
  | { readonly kind: 'measure'; readonly objectiveId: string; readonly id: string };

/** One string per item, for React keys and maps. */
export function itemKey(ref: ItemRef): string {
  return ref.kind === 'objective'
    ? `o:${ref.id}`
    : `m:${JSON.stringify([ref.objectiveId, ref.id])}`;
}

export function sameItem(a: ItemRef | null, b: ItemRef | null): boolean {
  return a !== null && b !== null && itemKey(a) === itemKey(b);
}

/** Where an objective goes: under `parentId` (null: a theme), in front of `beforeId` (null: last). */
export type Placement = { readonly parentId: string | null; readonly beforeId: string | null };

/** Where a measure goes: among `objectiveId`'s measures, in front of `beforeId` (null: last). */
export type MeasurePlacement = { readonly objectiveId: string; readonly beforeId: string | null };

/** An item shown somewhere else than stored: lifted by the keyboard, or just dropped. */
export type Relocation =
  | { readonly kind: 'objective'; readonly id: string; readonly to: Placement }
  | {
      readonly kind: 'measure';
      readonly objectiveId: string;
      readonly id: string;
      readonly to: MeasurePlacement;
    };

export type ObjectiveNode = {
  readonly objective: Objective;
  readonly parentId: string | null;
  /** 0 for a theme. */
  readonly depth: number;
  readonly measures: readonly Measure[];
  readonly children: readonly ObjectiveNode[];
};

function inserted<T>(list: readonly T[], item: T, before: (entry: T) => boolean): T[] {
  const at = list.findIndex(before);
  const next = [...list];
  next.splice(at < 0 ? list.length : at, 0, item);
  return next;
}

/**
 * The tree of `objectives` (in their stored order), with `relocation`'s item shown where it
 * would go. An objective whose parent is missing shows as a theme; a loop is cut.
 */
export function buildTree(
  objectives: readonly Objective[],
  relocation: Relocation | null = null,
): ObjectiveNode[] {
  const known = new Set(objectives.map((objective) => objective.id));
  const parentOf = (objective: Objective): string | null => {
    const parent = objective.parentId ?? null;
    return parent !== null && known.has(parent) && parent !== objective.id ? parent : null;
  };
  const lists = new Map<string | null, Objective[]>();
  for (const objective of objectives) {
    const parent = parentOf(objective);
    lists.set(parent, [...(lists.get(parent) ?? []), objective]);
  }
  const measures = new Map<string, readonly Measure[]>(
    objectives.map((objective) => [objective.id, objective.measures ?? []]),
  );
  if (relocation?.kind === 'objective' && known.has(relocation.id)) {
    const moved = objectives.find((objective) => objective.id === relocation.id) as Objective;
    const from = parentOf(moved);
    lists.set(
      from,
      (lists.get(from) ?? []).filter((objective) => objective.id !== moved.id),
    );
    const to = relocation.to.parentId;
    lists.set(
      to,
      inserted(lists.get(to) ?? [], moved, (entry) => entry.id === relocation.to.beforeId),
    );
  }
  if (relocation?.kind === 'measure') {
    const source = measures.get(relocation.objectiveId) ?? [];
    const moved = source.find((measure) => measure.id === relocation.id);
    if (moved && measures.has(relocation.to.objectiveId)) {
      measures.set(
        relocation.objectiveId,
        source.filter((measure) => measure.id !== moved.id),
      );
      const target = measures.get(relocation.to.objectiveId) ?? [];
      measures.set(
        relocation.to.objectiveId,
        inserted(target, moved, (entry) => entry.id === relocation.to.beforeId),
      );
    }
  }
  const seen = new Set<string>();
  const build = (parentId: string | null, depth: number): ObjectiveNode[] =>
    (lists.get(parentId) ?? []).flatMap((objective) => {
      if (seen.has(objective.id)) return [];
      seen.add(objective.id);
      return [
        {
          objective,
          parentId,
          depth,
          measures: measures.get(objective.id) ?? [],
          children: build(objective.id, depth + 1),
        },
      ];
    });
  return build(null, 0);
}

/** Every objective node of the tree, parents before their children. */
export function allNodes(nodes: readonly ObjectiveNode[]): ObjectiveNode[] {
  return nodes.flatMap((node) => [node, ...allNodes(node.children)]);
}

export function findNode(nodes: readonly ObjectiveNode[], id: string): ObjectiveNode | undefined {
  for (const node of nodes) {
    if (node.objective.id === id) return node;
    const found = findNode(node.children, id);
    if (found) return found;
  }
  return undefined;
}

/** A row of the tree in view. */
export type TreeRow = {
  readonly key: string;
  readonly ref: ItemRef;
  readonly name: string;
  /** 0 for a theme; a measure is one deeper than its objective. */
  readonly depth: number;
  /** The objective the row is under (a measure's own objective); null for a theme. */
  readonly parentId: string | null;
  /** Its place among the items of its parent, from 1 (measures first, then objectives). */
  readonly position: number;
  readonly setSize: number;
  /** Whether it has items under it (measures or objectives). */
  readonly expandable: boolean;
  readonly expanded: boolean;
  readonly node?: ObjectiveNode;
  readonly measure?: Measure;
};

/** The rows in view, top to bottom: an objective's measures come first, then its children. */
export function visibleRows(
  nodes: readonly ObjectiveNode[],
  collapsed: ReadonlySet<string>,
): TreeRow[] {
  const rows: TreeRow[] = [];
  const walk = (list: readonly ObjectiveNode[], offset: number, setSize: number) => {
    list.forEach((node, index) => {
      const { objective } = node;
      const expandable = node.measures.length + node.children.length > 0;
      const expanded = expandable && !collapsed.has(objective.id);
      rows.push({
        key: itemKey({ kind: 'objective', id: objective.id }),
        ref: { kind: 'objective', id: objective.id },
        name: objective.name,
        depth: node.depth,
        parentId: node.parentId,
        position: offset + index + 1,
        setSize,
        expandable,
        expanded,
        node,
      });
      if (!expanded) return;
      const size = node.measures.length + node.children.length;
      node.measures.forEach((measure, at) => {
        const ref = { kind: 'measure', objectiveId: objective.id, id: measure.id } as const;
        rows.push({
          key: itemKey(ref),
          ref,
          name: measure.name,
          depth: node.depth + 1,
          parentId: objective.id,
          position: at + 1,
          setSize: size,
          expandable: false,
          expanded: false,
          measure,
        });
      });
      walk(node.children, node.measures.length, size);
    });
  };
  walk(nodes, 0, nodes.length);
  return rows;
}

// ---- Moving a lifted item with the arrow keys ------------------------------------------------

export type Step = 'up' | 'down' | 'left' | 'right';

/** The siblings of objective `id` in `nodes` (it among them), and its parent node. */
function siblingsOf(nodes: readonly ObjectiveNode[], id: string) {
  const node = findNode(nodes, id);
  if (!node) return undefined;
  const parent = node.parentId === null ? undefined : findNode(nodes, node.parentId);
  const siblings = parent ? parent.children : nodes;
  return { node, parent, siblings, index: siblings.indexOf(node) };
}

/**
 * Where one arrow key takes a lifted objective, as the tree shows it now: up or down among its
 * siblings, left out to its parent's level (right after the parent), right into the sibling
 * before it as its last child. Null when it cannot go that way.
 */
export function stepObjective(
  nodes: readonly ObjectiveNode[],
  id: string,
  step: Step,
): Placement | null {
  const found = siblingsOf(nodes, id);
  if (!found) return null;
  const { node, parent, siblings, index } = found;
  switch (step) {
    case 'up': {
      const previous = siblings[index - 1];
      return previous ? { parentId: node.parentId, beforeId: previous.objective.id } : null;
    }
    case 'down':
      if (index >= siblings.length - 1) return null;
      return { parentId: node.parentId, beforeId: siblings[index + 2]?.objective.id ?? null };
    case 'left': {
      if (!parent) return null;
      const around = siblingsOf(nodes, parent.objective.id);
      const after = around?.siblings[around.index + 1];
      return { parentId: parent.parentId, beforeId: after?.objective.id ?? null };
    }
    case 'right': {
      const previous = siblings[index - 1];
      return previous ? { parentId: previous.objective.id, beforeId: null } : null;
    }
  }
}

/** Where up or down takes a lifted measure among its objective's measures; null at an end. */
export function stepMeasure(
  nodes: readonly ObjectiveNode[],
  objectiveId: string,
  id: string,
  step: 'up' | 'down',
): MeasurePlacement | null {
  const measures = findNode(nodes, objectiveId)?.measures ?? [];
  const index = measures.findIndex((measure) => measure.id === id);
  if (index < 0) return null;
  if (step === 'up') {
    const previous = measures[index - 1];
    return previous ? { objectiveId, beforeId: previous.id } : null;
  }
  if (index >= measures.length - 1) return null;
  return { objectiveId, beforeId: measures[index + 2]?.id ?? null };
}

/** Where an objective is now, as a placement: its parent and the sibling after it. */
export function placementOf(nodes: readonly ObjectiveNode[], id: string): Placement | null {
  const found = siblingsOf(nodes, id);
  if (!found) return null;
  return {
    parentId: found.node.parentId,
    beforeId: found.siblings[found.index + 1]?.objective.id ?? null,
  };
}

export function measurePlacementOf(
  nodes: readonly ObjectiveNode[],
  objectiveId: string,
  id: string,
): MeasurePlacement | null {
  const measures = findNode(nodes, objectiveId)?.measures ?? [];
  const index = measures.findIndex((measure) => measure.id === id);
  if (index < 0) return null;
  return { objectiveId, beforeId: measures[index + 1]?.id ?? null };
}

export function samePlacement(
  a: Placement | MeasurePlacement,
  b: Placement | MeasurePlacement,
): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Where an item is in words, for a screen reader: "under “Grow”, 2 of 3". */
export function describePlace(nodes: readonly ObjectiveNode[], ref: ItemRef): string {
  if (ref.kind === 'measure') {
    const owner = findNode(nodes, ref.objectiveId);
    const measures = owner?.measures ?? [];
    const index = measures.findIndex((measure) => measure.id === ref.id);
    return `in “${owner?.objective.name ?? ''}”, measure ${index + 1} of ${measures.length}`;
  }
  const found = siblingsOf(nodes, ref.id);
  if (!found) return '';
  const where = found.parent ? `under “${found.parent.objective.name}”` : 'a theme';
  return `${where}, ${found.index + 1} of ${found.siblings.length}`;
}

// ---- Dropping a dragged item -----------------------------------------------------------------

/**
 * Where a dragged objective goes when dropped in the gap before `rows[gap]` at `depth`: the
 * depth is kept between what the rows around the gap allow (no deeper than a child of the row
 * above, no shallower than the row below), and a gap in front of measures moves past them, since
 * an objective's measures come before its children. `rows` are the rows in view without the
 * dragged objective and what is under it. Also gives the depth the drop shows at and the gap.
 */
export function objectiveDrop(
  rows: readonly TreeRow[],
  gapIndex: number,
  depth: number,
): { readonly placement: Placement; readonly depth: number; readonly gap: number } {
  let gap = Math.min(Math.max(gapIndex, 0), rows.length);
  while (rows[gap]?.ref.kind === 'measure') gap += 1;
  const previous = rows[gap - 1];
  const next = rows[gap];
  const deepest = !previous
    ? 0
    : previous.ref.kind === 'objective'
      ? previous.depth + 1
      : previous.depth;
  const shallowest = next ? Math.min(next.depth, deepest) : 0;
  const at = Math.min(Math.max(depth, shallowest), deepest);
  let parentId: string | null = null;
  if (at > 0) {
    for (let index = gap - 1; index >= 0; index -= 1) {
      const row = rows[index] as TreeRow;
      if (row.ref.kind === 'objective' && row.depth === at - 1) {
        parentId = row.ref.id;
        break;
      }
    }
  }
  let beforeId: string | null = null;
  for (let index = gap; index < rows.length; index += 1) {
    const row = rows[index] as TreeRow;
    if (row.depth < at) break;
    if (row.ref.kind === 'objective' && row.depth === at) {
      beforeId = row.ref.id;
      break;
    }
  }
  return { placement: { parentId, beforeId }, depth: at, gap };
}

/**
 * Where a dragged measure goes when dropped on `row`: in front of a measure (its upper half) or
 * after it, or last among an objective's measures when dropped on the objective.
 */
export function measureDrop(
  rows: readonly TreeRow[],
  row: TreeRow,
  lowerHalf: boolean,
): MeasurePlacement {
  if (row.ref.kind === 'objective') return { objectiveId: row.ref.id, beforeId: null };
  const { objectiveId } = row.ref;
  if (!lowerHalf) return { objectiveId, beforeId: row.ref.id };
  const next = rows[rows.indexOf(row) + 1];
  return {
    objectiveId,
    beforeId:
      next?.ref.kind === 'measure' && next.ref.objectiveId === objectiveId ? next.ref.id : null,
  };
}
