import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AGEING_SHOWN, FlowFigures } from '../../../../renderer/areas/intake/FlowFigures';
import * as edits from '../../../../renderer/db/edits';
import { readPortfolio } from '../../../../renderer/db/repository';
import { setDisplayLocale } from '../../../../renderer/format';
import { freshDatabase } from '../../db/fresh-database';

/** The demo's "now": its proposals were written in the autumn of 2026. */
function today(day: string) {
  vi.setSystemTime(new Date(`${day}T12:00:00`));
}

async function renderFigures() {
  const user = userEvent.setup();
  render(<FlowFigures />);
  await screen.findByRole('heading', { name: 'Flow' });
  return user;
}

function figure(name: string): string {
  const term = screen.getByText(name, { selector: 'dt' });
  return term.nextElementSibling?.textContent ?? '';
}

function stageCounts(): string[][] {
  const table = screen.getByRole('table', { name: 'Proposals per stage, today' });
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => [
      within(row).getByRole('rowheader').textContent ?? '',
      within(row).getAllByRole('cell')[0]?.textContent ?? '',
    ]);
}

function ageingTitles(): string[] {
  const table = screen.getByRole('table', { name: /oldest first/ });
  return within(table)
    .getAllByRole('rowheader')
    .map((cell) => cell.textContent ?? '');
}

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  setDisplayLocale('en-GB');
  await freshDatabase();
});

afterEach(() => {
  vi.useRealTimers();
  setDisplayLocale(undefined);
});

describe('the intake flow figures', () => {
  it('counts the proposals per stage by the PMO’s stage names', async () => {
    today('2026-11-25');
    await renderFigures();
    expect(stageCounts()).toEqual([
      ['Draft', '1'],
      ['Submitted', '1'],
      ['PMO review', '2'],
      ['Approved', '1'],
      ['Deferred', '2'],
      ['Rejected', '1'],
    ]);
    expect(figure('Open')).toMatch(/^6of 8 proposals/);
  });

  it('gives the approval rate and the median time from submission to decision', async () => {
    today('2026-11-25');
    await renderFigures();
    expect(figure('Approval rate')).toContain('50%');
    expect(figure('Approval rate')).toContain('1 approved, 1 rejected over all time');
    expect(figure('Submitted to decision')).toContain('32.5 days');
    expect(figure('Submitted to decision')).toContain('The median over 4 proposals');
  });

  it('takes the rates over the window chosen, and says when nothing was decided in it', async () => {
    today('2027-01-10');
    const user = await renderFigures();
    const span = screen.getByRole('combobox', { name: 'Decisions over' });
    // From 2026-10-12 on: one rejection (35 days) and one deferral (35 days).
    await user.selectOptions(span, 'Last 90 days');
    expect(figure('Approval rate')).toContain('0%');
    expect(figure('Approval rate')).toContain('0 approved, 1 rejected over last 90 days');
    expect(figure('Submitted to decision')).toContain('35 days');
    expect(figure('Submitted to decision')).toContain('over 2 proposals');

    today('2027-06-30');
    await user.selectOptions(span, 'All time');
    await user.selectOptions(span, 'Last 90 days');
    expect(figure('Approval rate')).toContain(
      'No proposal approved or rejected over last 90 days.',
    );
    expect(figure('Submitted to decision')).toContain('No proposal went from submission');
  });

  it('calls out deferred proposals overdue for their revisit, with a link to each', async () => {
    today('2026-11-25');
    await renderFigures();
    const overdue = screen.getByRole('note', { name: 'Overdue revisits' });
    expect(overdue).toHaveTextContent('1 deferred proposal is overdue for its revisit');
    expect(overdue).toHaveTextContent(
      'Drone stock counts in Venlo: to be revisited on 16 Nov 2026, 9 days ago.',
    );
    expect(
      within(overdue).getByRole('link', { name: 'Drone stock counts in Venlo' }),
    ).toHaveAttribute('href', '#/intake/drone-stock-counts');
  });

  it('says nothing of revisits when none is overdue', async () => {
    today('2026-11-10');
    await renderFigures();
    expect(screen.queryByRole('note', { name: 'Overdue revisits' })).toBeNull();
  });

  it('lists the open proposals by time in their stage, oldest first, and all of them on request', async () => {
    today('2026-11-25');
    for (const title of ['Extra one', 'Extra two', 'Extra three']) {
      expect(await edits.createProposal({ date: '2026-11-24', title })).not.toBe('');
    }
    const user = await renderFigures();
    await screen.findByText('of 11 proposals: not yet approved or rejected.');
    expect(ageingTitles()).toHaveLength(AGEING_SHOWN);
    expect(ageingTitles().slice(0, 3)).toEqual([
      'Drone stock counts in Venlo',
      'Depot energy monitoring',
      'Driver wellbeing app',
    ]);
    const row = screen.getByRole('row', { name: /Drone stock counts in Venlo/ });
    expect(row).toHaveTextContent('Deferred');
    expect(row).toHaveTextContent('16 Sept 2026');
    expect(row).toHaveTextContent('70');
    const more = screen.getByRole('button', { name: 'Show all 9' });
    expect(more).toHaveAttribute('aria-expanded', 'false');
    await user.click(more);
    expect(ageingTitles()).toHaveLength(9);
    expect(ageingTitles().at(-1)).toBe('Extra three');
    expect(screen.getByRole('button', { name: 'Show the oldest only' })).toHaveAttribute(
      'aria-expanded',
      'true',
    );
  });

  it('says so when there is no proposal', async () => {
    today('2026-11-25');
    for (const proposal of (await readPortfolio()).proposals ?? []) {
      expect((await edits.deleteProposal(proposal.id)).ok).toBe(true);
    }
    await renderFigures();
    expect(await screen.findByText(/No proposals yet/)).toBeInTheDocument();
    expect(screen.queryByRole('table')).toBeNull();
  });
});
