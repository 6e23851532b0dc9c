/** The board pack builder's choice of workshop session, and its note when none has finished. */
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { BoardPackArea } from '../../../../renderer/areas/board-pack/BoardPackArea';
import { useAppStore } from '../../../../renderer/state/store';
import { WORKSHOP_PORTFOLIO } from '../../../shared/pack/workshop-portfolio';

beforeEach(() => {
  useAppStore.getState().resetPackDraft();
});

const preview = () => within(screen.getByRole('region', { name: 'Pages' }));

describe('the board pack builder and the workshop summary', () => {
  it('offers the finished sessions, the latest by default, and previews the one chosen', async () => {
    const user = userEvent.setup();
    render(<BoardPackArea portfolio={WORKSHOP_PORTFOLIO} />);
    const select = screen.getByRole('combobox', { name: 'Workshop session' });
    // The session still under way is not offered.
    expect(
      within(select)
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual([
      'The latest finished (Q1 prioritisation workshop, 2027-01-12)',
      'Autumn scoring session, 2026-10-05',
    ]);
    expect(
      await preview().findByRole('heading', { name: 'Q1 prioritisation workshop' }),
    ).toBeTruthy();
    await user.selectOptions(select, 'Autumn scoring session, 2026-10-05');
    expect(await preview().findByRole('heading', { name: 'Autumn scoring session' })).toBeTruthy();
    expect(useAppStore.getState().packDraft.workshopId).toBe('ws-old');
  });

  it('says in the section list that the page will say there is none, without a finished session', () => {
    render(<BoardPackArea portfolio={{ ...WORKSHOP_PORTFOLIO, workshops: [] }} />);
    expect(screen.queryByRole('combobox', { name: 'Workshop session' })).toBeNull();
    const workshop = screen.getByRole('checkbox', { name: /^Workshop summary/ });
    expect(workshop.closest('label')?.textContent).toContain(
      'No workshop session has finished yet: the page says so in one line until one has.',
    );
  });
});
