/**
 * The Strategy area's Scoring tab (`#/strategy/scoring`), reached from its tab: scores typed in the grid from the
 * keyboard, a model switch compared before it is made, and "Rank by model" followed by the board.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { areaLink, eventually, notices, shown } from './support/app';
import { expectNoAxeViolations } from './support/axe';
import { useHarness } from './support/harness';

const harness = useHarness();

/** Three of the demo's proposals, low in its ranking and the model's. */
const LAB = 'Innovation lab';
const ONBOARDING = 'Digital HR onboarding';
const INTRANET = 'Employee intranet refresh';

function cell(page: Page, criterion: string, initiative: string) {
  return page.getByRole('textbox', { name: `${criterion} of ${initiative}`, exact: true });
}

/** The scoring grid's row of an initiative. */
function row(page: Page, initiative: string) {
  return page
    .getByRole('table', { name: /^Scores of each initiative/ })
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: initiative, exact: true }) });
}

/** The initiatives the grid shows, top to bottom. */
function gridOrder(page: Page): Promise<string[]> {
  return page
    .locator('.score-grid__table tbody th[scope="row"] > span:first-child')
    .allTextContents();
}

/** The ids of the rankable cards the board's stack shows, top to bottom. */
function boardOrder(page: Page): Promise<string[]> {
  return page
    .locator('.stack__row .stack-card')
    .evaluateAll((cards) => cards.map((card) => (card as HTMLElement).dataset.initiativeId ?? ''));
}

describe('the Scoring tab', () => {
  it('scores in the grid, compares models before switching, and ranks the board by the model', async () => {
    const { page } = await harness.open(await harness.profile(), '#/strategy', {
      width: 1440,
      height: 900,
    });
    await page.getByRole('tab', { name: 'Scoring', exact: true }).click();
    await shown(page.getByRole('heading', { name: 'Scoring model' }));
    await eventually(
      () => Promise.resolve(page.url().endsWith('#/strategy/scoring')),
      true,
      'the address of the Scoring tab',
    );
    const model = page.getByRole('combobox', { name: 'Model', exact: true });
    expect(await model.inputValue()).toBe('weighted');
    await expectNoAxeViolations(page, 'the Scoring tab');

    // Switch to WSJF: first the comparison, then the switch.
    await model.selectOption('wsjf');
    const toWsjf = page.getByRole('region', { name: 'Switch from Weighted criteria to WSJF?' });
    await shown(toWsjf);
    await shown(toWsjf.getByText('No initiative has WSJF scores yet'));
    await expectNoAxeViolations(page, 'the comparison before a switch');
    await toWsjf.getByRole('button', { name: 'Switch to WSJF' }).click();
    await shown(
      notices(page).getByText(/^Switched the scoring model from Weighted criteria to WSJF/),
    );
    await shown(cell(page, 'Job size', LAB));

    // Score three initiatives from the keyboard: across with Tab, stored as each cell is left.
    await cell(page, 'Business value', LAB).click();
    await page.keyboard.type('8');
    await page.keyboard.press('Tab');
    await page.keyboard.type('5');
    await page.keyboard.press('Tab');
    await page.keyboard.type('3');
    await page.keyboard.press('Tab');
    // 4 is not on the modified Fibonacci scale: refused, with the scale named, and Tab stays.
    await page.keyboard.type('4');
    const size = cell(page, 'Job size', LAB);
    await eventually(() => size.getAttribute('aria-invalid'), 'true', 'the refused score');
    await shown(
      row(page, LAB)
        .locator('xpath=following-sibling::tr[1]')
        .getByText(
          "Job size must be one of 1, 2, 3, 5, 8, 13, 20 (modified Fibonacci) on the WSJF model's scale.",
          { exact: false },
        ),
    );
    await expectNoAxeViolations(page, 'a refused score');
    await page.keyboard.press('Tab');
    expect(await size.evaluate((input) => input === document.activeElement)).toBe(true);
    await page.keyboard.press('Escape');
    await page.keyboard.type('1');
    await page.keyboard.press('Enter');
    // The cost of delay is the value (8 + 5 + 3), the priority that over the job size (16 ÷ 1).
    await eventually(
      async () => (await row(page, LAB).innerText()).includes('16'),
      true,
      'the value and priority of the scored initiative',
    );
    // Two more: a business value and a job size each (priorities 13 and 5).
    for (const [name, value] of [
      [ONBOARDING, '13'],
      [INTRANET, '5'],
    ] as const) {
      await cell(page, 'Business value', name).click();
      await page.keyboard.type(value);
      for (let step = 0; step < 3; step += 1) await page.keyboard.press('Tab');
      await page.keyboard.type('1');
      await page.keyboard.press('Enter');
    }
    await eventually(
      async () => (await row(page, INTRANET).innerText()).includes('5'),
      true,
      'the third initiative valued',
    );
    // Once the grid is left, its rows are sorted by priority again.
    await page.getByRole('heading', { name: 'Scores' }).click();
    await eventually(
      async () => (await gridOrder(page)).slice(0, 3),
      [LAB, ONBOARDING, INTRANET],
      'the three scored first',
    );

    // Before switching back: how the ranking would move, and who crosses the cut line.
    await model.selectOption('weighted');
    const toWeighted = page.getByRole('region', {
      name: 'Switch from WSJF to Weighted criteria?',
    });
    await shown(toWeighted);
    const labMove = toWeighted.getByRole('row').filter({
      has: page.getByRole('rowheader', { name: LAB, exact: true }),
    });
    await shown(labMove.getByText(/^▼ \d+$/));
    expect(await labMove.getByRole('cell').first().textContent()).toBe('1');
    await shown(toWeighted.getByText(/come above the cut line|comes above the cut line/));
    await toWeighted.getByRole('button', { name: 'Keep WSJF' }).click();
    expect(await model.inputValue()).toBe('wsjf');

    // Rank the board's scenario by the model; the board follows.
    await page.getByRole('button', { name: 'Rank “Baseline — value first” by model' }).click();
    await shown(
      notices(page).getByText(/^Ranked “Baseline — value first” by WSJF: \d+ cards moved/),
    );
    await areaLink(page, 'Prioritize').click();
    await shown(page.getByRole('heading', { name: 'Ranked stack' }));
    await eventually(
      async () => (await boardOrder(page)).slice(0, 3),
      ['innovation-lab', 'hr-onboarding', 'intranet-refresh'],
      'the board in the model’s order',
    );
  });
});
