/**
 * The PMO's self-reviews through the named edits: taken on a date, each question scored 1 to 5
 * with a note, an answer changed or taken back, the date and notes changed, the review deleted.
 * Each step is checked as the store and the file's reader check it, and each one is undoable.
 */
import { describe, expect, it } from 'vitest';
import { restorePortfolio } from '../../../shared/portfolio/restore';
import { invertChanges, withoutNoOps, type EditPlan } from '../../../shared/store/changes';
import { OperationError } from '../../../shared/store/context';
import {
  addSelfReview,
  deleteSelfReview,
  setSelfReviewAnswer,
  updateSelfReview,
} from '../../../shared/store/operations/self-reviews';
import { applyChanges, stateToPortfolio, type PortfolioState } from '../../../shared/store/state';
import { smallPortfolioFile } from '../portfolio/fixtures';
import { acceptPlan, stateOf, testContext } from './edit-context';

function smallState(): PortfolioState {
  const result = restorePortfolio(smallPortfolioFile());
  if (!result.ok) throw new Error('fixture');
  return stateOf(result.portfolio);
}

function acceptUndoable(edit: EditPlan, state: PortfolioState): PortfolioState {
  const next = acceptPlan(edit, state);
  expect(applyChanges(next, invertChanges(withoutNoOps(edit.changes)))).toEqual(state);
  return next;
}

const CADENCES = {
  questionId: 'cadences-relevant',
  question: 'Are our cadences still relevant?',
};
const MATTERS = { questionId: 'tracking-what-matters', question: 'Are we tracking what matters?' };

describe('self-reviews', () => {
  it('takes one, scores its questions, changes and takes back an answer, and deletes it', () => {
    const context = testContext();
    let state = smallState();
    const added = addSelfReview(state, context, {
      date: '2027-01-10',
      notes: '  First one. ',
      answers: [{ ...CADENCES, score: 3, note: ' Monthly review runs long. ' }],
    });
    expect(added.id).toBe('new-selfReviews-1');
    expect(added.label).toBe('Started the self-review of 2027-01-10');
    state = acceptUndoable(added, state);
    expect(state.selfReviews).toEqual([
      {
        id: 'new-selfReviews-1',
        date: '2027-01-10',
        answers: [{ ...CADENCES, score: 3, note: 'Monthly review runs long.' }],
        notes: 'First one.',
        order: expect.any(String),
      },
    ]);

    const scored = setSelfReviewAnswer(state, added.id, { ...MATTERS, score: 4 });
    expect(scored.label).toBe(
      'Scored “Are we tracking what matters?” 4 of 5 in the self-review of 2027-01-10',
    );
    state = acceptUndoable(scored, state);
    // A second score of a question replaces the first, in its place.
    state = acceptUndoable(
      setSelfReviewAnswer(state, added.id, { ...CADENCES, score: 2, note: 'Still long.' }),
      state,
    );
    expect(state.selfReviews[0]?.answers).toEqual([
      { ...CADENCES, score: 2, note: 'Still long.' },
      { ...MATTERS, score: 4 },
    ]);
    const taken = setSelfReviewAnswer(state, added.id, { ...CADENCES, score: undefined });
    expect(taken.label).toBe(
      'Removed the answer to “Are our cadences still relevant?” from the self-review of 2027-01-10',
    );
    state = acceptUndoable(taken, state);
    expect(state.selfReviews[0]?.answers).toEqual([{ ...MATTERS, score: 4 }]);

    state = acceptUndoable(
      updateSelfReview(state, added.id, { date: '2027-01-12', notes: undefined }),
      state,
    );
    expect(state.selfReviews[0]).not.toHaveProperty('notes');
    expect(state.selfReviews[0]?.date).toBe('2027-01-12');
    expect(stateToPortfolio(state).selfReviews).toEqual([
      { id: added.id, date: '2027-01-12', answers: [{ ...MATTERS, score: 4 }] },
    ]);

    const deleted = deleteSelfReview(state, added.id);
    expect(deleted.label).toBe('Deleted the self-review of 2027-01-12');
    state = acceptUndoable(deleted, state);
    expect(state.selfReviews).toEqual([]);
    expect(stateToPortfolio(state).selfReviews).toBeUndefined();
  });

  it('puts a new self-review after the others', () => {
    const context = testContext();
    let state = smallState();
    state = acceptPlan(addSelfReview(state, context, { date: '2027-04-10' }), state);
    state = acceptPlan(addSelfReview(state, context, { date: '2027-01-10' }), state);
    expect(state.selfReviews.map((review) => review.id)).toEqual([
      'new-selfReviews-1',
      'new-selfReviews-2',
    ]);
  });

  it('refuses a score outside 1 to 5 or not whole, a bad date, a missing question, a self-review that is gone', () => {
    const context = testContext();
    let state = smallState();
    const added = addSelfReview(state, context, { date: '2027-01-10' });
    state = acceptPlan(added, state);
    for (const score of [0, 6, 2.5, Number.NaN]) {
      expect(() => setSelfReviewAnswer(state, added.id, { ...CADENCES, score })).toThrow(
        '“Are our cadences still relevant?” is scored from 1 (not at all) to 5 (fully), in whole numbers.',
      );
    }
    expect(() => addSelfReview(state, context, { date: '2027-02-30' })).toThrow(
      '"2027-02-30" is not a date written YYYY-MM-DD.',
    );
    expect(() =>
      setSelfReviewAnswer(state, added.id, { questionId: 'q', question: '  ', score: 3 }),
    ).toThrow('An answer needs its question.');
    expect(() => setSelfReviewAnswer(state, 'gone', { ...CADENCES, score: 3 })).toThrow(
      OperationError,
    );
    expect(() => deleteSelfReview(state, 'gone')).toThrow('Self-review "gone" no longer exists.');
  });

  it('keeps what Baton does not know of an answer when its score changes', () => {
    const file = smallPortfolioFile();
    file.selfReviews = [
      {
        id: 'sr-1',
        date: '2027-01-10',
        answers: [{ ...CADENCES, score: 3, evidence: 'minutes' }],
      },
    ];
    const result = restorePortfolio(file);
    if (!result.ok) throw new Error('fixture');
    let state = stateOf(result.portfolio);
    state = acceptUndoable(setSelfReviewAnswer(state, 'sr-1', { ...CADENCES, score: 5 }), state);
    expect(state.selfReviews[0]?.answers[0]).toEqual({
      ...CADENCES,
      score: 5,
      extras: { evidence: 'minutes' },
    });
  });
});
