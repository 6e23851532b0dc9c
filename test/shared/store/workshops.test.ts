/**
 * A workshop session from set-up to outcome through the named operations, each step checked as
 * the store checks an edit and as the file's reader would.
 */
import { describe, expect, it } from 'vitest';
import { OperationError } from '../../../shared/store/context';
import * as scoring from '../../../shared/store/operations/scoring';
import * as workshops from '../../../shared/store/operations/workshops';
import { stackOf } from '../../../shared/store/operations/scenarios';
import { stateToPortfolio, type PortfolioState } from '../../../shared/store/state';
import { modelRanking } from '../../../shared/strategy/scoring';
import { passProgress, revealCells } from '../../../shared/workshop/session';
import { acceptPlan, demoState, testContext } from './edit-context';

const context = testContext();

function proposed(state: PortfolioState, count: number): string[] {
  return state.initiatives
    .filter((initiative) => initiative.status === 'proposed')
    .slice(0, count)
    .map((initiative) => initiative.id);
}

function setUp(dots = true) {
  let state = demoState();
  const items = proposed(state, 3);
  const plan = workshops.createWorkshop(state, context, {
    title: ' Q1 prioritization ',
    purpose: 'Order next year’s proposals',
    date: '2026-12-07',
    facilitator: 'Alex',
    participants: ['Priya', 'Sam', ' Lee ', ''],
    initiatives: items,
    criteria: ['customer-value', 'risk-reduction'],
    ...(dots && { dots: { perPerson: 3, weighted: false, maxPerItem: 2 } }),
  });
  state = acceptPlan(plan, state);
  return { state, id: plan.id, items };
}

function session(state: PortfolioState, id: string) {
  const found = state.workshops.find((entry) => entry.id === id);
  if (!found) throw new Error('no session');
  return found;
}

/** Every participant scores every cell: `scores[participant][item][criterion]`. */
function scoreAll(
  start: PortfolioState,
  id: string,
  scores: readonly (readonly (readonly number[])[])[],
): PortfolioState {
  let state = start;
  const record = session(state, id);
  record.participants.forEach((person, p) => {
    expect(session(state, id).turn).toBe(p);
    record.initiatives.forEach((initiativeId, i) =>
      record.criteria.forEach((criterionId, c) => {
        state = acceptPlan(
          workshops.recordWorkshopScore(
            state,
            id,
            person.id,
            { initiativeId, criterionId },
            scores[p]![i]![c]!,
          ),
          state,
        );
      }),
    );
    state = acceptPlan(workshops.finishPass(state, id), state);
  });
  return state;
}

describe('a workshop session', () => {
  it('is set up with trimmed names, one id per participant, and starts in set-up', () => {
    const { state, id } = setUp();
    const record = session(state, id);
    expect(record.title).toBe('Q1 prioritization');
    expect(record.participants).toEqual([
      { id: 'p1', name: 'Priya' },
      { id: 'p2', name: 'Sam' },
      { id: 'p3', name: 'Lee' },
    ]);
    expect(record.stage).toBe('setup');
  });

  it('keeps participant ids when the set-up changes, and fixes them once scoring starts', () => {
    const setup = setUp();
    const { id, items } = setup;
    let { state } = setup;
    state = acceptPlan(
      workshops.updateWorkshopSetup(state, id, {
        title: 'Q1',
        participants: ['Lee', 'Priya', 'Kim'],
        initiatives: items,
        criteria: ['customer-value'],
      }),
      state,
    );
    expect(session(state, id).participants).toEqual([
      { id: 'p3', name: 'Lee' },
      { id: 'p1', name: 'Priya' },
      { id: 'p4', name: 'Kim' },
    ]);
    state = acceptPlan(workshops.startScoring(state, id), state);
    expect(() =>
      workshops.updateWorkshopSetup(state, id, {
        title: 'Q1',
        participants: ['Lee'],
        initiatives: items,
        criteria: ['customer-value'],
      }),
    ).toThrow(/has started: its participants, initiatives and criteria are fixed/);
  });

  it('refuses to start without participants, and names what is missing', () => {
    let state = demoState();
    const plan = workshops.createWorkshop(state, context, {
      title: 'Empty',
      participants: [],
      initiatives: [],
      criteria: ['customer-value'],
    });
    state = acceptPlan(plan, state);
    expect(() => workshops.startScoring(state, plan.id)).toThrow(
      /needs at least one participant, at least one initiative to start/,
    );
  });

  it('runs from blind scoring to an applied outcome', () => {
    const setup = setUp();
    const { id, items } = setup;
    let { state } = setup;
    const before = stateToPortfolio(state);
    state = acceptPlan(workshops.startScoring(state, id), state);
    // Scores can't be taken in set-up or by someone not in the session.
    expect(() =>
      workshops.recordWorkshopScore(
        state,
        id,
        'nobody',
        { initiativeId: items[0]!, criterionId: 'customer-value' },
        3,
      ),
    ).toThrow(OperationError);
    state = scoreAll(state, id, [
      [
        [9, 2],
        [3, 3],
        [5, 8],
      ],
      [
        [8, 2],
        [4, 3],
        [5, 8],
      ],
      [
        [2, 2],
        [4, 3],
        [6, 8],
      ],
    ]);
    expect(session(state, id).stage).toBe('reveal');
    const cells = revealCells(session(state, id), stateToPortfolio(state));
    const first = cells.find(
      (cell) => cell.initiativeId === items[0] && cell.criterionId === 'customer-value',
    );
    expect(first?.spread.kind === 'spread' && first.spread.median).toBe(8);

    // Re-score the first initiative on customer value: a new round, only that cell.
    state = acceptPlan(workshops.startRescore(state, id, items[0]!, 'customer-value'), state);
    const rescoring = session(state, id);
    expect(rescoring).toMatchObject({ stage: 'scoring', round: 2, turn: 0 });
    expect(passProgress(rescoring, 'p1')).toEqual({ scored: 0, total: 1 });
    for (const [person, value] of [
      ['p1', 8],
      ['p2', 8],
      ['p3', 7],
    ] as const) {
      state = acceptPlan(
        workshops.recordWorkshopScore(
          state,
          id,
          person,
          { initiativeId: items[0]!, criterionId: 'customer-value' },
          value,
        ),
        state,
      );
      state = acceptPlan(workshops.finishPass(state, id), state);
    }
    expect(session(state, id).stage).toBe('reveal');
    expect(session(state, id).rescore).toBeUndefined();

    // Dot vote: too many dots are refused; the last voter's pass reveals the tally.
    state = acceptPlan(workshops.startVoting(state, id), state);
    expect(() =>
      workshops.setVotes(state, id, 'p1', [{ initiativeId: items[0]!, dots: 3 }]),
    ).toThrow(/At most 2 dots per initiative/);
    for (const person of ['p1', 'p2', 'p3']) {
      state = acceptPlan(
        workshops.setVotes(state, id, person, [
          { initiativeId: items[1]!, dots: 2 },
          { initiativeId: items[2]!, dots: 1 },
        ]),
        state,
      );
      state = acceptPlan(workshops.finishPass(state, id), state);
    }
    expect(session(state, id).stage).toBe('votes');

    state = acceptPlan(workshops.goToStage(state, id, 'converge'), state);
    expect(() =>
      workshops.setCall(
        state,
        id,
        { initiativeId: items[1]!, criterionId: 'risk-reduction' },
        { value: 6, note: ' ' },
      ),
    ).toThrow(/Say why in a note/);
    state = acceptPlan(
      workshops.setCall(
        state,
        id,
        { initiativeId: items[1]!, criterionId: 'risk-reduction' },
        { value: 6, note: 'Audit finding' },
      ),
      state,
    );
    state = acceptPlan(
      workshops.setWorkshopNotes(state, id, 'Data team is the constraint.'),
      state,
    );

    const plan = workshops.applyWorkshopOutcome(state, context, id, { date: '2026-12-07' });
    state = acceptPlan(plan, state);
    const done = session(state, id);
    expect(done.stage).toBe('done');
    // The consensus became the initiatives' scores: the re-scored median, the facilitator's call.
    const scoresOf = (initiativeId: string) =>
      state.initiatives.find((initiative) => initiative.id === initiativeId)?.scores;
    expect(scoresOf(items[0]!)).toMatchObject({ 'customer-value': 8, 'risk-reduction': 2 });
    expect(scoresOf(items[1]!)).toMatchObject({ 'customer-value': 4, 'risk-reduction': 6 });
    // A new scenario, ranked by the model with the new scores.
    const scenario = state.scenarios.find((entry) => entry.id === plan.id);
    expect(scenario?.name).toBe('Workshop: Q1 prioritization');
    expect(stackOf(state, plan.id)).toEqual(modelRanking(stateToPortfolio(state)));
    expect(done.outcome).toMatchObject({
      scenarioId: plan.id,
      before: modelRanking(before),
      after: stackOf(state, plan.id),
    });
    // The decision log names who took part, what was scored and the notes.
    const decision = state.decisions.find((entry) => entry.id === done.outcome?.decisionId);
    expect(decision).toMatchObject({
      kind: 'workshop-outcome',
      title: 'Workshop: Q1 prioritization',
      rationale: 'Data team is the constraint.',
      decidedBy: 'Alex',
    });
    expect(decision?.decision).toMatch(
      /^3 participants \(Priya, Sam, Lee\) scored 3 initiatives on Customer value, Risk reduction/,
    );
    expect(decision?.concerns).toContainEqual({ kind: 'scenario', id: plan.id });
  });

  it('ranks the session’s own scenario when it has one, and records its stack before', () => {
    const setup = setUp(false);
    const { id } = setup;
    let { state } = setup;
    const scenarioId = state.scenarios[0]!.id;
    const record = session(state, id);
    state = acceptPlan(
      workshops.updateWorkshopSetup(state, id, {
        title: record.title,
        participants: ['Priya'],
        initiatives: record.initiatives,
        criteria: record.criteria,
        scenarioId,
      }),
      state,
    );
    const stackBefore = stackOf(state, scenarioId);
    state = acceptPlan(workshops.startScoring(state, id), state);
    state = scoreAll(state, id, [
      [
        [10, 10],
        [10, 10],
        [10, 10],
      ],
    ]);
    expect(() => workshops.startVoting(state, id)).toThrow(/has no dot-voting round/);
    state = acceptPlan(workshops.goToStage(state, id, 'converge'), state);
    const plan = workshops.applyWorkshopOutcome(state, context, id, { date: '2026-12-07' });
    expect(plan.id).toBe(scenarioId);
    state = acceptPlan(plan, state);
    expect(session(state, id).outcome?.before).toEqual(stackBefore);
    expect(stackOf(state, scenarioId)).toEqual(modelRanking(stateToPortfolio(state)));
  });

  it('hands the pass to anyone in the session, and refuses a participant it does not have', () => {
    const setup = setUp();
    const { id } = setup;
    let { state } = setup;
    state = acceptPlan(workshops.startScoring(state, id), state);
    state = acceptPlan(workshops.takeTurn(state, id, 2), state);
    expect(session(state, id).turn).toBe(2);
    expect(() => workshops.takeTurn(state, id, 3)).toThrow(/has no participant 4/);
  });

  it('never names a score in the history', () => {
    const setup = setUp();
    const { id, items } = setup;
    let { state } = setup;
    state = acceptPlan(workshops.startScoring(state, id), state);
    const plan = workshops.recordWorkshopScore(
      state,
      id,
      'p1',
      { initiativeId: items[0]!, criterionId: 'customer-value' },
      7,
    );
    expect(plan.label).toBe('Priya scored in “Q1 prioritization”');
  });
});

describe('passing the laptop out of turn', () => {
  it('skips no one: the reveal waits until everyone has had their pass', () => {
    const setup = setUp();
    const { id } = setup;
    let { state } = setup;
    state = acceptPlan(workshops.startScoring(state, id), state);
    // The facilitator types for Lee first, who calls out; then it goes back to Priya.
    state = acceptPlan(workshops.takeTurn(state, id, 2), state);
    state = acceptPlan(workshops.finishPass(state, id), state);
    expect(session(state, id)).toMatchObject({ stage: 'scoring', turn: 0, finished: ['p3'] });
    state = acceptPlan(workshops.finishPass(state, id), state);
    expect(session(state, id)).toMatchObject({ turn: 1, finished: ['p3', 'p1'] });
    state = acceptPlan(workshops.finishPass(state, id), state);
    expect(session(state, id).stage).toBe('reveal');
    expect(session(state, id).finished).toBeUndefined();
  });
});

describe('an outcome at the limits', () => {
  it('keeps the decision title and the scenario name within 200 characters for a long title', () => {
    const setup = setUp(false);
    const { id } = setup;
    let { state } = setup;
    // 200 characters, an emoji where the title must be cut: it is cut before the emoji, whole.
    const long = `${'Prioritization '.repeat(12)}abcdefgh🎯${'x'.repeat(10)}`;
    expect(long).toHaveLength(200);
    const record = session(state, id);
    state = acceptPlan(
      workshops.updateWorkshopSetup(state, id, {
        title: long,
        participants: ['Priya'],
        initiatives: record.initiatives,
        criteria: record.criteria,
      }),
      state,
    );
    state = acceptPlan(workshops.startScoring(state, id), state);
    state = scoreAll(state, id, [
      [
        [5, 5],
        [5, 5],
        [5, 5],
      ],
    ]);
    state = acceptPlan(workshops.goToStage(state, id, 'converge'), state);
    const plan = workshops.applyWorkshopOutcome(state, context, id, { date: '2026-12-07' });
    state = acceptPlan(plan, state);
    const title = state.decisions.at(-1)?.title ?? '';
    expect(title.length).toBeLessThanOrEqual(200);
    expect(title).toMatch(/^Workshop: Prioritization .*abcdefgh…$/);
    expect(state.scenarios.find((entry) => entry.id === plan.id)?.name.length).toBeLessThanOrEqual(
      200,
    );
  });
});

/** A session of Priya alone, scored as given (per initiative, two criteria), at converge. */
function convergingWithPriya(scores: readonly (readonly number[])[]) {
  const setup = setUp(false);
  const { id } = setup;
  let { state } = setup;
  const record = session(state, id);
  state = acceptPlan(
    workshops.updateWorkshopSetup(state, id, {
      title: record.title,
      participants: ['Priya'],
      initiatives: record.initiatives,
      criteria: record.criteria,
    }),
    state,
  );
  state = acceptPlan(workshops.startScoring(state, id), state);
  state = scoreAll(state, id, [scores]);
  state = acceptPlan(workshops.goToStage(state, id, 'converge'), state);
  return { id, state };
}

describe('a session against a changed portfolio, and a second press', () => {
  it('refuses a second Finish of the same pass, so the next person’s pass is not ended too', () => {
    const setup = setUp();
    const { id } = setup;
    let { state } = setup;
    state = acceptPlan(workshops.startScoring(state, id), state);
    state = acceptPlan(workshops.finishPass(state, id, 'p1'), state);
    expect(() => workshops.finishPass(state, id, 'p1')).toThrow(
      'Priya has already handed the laptop on.',
    );
    expect(session(state, id).turn).toBe(1);
  });

  it('applies nothing when the scoring model lost the session’s criteria, and says why', () => {
    const { id, state: converging } = convergingWithPriya([
      [5, 5],
      [5, 5],
      [5, 5],
    ]);
    let state = converging;
    state = acceptPlan(scoring.setScoringModel(state, 'rice'), state);
    expect(() =>
      workshops.applyWorkshopOutcome(state, context, id, { date: '2026-12-07' }),
    ).toThrow(/no longer has any of the session’s criteria: switch it back in Strategy › Scoring/);
  });

  it('says “1 participant” for a session of one', () => {
    const { id, state: converging } = convergingWithPriya([
      [5, 5],
      [6, 6],
      [7, 7],
    ]);
    let state = converging;
    state = acceptPlan(
      workshops.applyWorkshopOutcome(state, context, id, { date: '2026-12-07' }),
      state,
    );
    expect(state.decisions.at(-1)?.decision).toMatch(
      /^1 participant \(Priya\) scored 3 initiatives/,
    );
  });
});
