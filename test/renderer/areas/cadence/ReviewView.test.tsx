import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Review } from '../../../../shared/cadence/types';
import { openSnapshot } from '../../../../shared/cadence/snapshot';
import * as edits from '../../../../renderer/db/edits';
import { readPortfolio } from '../../../../renderer/db/repository';
import { loadSnapshot } from '../../../../renderer/db/snapshots';
import { undoLastEdit } from '../../../../renderer/state/history-actions';
import { useAppStore } from '../../../../renderer/state/store';
import { withDialogPolyfill } from '../../dialog-polyfill';
import {
  CadenceHarness,
  MONTHLY,
  TODAY,
  freezeToday,
  goTo,
  portfolioWith,
  thawToday,
} from './support';

withDialogPolyfill();

/** The March meeting, opened with an agenda of three items of the facilitator's own. */
const MARCH: Review = {
  id: 'v-march',
  title: 'Monthly portfolio review',
  kind: 'portfolio-review',
  cadenceId: MONTHLY.id,
  date: '2026-03-03',
  time: '10:00',
  status: 'planned',
  agenda: [
    { id: 'g-budget', kind: 'custom', title: 'Budget outlook', minutes: 10 },
    { id: 'g-hiring', kind: 'custom', title: 'Hiring plan', minutes: 15 },
    { id: 'g-risks', kind: 'custom', title: 'Risks', minutes: 20 },
  ],
  attendance: [
    { name: 'Ada', present: false },
    { name: 'Grace', present: false },
  ],
};

async function agendaTitles(): Promise<string[]> {
  const review = (await readPortfolio()).reviews?.find((entry) => entry.id === MARCH.id);
  return review?.agenda.map((item) => item.title) ?? [];
}

function shownTitles(): string[] {
  return screen
    .getAllByRole('heading', { level: 4 })
    .filter((heading) => heading.classList.contains('agenda-item__title'))
    .map((heading) => heading.textContent?.replace(/^Item \d+: /, '') ?? '');
}

beforeEach(async () => {
  freezeToday();
  await portfolioWith([MONTHLY], [MARCH]);
  goTo({ reviewId: MARCH.id });
});

afterEach(() => {
  thawToday();
});

describe('a review', () => {
  it('shows its agenda with the time it takes against the meeting', async () => {
    render(<CadenceHarness />);
    expect(
      await screen.findByRole('heading', { level: 2, name: 'Monthly portfolio review' }),
    ).toBeInTheDocument();
    expect(screen.getByText(/Tuesday 3 March 2026, 10:00/)).toBeInTheDocument();
    expect(screen.getByText('45 minutes of 60')).toBeInTheDocument();
    expect(shownTitles()).toEqual(['Budget outlook', 'Hiring plan', 'Risks']);
    const user = userEvent.setup();
    // Ten more minutes on the risks: five over the hour.
    // Opening a meeting stores its drafted agenda, which draws the items once more: wait until
    // the field in the page is the one that stays.
    await waitFor(async () => {
      const field = screen.getByLabelText('Minutes for “Risks”');
      field.focus();
      await Promise.resolve();
      expect(document.activeElement).toBe(screen.getByLabelText('Minutes for “Risks”'));
    });
    const minutes = screen.getByLabelText('Minutes for “Risks”');
    await user.clear(minutes);
    await user.type(minutes, '30');
    expect(await screen.findByText('55 minutes of 60')).toBeInTheDocument();
    await user.clear(minutes);
    await user.type(minutes, '40');
    expect(await screen.findByText('65 minutes of 60: 5 over')).toBeInTheDocument();
  });

  it('reorders with the buttons and with Alt+arrows, and removes an item undoably', async () => {
    render(<CadenceHarness />);
    const user = userEvent.setup();
    const up = await screen.findByRole('button', { name: 'Move “Hiring plan” up' });
    await user.click(up);
    await waitFor(async () =>
      expect(await agendaTitles()).toEqual(['Hiring plan', 'Budget outlook', 'Risks']),
    );
    await waitFor(() => expect(shownTitles()).toEqual(['Hiring plan', 'Budget outlook', 'Risks']));
    // First now, it cannot go up: the focus stays with the item.
    await waitFor(() =>
      expect(document.activeElement?.closest('[data-agenda-item="g-hiring"]')).not.toBeNull(),
    );

    // Alt+↓ from the item's notes moves it down one place.
    await user.click(screen.getByLabelText('Notes on “Hiring plan”'));
    await user.keyboard('{Alt>}{ArrowDown}{/Alt}');
    await waitFor(async () =>
      expect(await agendaTitles()).toEqual(['Budget outlook', 'Hiring plan', 'Risks']),
    );

    await user.click(screen.getByRole('button', { name: 'Remove “Risks” from the agenda' }));
    await waitFor(async () =>
      expect(await agendaTitles()).toEqual(['Budget outlook', 'Hiring plan']),
    );
    expect(useAppStore.getState().notices.at(-1)).toMatchObject({
      text: 'Removed “Risks” from the agenda.',
      action: { label: 'Undo' },
    });
    await undoLastEdit();
    await waitFor(async () =>
      expect(await agendaTitles()).toEqual(['Budget outlook', 'Hiring plan', 'Risks']),
    );
    expect(await screen.findByRole('heading', { name: 'Item 3: Risks' })).toBeInTheDocument();
  });

  it('adds an item of the facilitator’s own, and says what is missing', async () => {
    render(<CadenceHarness />);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Add to the agenda' }));
    expect(screen.getByLabelText('Add an item')).toHaveAccessibleDescription(
      'Give the item a title.',
    );
    await user.type(screen.getByLabelText('Add an item'), 'Any other business');
    await user.type(screen.getByLabelText('Minutes'), '5');
    await user.click(screen.getByRole('button', { name: 'Add to the agenda' }));
    await waitFor(async () => expect((await agendaTitles()).at(-1)).toBe('Any other business'));
    expect(await screen.findByText('50 minutes of 60')).toBeInTheDocument();
  });

  it('records a decision and an action on an item, and closes the action', async () => {
    render(<CadenceHarness />);
    const user = userEvent.setup();
    const budget = (await screen.findByRole('heading', { name: 'Item 1: Budget outlook' })).closest(
      'li',
    ) as HTMLElement;
    await user.click(within(budget).getByRole('button', { name: 'Record decision…' }));
    const dialog = await screen.findByRole('dialog', {
      name: 'Record a decision on “Budget outlook”',
    });
    expect(within(dialog).getByLabelText(/^Kind/)).toHaveValue('review');
    await user.type(within(dialog).getByLabelText(/^Decision/), 'Hold the budget flat in Q2.');
    await user.click(within(dialog).getByRole('button', { name: 'Save decision' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    const portfolio = await readPortfolio();
    const decision = portfolio.decisions?.find(
      (entry) => entry.decision === 'Hold the budget flat in Q2.',
    );
    expect(decision).toMatchObject({ kind: 'review', title: 'Budget outlook' });
    expect(decision?.concerns).toContainEqual({ kind: 'review', id: MARCH.id });
    expect(
      portfolio.reviews?.[0]?.agenda.find((item) => item.id === 'g-budget')?.decisions,
    ).toEqual([decision?.id]);
    expect(await within(budget).findByRole('link', { name: 'Budget outlook' })).toHaveAttribute(
      'href',
      '#/decisions',
    );

    await user.click(within(budget).getByRole('button', { name: 'Add action' }));
    await user.type(within(budget).getByLabelText('Action'), 'Send the revised forecast');
    await user.type(within(budget).getByLabelText('Owner'), 'Grace');
    await user.type(within(budget).getByLabelText('Due'), '2026-03-20');
    await user.click(within(budget).getByRole('button', { name: 'Add action' }));
    await within(budget).findByRole('button', {
      name: 'Close the action “Send the revised forecast”',
    });
    expect((await readPortfolio()).actions?.[0]).toMatchObject({
      title: 'Send the revised forecast',
      owner: 'Grace',
      due: '2026-03-20',
      reviewId: MARCH.id,
      agendaItemId: 'g-budget',
    });
    // The owner changes after the meeting: Edit, change, Save; the focus comes back to Edit.
    await user.click(
      within(budget).getByRole('button', {
        name: 'Change the action “Send the revised forecast”',
      }),
    );
    const owner = within(budget).getByLabelText('Owner');
    expect(owner).toHaveValue('Grace');
    await user.clear(owner);
    await user.type(owner, 'Ada');
    await user.clear(within(budget).getByLabelText('Action'));
    await user.click(within(budget).getByRole('button', { name: 'Save action' }));
    expect(within(budget).getByLabelText('Action')).toHaveAccessibleDescription(
      'Say what is to be done.',
    );
    await user.type(within(budget).getByLabelText('Action'), 'Send the revised Q2 forecast');
    await user.click(within(budget).getByRole('button', { name: 'Save action' }));
    await waitFor(async () =>
      expect((await readPortfolio()).actions?.[0]).toMatchObject({
        title: 'Send the revised Q2 forecast',
        owner: 'Ada',
        due: '2026-03-20',
      }),
    );
    await waitFor(() =>
      expect(
        within(budget).getByRole('button', {
          name: 'Change the action “Send the revised Q2 forecast”',
        }),
      ).toHaveFocus(),
    );

    await user.click(
      within(budget).getByRole('button', {
        name: 'Close the action “Send the revised Q2 forecast”',
      }),
    );
    await waitFor(async () => expect((await readPortfolio()).actions?.[0]?.closedOn).toBe(TODAY));
    expect(
      await within(budget).findByRole('button', {
        name: 'Reopen the action “Send the revised Q2 forecast”',
      }),
    ).toBeInTheDocument();
  });

  it('takes attendance and holds the review, freezing the portfolio in a snapshot', async () => {
    render(<CadenceHarness />);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('checkbox', { name: 'Ada' }));
    await user.type(screen.getByLabelText('Name to add to the attendance'), 'Linus');
    await user.click(screen.getByRole('button', { name: 'Add' }));
    await waitFor(async () =>
      expect((await readPortfolio()).reviews?.[0]?.attendance).toEqual([
        { name: 'Ada', present: true },
        { name: 'Grace', present: false },
        { name: 'Linus', present: true },
      ]),
    );
    expect(screen.getByText('2 of 3 present')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Hold review…' }));
    const confirm = await screen.findByRole('dialog', { name: 'Hold “Monthly portfolio review”?' });
    await user.click(within(confirm).getByRole('button', { name: 'Hold review' }));
    await waitFor(async () => expect((await readPortfolio()).reviews?.[0]?.status).toBe('held'));
    const held = (await readPortfolio()).reviews?.[0];
    expect(held?.agenda.every((item) => item.outcome === 'discussed')).toBe(true);
    expect(held?.snapshotId).toBeDefined();
    const snapshot = await loadSnapshot(held?.snapshotId ?? '');
    expect(snapshot).toMatchObject({
      reviewId: MARCH.id,
      label: 'Monthly portfolio review, 3 Mar 2026',
    });
    const opened = snapshot ? openSnapshot(snapshot) : undefined;
    expect(opened?.ok).toBe(true);
    expect(useAppStore.getState().notices.at(-1)?.text).toMatch(
      /^Held “Monthly portfolio review”\. The portfolio as it stands now is kept in the snapshot/,
    );
    expect(await screen.findByRole('button', { name: 'Open the snapshot' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Hold review…' })).not.toBeInTheDocument();
  });

  it('compares the next review with the snapshot of the one held before it', async () => {
    const { unmount } = render(<CadenceHarness />);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Hold review…' }));
    await user.click(
      within(await screen.findByRole('dialog')).getByRole('button', { name: 'Hold review' }),
    );
    await waitFor(async () => expect((await readPortfolio()).reviews?.[0]?.status).toBe('held'));
    unmount();

    // After the review an initiative is finished; the April review shows it changed.
    const initiative = (await readPortfolio()).initiatives.find((item) => item.status === 'active');
    expect(initiative).toBeDefined();
    expect((await edits.setInitiativeStatus(initiative?.id ?? '', 'done')).ok).toBe(true);
    goTo({});
    render(<CadenceHarness />);
    await user.click(await screen.findByRole('button', { name: 'Next month' }));
    await user.click(await screen.findByRole('button', { name: /7 April 2026, at 10:00/ }));
    const changes = await screen.findByRole('region', {
      name: 'What changed since the last review',
    });
    const changed = await within(changes).findByRole('region', { name: /^Changed/ });
    const row = within(changed).getByRole('row', { name: new RegExp(initiative?.name ?? '') });
    expect(row).toHaveTextContent('Active → Done');
  });

  it('cancels the meeting after asking, and reinstates it', async () => {
    render(<CadenceHarness />);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Cancel meeting…' }));
    const confirm = await screen.findByRole('dialog', {
      name: 'Cancel the meeting of 3 Mar 2026?',
    });
    await user.click(within(confirm).getByRole('button', { name: 'Cancel meeting' }));
    await waitFor(async () =>
      expect((await readPortfolio()).reviews?.[0]?.status).toBe('cancelled'),
    );
    expect(await screen.findByText('This meeting was cancelled.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Reinstate meeting' }));
    await waitFor(async () => expect((await readPortfolio()).reviews?.[0]?.status).toBe('planned'));
  });
});
