import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from './support/axe';
import { areaLink, eventually, notices, shown } from './support/app';
import { useHarness } from './support/harness';

const harness = useHarness();

/** A fresh profile on the demo portfolio's board pack, its preview laid out. */
async function openBoardPack(): Promise<Page> {
  const profile = await harness.profile();
  const { page } = await harness.open(profile, '#/board-pack', { width: 1440, height: 1000 });
  await shown(page.locator('.pack[data-ready="true"]'), 20_000);
  return page;
}

const preview = (page: Page) => page.getByLabel('Print preview');

/** The section headings of the preview, in page order. */
function headings(page: Page): Promise<string[]> {
  return preview(page).locator('.pack-page .pack-h2').allInnerTexts();
}

function pageCount(page: Page): Promise<number> {
  return page
    .getByRole('status')
    .filter({ hasText: /pages?$/ })
    .innerText()
    .then((text) => Number(/(\d+) pages?/.exec(text)?.[1] ?? NaN));
}

// A 1×1 PNG, red.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
  'base64',
);

describe('board pack', () => {
  it('previews every section with page numbers, follows the builder, and keeps its settings after a reload', async () => {
    const page = await openBoardPack();
    await expect(headings(page)).resolves.toEqual([
      'Contents',
      'Executive summary',
      'Metrics that drive action',
      'Strategy and alignment',
      'Ranked portfolio',
      'Capacity heatmap',
      'Roadmap',
      'Value and effort',
      'Scenario comparison',
      'Intake',
      'Risks and decisions',
      'Appendix: decision record',
    ]);
    const total = await pageCount(page);
    expect(total).toBeGreaterThan(10);
    await expect(
      preview(page).getByText(`Page 2 of ${total}`, { exact: true }).count(),
    ).resolves.toBe(1);
    // The contents give each section's first page, which is where its heading is.
    const appendixPage = await preview(page)
      .locator('.pack-page', {
        has: page.getByRole('heading', { name: 'Appendix: decision record' }),
      })
      .getAttribute('data-page');
    const tocRow = preview(page).locator('.pack-table--toc tr', {
      hasText: 'Appendix: decision record',
    });
    await expect(tocRow.locator('td').nth(1).innerText()).resolves.toBe(appendixPage);
    await expectNoAxeViolations(page, 'the board pack builder and preview');

    // Leave the roadmap out, move the appendix up with the keyboard, retitle the pack.
    await page.getByRole('checkbox', { name: /^Roadmap/ }).uncheck();
    await eventually(async () => (await headings(page)).includes('Roadmap'), false, 'roadmap gone');
    const up = page.getByRole('button', { name: 'Move Appendix: decision record up' });
    await up.focus();
    await page.keyboard.press('Enter');
    await eventually(
      async () => (await headings(page)).slice(-2),
      ['Appendix: decision record', 'Risks and decisions'],
      'appendix moved above risks',
    );
    await expect(
      page.evaluate(() => document.activeElement?.getAttribute('aria-label')),
    ).resolves.toBe('Move Appendix: decision record up');
    await page.getByLabel('Title', { exact: true }).fill('Q4 portfolio review');
    await shown(preview(page).getByRole('heading', { name: 'Q4 portfolio review', level: 3 }));

    await page.reload();
    await shown(page.locator('.pack[data-ready="true"]'), 20_000);
    await shown(preview(page).getByRole('heading', { name: 'Q4 portfolio review', level: 3 }));
    await expect(headings(page)).resolves.not.toContain('Roadmap');
    expect(await page.getByRole('checkbox', { name: /^Roadmap/ }).isChecked()).toBe(false);
  });

  it('puts a logo on the cover, refuses a file that is not an image, and prints in a window of its own', async () => {
    const page = await openBoardPack();
    const logo = page.getByLabel('Logo', { exact: true });
    await logo.setInputFiles({
      name: 'notes.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('hi'),
    });
    await shown(page.getByText('notes.txt is not a PNG, JPEG, SVG, WebP or GIF image.'));
    await expect(preview(page).locator('.pack-cover__logo').count()).resolves.toBe(0);
    await logo.setInputFiles({ name: 'corvane.png', mimeType: 'image/png', buffer: PNG });
    await shown(preview(page).getByRole('img', { name: 'Corvane Logistics 2027 portfolio logo' }));
    await shown(page.getByRole('button', { name: 'Remove logo' }));

    const popupOpened = page.waitForEvent('popup');
    await page.getByRole('button', { name: 'Print or save as PDF…' }).click();
    const popup = await popupOpened;
    await popup.waitForFunction(() => document.body.dataset.packReady === 'true', null, {
      timeout: 20_000,
    });
    const printed = await popup.locator('.pack-page').count();
    expect(printed).toBe(await pageCount(page));
    await shown(popup.getByRole('img', { name: 'Corvane Logistics 2027 portfolio logo' }));
    await shown(
      page.getByText('The pack is open in a new window: choose Save as PDF in its print dialog.'),
    );
  });
});

/** The ids of the rankable cards the board shows, top to bottom. */
function boardOrder(page: Page): Promise<string[]> {
  return page
    .locator('.stack__row .stack-card')
    .evaluateAll((cards) => cards.map((card) => (card as HTMLElement).dataset.initiativeId ?? ''));
}

/** The rows of the preview's ranked table, as their text. */
function rankedRows(page: Page): Promise<string[]> {
  return preview(page).locator('.pack-table--ranked tbody tr').allInnerTexts();
}

/** The preview's optimizer record in the appendix: each entry as "label value". */
async function optimizerRecord(page: Page): Promise<string[]> {
  const tables = preview(page).locator('.pack-table--record');
  const rows = await tables.last().locator('tbody tr').allInnerTexts();
  return rows.map((row) => row.replace(/\s+/g, ' ').trim());
}

describe('the scenario the pack presents', () => {
  it('is the one on the board, with the ranking just changed there', async () => {
    const profile = await harness.profile();
    const { page } = await harness.open(profile, '#/prioritize/board', {
      width: 1440,
      height: 1000,
    });
    await shown(page.getByRole('heading', { name: 'Ranked stack' }));
    // The board shows the first scenario, Baseline; the last one saved is Growth push.
    await expect(page.locator('.scenario-picker select').inputValue()).resolves.toBe('baseline');
    const before = await boardOrder(page);
    const line = Number(await page.getByTestId('cut-line').getAttribute('data-index'));
    const moved = before[line] as string;
    const name = await page
      .locator(`.stack__row .stack-card[data-initiative-id="${moved}"] .stack-card__name`)
      .innerText();
    // Lift the first card below the line and move it four places up, above the line.
    const handle = page
      .locator(`.stack__row .stack-card[data-initiative-id="${moved}"]`)
      .getByRole('button', { name: /^Move / });
    await handle.focus();
    await page.keyboard.press('Space');
    await shown(page.locator('.stack-card--overlay'));
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 0)));
    for (let step = 0; step < 4; step += 1) await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Space');
    await eventually(async () => (await boardOrder(page)).indexOf(moved), line - 4, 'moved up');
    const counts = await page.getByTestId('stack-counts').innerText();

    await areaLink(page, 'Board pack').click();
    await shown(page.locator('.pack[data-ready="true"]'), 20_000);
    await expect(page.getByLabel('Scenario presented').inputValue()).resolves.toBe('baseline');
    const rows = (await rankedRows(page)).map((row) => row.replace(/\s+/g, ' ').trim());
    // The cut line's row is set in capitals.
    const cut = rows.findIndex((row) => /^cut line:/i.test(row));
    // The pack counts the line as the board does, and lists the card where it was put.
    expect(rows[cut]?.toLowerCase()).toBe(`cut line: ${counts}`.toLowerCase());
    const at = rows.findIndex((row) => row.includes(name));
    expect(at, `${name} in the ranked table`).toBeGreaterThan(0);
    expect(at, `${name} above the cut line`).toBeLessThan(cut);
    await shown(preview(page).getByText(/^“Baseline — value first”: /));

    // Choosing another scenario in the builder chooses it for the board too.
    await page.getByLabel('Scenario presented').selectOption({ label: 'Growth push' });
    await shown(preview(page).getByText(/^“Growth push”: /));
    await areaLink(page, 'Prioritize').click();
    await expect(page.locator('.scenario-picker select').inputValue()).resolves.toBe('growth-push');
  });

  it('of a plan the optimizer made is compared with where it came from, with the optimizer’s record', async () => {
    const profile = await harness.profile();
    const { page } = await harness.open(profile, '#/prioritize/optimize', {
      width: 1440,
      height: 1000,
    });
    await page.getByLabel('Time limit').selectOption({ label: '5 s' });
    await page.getByRole('button', { name: 'Optimize', exact: true }).click();
    await shown(page.getByTestId('optimize-status'), 30_000);
    const status = await page.getByTestId('optimize-status').innerText();
    await page.getByRole('button', { name: 'Apply as new scenario' }).click();
    await shown(
      notices(page).getByText(/^Created scenario "Baseline — value first \(optimized\)"/),
    );
    await page.getByRole('button', { name: /^Open .* on the board$/ }).click();
    await shown(page.getByRole('heading', { name: 'Ranked stack' }));

    await areaLink(page, 'Board pack').click();
    await shown(page.locator('.pack[data-ready="true"]'), 20_000);
    await expect(
      page
        .getByLabel('Scenario presented')
        .evaluate((select) => (select as HTMLSelectElement).selectedOptions[0]?.textContent),
    ).resolves.toBe('Baseline — value first (optimized)');
    await expect(
      page.getByLabel('Compare with').locator('option').first().innerText(),
    ).resolves.toBe('The one it was optimized from (Baseline — value first)');
    // The summary compares with the scenario it was optimized from.
    await shown(
      preview(page).getByText(
        /^Against “Baseline — value first”, |^It funds the same initiatives as “Baseline — value first”\./,
      ),
    );
    const record = await optimizerRecord(page);
    expect(record[0]).toBe('Optimized from “Baseline — value first”');
    expect(record).not.toContain('Optimizer Not run for this pack.');
    expect(record[1]).toBe(
      `Optimizer status ${status.startsWith('Proven best plan') ? 'Proven optimal' : 'Time limit reached'}`,
    );
    expect(record.some((entry) => /^Best plan value [\d,.]+$/.test(entry))).toBe(true);
    expect(record.some((entry) => /^Frozen at \d{4}-\d\d-\d\d \d\d:\d\d UTC$/.test(entry))).toBe(
      true,
    );
  });
});
