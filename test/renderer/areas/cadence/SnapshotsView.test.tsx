import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { takeSnapshot } from '../../../../shared/cadence/snapshot';
import type { PortfolioDiff, Review } from '../../../../shared/cadence/types';
import type { Portfolio } from '../../../../shared/portfolio/types';
import { DiffView } from '../../../../renderer/areas/cadence/DiffView';
import * as edits from '../../../../renderer/db/edits';
import { readPortfolio } from '../../../../renderer/db/repository';
import { saveSnapshot } from '../../../../renderer/db/snapshots';
import { useAppStore } from '../../../../renderer/state/store';
import { withDialogPolyfill } from '../../dialog-polyfill';
import { CadenceHarness, MONTHLY, freezeToday, goTo, portfolioWith, thawToday } from './support';

withDialogPolyfill();

const HELD: Review = {
  id: 'v-feb',
  title: 'Monthly portfolio review',
  kind: 'portfolio-review',
  cadenceId: MONTHLY.id,
  date: '2026-02-03',
  time: '10:00',
  status: 'held',
  agenda: [],
  heldAt: '2026-02-03T11:00:00.000Z',
  snapshotId: 'snap-feb',
};

async function withHeldReview(): Promise<Portfolio> {
  const portfolio = await portfolioWith([MONTHLY], [HELD]);
  const frozen = await readPortfolio();
  await saveSnapshot(
    takeSnapshot(frozen, {
      id: 'snap-feb',
      reviewId: HELD.id,
      label: 'Monthly portfolio review, 3 Feb 2026',
      takenAt: '2026-02-03T11:00:00.000Z',
    }),
  );
  return portfolio;
}

beforeEach(() => {
  freezeToday();
});

afterEach(() => {
  thawToday();
});

describe('the snapshots', () => {
  it('says what snapshots are when there is none', async () => {
    await portfolioWith([MONTHLY]);
    goTo({ cadenceView: 'snapshots' });
    render(<CadenceHarness />);
    expect(await screen.findByText('No snapshots yet.')).toBeInTheDocument();
  });

  it('lists the snapshots, opens one read-only and compares it with now', async () => {
    await withHeldReview();
    goTo({ cadenceView: 'snapshots' });
    render(<CadenceHarness />);
    const table = await screen.findByRole('table', { name: 'Snapshots, oldest first' });
    const row = within(table).getByRole('row', { name: /Monthly portfolio review, 3 Feb 2026/ });
    expect(
      within(row).getByRole('link', { name: 'Monthly portfolio review, 3 Feb 2026' }),
    ).toHaveAttribute('href', '#/cadence/review/v-feb');
    const user = userEvent.setup();
    await user.click(
      within(row).getByRole('button', { name: 'Monthly portfolio review, 3 Feb 2026' }),
    );
    expect(useAppStore.getState().location.snapshotId).toBe('snap-feb');
    expect(
      await screen.findByRole('heading', {
        level: 2,
        name: 'Monthly portfolio review, 3 Feb 2026',
      }),
    ).toBeInTheDocument();
    expect(screen.getByText('Read-only')).toBeInTheDocument();
    const portfolio = await readPortfolio();
    expect(screen.getByRole('table', { name: 'Initiatives in the snapshot' })).toBeInTheDocument();
    expect(
      within(screen.getByRole('table', { name: 'Initiatives in the snapshot' })).getAllByRole(
        'row',
      ),
    ).toHaveLength(portfolio.initiatives.length + 1);

    // Nothing changed yet.
    await user.click(screen.getByRole('button', { name: 'Compare with now' }));
    expect(await screen.findByText(/^Nothing changed from/)).toBeInTheDocument();

    // A new initiative since: the comparison lists it as added.
    const id = await edits.createInitiative('Cargo bikes');
    expect(id).not.toBe('');
    const added = await screen.findByRole('region', { name: /^Added/ });
    expect(within(added).getByRole('link', { name: 'Cargo bikes' })).toHaveAttribute(
      'href',
      `#/portfolio/initiatives/${id}`,
    );
  });

  it('compares two snapshots, the older one first', async () => {
    const march: Review = { ...HELD, id: 'v-mar', date: '2026-03-03', snapshotId: 'snap-mar' };
    await portfolioWith([MONTHLY], [HELD, march]);
    await saveSnapshot(
      takeSnapshot(await readPortfolio(), {
        id: 'snap-feb',
        reviewId: HELD.id,
        label: 'Monthly portfolio review, 3 Feb 2026',
        takenAt: '2026-02-03T11:00:00.000Z',
      }),
    );
    expect(await edits.createInitiative('Cargo bikes')).not.toBe('');
    await saveSnapshot(
      takeSnapshot(await readPortfolio(), {
        id: 'snap-mar',
        reviewId: march.id,
        label: 'March snapshot',
        takenAt: '2026-03-03T11:00:00.000Z',
      }),
    );
    goTo({ snapshotId: 'snap-mar', cadenceView: 'snapshots' });
    render(<CadenceHarness />);
    const user = userEvent.setup();
    const other = await screen.findByLabelText('Another snapshot to compare with');
    await waitFor(() => expect(within(other).getAllByRole('option')).toHaveLength(2));
    await user.selectOptions(other, 'snap-feb');
    await user.click(screen.getByRole('button', { name: 'Compare with…' }));
    // February had no "Cargo bikes"; March had: it was added between them.
    const added = await screen.findByRole('region', { name: /^Added/ });
    expect(within(added).getByText('Cargo bikes')).toBeInTheDocument();
  });
});

describe('the diff view', () => {
  const diff: PortfolioDiff = {
    added: [{ id: 'i-new', name: 'Cargo bikes' }],
    removed: [{ id: 'i-old', name: 'Fax gateway' }],
    changed: [{ id: 'i-crm', name: 'CRM revamp', status: { before: 'approved', after: 'active' } }],
    scenario: { id: 's-1', name: 'Plan 2026' },
    cutLine: [{ id: 'i-crm', name: 'CRM revamp', direction: 'out', rankBefore: 3, rankAfter: 9 }],
    capacity: [],
    budget: [],
    decisions: [{ id: 'd-1', date: '2026-02-20', title: 'Stop the fax gateway' }],
  };

  it('shows each kind of change in its own section and leaves the empty ones out', async () => {
    await portfolioWith([]);
    render(
      <DiffView
        diff={diff}
        after={await readPortfolio()}
        beforeLabel="February"
        afterLabel="now"
      />,
    );
    expect(
      within(screen.getByRole('region', { name: /^Added/ })).getByText('Cargo bikes'),
    ).toBeInTheDocument();
    expect(
      within(screen.getByRole('region', { name: /^Removed/ })).getByText('Fax gateway'),
    ).toBeInTheDocument();
    expect(
      within(screen.getByRole('region', { name: /^Changed/ })).getByRole('row', {
        name: /CRM revamp/,
      }),
    ).toHaveTextContent('Approved → Active');
    const cut = screen.getByRole('region', { name: /^Crossed the cut line of “Plan 2026”/ });
    expect(cut).toHaveTextContent('No longer funded CRM revamp (rank 3 → 9)');
    expect(
      within(screen.getByRole('region', { name: /^Decisions in between/ })).getByText(
        'Stop the fax gateway',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: /^Capacity/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('region', { name: /^Budget/ })).not.toBeInTheDocument();
  });
});
