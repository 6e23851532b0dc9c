/**
 * A workshop end to end in Chromium at 1280 × 800, by keyboard only: set up a session for three
 * participants, three blind passes with cover screens (one interrupted by a reload), the reveal,
 * a re-score, a dot vote, converge with a facilitator's call, the outcome in the decision log,
 * the final ranking in presentation mode, and the summary page of the board pack. The audience
 * window is checked at every step: it never shows a score before the reveal.
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { areaLink, eventually, shown } from './support/app';
import { expectNoAxeViolations } from './support/axe';
import { useHarness } from './support/harness';

const harness = useHarness();

const VIEWPORT = { width: 1280, height: 800 };
const CIAM = 'Customer identity (CIAM)';
const HANDHELD = 'Handheld scanner refresh';
const FORECAST = 'Volume demand forecasting';

/** Focuses `locator` and presses `key`: the keyboard does the work, never the mouse. */
async function press(locator: Locator, key = 'Enter'): Promise<void> {
  await locator.focus();
  await locator.page().keyboard.press(key);
}

/** Types into a field reached by focus. */
async function typeInto(locator: Locator, text: string): Promise<void> {
  await locator.focus();
  await locator.page().keyboard.press('ControlOrMeta+a');
  await locator.page().keyboard.type(text);
}

/** The scores of one pass: per initiative, [customer value, risk reduction]. */
type Pass = Readonly<Record<string, readonly [number, number]>>;

async function scorePass(page: Page, name: string, pass: Pass): Promise<void> {
  await shown(page.getByRole('heading', { name: `Hand the laptop to ${name}` }));
  await page.keyboard.press('Enter');
  for (const [initiative, [value, risk]] of Object.entries(pass)) {
    await shown(page.getByRole('heading', { level: 3, name: initiative }));
    await press(
      page
        .getByRole('group', { name: /^Customer value/ })
        .getByRole('radio', { name: String(value) }),
      'Space',
    );
    await press(
      page
        .getByRole('group', { name: /^Risk reduction/ })
        .getByRole('radio', { name: String(risk) }),
      'Space',
    );
    await eventually(
      () =>
        page
          .getByRole('group', { name: /^Risk reduction/ })
          .getByRole('radio', { name: String(risk) })
          .isChecked(),
      true,
      `${name}'s score of ${initiative} is taken`,
    );
    // Enter on a choice goes on to the next initiative (or finishes the pass).
    await page.keyboard.press('Enter');
  }
}

/** What the audience window shows, as text; and that it shows no table of scores. */
async function audienceBeforeReveal(audience: Page, who: string): Promise<void> {
  await shown(audience.getByText(new RegExp(`${who}’s turn`)));
  expect(await audience.locator('table, svg').count(), 'no scores in the audience window').toBe(0);
  // No number but the round's: no score, no dot, no tally.
  const text = await audience.locator('main').innerText();
  expect(text.replace('Q1 prioritization', '').replace(/round \d+/g, '')).not.toMatch(/\d/);
}

describe('a workshop', () => {
  it('runs a three-person session from set-up to the board pack, by keyboard', async () => {
    const profile = await harness.profile();
    const { page, context } = await harness.open(profile, '#/workshop', VIEWPORT);

    // ---- Set up ------------------------------------------------------------------------------
    await press(page.getByRole('button', { name: 'Set up a session' }));
    await typeInto(page.getByLabel('Title'), 'Q1 prioritization');
    await typeInto(page.getByLabel('Facilitator'), 'Alex');
    await typeInto(page.getByLabel('Participants, one name per line'), 'Priya\nSam\nLee');
    await press(page.getByRole('button', { name: 'Clear shown' }));
    for (const name of [CIAM, HANDHELD, FORECAST]) {
      await press(page.getByRole('checkbox', { name: new RegExp(`^${escape(name)}`) }), 'Space');
    }
    await press(page.getByRole('checkbox', { name: /^Revenue impact/ }), 'Space');
    await expectNoAxeViolations(page, 'the set-up form');
    await press(page.getByRole('button', { name: 'Create session' }));
    await shown(page.getByRole('heading', { level: 2, name: 'Q1 prioritization' }));
    expect(await page.getByRole('definition').nth(2).innerText()).toContain('3 initiatives');

    // The audience window: a second window of the same origin, kept in step.
    const opened = context.waitForEvent('page');
    await press(page.getByRole('button', { name: 'Open audience window' }));
    const audience = await opened;
    await audience.setViewportSize(VIEWPORT);
    await shown(audience.getByRole('heading', { level: 1, name: 'Q1 prioritization' }));

    await press(page.getByRole('button', { name: 'Start blind scoring' }));

    // ---- Three blind passes ------------------------------------------------------------------
    await audienceBeforeReveal(audience, 'Priya');
    await expectNoAxeViolations(page, 'the cover screen');
    await expectNoAxeViolations(audience, 'the audience window while scoring');
    await scorePass(page, 'Priya', { [CIAM]: [8, 3], [HANDHELD]: [5, 6], [FORECAST]: [6, 4] });
    await audienceBeforeReveal(audience, 'Sam');

    // Sam scores one initiative, then the laptop reloads (a crash, a closed lid): the session
    // resumes behind the cover, at Sam's first initiative not yet scored.
    await shown(page.getByRole('heading', { name: 'Hand the laptop to Sam' }));
    await page.keyboard.press('Enter');
    await shown(page.getByRole('heading', { level: 3, name: CIAM }));
    await expectNoAxeViolations(page, 'a scoring pass');
    await press(
      page.getByRole('group', { name: /^Customer value/ }).getByRole('radio', { name: '7' }),
      'Space',
    );
    await press(
      page.getByRole('group', { name: /^Risk reduction/ }).getByRole('radio', { name: '3' }),
      'Space',
    );
    await eventually(
      () =>
        page
          .getByRole('group', { name: /^Risk reduction/ })
          .getByRole('radio', { name: '3' })
          .isChecked(),
      true,
      'the score is taken',
    );
    await page.reload();
    await scorePass(page, 'Sam', { [HANDHELD]: [5, 6], [FORECAST]: [7, 4] });
    await audienceBeforeReveal(audience, 'Lee');
    await scorePass(page, 'Lee', { [CIAM]: [2, 3], [HANDHELD]: [4, 6], [FORECAST]: [6, 5] });

    // ---- Reveal ------------------------------------------------------------------------------
    await shown(page.getByRole('heading', { name: 'The reveal' }));
    const rows = page.getByRole('table', { name: /least agreement first/ }).getByRole('row');
    // Least agreement first: CIAM on customer value (8, 7, 2), with Lee named as the outlier.
    expect(await rows.nth(1).innerText()).toMatch(new RegExp(`${escape(CIAM)}\\s+Customer value`));
    expect(await rows.nth(1).innerText()).toContain('Lee scored 2, the others 7–8');
    await shown(
      audience
        .getByRole('list', { name: 'Outliers' })
        .getByText('Customer identity (CIAM), Customer value: Lee scored 2, the others 7–8'),
    );
    await expectNoAxeViolations(page, 'the reveal');
    await expectNoAxeViolations(audience, 'the audience window at the reveal');

    // Re-score CIAM on customer value: three more covers, one score each.
    await press(page.getByRole('button', { name: `Re-score ${CIAM} on Customer value` }));
    for (const [name, value] of [
      ['Priya', 7],
      ['Sam', 7],
      ['Lee', 6],
    ] as const) {
      await audienceBeforeReveal(audience, name);
      await shown(page.getByRole('heading', { name: `Hand the laptop to ${name}` }));
      await page.keyboard.press('Enter');
      await shown(page.getByRole('heading', { level: 3, name: CIAM }));
      expect(await page.getByRole('group', { name: /^Risk reduction/ }).count()).toBe(0);
      await press(
        page
          .getByRole('group', { name: /^Customer value/ })
          .getByRole('radio', { name: String(value) }),
        'Space',
      );
      await eventually(
        () =>
          page
            .getByRole('group', { name: /^Customer value/ })
            .getByRole('radio', { name: String(value) })
            .isChecked(),
        true,
        `${name}'s re-score is taken`,
      );
      await page.keyboard.press('Enter');
    }
    await shown(page.getByRole('heading', { name: 'The reveal' }));
    expect(
      await page
        .getByRole('row', { name: new RegExp(`${escape(CIAM)} re-scored Customer value`) })
        .innerText(),
    ).toMatch(/7\s+7\s+6/);

    // ---- Dot vote ----------------------------------------------------------------------------
    await press(page.getByRole('button', { name: 'Start the dot vote' }));
    const ballots: Readonly<Record<string, readonly string[]>> = {
      Priya: [FORECAST, FORECAST, CIAM],
      Sam: [FORECAST, HANDHELD],
      Lee: [CIAM, FORECAST, FORECAST],
    };
    for (const [name, dots] of Object.entries(ballots)) {
      await audienceBeforeReveal(audience, name);
      await shown(page.getByRole('heading', { name: `Hand the laptop to ${name}` }));
      await page.keyboard.press('Enter');
      await shown(page.getByRole('heading', { name: `${name}: place your dots` }));
      for (const initiative of dots) {
        await press(page.getByRole('button', { name: `Put a dot on ${initiative}` }));
      }
      await shown(
        page.getByText(dots.length === 3 ? 'All your dots are placed.' : '1 of 3 dots left'),
      );
      if (name === 'Priya') await expectNoAxeViolations(page, 'a dot vote');
      await press(page.getByRole('button', { name: 'Finish my vote' }));
    }
    await shown(page.getByRole('heading', { name: 'Dot vote' }));
    await expectNoAxeViolations(page, 'the dot-vote result');
    await press(page.getByRole('button', { name: 'Converge' }));

    // ---- Converge ----------------------------------------------------------------------------
    await shown(page.getByRole('heading', { name: 'Converge' }));
    await press(page.getByRole('button', { name: `Make a call on ${HANDHELD}, Risk reduction` }));
    await page.keyboard.press('Tab');
    await page.keyboard.type('Security audit finding raises the risk');
    // The score select has the focus first: choose 8, then the note, then Enter saves.
    await page
      .getByRole('group', { name: `Your call on ${HANDHELD}, Risk reduction` })
      .getByRole('combobox')
      .focus();
    await page.keyboard.press('End');
    await page
      .getByRole('group', { name: `Your call on ${HANDHELD}, Risk reduction` })
      .getByRole('combobox')
      .selectOption('8');
    await press(page.getByRole('textbox', { name: 'Why' }));
    await shown(page.getByText('Facilitator’s call: Security audit finding raises the risk'));
    await typeInto(
      page.getByLabel('Facilitator’s notes (go into the decision log)'),
      'Forecasting first; CIAM after the data team frees up.',
    );
    await expectNoAxeViolations(page, 'converge');
    await press(page.getByRole('button', { name: 'Apply the outcome' }));

    // ---- Outcome -----------------------------------------------------------------------------
    await shown(page.getByRole('heading', { name: 'Outcome' }));
    const outcome = page.getByRole('table', { name: /before and after/ });
    expect(await outcome.getByRole('row').count()).toBe(4);
    await expectNoAxeViolations(page, 'the outcome');

    // ---- Presentation mode -------------------------------------------------------------------
    await press(page.getByRole('button', { name: 'Present the ranking' }));
    await shown(page.getByTestId('presentation').getByTestId('cut-line'));
    const line = await page.getByTestId('presentation').getByTestId('cut-line').boundingBox();
    expect(line!.y + line!.height, 'the cut line is on screen').toBeLessThanOrEqual(800);
    const cards = await page.locator('.present-card').evaluateAll(
      (all) =>
        all.filter((card) => {
          const box = card.getBoundingClientRect();
          return box.top >= 0 && box.bottom <= window.innerHeight;
        }).length,
    );
    expect(cards, 'cards fully on screen at 1280 × 800').toBeGreaterThanOrEqual(8);
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: /keys/i });
    await shown(help);
    expect(await help.innerText()).toMatch(/Alt\s*\+\s*↑/);
    await expectNoAxeViolations(page, 'presentation mode with its help');
    await page.keyboard.press('Escape');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    // The audience window follows into presentation mode, with the same card in focus.
    await shown(audience.getByTestId('presentation').getByTestId('cut-line'));
    const focused = await page.locator('.present-card[aria-current="true"]').innerText();
    await eventually(
      () => audience.locator('.present-card[aria-current="true"]').innerText(),
      focused,
      'the audience window shows the card in focus',
    );
    await expectNoAxeViolations(audience, 'the audience window in presentation mode');
    await page.keyboard.press('Escape');
    await shown(page.getByRole('heading', { name: 'Outcome' }));

    // ---- The decision log and the board pack -------------------------------------------------
    await press(page.getByRole('button', { name: 'Open the decision log' }));
    const entry = page.getByRole('article').filter({ hasText: 'Workshop: Q1 prioritization' });
    await shown(entry);
    expect(await entry.innerText()).toMatch(/3 participants \(Priya, Sam, Lee\)/);
    expect(await entry.innerText()).toContain(
      'Forecasting first; CIAM after the data team frees up.',
    );

    // The board pack's workshop summary: one page with the session, its spread and the moves.
    await press(areaLink(page, 'Board pack'));
    const summary = page
      .getByLabel('Print preview')
      .locator('.pack-page', { has: page.getByRole('heading', { name: 'Workshop summary' }) });
    await shown(summary);
    expect(await summary.count(), 'the summary is one page').toBe(1);
    const text = await summary.innerText();
    expect(text).toContain('Q1 prioritization');
    expect(text).toMatch(/Priya/);
    expect(text).toContain('Security audit finding raises the risk');
    await expectNoAxeViolations(page, 'the board pack with the workshop summary');
  });
});

/** `text` with the characters a regular expression reads specially escaped. */
function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
