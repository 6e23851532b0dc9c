/**
 * The scoring model's operations: switching models keeps scores and brings a model's criteria
 * back, the weighted model's criteria are edited one named step at a time, a scale that scores
 * fall off is refused by the store's rules, and "Rank by model" writes only the cards that move.
 */
import { describe, expect, it } from 'vitest';
import type { Initiative, Portfolio, ScoringModel } from '../../../../shared/portfolio/types';
import { stackOrder } from '../../../../shared/prioritize/cutline';
import { withoutNoOps, type EditPlan } from '../../../../shared/store/changes';
import { problemsAfter } from '../../../../shared/store/check';
import { OperationError } from '../../../../shared/store/context';
import { rankScenarioByModel } from '../../../../shared/store/operations/scenarios';
import {
  addCriterion,
  deleteCriterion,
  moveCriterion,
  renameCriterion,
  setCriterionScale,
  setCriterionSource,
  setCriterionWeight,
  setScoringModel,
} from '../../../../shared/store/operations/scoring';
import {
  applyChanges,
  stateToPortfolio,
  type PortfolioState,
} from '../../../../shared/store/state';
import { OTHER_MODELS_KEY, STARTER_CRITERIA } from '../../../../shared/strategy/model-switch';
import { modelCriteria, modelRanking } from '../../../../shared/strategy/scoring';
import { acceptPlan, applyPlan, demoState, stateOf, testContext } from '../edit-context';

const accepted = acceptPlan;
const applied = applyPlan;

/** What the store says when it refuses the plan, place and reason. */
function refused(plan: EditPlan, state: PortfolioState): string[] {
  const changes = withoutNoOps(plan.changes);
  return problemsAfter(applyChanges(state, changes), changes).map(
    (problem) => `${problem.where ?? problem.path}: ${problem.message}`,
  );
}

function scoring(state: PortfolioState): ScoringModel {
  const found = state.meta.scoring;
  if (!found) throw new Error('no scoring');
  return found;
}

function criteriaIds(state: PortfolioState): string[] {
  return (scoring(state).criteria ?? []).map((criterion) => criterion.id);
}

const initiative = (id: string, scores?: Record<string, number>): Initiative => ({
  id,
  name: id.toUpperCase(),
  status: 'proposed',
  ...(scores && { scores }),
});

function portfolioWith(
  scoringModel: ScoringModel | undefined,
  initiatives: readonly Initiative[],
): Portfolio {
  return {
    name: 'Test',
    periods: [{ id: 'p1', label: 'P1' }],
    teams: [],
    objectives: [],
    ...(scoringModel && { scoring: scoringModel }),
    initiatives,
    scenarios: [{ id: 's', name: 'Plan', ranking: initiatives.map((entry) => entry.id) }],
  };
}

describe('switching the model', () => {
  it('keeps every score and parks the weighted criteria, which come back when switched back', () => {
    const demo = demoState();
    const wsjf = accepted(setScoringModel(demo, 'wsjf'), demo);
    expect(scoring(wsjf).model).toBe('wsjf');
    // Every WSJF criterion is written with its scale: the file says what a score means.
    expect(scoring(wsjf).criteria).toEqual([
      { id: 'businessValue', name: 'Business value', scale: 'fibonacci' },
      { id: 'timeCriticality', name: 'Time criticality', scale: 'fibonacci' },
      { id: 'riskReduction', name: 'Risk reduction / opportunity enablement', scale: 'fibonacci' },
      { id: 'jobSize', name: 'Job size', scale: 'fibonacci' },
    ]);
    expect(wsjf.initiatives.map((entry) => entry.scores)).toEqual(
      demo.initiatives.map((entry) => entry.scores),
    );
    const back = accepted(setScoringModel(wsjf, 'weighted'), wsjf);
    // The demo's criteria are back as they were: computed fit, the others scored 1–10.
    expect(scoring(back).criteria).toEqual(scoring(demo).criteria);
    // What is parked now is WSJF's, so a second trip brings its choices back too.
    expect(Object.keys(scoring(back).extras?.[OTHER_MODELS_KEY] as object)).toEqual(['wsjf']);
    const portfolio = stateToPortfolio(back);
    expect(modelRanking(portfolio)).toEqual(modelRanking(stateToPortfolio(demo)));
  });

  it('says what it did, and refuses nothing when scores fit the new model', () => {
    const demo = demoState();
    expect(setScoringModel(demo, 'rice').label).toBe(
      'Switched the scoring model from Weighted criteria to RICE',
    );
    const none = stateOf(portfolioWith(undefined, [initiative('a')]));
    expect(setScoringModel(none, 'wsjf').label).toBe('Chose the WSJF scoring model');
    // RICE's scales are its own: no criteria list to write.
    expect(scoring(accepted(setScoringModel(demo, 'rice'), demo)).criteria).toBeUndefined();
  });

  it('starts the weighted model from the starter set, each criterion with its scale', () => {
    const state = stateOf(portfolioWith({ model: 'wsjf' }, [initiative('a', { jobSize: 3 })]));
    const next = accepted(setScoringModel(state, 'weighted'), state);
    expect(scoring(next).criteria).toEqual(STARTER_CRITERIA);
    for (const criterion of scoring(next).criteria ?? []) expect(criterion.scale).toBeDefined();
    const fit = modelCriteria(scoring(next)).find((criterion) => criterion.id === 'strategic-fit');
    expect(fit?.computed).toBe(true);
    // Switching to the model in use writes nothing.
    expect(withoutNoOps(setScoringModel(next, 'weighted').changes)).toEqual([]);
  });

  it('gives a starter criterion a new id when scores under its id are off its scale', () => {
    const state = stateOf(
      portfolioWith({ model: 'rice' }, [initiative('a', { 'customer-value': 8 })]),
    );
    const next = accepted(setScoringModel(state, 'weighted'), state);
    expect(criteriaIds(next)).toEqual([
      'strategic-fit',
      'customer-value-2',
      'revenue-impact',
      'risk-reduction',
    ]);
  });

  it('is refused, naming the initiative, the score and the scale, when scores would be off it', () => {
    // A value / effort effort of 150 (0–100) means nothing to… RICE reads it as person-months;
    // the other way round it is off value / effort's 0–100.
    const state = stateOf(
      portfolioWith({ model: 'rice' }, [initiative('a', { effort: 150, reach: 10 })]),
    );
    expect(refused(setScoringModel(state, 'value-effort'), state)).toEqual([
      "Initiative A, score for Effort: must be from 0 to 100 on the Value / effort model's scale",
    ]);
  });
});

describe('the weighted criteria', () => {
  const demo = demoState();

  it('adds a criterion with its own id, weight 1 on 1–5, at the end', () => {
    const plan = addCriterion(demo, 'Customer value');
    // The demo has a criterion customer-value: the new one does not take its id or its scores.
    expect(plan.id).toBe('customer-value-2');
    expect(plan.label).toBe('Added criterion “Customer value”');
    const next = accepted(plan, demo);
    expect(scoring(next).criteria?.at(-1)).toEqual({
      id: 'customer-value-2',
      name: 'Customer value',
      weight: 1,
      scale: '1-5',
    });
  });

  it('never gives a new criterion the id of scores a deleted one left behind', () => {
    const deleted = accepted(deleteCriterion(demo, 'risk-reduction'), demo);
    // Its scores stay on the initiatives, unread.
    expect(
      deleted.initiatives.filter((entry) => entry.scores?.['risk-reduction'] !== undefined),
    ).not.toHaveLength(0);
    expect(criteriaIds(deleted)).not.toContain('risk-reduction');
    expect(addCriterion(deleted, 'Risk reduction').id).toBe('risk-reduction-2');
    // Nor the id another model reads.
    expect(addCriterion(deleted, 'Effort').id).toBe('effort-2');
  });

  it('renames, weighs and moves a criterion', () => {
    const renamed = accepted(renameCriterion(demo, 'customer-value', 'Client value'), demo);
    expect(scoring(renamed).criteria?.[1]?.name).toBe('Client value');
    expect(renameCriterion(demo, 'customer-value', 'Client value').label).toBe(
      'Renamed criterion “Customer value” to “Client value”',
    );
    const weighed = accepted(setCriterionWeight(demo, 'revenue-impact', 3), demo);
    expect(scoring(weighed).criteria?.[2]?.weight).toBe(3);
    const moved = moveCriterion(demo, 'risk-reduction', 'strategic-fit');
    expect(moved.label).toBe('Moved “Risk reduction” above “Strategic fit”');
    expect(criteriaIds(accepted(moved, demo))).toEqual([
      'risk-reduction',
      'strategic-fit',
      'customer-value',
      'revenue-impact',
    ]);
    expect(criteriaIds(accepted(moveCriterion(demo, 'strategic-fit', null), demo))).toEqual([
      'customer-value',
      'revenue-impact',
      'risk-reduction',
      'strategic-fit',
    ]);
  });

  it('refuses a weight over the limit, as the file reader does', () => {
    expect(refused(setCriterionWeight(demo, 'revenue-impact', 5000), demo)).toEqual([
      'Scoring criterion Revenue impact, weight: must be at most 1,000',
    ]);
  });

  it('changes a scale that every score fits, and refuses one scores fall off, naming each', () => {
    const wider = accepted(setCriterionScale(demo, 'customer-value', '0-100'), demo);
    expect(scoring(wider).criteria?.[1]?.scale).toBe('0-100');
    const plan = setCriterionScale(demo, 'customer-value', '1-5');
    expect(plan.label).toBe('Scored “Customer value” on 1–5');
    const problems = refused(plan, demo);
    // The demo scores customer value 0–10: every score above 5 is named with its initiative.
    const above = demo.initiatives.filter((entry) => (entry.scores?.['customer-value'] ?? 0) > 5);
    // The demo's proposals are scored on the same criteria, and named too.
    const proposals = (demo.proposals ?? []).filter(
      (entry) => (entry.scores?.['customer-value'] ?? 0) > 5,
    );
    expect(proposals.length).toBeGreaterThan(0);
    expect(problems).toHaveLength(above.length + proposals.length);
    expect(problems[0]).toBe(
      `Initiative ${above[0]?.name}, score for Customer value: must be from 1 to 5 on the Weighted criteria model's scale`,
    );
  });

  it('computes a criterion from the objective links, and back to typed scores', () => {
    const computed = accepted(setCriterionSource(demo, 'strategic-fit', 'strategic-fit'), demo);
    expect(scoring(computed).criteria?.[0]?.source).toBe('strategic-fit');
    expect(
      modelCriteria(scoring(computed)).find((criterion) => criterion.id === 'strategic-fit')
        ?.computed,
    ).toBe(true);
    const typed = accepted(setCriterionSource(computed, 'strategic-fit', 'score'), computed);
    expect(scoring(typed).criteria?.[0]).not.toHaveProperty('source');
  });

  it('refuses to add, weigh, move or delete the fixed criteria of the other models', () => {
    const wsjf = applied(setScoringModel(demo, 'wsjf'), demo);
    expect(() => addCriterion(wsjf)).toThrow(OperationError);
    expect(() => setCriterionWeight(wsjf, 'jobSize', 2)).toThrow(/criteria are fixed/);
    expect(() => deleteCriterion(wsjf, 'jobSize')).toThrow(OperationError);
    expect(() => moveCriterion(wsjf, 'jobSize', null)).toThrow(OperationError);
    expect(() => deleteCriterion(demo, 'gone')).toThrow('Criterion "gone" no longer exists.');
  });

  it('sets the scale of a WSJF or value / effort criterion, but not of RICE’s own', () => {
    const state = stateOf(portfolioWith({ model: 'wsjf' }, [initiative('a', { jobSize: 13 })]));
    const plan = setCriterionScale(state, 'businessValue', '1-10');
    const next = accepted(plan, state);
    // The file named no WSJF criteria: the one set joins the list.
    expect(scoring(next).criteria).toEqual([
      { id: 'businessValue', name: 'Business value', scale: '1-10' },
    ]);
    expect(refused(setCriterionScale(state, 'jobSize', '1-10'), state)).toEqual([
      "Initiative A, score for Job size: must be from 1 to 10 on the WSJF model's scale",
    ]);
    const rice = stateOf(portfolioWith({ model: 'rice' }, [initiative('a')]));
    expect(() => setCriterionScale(rice, 'impact', '1-5')).toThrow(/RICE's own scale/);
  });
});

describe('ranking a scenario by the model', () => {
  it('puts the scenario in the model’s order, writing only the cards that move', () => {
    const demo = demoState();
    const portfolio = stateToPortfolio(demo);
    const plan = rankScenarioByModel(demo, testContext(), 'baseline');
    const next = accepted(plan, demo);
    expect(stackOrder(stateToPortfolio(next), 'baseline')).toEqual(modelRanking(portfolio));
    expect(plan.id).toBe('baseline');
    // Fewer rows than cards: those already in the model's relative order keep their rank.
    expect(plan.changes.length).toBeLessThan(portfolio.initiatives.length);
    expect(plan.label).toMatch(
      /^Ranked “Baseline — value first” by Weighted criteria: \d+ cards moved$/,
    );
    // The other scenario is untouched.
    expect(stackOrder(stateToPortfolio(next), 'growth-push')).toEqual(
      stackOrder(portfolio, 'growth-push'),
    );
    // Ranking again changes nothing.
    expect(rankScenarioByModel(next, testContext(), 'baseline').changes).toEqual([]);
  });

  it('ranks the cards a scenario never named, and moves a single card with one write', () => {
    const initiatives = [
      initiative('a', { x: 1 }),
      initiative('b', { x: 9 }),
      initiative('c', { x: 5 }),
      initiative('d'),
    ];
    const base = portfolioWith(
      { model: 'weighted', criteria: [{ id: 'x', name: 'X', scale: '0-10' }] },
      initiatives,
    );
    const state = stateOf({ ...base, scenarios: [{ id: 's', name: 'Plan', ranking: ['c', 'b'] }] });
    const plan = rankScenarioByModel(state, testContext(), 's');
    const next = accepted(plan, state);
    // d has no score, so no priority: it is ranked last.
    expect(stackOrder(stateToPortfolio(next), 's')).toEqual(['b', 'c', 'a', 'd']);
    expect(plan.label).toBe('Ranked “Plan” by Weighted criteria: 1 card moved');
    // b moves in front of c; a and d get ranks behind c.
    expect(plan.changes.map((entry) => (entry.key as readonly string[])[1])).toEqual([
      'b',
      'a',
      'd',
    ]);
    expect(
      plan.changes.find((entry) => (entry.key as readonly string[])[1] === 'c'),
    ).toBeUndefined();
  });

  it('adds a scenario "Ranked by <model>" when given none, and needs a model', () => {
    const state = stateOf(
      portfolioWith({ model: 'wsjf' }, [
        initiative('a', { businessValue: 1, jobSize: 1 }),
        initiative('b', { businessValue: 20, jobSize: 2 }),
      ]),
    );
    const plan = rankScenarioByModel(state, testContext(), null);
    expect(plan.label).toBe('Added scenario “Ranked by WSJF”, ranked by WSJF');
    const next = accepted(plan, state);
    const created = stateToPortfolio(next).scenarios.find((entry) => entry.id === plan.id);
    expect(created).toEqual({ id: plan.id, name: 'Ranked by WSJF', ranking: ['b', 'a'] });
    const none = stateOf(portfolioWith(undefined, [initiative('a')]));
    expect(() => rankScenarioByModel(none, testContext(), 's')).toThrow(/no scoring model/);
    expect(() => rankScenarioByModel(state, testContext(), 'gone')).toThrow(
      'Scenario "gone" no longer exists.',
    );
  });
});
