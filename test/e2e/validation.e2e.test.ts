import { describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { editor, eventually, shown } from './support/app';
import { useHarness } from './support/harness';

const harness = useHarness();

/** The message the app ties to a field with aria-describedby, as a screen reader reads it. */
async function description(field: Locator): Promise<string> {
  return field.evaluate((element) => {
    const ids = (element.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
    return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
  });
}

describe('validation', () => {
  it('refuses text and a negative number in a capacity cell, says why, and stores nothing', async () => {
    const { page } = await harness.open(await harness.profile(), '#/portfolio/teams');
    const cell = page.getByLabel('Platform capacity in Q1 2027');
    const platformTotal = page.getByRole('row').filter({ has: cell }).getByRole('cell').nth(-2);
    await eventually(() => cell.inputValue(), '9.5', 'the demo capacity');

    await cell.fill('abc');
    const notANumber = 'Platform capacity in Q1 2027: enter a number, such as 2.5.';
    await shown(page.getByText(notANumber));
    expect(await cell.getAttribute('aria-invalid')).toBe('true');
    expect(await description(cell)).toBe(notANumber);
    // What was typed stays, so the user can correct it.
    expect(await cell.inputValue()).toBe('abc');

    await cell.fill('-3');
    const negative = 'Platform capacity in Q1 2027 cannot be below 0.';
    await shown(page.getByText(negative));
    expect(await cell.getAttribute('aria-invalid')).toBe('true');
    expect(await description(cell)).toBe(negative);
    await eventually(
      () => page.getByText(notANumber).count(),
      0,
      'the earlier message is replaced',
    );
    expect(await platformTotal.textContent()).toBe('55.5');

    await page.reload();
    const reloaded = page.getByLabel('Platform capacity in Q1 2027');
    await eventually(() => reloaded.inputValue(), '9.5', 'the stored capacity after a reload');
    expect(await reloaded.getAttribute('aria-invalid')).toBeNull();
    expect(await platformTotal.textContent()).toBe('55.5');
  });

  it('clears the message once a valid number replaces an invalid one', async () => {
    const { page } = await harness.open(await harness.profile(), '#/portfolio/teams');
    const cell = page.getByLabel('Platform capacity in Q1 2027');
    await eventually(() => cell.inputValue(), '9.5', 'the demo capacity');

    await cell.fill('abc');
    await shown(page.getByText('Platform capacity in Q1 2027: enter a number, such as 2.5.'));
    await cell.fill('10');
    await eventually(() => cell.getAttribute('aria-invalid'), null, 'aria-invalid after a fix');
    await eventually(
      () => page.getByText(/Platform capacity in Q1 2027(:| cannot)/).count(),
      0,
      'the message after a fix',
    );
    const platformTotal = page.getByRole('row').filter({ has: cell }).getByRole('cell').nth(-2);
    await eventually(() => platformTotal.textContent(), '56', 'the Platform total after the fix');
  });

  it('refuses an earliest start after the latest start, says why, and stores nothing', async () => {
    const { page } = await harness.open(
      await harness.profile(),
      '#/portfolio/initiatives/handheld-refresh',
    );
    const earliest = editor(page).getByLabel('Earliest start');
    const latest = editor(page).getByLabel('Latest start');
    await eventually(() => earliest.inputValue(), '2026-Q4', 'the demo earliest start');
    await eventually(() => latest.inputValue(), '2027-Q1', 'the demo latest start');

    await earliest.selectOption({ label: 'Q2 2027' });
    const message = 'earliest start 2027-Q2 is after latest start 2027-Q1';
    await shown(editor(page).getByText(message));
    await eventually(() => earliest.getAttribute('aria-invalid'), 'true', 'aria-invalid');
    expect(await description(earliest)).toBe(message);
    // The select shows the stored value again.
    await eventually(() => earliest.inputValue(), '2026-Q4', 'the earliest start after refusal');
    expect(await page.getByRole('button', { name: 'Undo', exact: true }).isDisabled()).toBe(true);

    await page.reload();
    await eventually(
      () => editor(page).getByLabel('Earliest start').inputValue(),
      '2026-Q4',
      'the stored earliest start after a reload',
    );
    expect(await editor(page).getByLabel('Latest start').inputValue()).toBe('2027-Q1');
  });
});
