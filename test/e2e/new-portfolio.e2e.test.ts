import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  DEMO_INITIATIVE_COUNT,
  DEMO_NAME,
  dialog,
  eventually,
  fileCommand,
  gone,
  initiativeLink,
  initiativeNameField,
  listSummary,
  notices,
  portfolioHeading,
  shown,
  tab,
} from './support/app';
import { useHarness } from './support/harness';

const harness = useHarness();

const CONFIRM_TITLE = 'Start an empty portfolio?';

/** Waits for the empty portfolio, answering Replace if the app asks first. */
async function replaceIfAsked(page: Page): Promise<void> {
  const question = dialog(page, CONFIRM_TITLE);
  const emptyHeading = page.getByRole('heading', { level: 1, name: 'New portfolio' });
  await Promise.race([question.waitFor(), emptyHeading.waitFor()]);
  if (await question.isVisible()) await question.getByRole('button', { name: 'Replace' }).click();
  await emptyHeading.waitFor();
}

async function expectEmptyPortfolio(page: Page): Promise<void> {
  await shown(page.getByText('New portfolio · saved in Baton as you edit'));
  await shown(tab(page, 'Initiatives'));
  expect(await tab(page, 'Initiatives').getAttribute('aria-selected')).toBe('true');
  await shown(page.getByText('No initiatives yet.'));
  expect(await listSummary(page).textContent()).toBe('0 initiatives');
  expect(await page.getByRole('table').count()).toBe(0);

  await tab(page, 'Teams & capacity').click();
  await shown(page.getByText('No teams yet.'));
  await shown(page.getByText('Add the teams whose capacity the portfolio draws on.'));
  expect(await page.getByRole('table').count()).toBe(0);
}

describe('new empty portfolio', () => {
  it('replaces the demo with an empty portfolio, and Ctrl+Z brings the demo back', async () => {
    const { page } = await harness.open(await harness.profile());

    await fileCommand(page, 'New empty portfolio');
    await replaceIfAsked(page);
    await shown(notices(page).getByText('Started an empty portfolio.', { exact: false }));
    await expectEmptyPortfolio(page);

    await page.keyboard.press('Control+z');
    await eventually(
      () => portfolioHeading(page).textContent(),
      DEMO_NAME,
      'the heading after Ctrl+Z',
    );
    await shown(page.getByText('Demo portfolio · saved in Baton as you edit'));
    await shown(page.getByLabel('Platform capacity in Q1 2027'));
    await tab(page, 'Initiatives').click();
    await eventually(
      () => listSummary(page).textContent(),
      `${DEMO_INITIATIVE_COUNT} initiatives`,
      'the initiative count after Ctrl+Z',
    );
    await shown(initiativeLink(page, 'Cloud landing zone'));
  });

  it('asks before replacing an edited portfolio; Cancel keeps it, Replace empties it', async () => {
    const { page } = await harness.open(
      await harness.profile(),
      '#/portfolio/initiatives/cloud-landing-zone',
    );
    await initiativeNameField(page).fill('Cloud landing zone (edited)');
    await shown(initiativeLink(page, 'Cloud landing zone (edited)'));
    // The unsaved edit is remembered across a reload, where the undo history is gone.
    await page.reload();
    await shown(initiativeLink(page, 'Cloud landing zone (edited)'));

    await fileCommand(page, 'New empty portfolio');
    const question = dialog(page, CONFIRM_TITLE);
    await shown(question);
    await shown(
      question.getByText(`"${DEMO_NAME}" has changes that are not saved to a file.`, {
        exact: false,
      }),
    );
    expect(await question.getByRole('button').allTextContents()).toEqual([
      'Save a copy first…',
      'Replace',
      'Cancel',
    ]);
    await question.getByRole('button', { name: 'Cancel' }).click();
    await gone(question);
    expect(await portfolioHeading(page).textContent()).toBe(DEMO_NAME);
    await shown(initiativeLink(page, 'Cloud landing zone (edited)'));

    await fileCommand(page, 'New empty portfolio');
    await shown(question);
    await question.getByRole('button', { name: 'Replace' }).click();
    await gone(question);
    await eventually(
      () => portfolioHeading(page).textContent(),
      'New portfolio',
      'the heading after Replace',
    );
    await expectEmptyPortfolio(page);

    // Undo returns the edited portfolio, edit included.
    await page.keyboard.press('Control+z');
    await eventually(
      () => portfolioHeading(page).textContent(),
      DEMO_NAME,
      'the heading after Ctrl+Z',
    );
    await tab(page, 'Initiatives').click();
    await shown(initiativeLink(page, 'Cloud landing zone (edited)'));
  });
});
