/**
 * Named edits of workshop sessions: set up, pass the laptop round for blind scoring, reveal,
 * re-score, dot-vote, converge and apply the outcome. A session is one record, so every step is
 * one small write that survives a reload, and each is one undo step.
 */
import type {
  Workshop,
  WorkshopCall,
  WorkshopDots,
  WorkshopParticipant,
  WorkshopStage,
  WorkshopTimer,
} from '../../portfolio/types';
import { MAX_NAME_LENGTH, MAX_TEXT_LENGTH } from '../../portfolio/limits';
import { MODEL_NAMES, modelRanking } from '../../strategy/scoring';
import { currentRound, sessionConsensus, sessionCriteria, type Cell } from '../../workshop/session';
import { change, type Change, type EditPlan } from '../changes';
import { byId, OperationError, quoted, type EditContext } from '../context';
import {
  applyChanges,
  lastOrder,
  stateToPortfolio,
  type PortfolioState,
  type WorkshopRecord,
} from '../state';
import { recordDecision } from './decisions';
import { createScenario, rankScenarioByModel, stackOf } from './scenarios';

/** `value`, cut to `max` characters with an ellipsis when longer (names and texts have limits). */
function clip(value: string, max: number): string {
  if (value.length <= max) return value;
  let end = max - 1;
  // Never between the two halves of a character outside the basic plane (an emoji).
  const last = value.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return `${value.slice(0, end)}…`;
}

/** What the set-up form gives. Participants are names; a kept name keeps its id. */
export type WorkshopSetup = {
  readonly title: string;
  readonly purpose?: string;
  readonly date?: string;
  readonly facilitator?: string;
  readonly participants: readonly string[];
  readonly initiatives: readonly string[];
  readonly criteria: readonly string[];
  readonly timer?: WorkshopTimer;
  readonly dots?: WorkshopDots;
  /** The scenario the outcome ranks; absent: a new one. */
  readonly scenarioId?: string;
};

function text(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

/** The participants named, keeping the ids of names already in the session. */
function participantsOf(
  names: readonly string[],
  held: readonly WorkshopParticipant[],
): WorkshopParticipant[] {
  const free = [...held];
  const used = new Set(held.map((person) => person.id));
  let next = 1;
  return names
    .map((name) => name.trim())
    .filter((name) => name !== '')
    .map((name) => {
      const at = free.findIndex((person) => person.name === name);
      if (at >= 0) return free.splice(at, 1)[0] as WorkshopParticipant;
      while (used.has(`p${next}`)) next += 1;
      used.add(`p${next}`);
      return { id: `p${next}`, name };
    });
}

function setupFields(setup: WorkshopSetup, held: readonly WorkshopParticipant[]) {
  const purpose = text(setup.purpose);
  const facilitator = text(setup.facilitator);
  return {
    title: setup.title.trim(),
    ...(purpose !== undefined && { purpose }),
    ...(setup.date !== undefined && setup.date !== '' && { date: setup.date }),
    ...(facilitator !== undefined && { facilitator }),
    participants: participantsOf(setup.participants, held),
    initiatives: [...new Set(setup.initiatives)],
    criteria: [...new Set(setup.criteria)],
    ...(setup.timer !== undefined && { timer: setup.timer }),
    ...(setup.dots !== undefined && { dots: setup.dots }),
    ...(setup.scenarioId !== undefined && { scenarioId: setup.scenarioId }),
  };
}

/** Adds a session at the end of the list, in set-up. */
export function createWorkshop(
  state: PortfolioState,
  context: EditContext,
  setup: WorkshopSetup,
): EditPlan & { readonly id: string } {
  const id = context.newId('workshops');
  const record: WorkshopRecord = {
    id,
    ...setupFields(setup, []),
    stage: 'setup',
    order: context.keys.between(lastOrder(state.workshops), null),
  };
  return {
    id,
    label: `Set up the workshop ${quoted(record.title)}`,
    changes: [change('workshops', id, undefined, record)],
  };
}

function session(state: PortfolioState, id: string): WorkshopRecord {
  return byId(state.workshops, id, 'Workshop session');
}

function update(
  before: WorkshopRecord,
  after: WorkshopRecord,
  label: string,
): EditPlan & { readonly id: string } {
  return { id: before.id, label, changes: [change('workshops', before.id, before, after)] };
}

/** Drops the keys whose value is undefined, so that a cleared field leaves the record. */
function defined(record: Record<string, unknown>): WorkshopRecord {
  return Object.fromEntries(
    Object.entries(record).filter(([, value]) => value !== undefined),
  ) as WorkshopRecord;
}

/**
 * Changes a session's set-up. Once scoring has begun, the participants, initiatives and criteria
 * are fixed (scores refer to them); the title, purpose, date, facilitator, timer and scenario may
 * still change.
 */
export function updateWorkshopSetup(
  state: PortfolioState,
  id: string,
  setup: WorkshopSetup,
): EditPlan & { readonly id: string } {
  const before = session(state, id);
  const fields = setupFields(setup, before.participants);
  const started = before.stage !== 'setup';
  if (started) {
    const same = (a: readonly string[], b: readonly string[]) =>
      a.length === b.length && a.every((value, index) => value === b[index]);
    if (
      !same(
        fields.participants.map((person) => person.id),
        before.participants.map((person) => person.id),
      ) ||
      !same(fields.initiatives, before.initiatives) ||
      !same(fields.criteria, before.criteria)
    ) {
      throw new OperationError(
        `${quoted(before.title)} has started: its participants, initiatives and criteria are fixed.`,
      );
    }
  }
  const { order, stage, turn, finished, round, rescore, scores, votes, calls, notes, outcome } =
    before;
  const after = defined({
    id,
    ...fields,
    stage,
    turn,
    finished,
    round,
    rescore,
    scores,
    votes,
    calls,
    notes,
    outcome,
    extras: before.extras,
    order,
  });
  return update(before, after, `Changed the set-up of ${quoted(after.title)}`);
}

/** Renames a session (any stage). */
export function renameWorkshop(
  state: PortfolioState,
  id: string,
  title: string,
): EditPlan & { readonly id: string } {
  const before = session(state, id);
  return update(
    before,
    { ...before, title: title.trim() },
    `Renamed ${quoted(before.title)} to ${quoted(title.trim())}`,
  );
}

/** Deletes a session (its scores with it; an applied outcome stays in the portfolio). */
export function deleteWorkshop(state: PortfolioState, id: string): EditPlan {
  const before = session(state, id);
  return {
    label: `Deleted the workshop ${quoted(before.title)}`,
    changes: [change('workshops', id, before, undefined)],
  };
}

function requireStage(record: Workshop, stages: readonly WorkshopStage[], doing: string): void {
  if (!stages.includes(record.stage)) {
    throw new OperationError(
      `${quoted(record.title)} cannot ${doing} now: it is at ${STAGE_NAMES[record.stage]}.`,
    );
  }
}

/** Each stage as a person names it. */
export const STAGE_NAMES: Readonly<Record<WorkshopStage, string>> = {
  setup: 'set-up',
  scoring: 'blind scoring',
  reveal: 'the reveal',
  voting: 'dot voting',
  votes: 'the dot-vote results',
  converge: 'converge',
  done: 'done',
};

/** What a session lacks before scoring can start, in words; empty when nothing. */
export function missingForScoring(record: Workshop): readonly string[] {
  const missing: string[] = [];
  if (record.participants.length === 0) missing.push('at least one participant');
  if (record.initiatives.length === 0) missing.push('at least one initiative');
  if (record.criteria.length === 0) missing.push('at least one criterion');
  return missing;
}

/** Starts blind scoring: the first participant's pass of round 1. */
export function startScoring(
  state: PortfolioState,
  id: string,
): EditPlan & { readonly id: string } {
  const before = session(state, id);
  requireStage(before, ['setup'], 'start scoring');
  const missing = missingForScoring(before);
  if (missing.length > 0) {
    throw new OperationError(`${quoted(before.title)} needs ${missing.join(', ')} to start.`);
  }
  return update(
    before,
    { ...before, stage: 'scoring', turn: 0, round: 1, finished: [] },
    `Started blind scoring in ${quoted(before.title)}`,
  );
}

/** Hands the pass to another participant (the facilitator typing for someone who calls out). */
export function takeTurn(
  state: PortfolioState,
  id: string,
  turn: number,
): EditPlan & { readonly id: string } {
  const before = session(state, id);
  requireStage(before, ['scoring', 'voting'], 'change whose turn it is');
  const person = before.participants[turn];
  if (!person) throw new OperationError(`${quoted(before.title)} has no participant ${turn + 1}.`);
  return update(before, { ...before, turn }, `Handed ${quoted(before.title)} to ${person.name}`);
}

function participantIn(record: Workshop, participantId: string): WorkshopParticipant {
  const person = record.participants.find((entry) => entry.id === participantId);
  if (!person) {
    throw new OperationError(`${quoted(record.title)} has no participant "${participantId}".`);
  }
  return person;
}

/**
 * Records (or, with `value` undefined, clears) a participant's blind score of one cell in the
 * current round. The label names no score: the history must not reveal it.
 */
export function recordWorkshopScore(
  state: PortfolioState,
  id: string,
  participantId: string,
  cell: Cell,
  value: number | undefined,
): EditPlan & { readonly id: string } {
  const before = session(state, id);
  requireStage(before, ['scoring'], 'take scores');
  const person = participantIn(before, participantId);
  const round = currentRound(before);
  const same = (score: (typeof kept)[number]) =>
    score.participantId === participantId &&
    score.initiativeId === cell.initiativeId &&
    score.criterionId === cell.criterionId &&
    score.round === round;
  const kept = before.scores ?? [];
  const scores = kept.filter((score) => !same(score));
  if (value !== undefined) scores.push({ participantId, ...cell, value, round });
  return update(
    before,
    defined({ ...before, scores: scores.length > 0 ? scores : undefined }),
    `${person.name} scored in ${quoted(before.title)}`,
  );
}

/**
 * Ends the pass of the participant whose turn it is: the next participant who has not had theirs
 * (in order, after this one), or, once everyone has, the reveal (scoring) or the dot-vote
 * results (voting). A pass taken out of turn does not skip anyone. With `participantId`, only
 * that participant's pass is ended.
 */
export function finishPass(
  state: PortfolioState,
  id: string,
  participantId?: string,
): EditPlan & { readonly id: string } {
  const before = session(state, id);
  requireStage(before, ['scoring', 'voting'], 'finish a pass');
  const turn = before.turn ?? 0;
  const person = before.participants[turn];
  // The pass the button was shown for: a second press (a double click, a key held down) finds
  // the laptop already handed on and must not end the next person's pass too.
  if (participantId !== undefined && person?.id !== participantId) {
    const named = before.participants.find((entry) => entry.id === participantId);
    throw new OperationError(
      `${named?.name ?? 'That participant'} has already handed the laptop on.`,
    );
  }
  const finished = [...new Set([...(before.finished ?? []), ...(person ? [person.id] : [])])];
  const count = before.participants.length;
  const waiting = Array.from({ length: count }, (_, step) => (turn + 1 + step) % count).find(
    (index) => !finished.includes((before.participants[index] as WorkshopParticipant).id),
  );
  if (waiting !== undefined) {
    return update(
      before,
      { ...before, turn: waiting, finished },
      `${person?.name ?? 'A participant'} finished their pass in ${quoted(before.title)}`,
    );
  }
  const { turn: _turn, rescore: _rescore, finished: _finished, ...rest } = before;
  const stage: WorkshopStage = before.stage === 'scoring' ? 'reveal' : 'votes';
  return update(
    before,
    { ...rest, stage },
    stage === 'reveal'
      ? `Revealed the scores of ${quoted(before.title)}`
      : `Revealed the dot vote of ${quoted(before.title)}`,
  );
}

/** Starts a re-score of one initiative (on one criterion, or all): a new round, every participant. */
export function startRescore(
  state: PortfolioState,
  id: string,
  initiativeId: string,
  criterionId?: string,
): EditPlan & { readonly id: string } {
  const before = session(state, id);
  requireStage(before, ['reveal', 'votes', 'converge'], 're-score');
  if (!before.initiatives.includes(initiativeId)) {
    throw new OperationError(`${quoted(before.title)} does not score "${initiativeId}".`);
  }
  if (criterionId !== undefined && !before.criteria.includes(criterionId)) {
    throw new OperationError(`${quoted(before.title)} does not score on "${criterionId}".`);
  }
  return update(
    before,
    {
      ...before,
      stage: 'scoring',
      turn: 0,
      finished: [],
      round: currentRound(before) + 1,
      rescore: { initiativeId, ...(criterionId !== undefined && { criterionId }) },
    },
    `Started a re-score in ${quoted(before.title)}`,
  );
}

/** Starts the dot vote: the first participant's turn. */
export function startVoting(state: PortfolioState, id: string): EditPlan & { readonly id: string } {
  const before = session(state, id);
  requireStage(before, ['reveal', 'votes', 'converge'], 'start dot voting');
  if (!before.dots) {
    throw new OperationError(`${quoted(before.title)} has no dot-voting round in its set-up.`);
  }
  return update(
    before,
    defined({ ...before, stage: 'voting', turn: 0, finished: [], votes: undefined }),
    `Started dot voting in ${quoted(before.title)}`,
  );
}

/**
 * Sets one participant's dots, in their order of preference (what weighted voting counts by).
 * Dots over the allowance, or over the most per initiative, are refused.
 */
export function setVotes(
  state: PortfolioState,
  id: string,
  participantId: string,
  votes: readonly { readonly initiativeId: string; readonly dots: number }[],
): EditPlan & { readonly id: string } {
  const before = session(state, id);
  requireStage(before, ['voting'], 'take votes');
  const person = participantIn(before, participantId);
  const dots = before.dots as WorkshopDots;
  const placed = votes.filter((vote) => vote.dots > 0);
  const total = placed.reduce((sum, vote) => sum + vote.dots, 0);
  if (total > dots.perPerson) {
    throw new OperationError(`${person.name} has ${dots.perPerson} dots, not ${total}.`);
  }
  const most = dots.weighted ? 1 : dots.maxPerItem;
  if (placed.some((vote) => vote.dots > most)) {
    throw new OperationError(
      `At most ${most} ${most === 1 ? 'dot' : 'dots'} per initiative in ${quoted(before.title)}.`,
    );
  }
  const others = (before.votes ?? []).filter((vote) => vote.participantId !== participantId);
  const all = [...others, ...placed.map((vote) => ({ participantId, ...vote }))];
  return update(
    before,
    defined({ ...before, votes: all.length > 0 ? all : undefined }),
    `${person.name} voted in ${quoted(before.title)}`,
  );
}

type Ballot = readonly { readonly initiativeId: string; readonly dots: number }[];

/** `ballot` with `initiativeId`'s dots changed by `step` (a new one goes last, a later pick). */
export function changeBallot(ballot: Ballot, initiativeId: string, step: number): Ballot {
  const held = ballot.find((vote) => vote.initiativeId === initiativeId);
  if (!held) return step > 0 ? [...ballot, { initiativeId, dots: step }] : ballot;
  const dots = held.dots + step;
  return dots <= 0
    ? ballot.filter((vote) => vote.initiativeId !== initiativeId)
    : ballot.map((vote) => (vote.initiativeId === initiativeId ? { ...vote, dots } : vote));
}

/**
 * Puts one more dot on an initiative (`step` 1) or takes one off (−1), from the votes as stored:
 * presses made faster than the screen redraws each count.
 */
export function stepVote(
  state: PortfolioState,
  id: string,
  participantId: string,
  initiativeId: string,
  step: 1 | -1,
): EditPlan & { readonly id: string } {
  const before = session(state, id);
  const ballot = (before.votes ?? []).filter((vote) => vote.participantId === participantId);
  return setVotes(state, id, participantId, changeBallot(ballot, initiativeId, step));
}

/** Moves the session to converge (from the reveal or the dot-vote results), or back to the reveal. */
export function goToStage(
  state: PortfolioState,
  id: string,
  stage: 'reveal' | 'converge',
): EditPlan & { readonly id: string } {
  const before = session(state, id);
  requireStage(before, ['reveal', 'votes', 'converge'], `go to ${STAGE_NAMES[stage]}`);
  return update(
    before,
    { ...before, stage },
    stage === 'converge'
      ? `Moved ${quoted(before.title)} to converge`
      : `Went back to the reveal of ${quoted(before.title)}`,
  );
}

/** Sets (or clears) the facilitator's own consensus score of one cell, with a note. */
export function setCall(
  state: PortfolioState,
  id: string,
  cell: Cell,
  call: { readonly value: number; readonly note: string } | undefined,
): EditPlan & { readonly id: string } {
  const before = session(state, id);
  requireStage(before, ['converge'], "take the facilitator's call");
  if (call && call.note.trim() === '') {
    throw new OperationError('Say why in a note: a call without a reason is not recorded.');
  }
  const others = (before.calls ?? []).filter(
    (entry) => entry.initiativeId !== cell.initiativeId || entry.criterionId !== cell.criterionId,
  );
  const calls: WorkshopCall[] = call
    ? [...others, { ...cell, value: call.value, note: call.note.trim() }]
    : others;
  return update(
    before,
    defined({ ...before, calls: calls.length > 0 ? calls : undefined }),
    call
      ? `Made the facilitator's call in ${quoted(before.title)}`
      : `Went back to the median in ${quoted(before.title)}`,
  );
}

/** Sets the facilitator's notes. */
export function setWorkshopNotes(
  state: PortfolioState,
  id: string,
  notes: string,
): EditPlan & { readonly id: string } {
  const before = session(state, id);
  return update(
    before,
    defined({ ...before, notes: notes.trim() === '' ? undefined : notes }),
    `Changed the notes of ${quoted(before.title)}`,
  );
}

/** How a ranking changed for the session's initiatives: who moved up and down, by places. */
export function rankingMoves(
  before: readonly string[],
  after: readonly string[],
  ids: readonly string[],
): { readonly id: string; readonly from?: number; readonly to?: number }[] {
  return ids.map((id) => {
    const from = before.indexOf(id);
    const to = after.indexOf(id);
    return { id, ...(from >= 0 && { from: from + 1 }), ...(to >= 0 && { to: to + 1 }) };
  });
}

export type OutcomeInput = {
  /** ISO date of the decision. */
  readonly date: string;
  /** The new scenario's name, when the session has no scenario of its own. */
  readonly scenarioName?: string;
};

/**
 * Applies the session's outcome as one edit: the consensus scores become the initiatives'
 * scores; the session's scenario (or a new one) is ranked by the scoring model with them; a
 * decision records who took part, what was scored, what moved and the facilitator's notes; the
 * session is done, with the ranking before and after kept for the board pack.
 */
export function applyWorkshopOutcome(
  state: PortfolioState,
  context: EditContext,
  id: string,
  input: OutcomeInput,
): EditPlan & { readonly id: string } {
  const before = session(state, id);
  requireStage(before, ['converge'], 'apply its outcome');
  const portfolio = stateToPortfolio(state);
  const consensus = sessionConsensus(before, portfolio);
  // A criterion the scoring model no longer has is not applied, so it blocks nothing.
  const problems = consensus.cells.filter(
    (cell) => cell.consensus.kind === 'problem' && cell.criterion.inModel,
  );
  if (problems.length > 0) {
    const first = problems[0] as (typeof problems)[number];
    throw new OperationError(
      `${first.initiativeName} on ${first.criterion.name}: ${first.consensus.kind === 'problem' ? first.consensus.problem : ''}`,
    );
  }
  if (!state.meta.scoring) throw new OperationError('The portfolio has no scoring model.');
  const applied = sessionCriteria(before, portfolio).filter((criterion) => criterion.inModel);
  if (applied.length === 0) {
    throw new OperationError(
      'The scoring model no longer has any of the session’s criteria: switch it back in Strategy › Scoring to apply the outcome.',
    );
  }
  const notApplied = sessionCriteria(before, portfolio).filter((criterion) => !criterion.inModel);
  const changes: Change[] = [];
  for (const initiative of state.initiatives) {
    const agreed = consensus.scores[initiative.id];
    if (!agreed) continue;
    const scores = { ...(initiative.scores ?? {}) };
    for (const criterion of consensus.cells) {
      if (criterion.initiativeId !== initiative.id || !criterion.criterion.inModel) continue;
      const score = agreed[criterion.criterionId];
      if (score !== undefined) scores[criterion.criterionId] = score;
    }
    changes.push(change('initiatives', initiative.id, initiative, { ...initiative, scores }));
  }
  const scored = applyChanges(state, changes);
  const existing =
    before.scenarioId !== undefined &&
    state.scenarios.some((entry) => entry.id === before.scenarioId)
      ? before.scenarioId
      : null;
  const rankingBefore = existing ? stackOf(state, existing) : [...modelRanking(portfolio)];
  let scenarioId: string;
  let ranked: PortfolioState;
  if (existing) {
    const plan = rankScenarioByModel(scored, context, existing);
    changes.push(...plan.changes);
    scenarioId = existing;
    ranked = applyChanges(scored, plan.changes);
  } else {
    const name = clip(text(input.scenarioName) ?? `Workshop: ${before.title}`, MAX_NAME_LENGTH);
    const plan = createScenario(scored, context, name, modelRanking(stateToPortfolio(scored)));
    changes.push(...plan.changes);
    scenarioId = plan.id;
    ranked = applyChanges(scored, plan.changes);
  }
  const rankingAfter = stackOf(ranked, scenarioId);
  const scenarioName = ranked.scenarios.find((entry) => entry.id === scenarioId)?.name ?? '';
  const names = new Map(state.initiatives.map((initiative) => [initiative.id, initiative.name]));
  const moves = rankingMoves(rankingBefore, rankingAfter, before.initiatives)
    .filter((move) => move.from !== undefined && move.to !== undefined && move.from !== move.to)
    .map((move) => {
      const up = (move.to as number) < (move.from as number);
      return `${names.get(move.id) ?? move.id} ${up ? 'up' : 'down'} from ${move.from} to ${move.to}`;
    });
  const people = before.participants.map((person) => person.name).join(', ');
  const criteria = applied.map((criterion) => criterion.name).join(', ');
  const count = before.initiatives.length;
  const taking = before.participants.length;
  const decision = recordDecision(scored, context, {
    date: input.date,
    kind: 'workshop-outcome',
    title: clip(`Workshop: ${before.title}`, MAX_NAME_LENGTH),
    decision: clip(
      [
        `${taking} ${taking === 1 ? 'participant' : 'participants'} (${people}) scored ${count} ${count === 1 ? 'initiative' : 'initiatives'} on ${criteria}, by ${MODEL_NAMES[state.meta.scoring.model]}.`,
        ...(notApplied.length > 0
          ? [
              `Not applied, no longer in the scoring model: ${notApplied.map((criterion) => criterion.name).join(', ')}.`,
            ]
          : []),
        `The consensus scores rank ${quoted(scenarioName)}.`,
        moves.length > 0 ? `Moved: ${moves.join('; ')}.` : 'No initiative of the session moved.',
      ].join(' '),
      MAX_TEXT_LENGTH,
    ),
    ...(before.notes !== undefined && { rationale: clip(before.notes, MAX_TEXT_LENGTH) }),
    ...(before.facilitator !== undefined && { decidedBy: before.facilitator }),
    concerns: [
      { kind: 'scenario', id: scenarioId },
      ...before.initiatives.map((initiative) => ({ kind: 'initiative' as const, id: initiative })),
    ],
  });
  changes.push(...decision.changes);
  const after: WorkshopRecord = {
    ...before,
    stage: 'done',
    scenarioId,
    outcome: {
      scenarioId,
      decisionId: decision.id,
      before: rankingBefore,
      after: rankingAfter,
      recordedAt: context.now(),
    },
  };
  changes.push(change('workshops', id, before, after));
  return {
    id: scenarioId,
    label: `Applied the outcome of ${quoted(before.title)} to ${quoted(scenarioName)}`,
    changes,
  };
}
