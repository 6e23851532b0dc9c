import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useMemo, useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  PresentationView,
  type PresentationViewProps,
} from '../../../../../renderer/areas/workshop/present/PresentationView';
import {
  moveAnnouncement,
  presentStack,
} from '../../../../../renderer/areas/workshop/present/presentation-model';
import { usePortfolioState } from '../../../../../renderer/db/hooks';
import { readPortfolio, readState, undo } from '../../../../../renderer/db/repository';
import { stackOrder } from '../../../../../shared/prioritize/cutline';
import { stackOf } from '../../../../../shared/store/operations/scenarios';
import { stateToPortfolio } from '../../../../../shared/store/state';
import { withDialogPolyfill } from '../../../dialog-polyfill';
import { freshDatabase } from '../../../db/fresh-database';
import { SMALL } from './small-portfolio';

withDialogPolyfill();
beforeEach(freshDatabase);
afterEach(() => vi.restoreAllMocks());

/** The demo portfolio as stored, presented with the selection held the way the app holds it. */
function Stored(props: Partial<PresentationViewProps>) {
  const rows = usePortfolioState();
  const portfolio = useMemo(() => (rows ? stateToPortfolio(rows) : undefined), [rows]);
  const [selected, setSelected] = useState<string | null>(null);
  if (!portfolio) return <p>Loading</p>;
  return (
    <PresentationView
      portfolio={portfolio}
      scenarioId="baseline"
      selectedId={selected}
      onSelect={setSelected}
      {...props}
    />
  );
}

/** The cards on screen, top to bottom, by id. */
function shownIds(): string[] {
  return Array.from(document.querySelectorAll('.present-card')).map(
    (card) => card.getAttribute('data-initiative-id') ?? '',
  );
}

function nameOf(id: string): string {
  const card = document.querySelector(`[data-initiative-id="${id}"]`);
  return card?.querySelector('.present-card__name')?.textContent ?? '';
}

/** The card marked as selected, by id; null when none is. */
function selectedId(): string | null {
  const current = screen
    .queryAllByRole('listitem')
    .filter((item) => item.getAttribute('aria-current') === 'true');
  expect(current.length).toBeLessThanOrEqual(1);
  return current[0]?.getAttribute('data-initiative-id') ?? null;
}

describe('the stack on the projector', () => {
  it('shows each card with its rank, name, status, value and side of the line, and the line with the board’s label', () => {
    render(<PresentationView portfolio={SMALL} scenarioId="outcome" title="Q3 workshop" />);
    expect(screen.getByRole('heading', { name: 'Workshop outcome' })).toBeInTheDocument();
    expect(screen.getByText('Q3 workshop')).toBeInTheDocument();

    const above = screen.getByRole('list', { name: 'Above the line' });
    const below = screen.getByRole('list', { name: 'Below the line' });
    const cards = (list: HTMLElement) =>
      within(list)
        .getAllByRole('listitem')
        .map((item) => item.textContent);
    expect(cards(above)).toEqual([
      '2Fleet telematicsProposedAboveabove the linevalue 40',
      '3Customer portalProposedAboveabove the linevalue 30',
    ]);
    expect(cards(below)).toEqual([
      '4Data lakeProposedBelowbelow the linevalue 25',
      '5ETL rebuildProposedIn a gapbelow the line, funded in a gapvalue 10',
      '6Old CRMCancelledBelowbelow the linevalue 5',
    ]);

    // The line sits between the last funded card and the first that is not.
    const line = screen.getByTestId('cut-line');
    expect(above.compareDocumentPosition(line) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(line.compareDocumentPosition(below) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(line).toHaveTextContent(
      'Cut line · 3 above the line · 1 funded in a gap · 2 below' +
        'Data lake does not fit: Data team is 2 FTE short in 2027-Q1',
    );
    // Committed work is placed first, in one line.
    expect(screen.getByTestId('present-pinned')).toHaveTextContent(
      'Committed · placed first1 · all fit',
    );
  });

  it('draws the line after the last card when every card fits', () => {
    const roomy: typeof SMALL = {
      ...SMALL,
      teams: [{ id: 'data', name: 'Data team', capacity: { q1: 9, q2: 9 } }],
      initiatives: SMALL.initiatives.filter((item) => item.id !== 'crm'),
    };
    render(<PresentationView portfolio={roomy} scenarioId="outcome" />);
    expect(screen.queryByRole('list', { name: 'Below the line' })).toBeNull();
    const line = screen.getByTestId('cut-line');
    expect(line).toHaveTextContent(/^✂?\s*Cut line · 5 above the line · 0 below$/);
    const above = screen.getByRole('list', { name: 'Above the line' });
    expect(above.compareDocumentPosition(line) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('shows the capacity heatmap with its text at 16 px or more, drawn at scale 1', () => {
    render(<PresentationView portfolio={SMALL} scenarioId="outcome" />);
    const chart = screen.getByRole('img', {
      name: /^Capacity used by the initiatives above the line/,
    });
    const viewBox = chart.getAttribute('viewBox')?.split(' ').map(Number) ?? [];
    expect(Number(chart.getAttribute('width'))).toBe(viewBox[2]);
    expect(Number(chart.getAttribute('height'))).toBe(viewBox[3]);
    const sizes = Array.from(chart.querySelectorAll('text')).map((text) =>
      Number(text.getAttribute('font-size')),
    );
    expect(sizes.length).toBeGreaterThan(0);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(16);
    // Every value is in a table for screen readers too.
    expect(
      screen.getByRole('table', { name: 'Capacity use per team and period' }),
    ).toHaveTextContent('Data team');
  });
});

describe('the facilitator’s keys', () => {
  it('selects cards with the arrows, j and k, Home and End, marked by more than colour', async () => {
    const user = userEvent.setup();
    render(<Stored />);
    await screen.findByRole('list', { name: 'Above the line' });
    const ids = shownIds();
    expect(selectedId()).toBeNull();

    await user.keyboard('{ArrowDown}');
    expect(selectedId()).toBe(ids[0]);
    await user.keyboard('j');
    expect(selectedId()).toBe(ids[1]);
    await user.keyboard('{ArrowDown}{ArrowUp}k');
    expect(selectedId()).toBe(ids[0]);
    await user.keyboard('{End}');
    expect(selectedId()).toBe(ids.at(-1));
    await user.keyboard('{Home}');
    expect(selectedId()).toBe(ids[0]);

    // The selected card has a marker and a frame of its own, and the detail line names it.
    const card = document.querySelector(`[data-initiative-id="${ids[0]}"]`) as HTMLElement;
    expect(card).toHaveClass('present-card--selected');
    expect(card.querySelector('.present-card__marker')).toHaveTextContent('▶');
    expect(screen.getByTestId('present-focus')).toHaveTextContent(nameOf(ids[0]!));
  });

  it('moves the selected card with Alt+↓ and Alt+↑ through the undoable stack edit, and announces each move', async () => {
    const user = userEvent.setup();
    render(<Stored />);
    await screen.findByRole('list', { name: 'Above the line' });
    const ids = shownIds();
    const [first, second] = [ids[0]!, ids[1]!];
    const storedOrder = async () =>
      stackOf(await readState(), 'baseline').filter((id) => id === first || id === second);

    await user.keyboard('{ArrowDown}{Alt>}{ArrowDown}{/Alt}');
    await waitFor(() => expect(shownIds().slice(0, 2)).toEqual([second, first]));
    await waitFor(async () => expect(await storedOrder()).toEqual([second, first]));
    const portfolio = await readPortfolio();
    const moved = presentStack(portfolio, stackOrder(portfolio, 'baseline')).cards.find(
      (card) => card.id === first,
    );
    expect(moved?.rank).toBe(
      Number(document.querySelector('.present-card__rank')?.textContent) + 1,
    );
    await waitFor(() =>
      expect(screen.getByRole('status')).toHaveTextContent(moveAnnouncement(moved!)),
    );
    expect(screen.getByRole('status')).toHaveTextContent(/^Moved .+ to \d+(st|nd|rd|th), /);
    // The card stays selected where it went.
    expect(selectedId()).toBe(first);

    // One undo step, as Ctrl+Z takes it.
    await act(async () => {
      await undo();
    });
    await waitFor(() => expect(shownIds().slice(0, 2)).toEqual([first, second]));
    // The announcement of the undone move is not left on screen.
    expect(screen.getByRole('status').textContent).toBe('');

    await user.keyboard('{Alt>}{ArrowDown}{/Alt}');
    await waitFor(async () => expect(await storedOrder()).toEqual([second, first]));
    await user.keyboard('{Alt>}{ArrowUp}{/Alt}');
    await waitFor(async () => expect(await storedOrder()).toEqual([first, second]));
    await waitFor(() => expect(shownIds().slice(0, 2)).toEqual([first, second]));

    // Already first: nothing moves, and the room hears why.
    await user.keyboard('{Alt>}{ArrowUp}{/Alt}');
    expect(screen.getByRole('status')).toHaveTextContent(`${nameOf(first)} is already first.`);
    expect(await storedOrder()).toEqual([first, second]);
  });

  it('says a move was not stored, and puts the card back', async () => {
    const user = userEvent.setup();
    // The stored portfolio has no such scenario: the store refuses the move.
    render(<PresentationView portfolio={SMALL} scenarioId="outcome" />);
    await user.keyboard('{ArrowDown}{Alt>}{ArrowDown}{/Alt}');
    await waitFor(() =>
      expect(screen.getByRole('status')).toHaveTextContent(/^The move was not stored: /),
    );
    expect(shownIds()).toEqual(['fleet', 'portal', 'lake', 'etl', 'crm']);
  });

  it('asks for a card before moving one', async () => {
    const user = userEvent.setup();
    render(<PresentationView portfolio={SMALL} scenarioId="outcome" />);
    await user.keyboard('{Alt>}{ArrowDown}{/Alt}');
    expect(screen.getByRole('status')).toHaveTextContent('Select a card first');
    expect(shownIds()).toEqual(['fleet', 'portal', 'lake', 'etl', 'crm']);
  });

  it('hides and shows the heatmap with H and the notes with N', async () => {
    const user = userEvent.setup();
    render(
      <PresentationView portfolio={SMALL} scenarioId="outcome" notes="Start with the data lake." />,
    );
    const chart = () => screen.queryByRole('img', { name: /^Capacity used/ });
    const notes = () => screen.queryByRole('region', { name: 'Notes' });
    expect(chart()).toBeInTheDocument();
    expect(notes()).toHaveTextContent('Start with the data lake.');

    await user.keyboard('h');
    expect(chart()).toBeNull();
    await user.keyboard('H');
    expect(chart()).toBeInTheDocument();
    await user.keyboard('n');
    expect(notes()).toBeNull();
    expect(screen.queryByText('Start with the data lake.')).toBeNull();
    await user.keyboard('n');
    expect(notes()).toBeInTheDocument();
  });

  it('turns full screen on and off with F, quietly where it is not allowed', async () => {
    const user = userEvent.setup();
    const root = document.documentElement;
    const request = vi.fn(() => Promise.reject(new Error('Permissions check failed')));
    const exit = vi.fn(() => Promise.resolve());
    Object.defineProperty(root, 'requestFullscreen', { configurable: true, value: request });
    Object.defineProperty(document, 'exitFullscreen', { configurable: true, value: exit });
    let full: Element | null = null;
    Object.defineProperty(document, 'fullscreenElement', { configurable: true, get: () => full });
    try {
      render(<PresentationView portfolio={SMALL} scenarioId="outcome" />);
      await user.keyboard('f');
      expect(request).toHaveBeenCalledTimes(1);
      full = root;
      await user.keyboard('F');
      expect(exit).toHaveBeenCalledTimes(1);
      expect(request).toHaveBeenCalledTimes(1);
    } finally {
      delete (root as unknown as Record<string, unknown>).requestFullscreen;
      delete (document as unknown as Record<string, unknown>).exitFullscreen;
      delete (document as unknown as Record<string, unknown>).fullscreenElement;
    }
    // Where the page has no full screen at all (jsdom), F does nothing and throws nothing.
    await user.keyboard('f');
    expect(screen.getByRole('list', { name: 'Above the line' })).toBeInTheDocument();
  });

  it('opens the keys with ?, as a modal dialog that lists every key, and closes it with ? or Escape', async () => {
    const user = userEvent.setup();
    const onExit = vi.fn();
    render(<PresentationView portfolio={SMALL} scenarioId="outcome" onExit={onExit} />);
    expect(screen.getByText('Keys', { exact: false })).toBeInTheDocument();

    await user.keyboard('?');
    const dialog = screen.getByRole('dialog', { name: 'Keys for the presentation' });
    const rows = within(dialog)
      .getAllByRole('row')
      .slice(1)
      .map((row) => [
        computeName(within(row).getByRole('rowheader')),
        within(row).getByRole('cell').textContent,
      ]);
    expect(rows).toEqual([
      ['Up arrow or K', 'Select the previous card'],
      ['Down arrow or J', 'Select the next card'],
      ['Home', 'Select the first card'],
      ['End', 'Select the last card'],
      ['Alt+Up arrow', 'Move the selected card up one place'],
      ['Alt+Down arrow', 'Move the selected card down one place'],
      ['Ctrl+Z or Command+Z', 'Undo the last move'],
      ['H', 'Show or hide the capacity heatmap'],
      ['N', 'Show or hide the notes'],
      ['F', 'Full screen on or off'],
      ['Question mark', 'Show or hide these keys'],
      ['Escape', 'Close these keys, or leave the presentation'],
    ]);

    // Modal: keys behind it do nothing while it is open.
    await user.keyboard('{ArrowDown}h');
    expect(selectedId()).toBeNull();
    expect(screen.getByRole('img', { name: /^Capacity used/ })).toBeInTheDocument();

    await user.keyboard('?');
    expect(screen.queryByRole('dialog')).toBeNull();
    await user.keyboard('?');
    expect(screen.getByRole('dialog')).toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(onExit).not.toHaveBeenCalled();

    // With the help closed, Escape leaves the presentation.
    await user.keyboard('{Escape}');
    expect(onExit).toHaveBeenCalledTimes(1);
  });

  it('leaves Ctrl and Cmd shortcuts and typing in a field to the app', async () => {
    const user = userEvent.setup();
    render(
      <>
        <input aria-label="Elsewhere" />
        <PresentationView portfolio={SMALL} scenarioId="outcome" />
      </>,
    );
    await user.keyboard('{Control>}h{/Control}');
    expect(screen.getByRole('img', { name: /^Capacity used/ })).toBeInTheDocument();
    await user.click(screen.getByRole('textbox', { name: 'Elsewhere' }));
    await user.keyboard('h?');
    expect(screen.getByRole('img', { name: /^Capacity used/ })).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});

describe('the audience’s view', () => {
  it('has no controls, notes or help, ignores keys, and follows the selected card', async () => {
    const user = userEvent.setup();
    const onSelect = vi.fn();
    const onExit = vi.fn();
    const { container, rerender } = render(
      <PresentationView
        portfolio={SMALL}
        scenarioId="outcome"
        audience
        selectedId="portal"
        onSelect={onSelect}
        onExit={onExit}
        notes="For the facilitator only"
      />,
    );
    expect(screen.getByRole('list', { name: 'Above the line' })).toBeInTheDocument();
    expect(screen.getByTestId('cut-line')).toBeInTheDocument();
    expect(screen.getByRole('img', { name: /^Capacity used/ })).toBeInTheDocument();
    expect(screen.queryByText('For the facilitator only')).toBeNull();
    expect(screen.queryByRole('status')).toBeNull();
    expect(screen.queryByText('Keys')).toBeNull();
    expect(
      container.querySelectorAll('a, button, input, select, textarea, [tabindex]'),
    ).toHaveLength(0);
    expect(selectedId()).toBe('portal');

    await user.keyboard('{ArrowDown}{Alt>}{ArrowDown}{/Alt}?hn{Escape}');
    expect(onSelect).not.toHaveBeenCalled();
    expect(onExit).not.toHaveBeenCalled();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByRole('img', { name: /^Capacity used/ })).toBeInTheDocument();
    expect(shownIds()).toEqual(['fleet', 'portal', 'lake', 'etl', 'crm']);
    expect(selectedId()).toBe('portal');

    rerender(<PresentationView portfolio={SMALL} scenarioId="outcome" audience selectedId="etl" />);
    expect(selectedId()).toBe('etl');
    expect(screen.getByTestId('present-focus')).toHaveTextContent(
      '5 · ETL rebuild — below the line, funded in a gap: starts 2027-Q2 · 1 period',
    );
  });
});

describe('nothing to present', () => {
  it('says so when the scenario is not in the portfolio, and Escape still leaves', async () => {
    const user = userEvent.setup();
    const onExit = vi.fn();
    render(<PresentationView portfolio={SMALL} scenarioId="gone" onExit={onExit} />);
    expect(screen.getByTestId('present-empty')).toHaveTextContent('No scenario to present.');
    expect(screen.queryByRole('list')).toBeNull();
    await user.keyboard('{Escape}');
    expect(onExit).toHaveBeenCalledTimes(1);
  });

  it('says so when the scenario has no initiatives to rank', () => {
    const { rerender } = render(
      <PresentationView portfolio={{ ...SMALL, initiatives: [] }} scenarioId="outcome" audience />,
    );
    expect(screen.getByTestId('present-empty')).toHaveTextContent(
      'Workshop outcome has nothing to rank.The portfolio has no initiatives yet.',
    );
    expect(screen.queryByText(/Esc/)).toBeNull();
    expect(screen.queryByTestId('cut-line')).toBeNull();

    const committed = SMALL.initiatives.map((item) => ({ ...item, status: 'active' as const }));
    rerender(
      <PresentationView portfolio={{ ...SMALL, initiatives: committed }} scenarioId="outcome" />,
    );
    expect(screen.getByTestId('present-empty')).toHaveTextContent(
      'Every initiative in it is committed or forced in',
    );
  });
});

describe('scrolling', () => {
  it('brings the selected card into view, with the cut line when both fit', async () => {
    const user = userEvent.setup();
    render(<Stored />);
    await screen.findByRole('list', { name: 'Above the line' });
    const box = screen.getByTestId('present-scroll');
    // jsdom lays nothing out: cards 52 px tall 4 px apart and the line 64 px, as drawn.
    Object.defineProperty(box, 'clientHeight', { configurable: true, value: 500 });
    const span = (element: Element): [number, number] | null => {
      let y = 0;
      for (const item of box.querySelectorAll('.present-card, [data-cut-line]')) {
        const height = item.hasAttribute('data-cut-line') ? 64 : 52;
        if (item === element) return [y, y + height];
        y += height + 4;
      }
      return null;
    };
    vi.spyOn(Element.prototype, 'getBoundingClientRect').mockImplementation(function (
      this: Element,
    ) {
      const at: [number, number] | null =
        this === box ? [box.scrollTop, box.scrollTop + 500] : span(this);
      const [top, bottom] = at ?? [0, 0];
      const shown = { top: 100 + top - box.scrollTop, bottom: 100 + bottom - box.scrollTop };
      return {
        ...shown,
        left: 0,
        right: 800,
        width: 800,
        height: bottom - top,
        x: 0,
        y: shown.top,
        toJSON: () => shown,
      };
    });
    const inView = (id: string) => {
      const card = box.querySelector(`[data-initiative-id="${id}"]`) as Element;
      const rect = card.getBoundingClientRect();
      return rect.top >= 100 && rect.bottom <= 600;
    };
    const ids = shownIds();

    await user.keyboard('{End}');
    expect(box.scrollTop).toBeGreaterThan(0);
    expect(inView(ids.at(-1)!)).toBe(true);

    await user.keyboard('{Home}');
    expect(inView(ids[0]!)).toBe(true);
    const line = screen.getByTestId('cut-line').getBoundingClientRect();
    expect(line.top).toBeGreaterThanOrEqual(100);
    expect(line.bottom).toBeLessThanOrEqual(600);
  });
});

/** The accessible name of an element: its text without what is hidden from assistive tech. */
function computeName(element: HTMLElement): string {
  const clone = element.cloneNode(true) as HTMLElement;
  for (const hidden of clone.querySelectorAll('[aria-hidden="true"]')) hidden.remove();
  return (clone.textContent ?? '').replace(/\s+/g, ' ').trim();
}

describe('the layout at 1280 × 800', () => {
  // The test runs from the repository's root (the Vitest config's root).
  const css = readFileSync(
    join(process.cwd(), 'renderer/areas/workshop/present/presentation.css'),
    'utf8',
  );
  /** The pixel values of `property` in the rule for exactly `selector`, top and bottom first. */
  const px = (selector: string, property: string): number[] => {
    for (const rule of css.matchAll(/([^{}]+)\{([^}]*)\}/g)) {
      const selectors = (rule[1] ?? '').replace(/\/\*[\s\S]*?\*\//g, '').trim();
      if (selectors !== selector) continue;
      const found = new RegExp(`(?:^|[;\\s])${property}:\\s*([^;]+);`).exec(rule[2] ?? '');
      if (found) return (found[1] ?? '').split(/\s+/).map((value) => Number.parseFloat(value) || 0);
    }
    throw new Error(`No ${property} for ${selector}`);
  };
  /** Top plus bottom of a shorthand: `8px 24px` or `4px 12px 0`. */
  const vertical = (values: number[]) => (values[0] ?? 0) + (values[2] ?? values[0] ?? 0);

  it('keeps cards at most 56 px apart with 20 px text or more', () => {
    const card = px('.present-card', 'height')[0]! + px('.present-card', 'margin-bottom')[0]!;
    expect(card).toBeLessThanOrEqual(56);
    for (const part of ['name', 'rank', 'value']) {
      expect(px(`.present-card__${part}`, 'font-size')[0]).toBeGreaterThanOrEqual(20);
    }
    expect(
      px('.present-card__status,\n.present-card__side', 'font-size')[0],
    ).toBeGreaterThanOrEqual(20);
    // A long name on two lines still fits the card.
    expect(2 * px('.present-card__name', 'line-height')[0]!).toBeLessThanOrEqual(
      px('.present-card', 'height')[0]! - 4,
    );
  });

  it('leaves room for the cut line at its tallest and at least eight cards', () => {
    const header =
      vertical(px('.present__header', 'padding')) +
      px('.present__scenario', 'line-height')[0]! +
      px('.present__header', 'border-bottom')[0]!;
    expect(header).toBeLessThanOrEqual(56);
    const body = vertical(px('.present__body', 'padding'));
    const pinned =
      px('.present__pinned', 'line-height')[0]! +
      vertical(px('.present__pinned', 'padding')) +
      vertical(px('.present__pinned', 'margin'));
    const columns =
      px('.present__columns', 'height')[0]! + px('.present__columns', 'margin-bottom')[0]!;
    const focus = px('.present__focus', 'height')[0]! + vertical(px('.present__focus', 'margin'));
    // The line's label and reason take two lines each at most.
    const line =
      vertical(px('.present__cut', 'margin')) +
      px('.present__cut', 'padding')[0]! +
      px('.present__cut', 'border-top')[0]! +
      4 * px('.present__cut-label,\n.present__cut-reason', 'line-height')[0]!;
    const pitch = px('.present-card', 'height')[0]! + px('.present-card', 'margin-bottom')[0]!;
    const room = 800 - header - body - pinned - columns - focus - line;
    expect(Math.floor(room / pitch)).toBeGreaterThanOrEqual(8);
  });
});
