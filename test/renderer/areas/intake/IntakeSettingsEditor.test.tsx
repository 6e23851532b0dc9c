import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IntakeSettingsEditor } from '../../../../renderer/areas/intake/IntakeSettingsEditor';
import { dismissQuestion, openQuestion } from '../../../../renderer/components/dialogs';
import { readPortfolio } from '../../../../renderer/db/repository';
import { setDisplayLocale } from '../../../../renderer/format';
import { useAppStore } from '../../../../renderer/state/store';
import { freshDatabase } from '../../db/fresh-database';

async function stored() {
  const settings = (await readPortfolio()).intakeSettings;
  if (!settings) throw new Error('no intake settings');
  return settings;
}

async function renderEditor() {
  const user = userEvent.setup();
  render(<IntakeSettingsEditor />);
  await screen.findByRole('heading', { name: 'Stage names' });
  return user;
}

/** The field's message, tied to it by aria-describedby. */
function messageOf(field: HTMLElement): string {
  const id = field.getAttribute('aria-describedby');
  return id ? (document.getElementById(id)?.textContent ?? '') : '';
}

beforeEach(async () => {
  setDisplayLocale('en-GB');
  await freshDatabase();
  useAppStore.setState({ notices: [] });
  dismissQuestion();
});

afterEach(() => setDisplayLocale(undefined));

describe('the intake settings editor', () => {
  it('renames a stage as typed, and an emptied name goes back to the standard one', async () => {
    const user = await renderEditor();
    const screening = screen.getByRole('textbox', { name: 'Screening stage' });
    expect(screening).toHaveValue('PMO review');
    await user.clear(screening);
    await user.type(screening, 'Triage');
    await waitFor(async () => expect((await stored()).stageLabels.screening).toBe('Triage'));
    await user.clear(screening);
    await waitFor(async () => expect((await stored()).stageLabels).toEqual({}));
    expect(screening).toHaveAttribute('placeholder', 'Screening');
  });

  it('refuses a name another stage has, at the field, and stores nothing', async () => {
    const user = await renderEditor();
    const submitted = screen.getByRole('textbox', { name: 'Submitted stage' });
    await user.type(submitted, 'PMO Review');
    await waitFor(() => expect(submitted).toHaveAttribute('aria-invalid', 'true'));
    expect(messageOf(submitted)).toBe(
      '“PMO Review” already names the Screening stage; give each stage its own name.',
    );
    expect((await stored()).stageLabels).toEqual({ screening: 'PMO review' });
  });

  it('sets the gate’s thresholds and switches its rules off and on', async () => {
    const user = await renderEditor();
    const fit = screen.getByRole('textbox', { name: 'Minimum fit' });
    // One change, as a paste makes it (clearing first would store a blank minimum on the way).
    fireEvent.change(fit, { target: { value: '0.3' } });
    await waitFor(async () => expect((await stored()).gate.objectiveFit.minimum).toBe(0.3));

    // A model without a minimum is not checked.
    const wsjf = screen.getByRole('textbox', { name: 'Minimum under WSJF' });
    await user.clear(wsjf);
    await waitFor(async () => expect((await stored()).gate.priority.minimum.wsjf).toBeUndefined());
    expect(
      screen.getByRole('textbox', { name: 'Minimum under Weighted criteria (active)' }),
    ).toHaveValue('40');

    await user.selectOptions(screen.getByRole('combobox', { name: 'Required by size' }), 'XL');
    await waitFor(async () => expect((await stored()).gate.businessCase.fromSize).toBe('XL'));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Required by size' }), '');
    await waitFor(async () =>
      expect((await stored()).gate.businessCase).toEqual({ enabled: true, fromCost: 400_000 }),
    );

    const businessCase = screen.getByRole('checkbox', { name: 'Business case' });
    expect(businessCase).toBeChecked();
    await user.click(businessCase);
    await waitFor(async () => expect((await stored()).gate.businessCase.enabled).toBe(false));
    expect(screen.queryByRole('combobox', { name: 'Required by size' })).toBeNull();
    await user.click(screen.getByRole('checkbox', { name: 'Fits the plan of record' }));
    await waitFor(async () => expect((await stored()).gate.capacity.enabled).toBe(false));
  });

  it('refuses a negative threshold at the field', async () => {
    const user = await renderEditor();
    const cost = screen.getByRole('textbox', { name: 'Required from a total cost of' });
    await user.clear(cost);
    await user.type(cost, '-5');
    await waitFor(() => expect(cost).toHaveAttribute('aria-invalid', 'true'));
    expect(messageOf(cost)).toBe('Required from a total cost of cannot be below 0.');
    expect((await stored()).gate.businessCase.fromCost).toBe(400_000);
  });

  it('edits a size template’s demand and spend per period, as typed', async () => {
    const user = await renderEditor();
    const group = screen.getByRole('group', { name: 'Size M' });
    expect(group).toHaveTextContent('3.5 FTE in all, over 2 periods');
    const cell = within(group).getByRole('textbox', { name: 'Platform, period 2 of size M' });
    await user.clear(cell);
    await user.type(cell, '1.5');
    await waitFor(async () =>
      expect((await stored()).sizes.M?.demand.platform).toEqual([0.5, 1.5]),
    );
    const spend = within(group).getByRole('textbox', { name: 'Spend, period 1 of size M' });
    await user.clear(spend);
    await user.type(spend, '90000');
    await waitFor(async () => expect((await stored()).sizes.M?.spend).toEqual([90_000, 50_000]));
  });

  it('refuses a template that would ask more than a larger size, saying which', async () => {
    await renderEditor();
    const cell = screen.getByRole('textbox', { name: 'Platform, period 1 of size S' });
    // One change, as a paste makes it: the refusal, not the keystrokes before it, is under test.
    fireEvent.change(cell, { target: { value: '9' } });
    await waitFor(() => expect(cell).toHaveAttribute('aria-invalid', 'true'));
    expect(messageOf(cell)).toMatch(
      /^Intake settings, size M.*asks less in all \(3\.5\) than size S \(10\); sizes grow from S to XXL\.$/,
    );
    expect((await stored()).sizes.S?.demand.platform).toEqual([0.5]);
  });

  it('shortens a template with its lists, and adds and removes its teams', async () => {
    const user = await renderEditor();
    const duration = screen.getByRole('textbox', { name: 'Duration of size L' });
    await user.clear(duration);
    await user.type(duration, '2');
    await waitFor(async () =>
      expect((await stored()).sizes.L).toEqual({
        duration: 2,
        demand: {
          'digital-channels': [2, 2],
          platform: [1, 1],
          'data-analytics': [0.5, 0.5],
        },
        spend: [120_000, 110_000],
      }),
    );
    const group = screen.getByRole('group', { name: 'Size L' });
    await user.selectOptions(
      within(group).getByRole('combobox', { name: 'Add a team to size L' }),
      'Finance Systems',
    );
    await waitFor(async () =>
      expect((await stored()).sizes.L?.demand['finance-systems']).toEqual([0, 0]),
    );
    await user.click(
      within(group).getByRole('button', { name: 'Remove Data & Analytics from size L' }),
    );
    await waitFor(async () =>
      expect(Object.keys((await stored()).sizes.L?.demand ?? {})).toEqual([
        'digital-channels',
        'platform',
        'finance-systems',
      ]),
    );
  });

  it('asks before removing a template, naming the proposals of that size, and adds one back from the size below', async () => {
    const user = await renderEditor();
    await user.click(screen.getByRole('button', { name: 'Remove template XL' }));
    await waitFor(() => expect(openQuestion()).not.toBeNull());
    expect(openQuestion()?.body).toMatch(/^2 proposals are sized XL: without a template they/);
    openQuestion()?.answer('remove');
    await waitFor(async () => expect((await stored()).sizes.XL).toBeUndefined());
    expect(screen.queryByRole('group', { name: 'Size XL' })).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Add a template for size XL' }));
    const settings = await waitFor(async () => {
      const now = await stored();
      expect(now.sizes.XL).toBeDefined();
      return now;
    });
    expect(settings.sizes.XL).toEqual(settings.sizes.L);
    expect(await screen.findByRole('group', { name: 'Size XL' })).toBeInTheDocument();
  });
});
