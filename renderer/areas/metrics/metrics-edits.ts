/**
 * The edits of the Metrics area, each committed through the store (checked, stored, in the change
 * history, undone with Ctrl+Z): the actuals grid's cells (one typed, or a pasted block, as one
 * edit), clearing an actual, and the PMO's self-reviews.
 */
import type { EditPlan, EditResult } from '../../../shared/store/changes';
import type { EditContext } from '../../../shared/store/context';
import {
  ActualCellsError,
  clearActual as clearActualPlan,
  setActualCells as setActualCellsPlan,
  type ActualCell,
  type ActualCellProblem,
} from '../../../shared/store/operations/actuals';
import * as selfReviews from '../../../shared/store/operations/self-reviews';
import type { PortfolioState } from '../../../shared/store/state';
import type { CommitOptions } from '../../db/repository';
import { portfolioStore } from '../../db/store';

function commit(
  operation: (state: PortfolioState, context: EditContext) => EditPlan,
  options?: CommitOptions,
): Promise<EditResult> {
  return portfolioStore().commit(operation, options);
}

/** What storing cells gives: stored, or every problem (each naming its cell) and nothing stored. */
export type CellsResult =
  { readonly ok: true } | { readonly ok: false; readonly problems: readonly ActualCellProblem[] };

/** Stores `cells` of `periodId`'s actuals as one edit; refused as a whole if one cell is bad. */
export async function setActualCells(
  periodId: string,
  cells: readonly ActualCell[],
): Promise<CellsResult> {
  let refused: readonly ActualCellProblem[] | undefined;
  const result = await commit((state, context) => {
    try {
      return setActualCellsPlan(state, context, periodId, cells);
    } catch (error) {
      if (error instanceof ActualCellsError) refused = error.problems;
      throw error;
    }
  });
  if (result.ok) return { ok: true };
  return {
    ok: false,
    problems: refused ?? result.problems.map((problem) => ({ message: problem.message })),
  };
}

/** Removes an initiative's actual of a period. */
export function clearActual(initiativeId: string, periodId: string): Promise<EditResult> {
  return commit((state) => clearActualPlan(state, initiativeId, periodId));
}

/** The first reason an edit was refused, as a sentence. */
export function refusal(result: EditResult, fallback = 'The change was refused.'): string | null {
  if (result.ok) return null;
  return result.problems[0]?.message ?? fallback;
}

// ---- Self-reviews ----------------------------------------------------------------------------

export type { SelfReviewAnswerInput } from '../../../shared/store/operations/self-reviews';

/** Takes a self-review on `date`; gives its id, or why it was refused. */
export async function addSelfReview(
  date: string,
): Promise<
  { readonly ok: true; readonly id: string } | { readonly ok: false; readonly message: string }
> {
  let id: string | undefined;
  const result = await commit((state, context) => {
    const plan = selfReviews.addSelfReview(state, context, { date });
    id = plan.id;
    return plan;
  });
  if (!result.ok) return { ok: false, message: refusal(result) ?? '' };
  if (id === undefined) return { ok: false, message: 'The self-review was not taken.' };
  return { ok: true, id };
}

export function setSelfReviewAnswer(
  id: string,
  answer: selfReviews.SelfReviewAnswerInput,
  options?: CommitOptions,
): Promise<EditResult> {
  return commit((state) => selfReviews.setSelfReviewAnswer(state, id, answer), options);
}

export function updateSelfReview(
  id: string,
  patch: { readonly date?: string; readonly notes?: string },
  options?: CommitOptions,
): Promise<EditResult> {
  return commit((state) => selfReviews.updateSelfReview(state, id, patch), options);
}

export function deleteSelfReview(id: string): Promise<EditResult> {
  return commit((state) => selfReviews.deleteSelfReview(state, id));
}
