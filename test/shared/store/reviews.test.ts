/**
 * A governance meeting through the named edits: a series, its review opened with a drafted
 * agenda, the agenda edited, decisions and actions recorded, the review held, and the next one
 * carrying over what is open. Each step is checked as the store and the file's reader check it,
 * and each one is undoable.
 */
import { describe, expect, it } from 'vitest';
import { invertChanges, withoutNoOps, type EditPlan } from '../../../shared/store/changes';
import { OperationError } from '../../../shared/store/context';
import { recordDecision } from '../../../shared/store/operations/decisions';
import * as reviews from '../../../shared/store/operations/reviews';
import { applyChanges, type PortfolioState } from '../../../shared/store/state';
import { MONTHLY, agendaPortfolio } from '../cadence/fixture';
import { acceptPlan, stateOf, testContext } from './edit-context';

function acceptUndoable(edit: EditPlan, state: PortfolioState): PortfolioState {
  const next = acceptPlan(edit, state);
  expect(applyChanges(next, invertChanges(withoutNoOps(edit.changes)))).toEqual(state);
  return next;
}

function reviewIn(state: PortfolioState, id: string) {
  const found = state.reviews.find((review) => review.id === id);
  if (!found) throw new Error(`no review ${id}`);
  return found;
}

const CADENCE_INPUT: reviews.CadenceInput = {
  name: ' Quarterly alignment ',
  kind: 'alignment-checkpoint',
  start: '2027-01-14T14:00',
  durationMinutes: 120,
  timeZone: 'Europe/London',
  rule: 'FREQ=MONTHLY;INTERVAL=3;BYDAY=+2TH',
  attendees: ['Ana', ' ', 'Cleo'],
};

describe('meeting series', () => {
  it('adds, changes and deletes a series; held reviews stay as one-offs', () => {
    const context = testContext();
    let state = stateOf(agendaPortfolio());
    const created = reviews.createCadence(state, context, CADENCE_INPUT);
    expect(created.label).toBe('Added the meeting series “Quarterly alignment”');
    state = acceptUndoable(created, state);
    expect(state.cadences.find((c) => c.id === created.id)).toMatchObject({
      name: 'Quarterly alignment',
      attendees: ['Ana', 'Cleo'],
    });
    state = acceptUndoable(
      reviews.updateCadence(state, created.id, { ...CADENCE_INPUT, durationMinutes: 90 }),
      state,
    );
    expect(() =>
      reviews.updateCadence(state, created.id, { ...CADENCE_INPUT, timeZone: 'Mars/Base' }),
    ).toThrow(OperationError);
    expect(() =>
      reviews.createCadence(state, context, { ...CADENCE_INPUT, rule: 'FREQ=HOURLY' }),
    ).toThrow('A meeting series repeats at most daily.');
    expect(() =>
      reviews.createCadence(state, context, { ...CADENCE_INPUT, attendees: ['Ana', 'ana'] }),
    ).toThrow('“ana” is listed twice in the attendees.');

    // One held and one planned review of the monthly series, then the series goes.
    const first = reviews.openReview(
      state,
      context,
      { cadenceId: 'monthly', date: '2027-01-05' },
      '2027-01-05',
    );
    state = acceptUndoable(first, state);
    state = acceptUndoable(reviews.holdReview(state, first.id, '2027-01-05T11:30:00.000Z'), state);
    const second = reviews.openReview(
      state,
      context,
      { cadenceId: 'monthly', date: '2027-02-02' },
      '2027-01-20',
    );
    state = acceptUndoable(second, state);
    const removed = reviews.deleteCadence(state, 'monthly');
    expect(removed.label).toBe('Deleted the meeting series “Monthly portfolio review”');
    state = acceptUndoable(removed, state);
    expect(state.reviews.map((review) => [review.id, review.cadenceId, review.status])).toEqual([
      [first.id, undefined, 'held'],
    ]);
  });
});

describe('a review from opening to held', () => {
  it('opens with the drafted agenda and the invitees, once per meeting', () => {
    const context = testContext();
    let state = stateOf(agendaPortfolio());
    const opened = reviews.openReview(
      state,
      context,
      { cadenceId: 'monthly', date: '2027-03-02' },
      '2027-02-20',
    );
    expect(opened.label).toBe('Opened the review “Monthly portfolio review” of 2027-03-02');
    state = acceptUndoable(opened, state);
    const review = reviewIn(state, opened.id);
    expect(review).toMatchObject({
      title: MONTHLY.name,
      kind: 'portfolio-review',
      cadenceId: 'monthly',
      date: '2027-03-02',
      time: '10:00',
      status: 'planned',
      attendance: [
        { name: 'Ana', present: false },
        { name: 'Ben', present: false },
      ],
    });
    expect(review.agenda.map((item) => item.id)).toEqual(
      review.agenda.map((_, index) => `item-${index + 1}`),
    );
    expect(review.agenda[0]).toMatchObject({ source: 'at-risk:crm', title: 'CRM is at risk' });
    // Opening it again changes nothing and gives the same review.
    const again = reviews.openReview(
      state,
      context,
      { cadenceId: 'monthly', date: '2027-03-02' },
      '2027-02-20',
    );
    expect(again).toMatchObject({ id: opened.id, changes: [] });
    // Not a meeting of the series.
    expect(() =>
      reviews.openReview(
        state,
        context,
        { cadenceId: 'monthly', date: '2027-03-03' },
        '2027-02-20',
      ),
    ).toThrow('“Monthly portfolio review” has no meeting on 2027-03-03.');
  });

  it('edits the agenda: a removed drafted item stays away, a refresh adds only what is new', () => {
    const context = testContext();
    let state = stateOf(agendaPortfolio());
    const opened = reviews.openReview(
      state,
      context,
      { cadenceId: 'monthly', date: '2027-03-02' },
      '2027-02-20',
    );
    state = acceptUndoable(opened, state);
    const id = opened.id;
    const before = reviewIn(state, id).agenda;

    state = acceptUndoable(reviews.removeAgendaItem(state, id, 'item-2'), state);
    expect(reviewIn(state, id).dismissed).toEqual(['at-risk:wms']);
    const added = reviews.addAgendaItem(state, context, id, {
      title: 'Office move',
      minutes: 15,
      index: 0,
    });
    state = acceptUndoable(added, state);
    expect(reviewIn(state, id).agenda[0]).toMatchObject({
      id: `item-${before.length + 1}`,
      kind: 'custom',
      title: 'Office move',
      minutes: 15,
    });
    state = acceptUndoable(reviews.moveAgendaItem(state, id, added.id, 99), state);
    expect(reviewIn(state, id).agenda.at(-1)!.id).toBe(added.id);
    state = acceptUndoable(
      reviews.updateAgendaItem(state, id, 'item-1', {
        notes: 'Vendor escalated.',
        minutes: undefined,
      }),
      state,
    );
    expect(reviewIn(state, id).agenda[0]).toMatchObject({ notes: 'Vendor escalated.' });
    expect(reviewIn(state, id).agenda[0]!.minutes).toBeUndefined();

    // Nothing new: no changes. A new proposal at the gate: one new item at the end.
    expect(reviews.refreshAgenda(state, context, id, '2027-02-21').changes).toEqual([]);
    const grown = stateOf({
      ...agendaPortfolio(),
      proposals: [
        ...agendaPortfolio().proposals!,
        {
          id: 'bot',
          title: 'Returns bot',
          stage: 'screening',
          history: [{ stage: 'screening', date: '2027-02-18' }],
          problem: 'Returns are slow.',
          sponsor: 'COO',
          size: 'S',
        },
      ],
    });
    const withReview = { ...grown, reviews: state.reviews };
    const refreshed = reviews.refreshAgenda(withReview, context, id, '2027-02-21');
    expect(refreshed.label).toBe('Refreshed the agenda of “Monthly portfolio review”: 1 new item');
    const after = acceptPlan(refreshed, withReview);
    expect(reviewIn(after, id).agenda.at(-1)).toMatchObject({ source: 'gate:bot' });
    expect(reviewIn(after, id).agenda.map((item) => item.source)).not.toContain('at-risk:wms');
  });

  it('records decisions and actions, holds, and carries the open ones to the next review', () => {
    const context = testContext();
    let state = stateOf(agendaPortfolio());
    const march = reviews.openReview(
      state,
      context,
      { cadenceId: 'monthly', date: '2027-03-02' },
      '2027-02-20',
    );
    state = acceptUndoable(march, state);
    state = acceptUndoable(
      reviews.setAttendance(state, march.id, [
        { name: 'Ana', present: true },
        { name: 'Ben', present: false },
        { name: 'Cleo', present: true },
      ]),
      state,
    );
    const decided = reviews.recordReviewDecision(state, context, march.id, 'item-1', {
      date: '2027-03-02',
      kind: 'other',
      title: 'Give CRM a second vendor',
      decision: 'Bring in a second vendor for Q2.',
    });
    state = acceptUndoable(decided, state);
    expect(state.decisions.find((d) => d.id === decided.id)).toMatchObject({
      kind: 'review',
      concerns: [
        { kind: 'review', id: march.id },
        { kind: 'initiative', id: 'crm' },
      ],
    });
    expect(reviewIn(state, march.id).agenda[0]!.decisions).toEqual([decided.id]);
    const action = reviews.addAction(state, context, {
      title: 'Find a second vendor',
      owner: 'Ben',
      due: '2027-03-20',
      reviewId: march.id,
      agendaItemId: 'item-1',
    });
    state = acceptUndoable(action, state);
    state = acceptUndoable(
      reviews.updateAgendaItem(state, march.id, 'item-3', { outcome: 'carried' }),
      state,
    );
    state = acceptUndoable(reviews.setReviewNotes(state, march.id, ' Quorum reached. '), state);
    const held = reviews.holdReview(state, march.id, '2027-03-02T11:30:00.000Z', 'snap-1');
    expect(held.label).toBe('Held “Monthly portfolio review” of 2027-03-02');
    state = acceptUndoable(held, state);
    const heldReview = reviewIn(state, march.id);
    expect(heldReview).toMatchObject({
      status: 'held',
      snapshotId: 'snap-1',
      notes: 'Quorum reached.',
    });
    expect(heldReview.agenda.filter((item) => item.outcome === 'carried').map((i) => i.id)).toEqual(
      ['item-3'],
    );
    expect(heldReview.agenda.every((item) => item.outcome !== undefined)).toBe(true);
    expect(() => reviews.deleteReview(state, march.id)).toThrow(/held/);
    expect(() => reviews.holdReview(state, march.id, '2027-03-02T12:00:00.000Z')).toThrow(
      'already held',
    );

    // April: the carried item and the open action come back; decisions since March's review.
    const april = reviews.openReview(
      state,
      context,
      { cadenceId: 'monthly', date: '2027-04-06' },
      '2027-04-01',
    );
    state = acceptUndoable(april, state);
    const agenda = reviewIn(state, april.id).agenda;
    expect(agenda[0]).toMatchObject({
      kind: 'carried',
      source: `carried:${march.id}:item-3`,
      carriedFrom: march.id,
      title: 'Platform is over capacity in Q1 2027',
    });
    expect(agenda[1]).toMatchObject({
      kind: 'actions',
      title: 'Open actions (1)',
      detail: '1 action still open, 1 overdue: Find a second vendor (Ben, due 20 Mar 2027).',
    });
    expect(agenda.find((item) => item.kind === 'decisions')).toBeUndefined();

    // Closing the action; reopening it.
    state = acceptUndoable(reviews.closeAction(state, action.id, '2027-03-25', 'Signed.'), state);
    expect(state.actions[0]).toMatchObject({ closedOn: '2027-03-25', closedNote: 'Signed.' });
    state = acceptUndoable(reviews.reopenAction(state, action.id), state);
    expect(state.actions[0]!.closedOn).toBeUndefined();
  });

  it('cancels, reinstates and deletes a planned review with its actions', () => {
    const context = testContext();
    let state = stateOf(agendaPortfolio());
    const once = reviews.openReview(
      state,
      context,
      { title: 'Offsite', kind: 'other', date: '2027-05-20', time: '09:00' },
      '2027-04-01',
    );
    state = acceptUndoable(once, state);
    expect(reviewIn(state, once.id)).toMatchObject({ title: 'Offsite', agenda: [], time: '09:00' });
    state = acceptUndoable(reviews.cancelReview(state, once.id), state);
    expect(() => reviews.holdReview(state, once.id, '2027-05-20T10:00:00.000Z')).toThrow(
      /reinstate it first/,
    );
    state = acceptUndoable(reviews.reinstateReview(state, once.id), state);
    state = acceptUndoable(
      reviews.addAction(state, context, { title: 'Book a room', reviewId: once.id }),
      state,
    );
    const deleted = reviews.deleteReview(state, once.id);
    expect(deleted.changes.map((change) => change.table)).toEqual(['reviews', 'actions']);
    state = acceptUndoable(deleted, state);
    expect(state.reviews).toEqual([]);
    expect(state.actions).toEqual([]);
    expect(() =>
      reviews.openReview(
        state,
        context,
        { title: ' ', kind: 'other', date: '2027-05-20' },
        '2027-04-01',
      ),
    ).toThrow('The title of the meeting cannot be empty.');
  });
});

describe('what an agenda takes from other reviews', () => {
  it('lists only actions raised before the meeting, and a refresh brings the open actions up to date', () => {
    const context = testContext();
    let state = stateOf(agendaPortfolio());
    const open = (date: string) => {
      const opened = reviews.openReview(state, context, { cadenceId: 'monthly', date }, date);
      state = acceptPlan(opened, state);
      return opened.id;
    };
    const january = open('2027-01-05');
    const february = open('2027-02-02');
    const march = open('2027-03-02');
    // An action raised in March is not on February's agenda; one raised in January is.
    state = acceptPlan(
      reviews.addAction(state, context, { title: 'Book the March room', reviewId: march }),
      state,
    );
    state = acceptPlan(
      reviews.addAction(state, context, { title: 'Find a second vendor', reviewId: january }),
      state,
    );
    const actionsOf = (id: string) =>
      reviewIn(state, id).agenda.find((item) => item.kind === 'actions');
    // February was drafted before either action existed: a refresh adds the item.
    state = acceptUndoable(reviews.refreshAgenda(state, context, february, '2027-01-20'), state);
    expect(actionsOf(february)?.detail).toBe('1 action still open: Find a second vendor.');
    // The facilitator gives it time and notes; a new January action is then raised.
    const item = actionsOf(february)!;
    state = acceptPlan(
      reviews.updateAgendaItem(state, february, item.id, { minutes: 12, notes: 'Chase.' }),
      state,
    );
    state = acceptPlan(
      reviews.addAction(state, context, { title: 'Send the minutes', reviewId: january }),
      state,
    );
    const refreshed = reviews.refreshAgenda(state, context, february, '2027-01-21');
    expect(refreshed.label).toBe(
      'Refreshed the agenda of “Monthly portfolio review”: 1 brought up to date',
    );
    state = acceptUndoable(refreshed, state);
    expect(actionsOf(february)).toMatchObject({
      id: item.id,
      title: 'Open actions (2)',
      detail: '2 actions still open: Find a second vendor; Send the minutes.',
      minutes: 12,
      notes: 'Chase.',
    });
    expect(
      reviewIn(state, february).agenda.filter((entry) => entry.kind === 'actions'),
    ).toHaveLength(1);
  });

  it('counts decisions from the last review’s day, but not those taken at it', () => {
    const context = testContext();
    let state = stateOf({ ...agendaPortfolio(), decisions: [] });
    const january = reviews.openReview(
      state,
      context,
      { cadenceId: 'monthly', date: '2027-01-05' },
      '2027-01-05',
    );
    state = acceptPlan(january, state);
    const on = (title: string) => ({
      date: '2027-01-05',
      kind: 'review' as const,
      title,
      decision: 'Yes.',
    });
    state = acceptPlan(
      reviews.recordReviewDecision(state, context, january.id, undefined, on('Taken at January')),
      state,
    );
    state = acceptPlan(reviews.holdReview(state, january.id, '2027-01-05T11:00:00.000Z'), state);
    // Later that day, outside the meeting.
    state = acceptPlan(
      recordDecision(state, context, { ...on('Approved after the meeting'), kind: 'other' }),
      state,
    );
    const february = reviews.openReview(
      state,
      context,
      { cadenceId: 'monthly', date: '2027-02-02' },
      '2027-02-02',
    );
    state = acceptPlan(february, state);
    const decisions = reviewIn(state, february.id).agenda.find((item) => item.kind === 'decisions');
    expect(decisions?.detail).toBe('5 Jan 2027: Approved after the meeting.');
  });
});
