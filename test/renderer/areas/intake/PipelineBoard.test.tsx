import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { PipelineBoard } from '../../../../renderer/areas/intake/PipelineBoard';
import * as edits from '../../../../renderer/db/edits';
import { usePortfolio } from '../../../../renderer/db/hooks';
import { readPortfolio } from '../../../../renderer/db/repository';
import { useAppStore } from '../../../../renderer/state/store';
import { DEFAULT_LOCATION } from '../../../../renderer/state/slices/navigationSlice';
import { evaluateGate } from '../../../../shared/intake/gate';
import { DEFAULT_INTAKE_SETTINGS, type IntakeStage } from '../../../../shared/intake/types';
import { freshDatabase } from '../../db/fresh-database';
import { withDialogPolyfill } from '../../dialog-polyfill';

withDialogPolyfill();

function Harness() {
  const portfolio = usePortfolio();
  return portfolio ? <PipelineBoard portfolio={portfolio} /> : <p>Loading</p>;
}

const DATE = '2026-11-02';

/** A complete proposal moved to `stage` by hand (draft, submitted or screening). */
async function seed(title: string, stage: IntakeStage, fields: Record<string, unknown> = {}) {
  const id = await edits.createProposal({
    date: DATE,
    title,
    problem: 'Parcels go missing between depots.',
    sponsor: 'Ada Sponsor',
    size: 'S',
    objectives: [{ id: 'grow-ecommerce', contribution: 3 }],
    ...fields,
  });
  expect(id).not.toBe('');
  const path: IntakeStage[] =
    stage === 'submitted' ? ['submitted'] : stage === 'screening' ? ['submitted', 'screening'] : [];
  for (const to of path) {
    const result = await edits.moveProposalStage(id, to as 'submitted', { date: DATE });
    expect(result.ok).toBe(true);
  }
  return id;
}

async function stageOf(id: string) {
  return (await readPortfolio()).proposals?.find((entry) => entry.id === id)?.stage;
}

function column(name: string) {
  return screen.getByRole('region', { name: new RegExp(`^${name}`) });
}

function card(title: string) {
  return screen.getByRole('article', { name: title });
}

function lastNotice() {
  return useAppStore.getState().notices.at(-1);
}

beforeEach(async () => {
  await freshDatabase();
  useAppStore.setState({ notices: [], location: { ...DEFAULT_LOCATION, area: 'intake' } });
});

describe('the pipeline board', () => {
  it('has a column per stage, named as the PMO set them, and cards that say where they stand', async () => {
    await edits.updateIntakeSettings({
      ...DEFAULT_INTAKE_SETTINGS,
      stageLabels: { screening: 'PMO review' },
    });
    const id = await seed('Parcel tracing', 'screening');
    render(<Harness />);
    const review = await screen.findByRole('region', { name: /^PMO review/ });
    const tracing = within(review).getByRole('article', { name: 'Parcel tracing' });
    for (const name of ['Draft', 'Submitted', 'Approved', 'Deferred', 'Rejected']) {
      expect(column(name)).toBeInTheDocument();
    }
    expect(tracing).toHaveTextContent('Ada Sponsor');
    expect(tracing).toHaveTextContent('Size S');
    expect(tracing).toHaveTextContent(/Fit \d\.\d\d/);
    expect(tracing).toHaveTextContent(/in PMO review/);
    const portfolio = await readPortfolio();
    const proposal = portfolio.proposals?.find((entry) => entry.id === id);
    const gate = evaluateGate(portfolio, proposal!, portfolio.intakeSettings!);
    expect(tracing).toHaveTextContent(gate.headline);
    expect(within(tracing).getByRole('link', { name: 'Parcel tracing' })).toHaveAttribute(
      'href',
      `#/intake/${id}`,
    );
  });

  it('submits a complete draft from the keyboard: Space, the right arrow, Space', async () => {
    const user = userEvent.setup();
    const id = await seed('Depot scanners', 'draft');
    render(<Harness />);
    await screen.findByRole('article', { name: 'Depot scanners' });
    within(card('Depot scanners'))
      .getByRole('button', { name: /^Move Depot scanners/ })
      .focus();
    await user.keyboard(' ');
    await user.keyboard('{ArrowRight}');
    await user.keyboard(' ');
    await waitFor(async () => expect(await stageOf(id)).toBe('submitted'));
    await waitFor(() =>
      expect(
        within(column('Submitted')).getByRole('article', { name: 'Depot scanners' }),
      ).toBeTruthy(),
    );
    expect(lastNotice()?.text).toBe('Submitted “Depot scanners”.');
    // The focus follows the card into its new column.
    await waitFor(() =>
      expect(document.activeElement).toBe(
        within(card('Depot scanners')).getByRole('button', { name: /^Move / }),
      ),
    );
  });

  it('refuses a move the pipeline does not allow, and says which moves it does', async () => {
    const user = userEvent.setup();
    const id = await seed('Night sorting', 'draft');
    render(<Harness />);
    await screen.findByRole('article', { name: 'Night sorting' });
    within(card('Night sorting'))
      .getByRole('button', { name: /^Move / })
      .focus();
    await user.keyboard(' ');
    // Draft → Submitted → Screening → Approved: three steps to the right.
    await user.keyboard('{ArrowRight}{ArrowRight}{ArrowRight}');
    await user.keyboard(' ');
    await waitFor(() => expect(lastNotice()?.kind).toBe('error'));
    expect(lastNotice()?.text).toMatch(/cannot move from Draft to Approved/);
    expect(lastNotice()?.text).toMatch(/it can move to Submitted/);
    expect(await stageOf(id)).toBe('draft');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('says what an incomplete draft still needs when it is submitted', async () => {
    const user = userEvent.setup();
    const id = await edits.createProposal({ date: DATE, title: 'Half an idea' });
    render(<Harness />);
    await screen.findByRole('article', { name: 'Half an idea' });
    within(card('Half an idea'))
      .getByRole('button', { name: /^Move / })
      .focus();
    await user.keyboard(' {ArrowRight} ');
    await waitFor(() => expect(lastNotice()?.kind).toBe('error'));
    expect(lastNotice()?.text).toMatch(/was not moved to Submitted/);
    expect(lastNotice()?.text).toMatch(/the problem it solves/);
    expect(lastNotice()?.text).toMatch(/a sponsor/);
    expect(await stageOf(id)).toBe('draft');
  });

  it('opens the decision’s dialog for a gate decision, and Cancel changes nothing', async () => {
    const user = userEvent.setup();
    const id = await seed('Cargo bikes', 'screening');
    render(<Harness />);
    await screen.findByRole('article', { name: 'Cargo bikes' });
    within(card('Cargo bikes'))
      .getByRole('button', { name: /^Move / })
      .focus();
    await user.keyboard(' {ArrowRight} ');
    const approve = await screen.findByRole('dialog', { name: 'Approve “Cargo bikes”' });
    await user.click(within(approve).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(await stageOf(id)).toBe('screening');

    // Back to the left is a send-back: a decision too, with the stage it goes back to.
    within(card('Cargo bikes'))
      .getByRole('button', { name: /^Move / })
      .focus();
    await user.keyboard(' {ArrowLeft} ');
    const back = await screen.findByRole('dialog', { name: 'Send “Cargo bikes” back' });
    expect(within(back).getByRole('combobox', { name: /Back to/ })).toHaveValue('submitted');
    await user.click(within(back).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(await stageOf(id)).toBe('screening');
  });

  it('leaves the card where it was when a drag is cancelled with Escape', async () => {
    const user = userEvent.setup();
    const id = await seed('Pallet pooling', 'submitted');
    render(<Harness />);
    await screen.findByRole('article', { name: 'Pallet pooling' });
    within(card('Pallet pooling'))
      .getByRole('button', { name: /^Move / })
      .focus();
    await user.keyboard(' {ArrowRight}{Escape}');
    expect(await stageOf(id)).toBe('submitted');
    expect(
      within(column('Submitted')).getByRole('article', { name: 'Pallet pooling' }),
    ).toBeTruthy();
    expect(useAppStore.getState().notices).toHaveLength(0);
  });
});
