/**
 * The edit API the areas use: one function per named operation of shared/store/operations, each
 * committed through the store (checked, stored, in the history, undoable). Areas never build
 * record changes themselves.
 */
import type {
  CriterionScale,
  CriterionSource,
  Extras,
  Forced,
  Initiative,
  InitiativeStatus,
  Judgment,
  Measure,
  MeasureActual,
  Period,
  ScoringModelKind,
} from '../../shared/portfolio/types';
import * as decisions from '../../shared/store/operations/decisions';
import type { IntakeSettings } from '../../shared/intake/types';
import * as initiatives from '../../shared/store/operations/initiatives';
import * as intake from '../../shared/store/operations/intake';
import * as objectives from '../../shared/store/operations/objectives';
import * as portfolio from '../../shared/store/operations/portfolio';
import * as scenarios from '../../shared/store/operations/scenarios';
import * as scoring from '../../shared/store/operations/scoring';
import * as objectiveWeights from '../../shared/store/operations/weights';
import * as workshops from '../../shared/store/operations/workshops';
import type { ActualRecord } from '../../shared/store/state';
import type { EditContext } from '../../shared/store/context';
import type { EditPlan } from '../../shared/store/changes';
import type { PortfolioState } from '../../shared/store/state';
import type { CommitOptions, EditResult, Operation } from './repository';
import { portfolioStore } from './store';

function commit(operation: Operation, options?: CommitOptions): Promise<EditResult> {
  return portfolioStore().commit(operation, options);
}

/** Like `commit`, and gives what the operation returned once it is stored. */
async function commitFor<T extends EditPlan>(
  operation: (state: PortfolioState, context: EditContext) => T,
  options?: CommitOptions,
): Promise<{ readonly ok: true; readonly plan: T } | Extract<EditResult, { ok: false }>> {
  let planned: T | undefined;
  const result = await commit((state, context) => {
    planned = operation(state, context);
    return planned;
  }, options);
  if (!result.ok) return result;
  if (!planned) throw new Error('The edit was not planned.');
  return { ok: true, plan: planned };
}

export type { CommitOptions, EditResult };
export type { DecisionInput } from '../../shared/store/operations/decisions';
export type {
  InitiativeDetail,
  InitiativeRelation,
} from '../../shared/store/operations/initiatives';
export type { MeasureField } from '../../shared/store/operations/objectives';
export type { StackMove } from '../../shared/store/operations/scenarios';
export type { OutcomeInput, WorkshopSetup } from '../../shared/store/operations/workshops';
export type {
  ApprovalInput,
  DeferInput,
  GateDecisionInput,
  ManualStage,
  ProposalChanges,
} from '../../shared/store/operations/intake';

/** The id an operation created, or '' when the store refused it. */
async function created(
  result: Promise<
    { readonly ok: true; readonly plan: { readonly id: string } } | { readonly ok: false }
  >,
): Promise<string> {
  const outcome = await result;
  return outcome.ok ? outcome.plan.id : '';
}

// ---- Initiatives -----------------------------------------------------------------------------

export function createInitiative(name?: string): Promise<string> {
  return created(commitFor((state, context) => initiatives.createInitiative(state, context, name)));
}

export function duplicateInitiative(id: string): Promise<string> {
  return created(
    commitFor((state, context) => initiatives.duplicateInitiative(state, context, id)),
  );
}

export function deleteInitiative(id: string): Promise<EditResult> {
  return commit((state) => initiatives.deleteInitiative(state, id));
}

export function renameInitiative(
  id: string,
  name: string,
  options?: CommitOptions,
): Promise<EditResult> {
  return commit((state) => initiatives.renameInitiative(state, id, name), options);
}

export function setInitiativeStatus(id: string, status: InitiativeStatus): Promise<EditResult> {
  return commit((state) => initiatives.setInitiativeStatus(state, id, status));
}

export function setInitiativeDetail<K extends initiatives.InitiativeDetail>(
  id: string,
  field: K,
  value: Initiative[K] | undefined,
  options?: CommitOptions,
): Promise<EditResult> {
  return commit((state) => initiatives.setInitiativeDetail(state, id, field, value), options);
}

export function setInitiativeForced(id: string, forced: Forced | undefined): Promise<EditResult> {
  return commit((state) => initiatives.setInitiativeForced(state, id, forced));
}

export function setInitiativeScore(
  id: string,
  criterionId: string,
  score: number | undefined,
  criterionName: string,
  options?: CommitOptions,
): Promise<EditResult> {
  return commit(
    (state) => initiatives.setInitiativeScore(state, id, criterionId, score, criterionName),
    options,
  );
}

export function setInitiativeDemand(
  id: string,
  teamId: string,
  index: number,
  amount: number | undefined,
  teamName: string,
  options?: CommitOptions,
): Promise<EditResult> {
  return commit(
    (state) => initiatives.setInitiativeDemand(state, id, teamId, index, amount, teamName),
    options,
  );
}

export function setInitiativeSpend(
  id: string,
  index: number,
  amount: number | undefined,
  options?: CommitOptions,
): Promise<EditResult> {
  return commit((state) => initiatives.setInitiativeSpend(state, id, index, amount), options);
}

export function addTeamDemand(id: string, teamId: string, teamName: string): Promise<EditResult> {
  return commit((state) => initiatives.addTeamDemand(state, id, teamId, teamName));
}

export function removeTeamDemand(
  id: string,
  teamId: string,
  teamName: string,
): Promise<EditResult> {
  return commit((state) => initiatives.removeTeamDemand(state, id, teamId, teamName));
}

export function resizeInitiative(id: string, step: 1 | -1): Promise<EditResult> {
  return commit((state) => initiatives.resizeInitiative(state, id, step));
}

export function linkObjective(
  id: string,
  objectiveId: string,
  contribution?: number,
): Promise<EditResult> {
  return commit((state) => initiatives.linkObjective(state, id, objectiveId, contribution));
}

export function setObjectiveContribution(
  id: string,
  objectiveId: string,
  contribution: number,
): Promise<EditResult> {
  return commit((state) =>
    initiatives.setObjectiveContribution(state, id, objectiveId, contribution),
  );
}

export function unlinkObjective(id: string, objectiveId: string): Promise<EditResult> {
  return commit((state) => initiatives.unlinkObjective(state, id, objectiveId));
}

export function addRelation(
  id: string,
  relation: initiatives.InitiativeRelation,
  otherId: string,
): Promise<EditResult> {
  return commit((state) => initiatives.addRelation(state, id, relation, otherId));
}

export function removeRelation(
  id: string,
  relation: initiatives.InitiativeRelation,
  otherId: string,
): Promise<EditResult> {
  return commit((state) => initiatives.removeRelation(state, id, relation, otherId));
}

export function moveInitiative(id: string, beforeId: string | null): Promise<EditResult> {
  return commit((state, context) => initiatives.moveInitiative(state, context, id, beforeId));
}

// ---- Portfolio, teams, periods ---------------------------------------------------------------

export function renamePortfolio(name: string, options?: CommitOptions): Promise<EditResult> {
  return commit((state) => portfolio.renamePortfolio(state, name), options);
}

export function setPortfolioUnit(
  field: 'currency' | 'capacityUnit',
  value: string,
  options?: CommitOptions,
): Promise<EditResult> {
  return commit((state) => portfolio.setPortfolioUnit(state, field, value), options);
}

export function setPeriodBudget(
  periodId: string,
  value: number | undefined,
  options?: CommitOptions,
): Promise<EditResult> {
  return commit((state) => portfolio.setPeriodBudget(state, periodId, value), options);
}

export function setBudgetEnabled(enabled: boolean): Promise<EditResult> {
  return commit((state) => portfolio.setBudgetEnabled(state, enabled));
}

export function createTeam(name?: string): Promise<string> {
  return created(commitFor((state, context) => portfolio.createTeam(state, context, name)));
}

export function renameTeam(id: string, name: string, options?: CommitOptions): Promise<EditResult> {
  return commit((state) => portfolio.renameTeam(state, id, name), options);
}

export function setTeamCapacity(
  teamId: string,
  periodId: string,
  value: number | undefined,
  options?: CommitOptions,
): Promise<EditResult> {
  return commit((state) => portfolio.setTeamCapacity(state, teamId, periodId, value), options);
}

export function deleteTeam(id: string): Promise<EditResult> {
  return commit((state) => portfolio.deleteTeam(state, id));
}

/** Teams' uses by initiatives, to warn before a delete. */
export function countTeamDemand(teamId: string, list: readonly Initiative[]): number {
  return list.filter((initiative) => initiative.demand && teamId in initiative.demand).length;
}

export function appendPeriod(
  next: (last: Period | undefined, taken: ReadonlySet<string>) => Period,
): Promise<string> {
  return created(commitFor((state, context) => portfolio.appendPeriod(state, context, next)));
}

export function renamePeriod(
  id: string,
  label: string,
  options?: CommitOptions,
): Promise<EditResult> {
  return commit((state) => portfolio.renamePeriod(state, id, label), options);
}

export function setPeriodDate(
  id: string,
  field: 'start' | 'end',
  value: string | undefined,
): Promise<EditResult> {
  return commit((state) => portfolio.setPeriodDate(state, id, field, value));
}

export function deletePeriod(id: string): Promise<EditResult> {
  return commit((state) => portfolio.deletePeriod(state, id));
}

// ---- The strategy tree: objectives and their measures ----------------------------------------

export function createObjective(name: string, parentId: string | null): Promise<string> {
  return created(
    commitFor((state, context) => objectives.createObjective(state, context, name, parentId)),
  );
}

export function renameObjective(
  id: string,
  name: string,
  options?: CommitOptions,
): Promise<EditResult> {
  return commit((state) => objectives.renameObjective(state, id, name), options);
}

export function describeObjective(
  id: string,
  description: string,
  options?: CommitOptions,
): Promise<EditResult> {
  return commit((state) => objectives.describeObjective(state, id, description), options);
}

/** Deletes an objective; its children move up into its place, links to it are removed. */
export function deleteObjective(id: string): Promise<EditResult> {
  return commit((state, context) => objectives.deleteObjective(state, id, context));
}

/** Moves an objective under `parentId` (null: a theme), in front of `beforeId` (null: last). */
export function moveObjective(
  id: string,
  parentId: string | null,
  beforeId: string | null,
): Promise<EditResult> {
  return commit((state, context) =>
    objectives.moveObjective(state, context, id, parentId, beforeId),
  );
}

export function addMeasure(objectiveId: string, name: string): Promise<string> {
  return created(
    commitFor((state, context) => objectives.addMeasure(state, context, objectiveId, name)),
  );
}

export function updateMeasure<K extends objectives.MeasureField>(
  objectiveId: string,
  measureId: string,
  field: K,
  value: Measure[K] | undefined,
  options?: CommitOptions,
): Promise<EditResult> {
  return commit(
    (state) => objectives.updateMeasure(state, objectiveId, measureId, field, value),
    options,
  );
}

export function deleteMeasure(objectiveId: string, measureId: string): Promise<EditResult> {
  return commit((state) => objectives.deleteMeasure(state, objectiveId, measureId));
}

/** Moves a measure in front of `beforeId` among `toObjectiveId`'s measures (null: last). */
export function moveMeasure(
  objectiveId: string,
  measureId: string,
  toObjectiveId: string,
  beforeId: string | null,
): Promise<EditResult> {
  return commit((state) =>
    objectives.moveMeasure(state, objectiveId, measureId, toObjectiveId, beforeId),
  );
}

export function addMeasureActual(
  objectiveId: string,
  measureId: string,
  actual: MeasureActual,
): Promise<EditResult> {
  return commit((state) => objectives.addMeasureActual(state, objectiveId, measureId, actual));
}

export function deleteMeasureActual(
  objectiveId: string,
  measureId: string,
  actual: Pick<MeasureActual, 'date' | 'value'>,
): Promise<EditResult> {
  return commit((state) => objectives.deleteMeasureActual(state, objectiveId, measureId, actual));
}

// ---- Initiatives' actuals --------------------------------------------------------------------

export function setActual(actual: Omit<ActualRecord, 'order'>): Promise<EditResult> {
  return commit((state, context) => portfolio.setActual(state, context, actual));
}

export function deleteActual(initiativeId: string, periodId: string): Promise<EditResult> {
  return commit((state) => portfolio.deleteActual(state, initiativeId, periodId));
}

// ---- Scenarios -------------------------------------------------------------------------------

export function createScenario(
  name: string,
  ranking?: readonly string[],
  extras?: Extras,
): Promise<string> {
  return created(
    commitFor((state, context) => scenarios.createScenario(state, context, name, ranking, extras)),
  );
}

export function duplicateScenario(id: string): Promise<string> {
  return created(commitFor((state, context) => scenarios.duplicateScenario(state, context, id)));
}

export function renameScenario(id: string, name: string): Promise<EditResult> {
  return commit((state) => scenarios.renameScenario(state, id, name));
}

export function deleteScenario(id: string): Promise<EditResult> {
  return commit((state) => scenarios.deleteScenario(state, id));
}

/** Moves cards in a scenario's stack: one undo step, one record written per moved card. */
export function moveInStack(move: scenarios.StackMove, label?: string): Promise<EditResult> {
  return commit((state, context) => scenarios.moveInStack(state, context, move, label));
}

// ---- Decisions -------------------------------------------------------------------------------

export function recordDecision(input: decisions.DecisionInput): Promise<string> {
  return created(commitFor((state, context) => decisions.recordDecision(state, context, input)));
}

/** Records a stop decision and forces the committed initiative out, as one undo step. */
export function recordStopDecision(
  initiativeId: string,
  input: decisions.DecisionInput,
): Promise<string> {
  return created(
    commitFor((state, context) =>
      decisions.recordStopDecision(state, context, initiativeId, input),
    ),
  );
}

export function amendDecision(
  supersedes: string,
  input: decisions.DecisionInput,
): Promise<EditResult> {
  return commit((state, context) => decisions.amendDecision(state, context, supersedes, input));
}

// ---- Objective weights -----------------------------------------------------------------------

/** Sets a sibling group's weights directly (any positive numbers, stored as shares of 1). */
export function setGroupWeights(
  parentId: string | null,
  weights: Readonly<Record<string, number>>,
): Promise<EditResult> {
  return commit((state) => objectiveWeights.setGroupWeights(state, parentId, weights));
}

/** Compares a sibling group pairwise: its judgments, and the weights they give. */
export function setGroupJudgments(
  parentId: string | null,
  judgments: readonly Judgment[],
): Promise<EditResult> {
  return commit((state) => objectiveWeights.setGroupJudgments(state, parentId, judgments));
}

// ---- Scoring model and criteria ----------------------------------------------------------------

/** Switches the scoring model; scores stay, the criteria of the model left are kept for later. */
export function setScoringModel(model: ScoringModelKind): Promise<EditResult> {
  return commit((state) => scoring.setScoringModel(state, model));
}

/** Adds a weighted criterion; gives its id, or '' when refused. */
export function addCriterion(name?: string): Promise<string> {
  return created(commitFor((state) => scoring.addCriterion(state, name)));
}

export function renameCriterion(
  id: string,
  name: string,
  options?: CommitOptions,
): Promise<EditResult> {
  return commit((state) => scoring.renameCriterion(state, id, name), options);
}

export function setCriterionWeight(
  id: string,
  weight: number,
  options?: CommitOptions,
): Promise<EditResult> {
  return commit((state) => scoring.setCriterionWeight(state, id, weight), options);
}

/** Refused (with every score that would be off it) while scores fall off the new scale. */
export function setCriterionScale(id: string, scale: CriterionScale): Promise<EditResult> {
  return commit((state) => scoring.setCriterionScale(state, id, scale));
}

export function setCriterionSource(id: string, source: CriterionSource): Promise<EditResult> {
  return commit((state) => scoring.setCriterionSource(state, id, source));
}

/** Deletes a weighted criterion; its scores stay on the initiatives, unread. */
export function deleteCriterion(id: string): Promise<EditResult> {
  return commit((state) => scoring.deleteCriterion(state, id));
}

/** Moves a weighted criterion in front of `beforeId` (null: to the end). */
export function moveCriterion(id: string, beforeId: string | null): Promise<EditResult> {
  return commit((state) => scoring.moveCriterion(state, id, beforeId));
}

/**
 * Ranks a scenario by the scoring model (null: adds a scenario "Ranked by <model>"). Gives the
 * scenario's id and the edit's label once stored, or the refusal.
 */
export async function rankScenarioByModel(
  scenarioId: string | null,
): Promise<
  | { readonly ok: true; readonly id: string; readonly label: string; readonly unchanged: boolean }
  | Extract<EditResult, { ok: false }>
> {
  let changed = false;
  const result = await commitFor((state, context) => {
    const plan = scenarios.rankScenarioByModel(state, context, scenarioId);
    changed = plan.changes.length > 0;
    return plan;
  });
  if (!result.ok) return result;
  return { ok: true, id: result.plan.id, label: result.plan.label, unchanged: !changed };
}

// ---- Workshops -------------------------------------------------------------------------------

type WorkshopCell = { readonly initiativeId: string; readonly criterionId: string };

export function createWorkshop(setup: workshops.WorkshopSetup): Promise<string> {
  return created(commitFor((state, context) => workshops.createWorkshop(state, context, setup)));
}

export function updateWorkshopSetup(
  id: string,
  setup: workshops.WorkshopSetup,
): Promise<EditResult> {
  return commit((state) => workshops.updateWorkshopSetup(state, id, setup));
}

export function deleteWorkshop(id: string): Promise<EditResult> {
  return commit((state) => workshops.deleteWorkshop(state, id));
}

export function startScoring(id: string): Promise<EditResult> {
  return commit((state) => workshops.startScoring(state, id));
}

export function takeTurn(id: string, turn: number): Promise<EditResult> {
  return commit((state) => workshops.takeTurn(state, id, turn));
}

export function recordWorkshopScore(
  id: string,
  participantId: string,
  cell: WorkshopCell,
  value: number | undefined,
): Promise<EditResult> {
  return commit((state) => workshops.recordWorkshopScore(state, id, participantId, cell, value));
}

/** Ends `participantId`'s pass; refused when it is no longer theirs (a second press). */
export function finishPass(id: string, participantId: string): Promise<EditResult> {
  return commit((state) => workshops.finishPass(state, id, participantId));
}

export function startRescore(
  id: string,
  initiativeId: string,
  criterionId?: string,
): Promise<EditResult> {
  return commit((state) => workshops.startRescore(state, id, initiativeId, criterionId));
}

export function startVoting(id: string): Promise<EditResult> {
  return commit((state) => workshops.startVoting(state, id));
}

export function setVotes(
  id: string,
  participantId: string,
  votes: readonly { readonly initiativeId: string; readonly dots: number }[],
): Promise<EditResult> {
  return commit((state) => workshops.setVotes(state, id, participantId, votes));
}

/** One dot more (1) or less (−1) on an initiative, counted from the votes as stored. */
export function stepVote(
  id: string,
  participantId: string,
  initiativeId: string,
  step: 1 | -1,
): Promise<EditResult> {
  return commit((state) => workshops.stepVote(state, id, participantId, initiativeId, step));
}

export function goToWorkshopStage(id: string, stage: 'reveal' | 'converge'): Promise<EditResult> {
  return commit((state) => workshops.goToStage(state, id, stage));
}

export function setWorkshopCall(
  id: string,
  cell: WorkshopCell,
  call: { readonly value: number; readonly note: string } | undefined,
): Promise<EditResult> {
  return commit((state) => workshops.setCall(state, id, cell, call));
}

export function setWorkshopNotes(
  id: string,
  notes: string,
  options?: CommitOptions,
): Promise<EditResult> {
  return commit((state) => workshops.setWorkshopNotes(state, id, notes), options);
}

/** Applies a session's outcome; gives the id of the scenario it ranked, or '' when refused. */
export function applyWorkshopOutcome(
  id: string,
  input: workshops.OutcomeInput,
): Promise<
  { readonly ok: true; readonly scenarioId: string } | Extract<EditResult, { ok: false }>
> {
  return commitFor((state, context) =>
    workshops.applyWorkshopOutcome(state, context, id, input),
  ).then((result) => (result.ok ? { ok: true as const, scenarioId: result.plan.id } : result));
}

// ---- Intake ----------------------------------------------------------------------------------

/** Adds a draft proposal entered on `date`; gives its id, or '' when refused. */
export function createProposal(
  input: { readonly date: string } & intake.ProposalChanges,
): Promise<string> {
  return created(commitFor((state, context) => intake.createProposal(state, context, input)));
}

/** Saves fields of a proposal as typed; pass a merge key per field so typing is one undo step. */
export function updateProposal(
  id: string,
  fields: intake.ProposalChanges,
  options?: CommitOptions,
): Promise<EditResult> {
  return commit((state) => intake.updateProposal(state, id, fields), options);
}

/** Submits, screens, brings back or sends back a proposal (a send-back is logged as a decision). */
export function moveProposalStage(
  id: string,
  to: intake.ManualStage,
  input: intake.GateDecisionInput,
): Promise<EditResult> {
  return commit((state, context) => intake.moveProposalStage(state, context, id, to, input));
}

/** Defers a proposal to a date to revisit it; gives the decision's id, or '' when refused. */
export function deferProposal(id: string, input: intake.DeferInput): Promise<string> {
  return created(commitFor((state, context) => intake.deferProposal(state, context, id, input)));
}

/** Rejects a proposal; gives the decision's id, or '' when refused. */
export function rejectProposal(id: string, input: intake.GateDecisionInput): Promise<string> {
  return created(commitFor((state, context) => intake.rejectProposal(state, context, id, input)));
}

/**
 * Approves a proposal into an initiative placed in a scenario's ranking, with the gate decision
 * logged; gives the initiative's and the decision's ids.
 */
export function approveProposal(
  id: string,
  input: intake.ApprovalInput,
): Promise<
  | { readonly ok: true; readonly initiativeId: string; readonly decisionId: string }
  | Extract<EditResult, { ok: false }>
> {
  return commitFor((state, context) => intake.approveProposal(state, context, id, input)).then(
    (result) =>
      result.ok
        ? { ok: true as const, initiativeId: result.plan.id, decisionId: result.plan.decisionId }
        : result,
  );
}

export function deleteProposal(id: string): Promise<EditResult> {
  return commit((state) => intake.deleteProposal(state, id));
}

export function updateIntakeSettings(
  settings: IntakeSettings,
  options?: CommitOptions,
): Promise<EditResult> {
  return commit((state) => intake.updateIntakeSettings(state, settings), options);
}
