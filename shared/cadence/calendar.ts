/**
 * The governance calendar: each cadence's meetings merged with the reviews stored for them, plus
 * one-off reviews.
 */
import type { Portfolio } from '../portfolio/types';
import { localDateTimeProblem, occurrences, ruleProblem, timeZoneProblem } from './recurrence';
import type { Cadence, MeetingKind, Review, ReviewAction } from './types';

export type CalendarEntryStatus = 'upcoming' | 'planned' | 'held' | 'cancelled';

/** One meeting on the calendar. */
export type CalendarEntry = {
  /** Stable key: `review:<id>` for a stored review, else `<cadenceId>:<date>`. */
  readonly key: string;
  readonly cadenceId?: string;
  /** The stored review, once the meeting has one. */
  readonly reviewId?: string;
  readonly title: string;
  readonly kind: MeetingKind;
  /** Local date, YYYY-MM-DD. */
  readonly date: string;
  /** Local start time, HH:mm. */
  readonly time?: string;
  /** ISO UTC instants, when known (cadence meetings). */
  readonly start?: string;
  readonly end?: string;
  /** `upcoming`: an occurrence without a stored review yet. */
  readonly status: CalendarEntryStatus;
  /** Dated before `today`. */
  readonly past: boolean;
};

/** Whether a cadence can be expanded (a valid start, zone and rule). */
export function cadenceUsable(cadence: Cadence): boolean {
  return (
    localDateTimeProblem(cadence.start) === null &&
    timeZoneProblem(cadence.timeZone) === null &&
    (cadence.rule === undefined || ruleProblem(cadence.rule, cadence.start) === null)
  );
}

function compareEntries(a: CalendarEntry, b: CalendarEntry): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  const at = a.time ?? '';
  const bt = b.time ?? '';
  if (at !== bt) return at < bt ? -1 : 1;
  if (a.title !== b.title) return a.title < b.title ? -1 : 1;
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

/**
 * The meetings from `fromDate` to `toDate` (inclusive): occurrences of each cadence, merged with
 * stored reviews by cadence and date, and one-off reviews; sorted by date, then time. A stored
 * review of a cadence shows on its own date even when the rule no longer gives that date (the
 * series was changed after the review was opened).
 */
export function calendarEntries(
  portfolio: Portfolio,
  fromDate: string,
  toDate: string,
  today: string,
): CalendarEntry[] {
  const cadences = new Map((portfolio.cadences ?? []).map((cadence) => [cadence.id, cadence]));
  const reviews = portfolio.reviews ?? [];
  const stored = new Map<string, Review>();
  for (const review of reviews) {
    if (review.cadenceId !== undefined) stored.set(`${review.cadenceId}:${review.date}`, review);
  }
  const entries: CalendarEntry[] = [];
  const fromReview = (review: Review, extra: Partial<CalendarEntry> = {}): CalendarEntry => ({
    key: `review:${review.id}`,
    ...(review.cadenceId !== undefined && { cadenceId: review.cadenceId }),
    reviewId: review.id,
    title: review.title,
    kind: review.kind,
    date: review.date,
    ...(review.time !== undefined && { time: review.time }),
    status: review.status,
    past: review.date < today,
    ...extra,
  });
  for (const cadence of cadences.values()) {
    if (!cadenceUsable(cadence)) continue;
    for (const occurrence of occurrences(cadence, fromDate, toDate)) {
      const review = stored.get(`${cadence.id}:${occurrence.date}`);
      const timing = { time: occurrence.time, start: occurrence.start, end: occurrence.end };
      if (review) {
        entries.push(
          fromReview(review, {
            ...timing,
            ...(review.time !== undefined && { time: review.time }),
          }),
        );
      } else {
        entries.push({
          key: `${cadence.id}:${occurrence.date}`,
          cadenceId: cadence.id,
          title: cadence.name,
          kind: cadence.kind,
          date: occurrence.date,
          ...timing,
          status: 'upcoming',
          past: occurrence.date < today,
        });
      }
    }
  }
  const shown = new Set(entries.map((entry) => entry.key));
  for (const review of reviews) {
    if (review.date < fromDate || review.date > toDate || shown.has(`review:${review.id}`))
      continue;
    entries.push(fromReview(review));
  }
  return entries.sort(compareEntries);
}

/** The latest held review dated before `review` (any kind), if any. */
export function previousHeldReview(portfolio: Portfolio, review: Review): Review | undefined {
  let found: Review | undefined;
  for (const other of portfolio.reviews ?? []) {
    if (other.id === review.id || other.status !== 'held') continue;
    const before =
      other.date < review.date ||
      (other.date === review.date && (other.time ?? '') < (review.time ?? ''));
    if (!before) continue;
    if (
      !found ||
      other.date > found.date ||
      (other.date === found.date && (other.time ?? '') > (found.time ?? ''))
    ) {
      found = other;
    }
  }
  return found;
}

/** Actions not closed yet, by due date (undated last), then title. */
export function openActions(portfolio: Portfolio): ReviewAction[] {
  return (portfolio.actions ?? [])
    .filter((action) => action.closedOn === undefined)
    .sort((a, b) => {
      const ad = a.due ?? '\uffff';
      const bd = b.due ?? '\uffff';
      if (ad !== bd) return ad < bd ? -1 : 1;
      return a.title < b.title ? -1 : a.title > b.title ? 1 : 0;
    });
}

/** How far ahead `nextReviewOf` looks for a cadence's next meeting, in years. */
export const NEXT_REVIEW_HORIZON_YEARS = 5;

/** The cadence's next meeting on or after `today` that is not held or cancelled. */
export function nextReviewOf(
  portfolio: Portfolio,
  cadenceId: string,
  today: string,
): CalendarEntry | undefined {
  const horizon = `${Number(today.slice(0, 4)) + NEXT_REVIEW_HORIZON_YEARS}${today.slice(4)}`;
  const only: Portfolio = {
    ...portfolio,
    cadences: (portfolio.cadences ?? []).filter((cadence) => cadence.id === cadenceId),
    reviews: (portfolio.reviews ?? []).filter((review) => review.cadenceId === cadenceId),
  };
  return calendarEntries(only, today, horizon, today).find(
    (entry) => entry.status === 'upcoming' || entry.status === 'planned',
  );
}
