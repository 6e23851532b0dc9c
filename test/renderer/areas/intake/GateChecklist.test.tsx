import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { GateChecklist } from '../../../../renderer/areas/intake/GateChecklist';
import { ProposalForm } from '../../../../renderer/areas/intake/ProposalForm';
import * as edits from '../../../../renderer/db/edits';
import { DEFAULT_INTAKE_SETTINGS, type IntakeSettings } from '../../../../shared/intake/types';
import { freshDatabase } from '../../db/fresh-database';

/**
 * The PMO's templates: M asks Digital Channels for two periods; XL asks Platform and Data &
 * Analytics for 3 FTE each over four periods, enough to push other work out of the demo's plan.
 */
const SETTINGS: IntakeSettings = {
  ...DEFAULT_INTAKE_SETTINGS,
  sizes: {
    M: { duration: 2, demand: { 'digital-channels': [1, 1] }, spend: [50_000, 50_000] },
    XL: { duration: 4, demand: { platform: [3, 3, 3, 3], 'data-analytics': [3, 3, 3, 3] } },
  },
};

const HIGH_SCORES = { 'customer-value': 10, 'revenue-impact': 10, 'risk-reduction': 9 };

async function newDraft(fields: edits.ProposalChanges = {}): Promise<string> {
  const id = await edits.createProposal({ date: '2026-07-01', ...fields });
  expect(id).not.toBe('');
  return id;
}

/** The checklist's row of a rule, by its title. */
function row(title: string): HTMLElement {
  const gate = screen.getByRole('region', { name: 'Strategic-fit gate' });
  const item = within(gate).getByText(title, { selector: '.gate__rule-title' }).closest('li');
  if (!item) throw new Error(`No row ${title}`);
  return item;
}

beforeEach(async () => {
  await freshDatabase();
  expect((await edits.updateIntakeSettings(SETTINGS)).ok).toBe(true);
});

describe('the gate checklist', () => {
  it('fails a new draft rule by rule, with the reasons and fixes, then passes as the form is filled', async () => {
    const user = userEvent.setup();
    const id = await newDraft({ title: 'Returns portal' });
    render(
      <>
        <ProposalForm proposalId={id} />
        <GateChecklist proposalId={id} />
      </>,
    );
    const summary = await screen.findByRole('status');
    expect(summary).toHaveTextContent(
      '1 of 4 rules pass (1 does not apply). Blocked: too little objective fit; priority too low; does not fit the plan of record.',
    );
    const fit = row('Linked to an objective that matters');
    expect(within(fit).getByText('Fails')).toBeInTheDocument();
    expect(
      within(fit).getByText(
        'Not linked to any objective; the gate asks at least 0.20 (global weight × contribution).',
      ),
    ).toBeInTheDocument();
    expect(within(fit).getByText(/Link it to an objective it serves/)).toBeInTheDocument();
    expect(within(row('Business case')).getByText('Does not apply')).toBeInTheDocument();
    expect(within(row('No exclusion with committed work')).getByText('Passes')).toBeInTheDocument();
    expect(
      within(row('Priority under the scoring model')).getByText(/^It needs 40 more to pass\./),
    ).toBeInTheDocument();
    const capacity = row('Fits the plan of record');
    expect(
      within(capacity).getByText(/Nothing to plan yet: it asks no team for capacity/),
    ).toBeInTheDocument();
    expect(
      within(capacity).getByText('Give it a t-shirt size, or demand per team.'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'It can still be approved, but only with an explicit override and its rationale.',
      ),
    ).toBeInTheDocument();

    // Filled in by keyboard, the form turns the rules green one by one. A medium link to a
    // small objective is not enough; a strong one is.
    await user.selectOptions(
      screen.getByLabelText('Link to an objective'),
      'Shift customers to self-service (8.3 %)',
    );
    expect(
      await within(row('Linked to an objective that matters')).findByText(
        'Its strongest link is to Shift customers to self-service (global weight 8.3 % × contribution 2 = 0.17); the gate asks at least 0.20.',
      ),
    ).toBeInTheDocument();
    expect(summary).toHaveTextContent('1 of 4 rules pass (1 does not apply).');
    await user.selectOptions(
      screen.getByLabelText('Contribution to Shift customers to self-service'),
      '3',
    );
    // The strong link raises its strategic fit, and with it its priority under the model.
    await waitFor(() =>
      expect(summary).toHaveTextContent(
        '3 of 4 rules pass (1 does not apply). Blocked: does not fit the plan of record.',
      ),
    );
    await user.selectOptions(screen.getByLabelText('Size'), 'M');
    await waitFor(() =>
      expect(summary).toHaveTextContent(
        '4 of 4 rules pass (1 does not apply): it passes the gate.',
      ),
    );
    expect(
      within(row('Priority under the scoring model')).getByText(
        /^Priority [\d.]+ under Weighted criteria; the gate asks at least 40\.$/,
      ),
    ).toBeInTheDocument();
    expect(
      within(row('Fits the plan of record')).getByText(
        /^If approved now: ranked \d+(st|nd|rd|th) of 53 competing in Baseline — value first\./,
      ),
    ).toBeInTheDocument();
    expect(screen.queryByText(/only with an explicit override/)).toBeNull();
  });

  it('names what a large proposal would push out of the plan and delay, with the reasons', async () => {
    const id = await newDraft({
      title: 'Parcel data platform',
      size: 'XL',
      businessCase: 'Saves 2 M a year.',
      objectives: [{ id: 'grow-ecommerce', contribution: 3 }],
      scores: HIGH_SCORES,
    });
    render(<GateChecklist proposalId={id} />);
    expect(await screen.findByRole('status')).toHaveTextContent(
      '4 of 5 rules pass. Blocked: does not fit the plan of record.',
    );
    const capacity = row('Fits the plan of record');
    expect(
      within(capacity).getByText(
        'If approved now: ranked 1st of 53 competing in Baseline — value first. Lands above the line, starting Q1 2027.',
      ),
    ).toBeInTheDocument();
    expect(within(capacity).getByText('Pushes out 7 initiatives:')).toBeInTheDocument();
    const pushed = within(capacity).getAllByRole('listitem');
    expect(pushed.map((item) => item.textContent)).toContain(
      'Workforce IAM consolidation (approved, promised work, planned from Q3 2027): Platform is 1.5 FTE short in Q4 2026.',
    );
    expect(pushed.map((item) => item.textContent)).toContain(
      'Dynamic pricing engine (proposed, planned from Q2 2027): Data & Analytics is 0.5 FTE short in Q2 2027.',
    );
    expect(within(capacity).getByText('Delays 4 initiatives:')).toBeInTheDocument();
    expect(pushed.map((item) => item.textContent)).toContain(
      'Event streaming backbone: starts Q4 2027 instead of Q2 2027.',
    );
    expect(
      within(capacity).getByText(
        /It would take promised work out of the plan \(Workforce IAM consolidation\)/,
      ),
    ).toBeInTheDocument();
  });

  it('checks the capacity in the scenario it is given', async () => {
    const id = await newDraft({ title: 'Returns portal', size: 'M' });
    render(<GateChecklist proposalId={id} scenarioId="growth-push" />);
    expect(
      await screen.findByText(/^If approved now: ranked \d+\w\w of \d+ competing in Growth push\./),
    ).toBeInTheDocument();
  });

  it('shows a switched-off rule as not applying, and the capacity check for information', async () => {
    expect(
      (
        await edits.updateIntakeSettings({
          ...SETTINGS,
          gate: { ...SETTINGS.gate, capacity: { enabled: false } },
        })
      ).ok,
    ).toBe(true);
    const id = await newDraft({ title: 'Returns portal', size: 'M' });
    render(<GateChecklist proposalId={id} />);
    const capacity = await screen.findByText('Fits the plan of record');
    expect(
      within(capacity.closest('li') as HTMLElement).getByText(
        'Switched off in the intake settings.',
      ),
    ).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Capacity check, for information' })).toBeVisible();
    expect(screen.getByText(/^If approved now: ranked/)).toBeInTheDocument();
  });

  it('says so when the proposal is not there', async () => {
    render(<GateChecklist proposalId="gone" />);
    expect(
      await screen.findByText(
        'This proposal is not in the portfolio, so there is nothing to check.',
      ),
    ).toBeInTheDocument();
  });
});
