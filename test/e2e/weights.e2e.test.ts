/**
 * Weighing the strategy in Chromium: the themes compared pairwise, a contradiction caught by the
 * consistency ratio, the weights kept across a reload, and the alignment they give.
 */
import { describe, expect, it } from 'vitest';
import { eventually, shown } from './support/app';
import { expectNoAxeViolations } from './support/axe';
import { useHarness } from './support/harness';

const harness = useHarness();

const CUSTOMERS = 'Win and keep customers';
const OPERATIONS = 'Run a leaner, greener operation';
const FOUNDATIONS = 'Secure and compliant foundations';

describe('objective weights', () => {
  it('compares the themes pairwise, warns of a contradiction, and keeps the weights', async () => {
    const profile = await harness.profile();
    const { page } = await harness.open(profile, '#/strategy/weights');
    const themes = page.getByRole('region', { name: 'Themes' });
    await shown(themes);
    await themes.getByRole('radio', { name: 'Compare pairwise' }).check();
    const pair = (a: string, b: string) =>
      themes.getByRole('combobox', { name: `“${a}” or “${b}”` });

    // Customers over operations, operations over foundations, yet foundations over customers.
    await pair(CUSTOMERS, OPERATIONS).selectOption('3');
    await pair(OPERATIONS, FOUNDATIONS).selectOption('3');
    await pair(CUSTOMERS, FOUNDATIONS).selectOption('1/5');
    const warning = themes.getByRole('status');
    await shown(warning);
    expect(await warning.innerText()).toMatch(
      /above 0\.10, the judgments contradict each other\. Look again at/,
    );
    await expectNoAxeViolations(page, 'the weights with a consistency warning');

    // Customers strongly over foundations instead: consistent.
    await pair(CUSTOMERS, FOUNDATIONS).selectOption('5');
    await shown(themes.getByText(/Consistency ratio 0\.033: consistent/));
    await themes.getByRole('button', { name: 'Save comparison' }).click();
    await shown(page.getByRole('button', { name: /^Undo/ }));

    // Kept across a reload: the group opens on its comparison, with the judgments made.
    await page.reload();
    await shown(themes);
    await eventually(
      () => themes.getByRole('radio', { name: 'Compare pairwise' }).isChecked(),
      true,
      'the comparison is what sets the themes’ weights',
    );
    await eventually(() => pair(CUSTOMERS, FOUNDATIONS).inputValue(), '5', 'the judgment is kept');
    expect(await themes.getByRole('row', { name: new RegExp(CUSTOMERS) }).innerText()).toContain(
      '63.7 %',
    );

    // The alignment those weights give.
    await page.getByRole('tab', { name: 'Alignment' }).click();
    const score = page.getByTestId('alignment-score');
    await shown(score);
    expect(Number((await score.innerText()).match(/\d+/)?.[0])).toBeGreaterThan(0);
    await expectNoAxeViolations(page, 'the alignment view');
  });
});
