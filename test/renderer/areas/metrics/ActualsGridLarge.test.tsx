import { act, configure, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Portfolio } from '../../../../shared/portfolio/types';
import { DRAW_ALL_UP_TO } from '../../../../renderer/areas/metrics/ActualsGrid';
import { layOutScrollBoxes, type VirtualLayout } from '../../virtual-layout';
import { MetricsHarness, SMALL, freezeToday, goTo, store, thawToday } from './support';

configure({ asyncUtilTimeout: 4000 });

const SIZE = 500;
/** jsdom lays nothing out: the grid's scroll box gets a screen's size, each row a line. */
const ROW = 35;

const LARGE: Portfolio = {
  ...SMALL,
  initiatives: Array.from({ length: SIZE }, (_, index) => ({
    id: `i${index}`,
    name: `Initiative ${index + 1}`,
    status: 'active' as const,
  })),
  scenarios: [{ id: 's1', name: 'Plan', ranking: [] }],
};

let layout: VirtualLayout | undefined;

beforeEach(() => {
  freezeToday();
  goTo({ metricsView: 'actuals' });
  layout = layOutScrollBoxes('actuals-grid__scroll', { width: 1200, height: 600 }, ROW);
});

afterEach(() => {
  layout?.restore();
  thawToday();
});

describe('the actuals grid with 500 initiatives', () => {
  it('draws only the rows in view, and the arrow keys scroll on to rows not drawn', async () => {
    expect(SIZE).toBeGreaterThan(DRAW_ALL_UP_TO);
    await store(LARGE);
    render(<MetricsHarness />);
    const grid = await screen.findByRole('grid');
    expect(grid).toHaveAttribute('aria-rowcount', String(SIZE + 2));
    const drawn = () =>
      within(screen.getByRole('grid'))
        .getAllByRole('row')
        .filter((row) => row.hasAttribute('data-index'));
    expect(drawn().length).toBeLessThan(60);
    const box = document.querySelector('.actuals-grid__scroll') as HTMLElement;
    layout?.scrollable(box, ROW * (SIZE + 2));

    const last = drawn().at(-1) as HTMLElement;
    const lastIndex = Number(last.getAttribute('data-index'));
    const user = userEvent.setup();
    await user.click(last.querySelector('[data-column="1"]') as HTMLElement);
    await user.keyboard('{ArrowDown}');
    // The row below was not drawn: the grid scrolls to it and gives its cell the focus.
    await waitFor(() =>
      expect(document.activeElement).toHaveAttribute('data-row', String(lastIndex + 1)),
    );
    await user.keyboard('{Control>}{End}{/Control}');
    await waitFor(() =>
      expect(document.activeElement).toHaveAttribute('data-row', String(SIZE - 1)),
    );
    expect(document.activeElement?.closest('tr')).toHaveAttribute(
      'aria-rowindex',
      String(SIZE + 1),
    );
    expect(drawn().length).toBeLessThan(60);
    act(() => (document.activeElement as HTMLElement).blur());
  });
});
