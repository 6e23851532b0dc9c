import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { IntakeArea } from '../../../../renderer/areas/intake/IntakeArea';
import * as edits from '../../../../renderer/db/edits';
import { usePortfolio } from '../../../../renderer/db/hooks';
import { readPortfolio } from '../../../../renderer/db/repository';
import { useAppStore } from '../../../../renderer/state/store';
import { DEFAULT_LOCATION, type Location } from '../../../../renderer/state/slices/navigationSlice';
import { freshDatabase } from '../../db/fresh-database';
import { withDialogPolyfill } from '../../dialog-polyfill';

withDialogPolyfill();

function Harness() {
  const portfolio = usePortfolio();
  return portfolio ? <IntakeArea portfolio={portfolio} /> : <p>Loading</p>;
}

const DATE = '2026-11-02';

function go(location: Partial<Location>) {
  useAppStore.setState({ location: { ...DEFAULT_LOCATION, area: 'intake', ...location } });
}

async function screened(title: string) {
  const id = await edits.createProposal({
    date: DATE,
    title,
    problem: 'Parcels go missing between depots.',
    sponsor: 'Ada Sponsor',
    size: 'S',
  });
  for (const to of ['submitted', 'screening'] as const) {
    expect((await edits.moveProposalStage(id, to, { date: DATE })).ok).toBe(true);
  }
  return id;
}

beforeEach(async () => {
  await freshDatabase();
  useAppStore.setState({ notices: [] });
  go({});
});

describe('the Intake area', () => {
  it('says what intake is for when there is no proposal yet', async () => {
    for (const proposal of (await readPortfolio()).proposals ?? []) {
      expect((await edits.deleteProposal(proposal.id)).ok).toBe(true);
    }
    render(<Harness />);
    expect(await screen.findByText('No proposals yet.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'New proposal' })).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: /^Draft/ })).not.toBeInTheDocument();
  });

  it('makes a draft with New proposal and opens it, its first field in focus', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    const before = (await readPortfolio()).proposals?.length ?? 0;
    await user.click(await screen.findByRole('button', { name: 'New proposal' }));
    expect(
      await screen.findByRole('heading', { level: 2, name: 'Untitled proposal' }),
    ).toBeInTheDocument();
    const proposals = (await readPortfolio()).proposals ?? [];
    expect(proposals).toHaveLength(before + 1);
    const created = proposals.at(-1);
    expect(created?.stage).toBe('draft');
    expect(useAppStore.getState().location.proposalId).toBe(created?.id);
    await waitFor(() => expect(document.activeElement?.closest('.proposal-form')).not.toBeNull());
    // A draft offers Submit; submitting an empty one says what it still needs.
    await user.click(screen.getByRole('button', { name: 'Submit' }));
    await waitFor(() => expect(useAppStore.getState().notices.at(-1)?.kind).toBe('error'));
    expect(useAppStore.getState().notices.at(-1)?.text).toMatch(/needs a title/);
    expect((await readPortfolio()).proposals?.at(-1)?.stage).toBe('draft');
  });

  it('shows a proposal with its gate decisions, and records a deferral from its page', async () => {
    const user = userEvent.setup();
    const id = await screened('Cargo bikes');
    go({ proposalId: id });
    render(<Harness />);
    expect(
      await screen.findByRole('heading', { level: 2, name: 'Cargo bikes' }),
    ).toBeInTheDocument();
    const decisions = screen.getByRole('group', { name: 'Gate decisions' });
    for (const name of ['Approve…', 'Defer…', 'Reject…', 'Send back…']) {
      expect(within(decisions).getByRole('button', { name })).toBeInTheDocument();
    }
    expect(screen.getByText('No gate decision about this proposal yet.')).toBeInTheDocument();
    await user.click(within(decisions).getByRole('button', { name: 'Defer…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Defer “Cargo bikes”' });
    await user.type(within(dialog).getByLabelText(/Revisit on/), '2099-01-15');
    await user.type(within(dialog).getByLabelText(/Rationale/), 'After the pilot.');
    await user.click(within(dialog).getByRole('button', { name: 'Defer' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(await screen.findByText(/To revisit on/)).toHaveTextContent(/2099/);
    const log = screen.getByRole('list', { name: /^Decisions about “Cargo bikes”/ });
    expect(within(log).getByText('Gate: deferred “Cargo bikes”')).toBeInTheDocument();
    expect(screen.getAllByRole('button', { name: /^Bring back to / })).toHaveLength(2);
  });

  it('opens the settings, and says so when a proposal is not there', async () => {
    go({ intakeView: 'settings' });
    const { unmount } = render(<Harness />);
    expect(
      await screen.findByRole('heading', { level: 2, name: 'Intake settings' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Intake pipeline' })).toHaveAttribute(
      'href',
      '#/intake',
    );
    unmount();

    go({ proposalId: 'q-nowhere' });
    const user = userEvent.setup();
    render(<Harness />);
    expect(await screen.findByText('This proposal is not in the portfolio.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Back to the pipeline' }));
    expect(useAppStore.getState().location).toMatchObject({ area: 'intake', proposalId: null });
  });

  it('leaves a proposal for the board when another area is opened and Intake again', () => {
    go({ proposalId: 'q-1' });
    useAppStore.getState().navigate({ area: 'decisions' });
    useAppStore.getState().navigate({ area: 'intake' });
    expect(useAppStore.getState().location).toMatchObject({
      area: 'intake',
      proposalId: null,
      intakeView: 'board',
    });
  });
});
