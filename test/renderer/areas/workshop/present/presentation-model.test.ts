import { describe, expect, it } from 'vitest';
import { DEMO_PORTFOLIO } from '../../../../../shared/demo/demo-portfolio';
import { computeCutLine, lineOf, stackOrder } from '../../../../../shared/prioritize/cutline';
import { lineCounts, viewStack } from '../../../../../renderer/areas/prioritize/board/stack-model';
import {
  PRESENT_HEATMAP,
  actionForKey,
  moveAnnouncement,
  ordinal,
  periodLabelLines,
  planStep,
  presentHeatmapLayout,
  presentStack,
  selectionAfter,
  stackScrollTop,
} from '../../../../../renderer/areas/workshop/present/presentation-model';

const press = (key: string, modifiers: { alt?: boolean; ctrl?: boolean; meta?: boolean } = {}) =>
  actionForKey({
    key,
    altKey: modifiers.alt ?? false,
    ctrlKey: modifiers.ctrl ?? false,
    metaKey: modifiers.meta ?? false,
  });

describe('the presentation of a stack', () => {
  const stack = stackOrder(DEMO_PORTFOLIO, 'baseline');
  const presentation = presentStack(DEMO_PORTFOLIO, stack);
  const board = viewStack(DEMO_PORTFOLIO, stack);

  it('shows the cards the board ranks, numbered as the board numbers them, with the line where the board draws it', () => {
    expect(presentation.cards.map((card) => card.id)).toEqual(board.rankable);
    expect(presentation.cards[0]?.rank).toBe(board.pinned.length + 1);
    expect(presentation.lineIndex).toBe(board.lineIndex);
    expect(presentation.lineLabel).toBe(`Cut line · ${lineCounts(board)}`);
  });

  it('says which side of the line each card is on, and why the line falls where it does', () => {
    const line = lineOf(DEMO_PORTFOLIO, computeCutLine(DEMO_PORTFOLIO, stack), stack);
    const sides = new Map(presentation.cards.map((card) => [card.id, card.side]));
    for (const id of line.gap) expect(sides.get(id)).toBe('gap');
    for (const id of line.below) if (sides.has(id)) expect(sides.get(id)).toBe('below');
    expect(
      presentation.cards.slice(0, presentation.lineIndex).every((card) => card.side === 'above'),
    ).toBe(true);
    const first = presentation.cards[presentation.lineIndex];
    expect(first?.side).toBe('below');
    expect(presentation.lineReason).toBe(`${first?.name} does not fit: ${first?.placement}`);
    expect(presentation.pinned?.summary).toMatch(/^\d+ · all fit$|^\d+ of \d+ fit · \d+ short$/);
  });

  it('has no reason for a line that every card is in front of', () => {
    const open = {
      ...DEMO_PORTFOLIO,
      initiatives: DEMO_PORTFOLIO.initiatives
        .slice(0, 1)
        .map((item) => ({ ...item, status: 'proposed' as const, forced: undefined })),
    };
    const shown = presentStack(open, stackOrder(open, 'baseline'));
    if (shown.lineIndex === shown.cards.length) expect(shown.lineReason).toBeNull();
    else expect(shown.lineReason).not.toBeNull();
  });
});

describe('a move of one place', () => {
  const stack = ['p1', 'a', 'b', 'p2', 'c', 'd'];
  const rankable = ['a', 'b', 'c', 'd'];

  it('swaps a card with its rankable neighbour, past the pinned cards between them', () => {
    expect(planStep(stack, rankable, 'b', 1)).toEqual({
      stack: ['p1', 'a', 'p2', 'c', 'b', 'd'],
      id: 'b',
      before: 'd',
    });
    expect(planStep(stack, rankable, 'c', -1)).toEqual({
      stack: ['p1', 'a', 'c', 'b', 'p2', 'd'],
      id: 'c',
      before: 'b',
    });
    expect(planStep(stack, rankable, 'c', 1)?.before).toBeNull();
  });

  it('does nothing at either end, or for a card that is not rankable', () => {
    expect(planStep(stack, rankable, 'a', -1)).toBeNull();
    expect(planStep(stack, rankable, 'd', 1)).toBeNull();
    expect(planStep(stack, rankable, 'p2', 1)).toBeNull();
  });

  it('is announced with the new place and side of the line', () => {
    expect(moveAnnouncement({ name: 'Fleet telematics', rank: 3, side: 'above' })).toBe(
      'Moved Fleet telematics to 3rd, above the line',
    );
    expect(moveAnnouncement({ name: 'CRM', rank: 12, side: 'gap' })).toBe(
      'Moved CRM to 12th, below the line, funded in a gap',
    );
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 101, 111].map(ordinal)).toEqual([
      '1st',
      '2nd',
      '3rd',
      '4th',
      '11th',
      '12th',
      '13th',
      '21st',
      '22nd',
      '101st',
      '111th',
    ]);
  });
});

describe('selecting with the keys', () => {
  const cards = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];

  it('steps through the cards, stopping at the ends', () => {
    expect(selectionAfter(cards, 'a', 'next')).toBe('b');
    expect(selectionAfter(cards, 'c', 'next')).toBe('c');
    expect(selectionAfter(cards, 'a', 'previous')).toBe('a');
    expect(selectionAfter(cards, 'b', 'first')).toBe('a');
    expect(selectionAfter(cards, 'a', 'last')).toBe('c');
  });

  it('starts from the first card going down and the last going up', () => {
    expect(selectionAfter(cards, null, 'next')).toBe('a');
    expect(selectionAfter(cards, null, 'previous')).toBe('c');
    expect(selectionAfter(cards, 'gone', 'next')).toBe('a');
    expect(selectionAfter([], null, 'next')).toBeNull();
  });

  it('maps every key to its action, whatever the case, and leaves Ctrl and Cmd to the app', () => {
    expect(press('ArrowUp')).toBe('previous');
    expect(press('k')).toBe('previous');
    expect(press('K')).toBe('previous');
    expect(press('ArrowDown')).toBe('next');
    expect(press('j')).toBe('next');
    expect(press('Home')).toBe('first');
    expect(press('End')).toBe('last');
    expect(press('ArrowUp', { alt: true })).toBe('move-up');
    expect(press('ArrowDown', { alt: true })).toBe('move-down');
    expect(press('h')).toBe('heatmap');
    expect(press('N')).toBe('notes');
    expect(press('f')).toBe('fullscreen');
    expect(press('?')).toBe('help');
    expect(press('Escape')).toBe('escape');
    expect(press('z', { ctrl: true })).toBeNull();
    expect(press('z', { meta: true })).toBeNull();
    expect(press('ArrowDown', { ctrl: true })).toBeNull();
    expect(press('h', { alt: true })).toBeNull();
    expect(press('x')).toBeNull();
  });
});

describe('scrolling the stack', () => {
  const line = { top: 600, bottom: 660 };

  it('brings the line into view when no card is selected, and leaves it where it is in view', () => {
    expect(stackScrollTop(0, 500, line, null)).toBe(300);
    expect(stackScrollTop(250, 500, line, null)).toBe(250);
  });

  it('shows the selected card with the line when both fit, with a row of margin', () => {
    // Card above the line, both fit in 500 px: scrolled so the card and the line show.
    expect(stackScrollTop(0, 500, line, { top: 400, bottom: 452 })).toBe(216);
    const top = stackScrollTop(0, 500, line, { top: 400, bottom: 452 });
    expect(top).toBeLessThanOrEqual(400);
    expect(top + 500).toBeGreaterThanOrEqual(660);
  });

  it('shows the selected card alone when it is too far from the line', () => {
    const top = stackScrollTop(0, 500, line, { top: 2000, bottom: 2052 });
    expect(top).toBeLessThanOrEqual(2000);
    expect(top + 500).toBeGreaterThanOrEqual(2052 + 56);
    expect(stackScrollTop(1800, 500, line, { top: 100, bottom: 152 })).toBe(44);
  });

  it('does not move a stack that is not laid out', () => {
    expect(stackScrollTop(40, 0, line, { top: 100, bottom: 152 })).toBe(40);
  });
});

describe('the heatmap in large type', () => {
  it('draws its text at 16 px or more', () => {
    expect(PRESENT_HEATMAP.labelFont).toBeGreaterThanOrEqual(16);
    expect(PRESENT_HEATMAP.valueFont).toBeGreaterThanOrEqual(16);
  });

  it('fits six quarters beside the stack at 1280 px, and breaks a label that does not fit its column', () => {
    const labels = DEMO_PORTFOLIO.periods.map((period) => period.label);
    const layout = presentHeatmapLayout(DEMO_PORTFOLIO.teams.length + 1, labels);
    expect(layout.width).toBeLessThanOrEqual(400);
    expect(layout.periodLines[0]).toEqual(periodLabelLines(labels[0] ?? '', 60, 16));
    expect(periodLabelLines('Q3 2026', 60, 16)).toEqual(['Q3', '2026']);
    expect(periodLabelLines('Q3', 60, 16)).toEqual(['Q3']);
    // Rows do not overlap: each row's cells end before the next row's name.
    expect(layout.cellY(0) + PRESENT_HEATMAP.cellHeight).toBeLessThan(layout.nameY(1));
    expect(layout.cellY(0)).toBeGreaterThanOrEqual(layout.headerHeight);
  });
});
