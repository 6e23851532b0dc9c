import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from './support/axe';
import { eventually, shown } from './support/app';
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
      'Strategy and alignment',
      'Ranked portfolio',
      'Capacity heatmap',
      'Roadmap',
      'Value and effort',
      'Scenario comparison',
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
