/**
 * The Cadence area under a facilitator's keyboard and long minutes: where the focus goes when a
 * question is answered or its button goes away, and notes as long as a portfolio file allows.
 */
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Review } from '../../../../shared/cadence/types';
import { MAX_TEXT_LENGTH } from '../../../../shared/portfolio/limits';
import { readPortfolio } from '../../../../renderer/db/repository';
import { undoLastEdit } from '../../../../renderer/state/history-actions';
import { withDialogPolyfill } from '../../dialog-polyfill';
import { CadenceHarness, MONTHLY, freezeToday, goTo, portfolioWith, thawToday } from './support';

withDialogPolyfill();

const MARCH: Review = {
  id: 'v-march',
  title: 'Monthly portfolio review',
  kind: 'portfolio-review',
  cadenceId: MONTHLY.id,
  date: '2026-03-03',
  time: '10:00',
  status: 'planned',
  agenda: [{ id: 'g-budget', kind: 'custom', title: 'Budget outlook', minutes: 10 }],
};

async function storedReview(): Promise<Review | undefined> {
  return (await readPortfolio()).reviews?.find((entry) => entry.id === MARCH.id);
}

beforeEach(async () => {
  freezeToday();
  await portfolioWith([MONTHLY], [MARCH]);
  goTo({ reviewId: MARCH.id });
});

afterEach(() => {
  thawToday();
});

describe('a review by keyboard', () => {
  it('gives the focus back to the button whose question was answered No', async () => {
    render(<CadenceHarness />);
    const user = userEvent.setup();
    const cancel = await screen.findByRole('button', { name: 'Cancel meeting…' });
    await user.click(cancel);
    const confirm = await screen.findByRole('dialog', { name: /^Cancel the meeting/ });
    await user.click(within(confirm).getByRole('button', { name: 'Keep it' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    await waitFor(() => expect(cancel).toHaveFocus());
  });

  it('puts the focus on the title when holding or reinstating takes its button away', async () => {
    render(<CadenceHarness />);
    const user = userEvent.setup();
    const title = await screen.findByRole('heading', { level: 2, name: MARCH.title });
    await user.click(screen.getByRole('button', { name: 'Hold review…' }));
    const confirm = await screen.findByRole('dialog', { name: /^Hold/ });
    await user.click(within(confirm).getByRole('button', { name: 'Hold review' }));
    await waitFor(async () => expect((await storedReview())?.status).toBe('held'));
    await waitFor(() => expect(title).toHaveFocus());
  });

  it('puts the focus on the calendar’s heading once the review is deleted', async () => {
    render(<CadenceHarness />);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Delete review…' }));
    const confirm = await screen.findByRole('dialog', { name: /^Delete the review/ });
    await user.click(within(confirm).getByRole('button', { name: 'Delete review' }));
    const heading = await screen.findByRole('heading', { level: 2, name: 'Cadence' });
    await waitFor(() => expect(heading).toHaveFocus());
  });
});

describe('the series editor by keyboard', () => {
  it('gives the focus back to “Delete series…” when the deletion is not confirmed', async () => {
    goTo({});
    render(<CadenceHarness />);
    const user = userEvent.setup();
    await user.click(
      await screen.findByRole('button', { name: 'Edit the series “Monthly portfolio review”' }),
    );
    const editor = await screen.findByRole('dialog', { name: /^Edit the series/ });
    const remove = within(editor).getByRole('button', { name: 'Delete series…' });
    await user.click(remove);
    const confirm = await screen.findByRole('dialog', { name: /^Delete the series/ });
    await user.click(within(confirm).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(remove).toHaveFocus());
    expect((await readPortfolio()).cadences).toHaveLength(1);
  });
});

describe('the minutes of a review', () => {
  it('keeps notes as long as a portfolio file allows, in general and on an item', async () => {
    render(<CadenceHarness />);
    const user = userEvent.setup();
    const long = `${'Minutes of a long meeting. '.repeat(200)}End.`;
    expect(long.length).toBeGreaterThan(2000);
    expect(long.length).toBeLessThanOrEqual(MAX_TEXT_LENGTH);

    await user.click(await screen.findByLabelText('General notes of the review'));
    await user.paste(long);
    await waitFor(async () => expect((await storedReview())?.notes).toBe(long));

    await user.click(screen.getByLabelText('Notes on “Budget outlook”'));
    await user.paste(long);
    await waitFor(async () => expect((await storedReview())?.agenda[0]?.notes).toBe(long));
  });
});

describe('decisions on an item', () => {
  it('say what was decided, not only the item’s title they are named after', async () => {
    render(<CadenceHarness />);
    const user = userEvent.setup();
    const budget = (await screen.findByRole('heading', { name: 'Item 1: Budget outlook' })).closest(
      'li',
    ) as HTMLElement;
    for (const text of ['Hold the budget flat in Q2.', 'Review it again in June.']) {
      await user.click(within(budget).getByRole('button', { name: 'Record decision…' }));
      const dialog = await screen.findByRole('dialog', { name: /^Record a decision/ });
      await user.type(within(dialog).getByLabelText(/^Decision/), text);
      await user.click(within(dialog).getByRole('button', { name: 'Save decision' }));
      await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    }
    const list = await within(budget).findByRole('list', { name: 'Decisions on “Budget outlook”' });
    await waitFor(() =>
      expect(
        within(list)
          .getAllByRole('listitem')
          .map((item) => item.textContent),
      ).toEqual([
        'Decision Budget outlook: Hold the budget flat in Q2.',
        'Decision Budget outlook: Review it again in June.',
      ]),
    );
  });
});

describe('moving an item with Alt+arrows while taking notes', () => {
  it('leaves the focus in the notes, with what was typed, at the item’s new place', async () => {
    await portfolioWith(
      [MONTHLY],
      [
        {
          ...MARCH,
          agenda: [
            { id: 'g-budget', kind: 'custom', title: 'Budget outlook', minutes: 10 },
            { id: 'g-hiring', kind: 'custom', title: 'Hiring plan', minutes: 15 },
          ],
        },
      ],
    );
    render(<CadenceHarness />);
    const user = userEvent.setup();
    const notes = await screen.findByLabelText('Notes on “Budget outlook”');
    await user.click(notes);
    await user.keyboard('Agreed');
    await user.keyboard('{Alt>}{ArrowDown}{/Alt}');
    await waitFor(async () =>
      expect((await storedReview())?.agenda.map((item) => item.id)).toEqual([
        'g-hiring',
        'g-budget',
      ]),
    );
    await waitFor(() => expect(screen.getByLabelText('Notes on “Budget outlook”')).toHaveFocus());
    await user.keyboard(' to hold it flat.');
    await waitFor(async () =>
      expect((await storedReview())?.agenda[1]?.notes).toBe('Agreed to hold it flat.'),
    );
  });
});

describe('a review that goes while it is open', () => {
  it('says so, and the focus goes to what it says, when its opening is undone', async () => {
    await portfolioWith([MONTHLY]);
    goTo({});
    render(<CadenceHarness />);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: /3 March 2026, at 10:00/ }));
    await screen.findByRole('heading', { level: 2, name: 'Monthly portfolio review' });
    await undoLastEdit();
    const gone = await screen.findByRole('heading', { level: 2, name: 'Review not found' });
    expect(screen.getByText(/its opening undone/)).toBeInTheDocument();
    await waitFor(() => expect(gone).toHaveFocus());
  });
});
