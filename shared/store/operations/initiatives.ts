/** Named edits of initiatives: portfolio state in, an edit plan out. */
import { initiativeDuration } from '../../portfolio/measures';
import { PROPOSAL_LINK_KEY } from '../../intake/approve';
import { setOwn } from '../../portfolio/paths';
import type {
  Extras,
  Forced,
  Initiative,
  InitiativeStatus,
  ObjectiveLink,
} from '../../portfolio/types';
import { change, setField, type Change, type EditPlan } from '../changes';
import { keyOf } from '../entities';
import { byId, quoted, type EditContext } from '../context';
import {
  lastOrder,
  type InitiativeRecord,
  type PortfolioState,
  type ProposalRecord,
} from '../state';

function edit(
  state: PortfolioState,
  id: string,
  label: (initiative: InitiativeRecord) => string,
  update: (initiative: InitiativeRecord) => InitiativeRecord,
): EditPlan {
  const before = byId(state.initiatives, id, 'Initiative');
  const after = update(before);
  return { label: label(before), changes: [change('initiatives', id, before, after)] };
}

/** `list` cut or padded with zeros to `length`. */
export function resized(list: readonly number[] | undefined, length: number): number[] {
  const next = [...(list ?? [])].slice(0, length);
  while (next.length < length) next.push(0);
  return next;
}

/** Adds an initiative at the end of the list, status proposed; `id` is new and opaque. */
export function createInitiative(
  state: PortfolioState,
  context: EditContext,
  name = 'New initiative',
): EditPlan & { readonly id: string } {
  const id = context.newId('initiatives');
  const record: InitiativeRecord = {
    id,
    name,
    status: 'proposed',
    order: context.keys.between(lastOrder(state.initiatives), null),
  };
  return {
    id,
    label: `Added initiative ${quoted(name)}`,
    changes: [change('initiatives', id, undefined, record)],
  };
}

/** `extras` without the link to a proposal; undefined when nothing else is left. */
function withoutProposalLink(extras: Extras | undefined): Extras | undefined {
  if (!extras || !Object.hasOwn(extras, PROPOSAL_LINK_KEY)) return extras;
  const rest: Record<string, unknown> = {};
  for (const key of Object.keys(extras)) {
    if (key !== PROPOSAL_LINK_KEY) setOwn(rest, key, extras[key]);
  }
  return Object.keys(rest).length > 0 ? rest : undefined;
}

/** Copies an initiative (without its dependants' links, nor the proposal it came from) right after it. */
export function duplicateInitiative(
  state: PortfolioState,
  context: EditContext,
  id: string,
): EditPlan & { readonly id: string } {
  const source = byId(state.initiatives, id, 'Initiative');
  const index = state.initiatives.indexOf(source);
  const nextRecord = state.initiatives[index + 1];
  const copyId = context.newId('initiatives');
  // The copy is new work: only the original came from a proposal.
  const extras = withoutProposalLink(source.extras);
  const { extras: _extras, ...rest } = source;
  const copy: InitiativeRecord = {
    ...rest,
    ...(extras !== undefined && { extras }),
    id: copyId,
    name: `${source.name} (copy)`,
    order: context.keys.between(source.order, nextRecord?.order ?? null),
  };
  return {
    id: copyId,
    label: `Duplicated ${quoted(source.name)}`,
    changes: [change('initiatives', copyId, undefined, copy)],
  };
}

/**
 * Deletes an initiative and every reference to it: other initiatives' and proposals' dependencies
 * and exclusions, its places in scenario rankings, and its actuals. Decisions about it stay: the
 * log is never rewritten; so does the proposal it was approved from, which names it as history.
 */
export function deleteInitiative(state: PortfolioState, id: string): EditPlan {
  const target = byId(state.initiatives, id, 'Initiative');
  const changes: Change[] = [];
  for (const record of state.initiatives) {
    if (record.id === id) {
      changes.push(change('initiatives', id, record, undefined));
      continue;
    }
    let next: InitiativeRecord = record;
    for (const field of ['dependsOn', 'excludes'] as const) {
      const list = next[field];
      if (list?.includes(id)) {
        const kept = list.filter((other) => other !== id);
        next = setField(next, field, kept.length > 0 ? kept : undefined);
      }
    }
    if (next !== record) changes.push(change('initiatives', record.id, record, next));
  }
  for (const record of state.proposals) {
    let next: ProposalRecord = record;
    for (const field of ['dependsOn', 'excludes'] as const) {
      const list = next[field];
      if (list?.includes(id)) {
        const kept = list.filter((other) => other !== id);
        next = setField(next, field, kept.length > 0 ? kept : undefined);
      }
    }
    if (next !== record) changes.push(change('proposals', record.id, record, next));
  }
  for (const rank of state.ranks) {
    if (rank.initiativeId === id)
      changes.push(change('ranks', keyOf('ranks', rank), rank, undefined));
  }
  for (const actual of state.actuals) {
    if (actual.initiativeId === id) {
      changes.push(change('actuals', keyOf('actuals', actual), actual, undefined));
    }
  }
  return { label: `Deleted initiative ${quoted(target.name)}`, changes };
}

export function renameInitiative(state: PortfolioState, id: string, name: string): EditPlan {
  return edit(
    state,
    id,
    (before) => `Renamed ${quoted(before.name)} to ${quoted(name)}`,
    (record) => ({ ...record, name }),
  );
}

export function setInitiativeStatus(
  state: PortfolioState,
  id: string,
  status: InitiativeStatus,
): EditPlan {
  return edit(
    state,
    id,
    (before) => `Set ${quoted(before.name)} to ${status}`,
    (record) => ({ ...record, status }),
  );
}

/** The optional details of an initiative set with one value each. */
export type InitiativeDetail =
  | 'owner'
  | 'description'
  | 'value'
  | 'benefit'
  | 'duration'
  | 'earliestStart'
  | 'latestStart'
  | 'start'
  | 'forcedReason';

const DETAIL_NAMES: Readonly<Record<InitiativeDetail, string>> = {
  owner: 'owner',
  description: 'description',
  value: 'value',
  benefit: 'expected benefit',
  duration: 'duration',
  earliestStart: 'earliest start',
  latestStart: 'latest start',
  start: 'fixed start',
  forcedReason: 'reason for forcing',
};

/** Sets one optional detail; an empty text or `undefined` removes it. */
export function setInitiativeDetail<K extends InitiativeDetail>(
  state: PortfolioState,
  id: string,
  field: K,
  value: Initiative[K] | undefined,
): EditPlan {
  const kept = value === '' ? undefined : value;
  return edit(
    state,
    id,
    (before) =>
      `${kept === undefined ? 'Cleared' : 'Changed'} the ${DETAIL_NAMES[field]} of ${quoted(before.name)}`,
    (record) => setField(record, field, kept as InitiativeRecord[K] | undefined),
  );
}

/** Forces an initiative into or out of every plan, or lets the plan decide again (`undefined`). */
export function setInitiativeForced(
  state: PortfolioState,
  id: string,
  forced: Forced | undefined,
): EditPlan {
  return edit(
    state,
    id,
    (before) =>
      forced === undefined
        ? `Let the plan decide on ${quoted(before.name)}`
        : `Forced ${quoted(before.name)} ${forced}`,
    (record) => setField(record, 'forced', forced),
  );
}

/** Sets or clears (`undefined`) one criterion's score. */
export function setInitiativeScore(
  state: PortfolioState,
  id: string,
  criterionId: string,
  score: number | undefined,
  criterionName = criterionId,
): EditPlan {
  return edit(
    state,
    id,
    (before) => `Changed the ${criterionName} score of ${quoted(before.name)}`,
    (record) => {
      const scores: Record<string, number> = { ...(record.scores ?? {}) };
      if (score === undefined) delete scores[criterionId];
      else scores[criterionId] = score;
      return setField(record, 'scores', Object.keys(scores).length > 0 ? scores : undefined);
    },
  );
}

/**
 * Sets a team's demand in one active period (counted from the start, 0 first); `undefined`
 * counts as 0. The lists grow to reach the period.
 */
export function setInitiativeDemand(
  state: PortfolioState,
  id: string,
  teamId: string,
  index: number,
  amount: number | undefined,
  teamName = teamId,
): EditPlan {
  return edit(
    state,
    id,
    (before) => `Changed ${teamName}'s demand for ${quoted(before.name)} in period ${index + 1}`,
    (record) => {
      const list = resized(
        record.demand?.[teamId],
        Math.max(initiativeDuration(record), index + 1),
      );
      list[index] = amount ?? 0;
      return { ...record, demand: { ...(record.demand ?? {}), [teamId]: list } };
    },
  );
}

/** Sets the spend in one active period; `undefined` counts as 0. */
export function setInitiativeSpend(
  state: PortfolioState,
  id: string,
  index: number,
  amount: number | undefined,
): EditPlan {
  return edit(
    state,
    id,
    (before) => `Changed the spend of ${quoted(before.name)} in period ${index + 1}`,
    (record) => {
      const list = resized(record.spend, Math.max(initiativeDuration(record), index + 1));
      list[index] = amount ?? 0;
      return { ...record, spend: list };
    },
  );
}

/** Adds demand for a team: zero in every active period. */
export function addTeamDemand(
  state: PortfolioState,
  id: string,
  teamId: string,
  teamName = teamId,
): EditPlan {
  return edit(
    state,
    id,
    (before) => `Added ${teamName}'s demand to ${quoted(before.name)}`,
    (record) => ({
      ...record,
      demand: {
        ...(record.demand ?? {}),
        [teamId]: resized([], Math.max(initiativeDuration(record), 1)),
      },
    }),
  );
}

export function removeTeamDemand(
  state: PortfolioState,
  id: string,
  teamId: string,
  teamName = teamId,
): EditPlan {
  return edit(
    state,
    id,
    (before) => `Removed ${teamName}'s demand from ${quoted(before.name)}`,
    (record) => {
      const { [teamId]: _removed, ...rest } = record.demand ?? {};
      return setField(record, 'demand', Object.keys(rest).length > 0 ? rest : undefined);
    },
  );
}

/**
 * Makes the initiative active for one period more (`step` 1) or one fewer (-1, never below one):
 * every demand list and the spend grow with zeros or lose their last period.
 */
export function resizeInitiative(state: PortfolioState, id: string, step: 1 | -1): EditPlan {
  return edit(
    state,
    id,
    (before) =>
      step > 0
        ? `Made ${quoted(before.name)} one period longer`
        : `Made ${quoted(before.name)} one period shorter`,
    (record) => {
      const length = Math.max(Math.max(initiativeDuration(record), 1) + step, 1);
      const demand: Record<string, number[]> = {};
      for (const [teamId, list] of Object.entries(record.demand ?? {})) {
        demand[teamId] = resized(list, length);
      }
      const hasLists = Object.keys(demand).length > 0 || record.spend !== undefined;
      let next = setField(record, 'demand', Object.keys(demand).length > 0 ? demand : undefined);
      next = setField(next, 'spend', record.spend ? resized(record.spend, length) : undefined);
      // Without any list the length lives in `duration` alone.
      return setField(
        next,
        'duration',
        record.duration !== undefined || !hasLists ? length : undefined,
      );
    },
  );
}

function objectiveName(state: PortfolioState, objectiveId: string): string {
  return state.objectives.find((objective) => objective.id === objectiveId)?.name ?? objectiveId;
}

function withLinks(record: InitiativeRecord, links: readonly ObjectiveLink[]): InitiativeRecord {
  return setField(record, 'objectives', links.length > 0 ? links : undefined);
}

/** Links the initiative to an objective with a contribution (1 some, 2 strong, 3 direct). */
export function linkObjective(
  state: PortfolioState,
  id: string,
  objectiveId: string,
  contribution = 2,
): EditPlan {
  return edit(
    state,
    id,
    (before) => `Linked ${quoted(before.name)} to ${quoted(objectiveName(state, objectiveId))}`,
    (record) => {
      const links = record.objectives ?? [];
      if (links.some((link) => link.id === objectiveId)) {
        return withLinks(
          record,
          links.map((link) => (link.id === objectiveId ? { ...link, contribution } : link)),
        );
      }
      return withLinks(record, [...links, { id: objectiveId, contribution }]);
    },
  );
}

export function setObjectiveContribution(
  state: PortfolioState,
  id: string,
  objectiveId: string,
  contribution: number,
): EditPlan {
  return edit(
    state,
    id,
    (before) =>
      `Changed how much ${quoted(before.name)} contributes to ${quoted(objectiveName(state, objectiveId))}`,
    (record) =>
      withLinks(
        record,
        (record.objectives ?? []).map((link) =>
          link.id === objectiveId ? { ...link, contribution } : link,
        ),
      ),
  );
}

export function unlinkObjective(state: PortfolioState, id: string, objectiveId: string): EditPlan {
  return edit(
    state,
    id,
    (before) => `Unlinked ${quoted(before.name)} from ${quoted(objectiveName(state, objectiveId))}`,
    (record) =>
      withLinks(
        record,
        (record.objectives ?? []).filter((link) => link.id !== objectiveId),
      ),
  );
}

/** The relations between initiatives an edit can add or remove. */
export type InitiativeRelation = 'dependsOn' | 'excludes';

function relatedName(state: PortfolioState, otherId: string): string {
  return state.initiatives.find((initiative) => initiative.id === otherId)?.name ?? otherId;
}

/** Adds a prerequisite (`dependsOn`) or an exclusion (`excludes`). */
export function addRelation(
  state: PortfolioState,
  id: string,
  relation: InitiativeRelation,
  otherId: string,
): EditPlan {
  return edit(
    state,
    id,
    (before) =>
      relation === 'dependsOn'
        ? `Made ${quoted(before.name)} depend on ${quoted(relatedName(state, otherId))}`
        : `Made ${quoted(before.name)} exclude ${quoted(relatedName(state, otherId))}`,
    (record) => {
      const list = record[relation] ?? [];
      return list.includes(otherId) ? record : { ...record, [relation]: [...list, otherId] };
    },
  );
}

export function removeRelation(
  state: PortfolioState,
  id: string,
  relation: InitiativeRelation,
  otherId: string,
): EditPlan {
  return edit(
    state,
    id,
    (before) =>
      relation === 'dependsOn'
        ? `Removed the prerequisite ${quoted(relatedName(state, otherId))} of ${quoted(before.name)}`
        : `Removed the exclusion of ${quoted(relatedName(state, otherId))} from ${quoted(before.name)}`,
    (record) => {
      const kept = (record[relation] ?? []).filter((other) => other !== otherId);
      return setField(record, relation, kept.length > 0 ? kept : undefined);
    },
  );
}

/** Moves an initiative in the portfolio's list to just before `beforeId` (null: the end). */
export function moveInitiative(
  state: PortfolioState,
  context: EditContext,
  id: string,
  beforeId: string | null,
): EditPlan {
  const record = byId(state.initiatives, id, 'Initiative');
  // In front of itself: it stays where it is (there is no neighbour to put it between).
  if (beforeId === id) return { label: `Moved ${quoted(record.name)} in the list`, changes: [] };
  const others = state.initiatives.filter((initiative) => initiative.id !== id);
  const at = beforeId === null ? others.length : others.findIndex((other) => other.id === beforeId);
  if (at < 0) byId(state.initiatives, beforeId as string, 'Initiative');
  const order = context.keys.between(others[at - 1]?.order ?? null, others[at]?.order ?? null);
  return {
    label: `Moved ${quoted(record.name)} in the list`,
    changes: [change('initiatives', id, record, { ...record, order })],
  };
}
