/**
 * The limits a portfolio keeps, in one place: the file reader refuses a file that breaks one, and
 * the editor refuses an edit that would (every edit is checked by the reader's rules), with the
 * same words. README's "Limits a portfolio file must keep" lists them for people.
 */

/** Portfolio files larger than this are refused before they are read, by the app and the CLI. */
export const MAX_PORTFOLIO_FILE_BYTES = 200 * 1024 * 1024;

/** Longest id, in characters. */
export const MAX_ID_LENGTH = 200;
/** Longest name or label (portfolio, period, team, objective, measure, criterion, initiative, scenario), owner or unit. */
export const MAX_NAME_LENGTH = 200;
/** Longest free text: descriptions, forced reasons, notes. */
export const MAX_TEXT_LENGTH = 10_000;

/** Most capacity a team has in one period, and most demand or effort an initiative asks of one. */
export const MAX_CAPACITY = 1_000_000;
/** Largest amount of money: a budget, a spend, an actual spend. */
export const MAX_MONEY = 1e15;
/** Largest explicit value of an initiative. */
export const MAX_VALUE = 1e15;
/** Largest objective or criterion weight. */
export const MAX_WEIGHT = 1000;
/** Largest measure figure (baseline, target, actual), either side of zero. */
export const MAX_MEASURE = 1e15;
/** Largest score for a key the scoring model does not define. */
export const MAX_ANY_SCORE = 1e9;
/** How deep objects and lists may nest, counted from the top of the file. */
export const MAX_NESTING_DEPTH = 64;
/** Most decisions in the decision log: years of monthly reviews, far below the file size limit. */
export const MAX_DECISIONS = 10_000;
/** Most proposals: hundreds a year for decades, far below the file size limit. */
export const MAX_PROPOSALS = 10_000;
/** Most attachments (links) one proposal has. */
export const MAX_PROPOSAL_ATTACHMENTS = 100;
/** Most moves one proposal's stage history keeps: far more than a proposal goes through. */
export const MAX_PROPOSAL_HISTORY = 1000;
/** Most meeting series (cadences): far more than a PMO keeps. */
export const MAX_CADENCES = 1000;
/** Most reviews: a weekly meeting for decades, far below the file size limit. */
export const MAX_REVIEWS = 10_000;
/** Most actions raised in reviews. */
export const MAX_ACTIONS = 10_000;
/** Most snapshots a file carries: one per held review. */
export const MAX_SNAPSHOTS = 10_000;
/** Most self-reviews of the PMO: quarterly for centuries, far below the file size limit. */
export const MAX_SELF_REVIEWS = 1000;
/** Most answers one self-review holds: the built-in questions and many of the PMO's own. */
export const MAX_SELF_REVIEW_ANSWERS = 100;
/** A self-review's answer is scored in whole numbers from 1 (not at all) to 5 (fully). */
export const MIN_SELF_REVIEW_SCORE = 1;
export const MAX_SELF_REVIEW_SCORE = 5;
/** Most items on one review's agenda. */
export const MAX_AGENDA_ITEMS = 500;
/** Most people invited to a meeting series or listed in a review's attendance. */
export const MAX_ATTENDEES = 500;
/** Longest meeting, in minutes (a day). */
export const MAX_MEETING_MINUTES = 1440;
/** Most workshop sessions: a few a quarter for decades, far below the file size limit. */
export const MAX_WORKSHOPS = 1000;
/** Shortest and longest time a workshop's timer gives, in seconds (10 seconds to 2 hours). */
export const MIN_WORKSHOP_TIMER_SECONDS = 10;
export const MAX_WORKSHOP_TIMER_SECONDS = 7200;
/** Most dots a participant has in a workshop's dot vote (and so the most on one initiative). */
export const MAX_WORKSHOP_DOTS = 20;
/** Most participants in one workshop session: a large room, passing one laptop. */
export const MAX_WORKSHOP_PARTICIPANTS = 100;
/** Most scores one session keeps, over all its rounds. */
export const MAX_WORKSHOP_SCORES = 200_000;

/**
 * An initiative's `estimateRange` is a share from 0 (the estimate is known exactly) up to, but not
 * including, 1: the robustness runs draw value and demand within ± the range, so at 1 a run could
 * make the work free and worthless, and beyond it negative.
 */
export const MAX_ESTIMATE_RANGE_EXCLUSIVE = 1;

/** Whether `value` is an estimate range an initiative may have: a number, 0 ≤ value < 1. */
export function isEstimateRange(value: unknown): value is number {
  return (
    typeof value === 'number' &&
    Number.isFinite(value) &&
    value >= 0 &&
    value < MAX_ESTIMATE_RANGE_EXCLUSIVE
  );
}

/** The message for an estimate range out of bounds. */
export const ESTIMATE_RANGE_MESSAGE =
  'expected a share from 0 up to but not including 1 (0.3 for ± 30 %)';

const GROUPED = new Intl.NumberFormat('en-US', { maximumFractionDigits: 6 });

/** A limit as people read it: 1,000,000; 1e15 as 1,000,000,000,000,000. */
export function formatLimit(value: number): string {
  return GROUPED.format(value);
}

/** The message for a number above `max`. */
export function tooLargeMessage(max: number): string {
  return `must be at most ${formatLimit(max)}`;
}

/**
 * Whether `text` is well-formed UTF-16: every high surrogate followed by a low one and no low
 * surrogate alone. Such text cannot be written as UTF-8 or put in a link; `isWellFormed` is not
 * on every runtime Baton supports.
 */
export function isWellFormedText(text: string): boolean {
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code < 0xd800 || code > 0xdfff) continue;
    if (code >= 0xdc00) return false;
    const next = text.charCodeAt(index + 1);
    if (!(next >= 0xdc00 && next <= 0xdfff)) return false;
    index += 1;
  }
  return true;
}

/** The message for text with a broken character. */
export const BROKEN_TEXT_MESSAGE =
  'contains a broken character (half of a surrogate pair); retype it or save the file as UTF-8 again';

/** The message for a name that is empty or only spaces. */
export const EMPTY_NAME_MESSAGE = 'must not be empty';

/** The message for a list longer than `max` entries: "has 10,001 decisions; at most 10,000 are allowed". */
export function tooManyMessage(what: string, max: number, count: number): string {
  return `has ${formatLimit(count)} ${what}; at most ${formatLimit(max)} are allowed`;
}

/** The message for text longer than `max` characters. */
export function tooLongMessage(max: number, length: number): string {
  return `is ${formatLimit(length)} characters long; at most ${formatLimit(max)} are allowed`;
}

/**
 * Why a file of `bytes` is not opened: "is 250 MB, over the 200 MB limit of a portfolio file". The
 * app and the command line put the file's name before it. Sizes round up, so a file just over the
 * limit never reads as exactly the limit.
 */
export function fileTooLargeMessage(bytes: number): string {
  const megabytes = (count: number) => `${formatLimit(Math.ceil(count / (1024 * 1024)))} MB`;
  return `is ${megabytes(bytes)}, over the ${megabytes(MAX_PORTFOLIO_FILE_BYTES)} limit of a portfolio file; Baton does not open it`;
}
