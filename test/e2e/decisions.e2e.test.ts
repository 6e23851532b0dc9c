import { describe, expect, it } from 'vitest';
import { areaLink, dialog, editor, eventually, gone, notices, shown } from './support/app';
import { expectNoAxeViolations } from './support/axe';
import { useHarness } from './support/harness';

const harness = useHarness();

const INITIATIVE = 'Fleet telematics rollout';
const TITLE = 'Pause the fleet telematics rollout';
const AMENDED = 'Pause the telematics rollout until the vendor is chosen';

describe('the decision log', () => {
  it('records a decision, amends it, finds it by search and shows it on its initiative', async () => {
    const { page } = await harness.open(await harness.profile());
    await areaLink(page, 'Decisions').click();
    await shown(page.getByText('No decisions recorded yet.'));
    await eventually(
      () => Promise.resolve(page.url().endsWith('#/decisions')),
      true,
      'the address',
    );

    // Record: the form is filled from the keyboard; Enter in a one-line field saves nothing.
    await page.getByRole('button', { name: 'Record a decision' }).click();
    const form = dialog(page, 'Record a decision');
    await form.getByRole('combobox', { name: 'Kind' }).selectOption('stop-continue');
    await form.getByRole('textbox', { name: 'Title' }).fill(TITLE);
    await form.getByRole('textbox', { name: 'Title' }).press('Enter');
    await shown(form);
    // Had Enter tried to save, the empty Decision field would say what is missing.
    expect(await form.getByText('Say what was decided.').count()).toBe(0);
    await form
      .getByRole('textbox', { name: 'Decision' })
      .fill('The rollout pauses after the pilot depots.');
    await form.getByRole('textbox', { name: 'Rationale' }).fill('Budget cut in the second half.');
    await form.getByRole('textbox', { name: 'Decided by' }).fill('Portfolio board');
    const concerns = form.getByRole('combobox', { name: 'Concerns' });
    await concerns.pressSequentially('telematics');
    const option = form.getByRole('option', { name: `Initiative: ${INITIATIVE}` });
    await shown(option);
    // Escape closes the list of matches, not the dialog; the arrow opens it again.
    await concerns.press('Escape');
    await gone(option);
    await shown(form);
    await concerns.press('ArrowDown');
    await shown(option);
    await concerns.press('Enter');
    await shown(form.getByText(`Initiative: ${INITIATIVE}`));
    await form.getByRole('button', { name: 'Record decision' }).click();
    await gone(form);
    await shown(notices(page).getByText(`Recorded: ${TITLE}`));
    const recorded = page.getByRole('article', { name: TITLE });
    await shown(recorded);
    await expectNoAxeViolations(page, 'the Decisions area');

    // Amend: a new decision supersedes the first; both stay.
    await recorded.getByRole('button', { name: `Amend ${TITLE}` }).click();
    const amend = dialog(page, `Amend “${TITLE}”`);
    await eventually(
      () => amend.getByRole('textbox', { name: 'Title' }).inputValue(),
      TITLE,
      'the amendment starts from the decision it amends',
    );
    await expectNoAxeViolations(page, 'the amendment form');
    await amend.getByRole('textbox', { name: 'Title' }).fill(AMENDED);
    await amend.getByRole('button', { name: 'Record amendment' }).click();
    await gone(amend);
    const amendment = page.getByRole('article', { name: AMENDED });
    await shown(amendment);
    await shown(amendment.getByText('Amends'));
    await shown(recorded.getByText('Superseded by'));
    await eventually(
      () => recorded.getByRole('button', { name: /^Amend/ }).count(),
      0,
      'a superseded decision offers no Amend',
    );
    await eventually(
      () =>
        page.getByRole('list', { name: 'Decisions, newest first' }).getByRole('article').count(),
      2,
      'both decisions in the log',
    );

    // Search: by a word of the rationale, and by one no decision has.
    const search = page.getByRole('searchbox', { name: 'Search' });
    await search.fill('nowhere-to-be-found');
    await shown(page.getByText('No decision matches.'));
    await search.fill('budget');
    await shown(page.getByText('2 of 2 decisions, newest first'));
    await search.fill('vendor');
    await shown(page.getByText('1 of 2 decisions, newest first'));
    await shown(amendment);

    // The decisions survive a reload, and show on the initiative they concern.
    await page.reload();
    await areaLink(page, 'Portfolio').click();
    await page.getByRole('table').getByRole('link', { name: INITIATIVE, exact: true }).click();
    const section = editor(page).getByRole('region', { name: 'Decisions', exact: true });
    await section.scrollIntoViewIfNeeded();
    const cards = section.getByRole('article');
    await eventually(() => cards.count(), 2, 'the decisions about the initiative');
    expect(await cards.nth(0).getByRole('heading').textContent()).toBe(AMENDED);
    await shown(cards.nth(1).getByText('Superseded', { exact: true }));
  });
});
