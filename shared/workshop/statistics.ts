/**
 * The reveal of a workshop's blind scoring: for one item and one criterion, how the participants'
 * scores spread, how far they agree, and who scored far from everyone else.
 *
 * Distances are measured in **positions** on the scale, so that criteria on different scales
 * compare fairly: on a range the position is the score itself (a 1–5 scale spans 4, a 0–100 scale
 * 100); on a set of allowed values it is the value's rank (the modified Fibonacci set 1, 2, 3, 5,
 * 8, 13, 20 is positions 0–6, spanning 6). Ranks, not raw numbers, because the set's gaps grow on
 * purpose: 13 against 20 is one step of doubt, as 1 against 2 is, not seven times as much.
 */
import { formatNumber } from '../format';
import { onScale, type Scale } from '../strategy/scoring';

/** One participant's score. */
export type ParticipantScore = { readonly participant: string; readonly score: number };

/** How the scores of one item on one criterion spread. */
export type Spread = {
  readonly kind: 'spread';
  readonly count: number;
  readonly min: number;
  readonly max: number;
  /**
   * The middle score, or the mean of the middle two: on a set scale this may lie between two
   * allowed values (the median of 3 and 5 is 4); the consensus snaps it.
   */
  readonly median: number;
  readonly mean: number;
  /** The scores, lowest first; equal scores keep the order given. */
  readonly scores: readonly ParticipantScore[];
  /** 0–1, 1 when everyone gave the same score: see {@link spreadOf}. */
  readonly agreement: number;
  /** 1 − agreement: the key {@link byDisagreement} ranks on, highest first. */
  readonly disagreement: number;
  /** Scores far from all the others, lowest first: see {@link spreadOf}. */
  readonly outliers: readonly ParticipantScore[];
  /** Scores left out because they are not on the scale (or not numbers). */
  readonly ignored: readonly ParticipantScore[];
};

/** Nobody scored the item on the criterion (or every score was off the scale). */
export type NoScores = {
  readonly kind: 'no-scores';
  readonly ignored: readonly ParticipantScore[];
};

export type ScoreSpread = Spread | NoScores;

/**
 * How the scores of one item on one criterion spread, on `scale`. One score per participant is
 * expected; scores off the scale are left out and listed in `ignored`.
 *
 * **Agreement** = 1 − MAD ÷ (span ÷ 2), where MAD is the mean absolute deviation of the scores'
 * positions from their median position and span is the scale's span in positions (see the
 * module's header). It is 1 exactly when everyone gave the same score, and 0 when the room is
 * split half at each end of the scale, the widest MAD possible. With one score it is 1; with two
 * it is 1 − their distance as a share of the span; an odd count cannot split evenly, so its floor
 * is 1 ÷ count (3 people: ⅓, for 1, 1, 5 on 1–5).
 *
 * Why MAD from the median: it is defined for any count from 1, every score counts (an
 * interquartile range ignores a quarter at each end and, with 2–3 people, depends on how the
 * quartiles are interpolated), it stays in the scale's units (a standard deviation squares the
 * distances, so one stray score outweighs the rest), and it is bounded by half the span, which
 * gives an exact 0–1.
 *
 * **Outliers**, only among 3 or more scores: a score is one when, against the median and MAD of
 * the other scores, it (a) lies outside the others' range, (b) is more than a quarter of the span
 * from their median and (c) is more than 4 × their MAD from it. (a) keeps the sentence "Sam
 * scored 13, the others 3–5" true and stops two people who agree from naming each other; (b)
 * ignores small differences on a scale where everyone is close; (c) asks that the others agree
 * among themselves: with two others their MAD is half their range, so the score must be more than
 * twice their range away, and with more others one stray score does not hide an outlier as it
 * would widen a range.
 */
export function spreadOf(scores: readonly ParticipantScore[], scale: Scale): ScoreSpread {
  const valid: ParticipantScore[] = [];
  const ignored: ParticipantScore[] = [];
  for (const entry of scores) {
    (Number.isFinite(entry.score) && onScale(scale, entry.score) ? valid : ignored).push(entry);
  }
  if (valid.length === 0) return { kind: 'no-scores', ignored };

  // Array sort is stable, so equal scores keep the order given.
  const sorted = [...valid].sort((a, b) => a.score - b.score);
  const values = sorted.map((entry) => entry.score);
  const { position, span } = positionsOn(scale);
  const positions = values.map(position);

  const agreement = agreementOf(positions, span);
  return {
    kind: 'spread',
    count: sorted.length,
    min: values[0] ?? 0,
    max: values[values.length - 1] ?? 0,
    median: medianOf(values),
    mean: values.reduce((sum, value) => sum + value, 0) / values.length,
    scores: sorted,
    agreement,
    disagreement: 1 - agreement,
    outliers: sorted.filter((_, index) => isOutlier(positions, index, span)),
    ignored,
  };
}

/** The largest number below 1: what agreement is at most when the scores are not all equal. */
const BELOW_ONE = 1 - Number.EPSILON / 2;

function agreementOf(positions: readonly number[], span: number): number {
  const first = positions[0];
  if (positions.every((position) => position === first)) return 1;
  if (!(span > 0)) return 1;
  const raw = 1 - meanDeviation(positions) / (span / 2);
  // Kept strictly below 1 so that 1 means "all the same" even when the difference is a rounding
  // error's worth of a huge scale (RICE's reach spans a billion), and at least 0 against rounding.
  return Math.min(BELOW_ONE, Math.max(0, raw));
}

function isOutlier(positions: readonly number[], index: number, span: number): boolean {
  if (positions.length < 3 || !(span > 0)) return false;
  const own = positions[index] ?? 0;
  // `positions` is sorted, so the others are too.
  const others = positions.filter((_, other) => other !== index);
  const low = others[0] ?? 0;
  const high = others[others.length - 1] ?? 0;
  if (own >= low && own <= high) return false;
  const distance = Math.abs(own - medianOf(others));
  return distance > span / 4 && distance > 4 * meanDeviation(others);
}

/** The middle of sorted `values`, or the mean of the middle two. */
function medianOf(values: readonly number[]): number {
  const middle = Math.floor(values.length / 2);
  const upper = values[middle] ?? 0;
  return values.length % 2 === 1 ? upper : ((values[middle - 1] ?? upper) + upper) / 2;
}

/** The mean absolute deviation of sorted `values` from their median. */
function meanDeviation(values: readonly number[]): number {
  const median = medianOf(values);
  return values.reduce((sum, value) => sum + Math.abs(value - median), 0) / values.length;
}

/** Where a score on `scale` lies, and how far the scale reaches, in positions. */
function positionsOn(scale: Scale): { position: (score: number) => number; span: number } {
  if (scale.kind === 'range') {
    return { position: (score) => score - scale.min, span: scale.max - scale.min };
  }
  // A set may be listed highest first (RICE's impacts are).
  const ranked = [...new Set(scale.values)].sort((a, b) => a - b);
  return { position: (score) => ranked.indexOf(score), span: ranked.length - 1 };
}

/**
 * One sentence naming an outlier against everyone else's scores: "Sam scored 13, the others 3–5",
 * "Sam scored 13, the other 5", "Sam scored 13, the others 3". Names are kept as given; numbers
 * are formatted in `locale` (the user's when absent).
 */
export function describeOutlier(
  outlier: ParticipantScore,
  others: readonly { readonly score: number }[],
  locale?: string,
): string {
  const format = (value: number) => formatNumber(value, 2, locale);
  const said = `${outlier.participant} scored ${format(outlier.score)}`;
  if (others.length === 0) return said;
  const scores = others.map((other) => other.score);
  const low = Math.min(...scores);
  const high = Math.max(...scores);
  const range = low === high ? format(low) : `${format(low)}–${format(high)}`;
  return `${said}, ${others.length === 1 ? 'the other' : 'the others'} ${range}`;
}

/**
 * `items` from the least agreement to the most: what the room should talk about first. Items no
 * one scored come last; equal agreement keeps the order given.
 */
export function byDisagreement<T extends { readonly spread: ScoreSpread }>(
  items: readonly T[],
): T[] {
  // Rounded, so that two agreements equal but for floating-point noise (0.3 reached two ways)
  // keep the order given instead of flipping on the last bit.
  const key = (item: T) =>
    item.spread.kind === 'spread' ? Math.round(item.spread.disagreement * 1e9) : -1;
  return [...items].sort((a, b) => key(b) - key(a));
}
