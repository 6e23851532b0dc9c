/**
 * The words the board uses for its cut line: the counts the line is drawn from, where a card
 * starts or why it does not fit, and the pinned group. Shared so that every view of a stack (the
 * board, the workshop's presentation) says the same thing the same way.
 */
import type { Initiative, Portfolio } from '../portfolio/types';
import { describeReason, type Placement } from './cutline';

/** How many cards a line leaves above, funded in a gap behind it, and below. */
export type LineTally = {
  readonly above: number;
  readonly gap: number;
  readonly below: number;
};

/** "13 above the line · 17 funded in a gap · 32 below": the counts the line is drawn from. */
export function lineCountsText(tally: LineTally): string {
  const gap = tally.gap > 0 ? ` · ${tally.gap} funded in a gap` : '';
  return `${tally.above} above the line${gap} · ${tally.below} below`;
}

function periodLabel(portfolio: Portfolio, id: string): string {
  return portfolio.periods.find((period) => period.id === id)?.label ?? id;
}

/**
 * What a card says about its place: "starts Q3 2026 · 2 periods", or why it does not fit
 * ("Platform is 1.5 FTE short in Q2 2027"); empty without a placement.
 */
export function placementText(portfolio: Portfolio, placement: Placement | undefined): string {
  if (!placement) return '';
  if (!placement.above) return describeReason(placement.reason, portfolio);
  const length = placement.endIndex - placement.startIndex + 1;
  return `starts ${periodLabel(portfolio, placement.start)} · ${length} period${length === 1 ? '' : 's'}`;
}

/** "Committed · placed first", "Forced in · placed first", or both, as the group holds. */
export function pinnedTitle(
  pinned: readonly string[],
  byId: ReadonlyMap<string, Initiative>,
): string {
  const forced = pinned.some((id) => byId.get(id)?.forced === 'in');
  const committed = pinned.some((id) => byId.get(id)?.forced !== 'in');
  const group =
    forced && committed ? 'Committed and forced in' : forced ? 'Forced in' : 'Committed';
  return `${group} · placed first`;
}

/** "6 · all fit", or "4 of 6 fit · 2 short": how much of the pinned group the plan holds. */
export function pinnedSummary(count: number, short: number): string {
  return short === 0 ? `${count} · all fit` : `${count - short} of ${count} fit · ${short} short`;
}
