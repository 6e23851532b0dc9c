/**
 * Named edits of the governance rhythm: meeting series (cadences), reviews with their agenda,
 * attendance, notes and decisions, and the actions reviews hand out. Each is one undo step.
 */
import { draftAgenda, type DraftAgendaItem } from '../../cadence/agenda';
import {
  localDateTimeProblem,
  occurrences,
  ruleProblem,
  timeZoneProblem,
} from '../../cadence/recurrence';
import {
  AGENDA_OUTCOMES,
  MEETING_KINDS,
  type AgendaItem,
  type Attendee,
  type Cadence,
  type MeetingKind,
  type Review,
  type ReviewAction,
} from '../../cadence/types';
import { isIsoDate } from '../../intake/dates';
import { MAX_NAME_LENGTH, MAX_TEXT_LENGTH } from '../../portfolio/limits';
import type { DecisionConcern } from '../../portfolio/types';
import { change, type Change, type EditPlan } from '../changes';
import { byId, OperationError, quoted, type EditContext } from '../context';
import {
  lastOrder,
  stateToPortfolio,
  type ActionRecord,
  type CadenceRecord,
  type PortfolioState,
  type ReviewRecord,
} from '../state';
import { recordDecision, type DecisionInput } from './decisions';

/** The fields the series editor edits: all but the id and extras. */
export type CadenceInput = Omit<Cadence, 'id' | 'extras'>;

/** Which review to open: a cadence's meeting on a date, or a one-off meeting. */
export type OpenReviewInput =
  | { readonly cadenceId: string; readonly date: string }
  | {
      readonly title: string;
      readonly kind: MeetingKind;
      readonly date: string;
      readonly time?: string;
    };

/** A facilitator's own agenda item. */
export type AgendaItemInput = {
  readonly title: string;
  readonly detail?: string;
  readonly minutes?: number;
  /** Where to put it: an index into the agenda; the end when absent. */
  readonly index?: number;
};

/** What `updateAgendaItem` may change; a field given as undefined is cleared. */
export type AgendaItemPatch = {
  readonly [K in 'title' | 'detail' | 'minutes' | 'notes' | 'outcome']?: AgendaItem[K];
};

export type ActionInput = {
  readonly title: string;
  readonly owner?: string;
  readonly due?: string;
  readonly reviewId: string;
  readonly agendaItemId?: string;
};

/** What `updateAction` may change; a field given as undefined is cleared. */
export type ActionPatch = {
  readonly [K in 'title' | 'owner' | 'due' | 'closedNote']?: ReviewAction[K];
};

type WithId = EditPlan & { readonly id: string };

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

function text(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

function required(value: string, what: string, max = MAX_NAME_LENGTH): string {
  const trimmed = value.trim();
  if (!trimmed) throw new OperationError(`${what} cannot be empty.`);
  if (trimmed.length > max) {
    throw new OperationError(`${what} is too long: at most ${max} characters.`);
  }
  return trimmed;
}

function optionalText(value: string | undefined, what: string, max = MAX_TEXT_LENGTH) {
  const trimmed = text(value);
  if (trimmed !== undefined && trimmed.length > max) {
    throw new OperationError(`${what} is too long: at most ${max} characters.`);
  }
  return trimmed;
}

function date(value: string, what: string): string {
  if (!isIsoDate(value)) {
    throw new OperationError(`${what} "${value}" is not a date written YYYY-MM-DD.`);
  }
  return value;
}

function kind(value: string): MeetingKind {
  if (!(MEETING_KINDS as readonly string[]).includes(value)) {
    throw new OperationError(`"${value}" is not a kind of meeting Baton knows.`);
  }
  return value as MeetingKind;
}

function minutes(value: number, what: string, max: number): number {
  if (!Number.isInteger(value) || value < 0 || value > max) {
    throw new OperationError(`${what} must be a whole number of minutes from 0 to ${max}.`);
  }
  return value;
}

/** Names, trimmed, without empty ones; a name twice (ignoring case) is refused. */
function names(list: readonly string[], what: string): string[] {
  const seen = new Set<string>();
  const result: string[] = [];
  for (const name of list) {
    const trimmed = name.trim();
    if (!trimmed) continue;
    if (trimmed.length > MAX_NAME_LENGTH) {
      throw new OperationError(`The name ${quoted(trimmed.slice(0, 40))}… is too long.`);
    }
    const key = trimmed.toLowerCase();
    if (seen.has(key)) throw new OperationError(`${quoted(trimmed)} is listed twice in ${what}.`);
    seen.add(key);
    result.push(trimmed);
  }
  return result;
}

function cleanCadence(input: CadenceInput): Omit<Cadence, 'id' | 'extras'> {
  const name = required(input.name, 'The name of the meeting series');
  const startProblem = localDateTimeProblem(input.start);
  if (startProblem) throw new OperationError(startProblem);
  if (
    !Number.isInteger(input.durationMinutes) ||
    input.durationMinutes < 1 ||
    input.durationMinutes > 1440
  ) {
    throw new OperationError('A meeting lasts a whole number of minutes from 1 to 1440.');
  }
  const zoneProblem = timeZoneProblem(input.timeZone);
  if (zoneProblem) throw new OperationError(zoneProblem);
  const rule = text(input.rule);
  if (rule !== undefined) {
    const problem = ruleProblem(rule, input.start);
    if (problem) throw new OperationError(problem);
  }
  const location = optionalText(input.location, 'The location', MAX_NAME_LENGTH);
  const attendees = names(input.attendees ?? [], 'the attendees');
  return {
    name,
    kind: kind(input.kind),
    start: input.start,
    durationMinutes: input.durationMinutes,
    timeZone: input.timeZone,
    ...(rule !== undefined && { rule }),
    ...(location !== undefined && { location }),
    ...(attendees.length > 0 && { attendees }),
  };
}

/** Adds a meeting series. */
export function createCadence(
  state: PortfolioState,
  context: EditContext,
  input: CadenceInput,
): WithId {
  const fields = cleanCadence(input);
  const id = context.newId('cadences');
  const record: CadenceRecord = {
    id,
    ...fields,
    order: context.keys.between(lastOrder(state.cadences), null),
  };
  return {
    id,
    label: `Added the meeting series ${quoted(fields.name)}`,
    changes: [change('cadences', id, undefined, record)],
  };
}

/** Changes a meeting series (all of its editable fields; its extras stay). */
export function updateCadence(state: PortfolioState, id: string, input: CadenceInput): EditPlan {
  const cadence = byId(state.cadences, id, 'Meeting series');
  const fields = cleanCadence(input);
  const after: CadenceRecord = {
    id,
    ...fields,
    ...(cadence.extras !== undefined && { extras: cadence.extras }),
    order: cadence.order,
  };
  return {
    label: `Changed the meeting series ${quoted(fields.name)}`,
    changes: [change('cadences', id, cadence, after)],
  };
}

/** The changes that delete a review and the actions it raised. */
function deleteReviewChanges(state: PortfolioState, review: ReviewRecord): Change[] {
  return [
    change('reviews', review.id, review, undefined),
    ...state.actions
      .filter((action) => action.reviewId === review.id)
      .map((action) => change('actions', action.id, action, undefined)),
  ];
}

/**
 * Deletes a series: its planned and cancelled reviews go (with the actions they raised), held
 * ones stay as one-off reviews.
 */
export function deleteCadence(state: PortfolioState, id: string): EditPlan {
  const cadence = byId(state.cadences, id, 'Meeting series');
  const changes: Change[] = [change('cadences', id, cadence, undefined)];
  for (const review of state.reviews) {
    if (review.cadenceId !== id) continue;
    if (review.status === 'held') {
      const { cadenceId: _gone, ...kept } = review;
      void _gone;
      changes.push(change('reviews', review.id, review, kept));
    } else changes.push(...deleteReviewChanges(state, review));
  }
  return { label: `Deleted the meeting series ${quoted(cadence.name)}`, changes };
}

/** The next free agenda item id of a review: item-1, item-2, … */
function itemIds(agenda: readonly AgendaItem[]): () => string {
  let next = 1;
  for (const item of agenda) {
    const match = /^item-(\d+)$/.exec(item.id);
    if (match) next = Math.max(next, Number(match[1]) + 1);
  }
  return () => `item-${next++}`;
}

function withIds(drafted: readonly DraftAgendaItem[], nextId: () => string): AgendaItem[] {
  return drafted.map((item) => ({ id: nextId(), ...item }));
}

function reviewOf(state: PortfolioState, reviewId: string): ReviewRecord {
  return byId(state.reviews, reviewId, 'Review');
}

function notHeld(review: Review, what: string): void {
  if (review.status === 'held') {
    throw new OperationError(`${quoted(review.title)} was held: ${what}`);
  }
}

/**
 * The review for a cadence's meeting on a date, or a one-off review: created with a drafted
 * agenda and the cadence's attendees (none marked present yet). A cadence's review that already
 * exists is returned with no changes.
 */
export function openReview(
  state: PortfolioState,
  context: EditContext,
  input: OpenReviewInput,
  today: string,
): WithId {
  let fields: Omit<Review, 'id' | 'agenda' | 'status'>;
  if ('cadenceId' in input) {
    const cadence = byId(state.cadences, input.cadenceId, 'Meeting series');
    const on = date(input.date, 'The meeting date');
    const existing = state.reviews.find(
      (review) => review.cadenceId === cadence.id && review.date === on,
    );
    if (existing) {
      return { id: existing.id, label: `Opened ${quoted(existing.title)}`, changes: [] };
    }
    const occurrence = occurrences(cadence, on, on, 1)[0];
    if (!occurrence) {
      throw new OperationError(`${quoted(cadence.name)} has no meeting on ${on}.`);
    }
    fields = {
      title: cadence.name,
      kind: cadence.kind,
      cadenceId: cadence.id,
      date: on,
      time: occurrence.time,
      ...(cadence.attendees !== undefined &&
        cadence.attendees.length > 0 && {
          attendance: cadence.attendees.map((name) => ({ name, present: false })),
        }),
    };
  } else {
    if (input.time !== undefined && !TIME.test(input.time)) {
      throw new OperationError(`"${input.time}" is not a time written HH:mm.`);
    }
    fields = {
      title: required(input.title, 'The title of the meeting'),
      kind: kind(input.kind),
      date: date(input.date, 'The meeting date'),
      ...(input.time !== undefined && { time: input.time }),
    };
  }
  const id = context.newId('reviews');
  const planned: Review = { id, ...fields, status: 'planned', agenda: [] };
  const drafted = draftAgenda({ portfolio: stateToPortfolio(state), review: planned, today });
  const record: ReviewRecord = {
    ...planned,
    agenda: withIds(drafted, itemIds([])),
    order: context.keys.between(lastOrder(state.reviews), null),
  };
  return {
    id,
    label: `Opened the review ${quoted(record.title)} of ${record.date}`,
    changes: [change('reviews', id, undefined, record)],
  };
}

/**
 * Adds the drafted items the agenda lacks (neither present nor dismissed), at its end; removes
 * none. A held review's agenda is its record and is not refreshed.
 */
export function refreshAgenda(
  state: PortfolioState,
  context: EditContext,
  reviewId: string,
  today: string,
): EditPlan {
  void context;
  const review = reviewOf(state, reviewId);
  notHeld(review, 'its agenda is the record of the meeting and is not refreshed.');
  const known = new Set([
    ...review.agenda.flatMap((item) => (item.source !== undefined ? [item.source] : [])),
    ...(review.dismissed ?? []),
  ]);
  const drafted = draftAgenda({ portfolio: stateToPortfolio(state), review, today });
  const fresh = drafted.filter((item) => !known.has(item.source));
  // The open actions and the decisions since the last review are one item each: bring their
  // text and links up to date, keeping the facilitator's minutes, notes and outcome.
  const latest = new Map(
    drafted
      .filter((item) => item.kind === 'actions' || item.kind === 'decisions')
      .map((item) => [item.source, item]),
  );
  let updated = 0;
  const kept = review.agenda.map((item) => {
    const now = item.source === undefined ? undefined : latest.get(item.source);
    if (!now || (now.title === item.title && now.detail === item.detail && sameRefs(now, item))) {
      return item;
    }
    updated += 1;
    const { detail: _detail, refs: _refs, ...rest } = item;
    return {
      ...rest,
      title: now.title,
      ...(now.detail !== undefined && { detail: now.detail }),
      ...(now.refs !== undefined && { refs: now.refs }),
    };
  });
  if (fresh.length === 0 && updated === 0) {
    return { label: `The agenda of ${quoted(review.title)} is up to date`, changes: [] };
  }
  const after: ReviewRecord = {
    ...review,
    agenda: [...kept, ...withIds(fresh, itemIds(review.agenda))],
  };
  const parts = [
    fresh.length > 0 && `${fresh.length} new ${fresh.length === 1 ? 'item' : 'items'}`,
    updated > 0 && `${updated} brought up to date`,
  ].filter((part): part is string => typeof part === 'string');
  return {
    label: `Refreshed the agenda of ${quoted(review.title)}: ${parts.join(', ')}`,
    changes: [change('reviews', reviewId, review, after)],
  };
}

function sameRefs(a: Pick<AgendaItem, 'refs'>, b: Pick<AgendaItem, 'refs'>): boolean {
  const text = (item: Pick<AgendaItem, 'refs'>) =>
    (item.refs ?? []).map((ref) => `${ref.kind}:${ref.id}`).join(',');
  return text(a) === text(b);
}

function itemIndex(review: Review, itemId: string): number {
  const index = review.agenda.findIndex((item) => item.id === itemId);
  if (index < 0) throw new OperationError(`Agenda item "${itemId}" no longer exists.`);
  return index;
}

function withAgenda(review: ReviewRecord, agenda: readonly AgendaItem[]): ReviewRecord {
  return { ...review, agenda };
}

/** Adds a facilitator's item to the agenda. */
export function addAgendaItem(
  state: PortfolioState,
  context: EditContext,
  reviewId: string,
  input: AgendaItemInput,
): WithId {
  void context;
  const review = reviewOf(state, reviewId);
  const id = itemIds(review.agenda)();
  const detail = optionalText(input.detail, 'The detail');
  const item: AgendaItem = {
    id,
    kind: 'custom',
    title: required(input.title, 'The title of the agenda item'),
    ...(detail !== undefined && { detail }),
    ...(input.minutes !== undefined && { minutes: minutes(input.minutes, 'Its time', 1440) }),
  };
  const agenda = [...review.agenda];
  const at =
    input.index === undefined
      ? agenda.length
      : Math.max(0, Math.min(agenda.length, Math.floor(input.index)));
  agenda.splice(at, 0, item);
  return {
    id,
    label: `Added ${quoted(item.title)} to the agenda of ${quoted(review.title)}`,
    changes: [change('reviews', reviewId, review, withAgenda(review, agenda))],
  };
}

/** Changes an agenda item's title, detail, minutes, notes or outcome. */
export function updateAgendaItem(
  state: PortfolioState,
  reviewId: string,
  itemId: string,
  patch: AgendaItemPatch,
): EditPlan {
  const review = reviewOf(state, reviewId);
  const index = itemIndex(review, itemId);
  const item = review.agenda[index]!;
  let next: Record<string, unknown> = { ...item };
  const set = (key: keyof AgendaItemPatch, value: unknown) => {
    if (value === undefined) {
      const { [key]: _gone, ...rest } = next;
      void _gone;
      next = rest;
    } else next = { ...next, [key]: value };
  };
  if ('title' in patch) {
    set('title', required(patch.title ?? '', 'The title of the agenda item'));
  }
  if ('detail' in patch) set('detail', optionalText(patch.detail, 'The detail'));
  if ('notes' in patch) set('notes', optionalText(patch.notes, 'The notes'));
  if ('minutes' in patch) {
    set(
      'minutes',
      patch.minutes === undefined ? undefined : minutes(patch.minutes, 'Its time', 1440),
    );
  }
  if ('outcome' in patch) {
    if (patch.outcome !== undefined && !AGENDA_OUTCOMES.includes(patch.outcome)) {
      throw new OperationError(`"${String(patch.outcome)}" is not an outcome of an agenda item.`);
    }
    set('outcome', patch.outcome);
  }
  const agenda = review.agenda.map((entry, at) => (at === index ? (next as AgendaItem) : entry));
  return {
    label: `Changed ${quoted(String(next.title))} on the agenda of ${quoted(review.title)}`,
    changes: [change('reviews', reviewId, review, withAgenda(review, agenda))],
  };
}

/** Removes an item; a drafted item's source is remembered so a refresh does not bring it back. */
export function removeAgendaItem(
  state: PortfolioState,
  reviewId: string,
  itemId: string,
): EditPlan {
  const review = reviewOf(state, reviewId);
  const index = itemIndex(review, itemId);
  const item = review.agenda[index]!;
  const dismissed =
    item.source !== undefined && !(review.dismissed ?? []).includes(item.source)
      ? [...(review.dismissed ?? []), item.source]
      : review.dismissed;
  const after: ReviewRecord = {
    ...review,
    agenda: review.agenda.filter((_, at) => at !== index),
    ...(dismissed !== undefined && { dismissed }),
  };
  return {
    label: `Removed ${quoted(item.title)} from the agenda of ${quoted(review.title)}`,
    changes: [change('reviews', reviewId, review, after)],
  };
}

/** Moves an item to `toIndex` (clamped to the agenda). */
export function moveAgendaItem(
  state: PortfolioState,
  reviewId: string,
  itemId: string,
  toIndex: number,
): EditPlan {
  const review = reviewOf(state, reviewId);
  const index = itemIndex(review, itemId);
  const agenda = [...review.agenda];
  const [item] = agenda.splice(index, 1);
  const to = Math.max(0, Math.min(agenda.length, Math.floor(toIndex)));
  agenda.splice(to, 0, item!);
  return {
    label: `Moved ${quoted(item!.title)} on the agenda of ${quoted(review.title)}`,
    changes: [change('reviews', reviewId, review, withAgenda(review, agenda))],
  };
}

/** Sets who was invited and who came (empty names are left out; a name twice is refused). */
export function setAttendance(
  state: PortfolioState,
  reviewId: string,
  attendance: readonly Attendee[],
): EditPlan {
  const review = reviewOf(state, reviewId);
  const kept = names(
    attendance.map((entry) => entry.name),
    'the attendance',
  );
  const byName = new Map(attendance.map((entry) => [entry.name.trim(), entry]));
  const list: Attendee[] = kept.map((name) => {
    const entry = byName.get(name)!;
    return {
      name,
      present: entry.present,
      ...(entry.extras !== undefined && { extras: entry.extras }),
    };
  });
  const { attendance: _old, ...rest } = review;
  void _old;
  const after: ReviewRecord = { ...rest, ...(list.length > 0 && { attendance: list }) };
  return {
    label: `Changed the attendance of ${quoted(review.title)}`,
    changes: [change('reviews', reviewId, review, after)],
  };
}

/** Sets the review's general notes (empty clears them). */
export function setReviewNotes(state: PortfolioState, reviewId: string, notes: string): EditPlan {
  const review = reviewOf(state, reviewId);
  const kept = optionalText(notes, 'The notes');
  const { notes: _old, ...rest } = review;
  void _old;
  const after: ReviewRecord = { ...rest, ...(kept !== undefined && { notes: kept }) };
  return {
    label: `Changed the notes of ${quoted(review.title)}`,
    changes: [change('reviews', reviewId, review, after)],
  };
}

/**
 * Records a decision taken in the review (kind `review`), about the review and the initiatives,
 * objectives and scenarios the item is about; the item lists the decision.
 */
export function recordReviewDecision(
  state: PortfolioState,
  context: EditContext,
  reviewId: string,
  itemId: string | undefined,
  input: DecisionInput,
): WithId {
  const review = reviewOf(state, reviewId);
  const index = itemId === undefined ? undefined : itemIndex(review, itemId);
  const item = index === undefined ? undefined : review.agenda[index];
  const concerns: DecisionConcern[] = [];
  const add = (concern: DecisionConcern) => {
    if (!concerns.some((known) => known.kind === concern.kind && known.id === concern.id)) {
      concerns.push({ kind: concern.kind, id: concern.id });
    }
  };
  add({ kind: 'review', id: review.id });
  for (const ref of item?.refs ?? []) {
    if (ref.kind === 'initiative' || ref.kind === 'objective' || ref.kind === 'scenario') {
      add({ kind: ref.kind, id: ref.id });
    }
  }
  for (const concern of input.concerns ?? []) add(concern);
  const recorded = recordDecision(state, context, { ...input, kind: 'review', concerns });
  const changes: Change[] = [...recorded.changes];
  if (item && index !== undefined) {
    const agenda = review.agenda.map((entry, at) =>
      at === index ? { ...entry, decisions: [...(entry.decisions ?? []), recorded.id] } : entry,
    );
    changes.push(change('reviews', reviewId, review, withAgenda(review, agenda)));
  }
  return {
    id: recorded.id,
    label: `${recorded.label} in ${quoted(review.title)}`,
    changes,
  };
}

/** Adds an action raised in a review (on one of its items, when given). */
export function addAction(state: PortfolioState, context: EditContext, input: ActionInput): WithId {
  const review = reviewOf(state, input.reviewId);
  if (input.agendaItemId !== undefined) itemIndex(review, input.agendaItemId);
  const title = required(input.title, 'The action');
  const owner = optionalText(input.owner, 'The owner', MAX_NAME_LENGTH);
  const due =
    input.due === undefined || input.due === '' ? undefined : date(input.due, 'The due date');
  const id = context.newId('actions');
  const record: ActionRecord = {
    id,
    title,
    ...(owner !== undefined && { owner }),
    ...(due !== undefined && { due }),
    reviewId: review.id,
    ...(input.agendaItemId !== undefined && { agendaItemId: input.agendaItemId }),
    order: context.keys.between(lastOrder(state.actions), null),
  };
  return {
    id,
    label: `Added the action ${quoted(title)}`,
    changes: [change('actions', id, undefined, record)],
  };
}

/** Changes an action's title, owner, due date or closing note. */
export function updateAction(state: PortfolioState, id: string, patch: ActionPatch): EditPlan {
  const action = byId(state.actions, id, 'Action');
  let next: Record<string, unknown> = { ...action };
  const set = (key: keyof ActionPatch, value: unknown) => {
    if (value === undefined) {
      const { [key]: _gone, ...rest } = next;
      void _gone;
      next = rest;
    } else next = { ...next, [key]: value };
  };
  if ('title' in patch) set('title', required(patch.title ?? '', 'The action'));
  if ('owner' in patch) set('owner', optionalText(patch.owner, 'The owner', MAX_NAME_LENGTH));
  if ('due' in patch) {
    set(
      'due',
      patch.due === undefined || patch.due === '' ? undefined : date(patch.due, 'The due date'),
    );
  }
  if ('closedNote' in patch) set('closedNote', optionalText(patch.closedNote, 'The note'));
  return {
    label: `Changed the action ${quoted(String(next.title))}`,
    changes: [change('actions', id, action, next as ActionRecord)],
  };
}

/** Closes an action on a date, with how it was closed. */
export function closeAction(
  state: PortfolioState,
  id: string,
  closedOn: string,
  note?: string,
): EditPlan {
  const action = byId(state.actions, id, 'Action');
  const closedNote = optionalText(note, 'The note');
  const { closedNote: _old, ...rest } = action;
  void _old;
  const after: ActionRecord = {
    ...rest,
    closedOn: date(closedOn, 'The closing date'),
    ...(closedNote !== undefined && { closedNote }),
  };
  return {
    label: `Closed the action ${quoted(action.title)}`,
    changes: [change('actions', id, action, after)],
  };
}

/** Opens a closed action again (its closing date and note go). */
export function reopenAction(state: PortfolioState, id: string): EditPlan {
  const action = byId(state.actions, id, 'Action');
  const { closedOn: _on, closedNote: _note, ...rest } = action;
  void [_on, _note];
  return {
    label: `Reopened the action ${quoted(action.title)}`,
    changes: [change('actions', id, action, rest)],
  };
}

/** Marks a review held (items without an outcome become `discussed`), with its snapshot. */
export function holdReview(
  state: PortfolioState,
  reviewId: string,
  heldAt: string,
  snapshotId?: string,
): EditPlan {
  const review = reviewOf(state, reviewId);
  if (review.status === 'held')
    throw new OperationError(`${quoted(review.title)} was already held.`);
  if (review.status === 'cancelled') {
    throw new OperationError(`${quoted(review.title)} was cancelled: reinstate it first.`);
  }
  if (Number.isNaN(Date.parse(heldAt))) {
    throw new OperationError(`"${heldAt}" is not a date and time.`);
  }
  const after: ReviewRecord = {
    ...review,
    status: 'held',
    heldAt,
    ...(snapshotId !== undefined && { snapshotId }),
    agenda: review.agenda.map((item) =>
      item.outcome === undefined ? { ...item, outcome: 'discussed' as const } : item,
    ),
  };
  return {
    label: `Held ${quoted(review.title)} of ${review.date}`,
    changes: [change('reviews', reviewId, review, after)],
  };
}

/** Cancels a planned review (it stays on the calendar, marked cancelled). */
export function cancelReview(state: PortfolioState, reviewId: string): EditPlan {
  const review = reviewOf(state, reviewId);
  notHeld(review, 'a held meeting cannot be cancelled.');
  if (review.status === 'cancelled') {
    throw new OperationError(`${quoted(review.title)} is already cancelled.`);
  }
  return {
    label: `Cancelled ${quoted(review.title)} of ${review.date}`,
    changes: [change('reviews', reviewId, review, { ...review, status: 'cancelled' })],
  };
}

/** A cancelled review is planned again. */
export function reinstateReview(state: PortfolioState, reviewId: string): EditPlan {
  const review = reviewOf(state, reviewId);
  if (review.status !== 'cancelled') {
    throw new OperationError(`${quoted(review.title)} is not cancelled.`);
  }
  return {
    label: `Reinstated ${quoted(review.title)} of ${review.date}`,
    changes: [change('reviews', reviewId, review, { ...review, status: 'planned' })],
  };
}

/**
 * Deletes a planned or cancelled review, with the actions raised in it (a held review stays: it
 * is the record).
 */
export function deleteReview(state: PortfolioState, reviewId: string): EditPlan {
  const review = reviewOf(state, reviewId);
  notHeld(review, 'a held review is the record of the meeting and cannot be deleted.');
  return {
    label: `Deleted the review ${quoted(review.title)} of ${review.date}`,
    changes: deleteReviewChanges(state, review),
  };
}
