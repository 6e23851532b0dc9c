import { describe, expect, it } from 'vitest';
import { DEMO_PORTFOLIO } from '../../../../shared/demo/demo-portfolio';
import { stackOrder } from '../../../../shared/prioritize/cutline';
import {
  lineCounts,
  planDrop,
  planMoveTo,
  viewStack,
} from '../../../../renderer/areas/prioritize/board/stack-model';

const STACK = ['a', 'b', 'c', 'd', 'e'];

describe('dropping cards on the stack', () => {
  it('puts a card dragged down after the card it is dropped on, and one dragged up in front', () => {
    expect(planDrop(STACK, 'b', 'd')).toEqual({
      stack: ['a', 'c', 'd', 'b', 'e'],
      moved: ['b'],
      before: 'e',
    });
    expect(planDrop(STACK, 'd', 'a')).toEqual({
      stack: ['d', 'a', 'b', 'c', 'e'],
      moved: ['d'],
      before: 'a',
    });
    expect(planDrop(STACK, 'a', 'e')?.before).toBeNull();
  });

  it('does nothing when a card is dropped where it was', () => {
    expect(planDrop(STACK, 'c', 'c')).toBeNull();
  });

  it('moves every selected card with the dragged one, in stack order', () => {
    const selected = new Set(['e', 'b']);
    expect(planDrop(STACK, 'e', 'a', selected)).toEqual({
      stack: ['b', 'e', 'a', 'c', 'd'],
      moved: ['b', 'e'],
      before: 'a',
    });
    // Dropped on itself: the selection gathers where the dragged card is.
    expect(planDrop(STACK, 'e', 'e', selected)?.stack).toEqual(['a', 'c', 'd', 'b', 'e']);
    // A card that is not selected moves alone.
    expect(planDrop(STACK, 'c', 'a', selected)?.moved).toEqual(['c']);
  });

  it('moves a selection to the top or the bottom', () => {
    expect(planMoveTo(STACK, new Set(['d', 'b']), 'top')).toEqual({
      stack: ['b', 'd', 'a', 'c', 'e'],
      moved: ['b', 'd'],
      before: 'a',
    });
    expect(planMoveTo(STACK, new Set(['b']), 'bottom')).toEqual({
      stack: ['a', 'c', 'd', 'e', 'b'],
      moved: ['b'],
      before: null,
    });
    expect(planMoveTo(STACK, new Set(['a']), 'top')).toBeNull();
    expect(planMoveTo(STACK, new Set(), 'top')).toBeNull();
  });
});

describe('the board view of the demo stack', () => {
  const view = viewStack(DEMO_PORTFOLIO, stackOrder(DEMO_PORTFOLIO, 'baseline'));

  it('pins the committed (active, done) and forced-in initiatives and ranks the others', () => {
    const pinned = DEMO_PORTFOLIO.initiatives
      .filter(
        (item) =>
          item.status !== 'cancelled' &&
          (item.forced === 'in' ||
            ((item.status === 'active' || item.status === 'done') && item.forced !== 'out')),
      )
      .map((item) => item.id);
    expect(pinned).toContain('wms-upgrade');
    expect([...view.pinned].sort()).toEqual([...pinned].sort());
    expect(view.rankable).toHaveLength(DEMO_PORTFOLIO.initiatives.length - pinned.length);
    expect(view.rankable.some((id) => pinned.includes(id))).toBe(false);
  });

  it('draws the line above the first card that does not fit, and counts gap-fillers apart', () => {
    const first = view.rankable[view.lineIndex] as string;
    expect(view.cutLine.byId.get(first)?.above).toBe(false);
    const inFront = view.rankable.slice(0, view.lineIndex);
    const cancelled = new Set(
      DEMO_PORTFOLIO.initiatives.filter((item) => item.status === 'cancelled').map((i) => i.id),
    );
    for (const id of inFront) {
      if (!cancelled.has(id)) expect(view.cutLine.byId.get(id)?.above).toBe(true);
    }
    // What the header says is what the drawing shows: the gap-fillers sit behind the line.
    for (const id of view.gap) {
      expect(view.rankable.indexOf(id)).toBeGreaterThan(view.lineIndex);
      expect(view.cutLine.byId.get(id)?.above).toBe(true);
    }
    expect(view.gap.size).toBeGreaterThan(0);
    expect(view.aboveCount + view.gap.size + view.belowCount).toBe(
      DEMO_PORTFOLIO.initiatives.length,
    );
    expect(lineCounts(view)).toBe(
      `${view.aboveCount} above the line · ${view.gap.size} funded in a gap · ${view.belowCount} below`,
    );
  });
});
