/**
 * Named edits of the strategy tree: themes (objectives without a parent), objectives under them
 * at any depth, and the success measures each one keeps, with their dated actuals.
 *
 * Siblings keep their order with the objectives' fractional `order` keys: the objectives are one
 * list in the store, and the children of one parent are that list filtered, so a key between two
 * siblings' keys puts an objective between them. Measures live inside their objective's record.
 */
import type { Measure, MeasureActual, Objective } from '../../portfolio/types';
import { localWeights } from '../../strategy/weights';
import { judgmentChangesWithout } from './weights';
import { change, setField, type Change, type EditPlan } from '../changes';
import { byId, OperationError, quoted, type EditContext } from '../context';
import { lastOrder, type ObjectiveRecord, type PortfolioState } from '../state';

// ---- The tree --------------------------------------------------------------------------------

/** The parent of an objective: null for a theme (the file may leave `parentId` out). */
export function parentOf(objective: Pick<Objective, 'parentId'>): string | null {
  return objective.parentId ?? null;
}

/** The children of `parentId` (null: the themes), in order. */
export function childrenOf(
  objectives: readonly ObjectiveRecord[],
  parentId: string | null,
): ObjectiveRecord[] {
  return objectives.filter((objective) => parentOf(objective) === parentId);
}

/**
 * Each objective's local weight as it counts now (from the group's judgments or weight fields).
 * Edits that move objectives between groups write these into the weight fields, so that what
 * the strategy weighed stays weighed when a group's judgments no longer cover it.
 */
function effectiveLocal(state: PortfolioState): (id: string) => number {
  const weights = localWeights({
    objectives: state.objectives,
    ...(state.meta.objectiveComparisons && {
      objectiveComparisons: state.meta.objectiveComparisons,
    }),
  }).objectives;
  return (id) => weights.get(id)?.local ?? 0;
}

/** Changes that set each of `records`' weight field to its weight as it counts now. */
function keepWeights(records: readonly ObjectiveRecord[], local: (id: string) => number): Change[] {
  return records
    .filter((record) => record.weight !== local(record.id))
    .map((record) =>
      change('objectives', record.id, record, { ...record, weight: local(record.id) }),
    );
}

/** The ids of every objective under `id`, at any depth (not `id` itself). */
export function descendantIds(
  objectives: readonly Pick<Objective, 'id' | 'parentId'>[],
  id: string,
): Set<string> {
  const children = new Map<string, string[]>();
  for (const objective of objectives) {
    const parent = parentOf(objective);
    if (parent === null) continue;
    const list = children.get(parent) ?? [];
    list.push(objective.id);
    children.set(parent, list);
  }
  const found = new Set<string>();
  const pending = [...(children.get(id) ?? [])];
  while (pending.length > 0) {
    const next = pending.pop() as string;
    // A cycle cannot be stored, but a loop here must not hang on one either.
    if (found.has(next) || next === id) continue;
    found.add(next);
    pending.push(...(children.get(next) ?? []));
  }
  return found;
}

/** What a person calls an objective: a theme at the top, an objective below. */
export function objectiveKind(objective: Pick<Objective, 'parentId'>): 'theme' | 'objective' {
  return parentOf(objective) === null ? 'theme' : 'objective';
}

// ---- Objectives ------------------------------------------------------------------------------

/** Adds an objective (a theme when `parentId` is null) as the last child of its parent. */
export function createObjective(
  state: PortfolioState,
  context: EditContext,
  name: string,
  parentId: string | null,
): EditPlan & { readonly id: string } {
  if (parentId !== null) byId(state.objectives, parentId, 'Objective');
  const id = context.newId('objectives');
  const record: ObjectiveRecord = {
    id,
    name,
    parentId,
    order: context.keys.between(lastOrder(state.objectives), null),
  };
  return {
    id,
    label: `Added ${parentId ? 'objective' : 'theme'} ${quoted(name)}`,
    changes: [change('objectives', id, undefined, record)],
  };
}

export function renameObjective(state: PortfolioState, id: string, name: string): EditPlan {
  const objective = byId(state.objectives, id, 'Objective');
  return {
    label: `Renamed ${quoted(objective.name)} to ${quoted(name)}`,
    changes: [change('objectives', id, objective, { ...objective, name })],
  };
}

/** Sets an objective's description; an empty text removes it. */
export function describeObjective(
  state: PortfolioState,
  id: string,
  description: string,
): EditPlan {
  const objective = byId(state.objectives, id, 'Objective');
  const kept = description === '' ? undefined : description;
  return {
    label: `${kept === undefined ? 'Cleared' : 'Changed'} the description of ${quoted(objective.name)}`,
    changes: [change('objectives', id, objective, setField(objective, 'description', kept))],
  };
}

/**
 * Deletes an objective with its measures. Its children move up to its parent (given `context`,
 * into the place it had among its siblings), and initiatives' and proposals' links to it are
 * removed; links to the children stay.
 */
export function deleteObjective(
  state: PortfolioState,
  id: string,
  context?: Pick<EditContext, 'keys'>,
): EditPlan {
  const target = byId(state.objectives, id, 'Objective');
  const parentId = parentOf(target);
  const changes: Change[] = [change('objectives', id, target, undefined)];
  const children = childrenOf(state.objectives, id);
  let orders: readonly (string | undefined)[] = [];
  if (context && children.length > 0) {
    const siblings = childrenOf(state.objectives, parentId);
    const at = siblings.indexOf(target);
    orders = context.keys.spread(
      siblings[at - 1]?.order ?? null,
      siblings[at + 1]?.order ?? null,
      children.length,
    );
  }
  // The children take the deleted objective's place in the weights too: its share, split as
  // it was among them, so that no objective's global weight changes.
  const local = effectiveLocal(state);
  changes.push(
    ...keepWeights(
      childrenOf(state.objectives, parentId).filter((sibling) => sibling.id !== id),
      local,
    ),
  );
  children.forEach((child, index) => {
    changes.push(
      change('objectives', child.id, child, {
        ...child,
        parentId,
        order: orders[index] ?? child.order,
        weight: local(id) * local(child.id),
      }),
    );
  });
  for (const record of state.initiatives) {
    if (record.objectives?.some((link) => link.id === id)) {
      const kept = record.objectives.filter((link) => link.id !== id);
      changes.push(
        change(
          'initiatives',
          record.id,
          record,
          setField(record, 'objectives', kept.length > 0 ? kept : undefined),
        ),
      );
    }
  }
  for (const record of state.proposals) {
    if (record.objectives?.some((link) => link.id === id)) {
      const kept = record.objectives.filter((link) => link.id !== id);
      changes.push(
        change(
          'proposals',
          record.id,
          record,
          setField(record, 'objectives', kept.length > 0 ? kept : undefined),
        ),
      );
    }
  }
  // Its judgments, and its children's comparison, go with it.
  changes.push(...judgmentChangesWithout(state, new Set([id]), true));
  return { label: `Deleted ${quoted(target.name)}`, changes };
}

/** What deleting an objective takes with it or moves, for the question asked before. */
export type ObjectiveDeletion = {
  /** Initiatives linked to the objective itself: they lose that link. */
  readonly linkedInitiatives: number;
  /** Initiatives linked to an objective under it (and not to it): their links stay. */
  readonly linkedBelow: number;
  /** Its children, which move up to its parent. */
  readonly children: number;
  /** Its measures, deleted with it. */
  readonly measures: number;
};

/** What deleting objective `id` would do (see ObjectiveDeletion). */
export function objectiveDeletion(
  portfolio: {
    readonly objectives: readonly Objective[];
    readonly initiatives: readonly { readonly objectives?: readonly { readonly id: string }[] }[];
  },
  id: string,
): ObjectiveDeletion {
  const below = descendantIds(portfolio.objectives, id);
  let linkedInitiatives = 0;
  let linkedBelow = 0;
  for (const initiative of portfolio.initiatives) {
    const links = initiative.objectives ?? [];
    if (links.some((link) => link.id === id)) linkedInitiatives += 1;
    else if (links.some((link) => below.has(link.id))) linkedBelow += 1;
  }
  const objective = portfolio.objectives.find((entry) => entry.id === id);
  return {
    linkedInitiatives,
    linkedBelow,
    children: portfolio.objectives.filter((entry) => parentOf(entry) === id).length,
    measures: objective?.measures?.length ?? 0,
  };
}

/**
 * Moves an objective under `parentId` (null: to the top, as a theme), in front of its child
 * `beforeId` (null: as the last one). Refused when `parentId` is the objective itself or one
 * under it: the tree would have a loop.
 */
export function moveObjective(
  state: PortfolioState,
  context: EditContext,
  id: string,
  parentId: string | null,
  beforeId: string | null,
): EditPlan {
  const record = byId(state.objectives, id, 'Objective');
  const parent = parentId === null ? null : byId(state.objectives, parentId, 'Objective');
  if (parent && (parent.id === id || descendantIds(state.objectives, id).has(parent.id))) {
    throw new OperationError(
      `${quoted(record.name)} cannot move under ${parent.id === id ? 'itself' : `${quoted(parent.name)}, which is under it`}.`,
    );
  }
  const siblings = childrenOf(state.objectives, parentId).filter((other) => other.id !== id);
  // In front of itself: it stays where it is.
  const at =
    beforeId === null || beforeId === id
      ? siblings.length
      : siblings.findIndex((other) => other.id === beforeId);
  if (at < 0) {
    const before = byId(state.objectives, beforeId as string, 'Objective');
    throw new OperationError(
      `${quoted(before.name)} is not ${parent ? `under ${quoted(parent.name)}` : 'a theme'}.`,
    );
  }
  const previous = siblings[at - 1];
  const next = siblings[at];
  const label = moveLabel(record, parent, previous, next);
  if (beforeId === id) return { label, changes: [] };
  const current = childrenOf(state.objectives, parentOf(record));
  const here = current.indexOf(record);
  const stays =
    parentOf(record) === parentId &&
    current[here - 1]?.id === previous?.id &&
    current[here + 1]?.id === next?.id;
  if (stays) return { label, changes: [] };
  const order = context.keys.between(previous?.order ?? null, next?.order ?? null);
  if (parentOf(record) === parentId) {
    return { label, changes: [change('objectives', id, record, { ...record, parentId, order })] };
  }
  // Into another group: both groups keep the weights they had among themselves, and the objective
  // comes in with an equal share of its new group (its old weight meant a share of the old one).
  const local = effectiveLocal(state);
  const oldSiblings = childrenOf(state.objectives, parentOf(record)).filter((o) => o.id !== id);
  const newSiblings = childrenOf(state.objectives, parentId);
  const weight =
    newSiblings.length === 0
      ? 1
      : newSiblings.reduce((sum, sibling) => sum + local(sibling.id), 0) / newSiblings.length;
  return {
    label,
    changes: [
      change('objectives', id, record, { ...record, parentId, order, weight }),
      ...keepWeights([...oldSiblings, ...newSiblings], local),
      // Out of its sibling group, it is no longer compared with its old siblings.
      ...judgmentChangesWithout(state, new Set([id]), false),
    ],
  };
}

function moveLabel(
  record: ObjectiveRecord,
  parent: ObjectiveRecord | null,
  previous: ObjectiveRecord | undefined,
  next: ObjectiveRecord | undefined,
): string {
  const name = quoted(record.name);
  if (parentOf(record) !== (parent?.id ?? null)) {
    // "To the top" means the top level of the tree: say where among the themes it went.
    const where = next
      ? `, above ${quoted(next.name)}`
      : previous
        ? `, below ${quoted(previous.name)}`
        : '';
    return parent
      ? `Moved ${name} under ${quoted(parent.name)}${where}`
      : `Made ${name} a theme${where}`;
  }
  if (next) return `Moved ${name} above ${quoted(next.name)}`;
  if (previous) return `Moved ${name} below ${quoted(previous.name)}`;
  return `Moved ${name}`;
}

// ---- Measures --------------------------------------------------------------------------------

/** The details of a measure set with one value each. */
export type MeasureField = 'name' | 'unit' | 'baseline' | 'target' | 'targetDate';

const MEASURE_FIELD_NAMES: Readonly<Record<MeasureField, string>> = {
  name: 'name',
  unit: 'unit',
  baseline: 'baseline',
  target: 'target',
  targetDate: 'target date',
};

/** The objective that keeps measure `measureId`, and the measure. */
function measureOf(
  state: PortfolioState,
  objectiveId: string,
  measureId: string,
): { readonly objective: ObjectiveRecord; readonly measure: Measure; readonly index: number } {
  const objective = byId(state.objectives, objectiveId, 'Objective');
  const measures = objective.measures ?? [];
  const index = measures.findIndex((measure) => measure.id === measureId);
  const measure = measures[index];
  if (!measure) throw new OperationError(`Measure "${measureId}" no longer exists.`);
  return { objective, measure, index };
}

/** The objective with `measures` in place of its list; an empty list removes the key. */
function withMeasures(objective: ObjectiveRecord, measures: readonly Measure[]): ObjectiveRecord {
  return setField(objective, 'measures', measures.length > 0 ? measures : undefined);
}

function updated(
  objective: ObjectiveRecord,
  index: number,
  measure: Measure | undefined,
): ObjectiveRecord {
  const measures = [...(objective.measures ?? [])];
  if (measure) measures[index] = measure;
  else measures.splice(index, 1);
  return withMeasures(objective, measures);
}

/** Adds a success measure, named `name`, at the end of an objective's measures. */
export function addMeasure(
  state: PortfolioState,
  context: EditContext,
  objectiveId: string,
  name: string,
): EditPlan & { readonly id: string } {
  const objective = byId(state.objectives, objectiveId, 'Objective');
  // Measure ids are opaque like objective ids; the registry has no entity of their own.
  const id = context.newId('objectives');
  const measure: Measure = { id, name };
  return {
    id,
    label: `Added measure ${quoted(name)} to ${quoted(objective.name)}`,
    changes: [
      change(
        'objectives',
        objective.id,
        objective,
        withMeasures(objective, [...(objective.measures ?? []), measure]),
      ),
    ],
  };
}

/**
 * Sets one detail of a measure: its name, unit, baseline, target or target date. An empty text
 * or `undefined` removes an optional one; the store refuses an empty name.
 */
export function updateMeasure<K extends MeasureField>(
  state: PortfolioState,
  objectiveId: string,
  measureId: string,
  field: K,
  value: Measure[K] | undefined,
): EditPlan {
  const { objective, measure, index } = measureOf(state, objectiveId, measureId);
  const kept = value === '' && field !== 'name' ? undefined : value;
  const label =
    field === 'name'
      ? `Renamed measure ${quoted(measure.name)} to ${quoted(String(kept ?? ''))}`
      : `${kept === undefined ? 'Cleared' : 'Changed'} the ${MEASURE_FIELD_NAMES[field]} of ${quoted(measure.name)}`;
  return {
    label,
    changes: [
      change(
        'objectives',
        objective.id,
        objective,
        updated(objective, index, setField(measure, field, kept as Measure[K] | undefined)),
      ),
    ],
  };
}

export function deleteMeasure(
  state: PortfolioState,
  objectiveId: string,
  measureId: string,
): EditPlan {
  const { objective, measure, index } = measureOf(state, objectiveId, measureId);
  return {
    label: `Deleted measure ${quoted(measure.name)} of ${quoted(objective.name)}`,
    changes: [change('objectives', objective.id, objective, updated(objective, index, undefined))],
  };
}

/**
 * Moves a measure in front of `beforeId` among the measures of `toObjectiveId` (null: to the
 * end), the same objective or another one.
 */
export function moveMeasure(
  state: PortfolioState,
  objectiveId: string,
  measureId: string,
  toObjectiveId: string,
  beforeId: string | null,
): EditPlan {
  const { objective, measure, index } = measureOf(state, objectiveId, measureId);
  const name = quoted(measure.name);
  if (beforeId === measureId && toObjectiveId === objectiveId) {
    return { label: `Moved measure ${name}`, changes: [] };
  }
  const same = toObjectiveId === objectiveId;
  const target = same ? objective : byId(state.objectives, toObjectiveId, 'Objective');
  const others = (target.measures ?? []).filter((other) => other.id !== measureId);
  if (!same && others.some((other) => other.id === measureId)) {
    throw new OperationError(
      `${quoted(target.name)} already has a measure with the id "${measureId}".`,
    );
  }
  const at = beforeId === null ? others.length : others.findIndex((other) => other.id === beforeId);
  if (at < 0) throw new OperationError(`Measure "${beforeId}" no longer exists.`);
  const placed = [...others.slice(0, at), measure, ...others.slice(at)];
  if (same) {
    const next = others[at];
    return {
      label: next
        ? `Moved measure ${name} above ${quoted(next.name)}`
        : `Moved measure ${name} to the end of ${quoted(objective.name)}`,
      changes: [change('objectives', objective.id, objective, withMeasures(objective, placed))],
    };
  }
  return {
    label: `Moved measure ${name} to ${quoted(target.name)}`,
    changes: [
      change('objectives', objective.id, objective, updated(objective, index, undefined)),
      change('objectives', target.id, target, withMeasures(target, placed)),
    ],
  };
}

/** A measure figure for a label: the number and the measure's unit. */
function figure(value: number, unit: string | undefined): string {
  return unit ? `${value} ${unit}` : String(value);
}

/**
 * Records an actual of a measure on a day. Actuals stay in date order; an actual on a day that
 * has one replaces it (one reading a day).
 */
export function addMeasureActual(
  state: PortfolioState,
  objectiveId: string,
  measureId: string,
  actual: MeasureActual,
): EditPlan {
  const { objective, measure, index } = measureOf(state, objectiveId, measureId);
  const actuals = [...(measure.actuals ?? [])];
  const same = actuals.findIndex((entry) => entry.date === actual.date);
  if (same >= 0) actuals[same] = { ...actuals[same], ...actual };
  else {
    const at = actuals.findIndex((entry) => entry.date > actual.date);
    actuals.splice(at < 0 ? actuals.length : at, 0, actual);
  }
  const value = figure(actual.value, measure.unit);
  return {
    label:
      same >= 0
        ? `Changed the actual of ${quoted(measure.name)} on ${actual.date} to ${value}`
        : `Recorded ${value} for ${quoted(measure.name)} on ${actual.date}`,
    changes: [
      change(
        'objectives',
        objective.id,
        objective,
        updated(objective, index, { ...measure, actuals }),
      ),
    ],
  };
}

/** Deletes one actual of a measure: the first with that date and value. */
export function deleteMeasureActual(
  state: PortfolioState,
  objectiveId: string,
  measureId: string,
  actual: Pick<MeasureActual, 'date' | 'value'>,
): EditPlan {
  const { objective, measure, index } = measureOf(state, objectiveId, measureId);
  const actuals = [...(measure.actuals ?? [])];
  const at = actuals.findIndex(
    (entry) => entry.date === actual.date && Object.is(entry.value, actual.value),
  );
  if (at < 0) {
    throw new OperationError(
      `The actual of ${quoted(measure.name)} on ${actual.date} no longer exists.`,
    );
  }
  actuals.splice(at, 1);
  return {
    label: `Deleted the actual of ${quoted(measure.name)} on ${actual.date}`,
    changes: [
      change(
        'objectives',
        objective.id,
        objective,
        updated(
          objective,
          index,
          setField(measure, 'actuals', actuals.length > 0 ? actuals : undefined),
        ),
      ),
    ],
  };
}
