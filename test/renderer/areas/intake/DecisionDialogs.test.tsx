import { useState } from 'react';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  GateDecisionDialog,
  stageMove,
  type GateDecisionRequest,
} from '../../../../renderer/areas/intake/DecisionDialogs';
import * as edits from '../../../../renderer/db/edits';
import { usePortfolio } from '../../../../renderer/db/hooks';
import { readPortfolio } from '../../../../renderer/db/repository';
import { localToday } from '../../../../renderer/format';
import { useAppStore } from '../../../../renderer/state/store';
import { DEFAULT_LOCATION } from '../../../../renderer/state/slices/navigationSlice';
import { proposalIdOf } from '../../../../shared/intake/approve';
import {
  DEFAULT_INTAKE_SETTINGS,
  type IntakeStage,
  type Proposal,
} from '../../../../shared/intake/types';
import { stackOf } from '../../../../shared/store/operations/scenarios';
import { freshDatabase } from '../../db/fresh-database';
import { withDialogPolyfill } from '../../dialog-polyfill';
import { readState } from '../../../../renderer/db/repository';

withDialogPolyfill();

const DATE = '2026-11-02';

let closed: boolean[] = [];

function Harness({ request }: { readonly request: GateDecisionRequest }) {
  const portfolio = usePortfolio();
  return portfolio ? (
    <GateDecisionDialog
      portfolio={portfolio}
      request={request}
      onClose={(recorded) => closed.push(recorded)}
    />
  ) : (
    <p>Loading</p>
  );
}

/** A proposal in Screening; without objectives it fails the gate's objective fit. */
async function screened(title: string, fields: Record<string, unknown> = {}) {
  const id = await edits.createProposal({
    date: DATE,
    title,
    problem: 'Parcels go missing between depots.',
    sponsor: 'Ada Sponsor',
    size: 'S',
    ...fields,
  });
  for (const to of ['submitted', 'screening'] as const) {
    expect((await edits.moveProposalStage(id, to, { date: DATE })).ok).toBe(true);
  }
  return id;
}

async function proposalOf(id: string) {
  return (await readPortfolio()).proposals?.find((entry) => entry.id === id);
}

async function decisionsOf(id: string) {
  const portfolio = await readPortfolio();
  const ids = new Set((await proposalOf(id))?.decisionIds ?? []);
  return (portfolio.decisions ?? []).filter((decision) => ids.has(decision.id));
}

beforeEach(async () => {
  await freshDatabase();
  closed = [];
  useAppStore.setState({ notices: [], location: { ...DEFAULT_LOCATION, area: 'intake' } });
});

describe('deferring', () => {
  it('asks for a later date to revisit and a rationale, then logs the decision', async () => {
    const user = userEvent.setup();
    const id = await screened('Cargo bikes');
    render(<Harness request={{ kind: 'defer', proposalId: id }} />);
    const dialog = await screen.findByRole('dialog', { name: 'Defer “Cargo bikes”' });
    expect(within(dialog).getByLabelText(/Date of the decision/)).toHaveValue(localToday());

    await user.click(within(dialog).getByRole('button', { name: 'Defer' }));
    expect(within(dialog).getByText('Enter the date to look at it again.')).toBeInTheDocument();
    expect(within(dialog).getByText(/Say why/)).toBeInTheDocument();
    expect(within(dialog).getByLabelText(/Revisit on/)).toHaveFocus();

    const revisit = within(dialog).getByLabelText(/Revisit on/);
    await user.type(revisit, localToday());
    await user.type(within(dialog).getByLabelText(/Rationale/), 'Wait for the pilot.');
    await user.click(within(dialog).getByRole('button', { name: 'Defer' }));
    expect(
      within(dialog).getByText(/The date to revisit it must be after the decision/),
    ).toBeInTheDocument();
    expect(closed).toEqual([]);

    await user.clear(revisit);
    await user.type(revisit, '2099-03-01');
    await user.click(within(dialog).getByRole('button', { name: 'Defer' }));
    await waitFor(() => expect(closed).toEqual([true]));
    const proposal = await proposalOf(id);
    expect(proposal?.stage).toBe('deferred');
    expect(proposal?.revisitOn).toBe('2099-03-01');
    const [decision] = await decisionsOf(id);
    expect(decision).toMatchObject({ kind: 'gate', rationale: 'Wait for the pilot.' });
    expect(decision?.decision).toMatch(/to be looked at again on 2099-03-01/);
    expect(decision?.fingerprint).toMatch(/^[0-9a-f]{16}$/);
    expect(useAppStore.getState().notices.at(-1)?.text).toMatch(/^Deferred “Cargo bikes” until/);
  });
});

describe('approving', () => {
  it('needs an override and its rationale when a rule fails, and makes an initiative in the chosen ranking', async () => {
    const user = userEvent.setup();
    const id = await screened('Night sorting');
    render(<Harness request={{ kind: 'approve', proposalId: id }} />);
    const dialog = await screen.findByRole('dialog', { name: 'Approve “Night sorting”' });
    expect(within(dialog).getByText(/^Blocked: .*too little objective fit/)).toBeInTheDocument();
    expect(within(dialog).getByText(/Not linked to any objective/)).toBeInTheDocument();
    await user.selectOptions(
      within(dialog).getByRole('combobox', { name: 'Joins the ranking of' }),
      'growth-push',
    );
    await user.type(within(dialog).getByLabelText(/^Rationale/), 'The board asked for it.');
    const save = within(dialog).getByRole('button', { name: 'Approve by override' });
    await user.click(save);
    expect(within(dialog).getByText(/It fails the gate: say why/)).toBeInTheDocument();
    expect(closed).toEqual([]);
    expect((await proposalOf(id))?.stage).toBe('screening');

    await user.type(
      within(dialog).getByLabelText(/^Override/),
      'A customer contract depends on it.',
    );
    await user.click(save);
    await waitFor(() => expect(closed).toEqual([true]));

    const proposal = await proposalOf(id);
    expect(proposal?.stage).toBe('approved');
    const portfolio = await readPortfolio();
    const initiative = portfolio.initiatives.find((item) => item.id === proposal?.initiativeId);
    expect(initiative?.status).toBe('approved');
    expect(initiative && proposalIdOf(initiative)).toBe(id);
    expect(stackOf(await readState(), 'growth-push')).toContain(initiative?.id);
    const [decision] = await decisionsOf(id);
    expect(decision?.rationale).toBe(
      'The board asked for it.\n\nOverride: A customer contract depends on it.',
    );
    expect(decision?.concerns).toContainEqual({ kind: 'scenario', id: 'growth-push' });
    const notice = useAppStore.getState().notices.at(-1);
    expect(notice?.text).toMatch(
      /^Approved “Night sorting”: it is now an initiative in “Growth push”/,
    );
    notice?.action?.run();
    expect(useAppStore.getState().location).toMatchObject({
      area: 'prioritize',
      view: 'board',
      scenarioId: 'growth-push',
    });
  });
});

describe('rejecting and sending back', () => {
  it('rejects with a rationale into the log', async () => {
    const user = userEvent.setup();
    const id = await screened('Own lockers');
    render(<Harness request={{ kind: 'reject', proposalId: id }} />);
    const dialog = await screen.findByRole('dialog', { name: 'Reject “Own lockers”' });
    await user.type(within(dialog).getByLabelText(/Rationale/), 'Partners already cover it.');
    await user.clear(within(dialog).getByLabelText(/Decided by/));
    await user.type(within(dialog).getByLabelText(/Decided by/), 'Intake board');
    await user.click(within(dialog).getByRole('button', { name: 'Reject' }));
    await waitFor(() => expect(closed).toEqual([true]));
    expect((await proposalOf(id))?.stage).toBe('rejected');
    const [decision] = await decisionsOf(id);
    expect(decision).toMatchObject({
      kind: 'gate',
      title: 'Gate: rejected “Own lockers”',
      rationale: 'Partners already cover it.',
      decidedBy: 'Intake board',
    });
  });

  it('sends a screened proposal back to the stage chosen', async () => {
    const user = userEvent.setup();
    const id = await screened('Depot solar');
    render(<Harness request={{ kind: 'send-back', proposalId: id }} />);
    const dialog = await screen.findByRole('dialog', { name: 'Send “Depot solar” back' });
    await user.type(within(dialog).getByLabelText(/Rationale/), 'No sponsor budget yet.');
    await user.click(within(dialog).getByRole('button', { name: 'Send back' }));
    expect(within(dialog).getByText('Choose where it goes back to.')).toBeInTheDocument();
    await user.selectOptions(within(dialog).getByRole('combobox', { name: /Back to/ }), 'draft');
    await user.click(within(dialog).getByRole('button', { name: 'Send back' }));
    await waitFor(() => expect(closed).toEqual([true]));
    expect((await proposalOf(id))?.stage).toBe('draft');
    const [decision] = await decisionsOf(id);
    expect(decision?.decision).toMatch(/^Sent “Depot solar” back from .+ to Draft/);
  });

  it('says so when the proposal is gone, and records nothing', async () => {
    render(<Harness request={{ kind: 'reject', proposalId: 'q-gone' }} />);
    expect(
      await screen.findByRole('dialog', { name: 'This proposal no longer exists' }),
    ).toBeInTheDocument();
  });
});

describe('what a move on the board takes', () => {
  const proposal = (stage: IntakeStage): Proposal => ({
    id: 'q-1',
    title: 'Cargo bikes',
    stage,
    history: [{ stage, date: DATE }],
  });
  const settings = DEFAULT_INTAKE_SETTINGS;

  it('makes forward moves and bringing back at once', () => {
    expect(stageMove(proposal('draft'), 'submitted', settings)).toEqual({
      kind: 'direct',
      to: 'submitted',
    });
    expect(stageMove(proposal('submitted'), 'screening', settings).kind).toBe('direct');
    expect(stageMove(proposal('deferred'), 'submitted', settings).kind).toBe('direct');
    expect(stageMove(proposal('deferred'), 'screening', settings).kind).toBe('direct');
  });

  it('asks for a decision to approve, defer, reject or send back', () => {
    expect(stageMove(proposal('screening'), 'approved', settings)).toMatchObject({
      kind: 'decision',
      request: { kind: 'approve' },
    });
    expect(stageMove(proposal('screening'), 'deferred', settings)).toMatchObject({
      request: { kind: 'defer' },
    });
    expect(stageMove(proposal('deferred'), 'rejected', settings)).toMatchObject({
      request: { kind: 'reject' },
    });
    expect(stageMove(proposal('screening'), 'draft', settings)).toMatchObject({
      request: { kind: 'send-back', sendBackTo: 'draft' },
    });
    expect(stageMove(proposal('submitted'), 'draft', settings)).toMatchObject({
      request: { kind: 'send-back', sendBackTo: 'draft' },
    });
  });

  it('refuses what the pipeline does not allow, with the reason', () => {
    const refused = stageMove(proposal('approved'), 'screening', settings);
    expect(refused.kind).toBe('refused');
    expect(refused.kind === 'refused' && refused.message).toMatch(/a final stage/);
    expect(stageMove(proposal('draft'), 'rejected', settings).kind).toBe('refused');
  });
});

describe('closing a gate decision', () => {
  it('gives the focus back to what opened it when cancelled', async () => {
    const user = userEvent.setup();
    const id = await screened('Locker walls');
    function Opener() {
      const [open, setOpen] = useState(false);
      const portfolio = usePortfolio();
      return (
        <>
          <button type="button" onClick={() => setOpen(true)}>
            Defer…
          </button>
          {open && portfolio && (
            <GateDecisionDialog
              portfolio={portfolio}
              request={{ kind: 'defer', proposalId: id }}
              onClose={() => setOpen(false)}
            />
          )}
        </>
      );
    }
    render(<Opener />);
    const opener = screen.getByRole('button', { name: 'Defer…' });
    await user.click(opener);
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(opener).toHaveFocus();
  });
});
