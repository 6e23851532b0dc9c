import { describe, expect, it } from 'vitest';
import { editor, eventually, initiativeLink, initiativeNameField, shown } from './support/app';
import { useHarness } from './support/harness';

const harness = useHarness();

describe('persistence', () => {
  it('keeps a renamed initiative after a reload and after a browser restart', async () => {
    const profile = await harness.profile();
    const first = await harness.open(profile, '#/portfolio/initiatives/cloud-landing-zone');
    const { page } = first;

    const name = initiativeNameField(page);
    await eventually(() => name.inputValue(), 'Cloud landing zone', 'the editor shows the name');
    await name.fill('Cloud landing zone, phase 2');
    // The list reads from storage: its row changes once the edit is stored.
    await shown(initiativeLink(page, 'Cloud landing zone, phase 2'));
    await shown(editor(page).getByRole('heading', { name: 'Cloud landing zone, phase 2' }));

    await page.reload();
    await shown(initiativeLink(page, 'Cloud landing zone, phase 2'));
    await eventually(
      () => initiativeNameField(page).inputValue(),
      'Cloud landing zone, phase 2',
      'the editor shows the stored name after a reload',
    );
    await eventually(
      () => initiativeLink(page, 'Cloud landing zone').count(),
      0,
      'the old name is gone from the list',
    );

    await first.context.close();
    const second = await harness.open(profile, '#/portfolio/initiatives/cloud-landing-zone');
    await shown(initiativeLink(second.page, 'Cloud landing zone, phase 2'));
    await eventually(
      () => initiativeNameField(second.page).inputValue(),
      'Cloud landing zone, phase 2',
      'the editor shows the stored name after a browser restart',
    );
  });

  it('keeps an edited team capacity after a reload', async () => {
    const { page } = await harness.open(await harness.profile(), '#/portfolio/teams');

    const capacity = page.getByLabel('Platform capacity in Q1 2027');
    const platformTotal = page.getByRole('row').filter({ has: capacity }).getByRole('cell').nth(-2);
    await eventually(() => capacity.inputValue(), '9.5', 'the demo capacity');
    await eventually(() => platformTotal.textContent(), '55.5', 'the demo Platform total');
    await capacity.fill('12');
    // The row's total follows the stored capacity.
    await eventually(() => platformTotal.textContent(), '58', 'the Platform total after the edit');

    await page.reload();
    await eventually(
      () => page.getByLabel('Platform capacity in Q1 2027').inputValue(),
      '12',
      'the stored capacity after a reload',
    );
    await eventually(() => platformTotal.textContent(), '58', 'the Platform total after a reload');
  });

  it('keeps an edited budget after a reload', async () => {
    const { page } = await harness.open(await harness.profile(), '#/portfolio/periods');

    const budget = page.getByLabel('Budget in Q1 2027');
    const total = page.getByRole('row', { name: /^Total budget/ }).getByRole('cell');
    await eventually(() => budget.inputValue(), '1,350,000', 'the demo budget');
    await eventually(() => total.textContent(), '€10,050,000', 'the demo total budget');
    await budget.fill('1500000');
    await eventually(() => budget.inputValue(), '1500000', 'the budget field after typing');
    await eventually(() => total.textContent(), '€10,200,000', 'the total budget after the edit');

    await page.reload();
    await eventually(
      () => page.getByLabel('Budget in Q1 2027').inputValue(),
      '1,500,000',
      'the stored budget after a reload',
    );
    await eventually(() => total.textContent(), '€10,200,000', 'the total budget after a reload');
  });

  it('keeps the last keystroke when the page is reloaded at once, twenty times in a row', async () => {
    const { page } = await harness.open(
      await harness.profile(),
      '#/portfolio/initiatives/cloud-landing-zone',
    );
    const description = () => editor(page).getByLabel('Description', { exact: true });
    await shown(description());
    const lost: string[] = [];
    let expected = await description().inputValue();
    for (let trial = 1; trial <= 20; trial += 1) {
      await description().click();
      await page.keyboard.press('End');
      const typed = ` t${trial}`;
      await page.keyboard.type(typed);
      expected += typed;
      // At once: no wait for the database, as when someone types and presses F5.
      await page.reload();
      await shown(description());
      const after = await description().inputValue();
      if (after !== expected) lost.push(`trial ${trial}: expected "${expected}", got "${after}"`);
      expected = after;
    }
    expect(lost, 'edits lost across an immediate reload').toEqual([]);
  });

  it('keeps a description typed just before the window is closed', async () => {
    const profile = await harness.profile();
    const first = await harness.open(profile, '#/portfolio/initiatives/cloud-landing-zone');
    const description = first.page.getByRole('complementary').getByLabel('Description', {
      exact: true,
    });
    await shown(description);
    await description.fill('');
    await description.pressSequentially('Closed straight after typing');
    // Close the window at once, as a person does (the browser keeps running with another tab).
    const other = await first.context.newPage();
    const closed = first.page.waitForEvent('close');
    await first.page.close({ runBeforeUnload: true });
    await closed;
    await other.goto(harness.url() + '#/portfolio/initiatives/cloud-landing-zone');
    const reopened = other.getByRole('complementary').getByLabel('Description', { exact: true });
    await eventually(
      () => reopened.inputValue(),
      'Closed straight after typing',
      'the description typed just before closing',
    );

    // And it is in the database, not only in the journal: it is there after a browser restart.
    await first.context.close();
    const second = await harness.open(profile, '#/portfolio/initiatives/cloud-landing-zone');
    await eventually(
      () =>
        second.page
          .getByRole('complementary')
          .getByLabel('Description', { exact: true })
          .inputValue(),
      'Closed straight after typing',
      'the description after a browser restart',
    );
  });
});
