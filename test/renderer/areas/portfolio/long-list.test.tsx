/**
 * A long initiatives list draws only the rows in view, and still reads as the whole table: the
 * row count, each row's place, scrolling, search and the chosen initiative's row.
 */
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../../../renderer/app/App';
import { DRAW_ALL_UP_TO } from '../../../../renderer/areas/portfolio/InitiativesTab';
import { replacePortfolio } from '../../../../renderer/db/repository';
import { useAppStore } from '../../../../renderer/state/store';
import { generatePortfolio } from '../../../bench/generate-portfolio';
import { freshApp } from '../../app/fresh-app';
import { layOutScrollBoxes, type VirtualLayout } from '../../virtual-layout';

const SIZE = 1000;
const portfolio = generatePortfolio({
  initiatives: SIZE,
  teams: 5,
  periods: 6,
  dependencyShare: 0.1,
  seed: 3,
});

/** The table's scroll box the size it has on a screen (jsdom lays nothing out). */
const ROW = 37;
let layout: VirtualLayout | undefined;

beforeEach(async () => {
  await freshApp();
  await replacePortfolio(portfolio, { kind: 'file', label: 'long.baton.json' }, 'Opened a file');
  layout = layOutScrollBoxes('initiatives__scroll', { width: 960, height: 600 }, ROW);
});

afterEach(() => {
  layout?.restore();
});

const drawnRows = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .filter((row) => row.hasAttribute('data-index'));

describe('a long initiatives list', () => {
  it('draws only the rows in view, each with its place in the whole table', async () => {
    render(<App />);
    await screen.findByText(`${SIZE} initiatives`);
    const table = screen.getByRole('table', { name: /Initiatives, sorted by/ });
    expect(table).toHaveAttribute('aria-rowcount', String(SIZE + 1));
    const rows = drawnRows(table);
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.length).toBeLessThan(60);
    expect(rows[0]).toHaveAttribute('aria-rowindex', '2');
    expect(within(rows[0]!).getByRole('link')).toHaveTextContent(portfolio.initiatives[0]!.name);
    expect(
      screen.queryByRole('link', { name: portfolio.initiatives[SIZE - 1]!.name }),
    ).not.toBeInTheDocument();
  });

  it('draws the rows scrolled to, and the chosen initiative’s row', async () => {
    render(<App />);
    await screen.findByText(`${SIZE} initiatives`);
    const box = document.querySelector('.initiatives__scroll') as HTMLElement;
    // Half way down: the rows there are drawn, the first ones no longer.
    // Scrolled as a browser scrolls it: the offset moves and a scroll event follows.
    layout?.scrollable(box, ROW * (SIZE + 1));
    act(() => {
      box.scrollTop = ROW * 500;
      fireEvent.scroll(box);
    });
    const middle = portfolio.initiatives[505]!;
    expect(await screen.findByRole('link', { name: middle.name })).toBeInTheDocument();
    expect(
      screen.queryByRole('link', { name: portfolio.initiatives[0]!.name }),
    ).not.toBeInTheDocument();
    const row = screen.getByRole('link', { name: middle.name }).closest('tr');
    expect(row).toHaveAttribute('aria-rowindex', '507');

    // Chosen from elsewhere (an address, another area): its row is there, marked as current.
    const last = portfolio.initiatives[SIZE - 1]!;
    act(() => useAppStore.getState().navigate({ initiativeId: last.id }));
    await screen.findByRole('complementary', { name: last.name });
    const lastRow = (await screen.findByRole('link', { name: last.name })).closest('tr');
    expect(lastRow).toHaveAttribute('aria-current', 'true');
    expect(lastRow).toHaveAttribute('aria-rowindex', String(SIZE + 1));
  });

  it('shows every row once a search narrows the list enough', async () => {
    render(<App />);
    await screen.findByText(`${SIZE} initiatives`);
    const wanted = portfolio.initiatives[777]!;
    fireEvent.change(screen.getByLabelText('Search'), { target: { value: wanted.name } });
    const summary = await screen.findByText(new RegExp(`of ${SIZE} initiatives$`));
    const shown = Number(summary.textContent?.split(' ')[0]);
    expect(shown).toBeLessThanOrEqual(DRAW_ALL_UP_TO);
    const table = screen.getByRole('table', { name: /Initiatives, sorted by/ });
    expect(drawnRows(table)).toHaveLength(shown);
    expect(within(table).getByRole('link', { name: wanted.name })).toBeInTheDocument();
  });
});
