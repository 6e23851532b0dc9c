/**
 * Metrics in Chromium, as a portfolio manager closes a period: actuals typed by keyboard and a
 * block pasted from a spreadsheet into the grid (and a bad block refused, cell named, nothing
 * stored), the dashboard's cost performance moving with them, the trend's drill-down naming the
 * initiative that now overruns, a self-review scored and kept across a reload, and both in the
 * board pack. axe finds nothing on any tab; screenshots at three sizes go to BATON_SHOTS (default
 * /tmp/shots-metrics) for a person to look at.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { eventually, notices, shown } from './support/app';
import { expectNoAxeViolations } from './support/axe';
import { useHarness } from './support/harness';

const harness = useHarness();

const SHOTS = process.env.BATON_SHOTS ?? '/tmp/shots-metrics';
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

/** Pastes text at the focused element, as Ctrl+V from a spreadsheet does. */
async function paste(page: Page, text: string): Promise<void> {
  await page.evaluate((value) => {
    const data = new DataTransfer();
    data.setData('text/plain', value);
    (document.activeElement ?? document.body).dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
    );
  }, text);
}

function cell(page: Page, row: number, column: number): Locator {
  return page.locator(`[role=grid] td[data-row="${row}"][data-column="${column}"]`);
}

function tile(page: Page, name: string): Locator {
  return page.locator('.metric-tile').filter({ hasText: name });
}

async function goTo(page: Page, hash: string): Promise<void> {
  await page.evaluate((value) => {
    window.location.hash = value;
  }, hash);
}

describe('metrics', () => {
  it('takes a period’s actuals by keyboard and paste, moves the metrics, and prints them with a self-review', async () => {
    const { page } = await harness.open(await harness.profile(), '#/metrics');
    await shown(page.getByRole('heading', { level: 2, name: 'Metrics' }));
    const cpi = tile(page, 'Cost performance (CPI)');
    await shown(cpi);
    const cpiBefore = await cpi.locator('.metric-tile__value').innerText();
    await expectNoAxeViolations(page, 'the metrics dashboard');
    await shoot(page, 'dashboard');

    // Actuals: the first initiative's spend typed by keyboard.
    await page.getByRole('tab', { name: 'Actuals' }).click();
    await shown(page.getByRole('grid'));
    const firstName = await page
      .locator('[role=grid] th[data-row="0"] .actuals-grid__initiative')
      .innerText();
    await cell(page, 0, 1).click();
    await page.keyboard.type('2500000');
    await page.keyboard.press('Enter');
    await eventually(() => cell(page, 0, 1).innerText(), '€2,500,000', 'the typed spend');

    // A block pasted from a spreadsheet at the second row's first effort column.
    await cell(page, 1, 2).click();
    await paste(page, '1.5\t2\r\n0.5\t1\r\n');
    await shown(notices(page).getByText(/^Pasted 4 cells over 2 rows into /));
    await eventually(() => cell(page, 1, 2).innerText(), '1.5', 'the pasted effort');
    await eventually(() => cell(page, 2, 3).innerText(), '1', 'the pasted effort below');

    // A block with a bad number is refused whole, naming the cell, and changes nothing.
    await cell(page, 3, 1).click();
    await paste(page, '100000\t3\n12x\t2\n');
    await shown(page.getByRole('alert').filter({ hasText: /12x/ }).first());
    await eventually(
      () => cell(page, 3, 1).innerText(),
      await cell(page, 3, 1).innerText(),
      'unchanged',
    );
    await expect(cell(page, 3, 1).innerText()).resolves.not.toBe('€100,000');
    await expectNoAxeViolations(page, 'the actuals grid with a refusal');
    await shoot(page, 'actuals');
    await page.keyboard.press('Escape');

    // The dashboard moved: far more spent for the same work.
    await page.getByRole('tab', { name: 'Dashboard' }).click();
    await shown(cpi);
    await expect
      .poll(() => cpi.locator('.metric-tile__value').innerText(), {
        message: 'CPI after the spend was entered',
      })
      .not.toBe(cpiBefore);

    // Its trend: the drill-down names the initiative that now overruns most, first.
    await cpi.click();
    await shown(page.locator('.metric-detail'));
    const drill = page.locator('.metric-detail__drill tbody tr').first();
    await shown(drill.getByText(firstName).first());
    await expectNoAxeViolations(page, 'the CPI trend');
    await shoot(page, 'trend-cpi');

    // A self-review: every question scored, a note, kept across a reload.
    await page.getByRole('tab', { name: 'Self-review' }).click();
    await page.getByRole('button', { name: /self-review today/ }).click();
    const groups = page.getByRole('radiogroup');
    await shown(groups.first());
    const count = await groups.count();
    expect(count).toBeGreaterThanOrEqual(3);
    for (let index = 0; index < count; index += 1) {
      await groups.nth(index).getByRole('radio', { name: /^4/ }).check();
    }
    const note = page.getByLabel('Note').first();
    await note.fill('Monthly reviews still earn their hour.');
    await note.press('Tab');
    await expectNoAxeViolations(page, 'a self-review');
    await shoot(page, 'self-review');
    await page.reload();
    await shown(page.getByRole('radiogroup').first());
    await eventually(
      () => page.getByRole('radiogroup').first().getByRole('radio', { name: /^4/ }).isChecked(),
      true,
      'the score after a reload',
    );
    await eventually(
      () => page.getByLabel('Note').first().inputValue(),
      'Monthly reviews still earn their hour.',
      'the note after a reload',
    );

    // The board pack prints the metrics and the self-review.
    await goTo(page, '#/board-pack');
    const preview = page.getByLabel('Print preview');
    await shown(preview.getByText('Metrics that drive action').first(), 20_000);
    await shown(preview.getByText('Monthly reviews still earn their hour.').first());
    await shoot(page, 'pack');
  });
});
