import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readPortfolio } from '../../../../renderer/db/repository';
import { useAppStore } from '../../../../renderer/state/store';
import { withDialogPolyfill } from '../../dialog-polyfill';
import { CadenceHarness, MONTHLY, freezeToday, goTo, portfolioWith, thawToday } from './support';

withDialogPolyfill();

beforeEach(() => {
  freezeToday();
  goTo({});
});

afterEach(() => {
  thawToday();
});

describe('the Cadence calendar', () => {
  it('invites the user to plan a series when nothing is planned', async () => {
    await portfolioWith([]);
    render(<CadenceHarness />);
    expect(await screen.findByText('No meetings planned yet.')).toBeInTheDocument();
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Plan a meeting series' }));
    expect(await screen.findByRole('dialog', { name: 'New meeting series' })).toBeInTheDocument();
  });

  it('shows the month with today marked and each meeting as a button', async () => {
    await portfolioWith([MONTHLY]);
    render(<CadenceHarness />);
    expect(await screen.findByRole('heading', { name: 'March 2026' })).toBeInTheDocument();
    // The first Tuesday of March 2026 is the 3rd; today (the 10th) is marked.
    const meeting = await screen.findByRole('button', {
      name: /^Monthly portfolio review, Portfolio review, Tuesday 3 March 2026, at 10:00, Not recorded$/,
    });
    expect(meeting).toBeInTheDocument();
    const today = document.querySelector('[aria-current="date"]');
    expect(today).toHaveTextContent('10');
    expect(today).toHaveTextContent(/Today/);

    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Next month' }));
    expect(await screen.findByRole('heading', { name: 'April 2026' })).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: /Tuesday 7 April 2026, at 10:00, Upcoming$/ }),
    ).toBeInTheDocument();
    expect(document.querySelector('[aria-current="date"]')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Today' }));
    expect(await screen.findByRole('heading', { name: 'March 2026' })).toBeInTheDocument();
  });

  it('lists the month in the List view, and the series beside it', async () => {
    await portfolioWith([MONTHLY]);
    goTo({ cadenceView: 'list' });
    render(<CadenceHarness />);
    const list = await screen.findByRole('list', { name: 'Meetings in March 2026' });
    expect(within(list).getByRole('heading', { name: 'Tuesday 3 March 2026' })).toBeInTheDocument();
    expect(within(list).getAllByRole('button')).toHaveLength(1);
    const side = screen.getByRole('complementary', { name: /Meeting series/ });
    expect(within(side).getByText('Monthly portfolio review')).toBeInTheDocument();
    expect(within(side).getByText(/Next: 7 Apr 2026, 10:00/)).toBeInTheDocument();
    // The tabs move with the arrow keys.
    const user = userEvent.setup();
    await user.click(screen.getByRole('tab', { name: 'List' }));
    await user.keyboard('{ArrowLeft}');
    expect(useAppStore.getState().location.cadenceView).toBe('month');
  });

  it('opens an upcoming meeting as a review with its drafted agenda', async () => {
    await portfolioWith([MONTHLY]);
    render(<CadenceHarness />);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Next month' }));
    await user.click(await screen.findByRole('button', { name: /7 April 2026, at 10:00/ }));
    await waitFor(() => expect(useAppStore.getState().location.reviewId).not.toBeNull());
    const reviews = (await readPortfolio()).reviews ?? [];
    expect(reviews).toHaveLength(1);
    expect(reviews[0]).toMatchObject({
      cadenceId: MONTHLY.id,
      date: '2026-04-07',
      status: 'planned',
    });
    expect(reviews[0]?.attendance?.map((person) => person.name)).toEqual(['Ada', 'Grace']);
    expect(
      await screen.findByRole('heading', { level: 2, name: 'Monthly portfolio review' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Agenda' })).toBeInTheDocument();
    // Back on the calendar, the meeting now has a review: its agenda is drafted.
    await user.click(screen.getByRole('link', { name: 'Cadence calendar' }));
    goTo({});
    expect(
      await screen.findByRole('button', { name: /7 April 2026, at 10:00, Agenda drafted$/ }),
    ).toBeInTheDocument();
  });
});

describe('a one-off meeting', () => {
  it('is added outside any series, says what is missing, and opens as a review', async () => {
    await portfolioWith([MONTHLY]);
    render(<CadenceHarness />);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'One-off meeting…' }));
    const dialog = await screen.findByRole('dialog', { name: 'One-off meeting' });
    await user.click(within(dialog).getByRole('button', { name: 'Add and open' }));
    const title = within(dialog).getByLabelText('Title');
    expect(title).toHaveAccessibleDescription('Give the meeting a title.');
    expect(title).toHaveFocus();
    await user.type(title, 'Extraordinary budget review');
    await user.selectOptions(within(dialog).getByLabelText('Kind of meeting'), 'value-review');
    const date = within(dialog).getByLabelText('Date');
    await user.clear(date);
    await user.type(date, '2026-03-17');
    await user.type(within(dialog).getByLabelText('Time (optional)'), '15:00');
    await user.click(within(dialog).getByRole('button', { name: 'Add and open' }));
    await waitFor(() => expect(useAppStore.getState().location.reviewId).not.toBeNull());
    const review = (await readPortfolio()).reviews?.[0];
    expect(review).toMatchObject({
      title: 'Extraordinary budget review',
      kind: 'value-review',
      date: '2026-03-17',
      time: '15:00',
      status: 'planned',
    });
    expect(review?.cadenceId).toBeUndefined();
    expect(
      await screen.findByRole('heading', { level: 2, name: 'Extraordinary budget review' }),
    ).toBeInTheDocument();
    // Back on the calendar it is on the 17th.
    await user.click(screen.getByRole('link', { name: 'Cadence calendar' }));
    goTo({});
    expect(
      await screen.findByRole('button', {
        name: 'Extraordinary budget review, Value review, Tuesday 17 March 2026, at 15:00, Agenda drafted',
      }),
    ).toBeInTheDocument();
  });

  it('gives the focus back to its button when cancelled', async () => {
    await portfolioWith([MONTHLY]);
    render(<CadenceHarness />);
    const user = userEvent.setup();
    const button = await screen.findByRole('button', { name: 'One-off meeting…' });
    await user.click(button);
    const dialog = await screen.findByRole('dialog', { name: 'One-off meeting' });
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    await waitFor(() => expect(button).toHaveFocus());
    expect((await readPortfolio()).reviews ?? []).toHaveLength(0);
  });

  it('says when the next meeting is, above a month without one', async () => {
    await portfolioWith([{ ...MONTHLY, start: '2026-06-02T10:00' }]);
    render(<CadenceHarness />);
    expect(
      await screen.findByText(
        /No meetings in March 2026\. The next is “Monthly portfolio review” on Tuesday 2 June 2026, 10:00\./,
      ),
    ).toBeInTheDocument();
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Show June 2026' }));
    expect(await screen.findByRole('heading', { name: 'June 2026' })).toBeInTheDocument();
  });
});

describe('the meeting series editor', () => {
  it('plans a quarterly checkpoint on the 31st, with the dates it gives, and says what is missing', async () => {
    await portfolioWith([MONTHLY]);
    render(<CadenceHarness />);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'New series' }));
    const dialog = await screen.findByRole('dialog', { name: 'New meeting series' });
    // Nothing named: Add refuses and says why, at the field.
    await user.click(within(dialog).getByRole('button', { name: 'Add series' }));
    const name = within(dialog).getByLabelText('Name');
    expect(name).toHaveAccessibleDescription('Give the series a name.');
    expect(name).toHaveFocus();

    await user.type(name, 'Quarterly alignment checkpoint');
    await user.selectOptions(
      within(dialog).getByLabelText('Kind of meeting'),
      'alignment-checkpoint',
    );
    const date = within(dialog).getByLabelText('First meeting');
    await user.clear(date);
    await user.type(date, '2026-03-31');
    const time = within(dialog).getByLabelText('Starts at');
    await user.clear(time);
    await user.type(time, '09:30');
    await user.selectOptions(within(dialog).getByLabelText('Time zone'), 'Europe/Berlin');
    await user.selectOptions(within(dialog).getByLabelText('Repeats'), 'quarterly');
    await user.selectOptions(within(dialog).getByLabelText('On'), 'day');
    expect(within(dialog).getByLabelText('On')).toHaveDisplayValue(
      'On day 31 (the last day in shorter months)',
    );
    // The next five: the 31st, or the last day of a month without one.
    const dates = within(dialog).getByRole('list');
    expect(
      within(dates)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual([
      'Tuesday 31 March 2026, 09:30 (Europe/Berlin)',
      'Tuesday 30 June 2026, 09:30 (Europe/Berlin)',
      'Wednesday 30 September 2026, 09:30 (Europe/Berlin)',
      'Thursday 31 December 2026, 09:30 (Europe/Berlin)',
      'Wednesday 31 March 2027, 09:30 (Europe/Berlin)',
    ]);
    await user.click(within(dialog).getByRole('button', { name: 'Add series' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    const added = (await readPortfolio()).cadences?.find(
      (cadence) => cadence.name === 'Quarterly alignment checkpoint',
    );
    expect(added).toMatchObject({
      kind: 'alignment-checkpoint',
      start: '2026-03-31T09:30',
      timeZone: 'Europe/Berlin',
      durationMinutes: 60,
    });
    expect(added?.rule).toMatch(/FREQ=MONTHLY/);
    expect(added?.rule).toMatch(/INTERVAL=3/);
    expect(
      await screen.findByRole('button', { name: /Quarterly alignment checkpoint.*31 March 2026/ }),
    ).toBeInTheDocument();
  });

  it('refuses an end before the first meeting, and deletes a series after asking', async () => {
    await portfolioWith([MONTHLY]);
    render(<CadenceHarness />);
    const user = userEvent.setup();
    await user.click(
      await screen.findByRole('button', { name: 'Edit the series “Monthly portfolio review”' }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Edit the series “Monthly portfolio review”',
    });
    expect(within(dialog).getByLabelText('On')).toHaveDisplayValue('On the first Tuesday');
    await user.click(within(dialog).getByLabelText('On a date'));
    await user.type(within(dialog).getByLabelText('Last date'), '2025-12-31');
    await user.click(within(dialog).getByRole('button', { name: 'Save series' }));
    expect(within(dialog).getByLabelText('Last date')).toHaveAccessibleDescription(
      'The series cannot end before its first meeting.',
    );
    expect((await readPortfolio()).cadences?.[0]?.rule).toBe(MONTHLY.rule);

    await user.click(within(dialog).getByRole('button', { name: 'Delete series…' }));
    const confirm = await screen.findByRole('dialog', {
      name: 'Delete the series “Monthly portfolio review”?',
    });
    await user.click(within(confirm).getByRole('button', { name: 'Delete series' }));
    await waitFor(async () => expect((await readPortfolio()).cadences ?? []).toHaveLength(0));
    expect(await screen.findByText('No meetings planned yet.')).toBeInTheDocument();
    expect(useAppStore.getState().notices.at(-1)?.text).toBe(
      'Deleted the series “Monthly portfolio review”.',
    );
  });
});
