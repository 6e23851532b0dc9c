import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { ProposalForm } from '../../../../renderer/areas/intake/ProposalForm';
import * as edits from '../../../../renderer/db/edits';
import { formatDay } from '../../../../renderer/format';
import { readPortfolio } from '../../../../renderer/db/repository';
import { undoLastEdit } from '../../../../renderer/state/history-actions';
import { DEFAULT_INTAKE_SETTINGS, type Proposal } from '../../../../shared/intake/types';
import { freshDatabase } from '../../db/fresh-database';

/** The PMO's templates: M asks Digital Channels for two periods and costs 50,000 a period. */
const SETTINGS = {
  ...DEFAULT_INTAKE_SETTINGS,
  sizes: {
    M: { duration: 2, demand: { 'digital-channels': [1, 1] }, spend: [50_000, 50_000] },
  },
};

async function stored(id: string): Promise<Proposal> {
  const proposal = (await readPortfolio()).proposals?.find((entry) => entry.id === id);
  if (!proposal) throw new Error(`No proposal ${id}`);
  return proposal;
}

async function newDraft(fields: edits.ProposalChanges = {}): Promise<string> {
  const id = await edits.createProposal({ date: '2026-07-01', ...fields });
  expect(id).not.toBe('');
  return id;
}

beforeEach(async () => {
  await freshDatabase();
  expect((await edits.updateIntakeSettings(SETTINGS)).ok).toBe(true);
});

describe('the proposal form', () => {
  it('saves a draft as it is typed, one undo step per field, and says what submitting still needs', async () => {
    const user = userEvent.setup();
    const id = await newDraft();
    render(<ProposalForm proposalId={id} />);
    expect(
      await screen.findByText(
        'A draft is saved as you type. To submit it, it still needs a title, the problem it solves, a sponsor and a size (a t-shirt size or demand per team).',
      ),
    ).toBeInTheDocument();

    await user.type(screen.getByLabelText('Title'), 'Returns portal');
    await user.type(screen.getByLabelText('Problem or opportunity'), 'Returns jam the desk');
    await user.type(screen.getByLabelText('We believe'), 'a returns portal');
    await user.type(screen.getByLabelText('will result in'), 'fewer calls');
    await user.type(screen.getByLabelText('measured by'), 'calls per 1,000 orders');
    await user.type(screen.getByLabelText('Sponsor'), 'Head of Service ');
    await waitFor(async () =>
      expect(await stored(id)).toMatchObject({
        title: 'Returns portal',
        problem: 'Returns jam the desk',
        hypothesis: {
          believe: 'a returns portal',
          result: 'fewer calls',
          measure: 'calls per 1,000 orders',
        },
        // Saved as typed: the trailing space is kept while the sponsor is still typing.
        sponsor: 'Head of Service ',
      }),
    );
    expect(
      screen.getByText(
        'A draft is saved as you type. To submit it, it still needs a size (a t-shirt size or demand per team).',
      ),
    ).toBeInTheDocument();

    // Typing the sponsor was one edit: one undo takes all of it back, and nothing else.
    await undoLastEdit();
    await waitFor(async () => expect((await stored(id)).sponsor).toBeUndefined());
    expect((await stored(id)).title).toBe('Returns portal');

    await user.selectOptions(screen.getByLabelText('Size'), 'M');
    await waitFor(async () => expect((await stored(id)).size).toBe('M'));
    expect(
      await screen.findByText(
        /Size M stands for 2 active periods: Digital Channels 1, 1 FTE; cost .*50,000.*50,000/,
      ),
    ).toBeInTheDocument();
  });

  it('links objectives with a contribution and shows what each link counts at the gate', async () => {
    const user = userEvent.setup();
    const id = await newDraft({ title: 'Returns portal' });
    render(<ProposalForm proposalId={id} />);
    expect(await screen.findByText('Not linked to any objective yet.')).toBeInTheDocument();
    expect(
      screen.getByText(/The gate asks at least 0\.20 from the best link\./),
    ).toBeInTheDocument();

    await user.selectOptions(
      screen.getByLabelText('Link to an objective'),
      'Shift customers to self-service (8.3 %)',
    );
    const row = (await screen.findByRole('rowheader', { name: 'Shift customers to self-service' }))
      .parentElement as HTMLElement;
    // A new link is medium (2): 8.3 % × 2 = 0.17, short of the gate's 0.20.
    expect(within(row).getByText('8.3 % × 2 = 0.17')).toBeInTheDocument();
    await user.selectOptions(
      within(row).getByLabelText('Contribution to Shift customers to self-service'),
      '3',
    );
    await waitFor(async () =>
      expect((await stored(id)).objectives).toEqual([{ id: 'self-service', contribution: 3 }]),
    );
    expect(await within(row).findByText('8.3 % × 3 = 0.25')).toBeInTheDocument();

    await user.click(
      screen.getByRole('button', { name: 'Remove the link to Shift customers to self-service' }),
    );
    await waitFor(async () => expect((await stored(id)).objectives).toBeUndefined());
  });

  it('takes demand per team and cost per period, which replace the size’s template', async () => {
    const user = userEvent.setup();
    const id = await newDraft({ title: 'Returns portal', size: 'M' });
    render(<ProposalForm proposalId={id} />);
    expect(await screen.findByText(/Size M stands for 2 active periods/)).toBeInTheDocument();
    // The template's cost counts while the proposal has none of its own.
    expect(
      screen.getByText(/Total cost: .*100,000.* over 2 active periods, from the size’s template\./),
    ).toBeInTheDocument();

    // The template's periods are shown, with its cost as the placeholder of each period.
    expect(screen.getByLabelText('Cost in period 2')).toHaveAttribute('placeholder', '50,000');
    expect(screen.queryByLabelText('Cost in period 3')).toBeNull();
    expect(screen.getByRole('button', { name: 'Remove the last period' })).toBeDisabled();

    await user.selectOptions(screen.getByLabelText('Add demand for a team'), 'Platform');
    await user.type(await screen.findByLabelText('Platform demand in period 1'), '1.5');
    // Typed and at once a period added: the demand just typed is kept, not planned over.
    await user.click(screen.getByRole('button', { name: 'Add a period' }));
    await user.type(await screen.findByLabelText('Platform demand in period 3'), '2');
    // One period's cost typed: the template's cost of the others is kept.
    await user.type(screen.getByLabelText('Cost in period 2'), '30000');
    await waitFor(async () =>
      expect(await stored(id)).toMatchObject({
        demand: { platform: [1.5, 0, 2] },
        spend: [50_000, 30_000, 0],
      }),
    );
    expect(
      await screen.findByText(
        'The demand per team below is what the plan counts; size M still counts for the business case.',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText(/Total cost: .*80,000.* over 3 active periods\.$/)).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Remove the last period' }));
    await user.click(screen.getByRole('button', { name: 'Remove the last period' }));
    await waitFor(async () =>
      expect(await stored(id)).toMatchObject({ demand: { platform: [1.5] }, spend: [50_000] }),
    );
    expect(screen.queryByLabelText('Cost in period 2')).toBeNull();
    await user.click(screen.getByRole('button', { name: "Remove Platform's demand" }));
    await waitFor(async () => expect((await stored(id)).demand).toBeUndefined());
    // Back on the template: its two periods again.
    expect(await screen.findByText(/Size M stands for 2 active periods/)).toBeInTheDocument();
    expect(await screen.findByLabelText('Cost in period 2')).toBeInTheDocument();
  });

  it('refuses a score off the model’s scale at the field, and shows the priority against the gate', async () => {
    const user = userEvent.setup();
    const id = await newDraft({ title: 'Returns portal' });
    render(<ProposalForm proposalId={id} />);
    const field = await screen.findByLabelText('Customer value (1–10, weight 0.25)');
    await user.type(field, '11');
    expect(await screen.findByText(/must be from 1 to 10/)).toBeInTheDocument();
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect((await stored(id)).scores).toBeUndefined();
    await user.clear(field);
    await user.type(field, '8');
    await waitFor(async () => expect((await stored(id)).scores).toEqual({ 'customer-value': 8 }));
    // Criteria not scored count 0 under weighted criteria: a partial score already shows where it stands.
    expect(
      await screen.findByText(
        /^Weighted criteria gives a priority of \d+(\.\d+)?\. The gate asks at least 40\.$/,
      ),
    ).toBeInTheDocument();
  });

  it('keeps attachments by web link only, refusing other links at the field', async () => {
    const user = userEvent.setup();
    const id = await newDraft({ title: 'Returns portal' });
    render(<ProposalForm proposalId={id} />);
    const label = await screen.findByLabelText('Label');
    const address = screen.getByLabelText('Web address');

    await user.click(screen.getByRole('button', { name: 'Add link' }));
    expect(screen.getByText('Give the link a label, such as “Business case”.')).toBeInTheDocument();
    expect(label).toHaveFocus();

    await user.type(label, 'Business case');
    await user.type(address, 'javascript:alert(1){Enter}');
    expect(
      screen.getByText(
        'Only web addresses (http:// or https://) are kept: a javascript: link could open a file or run a program.',
      ),
    ).toBeInTheDocument();
    expect(address).toHaveAttribute('aria-invalid', 'true');
    expect(address).toHaveFocus();
    await user.clear(address);
    await user.type(address, 'file:///C:/case.docx{Enter}');
    expect(screen.getByText(/a file: link could open a file/)).toBeInTheDocument();
    expect((await stored(id)).attachments).toBeUndefined();

    await user.clear(address);
    await user.type(address, 'https://wiki.example.com/returns{Enter}');
    await waitFor(async () =>
      expect((await stored(id)).attachments).toEqual([
        { label: 'Business case', url: 'https://wiki.example.com/returns' },
      ]),
    );
    expect(screen.getByLabelText('Label')).toHaveValue('');

    // An address changed in place is refused the same way, and the stored one is kept.
    const stored1 = await screen.findByLabelText('Address of link 1');
    await user.clear(stored1);
    await user.type(stored1, 'ftp://x');
    expect(await screen.findByText(/a ftp: link could open a file/)).toBeInTheDocument();
    expect((await stored(id)).attachments?.[0]?.url).toBe('https://wiki.example.com/returns');

    await user.click(screen.getByRole('button', { name: 'Remove the link Business case' }));
    await waitFor(async () => expect((await stored(id)).attachments).toBeUndefined());
  });

  it('adds prerequisites and exclusions from the initiatives, and the earliest start', async () => {
    const user = userEvent.setup();
    const id = await newDraft({ title: 'Returns portal' });
    render(<ProposalForm proposalId={id} />);
    await user.selectOptions(
      await screen.findByLabelText('Add a prerequisite'),
      'Cloud landing zone',
    );
    await user.selectOptions(screen.getByLabelText('Earliest start'), 'Q1 2027');
    await waitFor(async () =>
      expect(await stored(id)).toMatchObject({
        dependsOn: ['cloud-landing-zone'],
        earliestStart: '2027-Q1',
      }),
    );
    // An initiative it depends on is not offered as an exclusion: it cannot be both.
    const exclusion = screen.getByLabelText('Add an exclusion');
    expect(within(exclusion).queryByRole('option', { name: 'Cloud landing zone' })).toBeNull();
    await user.click(
      await screen.findByRole('button', {
        name: 'Remove Cloud landing zone from needs first (finish to start)',
      }),
    );
    await waitFor(async () => expect((await stored(id)).dependsOn).toBeUndefined());
  });

  it('locks an approved proposal and says why, naming the initiative it became', async () => {
    const id = await newDraft({
      title: 'Returns portal',
      problem: 'Returns jam the desk',
      sponsor: 'Head of Service',
      size: 'M',
    });
    const decision = { date: '2026-07-02' };
    expect((await edits.moveProposalStage(id, 'submitted', decision)).ok).toBe(true);
    expect((await edits.moveProposalStage(id, 'screening', decision)).ok).toBe(true);
    const approved = await edits.approveProposal(id, {
      date: '2026-07-03',
      override: 'The board asked for it.',
    });
    expect(approved.ok).toBe(true);
    render(<ProposalForm proposalId={id} />);
    const note = await screen.findByRole('note');
    expect(note).toHaveTextContent(
      `Approved on ${formatDay('2026-07-03')}: it became the initiative “Returns portal”. Change the initiative in Portfolio instead. The proposal stays as it was when it was decided, so its fields are locked.`,
    );
    expect(screen.getByLabelText('Title')).toBeDisabled();
    expect(screen.getByLabelText('Sponsor')).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Add link' })).toBeDisabled();
    expect(screen.getByRole('group', { name: 'The proposal' })).toHaveAccessibleDescription(
      note.textContent ?? '',
    );
  });

  it('says so when the proposal is not there', async () => {
    render(<ProposalForm proposalId="gone" />);
    expect(await screen.findByText('This proposal is not in the portfolio.')).toBeInTheDocument();
  });
});
