import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { PreviewStep } from '../../../renderer/exchange/PreviewStep';
import type { PreviewTable } from '../../../renderer/exchange/preview-model';

const none = { added: [], updated: [], unchanged: [] };

const TABLE: PreviewTable = {
  kind: 'initiatives',
  title: 'Initiatives',
  header: ['Id', 'Name'],
  total: 2,
  rows: [
    { key: 'added:crm', change: 'added', cells: ['crm', 'CRM revamp'], changes: [] },
    {
      key: 'updated:lake',
      change: 'updated',
      cells: ['lake', 'Data lake'],
      changes: ['status: proposed → active'],
    },
  ],
};

function renderStep() {
  const onModeChange = vi.fn();
  render(
    <PreviewStep
      fileName="initiatives.csv"
      portfolioName="Acme 2027"
      mode="merge"
      onModeChange={onModeChange}
      summary={{
        initiatives: { added: ['crm'], updated: ['lake'], unchanged: [] },
        teams: none,
        periods: none,
        actuals: none,
      }}
      tables={[TABLE]}
      warnings={[{ row: 4, column: 'Sprint', message: 'the row is wider than the header' }]}
    />,
  );
  return { onModeChange };
}

describe('the preview step', () => {
  it('says what the import adds and updates, and shows those records and their changes', () => {
    renderStep();
    expect(screen.getByText('1 initiative added, 1 updated.')).toBeVisible();
    const table = screen.getByRole('table', { name: 'Initiatives (2)' });
    const updated = within(table).getByRole('row', { name: /Data lake/ });
    expect(within(updated).getByText('Updated')).toBeVisible();
    expect(within(updated).getByText('status: proposed → active')).toBeVisible();
    expect(within(table).getByRole('row', { name: /CRM revamp/ })).toHaveTextContent('Added');
  });

  it('lists the warnings with their row and column', () => {
    renderStep();
    const warnings = screen.getByRole('list', { name: 'Warnings about the file' });
    expect(within(warnings).getByRole('listitem')).toHaveTextContent(/row 4/);
    expect(within(warnings).getByRole('listitem')).toHaveTextContent(/Sprint/);
  });

  it('switches between merging and a new portfolio', async () => {
    const user = userEvent.setup();
    const { onModeChange } = renderStep();
    expect(screen.getByRole('radio', { name: /The open portfolio, Acme 2027/ })).toBeChecked();
    await user.click(
      screen.getByRole('radio', { name: /A new portfolio made from initiatives.csv/ }),
    );
    expect(onModeChange).toHaveBeenCalledWith('new');
  });
});
