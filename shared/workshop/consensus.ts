/**
 * Converge: the workshop's agreed scores, one per item and criterion, that become the scenario's
 * scores. By default the median of the revealed scores; the mean when the session asks for it;
 * or the facilitator's own call on an item, with a note saying why.
 */
import { onScale, type Scale } from '../strategy/scoring';
import type { ScoreSpread } from './statistics';

/** How a consensus score is reached. */
export type ConsensusRule =
  'median' | 'mean' | { readonly facilitator: number; readonly note: string };

/** A consensus score, or why there is none. */
export type Consensus =
  | {
      readonly kind: 'score';
      /** On the scale. */
      readonly score: number;
      readonly rule: 'median' | 'mean' | 'facilitator';
      /** The median or mean before it was snapped to the scale, when snapping changed it. */
      readonly computed?: number;
      /** The facilitator's note, for their call. */
      readonly note?: string;
    }
  | { readonly kind: 'problem'; readonly problem: string };

/**
 * Two distances this close are a tie: the midpoint of 0.8 and 1 is not exactly representable, so
 * its distances to each differ in the last bits.
 */
const TIE = 1e-9;

/**
 * `value` as a score on `scale`. A range takes any number between its ends, so a value inside is
 * kept as it is (the median of 3 and 4 on 1–5 is 3.5) and one outside is clamped to the nearer
 * end. A set takes the nearest allowed value, and **a tie goes to the higher value**: the median
 * of 3 and 5 on the Fibonacci set (4) becomes 5. Up, because that is how people round a half by
 * hand, and it is the planning-poker habit of taking the larger card when a room splits between
 * two neighbours.
 */
export function snapToScale(value: number, scale: Scale): number {
  if (scale.kind === 'range') return Math.min(scale.max, Math.max(scale.min, value));
  let best: number | undefined;
  for (const allowed of scale.values) {
    if (best === undefined) {
      best = allowed;
      continue;
    }
    const gain = Math.abs(best - value) - Math.abs(allowed - value);
    const tie = Math.abs(gain) <= TIE * Math.max(1, Math.abs(value));
    if ((tie && allowed > best) || (!tie && gain > 0)) best = allowed;
  }
  // A set without values has nothing to snap to; the value is returned as it is.
  return best ?? value;
}

/**
 * The consensus score of one item on one criterion, from its revealed `spread`, on `scale`.
 *
 * - `'median'` (the default of {@link consensusScores}): the spread's median, snapped to the scale
 *   (see {@link snapToScale}); the median is robust to one outlier, which a mean is not.
 * - `'mean'`: the mean of the scores, snapped the same way.
 * - `{ facilitator, note }`: the facilitator's score, which must be on the scale, with a note that
 *   says why (the decision is recorded; a call without a reason is not one).
 *
 * A median or mean of no scores is a problem, not a score.
 */
export function consensusScore(spread: ScoreSpread, rule: ConsensusRule, scale: Scale): Consensus {
  if (typeof rule === 'object') {
    const note = rule.note.trim();
    if (!Number.isFinite(rule.facilitator) || !onScale(scale, rule.facilitator)) {
      return {
        kind: 'problem',
        problem: `The facilitator's score ${rule.facilitator} is not on the ${scale.label} scale.`,
      };
    }
    if (note === '') {
      return { kind: 'problem', problem: "The facilitator's call needs a note saying why." };
    }
    return { kind: 'score', score: rule.facilitator, rule: 'facilitator', note };
  }
  if (spread.kind === 'no-scores') {
    return { kind: 'problem', problem: `No one scored it, so there is no ${rule} to take.` };
  }
  const computed = rule === 'median' ? spread.median : spread.mean;
  const score = snapToScale(computed, scale);
  return { kind: 'score', score, rule, ...(score !== computed && { computed }) };
}

/** One item on one criterion, revealed, with the rule its consensus follows. */
export type ConsensusCell = {
  readonly itemId: string;
  readonly criterionId: string;
  readonly spread: ScoreSpread;
  /** This cell's rule; the session's default when absent. */
  readonly rule?: ConsensusRule;
};

/** What {@link consensusScores} decided for one cell. */
export type ConsensusDecision = {
  readonly itemId: string;
  readonly criterionId: string;
} & Consensus;

/** The consensus of a whole session. */
export type ConsensusScores = {
  /** Item id → criterion id → score: each item's `scores`, as an initiative holds them. */
  readonly scores: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /** One per cell, in the order given, problems included. */
  readonly decisions: readonly ConsensusDecision[];
};

/**
 * The consensus scores of every item on every criterion: each cell by its own rule, or by
 * `defaultRule`, on its criterion's scale. A cell whose criterion is not among `criteria`, or that
 * repeats an item and criterion already decided, is a problem and gives no score; so is every
 * problem of {@link consensusScore}.
 */
export function consensusScores(
  cells: readonly ConsensusCell[],
  criteria: readonly { readonly id: string; readonly scale: Scale }[],
  defaultRule: 'median' | 'mean' = 'median',
): ConsensusScores {
  const scales = new Map(criteria.map((criterion) => [criterion.id, criterion.scale]));
  const byItem = new Map<string, Map<string, number>>();
  const seen = new Map<string, Set<string>>();
  const decisions = cells.map((cell): ConsensusDecision => {
    const where = { itemId: cell.itemId, criterionId: cell.criterionId };
    const scale = scales.get(cell.criterionId);
    if (!scale) {
      return {
        ...where,
        kind: 'problem',
        problem: `The scoring model has no criterion "${cell.criterionId}".`,
      };
    }
    const criteriaSeen = seen.get(cell.itemId) ?? new Set<string>();
    if (criteriaSeen.has(cell.criterionId)) {
      return {
        ...where,
        kind: 'problem',
        problem: 'This item and criterion came up already; the first decision stands.',
      };
    }
    seen.set(cell.itemId, criteriaSeen.add(cell.criterionId));
    const consensus = consensusScore(cell.spread, cell.rule ?? defaultRule, scale);
    if (consensus.kind === 'score') {
      const scores = byItem.get(cell.itemId) ?? new Map<string, number>();
      byItem.set(cell.itemId, scores.set(cell.criterionId, consensus.score));
    }
    return { ...where, ...consensus };
  });
  // Built with fromEntries, so that an id such as "__proto__" is an own key like any other.
  const scores = Object.fromEntries(
    [...byItem].map(([itemId, scores]) => [itemId, Object.fromEntries(scores)]),
  );
  return { scores, decisions };
}
