import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { ImportField } from '../../../shared/exchange/import';
import { MappingStep } from '../../../renderer/exchange/MappingStep';

const FIELDS: readonly ImportField[] = [
  { id: 'id', label: 'Id', required: false, hint: 'a short unique id' },
  { id: 'name', label: 'Name', required: true, hint: 'text' },
  { id: 'spend', label: 'Spend', required: false, hint: 'numbers per period' },
];

function renderStep(overrides: Partial<Parameters<typeof MappingStep>[0]> = {}) {
  const onKindChange = vi.fn();
  const onColumnChange = vi.fn();
  const onHeaderRowChange = vi.fn();
  render(
    <MappingStep
      sheetName="initiatives"
      mapping={{ kind: 'initiatives', columns: ['name', null, 'spend'], headerRow: 1 }}
      remembered={false}
      fields={FIELDS}
      headers={['Title', 'Sponsor', 'Spend Q2']}
      samples={[
        ['CRM revamp', 'Data lake'],
        ['Ada', null],
        [12, 8],
      ]}
      problems={[]}
      headerRows={[
        { row: 1, text: 'Portfolio, Portfolio, Money' },
        { row: 2, text: 'Title, Sponsor, Spend Q2' },
      ]}
      onKindChange={onKindChange}
      onHeaderRowChange={onHeaderRowChange}
      onColumnChange={onColumnChange}
      {...overrides}
    />,
  );
  return { onKindChange, onColumnChange, onHeaderRowChange };
}

describe('the mapping step', () => {
  it('shows each column with its first values and the field it is imported as', () => {
    renderStep();
    expect(screen.getByRole('heading', { name: 'Match the columns of initiatives' })).toBeVisible();
    const title = screen.getByRole('combobox', { name: 'Imported as, for column Title' });
    expect(title).toHaveDisplayValue('Name (required)');
    expect(
      screen.getByRole('combobox', { name: 'Imported as, for column Sponsor' }),
    ).toHaveDisplayValue('Leave out');
    const row = screen.getByRole('row', { name: /Spend Q2/ });
    expect(within(row).getByText('12 · 8')).toBeVisible();
    expect(screen.getByText(/Baton guessed what each column holds/)).toBeVisible();
  });

  it('changes a column by keyboard and leaves one out', async () => {
    const user = userEvent.setup();
    const { onColumnChange } = renderStep();
    await user.selectOptions(
      screen.getByRole('combobox', { name: 'Imported as, for column Sponsor' }),
      'Id',
    );
    expect(onColumnChange).toHaveBeenLastCalledWith(1, 'id');
    await user.selectOptions(
      screen.getByRole('combobox', { name: 'Imported as, for column Spend Q2' }),
      'Leave out',
    );
    expect(onColumnChange).toHaveBeenLastCalledWith(2, null);
  });

  it('changes what the sheet lists', async () => {
    const user = userEvent.setup();
    const { onKindChange } = renderStep();
    await user.selectOptions(
      screen.getByLabelText('The sheet lists'),
      'Team capacity, one team a row',
    );
    expect(onKindChange).toHaveBeenCalledWith('capacity');
  });

  it('offers a sheet of proposals', async () => {
    const user = userEvent.setup();
    const { onKindChange } = renderStep();
    await user.selectOptions(screen.getByLabelText('The sheet lists'), 'Proposals, one a row');
    expect(onKindChange).toHaveBeenCalledWith('proposals');
  });

  it('shows which row the headers are in and lets the user choose another, by its texts', async () => {
    const user = userEvent.setup();
    const { onHeaderRowChange } = renderStep({
      mapping: { kind: 'initiatives', columns: ['name', null, 'spend'], headerRow: 2 },
    });
    const headerRow = screen.getByLabelText('The headers are in');
    expect(headerRow).toHaveDisplayValue('Row 2: Title, Sponsor, Spend Q2');
    await user.selectOptions(headerRow, 'Row 1: Portfolio, Portfolio, Money');
    expect(onHeaderRowChange).toHaveBeenCalledWith(1);
  });

  it('says when the mapping is the one remembered, and lists what stops it', () => {
    renderStep({
      remembered: true,
      problems: ['Choose the column that holds Name: Baton needs it.'],
    });
    expect(screen.getByText(/as you did last time/)).toBeVisible();
    expect(
      within(screen.getByRole('list', { name: 'Before the preview' })).getByText(
        'Choose the column that holds Name: Baton needs it.',
      ),
    ).toBeVisible();
  });
});
