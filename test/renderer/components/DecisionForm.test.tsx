import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Decision } from '../../../shared/portfolio/types';
import {
  DecisionForm,
  type ConcernOption,
  type DecisionFormProps,
} from '../../../renderer/components/DecisionForm';
import { DecisionCard } from '../../../renderer/components/DecisionList';
import { localToday } from '../../../renderer/format';

const OPTIONS: readonly ConcernOption[] = [
  { kind: 'initiative', id: 'nis2', name: 'NIS2 security controls' },
  { kind: 'initiative', id: 'wms', name: 'WMS upgrade' },
  { kind: 'scenario', id: 'baseline', name: 'Baseline' },
  { kind: 'objective', id: 'secure', name: 'Secure operations' },
];

function renderForm(props: Partial<DecisionFormProps> = {}) {
  const onSave = vi.fn<DecisionFormProps['onSave']>(() => null);
  const onCancel = vi.fn();
  render(
    <DecisionForm
      initial={{ decidedBy: 'Ada' }}
      options={OPTIONS}
      onSave={onSave}
      onCancel={onCancel}
      {...props}
    />,
  );
  return { user: userEvent.setup(), onSave, onCancel };
}

const field = {
  date: () => screen.getByLabelText(/^Date/) as HTMLInputElement,
  kind: () => screen.getByRole('combobox', { name: 'Kind' }),
  title: () => screen.getByRole('textbox', { name: 'Title' }),
  decision: () => screen.getByRole('textbox', { name: 'Decision' }),
  rationale: () => screen.getByRole('textbox', { name: 'Rationale' }),
  decidedBy: () => screen.getByRole('textbox', { name: 'Decided by' }),
  concerns: () => screen.getByRole('combobox', { name: 'Concerns' }),
};

/** The text a screen reader reads as the field's description. */
function description(element: HTMLElement): string {
  return (element.getAttribute('aria-describedby') ?? '')
    .split(/\s+/)
    .filter(Boolean)
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');
}

describe('the decision form', () => {
  it('starts dated today, decided by the given name, with nothing else filled in', () => {
    renderForm();
    expect(field.date()).toHaveValue(localToday());
    expect(field.decidedBy()).toHaveValue('Ada');
    expect(field.kind()).toHaveValue('');
    expect(within(field.kind()).getByRole('option', { name: 'Stop / continue' })).toBeTruthy();
    expect(field.title()).toHaveValue('');
  });

  it('says next to each required field what is missing, and saves nothing', async () => {
    const { user, onSave } = renderForm();
    await user.clear(field.date());
    await user.click(screen.getByRole('button', { name: 'Save decision' }));
    expect(onSave).not.toHaveBeenCalled();
    expect(description(field.date())).toBe('Enter the date the decision was taken.');
    expect(description(field.kind())).toBe('Choose what kind of decision this is.');
    expect(description(field.title())).toBe('Give the decision a title.');
    expect(description(field.decision())).toBe('Say what was decided.');
    for (const element of [field.date(), field.kind(), field.title(), field.decision()]) {
      expect(element).toHaveAttribute('aria-invalid', 'true');
    }
    // The focus goes to the first field to fix.
    expect(field.date()).toHaveFocus();
    // Fixing a field clears its message at once; the others stay.
    await user.type(field.title(), 'Stop the pilot');
    expect(field.title()).not.toHaveAttribute('aria-invalid');
    expect(screen.queryByText('Give the decision a title.')).not.toBeInTheDocument();
    expect(screen.getByText('Say what was decided.')).toBeInTheDocument();
  });

  it('does not submit half a form on Enter in a one-line field', async () => {
    const { user, onSave } = renderForm();
    await user.type(field.title(), 'Fund the WMS upgrade{Enter}');
    await user.type(field.decidedBy(), ' and Grace{Enter}');
    expect(onSave).not.toHaveBeenCalled();
    // Nothing was tried: no message is shown yet.
    expect(screen.queryByText('Say what was decided.')).not.toBeInTheDocument();
    expect(field.title()).toHaveValue('Fund the WMS upgrade');
  });

  it('is filled and saved from the keyboard: the concerns by name, Ctrl+Enter to save', async () => {
    const { user, onSave } = renderForm();
    await user.click(field.title());
    await user.keyboard('Fund the WMS upgrade');
    await user.tab();
    await user.keyboard('It goes ahead in Q2.');
    await user.tab();
    await user.keyboard('Stock accuracy.');
    field.kind().focus();
    await user.selectOptions(field.kind(), 'prioritization');

    // The concerns: type a part of a name, pick with the arrows and Enter.
    await user.click(field.concerns());
    await user.keyboard('wms');
    const list = screen.getByRole('listbox', { name: 'Items to add' });
    expect(
      within(list)
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(['Initiative: WMS upgrade']);
    await user.keyboard('{Enter}');
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(field.concerns()).toHaveAttribute(
      'aria-activedescendant',
      within(list).getByRole('option', { name: 'Scenario: Baseline' }).id,
    );
    await user.keyboard('{Enter}');
    const chips = screen.getByRole('list', { name: 'Items the decision concerns' });
    expect(
      within(chips)
        .getAllByRole('listitem')
        .map((chip) => chip.textContent),
    ).toEqual(['Initiative: WMS upgrade×', 'Scenario: Baseline×']);
    // Escape closes the list without leaving the field.
    await user.keyboard('{ArrowDown}');
    expect(field.concerns()).toHaveAttribute('aria-expanded', 'true');
    await user.keyboard('{Escape}');
    expect(field.concerns()).toHaveAttribute('aria-expanded', 'false');
    expect(onSave).not.toHaveBeenCalled();

    await user.keyboard('{Control>}{Enter}{/Control}');
    expect(onSave).toHaveBeenCalledTimes(1);
    expect(onSave).toHaveBeenCalledWith({
      date: localToday(),
      kind: 'prioritization',
      title: 'Fund the WMS upgrade',
      decision: 'It goes ahead in Q2.',
      rationale: 'Stock accuracy.',
      decidedBy: 'Ada',
      concerns: [
        { kind: 'initiative', id: 'wms' },
        { kind: 'scenario', id: 'baseline' },
      ],
    });
  });

  it('removes a chosen item with its button; an item that is gone shows its id, deleted', async () => {
    const { user, onSave } = renderForm({
      initial: {
        kind: 'gate',
        title: 'Approve',
        decision: 'Approved.',
        concerns: [
          { kind: 'initiative', id: 'nis2' },
          { kind: 'initiative', id: 'old-pilot' },
        ],
      },
    });
    const chips = screen.getByRole('list', { name: 'Items the decision concerns' });
    expect(within(chips).getByText('Initiative: old-pilot (deleted)')).toBeInTheDocument();
    await user.click(
      screen.getByRole('button', { name: 'Remove Initiative: NIS2 security controls' }),
    );
    expect(screen.queryByText('Initiative: NIS2 security controls')).not.toBeInTheDocument();
    // The focus moves on to the next chip's Remove button.
    await waitFor(() =>
      expect(
        screen.getByRole('button', { name: 'Remove Initiative: old-pilot (deleted)' }),
      ).toHaveFocus(),
    );
    // The removed item is offered again.
    await user.click(field.concerns());
    await user.keyboard('nis');
    expect(screen.getByRole('option', { name: 'Initiative: NIS2 security controls' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Save decision' }));
    expect(onSave).toHaveBeenCalledWith(
      expect.objectContaining({ concerns: [{ kind: 'initiative', id: 'old-pilot' }] }),
    );
  });

  it('shows why the decision was refused and stays open; Cancel calls back', async () => {
    const { user, onCancel } = renderForm({
      initial: { kind: 'other', title: 'T', decision: 'D' },
      onSave: () => Promise.resolve('the log is full'),
    });
    await user.click(screen.getByRole('button', { name: 'Save decision' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('the log is full');
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onCancel).toHaveBeenCalled();
  });
});

describe('a decision card', () => {
  const earlier: Decision = {
    id: 'd1',
    date: '2026-11-02',
    kind: 'scenario-commit',
    title: 'Commit Baseline',
    decision: 'Baseline is the plan.',
    rationale: 'It fits the budget.',
    decidedBy: 'Portfolio board',
    concerns: [
      { kind: 'scenario', id: 'baseline' },
      { kind: 'initiative', id: 'gone' },
    ],
    fingerprint: '0123456789abcdef',
  };
  const later: Decision = {
    id: 'd2',
    date: '2026-12-01',
    kind: 'scenario-commit',
    title: 'Commit Baseline, amended',
    decision: 'Baseline without the pilot.',
    supersedes: 'd1',
  };
  const nameOf = (concern: { kind: string; id: string }) =>
    OPTIONS.find((option) => option.kind === concern.kind && option.id === concern.id)?.name;

  it('shows what was decided, why, by whom, about what, and what superseded it', async () => {
    const user = userEvent.setup();
    const onShow = vi.fn();
    const onAmend = vi.fn();
    render(
      <DecisionCard
        decision={earlier}
        log={[earlier, later]}
        nameOf={nameOf}
        onAmend={onAmend}
        onShowDecision={onShow}
      />,
    );
    const card = screen.getByRole('article', { name: 'Commit Baseline' });
    expect(card).toHaveTextContent('Scenario committed as plan');
    expect(card).toHaveTextContent('Baseline is the plan.');
    expect(card).toHaveTextContent('It fits the budget.');
    expect(card).toHaveTextContent('Portfolio board');
    expect(within(card).getByText('Scenario: Baseline')).toBeInTheDocument();
    expect(within(card).getByText('Initiative: gone (deleted)')).toBeInTheDocument();
    expect(within(card).getByText('0123456789abcdef')).toBeInTheDocument();
    expect(within(card).getByText('Superseded')).toBeInTheDocument();
    // A superseded decision is amended through its amendment: no Amend here.
    expect(within(card).queryByRole('button', { name: /^Amend/ })).not.toBeInTheDocument();
    await user.click(within(card).getByRole('button', { name: /^Commit Baseline, amended/ }));
    expect(onShow).toHaveBeenCalledWith('d2');
  });

  it('links an amendment to what it amends, and offers Amend on the decision that stands', async () => {
    const user = userEvent.setup();
    const onAmend = vi.fn();
    render(
      <DecisionCard decision={later} log={[earlier, later]} nameOf={nameOf} onAmend={onAmend} />,
    );
    const card = screen.getByRole('article', { name: 'Commit Baseline, amended' });
    expect(within(card).getByText('Amends')).toBeInTheDocument();
    expect(card).toHaveTextContent(/Commit Baseline \(.*2026\)/);
    await user.click(within(card).getByRole('button', { name: 'Amend Commit Baseline, amended' }));
    expect(onAmend).toHaveBeenCalledWith(later);
  });
});
