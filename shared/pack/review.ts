/**
 * A pack made for a review: the context its renderers are handed (the review, the previous held
 * review and the portfolio its snapshot froze, the actions), and the minutes section's content
 * (attendance, the agenda with notes and outcomes, decisions recorded, actions raised and the
 * open actions carried from earlier reviews). Pure: the caller finds the snapshot.
 */
import { previousHeldReview } from '../cadence/calendar';
import { openSnapshot } from '../cadence/snapshot';
import {
  MEETING_KIND_LABELS,
  type Review,
  type ReviewAction,
  type ReviewStatus,
  type Snapshot,
} from '../cadence/types';
import type { Portfolio } from '../portfolio/types';
import { reviewName } from './changes';
import { DECISION_KIND_LABEL } from './content';
import type { PackReviewContext } from './types';

/**
 * The actions a review's minutes list: those raised at it, and those raised at an earlier review
 * (dated before it) that were still open on its date (not closed, or closed on or after it).
 */
export function reviewActions(portfolio: Portfolio, review: Review): ReviewAction[] {
  const dates = new Map((portfolio.reviews ?? []).map((item) => [item.id, item.date]));
  return (portfolio.actions ?? []).filter((action) => {
    if (action.reviewId === review.id) return true;
    const raised = dates.get(action.reviewId);
    if (raised === undefined || raised >= review.date) return false;
    return action.closedOn === undefined || action.closedOn >= review.date;
  });
}

/** Each snapshot opened once: a live preview asks for the same snapshot at every edit. */
const OPENED = new WeakMap<Snapshot, ReturnType<typeof openSnapshot>>();

function openedOnce(snapshot: Snapshot): ReturnType<typeof openSnapshot> {
  let result = OPENED.get(snapshot);
  if (!result) {
    result = openSnapshot(snapshot);
    OPENED.set(snapshot, result);
  }
  return result;
}

/**
 * The context of a pack for the review `reviewId`: the review, the previous held review and the
 * portfolio its snapshot froze (`snapshot` finds a snapshot by id: the file's, or the app's
 * store), and the actions. A snapshot that is missing or cannot be opened is a sentence in
 * `baselineProblem`, never an error: the pack is still made, saying why it cannot compare.
 */
export function reviewPackContext(
  portfolio: Portfolio,
  reviewId: string,
  snapshot: (id: string) => Snapshot | undefined,
):
  | { readonly ok: true; readonly context: PackReviewContext }
  | {
      readonly ok: false;
      readonly error: string;
    } {
  const review = (portfolio.reviews ?? []).find((item) => item.id === reviewId);
  if (!review) return { ok: false, error: `There is no review "${reviewId}" in the portfolio.` };
  const actions = reviewActions(portfolio, review);
  const previous = previousHeldReview(portfolio, review);
  if (!previous) return { ok: true, context: { review, actions } };
  const base = { review, previous, actions };
  const named = reviewName(previous);
  if (previous.snapshotId === undefined) {
    return {
      ok: true,
      context: {
        ...base,
        baselineProblem: `The last review, ${named}, kept no snapshot of the portfolio: there is nothing to compare with.`,
      },
    };
  }
  const found = snapshot(previous.snapshotId);
  if (!found) {
    return {
      ok: true,
      context: {
        ...base,
        baselineProblem: `The snapshot of the last review, ${named}, is not in this portfolio (it may have been left out of the file): there is nothing to compare with.`,
      },
    };
  }
  const opened = openedOnce(found);
  if (!opened.ok) {
    return {
      ok: true,
      context: {
        ...base,
        baselineProblem: `The snapshot of the last review, ${named}, cannot be opened: ${opened.message}`,
      },
    };
  }
  const own =
    review.status === 'held' && review.snapshotId !== undefined
      ? snapshot(review.snapshotId)
      : undefined;
  const ownOpened = own && openedOnce(own);
  return {
    ok: true,
    context: {
      ...base,
      baseline: opened.portfolio,
      baselineTakenAt: found.takenAt,
      ...(own && ownOpened?.ok && { held: ownOpened.portfolio, heldTakenAt: own.takenAt }),
    },
  };
}

export type MinutesDecision = {
  readonly id: string;
  readonly date: string;
  readonly kindLabel: string;
  readonly title: string;
  readonly decision: string;
  readonly rationale?: string;
  readonly decidedBy?: string;
  /** The agenda item it was recorded on ("2. Capacity: Platform in Q1"). */
  readonly item?: string;
};

export type MinutesAction = {
  readonly id: string;
  readonly title: string;
  readonly owner?: string;
  readonly due?: string;
  /** "Open", "Closed on 2026-12-03" (with its note). */
  readonly state: string;
  readonly open: boolean;
  /** Open and due before the pack's date. */
  readonly overdue: boolean;
  /** The agenda item it was raised on, for an action of this review. */
  readonly item?: string;
  /** The review that raised it, for one carried from an earlier review. */
  readonly raisedAt?: string;
};

export type MinutesItem = {
  readonly id: string;
  /** 1-based place on the agenda. */
  readonly number: number;
  readonly title: string;
  readonly detail?: string;
  readonly minutes?: number;
  readonly notes?: string;
  /** "Discussed", "Carried to the next review", or "" when not recorded. */
  readonly outcome: string;
  /** Titles of the decisions recorded on the item. */
  readonly decisions: readonly string[];
  /** Titles of the actions raised on the item. */
  readonly actions: readonly string[];
};

export type ReviewMinutes = {
  readonly title: string;
  readonly kindLabel: string;
  readonly date: string;
  readonly time?: string;
  readonly status: ReviewStatus;
  /** The opening paragraph, with the numbers. */
  readonly lead: string;
  readonly present: readonly string[];
  readonly absent: readonly string[];
  readonly items: readonly MinutesItem[];
  /** The agenda's minutes added up (items without a time count nothing). */
  readonly totalMinutes: number;
  readonly notes?: string;
  readonly decisions: readonly MinutesDecision[];
  readonly raised: readonly MinutesAction[];
  readonly carried: readonly MinutesAction[];
};

const OUTCOME_LABEL = { discussed: 'Discussed', carried: 'Carried to the next review' } as const;

function count(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;
}

function actionOf(
  action: ReviewAction,
  packDate: string,
  extra: Pick<MinutesAction, 'item' | 'raisedAt'>,
): MinutesAction {
  const open = action.closedOn === undefined;
  const note = action.closedNote?.trim();
  const owner = action.owner?.trim();
  return {
    id: action.id,
    title: action.title,
    ...(owner ? { owner } : {}),
    ...(action.due !== undefined && { due: action.due }),
    state: open ? 'Open' : `Closed on ${action.closedOn}${note ? ` (${note})` : ''}`,
    open,
    overdue: open && action.due !== undefined && action.due < packDate,
    ...extra,
  };
}

/** The minutes of the pack's review, as of the pack's date `packDate` (for overdue actions). */
export function reviewMinutes(
  portfolio: Portfolio,
  context: PackReviewContext,
  packDate: string,
): ReviewMinutes {
  const { review } = context;
  const itemLabel = new Map(
    review.agenda.map((item, index) => [item.id, `${index + 1}. ${item.title}`]),
  );
  const log = portfolio.decisions ?? [];
  const onItem = new Map<string, string>();
  for (const item of review.agenda) {
    for (const id of item.decisions ?? []) if (!onItem.has(id)) onItem.set(id, item.id);
  }
  const decided = log.filter(
    (decision) =>
      onItem.has(decision.id) ||
      (decision.concerns ?? []).some(
        (concern) => concern.kind === 'review' && concern.id === review.id,
      ),
  );
  const decisionTitle = new Map(log.map((decision) => [decision.id, decision.title]));
  const decisions: MinutesDecision[] = decided.map((decision) => {
    const item = onItem.get(decision.id);
    const rationale = decision.rationale?.trim();
    const decidedBy = decision.decidedBy?.trim();
    const label = item === undefined ? undefined : itemLabel.get(item);
    return {
      id: decision.id,
      date: decision.date,
      kindLabel: DECISION_KIND_LABEL[decision.kind] ?? decision.kind,
      title: decision.title,
      decision: decision.decision.trim(),
      ...(rationale ? { rationale } : {}),
      ...(decidedBy ? { decidedBy } : {}),
      ...(label !== undefined && { item: label }),
    };
  });
  const reviews = new Map((portfolio.reviews ?? []).map((item) => [item.id, item]));
  const raised = context.actions
    .filter((action) => action.reviewId === review.id)
    .map((action) => {
      const item =
        action.agendaItemId === undefined ? undefined : itemLabel.get(action.agendaItemId);
      return actionOf(action, packDate, item === undefined ? {} : { item });
    });
  const carried = context.actions
    .filter((action) => action.reviewId !== review.id)
    .map((action) => {
      const from = reviews.get(action.reviewId);
      return actionOf(action, packDate, from ? { raisedAt: reviewName(from) } : {});
    })
    // Due first (soonest first), undated last, as the open-actions list orders them.
    .sort((a, b) =>
      a.due === b.due
        ? 0
        : a.due === undefined
          ? 1
          : b.due === undefined
            ? -1
            : a.due < b.due
              ? -1
              : 1,
    );
  const items: MinutesItem[] = review.agenda.map((item, index) => {
    const notes = item.notes?.trim();
    const detail = item.detail?.trim();
    return {
      id: item.id,
      number: index + 1,
      title: item.title,
      ...(detail ? { detail } : {}),
      ...(item.minutes !== undefined && { minutes: item.minutes }),
      ...(notes ? { notes } : {}),
      outcome: item.outcome ? OUTCOME_LABEL[item.outcome] : '',
      decisions: (item.decisions ?? []).map((id) => decisionTitle.get(id) ?? id),
      actions: context.actions
        .filter((action) => action.reviewId === review.id && action.agendaItemId === item.id)
        .map((action) => action.title),
    };
  });
  const attendance = review.attendance ?? [];
  const present = attendance.filter((person) => person.present).map((person) => person.name);
  const absent = attendance.filter((person) => !person.present).map((person) => person.name);
  const openCarried = carried.filter((action) => action.open).length;
  const at = review.time ? ` at ${review.time}` : '';
  const parts: string[] = [];
  if (review.status === 'held') {
    parts.push(
      `Held on ${review.date}${at}${
        attendance.length > 0
          ? `, ${present.length} of ${count(attendance.length, 'invitee')} present`
          : ''
      }.`,
      `${count(items.length, 'agenda item')}, ${count(decisions.length, 'decision')} recorded and ${count(raised.length, 'action')} raised.`,
    );
  } else if (review.status === 'cancelled') {
    parts.push(`Planned for ${review.date}${at} and cancelled: no minutes were taken.`);
  } else {
    parts.push(
      `Planned for ${review.date}${at}: the agenda as it stands. The minutes follow once the review is held.`,
    );
  }
  const held = review.status === 'held';
  parts.push(
    carried.length === 0
      ? `No action ${held ? 'was' : 'is'} open from earlier reviews.`
      : !held
        ? `${count(carried.length, 'action')} from earlier reviews ${carried.length === 1 ? 'is' : 'are'} open.`
        : `${count(carried.length, 'action')} from earlier reviews ${carried.length === 1 ? 'was' : 'were'} open on the day${
            openCarried < carried.length
              ? `, ${openCarried.toLocaleString('en-GB')} of them still open`
              : ''
          }.`,
  );
  const notes = review.notes?.trim();
  return {
    title: review.title,
    kindLabel: MEETING_KIND_LABELS[review.kind] ?? review.kind,
    date: review.date,
    ...(review.time !== undefined && { time: review.time }),
    status: review.status,
    lead: parts.join(' '),
    present,
    absent,
    items,
    totalMinutes: items.reduce((sum, item) => sum + (item.minutes ?? 0), 0),
    ...(notes ? { notes } : {}),
    decisions,
    raised,
    carried,
  };
}
