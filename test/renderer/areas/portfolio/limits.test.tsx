/** The editor refuses what the file reader refuses, in the reader's words. */
import { fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../../../renderer/app/App';
import { readPortfolio } from '../../../../renderer/db/repository';
import { DEMO_PORTFOLIO } from '../../../../shared/demo/demo-portfolio';
import { freshApp } from '../../app/fresh-app';

beforeEach(freshApp);

const nis2 = DEMO_PORTFOLIO.initiatives.find((initiative) => initiative.id === 'nis2-controls')!;

describe('the initiative editor', () => {
  it('refuses a duration longer than the plan and a score off its scale, and stores neither', async () => {
    const user = userEvent.setup();
    render(<App />);
    await user.click(await screen.findByRole('link', { name: nis2.name }));
    const editor = await screen.findByRole('complementary', { name: nis2.name });
    const duration = within(editor).getByLabelText('Duration (periods)');
    // One change each, as a paste would make it: every valid step of typing would be stored.
    fireEvent.change(duration, { target: { value: '99' } });
    expect(
      await within(editor).findByText(
        'lasts 99 periods, but the portfolio has only 6 periods; an initiative must fit the plan',
      ),
    ).toBeVisible();
    const customerValue = within(editor).getByLabelText(/^Customer value \(1–10/);
    fireEvent.change(customerValue, { target: { value: '15' } });
    expect(
      await within(editor).findByText(
        "must be from 1 to 10 on the Weighted criteria model's scale",
      ),
    ).toBeVisible();
    const stored = (await readPortfolio()).initiatives.find((item) => item.id === nis2.id);
    expect(stored?.duration).toBe(nis2.duration);
    expect(stored?.scores?.['customer-value']).toBe(nis2.scores?.['customer-value']);
  });
});
