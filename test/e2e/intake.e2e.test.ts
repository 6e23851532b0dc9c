/**
 * Intake in Chromium: a proposal submitted by keyboard, its gate checklist failing and then passing
 * as the form is filled, approved by keyboard into the plan, found on the Prioritize board and its
 * decision in the log; a screened proposal deferred from the pipeline board by keyboard, showing
 * its revisit date. axe finds nothing on the board, the proposal and the dialogs; screenshots at
 * three window sizes go to BATON_SHOTS (default /tmp/shots-q1) for a person to look at.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { areaLink, dialog, eventually, gone, notices, shown } from './support/app';
import { expectNoAxeViolations } from './support/axe';
import { useHarness } from './support/harness';

const harness = useHarness();

const SHOTS = process.env.BATON_SHOTS ?? '/tmp/shots-q1';
const SIZES = [
  { width: 1440, height: 900 },
  { width: 1280, height: 800 },
  { width: 853, height: 533 },
] as const;

async function shoot(page: Page, name: string): Promise<void> {
  await mkdir(SHOTS, { recursive: true });
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await page.screenshot({ path: join(SHOTS, `${name}-${size.width}x${size.height}.png`) });
  }
  await page.setViewportSize(SIZES[0]);
}

const TITLE = 'Parcel lockers at petrol stations';

async function focused(locator: Locator): Promise<boolean> {
  return locator.evaluate((element) => element === document.activeElement);
}

/** Focuses a field and types into it, key by key, then leaves it with Tab. */
async function typeInto(page: Page, field: Locator, text: string): Promise<void> {
  await field.focus();
  await page.keyboard.type(text);
  await page.keyboard.press('Tab');
}

/** Focuses a closed select and types the start of an option's label, as a keyboard user would. */
async function chooseByKeyboard(page: Page, select: Locator, typed: string, value: string) {
  await select.focus();
  await page.keyboard.type(typed);
  await eventually(() => select.inputValue(), value, `the choice “${typed}”`);
  await page.keyboard.press('Tab');
}

/** Focuses a button and presses Enter. */
async function press(page: Page, button: Locator): Promise<void> {
  await button.focus();
  await page.keyboard.press('Enter');
}

/**
 * Lifts a card with Space by its handle. The keyboard drag listens for arrows from the next task
 * on, so wait for a timer queued after that one before pressing more keys.
 */
async function lift(page: Page, card: Locator): Promise<void> {
  await card.getByRole('button', { name: /^Move / }).focus();
  await page.keyboard.press('Space');
  await shown(page.locator('.proposal-card--overlay'));
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 0)));
}

/** The gate checklist's summary line ("3 of 5 rules pass…"). */
function gateSummary(page: Page): Locator {
  return page.locator('.gate__summary');
}

describe('intake', () => {
  it('submits a proposal by keyboard, passes the gate as it is filled, approves it into the plan and the log', async () => {
    const { page } = await harness.open(await harness.profile(), '#/intake');
    await shown(page.getByRole('heading', { level: 2, name: 'Intake' }));
    await shown(page.getByRole('region', { name: /^Draft/ }));
    await expectNoAxeViolations(page, 'the intake pipeline');
    await shoot(page, 'intake-board');

    // New proposal: a draft, opened with its first field in focus.
    await press(page, page.getByRole('button', { name: 'New proposal' }));
    await shown(page.getByRole('heading', { level: 2, name: 'Untitled proposal' }));
    const title = page.getByLabel('Title', { exact: true });
    await eventually(() => focused(title), true, 'the focus in the Title field');
    await page.keyboard.type(TITLE);
    await page.keyboard.press('Tab');
    await shown(page.getByRole('heading', { level: 2, name: TITLE }));

    // The gate fails while the form says little.
    await shown(gateSummary(page));
    expect(await gateSummary(page).textContent()).toMatch(/Blocked: .*too little objective fit/);

    await typeInto(
      page,
      page.getByLabel('Problem or opportunity'),
      'Customers who miss a delivery drive 20 minutes to a depot.',
    );
    await typeInto(page, page.getByLabel('Sponsor', { exact: true }), 'Lotte de Graaf');
    await chooseByKeyboard(page, page.getByLabel('Size', { exact: true }), 'S', 'S');
    // The picker adds the objective typed and returns to its placeholder.
    await page.getByLabel('Link to an objective').focus();
    await page.keyboard.type('Grow');
    const contribution = page.getByLabel(/^Contribution to Grow/);
    await shown(contribution);
    await chooseByKeyboard(page, contribution, '3', '3');
    for (const [criterion, score] of [
      [/^Customer value/, '7'],
      [/^Revenue impact/, '7'],
      [/^Risk reduction/, '5'],
    ] as const) {
      await typeInto(page, page.getByLabel(criterion), score);
    }
    await eventually(
      async () => /it passes the gate/.test((await gateSummary(page).textContent()) ?? ''),
      true,
      'the gate passing once the form is filled',
    );

    // Submit, take it into screening, approve: all from the keyboard.
    await press(page, page.getByRole('button', { name: 'Submit', exact: true }));
    await shown(notices(page).getByText(`Submitted “${TITLE}”.`));
    await press(page, page.getByRole('button', { name: /^Take into / }));
    await shown(page.getByRole('button', { name: 'Approve…' }));
    await expectNoAxeViolations(page, 'a proposal in screening');
    await shoot(page, 'intake-proposal');

    await press(page, page.getByRole('button', { name: 'Approve…' }));
    const approve = dialog(page, `Approve “${TITLE}”`);
    await shown(approve);
    await shown(approve.getByText('It passes every rule of the gate.'));
    await expectNoAxeViolations(page, 'the approve dialog');
    await shoot(page, 'intake-approve');
    await approve.getByLabel(/^Rationale/).focus();
    await page.keyboard.type('Fits the e-commerce growth objective; pilot with two chains.');
    await page.keyboard.press('Control+Enter');
    await gone(approve);
    await shown(
      notices(page).getByText(new RegExp(`^Approved “${TITLE}”: it is now an initiative`)),
    );
    await shown(page.getByRole('link', { name: `Open the initiative “${TITLE}”` }));

    // On the Prioritize board, in the ranking.
    await press(
      page,
      page.getByRole('group', { name: 'Where it went' }).getByRole('button', {
        name: 'Show on the board',
      }),
    );
    const stack = page.getByRole('list', { name: 'Ranked initiatives' });
    await shown(stack.getByRole('link', { name: TITLE, exact: true }));

    // In the decision log.
    await areaLink(page, 'Decisions').click();
    const decision = page.getByRole('article', { name: `Gate: approved “${TITLE}”` });
    await shown(decision);
    await shown(decision.getByText('Fits the e-commerce growth objective; pilot with two chains.'));

    // And on the pipeline, in Approved, naming the initiative it became.
    await areaLink(page, 'Intake').click();
    const approved = page.getByRole('region', { name: /^Approved/ });
    await shown(approved.getByRole('article', { name: TITLE }));
    await shown(approved.getByText(`Became the initiative “${TITLE}”`));
  });

  it('defers a screened proposal from the board by keyboard and shows the date to revisit it', async () => {
    const { page } = await harness.open(await harness.profile(), '#/intake');
    await shown(page.getByRole('region', { name: /^Draft/ }));
    const screening = page.locator('.pipeline__column[data-stage="screening"]');
    const card = screening.getByRole('article').first();
    await shown(card);
    const name = (await card.getAttribute('aria-label')) ?? '';

    // One step right is Approved: its dialog says what fails and asks for an override.
    await lift(page, card);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Space');
    const approve = dialog(page, `Approve “${name}”`);
    await shown(approve);
    // The dialog gives the verdict the card gave; a blocked proposal needs an override.
    if (await card.getByText('Passes the gate').count()) {
      await shown(approve.getByText('It passes every rule of the gate.'));
    } else {
      await shown(approve.getByText(/^Blocked: /));
      await shown(approve.getByLabel(/^Override/));
      await shown(approve.getByRole('button', { name: 'Approve by override' }));
    }
    await expectNoAxeViolations(page, 'the approve dialog');
    await shoot(page, 'intake-approve-from-board');
    await approve.getByRole('button', { name: 'Cancel' }).click();
    await gone(approve);

    // Space lifts it, two steps right (past Approved) reach Deferred, Space drops it there.
    await lift(page, card);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Space');

    const defer = dialog(page, `Defer “${name}”`);
    await shown(defer);
    await defer.getByLabel(/^Rationale/).focus();
    await page.keyboard.type('Wait for the energy prices of the new contract.');
    // Saving without a date to revisit says what is missing, at the field.
    await page.keyboard.press('Control+Enter');
    await shown(defer.getByText('Enter the date to look at it again.'));
    await expectNoAxeViolations(page, 'the defer dialog, with a problem shown');
    await defer.getByLabel(/^Revisit on/).fill('2027-03-15');
    await page.keyboard.press('Control+Enter');
    await gone(defer);

    const deferred = page.getByRole('region', { name: /^Deferred/ });
    const moved = deferred.getByRole('article', { name });
    await shown(moved);
    await shown(moved.getByText(/^Revisit on .*2027/));
    // The focus came back to the card, in its new column.
    await eventually(
      () => focused(moved.getByRole('button', { name: /^Move / })),
      true,
      'the focus on the deferred card',
    );
    await expectNoAxeViolations(page, 'the pipeline after a deferral');
    await shoot(page, 'intake-board-deferred');

    // Its page says when to revisit it, and the decision is there.
    await moved.getByRole('link', { name }).click();
    await shown(page.getByText(/^To revisit on/));
    await shown(page.getByText(`Gate: deferred “${name}”`));
  });
});
