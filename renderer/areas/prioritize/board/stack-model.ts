/**
 * What the board shows of a scenario's stack, and how a drag changes it: pure functions over
 * initiative ids, so that the preview while dragging and the stored move always agree.
 */
import { computeCutLine, lineOf, type CutLine } from '../../../../shared/prioritize/cutline';
import type { Portfolio } from '../../../../shared/portfolio/types';
import { lineCountsText } from '../../../../shared/prioritize/line-wording';

export type StackView = {
  /** The whole stack, in ranking order. */
  readonly stack: readonly string[];
  /** Committed and forced-in initiatives: placed first, shown pinned above the rankable cards. */
  readonly pinned: readonly string[];
  /** The cards a user can reorder, in ranking order. */
  readonly rankable: readonly string[];
  readonly cutLine: CutLine;
  /** Index in `rankable` of the first card that does not fit; `rankable.length` when all fit. */
  readonly lineIndex: number;
  /** Placed in front of the line (with the pinned ones that fit). */
  readonly aboveCount: number;
  /** Placed although behind the line: funded in a gap. */
  readonly gap: ReadonlySet<string>;
  readonly belowCount: number;
};

/** The board's view of a stack: what is pinned, what is rankable, and where the line falls. */
export function viewStack(portfolio: Portfolio, stack: readonly string[]): StackView {
  const cutLine = computeCutLine(portfolio, stack);
  const line = lineOf(portfolio, cutLine, stack);
  return {
    stack,
    pinned: line.pinned,
    rankable: line.rankable,
    cutLine,
    lineIndex: line.lineIndex,
    aboveCount: line.above.length,
    gap: new Set(line.gap),
    belowCount: line.below.length,
  };
}

/** "13 above the line · 17 funded in a gap · 32 below": the counts the line is drawn from. */
export function lineCounts(view: StackView): string {
  return lineCountsText({ above: view.aboveCount, gap: view.gap.size, below: view.belowCount });
}

export type StackMovePlan = {
  /** The stack after the move. */
  readonly stack: readonly string[];
  /** The cards moved, in their new order. */
  readonly moved: readonly string[];
  /** The card they now sit in front of; null: the bottom. */
  readonly before: string | null;
};

/**
 * The stack after dragging `active` (and the other `selected` cards with it, when it is one of
 * them) onto the card `over`. Like a sortable list: dragged downwards, the cards land after
 * `over`; upwards, in front of it. Null when nothing would change.
 */
export function planDrop(
  stack: readonly string[],
  active: string,
  over: string,
  selected: ReadonlySet<string> = new Set(),
): StackMovePlan | null {
  const moving = selected.has(active) ? stack.filter((id) => selected.has(id)) : [active];
  const movingSet = new Set(moving);
  const rest = stack.filter((id) => !movingSet.has(id));
  let at: number;
  if (movingSet.has(over)) {
    // Dropped where it was: a selection gathers around the dragged card; one card stays put.
    if (over !== active || moving.length === 1) return null;
    at = stack.slice(0, stack.indexOf(active)).filter((id) => !movingSet.has(id)).length;
  } else {
    const downwards = stack.indexOf(active) < stack.indexOf(over);
    at = rest.indexOf(over) + (downwards ? 1 : 0);
  }
  return planInsert(stack, rest, moving, at);
}

function planInsert(
  stack: readonly string[],
  rest: readonly string[],
  moving: readonly string[],
  at: number,
): StackMovePlan | null {
  const next = [...rest.slice(0, at), ...moving, ...rest.slice(at)];
  if (next.every((id, index) => id === stack[index])) return null;
  return { stack: next, moved: moving, before: next[at + moving.length] ?? null };
}

/** The stack with `ids` moved to the top (`to: 'top'`) or the bottom, keeping their order. */
export function planMoveTo(
  stack: readonly string[],
  ids: ReadonlySet<string>,
  to: 'top' | 'bottom',
): StackMovePlan | null {
  const moving = stack.filter((id) => ids.has(id));
  if (moving.length === 0) return null;
  const rest = stack.filter((id) => !ids.has(id));
  return planInsert(stack, rest, moving, to === 'top' ? 0 : rest.length);
}
