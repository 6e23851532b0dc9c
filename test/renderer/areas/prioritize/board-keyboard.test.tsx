import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useMemo } from 'react';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Board } from '../../../../renderer/areas/prioritize/board/Board';
import {
  AUTO_SCROLL_BAND_PX,
  ROW_HEIGHT,
  autoScrollFor,
  rowAtPointer,
} from '../../../../renderer/areas/prioritize/board/RankedStack';
import { usePortfolioState } from '../../../../renderer/db/hooks';
import { stateToPortfolio } from '../../../../shared/store/state';
import { stackOf } from '../../../../shared/store/operations/scenarios';
import { freshDatabase } from '../../db/fresh-database';

beforeEach(freshDatabase);

const clientHeight = Object.getOwnPropertyDescriptor(Element.prototype, 'clientHeight');
beforeAll(() => {
  Object.defineProperty(Element.prototype, 'clientHeight', {
    configurable: true,
    get(this: Element) {
      return this.classList.contains('stack__scroll') ? 800 : 0;
    },
  });
});
afterAll(() => {
  if (clientHeight) Object.defineProperty(Element.prototype, 'clientHeight', clientHeight);
});

function Harness() {
  const rows = usePortfolioState();
  const portfolio = useMemo(() => (rows ? stateToPortfolio(rows) : undefined), [rows]);
  const stack = useMemo(() => (rows ? stackOf(rows, 'baseline') : []), [rows]);
  if (!portfolio) return <p>Loading</p>;
  return <Board portfolio={portfolio} scenarioId="baseline" stack={stack} />;
}

function handles(): HTMLElement[] {
  const list = screen.getByRole('list', { name: 'Ranked initiatives' });
  return within(list).getAllByRole('button', { name: /^Move / });
}

describe('the stack from the keyboard', () => {
  it('keeps one card in the Tab order and moves between cards with the arrow keys', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    await screen.findByRole('list', { name: 'Ranked initiatives' });
    const tabbable = () => handles().filter((handle) => handle.tabIndex === 0);
    expect(tabbable()).toEqual([handles()[0]]);
    const list = screen.getByRole('list', { name: 'Ranked initiatives' });
    const links = within(list).getAllByRole('link');
    expect(links.filter((link) => link.tabIndex === 0)).toHaveLength(1);

    handles()[0]!.focus();
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(document.activeElement).toBe(handles()[2]);
    expect(tabbable()).toEqual([handles()[2]]);
    await user.keyboard('{ArrowUp}');
    expect(document.activeElement).toBe(handles()[1]);

    // The same part of the next card: from a checkbox to the next checkbox.
    const boxes = () => within(list).getAllByRole('checkbox');
    boxes()[1]!.focus();
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(boxes()[2]);

    // Tab leaves the stack after the current card's three controls.
    handles()[2]!.focus();
    await user.tab();
    await user.tab();
    await user.tab();
    expect(list.contains(document.activeElement)).toBe(false);
  });

  it('reaches Move to top two Tabs after ticking a card, and the skip link focuses the stack', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    await screen.findByRole('list', { name: 'Ranked initiatives' });
    const list = screen.getByRole('list', { name: 'Ranked initiatives' });
    const box = within(list).getAllByRole('checkbox')[3]!;
    box.focus();
    await user.keyboard(' ');
    expect(box).toBeChecked();
    await user.tab();
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Move to top' }));

    const skip = screen.getByRole('link', { name: 'Skip to ranked stack' });
    await user.click(skip);
    expect(document.activeElement).toBe(handles()[3]);
  });
});

describe('a pointer drop', () => {
  it('targets the row under the pointer from where the list is now', () => {
    expect(rowAtPointer(100 + ROW_HEIGHT * 9 + 30, 100, 40)).toBe(9);
    // The list scrolled up by three rows: the same point is three rows further down.
    expect(rowAtPointer(100 + ROW_HEIGHT * 9 + 30, 100 - 3 * ROW_HEIGHT, 40)).toBe(12);
    expect(rowAtPointer(50, 100, 40)).toBe(0);
    expect(rowAtPointer(100_000, 100, 40)).toBe(39);
  });

  it('scrolls only in a thin band at the edge, whatever the height of the stack', () => {
    for (const height of [300, 600, 1200]) {
      const threshold = autoScrollFor(height).threshold?.y ?? 0;
      expect(threshold * height).toBeCloseTo(AUTO_SCROLL_BAND_PX);
      expect(threshold * height).toBeLessThan(ROW_HEIGHT / 2);
    }
  });
});
