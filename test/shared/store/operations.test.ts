/**
 * The named edit operations, one by one, on the demo portfolio: what a person would notice after
 * each (the record, the label, what a delete takes with it, where a new record goes), that an
 * operation on a record that is gone says so, and that nothing else changes.
 */
import { describe, expect, it } from 'vitest';
import { DEMO_PORTFOLIO } from '../../../shared/demo/demo-portfolio';
import { nextPeriod } from '../../../shared/portfolio/empty';
import type { Portfolio } from '../../../shared/portfolio/types';
import { writePortfolio } from '../../../shared/portfolio/write';
import { withoutNoOps, type EditPlan } from '../../../shared/store/changes';
import { problemsOf } from '../../../shared/store/check';
import { OperationError } from '../../../shared/store/context';
import { keyText } from '../../../shared/store/entities';
import {
  amendDecision,
  recordDecision,
  recordStopDecision,
  supersededBy,
  type DecisionInput,
} from '../../../shared/store/operations/decisions';
import {
  addRelation,
  addTeamDemand,
  createInitiative,
  deleteInitiative,
  duplicateInitiative,
  linkObjective,
  moveInitiative,
  removeRelation,
  removeTeamDemand,
  renameInitiative,
  resizeInitiative,
  resized,
  setInitiativeDemand,
  setInitiativeDetail,
  setInitiativeForced,
  setInitiativeScore,
  setInitiativeSpend,
  setInitiativeStatus,
  setObjectiveContribution,
  unlinkObjective,
} from '../../../shared/store/operations/initiatives';
import {
  appendPeriod,
  createObjective,
  createTeam,
  deleteActual,
  deleteObjective,
  deletePeriod,
  deleteTeam,
  renameObjective,
  renamePeriod,
  renamePortfolio,
  renameTeam,
  replaceState,
  setActual,
  setBudgetEnabled,
  setPeriodBudget,
  setPeriodDate,
  setPortfolioUnit,
  setTeamCapacity,
} from '../../../shared/store/operations/portfolio';
import {
  createScenario,
  deleteScenario,
  duplicateScenario,
  moveInStack,
  renameScenario,
  stackOf,
} from '../../../shared/store/operations/scenarios';
import {
  applyChanges,
  compareText,
  rankingsOf,
  stateToPortfolio,
  type InitiativeRecord,
  type PortfolioState,
} from '../../../shared/store/state';
import { NOW, acceptPlan, applyPlan, demoState, stateOf, testContext } from './edit-context';

const STATE = demoState();

const applied = (plan: EditPlan, state: PortfolioState = STATE) => applyPlan(plan, state);
const accepted = (plan: EditPlan, state: PortfolioState = STATE) => acceptPlan(plan, state);

/** The records a plan changes, as `table:key`, once no-op changes are left out. */
function touched(plan: EditPlan): string[] {
  return withoutNoOps(plan.changes).map((change) => `${change.table}:${keyText(change.key)}`);
}

function initiative(state: PortfolioState, id: string): InitiativeRecord | undefined {
  return state.initiatives.find((record) => record.id === id);
}

function ids(records: readonly { readonly id: string }[]): string[] {
  return records.map((record) => record.id);
}

function sorted(orders: readonly string[]): string[] {
  return [...orders].sort(compareText);
}

const FIRST = initiative(STATE, 'cloud-landing-zone')!;
const PLATFORM = STATE.teams.find((team) => team.id === 'platform')!;

describe('initiative operations', () => {
  it('resized cuts a list or pads it with zeros', () => {
    expect(resized([1, 2, 3], 2)).toEqual([1, 2]);
    expect(resized([1], 3)).toEqual([1, 0, 0]);
    expect(resized(undefined, 2)).toEqual([0, 0]);
  });

  it('createInitiative adds a proposed initiative at the end of the list, with a new id', () => {
    const context = testContext();
    const plan = createInitiative(STATE, context, 'Warehouse drones');
    expect(plan.id).toBe('new-initiatives-1');
    expect(plan.label).toBe('Added initiative “Warehouse drones”');
    expect(touched(plan)).toEqual(['initiatives:new-initiatives-1']);
    const next = accepted(plan);
    expect(next.initiatives.at(-1)).toMatchObject({
      id: plan.id,
      name: 'Warehouse drones',
      status: 'proposed',
    });
    expect(next.initiatives.at(-1)!.order > STATE.initiatives.at(-1)!.order).toBe(true);
    expect(createInitiative(STATE, context).label).toBe('Added initiative “New initiative”');
    expect(createInitiative(STATE, context).id).toBe('new-initiatives-3');
  });

  it('duplicateInitiative puts a copy right after the original', () => {
    const plan = duplicateInitiative(STATE, testContext(), FIRST.id);
    expect(plan.label).toBe('Duplicated “Cloud landing zone”');
    expect(touched(plan)).toEqual([`initiatives:${plan.id}`]);
    const next = accepted(plan);
    const at = ids(next.initiatives).indexOf(FIRST.id);
    const copy = next.initiatives[at + 1]!;
    expect(copy.id).toBe(plan.id);
    const { id: _id, name, order: _order, ...rest } = copy;
    const { id: _a, name: _b, order: _c, ...original } = FIRST;
    expect(name).toBe('Cloud landing zone (copy)');
    expect(rest).toEqual(original);
    // The last one's copy goes to the end.
    const last = STATE.initiatives.at(-1)!;
    const atEnd = applied(duplicateInitiative(STATE, testContext(), last.id));
    expect(atEnd.initiatives.at(-1)?.name).toBe(`${last.name} (copy)`);
    expect(() => duplicateInitiative(STATE, testContext(), 'ghost')).toThrow(OperationError);
  });

  it('deleteInitiative takes every reference with it: prerequisites, exclusions, ranks and actuals', () => {
    const plan = deleteInitiative(STATE, FIRST.id);
    expect(plan.label).toBe('Deleted initiative “Cloud landing zone”');
    const next = accepted(plan);
    expect(initiative(next, FIRST.id)).toBeUndefined();
    const dependants = STATE.initiatives.filter((record) => record.dependsOn?.includes(FIRST.id));
    expect(dependants.length).toBeGreaterThan(0);
    for (const dependant of dependants) {
      expect(initiative(next, dependant.id)?.dependsOn ?? []).not.toContain(FIRST.id);
    }
    expect(next.ranks.some((rank) => rank.initiativeId === FIRST.id)).toBe(false);
    expect(next.actuals.some((actual) => actual.initiativeId === FIRST.id)).toBe(false);
    // Nothing else: the record, its dependants, its ranks and its actuals.
    const expected = [
      `initiatives:${FIRST.id}`,
      ...dependants.map((record) => `initiatives:${record.id}`),
      ...STATE.ranks
        .filter((rank) => rank.initiativeId === FIRST.id)
        .map((rank) => `ranks:${JSON.stringify([rank.scenarioId, rank.initiativeId])}`),
      ...STATE.actuals
        .filter((actual) => actual.initiativeId === FIRST.id)
        .map((actual) => `actuals:${JSON.stringify([actual.initiativeId, actual.periodId])}`),
    ];
    expect(touched(plan).sort()).toEqual(expected.sort());
  });

  it('deleteInitiative removes an exclusion field once it is empty, and keeps decisions about it', () => {
    const decision = recordDecision(STATE, testContext(), {
      date: '2026-12-01',
      kind: 'gate',
      title: 'Buy the CRM',
      decision: 'We buy.',
      concerns: [{ kind: 'initiative', id: 'crm-buy' }],
    });
    const withDecision = applied(decision);
    const next = accepted(deleteInitiative(withDecision, 'crm-buy'), withDecision);
    expect(initiative(next, 'crm-build')).not.toHaveProperty('excludes');
    expect(next.decisions).toEqual(withDecision.decisions);
    expect(() => deleteInitiative(STATE, 'ghost')).toThrow('Initiative "ghost" no longer exists.');
  });

  it('renameInitiative changes the name alone and says from what to what', () => {
    const plan = renameInitiative(STATE, FIRST.id, 'Cloud foundation');
    expect(plan.label).toBe('Renamed “Cloud landing zone” to “Cloud foundation”');
    expect(touched(plan)).toEqual([`initiatives:${FIRST.id}`]);
    expect(initiative(accepted(plan), FIRST.id)).toEqual({ ...FIRST, name: 'Cloud foundation' });
    expect(() => renameInitiative(STATE, 'ghost', 'x')).toThrow(OperationError);
  });

  it('setInitiativeStatus sets the status', () => {
    const plan = setInitiativeStatus(STATE, FIRST.id, 'done');
    expect(plan.label).toBe('Set “Cloud landing zone” to done');
    expect(initiative(accepted(plan), FIRST.id)).toEqual({ ...FIRST, status: 'done' });
    expect(() => setInitiativeStatus(STATE, 'ghost', 'done')).toThrow(OperationError);
  });

  it('setInitiativeDetail sets one detail, and an empty value removes it', () => {
    const set = setInitiativeDetail(STATE, FIRST.id, 'owner', 'Ana');
    expect(set.label).toBe('Changed the owner of “Cloud landing zone”');
    expect(initiative(accepted(set), FIRST.id)).toEqual({ ...FIRST, owner: 'Ana' });
    const cleared = setInitiativeDetail(STATE, FIRST.id, 'owner', '');
    expect(cleared.label).toBe('Cleared the owner of “Cloud landing zone”');
    expect(initiative(accepted(cleared), FIRST.id)).not.toHaveProperty('owner');
    const earliest = setInitiativeDetail(STATE, 'event-streaming', 'earliestStart', undefined);
    expect(earliest.label).toBe('Cleared the earliest start of “Event streaming backbone”');
    expect(initiative(accepted(earliest), 'event-streaming')).not.toHaveProperty('earliestStart');
    expect(setInitiativeDetail(STATE, FIRST.id, 'value', 200).label).toBe(
      'Changed the value of “Cloud landing zone”',
    );
    // A window that ends before it begins: the store refuses what the reader would.
    const broken = setInitiativeDetail(STATE, 'handheld-refresh', 'latestStart', '2026-Q3');
    expect(problemsOf(applied(broken)).map((problem) => problem.message)).toContain(
      'earliest start 2026-Q4 is after latest start 2026-Q3',
    );
    expect(() => setInitiativeDetail(STATE, 'ghost', 'owner', 'x')).toThrow(OperationError);
  });

  it('setInitiativeForced forces in or out, and undefined lets the plan decide', () => {
    const forced = setInitiativeForced(STATE, FIRST.id, 'out');
    expect(forced.label).toBe('Forced “Cloud landing zone” out');
    expect(initiative(accepted(forced), FIRST.id)?.forced).toBe('out');
    const nis2 = initiative(STATE, 'nis2-controls')!;
    const free = setInitiativeForced(STATE, nis2.id, undefined);
    expect(free.label).toBe('Let the plan decide on “NIS2 security controls”');
    expect(initiative(accepted(free), nis2.id)).not.toHaveProperty('forced');
    expect(() => setInitiativeForced(STATE, 'ghost', 'in')).toThrow(OperationError);
  });

  it('setInitiativeScore sets and clears one criterion, and drops an empty score list', () => {
    const plan = setInitiativeScore(STATE, FIRST.id, 'strategic-fit', 5, 'Strategic fit');
    expect(plan.label).toBe('Changed the Strategic fit score of “Cloud landing zone”');
    expect(initiative(accepted(plan), FIRST.id)?.scores).toEqual({
      ...FIRST.scores,
      'strategic-fit': 5,
    });
    const cleared = initiative(
      accepted(setInitiativeScore(STATE, FIRST.id, 'risk-reduction', undefined)),
      FIRST.id,
    );
    expect(cleared?.scores).not.toHaveProperty('risk-reduction');
    const small = stateOf({
      ...DEMO_PORTFOLIO,
      initiatives: [{ id: 'a', name: 'A', status: 'proposed', scores: { 'strategic-fit': 3 } }],
      scenarios: [],
      actuals: [],
    });
    const empty = applied(setInitiativeScore(small, 'a', 'strategic-fit', undefined), small);
    expect(initiative(empty, 'a')).not.toHaveProperty('scores');
    expect(() => setInitiativeScore(STATE, 'ghost', 'strategic-fit', 1)).toThrow(OperationError);
  });

  it('setInitiativeDemand sets one period of a team, growing the lists to reach it', () => {
    const plan = setInitiativeDemand(STATE, FIRST.id, 'platform', 1, 5, 'Platform');
    expect(plan.label).toBe("Changed Platform's demand for “Cloud landing zone” in period 2");
    expect(initiative(accepted(plan), FIRST.id)?.demand).toEqual({
      ...FIRST.demand,
      platform: [3, 5],
    });
    const grown = initiative(
      accepted(setInitiativeDemand(STATE, FIRST.id, 'data-analytics', 2, 1.5)),
      FIRST.id,
    );
    expect(grown?.demand?.['data-analytics']).toEqual([0, 0, 1.5]);
    const zero = initiative(
      applied(setInitiativeDemand(STATE, FIRST.id, 'platform', 0, undefined)),
      FIRST.id,
    );
    expect(zero?.demand?.platform).toEqual([0, 3]);
    expect(() => setInitiativeDemand(STATE, 'ghost', 'platform', 0, 1)).toThrow(OperationError);
  });

  it('setInitiativeSpend sets the spend of one period', () => {
    const plan = setInitiativeSpend(STATE, FIRST.id, 0, 1000);
    expect(plan.label).toBe('Changed the spend of “Cloud landing zone” in period 1');
    expect(initiative(accepted(plan), FIRST.id)?.spend).toEqual([1000, 160000]);
    const longer = initiative(accepted(setInitiativeSpend(STATE, FIRST.id, 2, 7)), FIRST.id);
    expect(longer?.spend).toEqual([180000, 160000, 7]);
    expect(() => setInitiativeSpend(STATE, 'ghost', 0, 1)).toThrow(OperationError);
  });

  it('addTeamDemand adds a team with zero in every active period; removeTeamDemand takes it out', () => {
    const added = addTeamDemand(STATE, FIRST.id, 'finance-systems', 'Finance Systems');
    expect(added.label).toBe("Added Finance Systems's demand to “Cloud landing zone”");
    const next = accepted(added);
    expect(initiative(next, FIRST.id)?.demand?.['finance-systems']).toEqual([0, 0]);

    const removed = removeTeamDemand(STATE, FIRST.id, 'platform', 'Platform');
    expect(removed.label).toBe("Removed Platform's demand from “Cloud landing zone”");
    expect(initiative(accepted(removed), FIRST.id)?.demand).toEqual({
      'security-compliance': [1, 1],
    });
    const pen = 'pen-testing';
    expect(
      initiative(accepted(removeTeamDemand(STATE, pen, 'security-compliance')), pen),
    ).not.toHaveProperty('demand');
    expect(() => addTeamDemand(STATE, 'ghost', 'platform')).toThrow(OperationError);
    expect(() => removeTeamDemand(STATE, 'ghost', 'platform')).toThrow(OperationError);
  });

  it('resizeInitiative makes every list one period longer or shorter, never below one', () => {
    const longer = resizeInitiative(STATE, FIRST.id, 1);
    expect(longer.label).toBe('Made “Cloud landing zone” one period longer');
    const grown = initiative(accepted(longer), FIRST.id)!;
    expect(grown.demand).toEqual({ platform: [3, 3, 0], 'security-compliance': [1, 1, 0] });
    expect(grown.spend).toEqual([180000, 160000, 0]);
    const shorter = resizeInitiative(STATE, FIRST.id, -1);
    expect(shorter.label).toBe('Made “Cloud landing zone” one period shorter');
    const shrunk = initiative(accepted(shorter), FIRST.id)!;
    expect(shrunk.demand).toEqual({ platform: [3], 'security-compliance': [1] });
    expect(shrunk.spend).toEqual([180000]);
    // Once one period long, shorter keeps it at one.
    const once = applied(shorter);
    expect(
      initiative(applied(resizeInitiative(once, FIRST.id, -1), once), FIRST.id)?.spend,
    ).toEqual([180000]);
    // With a duration of its own, the duration moves too.
    const nis2 = initiative(
      accepted(resizeInitiative(STATE, 'nis2-controls', -1)),
      'nis2-controls',
    );
    expect(nis2?.duration).toBe(3);
    expect(nis2?.spend).toHaveLength(3);
    expect(() => resizeInitiative(STATE, 'ghost', 1)).toThrow(OperationError);
  });

  it('linkObjective links to an objective, or changes the contribution of an existing link', () => {
    const compliance = STATE.objectives.find((objective) => objective.id === 'compliance')!;
    const plan = linkObjective(STATE, FIRST.id, 'compliance');
    expect(plan.label).toBe(`Linked “Cloud landing zone” to “${compliance.name}”`);
    expect(initiative(accepted(plan), FIRST.id)?.objectives).toEqual([
      ...FIRST.objectives!,
      { id: 'compliance', contribution: 2 },
    ]);
    const again = initiative(accepted(linkObjective(STATE, FIRST.id, 'trusted-data', 3)), FIRST.id);
    expect(again?.objectives).toEqual([
      { id: 'cyber-resilience', contribution: 2 },
      { id: 'trusted-data', contribution: 3 },
    ]);
    // A link to an objective that does not exist is one the reader refuses.
    expect(problemsOf(applied(linkObjective(STATE, FIRST.id, 'ghost'))).length).toBeGreaterThan(0);
    expect(() => linkObjective(STATE, 'ghost', 'compliance')).toThrow(OperationError);
  });

  it('setObjectiveContribution changes how much the initiative contributes', () => {
    const name = STATE.objectives.find((objective) => objective.id === 'trusted-data')!.name;
    const plan = setObjectiveContribution(STATE, FIRST.id, 'trusted-data', 3);
    expect(plan.label).toBe(`Changed how much “Cloud landing zone” contributes to “${name}”`);
    expect(initiative(accepted(plan), FIRST.id)?.objectives).toEqual([
      { id: 'cyber-resilience', contribution: 2 },
      { id: 'trusted-data', contribution: 3 },
    ]);
    expect(() => setObjectiveContribution(STATE, 'ghost', 'trusted-data', 1)).toThrow(
      OperationError,
    );
  });

  it('unlinkObjective removes the link, and the list once it is empty', () => {
    const name = STATE.objectives.find((objective) => objective.id === 'trusted-data')!.name;
    const plan = unlinkObjective(STATE, FIRST.id, 'trusted-data');
    expect(plan.label).toBe(`Unlinked “Cloud landing zone” from “${name}”`);
    const once = accepted(plan);
    expect(initiative(once, FIRST.id)?.objectives).toEqual([
      { id: 'cyber-resilience', contribution: 2 },
    ]);
    const twice = accepted(unlinkObjective(once, FIRST.id, 'cyber-resilience'), once);
    expect(initiative(twice, FIRST.id)).not.toHaveProperty('objectives');
    expect(() => unlinkObjective(STATE, 'ghost', 'trusted-data')).toThrow(OperationError);
  });

  it('addRelation adds a prerequisite or an exclusion once', () => {
    const plan = addRelation(STATE, 'intranet-refresh', 'dependsOn', FIRST.id);
    expect(plan.label).toBe('Made “Employee intranet refresh” depend on “Cloud landing zone”');
    expect(initiative(accepted(plan), 'intranet-refresh')?.dependsOn).toEqual([FIRST.id]);
    const excludes = addRelation(STATE, 'intranet-refresh', 'excludes', 'voice-booking');
    expect(excludes.label).toBe(
      'Made “Employee intranet refresh” exclude “Voice assistant booking”',
    );
    expect(initiative(accepted(excludes), 'intranet-refresh')?.excludes).toEqual(['voice-booking']);
    // Already a prerequisite: nothing changes.
    expect(touched(addRelation(STATE, 'event-streaming', 'dependsOn', FIRST.id))).toEqual([]);
    // A cycle is for the store to refuse.
    const cycle = addRelation(STATE, FIRST.id, 'dependsOn', 'event-streaming');
    expect(problemsOf(applied(cycle))[0]?.message).toMatch(/^dependencies form a cycle/);
    expect(() => addRelation(STATE, 'ghost', 'dependsOn', FIRST.id)).toThrow(OperationError);
  });

  it('removeRelation removes a prerequisite or an exclusion, and the list once empty', () => {
    const plan = removeRelation(STATE, 'event-streaming', 'dependsOn', FIRST.id);
    expect(plan.label).toBe(
      'Removed the prerequisite “Cloud landing zone” of “Event streaming backbone”',
    );
    expect(initiative(accepted(plan), 'event-streaming')).not.toHaveProperty('dependsOn');
    const exclusion = removeRelation(STATE, 'crm-buy', 'excludes', 'crm-build');
    expect(exclusion.label).toBe(
      'Removed the exclusion of “CRM: build in-house” from “CRM: buy SaaS”',
    );
    const next = accepted(exclusion);
    expect(initiative(next, 'crm-buy')).not.toHaveProperty('excludes');
    expect(initiative(next, 'crm-build')?.excludes).toEqual(['crm-buy']);
    expect(() => removeRelation(STATE, 'ghost', 'excludes', 'crm-buy')).toThrow(OperationError);
  });

  it('moveInitiative gives the one record an order key between its new neighbours', () => {
    const [a, b, c] = STATE.initiatives;
    const plan = moveInitiative(STATE, testContext(), c!.id, a!.id);
    expect(plan.label).toBe(`Moved “${c!.name}” in the list`);
    expect(touched(plan)).toEqual([`initiatives:${c!.id}`]);
    const next = accepted(plan);
    expect(ids(next.initiatives).slice(0, 3)).toEqual([c!.id, a!.id, b!.id]);
    const toEnd = accepted(moveInitiative(STATE, testContext(), a!.id, null));
    expect(ids(toEnd.initiatives).at(-1)).toBe(a!.id);
    expect(ids(toEnd.initiatives).slice(0, 2)).toEqual([b!.id, c!.id]);
    // In front of itself, or of the one right after it: it stays where it is.
    expect(moveInitiative(STATE, testContext(), b!.id, b!.id).changes).toEqual([]);
    const inPlace = applied(moveInitiative(STATE, testContext(), b!.id, c!.id));
    expect(ids(inPlace.initiatives)).toEqual(ids(STATE.initiatives));
    expect(() => moveInitiative(STATE, testContext(), a!.id, 'ghost')).toThrow(OperationError);
    expect(() => moveInitiative(STATE, testContext(), 'ghost', null)).toThrow(OperationError);
  });
});

describe('portfolio operations', () => {
  it('replaceState gives the changes that turn one portfolio into another', () => {
    const other: Portfolio = {
      name: 'Other',
      periods: [{ id: '2026-Q3', label: 'Q3 2026' }],
      teams: [{ id: 'platform', name: 'Platform', capacity: { '2026-Q3': 2 } }],
      objectives: [],
      initiatives: [{ id: 'solo', name: 'Solo', status: 'proposed' }],
      scenarios: [{ id: 'only', name: 'Only', ranking: ['solo'] }],
    };
    const next = stateOf(other);
    const changes = replaceState(STATE, next);
    const replaced = applyChanges(STATE, changes);
    expect(writePortfolio(stateToPortfolio(replaced))).toBe(writePortfolio(other));
    // Back again: the inverse direction gives the demo.
    const back = applyChanges(replaced, replaceState(replaced, STATE));
    expect(writePortfolio(stateToPortfolio(back))).toBe(writePortfolio(DEMO_PORTFOLIO));
    // Replacing a portfolio by itself changes nothing.
    expect(withoutNoOps(replaceState(STATE, STATE))).toEqual([]);
  });

  it('renamePortfolio renames it', () => {
    const plan = renamePortfolio(STATE, 'Corvane 2027');
    expect(plan.label).toBe('Renamed the portfolio to “Corvane 2027”');
    expect(touched(plan)).toEqual(['meta:portfolio']);
    expect(accepted(plan).meta).toEqual({ ...STATE.meta, name: 'Corvane 2027' });
    expect(problemsOf(applied(renamePortfolio(STATE, '  '))).length).toBeGreaterThan(0);
  });

  it('setPortfolioUnit sets the currency as an upper-case code and the unit as typed; empty clears', () => {
    const currency = setPortfolioUnit(STATE, 'currency', ' usd ');
    expect(currency.label).toBe('Set the currency to USD');
    expect(accepted(currency).meta.currency).toBe('USD');
    const unit = setPortfolioUnit(STATE, 'capacityUnit', 'person-days');
    expect(unit.label).toBe('Set the capacity unit to person-days');
    expect(accepted(unit).meta.capacityUnit).toBe('person-days');
    const cleared = setPortfolioUnit(STATE, 'currency', '');
    expect(cleared.label).toBe('Cleared the currency');
    expect(accepted(cleared).meta).not.toHaveProperty('currency');
    expect(setPortfolioUnit(STATE, 'capacityUnit', '').label).toBe('Cleared the capacity unit');
    expect(problemsOf(applied(setPortfolioUnit(STATE, 'currency', 'EU')))).toEqual([
      expect.objectContaining({ path: 'currency' }),
    ]);
  });

  it('setPeriodBudget sets or removes one period of the budget', () => {
    const plan = setPeriodBudget(STATE, '2027-Q1', 5);
    expect(plan.label).toBe('Changed the budget of Q1 2027');
    expect(accepted(plan).meta.budget).toEqual({ ...STATE.meta.budget, '2027-Q1': 5 });
    const removed = accepted(setPeriodBudget(STATE, '2027-Q1', undefined)).meta.budget;
    expect(removed).not.toHaveProperty('2027-Q1');
    expect(Object.keys(removed ?? {})).toHaveLength(
      Object.keys(STATE.meta.budget ?? {}).length - 1,
    );
  });

  it('setBudgetEnabled turns the budget off (removing it) and on (empty to fill in)', () => {
    const off = setBudgetEnabled(STATE, false);
    expect(off.label).toBe('Turned the budget off');
    const without = accepted(off);
    expect(without.meta).not.toHaveProperty('budget');
    const on = setBudgetEnabled(without, true);
    expect(on.label).toBe('Turned the budget on');
    expect(accepted(on, without).meta.budget).toEqual({});
    // On while on keeps the figures.
    expect(touched(setBudgetEnabled(STATE, true))).toEqual([]);
  });

  it('createTeam adds a team without capacity at the end', () => {
    const plan = createTeam(STATE, testContext(), 'Robotics');
    expect(plan).toMatchObject({ id: 'new-teams-1', label: 'Added team “Robotics”' });
    const next = accepted(plan);
    expect(next.teams.at(-1)).toMatchObject({ id: 'new-teams-1', name: 'Robotics', capacity: {} });
    expect(ids(next.teams).slice(0, -1)).toEqual(ids(STATE.teams));
    expect(createTeam(STATE, testContext()).label).toBe('Added team “New team”');
  });

  it('renameTeam renames it', () => {
    const plan = renameTeam(STATE, PLATFORM.id, 'Cloud platform');
    expect(plan.label).toBe('Renamed team “Platform” to “Cloud platform”');
    expect(accepted(plan).teams[0]).toEqual({ ...PLATFORM, name: 'Cloud platform' });
    expect(() => renameTeam(STATE, 'ghost', 'x')).toThrow('Team "ghost" no longer exists.');
  });

  it('setTeamCapacity sets and clears one period', () => {
    const plan = setTeamCapacity(STATE, PLATFORM.id, '2027-Q1', 12.5);
    expect(plan.label).toBe('Changed the capacity of “Platform” in Q1 2027');
    expect(touched(plan)).toEqual(['teams:platform']);
    expect(accepted(plan).teams[0]?.capacity['2027-Q1']).toBe(12.5);
    const cleared = accepted(setTeamCapacity(STATE, PLATFORM.id, '2027-Q1', undefined));
    expect(cleared.teams[0]?.capacity).not.toHaveProperty('2027-Q1');
    expect(() => setTeamCapacity(STATE, 'ghost', '2027-Q1', 1)).toThrow(OperationError);
  });

  it('deleteTeam takes its demand and recorded effort with it', () => {
    const plan = deleteTeam(STATE, PLATFORM.id);
    expect(plan.label).toBe('Deleted team “Platform”');
    const next = accepted(plan);
    expect(ids(next.teams)).not.toContain(PLATFORM.id);
    expect(next.initiatives.some((record) => record.demand && 'platform' in record.demand)).toBe(
      false,
    );
    expect(next.actuals.some((actual) => actual.effort && 'platform' in actual.effort)).toBe(false);
    const users = STATE.initiatives.filter(
      (record) => record.demand && 'platform' in record.demand,
    );
    const efforts = STATE.actuals.filter((actual) => actual.effort && 'platform' in actual.effort);
    // The intake settings' size templates name the team too (the portfolio's meta record).
    const templates = Object.values(STATE.meta.intakeSettings?.sizes ?? {}).some(
      (template) => 'platform' in template.demand,
    );
    expect(templates).toBe(true);
    expect(
      Object.values(next.meta.intakeSettings?.sizes ?? {}).some(
        (template) => 'platform' in template.demand,
      ),
    ).toBe(false);
    expect(touched(plan)).toHaveLength(1 + users.length + efforts.length + 1);
    // Other teams' demand stays.
    expect(initiative(next, FIRST.id)?.demand).toEqual({ 'security-compliance': [1, 1] });
    expect(() => deleteTeam(STATE, 'ghost')).toThrow(OperationError);
  });

  it('appendPeriod adds the period the caller computes after the last one', () => {
    const plan = appendPeriod(STATE, testContext(), (last, taken) =>
      nextPeriod(last, taken, '2026-12-04'),
    );
    expect(plan).toMatchObject({ id: '2028-Q1', label: 'Added period Q1 2028' });
    const next = accepted(plan);
    expect(next.periods.at(-1)).toMatchObject({ id: '2028-Q1', label: 'Q1 2028' });
    expect(ids(next.periods).slice(0, -1)).toEqual(ids(STATE.periods));
  });

  it('renamePeriod and setPeriodDate change the one period', () => {
    const renamed = renamePeriod(STATE, '2026-Q3', 'Summer 2026');
    expect(renamed.label).toBe('Renamed period Q3 2026 to Summer 2026');
    expect(accepted(renamed).periods[0]?.label).toBe('Summer 2026');
    const dated = setPeriodDate(STATE, '2026-Q3', 'end', '2026-09-29');
    expect(dated.label).toBe('Changed the end of Q3 2026');
    expect(accepted(dated).periods[0]?.end).toBe('2026-09-29');
    expect(accepted(setPeriodDate(STATE, '2026-Q3', 'start', '')).periods[0]).not.toHaveProperty(
      'start',
    );
    expect(setPeriodDate(STATE, '2026-Q3', 'start', undefined).label).toBe(
      'Changed the start of Q3 2026',
    );
    // An end before the start is for the store to refuse.
    expect(problemsOf(applied(setPeriodDate(STATE, '2026-Q3', 'end', '2026-01-01')))).toHaveLength(
      1,
    );
    expect(() => renamePeriod(STATE, 'ghost', 'x')).toThrow('Period "ghost" no longer exists.');
    expect(() => setPeriodDate(STATE, 'ghost', 'end', undefined)).toThrow(OperationError);
  });

  it('deletePeriod takes the capacity and budget of the period; one still in use is refused', () => {
    const plan = deletePeriod(STATE, '2027-Q4');
    expect(plan.label).toBe('Deleted period Q4 2027');
    const next = accepted(plan);
    expect(ids(next.periods)).not.toContain('2027-Q4');
    expect(next.teams.some((team) => '2027-Q4' in team.capacity)).toBe(false);
    expect(next.meta.budget).not.toHaveProperty('2027-Q4');
    expect(touched(plan)).toEqual([
      'periods:2027-Q4',
      ...STATE.teams.map((team) => `teams:${team.id}`),
      'meta:portfolio',
    ]);
    // Starts and actuals refer to the first period.
    expect(problemsOf(applied(deletePeriod(STATE, '2026-Q3'))).length).toBeGreaterThan(0);
    expect(() => deletePeriod(STATE, 'ghost')).toThrow(OperationError);
  });

  it('createObjective adds a theme or an objective under one', () => {
    const theme = createObjective(STATE, testContext(), 'People', null);
    expect(theme).toMatchObject({ id: 'new-objectives-1', label: 'Added theme “People”' });
    expect(accepted(theme).objectives.at(-1)).toMatchObject({ name: 'People', parentId: null });
    const child = createObjective(STATE, testContext(), 'Hire well', 'customers');
    expect(child.label).toBe('Added objective “Hire well”');
    expect(accepted(child).objectives.at(-1)).toMatchObject({
      id: 'new-objectives-1',
      parentId: 'customers',
    });
  });

  it('renameObjective renames it', () => {
    const customers = STATE.objectives.find((objective) => objective.id === 'customers')!;
    const plan = renameObjective(STATE, 'customers', 'Clients');
    expect(plan.label).toBe(`Renamed “${customers.name}” to “Clients”`);
    expect(touched(plan)).toEqual(['objectives:customers']);
    expect(() => renameObjective(STATE, 'ghost', 'x')).toThrow(OperationError);
  });

  it('deleteObjective moves its children up and removes links to it', () => {
    const customers = STATE.objectives.find((objective) => objective.id === 'customers')!;
    const plan = deleteObjective(STATE, 'customers');
    expect(plan.label).toBe(`Deleted “${customers.name}”`);
    const next = accepted(plan);
    const children = STATE.objectives.filter((objective) => objective.parentId === 'customers');
    expect(children.length).toBeGreaterThan(0);
    for (const child of children) {
      expect(next.objectives.find((objective) => objective.id === child.id)?.parentId).toBeNull();
    }
    // A sub-objective's initiatives lose their link to it.
    const sub = accepted(deleteObjective(STATE, 'trusted-data'));
    expect(
      sub.initiatives.some((record) =>
        record.objectives?.some((link) => link.id === 'trusted-data'),
      ),
    ).toBe(false);
    expect(initiative(sub, FIRST.id)?.objectives).toEqual([
      { id: 'cyber-resilience', contribution: 2 },
    ]);
    expect(() => deleteObjective(STATE, 'ghost')).toThrow(OperationError);
  });

  it('setActual records an entry at the end, or replaces the one of that initiative and period', () => {
    const plan = setActual(STATE, testContext(), {
      initiativeId: 'ciam',
      periodId: '2026-Q4',
      spend: 10,
    });
    expect(plan.label).toMatch(/^Recorded the actuals of “Customer identity/);
    const next = accepted(plan);
    expect(next.actuals.at(-1)).toMatchObject({ initiativeId: 'ciam', spend: 10 });
    const existing = STATE.actuals[0]!;
    const replaced = setActual(STATE, testContext(), {
      initiativeId: existing.initiativeId,
      periodId: existing.periodId,
      spend: 1,
    });
    expect(touched(replaced)).toEqual([
      `actuals:${JSON.stringify([existing.initiativeId, existing.periodId])}`,
    ]);
    const after = accepted(replaced);
    expect(after.actuals[0]).toEqual({
      initiativeId: existing.initiativeId,
      periodId: existing.periodId,
      spend: 1,
      order: existing.order,
    });
    expect(
      problemsOf(
        applied(setActual(STATE, testContext(), { initiativeId: 'ciam', periodId: '1999-Q1' })),
      )[0]?.message,
    ).toBe('period "1999-Q1" does not exist');
  });

  it('deleteActual removes the entry, and nothing when there is none', () => {
    const existing = STATE.actuals[0]!;
    const plan = deleteActual(STATE, existing.initiativeId, existing.periodId);
    expect(plan.label).toContain(existing.periodId);
    const next = accepted(plan);
    expect(next.actuals).toHaveLength(STATE.actuals.length - 1);
    expect(deleteActual(STATE, 'ghost', '2026-Q3').changes).toEqual([]);
  });
});

describe('scenario operations', () => {
  const BASE = STATE.scenarios[0]!;
  const ranking = rankingsOf(STATE.ranks).get(BASE.id)!;

  it('stackOf lists the ranked initiatives, then the unranked in list order', () => {
    const stack = stackOf(STATE, BASE.id);
    expect(stack).toHaveLength(STATE.initiatives.length);
    const unranked = ids(STATE.initiatives).filter((id) => !ranking.includes(id));
    expect(unranked.length).toBeGreaterThan(0);
    expect(new Set(stack)).toEqual(new Set(ids(STATE.initiatives)));
    expect(stack.filter((id) => unranked.includes(id))).toEqual(unranked);
  });

  it('createScenario ranks every initiative in list order, or the ranking given', () => {
    const plan = createScenario(STATE, testContext(), 'Cost cut');
    expect(plan).toMatchObject({ id: 'new-scenarios-1', label: 'Added scenario “Cost cut”' });
    const next = accepted(plan);
    expect(next.scenarios.at(-1)).toMatchObject({ id: plan.id, name: 'Cost cut' });
    expect(rankingsOf(next.ranks).get(plan.id)).toEqual(ids(STATE.initiatives));
    const given = accepted(
      createScenario(STATE, testContext(), 'Short', ['crm-buy', FIRST.id], { note: 'x' }),
    );
    expect(rankingsOf(given.ranks).get('new-scenarios-1')).toEqual(['crm-buy', FIRST.id]);
    expect(given.scenarios.at(-1)?.extras).toEqual({ note: 'x' });
  });

  it('duplicateScenario copies the stack as it is', () => {
    const plan = duplicateScenario(STATE, testContext(), BASE.id);
    expect(plan.label).toBe(`Duplicated scenario “${BASE.name}”`);
    const next = accepted(plan);
    expect(next.scenarios.at(-1)).toMatchObject({ id: plan.id, name: `${BASE.name} (copy)` });
    expect(rankingsOf(next.ranks).get(plan.id)).toEqual(stackOf(STATE, BASE.id));
    expect(rankingsOf(next.ranks).get(BASE.id)).toEqual(ranking);
    expect(() => duplicateScenario(STATE, testContext(), 'ghost')).toThrow(OperationError);
  });

  it('renameScenario renames it', () => {
    const plan = renameScenario(STATE, BASE.id, 'Value');
    expect(plan.label).toBe(`Renamed scenario “${BASE.name}” to “Value”`);
    expect(touched(plan)).toEqual([`scenarios:${BASE.id}`]);
    expect(accepted(plan).scenarios[0]?.name).toBe('Value');
    expect(() => renameScenario(STATE, 'ghost', 'x')).toThrow(OperationError);
  });

  it('deleteScenario takes its stack with it and leaves the others', () => {
    const plan = deleteScenario(STATE, BASE.id);
    expect(plan.label).toBe(`Deleted scenario “${BASE.name}”`);
    const next = accepted(plan);
    expect(ids(next.scenarios)).not.toContain(BASE.id);
    expect(next.ranks.some((rank) => rank.scenarioId === BASE.id)).toBe(false);
    const other = STATE.scenarios[1]!.id;
    expect(rankingsOf(next.ranks).get(other)).toEqual(rankingsOf(STATE.ranks).get(other));
    expect(touched(plan)).toHaveLength(1 + ranking.length);
    expect(() => deleteScenario(STATE, 'ghost')).toThrow(OperationError);
  });

  it('moveInStack ranks the moved card between its new neighbours, writing it alone', () => {
    const [first, second, third] = ranking;
    const plan = moveInStack(STATE, testContext(), {
      scenarioId: BASE.id,
      ids: [third!],
      before: first!,
    });
    expect(touched(plan)).toEqual([`ranks:${JSON.stringify([BASE.id, third])}`]);
    expect(plan.label).toContain(`“${initiative(STATE, third!)!.name}”`);
    expect(plan.label).toContain(`“${BASE.name}”`);
    const next = accepted(plan);
    expect(stackOf(next, BASE.id).slice(0, 3)).toEqual([third, first, second]);
    expect(
      moveInStack(
        STATE,
        testContext(),
        { scenarioId: BASE.id, ids: [third!], before: first! },
        'Up',
      ).label,
    ).toBe('Up');
  });

  it('moveInStack moves several cards together, keeping their order, and ranks cards above the drop', () => {
    const picked = [ranking[4]!, ranking[1]!];
    const bottom = accepted(
      moveInStack(STATE, testContext(), { scenarioId: BASE.id, ids: picked, before: null }),
    );
    expect(stackOf(bottom, BASE.id).slice(-2)).toEqual(picked);
    // The unranked cards above the drop point got ranks too.
    expect(rankingsOf(bottom.ranks).get(BASE.id)).toHaveLength(STATE.initiatives.length);
    const top = accepted(
      moveInStack(STATE, testContext(), { scenarioId: BASE.id, ids: picked, before: ranking[0]! }),
    );
    expect(stackOf(top, BASE.id).slice(0, 2)).toEqual(picked);
    expect(rankingsOf(top.ranks).get(BASE.id)).toHaveLength(ranking.length);
  });

  it('moveInStack says when a card or the scenario is gone', () => {
    const move = { scenarioId: BASE.id, ids: [ranking[0]!], before: 'ghost' };
    expect(() => moveInStack(STATE, testContext(), move)).toThrow(
      'Initiative "ghost" is not in the stack.',
    );
    expect(() =>
      moveInStack(STATE, testContext(), { scenarioId: BASE.id, ids: ['ghost'], before: null }),
    ).toThrow('Initiative "ghost" no longer exists.');
    expect(() =>
      moveInStack(STATE, testContext(), { scenarioId: 'ghost', ids: [ranking[0]!], before: null }),
    ).toThrow('Scenario "ghost" no longer exists.');
  });
});

describe('decision operations', () => {
  const INPUT: DecisionInput = {
    date: '2026-12-01',
    kind: 'prioritization',
    title: '  Fund the lakehouse first ',
    decision: 'Data lakehouse goes to the top. ',
    rationale: '   ',
    decidedBy: 'Portfolio board',
    concerns: [],
  };

  it('recordDecision adds a decision at the end of the log, trimmed, with when it was recorded', () => {
    const plan = recordDecision(STATE, testContext(), INPUT);
    expect(plan).toMatchObject({
      id: 'new-decisions-1',
      label: 'Recorded the decision “Fund the lakehouse first”',
    });
    const next = accepted(plan);
    expect(next.decisions).toHaveLength(1);
    const { order, ...record } = next.decisions[0]!;
    expect(typeof order).toBe('string');
    expect(record).toEqual({
      id: 'new-decisions-1',
      date: '2026-12-01',
      kind: 'prioritization',
      title: 'Fund the lakehouse first',
      decision: 'Data lakehouse goes to the top.',
      decidedBy: 'Portfolio board',
      recordedAt: NOW,
    });
    const context = testContext();
    const once = applied(recordDecision(STATE, context, INPUT));
    const twice = accepted(recordDecision(once, context, { ...INPUT, title: 'Later' }), once);
    expect(twice.decisions.map((decision) => decision.title)).toEqual([
      'Fund the lakehouse first',
      'Later',
    ]);
    expect(sorted(twice.decisions.map((decision) => decision.order))).toEqual(
      twice.decisions.map((decision) => decision.order),
    );
  });

  it('amendDecision adds a decision that supersedes the latest of a chain, and only that one', () => {
    const context = testContext();
    const first = applied(recordDecision(STATE, context, INPUT));
    const plan = amendDecision(first, context, 'new-decisions-1', {
      ...INPUT,
      title: 'Fund the lakehouse second',
    });
    expect(plan.label).toBe('Amended the decision “Fund the lakehouse first”');
    const amended = accepted(plan, first);
    expect(amended.decisions).toHaveLength(2);
    expect(amended.decisions[0]).toEqual(first.decisions[0]);
    expect(amended.decisions[1]).toMatchObject({
      id: plan.id,
      supersedes: 'new-decisions-1',
      title: 'Fund the lakehouse second',
    });
    expect(supersededBy(amended.decisions, 'new-decisions-1')?.id).toBe(plan.id);
    expect(supersededBy(amended.decisions, plan.id)).toBeUndefined();
    expect(() => amendDecision(amended, context, 'new-decisions-1', INPUT)).toThrow(
      /already amended by “Fund the lakehouse second”: amend that one/,
    );
    expect(() => amendDecision(amended, context, 'ghost', INPUT)).toThrow(
      'Decision "ghost" no longer exists.',
    );
  });
  it('recordStopDecision records the decision and forces the initiative out, in one edit', () => {
    const active = STATE.initiatives.find((initiative) => initiative.status === 'active')!;
    const plan = recordStopDecision(STATE, testContext(), active.id, {
      ...INPUT,
      kind: 'stop-continue',
      title: `Stop ${active.name}`,
      rationale: 'The vendor left the market.',
    });
    expect(plan.label).toBe(
      `Stopped “${active.name}”: recorded the decision “Stop ${active.name}”`,
    );
    expect(plan.changes.map((entry) => entry.table)).toEqual(['decisions', 'initiatives']);
    const next = accepted(plan);
    const stopped = next.initiatives.find((initiative) => initiative.id === active.id)!;
    expect(stopped.forced).toBe('out');
    expect(stopped.forcedReason).toBe(active.forcedReason ?? 'The vendor left the market.');
    expect(next.decisions.at(-1)).toMatchObject({ id: plan.id, kind: 'stop-continue' });
    expect(() => recordStopDecision(STATE, testContext(), 'ghost', INPUT)).toThrow(
      'Initiative "ghost" no longer exists.',
    );
  });
});
