import { configure, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SELF_REVIEW_QUESTIONS } from '../../../../shared/metrics/self-review';
import { METRIC_USAGE_KEY, recordMetricUse } from '../../../../renderer/areas/metrics/metric-usage';
import { readPortfolio } from '../../../../renderer/db/repository';
import { withDialogPolyfill } from '../../dialog-polyfill';
import { MetricsHarness, REPORTED, TODAY, freezeToday, goTo, store, thawToday } from './support';

withDialogPolyfill();
configure({ asyncUtilTimeout: 4000 });

beforeEach(() => {
  freezeToday();
  window.localStorage.removeItem(METRIC_USAGE_KEY);
  goTo({ metricsView: 'self-review' });
});

afterEach(() => {
  thawToday();
});

async function selfReviews() {
  return (await readPortfolio()).selfReviews ?? [];
}

describe('the self-review', () => {
  it('starts a review today and stores each score and note as it is given', async () => {
    await store(REPORTED);
    render(<MetricsHarness />);
    expect(await screen.findByText('No self-review yet.')).toBeInTheDocument();
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Start a self-review today' }));
    await waitFor(async () => expect(await selfReviews()).toHaveLength(1));
    expect((await selfReviews())[0]?.date).toBe(TODAY);

    const first = SELF_REVIEW_QUESTIONS[0];
    if (!first) throw new Error('No built-in question');
    const group = await screen.findByRole('group', { name: first.question });
    expect(screen.getAllByRole('radiogroup')).toHaveLength(SELF_REVIEW_QUESTIONS.length);
    await user.click(within(group).getByRole('radio', { name: /4\s*Mostly/ }));
    await waitFor(async () =>
      expect((await selfReviews())[0]?.answers).toEqual([
        { questionId: first.id, question: first.question, score: 4 },
      ]),
    );
    const note = within(group).getByRole('textbox', { name: 'Note' });
    await user.type(note, 'Monthly review still earns its hour');
    await user.tab();
    await waitFor(async () =>
      expect((await selfReviews())[0]?.answers[0]?.note).toBe(
        'Monthly review still earns its hour',
      ),
    );
    expect(screen.getByText(`1 of ${SELF_REVIEW_QUESTIONS.length} answered`)).toBeInTheDocument();
  });

  it('asks a question of the PMO’s own, kept once scored', async () => {
    await store({
      ...REPORTED,
      selfReviews: [{ id: 'sr1', date: '2026-07-01', answers: [] }],
    });
    render(<MetricsHarness />);
    const user = userEvent.setup();
    await user.type(
      await screen.findByRole('textbox', { name: 'A question of your own' }),
      'Do sponsors read the pack?{Enter}',
    );
    const group = await screen.findByRole('group', { name: 'Do sponsors read the pack?' });
    await user.click(within(group).getByRole('radio', { name: /2\s*A little/ }));
    await waitFor(async () =>
      expect((await selfReviews())[0]?.answers).toEqual([
        {
          questionId: 'custom-do-sponsors-read-the-pack',
          question: 'Do sponsors read the pack?',
          score: 2,
        },
      ]),
    );
  });

  it('shows the trend across reviews and the metrics nobody opened as candidates to retire', async () => {
    const first = SELF_REVIEW_QUESTIONS[0];
    if (!first) throw new Error('No built-in question');
    await store({
      ...REPORTED,
      selfReviews: [
        {
          id: 'sr1',
          date: '2026-04-01',
          answers: [{ questionId: first.id, question: first.question, score: 2 }],
        },
        {
          id: 'sr2',
          date: '2026-07-01',
          answers: [{ questionId: first.id, question: first.question, score: 4 }],
        },
      ],
    });
    // Opened since the self-review of 1 April (the one before the review shown, of 1 July).
    recordMetricUse('cpi', '2026-06-10');
    render(<MetricsHarness />);
    const trend = await screen.findByRole('table', {
      name: 'Scores across self-reviews, oldest first',
    });
    const row = within(trend)
      .getByRole('rowheader', { name: first.question })
      .closest('tr') as HTMLElement;
    expect(row).toHaveTextContent(/2\s*4/);
    expect(row).toHaveTextContent('up, better');

    const retire = screen.getByRole('region', { name: 'Candidates to retire' });
    expect(within(retire).getByText(/since the self-review of 1 Apr 2026/)).toBeInTheDocument();
    expect(within(retire).getByText('Schedule performance (SPI)')).toBeInTheDocument();
    expect(within(retire).queryByText('Cost performance (CPI)')).toBeNull();
  });
});
