/**
 * The presentation of a scenario's ranking, as data: the cards with their rank and their side of
 * the cut line, the line's label, the pinned group in one line, a move of one place, what a move
 * is announced as, what each key does, where the stack scrolls, and the heatmap's large-type
 * layout. The view only draws what this module computes.
 */
import { scaleBand } from 'd3';
import {
  computeCutLine,
  describeReason,
  lineOf,
  type CutLine,
} from '../../../../shared/prioritize/cutline';
import {
  lineCountsText,
  pinnedSummary,
  pinnedTitle,
  placementText,
} from '../../../../shared/prioritize/line-wording';
import { initiativeValue } from '../../../../shared/portfolio/measures';
import type { InitiativeStatus, Portfolio } from '../../../../shared/portfolio/types';
import type { HeatmapCell } from '../../../charts/heatmap-model';
import { charWidth, fitLabel } from '../../../charts/label-fit';

/** Where a card ends up: in front of the line, behind it yet funded in a gap, or not funded. */
export type CardSide = 'above' | 'gap' | 'below';

export type PresentedCard = {
  readonly id: string;
  readonly name: string;
  readonly status: InitiativeStatus;
  /** 1-based place in the whole stack, the pinned group first (as the board numbers it). */
  readonly rank: number;
  readonly value: number | undefined;
  readonly side: CardSide;
  /** Where it starts, or why it does not fit: the board's words. */
  readonly placement: string;
};

export type PresentedPinned = {
  /** "Committed and forced in · placed first". */
  readonly title: string;
  /** "10 · all fit", "8 of 10 fit · 2 short". */
  readonly summary: string;
  /** Names of the pinned initiatives the plan cannot hold. */
  readonly short: readonly string[];
};

export type Presentation = {
  readonly stack: readonly string[];
  readonly cutLine: CutLine;
  /** The rankable cards (what the room reorders), in stack order. */
  readonly cards: readonly PresentedCard[];
  /** Index in `cards` of the first card behind the line; `cards.length` when all fit. */
  readonly lineIndex: number;
  /** "Cut line · 13 above the line · 2 below", as the board labels its line. */
  readonly lineLabel: string;
  /** Why the line falls where it does: "Customer portal v2 does not fit: …"; null when all fit. */
  readonly lineReason: string | null;
  /** Committed and forced-in work, placed first; null when there is none. */
  readonly pinned: PresentedPinned | null;
};

/** The presentation of `stack` (a scenario's stack order, as `stackOrder` gives it). */
export function presentStack(portfolio: Portfolio, stack: readonly string[]): Presentation {
  const cutLine = computeCutLine(portfolio, stack);
  const line = lineOf(portfolio, cutLine, stack);
  const byId = new Map(portfolio.initiatives.map((item) => [item.id, item]));
  const gap = new Set(line.gap);
  const cards: PresentedCard[] = [];
  line.rankable.forEach((id, index) => {
    const initiative = byId.get(id);
    if (!initiative) return;
    const placement = cutLine.byId.get(id);
    cards.push({
      id,
      name: initiative.name,
      status: initiative.status,
      rank: line.pinned.length + index + 1,
      value: initiativeValue(initiative, portfolio),
      side: !placement?.above ? 'below' : gap.has(id) ? 'gap' : 'above',
      placement: placementText(portfolio, placement),
    });
  });
  const first = line.rankable[line.lineIndex];
  const firstPlacement = first === undefined ? undefined : cutLine.byId.get(first);
  const lineReason =
    first !== undefined && firstPlacement && !firstPlacement.above
      ? `${byId.get(first)?.name ?? first} does not fit: ${describeReason(firstPlacement.reason, portfolio)}`
      : null;
  const short = line.pinned.filter((id) => cutLine.byId.get(id)?.above === false);
  return {
    stack,
    cutLine,
    cards,
    lineIndex: line.lineIndex,
    lineLabel: `Cut line · ${lineCountsText({
      above: line.above.length,
      gap: line.gap.length,
      below: line.below.length,
    })}`,
    lineReason,
    pinned:
      line.pinned.length === 0
        ? null
        : {
            title: pinnedTitle(line.pinned, byId),
            summary: pinnedSummary(line.pinned.length, short.length),
            short: short.map((id) => byId.get(id)?.name ?? id),
          },
  };
}

/** The words for a card's side of the line, as a screen reader hears them. */
export const SIDE_SPOKEN: Readonly<Record<CardSide, string>> = {
  above: 'above the line',
  gap: 'below the line, funded in a gap',
  below: 'below the line',
};

/** The words on a card's side marker. */
export const SIDE_SHOWN: Readonly<Record<CardSide, string>> = {
  above: 'Above',
  gap: 'In a gap',
  below: 'Below',
};

export type StepMove = {
  /** The stack after the move. */
  readonly stack: readonly string[];
  readonly id: string;
  /** The card it now sits in front of; null: the bottom of the stack. */
  readonly before: string | null;
};

/**
 * The stack with `id` moved one place up (`step` -1) or down (1) among the rankable cards, past
 * its neighbour; null when it is not rankable or already at that end.
 */
export function planStep(
  stack: readonly string[],
  rankable: readonly string[],
  id: string,
  step: -1 | 1,
): StepMove | null {
  const index = rankable.indexOf(id);
  const neighbour = index < 0 ? undefined : rankable[index + step];
  if (neighbour === undefined) return null;
  const rest = stack.filter((other) => other !== id);
  const at = rest.indexOf(neighbour) + (step > 0 ? 1 : 0);
  const next = [...rest.slice(0, at), id, ...rest.slice(at)];
  return { stack: next, id, before: next[at + 1] ?? null };
}

/** 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st. */
export function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  const suffix = n % 10 === 1 ? 'st' : n % 10 === 2 ? 'nd' : n % 10 === 3 ? 'rd' : 'th';
  return `${n}${suffix}`;
}

/** "Moved Fleet telematics to 3rd, above the line": a move as the room's live region says it. */
export function moveAnnouncement(card: Pick<PresentedCard, 'name' | 'rank' | 'side'>): string {
  return `Moved ${card.name} to ${ordinal(card.rank)}, ${SIDE_SPOKEN[card.side]}`;
}

/** The card selected after `action`, from `current` (null or unknown: none selected yet). */
export function selectionAfter(
  cards: readonly Pick<PresentedCard, 'id'>[],
  current: string | null,
  action: 'previous' | 'next' | 'first' | 'last',
): string | null {
  if (cards.length === 0) return null;
  const index = current === null ? -1 : cards.findIndex((card) => card.id === current);
  const last = cards.length - 1;
  const target =
    action === 'first'
      ? 0
      : action === 'last'
        ? last
        : index < 0
          ? action === 'next'
            ? 0
            : last
          : Math.min(Math.max(index + (action === 'next' ? 1 : -1), 0), last);
  return cards[target]?.id ?? null;
}

// ---- Keys ------------------------------------------------------------------------------------

export type PresentAction =
  | 'previous'
  | 'next'
  | 'first'
  | 'last'
  | 'move-up'
  | 'move-down'
  | 'heatmap'
  | 'notes'
  | 'fullscreen'
  | 'help'
  | 'escape';

type KeyPress = Pick<KeyboardEvent, 'key' | 'altKey' | 'ctrlKey' | 'metaKey'>;

/**
 * What a key press does in the facilitator's presentation, or null. Ctrl and Cmd are left to the
 * app (Ctrl/Cmd+Z undoes the last move) and the browser.
 */
export function actionForKey(event: KeyPress): PresentAction | null {
  if (event.ctrlKey || event.metaKey) return null;
  if (event.altKey) {
    if (event.key === 'ArrowUp') return 'move-up';
    if (event.key === 'ArrowDown') return 'move-down';
    return null;
  }
  // Letters whatever the case, so that Caps Lock does not turn the keys off.
  const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
  switch (key) {
    case 'ArrowUp':
    case 'k':
      return 'previous';
    case 'ArrowDown':
    case 'j':
      return 'next';
    case 'Home':
      return 'first';
    case 'End':
      return 'last';
    case 'h':
      return 'heatmap';
    case 'n':
      return 'notes';
    case 'f':
      return 'fullscreen';
    case '?':
      return 'help';
    case 'Escape':
      return 'escape';
    default:
      return null;
  }
}

/** A key as the help shows it, and as a screen reader says it. */
export type KeyName = { readonly shown: string; readonly spoken: string };

export type KeyHelp = { readonly keys: readonly KeyName[]; readonly does: string };

const key = (shown: string, spoken = shown): KeyName => ({ shown, spoken });

/** Every key of the facilitator's presentation, as the help lists them. */
export const PRESENT_KEYS: readonly KeyHelp[] = [
  { keys: [key('↑', 'Up arrow'), key('K')], does: 'Select the previous card' },
  { keys: [key('↓', 'Down arrow'), key('J')], does: 'Select the next card' },
  { keys: [key('Home')], does: 'Select the first card' },
  { keys: [key('End')], does: 'Select the last card' },
  { keys: [key('Alt+↑', 'Alt+Up arrow')], does: 'Move the selected card up one place' },
  { keys: [key('Alt+↓', 'Alt+Down arrow')], does: 'Move the selected card down one place' },
  { keys: [key('Ctrl+Z'), key('⌘Z', 'Command+Z')], does: 'Undo the last move' },
  { keys: [key('H')], does: 'Show or hide the capacity heatmap' },
  { keys: [key('N')], does: 'Show or hide the notes' },
  { keys: [key('F')], does: 'Full screen on or off' },
  { keys: [key('?', 'Question mark')], does: 'Show or hide these keys' },
  { keys: [key('Esc', 'Escape')], does: 'Close these keys, or leave the presentation' },
];

// ---- Scrolling -------------------------------------------------------------------------------

/** A vertical extent in the stack's scroll coordinates. */
export type Span = { readonly top: number; readonly bottom: number };

/**
 * Where the stack scrolls to (its new `scrollTop`) so that the selected card is in view, with the
 * cut line too when both fit; with no card selected, so that the line is. A row's worth of margin
 * is kept where there is room, so the neighbour of a card reached by the arrow keys shows too.
 */
export function stackScrollTop(
  scrollTop: number,
  height: number,
  line: Span | null,
  focus: Span | null,
  margin = 56,
): number {
  if (height <= 0) return scrollTop;
  let want: Span;
  if (focus) {
    const both = line
      ? { top: Math.min(focus.top, line.top), bottom: Math.max(focus.bottom, line.bottom) }
      : focus;
    want = both.bottom - both.top <= height ? both : focus;
  } else if (line) {
    const inView = line.top >= scrollTop && line.bottom <= scrollTop + height;
    // Placed a little below the middle: the cards above the line matter most.
    return inView ? scrollTop : Math.max(0, Math.round(line.top - height * 0.6));
  } else {
    return scrollTop;
  }
  const room = Math.max(0, Math.min(margin, (height - (want.bottom - want.top)) / 2));
  if (want.top - room < scrollTop) return Math.max(0, want.top - room);
  if (want.bottom + room > scrollTop + height) return Math.max(0, want.bottom + room - height);
  return scrollTop;
}

// ---- The heatmap in large type -------------------------------------------------------------

/**
 * Sizes of the presentation's heatmap, in pixels as drawn: the SVG is drawn at scale 1, so a font
 * size here is the size on screen. Each team's name sits on its own line above its cells, so the
 * chart needs no label column and fits beside the stack at 1280 px.
 */
export const PRESENT_HEATMAP = {
  /** Team names and period labels. */
  labelFont: 16,
  /** The percentages in the cells: bold at 19 px is large text for WCAG (AAA at 4.5:1). */
  valueFont: 19,
  cellWidth: 64,
  /** The narrower cells of a long horizon, still wide enough for "100%". */
  narrowCellWidth: 60,
  cellHeight: 31,
  nameHeight: 21,
  rowGap: 4,
  /** One line of period labels, or two when a label breaks ("Q3" over "2026"). */
  headerLine: 19,
  gap: 3,
} as const;

/** More periods than this use the narrower cells. */
const WIDE_PERIODS = 6;

export type PresentHeatmapLayout = {
  readonly width: number;
  readonly height: number;
  readonly cellWidth: number;
  readonly headerHeight: number;
  /** Left edge of each period's column. */
  readonly columnX: (periodIndex: number) => number;
  /** Baseline of each row's team name. */
  readonly nameY: (rowIndex: number) => number;
  /** Top edge of each row's cells. */
  readonly cellY: (rowIndex: number) => number;
  /** The period labels, each on one or two lines that fit their column. */
  readonly periodLines: readonly (readonly string[])[];
};

/** A period label on one line when it fits its column, else broken at a space onto two. */
export function periodLabelLines(label: string, width: number, fontSize: number): string[] {
  if (label.length * charWidth(fontSize) <= width) return [label];
  const space = label.lastIndexOf(' ');
  if (space <= 0) return [fitLabel(label, width, fontSize)];
  return [
    fitLabel(label.slice(0, space), width, fontSize),
    fitLabel(label.slice(space + 1), width, fontSize),
  ];
}

/** Where the heatmap's rows and columns go. */
export function presentHeatmapLayout(
  rowCount: number,
  periodLabels: readonly string[],
): PresentHeatmapLayout {
  const sizes = PRESENT_HEATMAP;
  const cellWidth = periodLabels.length > WIDE_PERIODS ? sizes.narrowCellWidth : sizes.cellWidth;
  const periodLines = periodLabels.map((label) =>
    periodLabelLines(label, cellWidth - 4, sizes.labelFont),
  );
  const lines = Math.max(1, ...periodLines.map((entry) => entry.length));
  const headerHeight = lines * sizes.headerLine + 8;
  const rowHeight = sizes.nameHeight + sizes.cellHeight + sizes.rowGap;
  const columns = scaleBand<number>()
    .domain(periodLabels.map((_, index) => index))
    .range([0, periodLabels.length * cellWidth]);
  return {
    width: Math.max(periodLabels.length * cellWidth, 1),
    height: headerHeight + rowCount * rowHeight,
    cellWidth,
    headerHeight,
    columnX: (periodIndex) => columns(periodIndex) ?? 0,
    nameY: (rowIndex) => headerHeight + rowIndex * rowHeight + sizes.nameHeight - 6,
    cellY: (rowIndex) => headerHeight + rowIndex * rowHeight + sizes.nameHeight,
    periodLines,
  };
}

/**
 * What a cell shows in large type: the heatmap model's label, with "over" for demand where there
 * is no capacity or budget at all (the long words do not fit a projector's cell; the table and
 * the cell's title keep them).
 */
export function presentCellLabel(cell: Pick<HeatmapCell, 'label' | 'status' | 'utilization'>) {
  if (cell.status === 'over' && cell.utilization === null) return 'over';
  return cell.label;
}
