/**
 * Named edits of the PMO's self-reviews (continuous evolution): take one on a date, score its
 * questions 1 (not at all) to 5 (fully) with a note, change its date or notes, delete it. Each is
 * one undo step.
 */
import { isIsoDate } from '../../intake/dates';
import type { SelfReviewAnswer } from '../../metrics/types';
import {
  MAX_NAME_LENGTH,
  MAX_SELF_REVIEW_ANSWERS,
  MAX_SELF_REVIEW_SCORE,
  MAX_TEXT_LENGTH,
  MIN_SELF_REVIEW_SCORE,
} from '../../portfolio/limits';
import { change, type EditPlan } from '../changes';
import { byId, OperationError, quoted, type EditContext } from '../context';
import { lastOrder, type PortfolioState, type SelfReviewRecord } from '../state';

/** An answer as the questionnaire gives it; a score given as undefined removes the answer. */
export type SelfReviewAnswerInput = {
  readonly questionId: string;
  /** The question as asked (kept with the answer, so a reworded question keeps its history). */
  readonly question: string;
  /** 1..5; undefined removes the answer. */
  readonly score: number | undefined;
  readonly note?: string;
};

export type SelfReviewInput = {
  /** The day it is taken, YYYY-MM-DD. */
  readonly date: string;
  readonly notes?: string;
  readonly answers?: readonly SelfReviewAnswerInput[];
};

function trimmed(value: string | undefined): string | undefined {
  const text = value?.trim();
  return text ? text : undefined;
}

function checkedDate(date: string): string {
  if (!isIsoDate(date)) {
    throw new OperationError(`"${date}" is not a date written YYYY-MM-DD.`);
  }
  return date;
}

function checkedNotes(notes: string | undefined, what: string): string | undefined {
  const text = trimmed(notes);
  if (text !== undefined && text.length > MAX_TEXT_LENGTH) {
    throw new OperationError(`${what} is too long: at most ${MAX_TEXT_LENGTH} characters.`);
  }
  return text;
}

/** The answer to keep, or undefined when the input takes the answer away. */
function cleanAnswer(input: SelfReviewAnswerInput): SelfReviewAnswer | undefined {
  const questionId = input.questionId.trim();
  if (!questionId) throw new OperationError('An answer needs the id of its question.');
  const question = input.question.trim();
  if (!question) throw new OperationError('An answer needs its question.');
  if (question.length > MAX_NAME_LENGTH) {
    throw new OperationError(`The question is too long: at most ${MAX_NAME_LENGTH} characters.`);
  }
  if (input.score === undefined) return undefined;
  if (
    !Number.isInteger(input.score) ||
    input.score < MIN_SELF_REVIEW_SCORE ||
    input.score > MAX_SELF_REVIEW_SCORE
  ) {
    throw new OperationError(
      `${quoted(question)} is scored from ${MIN_SELF_REVIEW_SCORE} (not at all) to ${MAX_SELF_REVIEW_SCORE} (fully), in whole numbers.`,
    );
  }
  const note = checkedNotes(input.note, 'The note');
  return { questionId, question, score: input.score, ...(note !== undefined && { note }) };
}

/** `answers` with `answer` put in (in the place of one to the same question) or taken out. */
function withAnswer(
  answers: readonly SelfReviewAnswer[],
  questionId: string,
  answer: SelfReviewAnswer | undefined,
): SelfReviewAnswer[] {
  const at = answers.findIndex((existing) => existing.questionId === questionId);
  const next = [...answers];
  if (at < 0) {
    if (answer) next.push(answer);
  } else if (answer) {
    const extras = answers[at]?.extras;
    next[at] = extras !== undefined ? { ...answer, extras } : answer;
  } else next.splice(at, 1);
  if (next.length > MAX_SELF_REVIEW_ANSWERS) {
    throw new OperationError(
      `A self-review holds at most ${MAX_SELF_REVIEW_ANSWERS} answers; remove a question first.`,
    );
  }
  return next;
}

function selfReviewOf(state: PortfolioState, id: string): SelfReviewRecord {
  return byId(state.selfReviews, id, 'Self-review');
}

/** Adds a self-review taken on `date`, with its answers if given, at the end of the list. */
export function addSelfReview(
  state: PortfolioState,
  context: EditContext,
  input: SelfReviewInput,
): EditPlan & { readonly id: string } {
  const date = checkedDate(input.date);
  const notes = checkedNotes(input.notes, 'The notes');
  let answers: SelfReviewAnswer[] = [];
  for (const answer of input.answers ?? []) {
    answers = withAnswer(answers, answer.questionId.trim(), cleanAnswer(answer));
  }
  const id = context.newId('selfReviews');
  const record: SelfReviewRecord = {
    id,
    date,
    answers,
    ...(notes !== undefined && { notes }),
    order: context.keys.between(lastOrder(state.selfReviews), null),
  };
  return {
    id,
    label: `Started the self-review of ${date}`,
    changes: [change('selfReviews', id, undefined, record)],
  };
}

/** Sets one answer of a self-review (its score and note); with no score, removes the answer. */
export function setSelfReviewAnswer(
  state: PortfolioState,
  id: string,
  input: SelfReviewAnswerInput,
): EditPlan {
  const review = selfReviewOf(state, id);
  const answer = cleanAnswer(input);
  const answers = withAnswer(review.answers, input.questionId.trim(), answer);
  const after: SelfReviewRecord = { ...review, answers };
  return {
    label: answer
      ? `Scored ${quoted(answer.question)} ${answer.score} of 5 in the self-review of ${review.date}`
      : `Removed the answer to ${quoted(input.question.trim())} from the self-review of ${review.date}`,
    changes: [change('selfReviews', id, review, after)],
  };
}

/** Changes a self-review's date or notes; notes given as undefined or empty are cleared. */
export function updateSelfReview(
  state: PortfolioState,
  id: string,
  patch: { readonly date?: string; readonly notes?: string },
): EditPlan {
  const review = selfReviewOf(state, id);
  const next: Record<string, unknown> = { ...review };
  if (patch.date !== undefined) next.date = checkedDate(patch.date);
  if ('notes' in patch) {
    const notes = checkedNotes(patch.notes, 'The notes');
    if (notes === undefined) delete next.notes;
    else next.notes = notes;
  }
  const after = next as SelfReviewRecord;
  return {
    label: `Changed the self-review of ${after.date}`,
    changes: [change('selfReviews', id, review, after)],
  };
}

/** Deletes a self-review and its answers. */
export function deleteSelfReview(state: PortfolioState, id: string): EditPlan {
  const review = selfReviewOf(state, id);
  return {
    label: `Deleted the self-review of ${review.date}`,
    changes: [change('selfReviews', id, review, undefined)],
  };
}
