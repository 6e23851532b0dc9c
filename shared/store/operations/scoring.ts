/**
 * Named edits of the scoring model: which model the portfolio uses, and the weighted model's
 * criteria (name, weight, scale, where the score comes from, order). Each writes the portfolio's
 * one meta record; scores stay on the initiatives, keyed by criterion id. A scale that existing
 * scores fall off is refused by the rules the store checks every edit with, as the file's reader
 * would refuse it.
 */
import type {
  Criterion,
  CriterionScale,
  CriterionSource,
  ScoringModel,
  ScoringModelKind,
} from '../../portfolio/types';
import {
  newCriterionId,
  NEW_CRITERION_SCALE,
  scoringAfterSwitch,
} from '../../strategy/model-switch';
import { MODEL_CRITERIA, MODEL_NAMES, modelCriteria, scaleOf } from '../../strategy/scoring';
import { change, setField, type EditPlan } from '../changes';
import { OperationError, quoted } from '../context';
import type { PortfolioState } from '../state';

function scoringOf(state: PortfolioState): ScoringModel {
  const scoring = state.meta.scoring;
  if (!scoring) throw new OperationError('The portfolio has no scoring model; choose one first.');
  return scoring;
}

function weightedOf(state: PortfolioState): ScoringModel & { readonly criteria: Criterion[] } {
  const scoring = scoringOf(state);
  if (scoring.model !== 'weighted') {
    throw new OperationError(
      `The ${MODEL_NAMES[scoring.model]} model's criteria are fixed; only weighted criteria are added, weighed, deleted or moved.`,
    );
  }
  return { ...scoring, criteria: [...(scoring.criteria ?? [])] };
}

function withScoring(state: PortfolioState, label: string, scoring: ScoringModel): EditPlan {
  return {
    label,
    changes: [change('meta', 'portfolio', state.meta, { ...state.meta, scoring })],
  };
}

/** The criterion `id` of the model in use, as the model reads it (its name, its scale). */
function criterionOf(scoring: ScoringModel, id: string) {
  const found = modelCriteria(scoring).find((criterion) => criterion.id === id);
  if (!found) throw new OperationError(`Criterion "${id}" no longer exists.`);
  return found;
}

/**
 * Replaces criterion `id` of the list (`update` gets the file's entry, or for a fixed model's
 * criterion without one, its id and name), keeping the list's order.
 */
function updateCriterion(
  scoring: ScoringModel,
  id: string,
  update: (criterion: Criterion) => Criterion,
): ScoringModel {
  const resolved = criterionOf(scoring, id);
  const criteria = [...(scoring.criteria ?? [])];
  const index = criteria.findIndex((criterion) => criterion.id === id);
  if (index >= 0) criteria[index] = update(criteria[index] as Criterion);
  else {
    // A fixed model's criterion the list does not name yet: it joins in the model's order.
    const order: readonly string[] =
      scoring.model === 'weighted'
        ? []
        : MODEL_CRITERIA[scoring.model].map((criterion) => criterion.id);
    const added = update({ id, name: resolved.name });
    const at = criteria.findIndex((criterion) => order.indexOf(criterion.id) > order.indexOf(id));
    criteria.splice(at < 0 ? criteria.length : at, 0, added);
  }
  return { ...scoring, criteria };
}

/**
 * Switches the portfolio to `model`. Scores are kept (each model reads its own criteria's ids);
 * the criteria of the model left are parked, so that switching back brings them back. Weighted
 * criteria start from a starter set when there are none (see `STARTER_CRITERIA`).
 */
export function setScoringModel(state: PortfolioState, model: ScoringModelKind): EditPlan {
  const current = state.meta.scoring;
  const scoring = scoringAfterSwitch(current, model, state.initiatives);
  return withScoring(
    state,
    current
      ? `Switched the scoring model from ${MODEL_NAMES[current.model]} to ${MODEL_NAMES[model]}`
      : `Chose the ${MODEL_NAMES[model]} scoring model`,
    scoring,
  );
}

/** Adds a weighted criterion at the end, weight 1, scored 1–5. */
export function addCriterion(
  state: PortfolioState,
  name = 'New criterion',
): EditPlan & { readonly id: string } {
  const scoring = weightedOf(state);
  const id = newCriterionId(
    name,
    scoring.criteria.map((criterion) => criterion.id),
    state.initiatives,
  );
  const criterion: Criterion = { id, name, weight: 1, scale: NEW_CRITERION_SCALE };
  return {
    id,
    ...withScoring(state, `Added criterion ${quoted(name)}`, {
      ...scoring,
      criteria: [...scoring.criteria, criterion],
    }),
  };
}

/** Renames a criterion (a fixed model's criterion takes the name in its place). */
export function renameCriterion(state: PortfolioState, id: string, name: string): EditPlan {
  const scoring = scoringOf(state);
  const before = criterionOf(scoring, id).name;
  return withScoring(
    state,
    `Renamed criterion ${quoted(before)} to ${quoted(name)}`,
    updateCriterion(scoring, id, (criterion) => ({ ...criterion, name })),
  );
}

/** Sets a weighted criterion's weight. */
export function setCriterionWeight(state: PortfolioState, id: string, weight: number): EditPlan {
  const scoring = weightedOf(state);
  const name = criterionOf(scoring, id).name;
  return withScoring(
    state,
    `Changed the weight of ${quoted(name)}`,
    updateCriterion(scoring, id, (criterion) => ({ ...criterion, weight })),
  );
}

/**
 * Sets the scale a criterion is scored on (weighted, WSJF and value / effort criteria; RICE's are
 * its own). Refused by the store's rules while scores of it are off the new scale.
 */
export function setCriterionScale(
  state: PortfolioState,
  id: string,
  scale: CriterionScale,
): EditPlan {
  const scoring = scoringOf(state);
  const criterion = criterionOf(scoring, id);
  if (!criterion.scaleName) {
    throw new OperationError(
      `${quoted(criterion.name)} is scored on ${MODEL_NAMES[scoring.model]}'s own scale (${criterion.scale.label}).`,
    );
  }
  return withScoring(
    state,
    `Scored ${quoted(criterion.name)} on ${scaleOf(scale).label}`,
    updateCriterion(scoring, id, (entry) => ({ ...entry, scale })),
  );
}

/**
 * Where a weighted criterion's score comes from: typed, or computed from the objective links
 * (strategic fit). Typed scores stay on the initiatives either way.
 */
export function setCriterionSource(
  state: PortfolioState,
  id: string,
  source: CriterionSource,
): EditPlan {
  const scoring = weightedOf(state);
  const name = criterionOf(scoring, id).name;
  return withScoring(
    state,
    source === 'strategic-fit'
      ? `Computed ${quoted(name)} from the objective links`
      : `Typed the scores of ${quoted(name)}`,
    updateCriterion(scoring, id, (criterion) =>
      setField(criterion, 'source', source === 'score' ? undefined : source),
    ),
  );
}

/** Deletes a weighted criterion. Its scores stay on the initiatives, unread (undo brings it back). */
export function deleteCriterion(state: PortfolioState, id: string): EditPlan {
  const scoring = weightedOf(state);
  const name = criterionOf(scoring, id).name;
  return withScoring(state, `Deleted criterion ${quoted(name)}`, {
    ...scoring,
    criteria: scoring.criteria.filter((criterion) => criterion.id !== id),
  });
}

/** Moves a weighted criterion in front of `beforeId` (null: to the end). */
export function moveCriterion(
  state: PortfolioState,
  id: string,
  beforeId: string | null,
): EditPlan {
  const scoring = weightedOf(state);
  const moved = scoring.criteria.find((criterion) => criterion.id === id);
  if (!moved) throw new OperationError(`Criterion "${id}" no longer exists.`);
  const rest = scoring.criteria.filter((criterion) => criterion.id !== id);
  const at = beforeId === null ? rest.length : rest.findIndex((entry) => entry.id === beforeId);
  if (at < 0) throw new OperationError(`Criterion "${beforeId}" no longer exists.`);
  rest.splice(at, 0, moved);
  const next = rest[at + 1];
  return withScoring(
    state,
    next
      ? `Moved ${quoted(moved.name)} above ${quoted(next.name)}`
      : `Moved ${quoted(moved.name)} to the end`,
    { ...scoring, criteria: rest },
  );
}
