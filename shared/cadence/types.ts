/**
 * The domain model of the governance rhythm: the recurring meetings a PMO holds (cadences), each
 * meeting held (a review, with its agenda, attendance, notes and decisions), the actions a review
 * hands out, and the snapshots that freeze the portfolio as it stood when a review was held.
 *
 * Like the portfolio's entities, every record may carry `extras`: keys a reader did not know, kept
 * in their original order.
 */
import type { Extras } from '../portfolio/types';

/** The kinds of governance meeting, each with its own agenda and pack. */
export const MEETING_KINDS = [
  'portfolio-review',
  'alignment-checkpoint',
  'value-review',
  'other',
] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

export const MEETING_KIND_LABELS: Readonly<Record<MeetingKind, string>> = {
  'portfolio-review': 'Portfolio review',
  'alignment-checkpoint': 'Alignment checkpoint',
  'value-review': 'Value review',
  other: 'Meeting',
};

/**
 * Baton extension (top-level key `cadences`): a series of governance meetings. With a `rule` it
 * recurs (an RFC 5545 RRULE value, e.g. `FREQ=MONTHLY;BYDAY=+1TU`); without one it is a one-off
 * meeting. Times are wall-clock times in `timeZone`, so a 10:00 meeting stays at 10:00 across a
 * change to or from daylight saving time.
 */
export type Cadence = {
  readonly id: string;
  readonly name: string;
  readonly kind: MeetingKind;
  /** Local date and time of the first meeting, `YYYY-MM-DDTHH:mm`, in `timeZone`. */
  readonly start: string;
  /** How long each meeting lasts, in minutes (1..1440). */
  readonly durationMinutes: number;
  /** An IANA time zone name, e.g. `Europe/Berlin`. */
  readonly timeZone: string;
  /** RFC 5545 RRULE value without the `RRULE:` prefix and without DTSTART; absent: one-off. */
  readonly rule?: string;
  readonly location?: string;
  /** Who is invited, by name. */
  readonly attendees?: readonly string[];
  readonly extras?: Extras;
};

export const REVIEW_STATUSES = ['planned', 'held', 'cancelled'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

/**
 * What an agenda item is about. Items drafted from the data have one of the first kinds; the
 * facilitator's own items are `custom`.
 */
export const AGENDA_ITEM_KINDS = [
  'at-risk',
  'capacity',
  'budget',
  'measure',
  'benefit',
  'gate',
  'decisions',
  'carried',
  'actions',
  'custom',
] as const;
export type AgendaItemKind = (typeof AGENDA_ITEM_KINDS)[number];

export const AGENDA_REF_KINDS = [
  'initiative',
  'team',
  'period',
  'objective',
  'measure',
  'proposal',
  'decision',
  'action',
  'scenario',
] as const;
export type AgendaRefKind = (typeof AGENDA_REF_KINDS)[number];

/** A record an agenda item is about. The id need not exist any more. */
export type AgendaRef = {
  readonly kind: AgendaRefKind;
  readonly id: string;
  readonly extras?: Extras;
};

export const AGENDA_OUTCOMES = ['discussed', 'carried'] as const;
/** What became of an item in the meeting: discussed, or carried over to the next review. */
export type AgendaOutcome = (typeof AGENDA_OUTCOMES)[number];

export type AgendaItem = {
  readonly id: string;
  readonly kind: AgendaItemKind;
  readonly title: string;
  /** One or two sentences drafted from the data (why it is on the agenda). */
  readonly detail?: string;
  readonly refs?: readonly AgendaRef[];
  /**
   * For drafted items: what drafted it (e.g. `at-risk:ini-12`), so that refreshing the agenda
   * does not add it twice nor bring back an item the facilitator removed.
   */
  readonly source?: string;
  /** Time given to the item, in whole minutes. */
  readonly minutes?: number;
  /** Notes taken while the item was discussed. */
  readonly notes?: string;
  readonly outcome?: AgendaOutcome;
  /** Decision-log entries recorded on this item. */
  readonly decisions?: readonly string[];
  /** For a carried-over item: the review it was carried from. */
  readonly carriedFrom?: string;
  readonly extras?: Extras;
};

export type Attendee = {
  readonly name: string;
  readonly present: boolean;
  readonly extras?: Extras;
};

/**
 * Baton extension (top-level key `reviews`): one governance meeting, planned or held. A review of
 * a cadence is the occurrence on `date` (the local date of the meeting in the cadence's time zone);
 * a review without `cadenceId` is a one-off.
 */
export type Review = {
  readonly id: string;
  readonly title: string;
  readonly kind: MeetingKind;
  readonly cadenceId?: string;
  /** Local date of the meeting, `YYYY-MM-DD`. */
  readonly date: string;
  /** Local start time, `HH:mm`. */
  readonly time?: string;
  readonly status: ReviewStatus;
  readonly agenda: readonly AgendaItem[];
  /** Agenda sources the facilitator removed: a refresh does not draft them again. */
  readonly dismissed?: readonly string[];
  readonly attendance?: readonly Attendee[];
  /** The review's general notes (minutes not tied to one item). */
  readonly notes?: string;
  /** ISO date-time the review was held (marked held). */
  readonly heldAt?: string;
  /** The snapshot taken when it was held. */
  readonly snapshotId?: string;
  readonly extras?: Extras;
};

/**
 * Baton extension (top-level key `actions`): something a review asked someone to do. An open
 * action comes back on each next review's agenda until it is closed.
 */
export type ReviewAction = {
  readonly id: string;
  readonly title: string;
  readonly owner?: string;
  /** ISO date (YYYY-MM-DD) it is due. */
  readonly due?: string;
  /** The review that raised it. */
  readonly reviewId: string;
  /** The agenda item it was raised on. */
  readonly agendaItemId?: string;
  /** ISO date (YYYY-MM-DD) it was closed; absent: open. */
  readonly closedOn?: string;
  /** How it was closed (done, dropped, superseded…). */
  readonly closedNote?: string;
  readonly extras?: Extras;
};

/**
 * Baton extension (top-level key `snapshots`): the portfolio frozen when a review was held. `text`
 * is the canonical portfolio file text (as `baton` writes it, without snapshots of its own) and
 * `fingerprint` the fingerprint of that text (shared/pack/content.ts `fingerprint`). Snapshots are
 * kept apart from the live portfolio: edits never read, write or copy them.
 */
export type Snapshot = {
  readonly id: string;
  /** The review it was taken for; absent for a snapshot taken by hand. */
  readonly reviewId?: string;
  readonly label: string;
  /** ISO date-time it was taken. */
  readonly takenAt: string;
  readonly fingerprint: string;
  readonly text: string;
  readonly extras?: Extras;
};

/** A snapshot without its text: what lists show. */
export type SnapshotInfo = Omit<Snapshot, 'text'> & {
  /** The size of its text, in characters. */
  readonly size: number;
};

/** One value that differs between two portfolios. */
export type ValueChange<T> = { readonly before: T; readonly after: T };

export type InitiativeChange = {
  readonly id: string;
  readonly name: string;
  /** The name it had before, when it was renamed. */
  readonly renamed?: ValueChange<string>;
  readonly status?: ValueChange<string>;
  /** The value the scoring model (or the explicit value) gives, rounded as shown. */
  readonly value?: ValueChange<number>;
  /** Total planned spend over its active periods. */
  readonly spend?: ValueChange<number>;
  /** Total planned demand over teams and periods. */
  readonly demand?: ValueChange<number>;
};

/** An initiative that crossed the cut line of the compared scenario. */
export type CutLineMove = {
  readonly id: string;
  readonly name: string;
  readonly direction: 'in' | 'out';
  /** 1-based rank in the stack before and after (absent where it was not ranked). */
  readonly rankBefore?: number;
  readonly rankAfter?: number;
};

export type CapacityChange = {
  readonly teamId: string;
  readonly teamName: string;
  readonly periodId: string;
  readonly periodLabel: string;
  readonly change: ValueChange<number>;
};

export type BudgetChange = {
  readonly periodId: string;
  readonly periodLabel: string;
  /** undefined: no budget that period. */
  readonly change: ValueChange<number | undefined>;
};

/**
 * What changed between two portfolios (`before` → `after`). Every list is sorted for display and
 * is empty when nothing of its kind changed; `diffPortfolios(a, a)` has every list empty.
 */
export type PortfolioDiff = {
  readonly added: readonly { readonly id: string; readonly name: string }[];
  readonly removed: readonly { readonly id: string; readonly name: string }[];
  readonly changed: readonly InitiativeChange[];
  /** The scenario whose stacks were compared (by id, in both), if any. */
  readonly scenario?: { readonly id: string; readonly name: string };
  readonly cutLine: readonly CutLineMove[];
  readonly capacity: readonly CapacityChange[];
  readonly budget: readonly BudgetChange[];
  /** Decisions in `after`'s log that `before`'s has not (by id), oldest first. */
  readonly decisions: readonly {
    readonly id: string;
    readonly date: string;
    readonly title: string;
  }[];
};
