/**
 * The edits of the Cadence area: one function per named operation of
 * shared/store/operations/reviews.ts, each committed through the store (checked, stored, in the
 * change history, undone with Ctrl+Z), as renderer/db/edits.ts does for the other areas.
 */
import type { Attendee } from '../../../shared/cadence/types';
import type { EditPlan, EditResult } from '../../../shared/store/changes';
import type { EditContext } from '../../../shared/store/context';
import type { DecisionInput } from '../../../shared/store/operations/decisions';
import * as reviews from '../../../shared/store/operations/reviews';
import type { PortfolioState } from '../../../shared/store/state';
import type { CommitOptions } from '../../db/repository';
import { portfolioStore } from '../../db/store';

export type {
  ActionInput,
  ActionPatch,
  AgendaItemInput,
  AgendaItemPatch,
  CadenceInput,
  OpenReviewInput,
} from '../../../shared/store/operations/reviews';

/** What an edit that creates a record gives: its id, or why it was refused. */
export type Created =
  { readonly ok: true; readonly id: string } | { readonly ok: false; readonly message: string };

function commit(
  operation: (state: PortfolioState, context: EditContext) => EditPlan,
  options?: CommitOptions,
): Promise<EditResult> {
  return portfolioStore().commit(operation, options);
}

/** The first reason an edit was refused, as a sentence. */
export function refusal(result: EditResult, fallback = 'The change was refused.'): string | null {
  if (result.ok) return null;
  return result.problems[0]?.message ?? fallback;
}

async function created(
  operation: (state: PortfolioState, context: EditContext) => EditPlan & { readonly id: string },
): Promise<Created> {
  let id: string | undefined;
  const result = await commit((state, context) => {
    const plan = operation(state, context);
    id = plan.id;
    return plan;
  });
  if (!result.ok) return { ok: false, message: refusal(result) ?? '' };
  if (id === undefined) return { ok: false, message: 'The change was not planned.' };
  return { ok: true, id };
}

// ---- Meeting series --------------------------------------------------------------------------

export function createCadence(input: reviews.CadenceInput): Promise<Created> {
  return created((state, context) => reviews.createCadence(state, context, input));
}

export function updateCadence(id: string, input: reviews.CadenceInput): Promise<EditResult> {
  return commit((state) => reviews.updateCadence(state, id, input));
}

export function deleteCadence(id: string): Promise<EditResult> {
  return commit((state) => reviews.deleteCadence(state, id));
}

// ---- Reviews ---------------------------------------------------------------------------------

/** The review of a meeting, made (with its drafted agenda) the first time it is opened. */
export function openReview(input: reviews.OpenReviewInput, today: string): Promise<Created> {
  return created((state, context) => reviews.openReview(state, context, input, today));
}

export function refreshAgenda(reviewId: string, today: string): Promise<EditResult> {
  return commit((state, context) => reviews.refreshAgenda(state, context, reviewId, today));
}

export function addAgendaItem(reviewId: string, input: reviews.AgendaItemInput): Promise<Created> {
  return created((state, context) => reviews.addAgendaItem(state, context, reviewId, input));
}

/** Changes an item; typing into one field of one item with `mergeKey` is one undo step. */
export function updateAgendaItem(
  reviewId: string,
  itemId: string,
  patch: reviews.AgendaItemPatch,
  options?: CommitOptions,
): Promise<EditResult> {
  return commit((state) => reviews.updateAgendaItem(state, reviewId, itemId, patch), options);
}

export function removeAgendaItem(reviewId: string, itemId: string): Promise<EditResult> {
  return commit((state) => reviews.removeAgendaItem(state, reviewId, itemId));
}

export function moveAgendaItem(
  reviewId: string,
  itemId: string,
  toIndex: number,
): Promise<EditResult> {
  return commit((state) => reviews.moveAgendaItem(state, reviewId, itemId, toIndex));
}

export function setAttendance(
  reviewId: string,
  attendance: readonly Attendee[],
): Promise<EditResult> {
  return commit((state) => reviews.setAttendance(state, reviewId, attendance));
}

export function setReviewNotes(
  reviewId: string,
  notes: string,
  options?: CommitOptions,
): Promise<EditResult> {
  return commit((state) => reviews.setReviewNotes(state, reviewId, notes), options);
}

export function recordReviewDecision(
  reviewId: string,
  itemId: string | undefined,
  input: DecisionInput,
): Promise<Created> {
  return created((state, context) =>
    reviews.recordReviewDecision(state, context, reviewId, itemId, input),
  );
}

export function holdReview(
  reviewId: string,
  heldAt: string,
  snapshotId?: string,
): Promise<EditResult> {
  return commit((state) => reviews.holdReview(state, reviewId, heldAt, snapshotId));
}

export function cancelReview(reviewId: string): Promise<EditResult> {
  return commit((state) => reviews.cancelReview(state, reviewId));
}

export function reinstateReview(reviewId: string): Promise<EditResult> {
  return commit((state) => reviews.reinstateReview(state, reviewId));
}

export function deleteReview(reviewId: string): Promise<EditResult> {
  return commit((state) => reviews.deleteReview(state, reviewId));
}

// ---- Actions ---------------------------------------------------------------------------------

export function addAction(input: reviews.ActionInput): Promise<Created> {
  return created((state, context) => reviews.addAction(state, context, input));
}

export function updateAction(
  id: string,
  patch: reviews.ActionPatch,
  options?: CommitOptions,
): Promise<EditResult> {
  return commit((state) => reviews.updateAction(state, id, patch), options);
}

export function closeAction(id: string, closedOn: string, note?: string): Promise<EditResult> {
  return commit((state) => reviews.closeAction(state, id, closedOn, note));
}

export function reopenAction(id: string): Promise<EditResult> {
  return commit((state) => reviews.reopenAction(state, id));
}
