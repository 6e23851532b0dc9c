import { act, configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actual } from '../../../../shared/portfolio/types';
import { readPortfolio, undo } from '../../../../renderer/db/repository';
import { withDialogPolyfill } from '../../dialog-polyfill';
import { MetricsHarness, SMALL, freezeToday, goTo, store, thawToday } from './support';

withDialogPolyfill();

// A busy machine stores an edit more slowly: give the waits a little longer than a second.
configure({ asyncUtilTimeout: 4000 });

beforeEach(() => {
  freezeToday();
  goTo({ metricsView: 'actuals' });
});

afterEach(() => {
  thawToday();
});

async function actualOf(initiativeId: string, periodId = 'q3'): Promise<Actual | undefined> {
  const portfolio = await readPortfolio();
  return (portfolio.actuals ?? []).find(
    (actual) => actual.initiativeId === initiativeId && actual.periodId === periodId,
  );
}

/** The grid's cell in the row of `initiative` under the column headed `column`. */
function cell(initiative: string, column: string): HTMLElement {
  const grid = screen.getByRole('grid');
  const headers = within(grid).getAllByRole('columnheader');
  const index = headers.findIndex((header) => header.textContent?.startsWith(column));
  if (index < 0) throw new Error(`No column ${column}`);
  const row = within(grid)
    .getAllByRole('row')
    .find((candidate) =>
      within(candidate).queryByRole('rowheader', { name: new RegExp(`^${initiative}`) }),
    );
  if (!row) throw new Error(`No row ${initiative}`);
  const found = row.querySelector<HTMLElement>(`[aria-colindex="${index + 1}"]`);
  if (!found) throw new Error(`No cell ${initiative} × ${column}`);
  return found;
}

function paste(target: HTMLElement, text: string): void {
  fireEvent.paste(target, {
    clipboardData: { getData: (type: string) => (type === 'text/plain' ? text : '') },
  });
}

describe('the actuals grid', () => {
  it('is a grid of initiatives, those being delivered first, under the period of today', async () => {
    await store();
    render(<MetricsHarness />);
    const grid = await screen.findByRole('grid', { name: 'Actuals for Q3 2026' });
    expect(screen.getByLabelText('Period')).toHaveValue('q3');
    const names = within(grid)
      .getAllByRole('rowheader')
      .map((header) => header.textContent);
    // Active, then approved, then proposed; the Total row last.
    expect(names).toEqual([
      'Route optimisationActive',
      'CRM revampApproved',
      'Data lakeProposed',
      'Total',
    ]);
    const headers = within(grid)
      .getAllByRole('columnheader')
      .map(
        (header) => header.querySelector('.actuals-grid__label')?.textContent ?? header.textContent,
      );
    expect(headers).toEqual([
      'Initiative',
      'Spend',
      'Platform',
      'Data',
      'Progress',
      'RAG',
      'Reason',
      'Confidence',
      'Benefit realized',
    ]);
    expect(grid).toHaveAttribute('aria-rowcount', '5');
    expect(grid).toHaveAttribute('aria-colcount', '9');
    expect(screen.getByText(/Nothing reported for Q3 2026 yet/)).toBeInTheDocument();
  });

  it('stores a typed number with Enter and moves down; Tab moves right', async () => {
    await store();
    render(<MetricsHarness />);
    await screen.findByRole('grid');
    const user = userEvent.setup();
    await user.click(cell('Route optimisation', 'Spend'));
    expect(cell('Route optimisation', 'Spend')).toHaveFocus();
    await user.keyboard('120000{Enter}');
    await waitFor(async () => expect((await actualOf('route'))?.spend).toBe(120_000));
    expect(cell('CRM revamp', 'Spend')).toHaveFocus();
    await waitFor(() => expect(cell('Route optimisation', 'Spend')).toHaveTextContent('€120,000'));

    // Progress is typed as a percentage and kept as a share; "a" stands for amber.
    await user.keyboard('{ArrowUp}{ArrowRight}{ArrowRight}{ArrowRight}');
    expect(cell('Route optimisation', 'Progress')).toHaveFocus();
    await user.keyboard('40{Tab}a{Tab}Hardware late{Enter}');
    await waitFor(async () =>
      expect(await actualOf('route')).toMatchObject({
        spend: 120_000,
        progress: 0.4,
        rag: 'amber',
        note: 'Hardware late',
      }),
    );
    expect(cell('Route optimisation', 'Progress')).toHaveTextContent('40 %');
    expect(cell('Route optimisation', 'RAG')).toHaveTextContent('Amber');
  });

  it('edits the value with F2, takes back the typing with Escape, clears with Delete', async () => {
    await store({
      ...SMALL,
      actuals: [{ initiativeId: 'crm', periodId: 'q3', spend: 5000, effort: { platform: 2 } }],
    });
    render(<MetricsHarness />);
    await screen.findByRole('grid');
    const user = userEvent.setup();
    await user.click(cell('CRM revamp', 'Spend'));
    await user.keyboard('{F2}');
    const editor = screen.getByRole('textbox', { name: 'Spend of CRM revamp, Q3 2026' });
    expect(editor).toHaveValue('5000');
    await user.keyboard('9{Escape}');
    expect(screen.queryByRole('textbox', { name: /Spend of/ })).toBeNull();
    expect(cell('CRM revamp', 'Spend')).toHaveFocus();
    expect((await actualOf('crm'))?.spend).toBe(5000);

    await user.keyboard('{ArrowRight}{Delete}');
    await waitFor(async () => expect((await actualOf('crm'))?.effort).toBeUndefined());
    expect((await actualOf('crm'))?.spend).toBe(5000);
  });

  it('refuses a bad value, naming the cell, and stores nothing', async () => {
    await store();
    render(<MetricsHarness />);
    await screen.findByRole('grid');
    const user = userEvent.setup();
    await user.click(cell('Route optimisation', 'Progress'));
    await user.keyboard('140{Enter}');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Nothing was stored');
    expect(alert).toHaveTextContent(
      /Row “Route optimisation”, column Progress %: 140 % is over 100 %/,
    );
    // The editor stays open on the cell, marked invalid.
    const editor = screen.getByRole('textbox', { name: /Progress of Route optimisation/ });
    expect(editor).toHaveAttribute('aria-invalid', 'true');
    expect(await actualOf('route')).toBeUndefined();
    await user.clear(editor);
    await user.type(editor, '60{Enter}');
    await waitFor(async () => expect((await actualOf('route'))?.progress).toBe(0.6));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('pastes a block from Excel at the selected cell as one edit, undone at once', async () => {
    await store();
    render(<MetricsHarness />);
    await screen.findByRole('grid');
    const user = userEvent.setup();
    await user.click(cell('Route optimisation', 'Spend'));
    // Excel copies rows ending in CRLF, cells separated by tabs: spend, Platform, Data.
    paste(cell('Route optimisation', 'Spend'), '100000\t3.5\t0\r\n80000\t2\t1\r\n');
    await waitFor(async () =>
      expect(await actualOf('route')).toMatchObject({
        spend: 100_000,
        effort: { platform: 3.5, data: 0 },
      }),
    );
    expect(await actualOf('crm')).toMatchObject({
      spend: 80_000,
      effort: { platform: 2, data: 1 },
    });
    // Said in a notice and to a screen reader.
    expect(await screen.findAllByText(/Pasted 6 cells over 2 rows into Q3 2026/)).not.toHaveLength(
      0,
    );
    // Totals under the grid: 3.5 + 2 = 5.5 of Platform's 10.
    expect(
      within(screen.getByRole('grid')).getByRole('rowheader', { name: 'Total' }).parentElement,
    ).toHaveTextContent('5.5 of 10');

    await act(async () => {
      await undo();
    });
    expect(await actualOf('route')).toBeUndefined();
    expect(await actualOf('crm')).toBeUndefined();
  });

  it('refuses a pasted block with a bad cell, naming it, and changes nothing', async () => {
    await store();
    render(<MetricsHarness />);
    await screen.findByRole('grid');
    const user = userEvent.setup();
    await user.click(cell('Route optimisation', 'Spend'));
    paste(cell('Route optimisation', 'Spend'), '100000\t3\n12x\t2\n');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(/Row “CRM revamp”, column Spend: “12x” is not a number/);
    expect(cell('CRM revamp', 'Spend')).toHaveAttribute('aria-invalid', 'true');
    expect(await actualOf('route')).toBeUndefined();
    expect(await actualOf('crm')).toBeUndefined();
  });

  it('reads a pasted decimal comma when the number format uses one', async () => {
    thawToday();
    freezeToday('de-DE');
    await store();
    render(<MetricsHarness />);
    await screen.findByRole('grid');
    const user = userEvent.setup();
    await user.click(cell('Route optimisation', 'Spend'));
    paste(cell('Route optimisation', 'Spend'), '1.234,5\t2,5\n');
    await waitFor(async () =>
      expect(await actualOf('route')).toMatchObject({ spend: 1234.5, effort: { platform: 2.5 } }),
    );
  });

  it('moves to another period with the picker, and says when there are no periods', async () => {
    await store();
    const { unmount } = render(<MetricsHarness />);
    await screen.findByRole('grid', { name: 'Actuals for Q3 2026' });
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Next period' }));
    expect(await screen.findByRole('grid', { name: 'Actuals for Q4 2026' })).toBeInTheDocument();
    unmount();

    await store({
      ...SMALL,
      periods: [],
      teams: SMALL.teams.map((team) => ({ ...team, capacity: {} })),
      initiatives: SMALL.initiatives.map(({ demand: _d, spend: _s, start: _st, ...rest }) => rest),
    });
    render(<MetricsHarness />);
    expect(await screen.findByText('No periods yet.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Go to Periods' })).toBeInTheDocument();
  });
});
