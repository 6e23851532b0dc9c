import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  DEMO_INITIATIVE_COUNT,
  dialog,
  eventually,
  fileCommand,
  gone,
  initiativeLink,
  notices,
  shown,
} from './support/app';
import { expectNoAxeViolations } from './support/axe';
import { useHarness } from './support/harness';

const harness = useHarness();

/** Where the screenshots of each step go, for a person to look at. */
const SHOTS = process.env.BATON_SHOTS_DIR;

const SIZES = [
  { width: 1440, height: 900 },
  { width: 1280, height: 800 },
  { width: 853, height: 533 },
] as const;

/** Screenshots of the page at the three window sizes, when BATON_SHOTS_DIR is set. */
async function shoot(page: Page, name: string): Promise<void> {
  if (!SHOTS) return;
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await page.screenshot({ path: join(SHOTS, `${name}-${size.width}x${size.height}.png`) });
  }
  await page.setViewportSize(SIZES[0]);
}

/** Presses Tab until `target` has the focus, as a keyboard user would (at most 40 times). */
async function tabTo(page: Page, target: Locator): Promise<void> {
  for (let presses = 0; presses < 40; presses += 1) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error('Tab never reached the control.');
}

/** File › Import… by keyboard, choosing `path` in the browser's file chooser. */
async function importByKeyboard(page: Page, path: string): Promise<void> {
  const fileButton = page.getByRole('button', { name: 'File', exact: true });
  await fileButton.focus();
  await page.keyboard.press('Enter');
  const chooser = page.waitForEvent('filechooser');
  const importItem = page.getByRole('button', { name: 'Import…' });
  for (let presses = 0; presses < 10; presses += 1) {
    if (await importItem.evaluate((element) => element === document.activeElement)) break;
    await page.keyboard.press('ArrowDown');
  }
  await page.keyboard.press('Enter');
  await (await chooser).setFiles(path);
}

const PLAN_CSV = [
  'Initiative,Exec sponsor,Status,Budget',
  'Warehouse robots,Grace Hopper,proposed,120 80',
  'Route planner v2,Alan Turing,approved,40',
].join('\r\n');

describe('import', () => {
  it('imports a CSV by keyboard with a column remapped, previews it, and undoes it', async () => {
    const { page } = await harness.open(await harness.profile());
    const folder = await harness.folder();
    const path = join(folder, 'plan.csv');
    await writeFile(path, `\ufeff${PLAN_CSV}`);

    await importByKeyboard(page, path);
    const importing = dialog(page, 'Import plan.csv');
    const mappingHeading = importing.getByRole('heading', { name: 'Match the columns of plan' });
    await shown(mappingHeading);
    await expect
      .poll(() => mappingHeading.evaluate((h) => h === document.activeElement))
      .toBe(true);

    // The sponsor column is not one Baton knows: the user makes it the owner, by keyboard.
    const sponsor = importing.getByRole('combobox', {
      name: 'Imported as, for column Exec sponsor',
    });
    expect(await sponsor.inputValue()).toBe('');
    await tabTo(page, sponsor);
    await page.keyboard.type('Owner');
    expect(await sponsor.inputValue()).toBe('owner');
    await expectNoAxeViolations(page, 'the mapping step of Import');
    await shoot(page, 'import-1-mapping');

    await tabTo(page, importing.getByRole('button', { name: 'Preview' }));
    await page.keyboard.press('Enter');
    await shown(importing.getByRole('heading', { name: 'Check what will be imported' }));
    await shown(importing.getByText('2 initiatives added.'));
    const table = importing.getByRole('table', { name: 'Initiatives (2)' });
    await shown(table.getByRole('row', { name: /Warehouse robots.*Grace Hopper/ }));
    await expectNoAxeViolations(page, 'the preview step of Import');
    await shoot(page, 'import-2-preview');

    await tabTo(page, importing.getByRole('button', { name: 'Import', exact: true }));
    await page.keyboard.press('Enter');
    await gone(importing);
    await shown(
      notices(page).getByText('Imported plan.csv: 2 initiatives added. Undo with Ctrl+Z.'),
    );
    await shown(initiativeLink(page, 'Warehouse robots'));
    await shown(initiativeLink(page, 'Route planner v2'));

    // One undoable edit: Ctrl+Z takes both away.
    await page.locator('body').focus();
    await page.keyboard.press('Control+z');
    await eventually(() => initiativeLink(page, 'Warehouse robots').count(), 0, 'undo');
    await eventually(() => initiativeLink(page, 'Route planner v2').count(), 0, 'undo');
  });

  it('refuses a file with a bad number, naming its row and column, and Escape leaves it', async () => {
    const { page } = await harness.open(await harness.profile());
    const folder = await harness.folder();
    const path = join(folder, 'spend.csv');
    await writeFile(path, 'Name;Spend\r\nWarehouse robots;1.234,5\r\nRoute planner;12k€\r\n');

    const chooser = page.waitForEvent('filechooser');
    await fileCommand(page, 'Import…');
    await (await chooser).setFiles(path);
    const importing = dialog(page, 'Import spend.csv');
    await shown(importing.getByRole('heading', { name: 'Match the columns of spend' }));
    await importing.getByRole('button', { name: 'Preview' }).click();
    await shown(importing.getByRole('heading', { name: 'spend.csv cannot be imported' }));
    const problems = importing.getByRole('list', { name: 'Problems in the file' });
    await shown(problems.getByText(/row 3, column Spend/));
    await shown(problems.getByText(/12k€/));
    await expectNoAxeViolations(page, 'a refused import');
    await shoot(page, 'import-3-refused');

    await page.keyboard.press('Escape');
    await gone(importing);
    await eventually(() => initiativeLink(page, 'Warehouse robots').count(), 0, 'nothing imported');
  });

  it('exports the initiatives as CSV and as a workbook, and imports both back unchanged', async () => {
    const { page } = await harness.open(await harness.profile());
    const folder = await harness.folder();

    await fileCommand(page, 'Export…');
    const exporting = dialog(page, 'Export');
    await shown(exporting);
    await expectNoAxeViolations(page, 'the Export dialog');
    await shoot(page, 'export-1-dialog');
    await exporting.getByRole('radio', { name: /CSV file/ }).check();
    let download = page.waitForEvent('download');
    await exporting.getByRole('button', { name: 'Export' }).click();
    const csv = await download;
    const csvPath = join(folder, csv.suggestedFilename());
    await csv.saveAs(csvPath);
    expect(csv.suggestedFilename()).toMatch(/-initiatives\.csv$/);
    await gone(exporting);

    let chooser = page.waitForEvent('filechooser');
    await fileCommand(page, 'Import…');
    await (await chooser).setFiles(csvPath);
    let importing = dialog(page, /^Import .*-initiatives\.csv$/);
    await importing.getByRole('button', { name: 'Preview' }).click();
    await shown(importing.getByText(`${DEMO_INITIATIVE_COUNT} initiatives unchanged.`));
    // Importing it changes nothing: nothing is stored, and no undo is offered.
    const nothing = `Nothing to import: every record in ${csv.suggestedFilename()} is already in the portfolio as it is.`;
    await shown(importing.getByText(nothing));
    await importing.getByRole('button', { name: 'Import', exact: true }).click();
    await gone(importing);
    await shown(notices(page).getByText(nothing));
    expect(
      await notices(page)
        .getByText(/Undo with Ctrl\+Z/)
        .count(),
    ).toBe(0);

    await fileCommand(page, 'Export…');
    download = page.waitForEvent('download');
    await dialog(page, 'Export').getByRole('button', { name: 'Export' }).click();
    const xlsx = await download;
    const xlsxPath = join(folder, xlsx.suggestedFilename());
    await xlsx.saveAs(xlsxPath);
    expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);

    chooser = page.waitForEvent('filechooser');
    await fileCommand(page, 'Import…');
    await (await chooser).setFiles(xlsxPath);
    importing = dialog(page, /^Import .*\.xlsx$/);
    await shown(importing.getByRole('heading', { name: 'Choose the sheet' }), 20_000);
    // The ranking is computed from the rest: shown, but not one to choose.
    const ranking = importing.getByRole('radio', { name: /^ranking/ });
    expect(await ranking.isDisabled()).toBe(true);
    await shown(importing.getByText('A ranking of Baton’s export is computed from the rest'));
    await expectNoAxeViolations(page, 'the sheet step of Import');
    await shoot(page, 'import-0-sheet');
    // By keyboard: the arrow keys move among the sheets, Enter goes on with the one chosen.
    await importing.getByRole('radio', { name: /^capacity/ }).focus();
    await page.keyboard.press('ArrowUp');
    expect(await importing.getByRole('radio', { name: /^initiatives/ }).isChecked()).toBe(true);
    await page.keyboard.press('Enter');
    await shown(importing.getByRole('heading', { name: 'Match the columns of initiatives' }));
    await importing.getByRole('button', { name: 'Preview' }).click();
    await shown(importing.getByText(`${DEMO_INITIATIVE_COUNT} initiatives unchanged.`));
  });

  it('imports a PMO workbook whose field names sit below merged group headers', async () => {
    const { page } = await harness.open(await harness.profile());
    const chooser = page.waitForEvent('filechooser');
    await fileCommand(page, 'Import…');
    await (
      await chooser
    ).setFiles(
      fileURLToPath(new URL('../fixtures/import/initiatives-merged.xlsx', import.meta.url)),
    );
    const importing = dialog(page, 'Import initiatives-merged.xlsx');
    await shown(importing.getByRole('heading', { name: 'Choose the sheet' }), 20_000);
    await importing.getByRole('button', { name: 'Next' }).click();
    await shown(importing.getByRole('heading', { name: 'Match the columns of Portfolio 2027' }));
    const headerRow = importing.getByLabel('The headers are in');
    expect(await headerRow.inputValue()).toBe('2');
    await expectNoAxeViolations(page, 'the mapping step of Import, with its header row');
    await shoot(page, 'import-1-mapping-header-row');
    await importing.getByRole('button', { name: 'Preview' }).click();
    await shown(importing.getByText('4 initiatives added.'));
  });

  it('makes a new portfolio from a file alone, named after the file', async () => {
    const { page } = await harness.open(await harness.profile());
    const folder = await harness.folder();
    const path = join(folder, 'Relaunch plan.csv');
    await writeFile(path, PLAN_CSV);
    const chooser = page.waitForEvent('filechooser');
    await fileCommand(page, 'Import…');
    await (await chooser).setFiles(path);
    const importing = dialog(page, 'Import Relaunch plan.csv');
    await importing.getByRole('button', { name: 'Preview' }).click();
    await importing.getByRole('radio', { name: /A new portfolio made from/ }).check();
    await importing.getByRole('button', { name: 'Import', exact: true }).click();
    await gone(importing);
    await shown(page.getByRole('heading', { level: 1, name: 'Relaunch plan' }));
    await shown(initiativeLink(page, 'Warehouse robots'));
  });

  it('imports a file dropped on the window', async () => {
    const { page } = await harness.open(await harness.profile());
    const transfer = await page.evaluateHandle((text) => {
      const data = new DataTransfer();
      data.items.add(new File([text], 'dropped.csv', { type: 'text/csv' }));
      return data;
    }, PLAN_CSV);
    await page.dispatchEvent('main', 'dragenter', { dataTransfer: transfer });
    await shown(page.getByText('Drop the file to import it'));
    await shoot(page, 'import-drop');
    await page.dispatchEvent('main', 'drop', { dataTransfer: transfer });
    await gone(page.getByText('Drop the file to import it'));
    await shown(
      dialog(page, 'Import dropped.csv').getByRole('heading', { name: /Match the columns/ }),
    );
  });
});
