import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useMemo } from 'react';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_PORTFOLIO } from '../../../../shared/demo/demo-portfolio';
import { Board } from '../../../../renderer/areas/prioritize/board/Board';
import { usePortfolioState } from '../../../../renderer/db/hooks';
import { stateToPortfolio } from '../../../../shared/store/state';
import { undo } from '../../../../renderer/db/repository';
import { stackOf } from '../../../../shared/store/operations/scenarios';
import { freshDatabase } from '../../db/fresh-database';

beforeEach(freshDatabase);

// jsdom lays nothing out: give the stack's scroll area a window-sized box so that the virtual
// list renders its first rows, as it does in a browser.
const clientHeight = Object.getOwnPropertyDescriptor(Element.prototype, 'clientHeight');
const clientWidth = Object.getOwnPropertyDescriptor(Element.prototype, 'clientWidth');
beforeAll(() => {
  Object.defineProperty(Element.prototype, 'clientHeight', {
    configurable: true,
    get(this: Element) {
      return this.classList.contains('stack__scroll') ? 800 : 0;
    },
  });
  Object.defineProperty(Element.prototype, 'clientWidth', {
    configurable: true,
    get(this: Element) {
      return this.classList.contains('stack__scroll') ? 600 : 0;
    },
  });
});
afterAll(() => {
  if (clientHeight) Object.defineProperty(Element.prototype, 'clientHeight', clientHeight);
  if (clientWidth) Object.defineProperty(Element.prototype, 'clientWidth', clientWidth);
});

const SCENARIO = 'baseline';

function Harness() {
  const rows = usePortfolioState();
  const portfolio = useMemo(() => (rows ? stateToPortfolio(rows) : undefined), [rows]);
  const stack = useMemo(() => (rows ? stackOf(rows, SCENARIO) : []), [rows]);
  if (!portfolio) return <p>Loading</p>;
  return <Board portfolio={portfolio} scenarioId={SCENARIO} stack={stack} />;
}

/** The names of the rankable cards shown, top to bottom. */
function shownNames(): string[] {
  const list = screen.getByRole('list', { name: 'Ranked initiatives' });
  return within(list)
    .getAllByRole('listitem')
    .map((item) => item.querySelector('.stack-card__name')?.textContent ?? '');
}

describe('the board', () => {
  it('shows committed and forced-in cards pinned, the others ranked, each with its status and a start or a reason', async () => {
    render(<Harness />);
    await screen.findByRole('list', { name: 'Ranked initiatives' });
    const pinnedItems = DEMO_PORTFOLIO.initiatives.filter(
      (item) => item.forced === 'in' || item.status === 'active' || item.status === 'done',
    );
    const heading = screen.getByRole('heading', { name: 'Committed and forced in · placed first' });
    const pinned = heading.closest('.stack__pinned') as HTMLElement;
    // Folded while all of it fits: one line, so the ranked stack keeps the screen.
    expect(within(pinned).getByTestId('pinned-summary')).toHaveTextContent(
      `${pinnedItems.length} · all fit`,
    );
    expect(within(pinned).queryAllByRole('listitem')).toHaveLength(0);
    const toggle = within(pinned).getByRole('button', { name: `Show all ${pinnedItems.length}` });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await userEvent.setup().click(toggle);
    expect(within(pinned).getByRole('button', { name: 'Hide' })).toHaveAttribute(
      'aria-expanded',
      'true',
    );
    for (const item of pinnedItems) {
      expect(within(pinned).getByText(item.name)).toBeInTheDocument();
    }
    expect(within(pinned).getAllByText('Active').length).toBeGreaterThan(0);
    expect(shownNames()).not.toContain(pinnedItems[0]!.name);
    expect(screen.getByTestId('stack-counts')).toHaveTextContent(
      /^\d+ above the line · \d+ funded in a gap · \d+ below$/,
    );
    // Every card says its status.
    const cards = document.querySelectorAll('.stack-card');
    expect(document.querySelectorAll('[data-testid="card-status"]').length).toBe(cards.length);
    const reasons = document.querySelectorAll('.stack__list .stack-card__reason');
    const starts = document.querySelectorAll('.stack__list .stack-card__start');
    expect(starts.length).toBeGreaterThan(0);
    expect(reasons.length).toBeGreaterThan(0);
    expect(reasons[0]?.textContent).toMatch(
      /short in|needs|excluded by|forced out|cannot|cancelled/,
    );
  });

  it('moves selected cards to the top in one undoable step', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    await screen.findByRole('list', { name: 'Ranked initiatives' });
    const before = shownNames();
    const picked = [before[5]!, before[2]!];
    for (const name of picked)
      await user.click(screen.getByRole('checkbox', { name: `Select ${name}` }));
    expect(screen.getByText('2 selected')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Move to top' }));
    await waitFor(() =>
      expect(shownNames().slice(0, 3)).toEqual([before[2], before[5], before[0]]),
    );

    await undo();
    await waitFor(() => expect(shownNames().slice(0, 6)).toEqual(before.slice(0, 6)));
  });

  it('selects a range with Shift', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    await screen.findByRole('list', { name: 'Ranked initiatives' });
    const names = shownNames();
    await user.click(screen.getByRole('checkbox', { name: `Select ${names[1]}` }));
    await user.keyboard('{Shift>}');
    await user.click(screen.getByRole('checkbox', { name: `Select ${names[4]}` }));
    await user.keyboard('{/Shift}');
    expect(screen.getByText('4 selected')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Clear' }));
    // The selection's toolbar goes with the selection, and focus goes back to the stack.
    expect(screen.queryByRole('toolbar', { name: 'Selected cards' })).toBeNull();
    expect(screen.queryAllByRole('checkbox', { checked: true })).toHaveLength(0);
    expect(document.activeElement).toHaveAccessibleName(/^Move /);
  });

  it('gives every drag handle a name with the card and its position', async () => {
    render(<Harness />);
    await screen.findByRole('list', { name: 'Ranked initiatives' });
    const first = shownNames()[0]!;
    const pinnedCount = DEMO_PORTFOLIO.initiatives.filter(
      (item) => item.forced === 'in' || item.status === 'active' || item.status === 'done',
    ).length;
    expect(
      screen.getByRole('button', { name: `Move ${first}, position ${pinnedCount + 1}` }),
    ).toBeInTheDocument();
  });
});
