import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from './support/axe';
import { fileURLToPath } from 'node:url';
import { eventually, notices, openPortfolioFile, portfolioHeading, shown } from './support/app';
import { useHarness } from './support/harness';

const harness = useHarness();

const status = (page: Page) => page.getByTestId('optimize-status');
const progress = (page: Page) => page.getByTestId('optimize-progress');

/** A fresh profile on the demo portfolio's Optimize view. */
async function openOptimize(viewport = { width: 1440, height: 1000 }): Promise<Page> {
  const profile = await harness.profile();
  return (await harness.open(profile, '#/prioritize/optimize', viewport)).page;
}

/** Starts the optimizer with a time limit ("5 s", "5 min"). */
async function optimize(page: Page, timeLimit: string): Promise<void> {
  await page.getByLabel('Time limit').selectOption({ label: timeLimit });
  await page.getByRole('button', { name: 'Optimize', exact: true }).click();
}

/** The value figure of the proposal: "4,890 vs 4,430 now (+460)" → [4890, 4430]. */
async function values(page: Page): Promise<[number, number]> {
  const text = await page.getByTestId('figure-proposal-value').innerText();
  const match = /^([\d,]+)\s+vs\s+([\d,]+) now/.exec(text);
  if (!match) throw new Error(`unexpected value figure: ${text}`);
  return [Number(match[1]?.replace(/,/g, '')), Number(match[2]?.replace(/,/g, ''))];
}

describe('optimize', () => {
  it('optimizes the demo in a worker with live progress, keeps running across views, and applies the plan as a scenario that Ctrl+Z removes', async () => {
    const page = await openOptimize();
    await optimize(page, '5 s');
    await shown(progress(page).getByText(/best plan so far [\d,]+/));
    // The page stays responsive while the worker solves: switch views and come back.
    await page.getByRole('tab', { name: 'Board' }).click();
    await shown(page.getByRole('heading', { name: 'Ranked stack' }));
    await page.getByRole('tab', { name: 'Optimize' }).click();
    await shown(status(page));
    await expect(status(page).innerText()).resolves.toMatch(
      /^(Proven best plan|Time limit reached after \d+(\.\d)? s: best plan found so far\. No plan can be worth more than [\d,]+)/,
    );
    const [proposal, now] = await values(page);
    expect(proposal).toBeGreaterThanOrEqual(now);
    const table = page.getByTestId('proposal-table');
    await expect(table.getByText(/^Starts Q\d 20\d\d$/).count()).resolves.toBeGreaterThan(10);
    await expect(table.getByText(/^Out: /).count()).resolves.toBeGreaterThan(3);
    // Status counts: cancelled work stays out, work under way stays in at its fixed start.
    const row = (name: string) =>
      table.getByRole('row').filter({ has: page.getByRole('rowheader', { name, exact: true }) });
    await expect(row('Voice assistant booking').innerText()).resolves.toMatch(
      /Below: cancelled\s+Out: cancelled/,
    );
    await expect(row('WMS upgrade to v12').innerText()).resolves.toMatch(
      /Starts Q3 2026\s+Starts Q3 2026/,
    );
    await expectNoAxeViolations(page, 'optimize result');

    const options = () =>
      page
        .getByLabel('Scenario')
        .evaluate((select) => (select as HTMLSelectElement).options.length);
    const before = await options();
    await page.getByRole('button', { name: 'Apply as new scenario' }).click();
    await shown(
      notices(page).getByText(/^Created scenario "Baseline — value first \(optimized\)"/),
    );
    await eventually(options, before + 1, 'scenarios after applying');
    await page.getByRole('button', { name: /^Open .* on the board$/ }).click();
    await shown(page.getByRole('heading', { name: 'Ranked stack' }));
    expect(page.url()).toMatch(/#\/prioritize\/board\/s-[0-9a-z]{10}$/);
    const above = await page.getByTestId('figure-above').innerText();
    expect(Number(/^(\d+)/.exec(above)?.[1])).toBeGreaterThan(0);

    await page.keyboard.press('Control+z');
    await shown(notices(page).getByText(/^Undone: Added scenario “.+”/));
    await eventually(options, before, 'scenarios after undo');
  });

  it('stops on request and keeps the best plan found so far', async () => {
    const page = await openOptimize();
    await optimize(page, '5 min');
    await shown(progress(page).getByText(/best plan so far [\d,]+/));
    await page.getByRole('button', { name: 'Stop' }).click();
    await shown(status(page));
    await expect(status(page).innerText()).resolves.toMatch(
      /^(Stopped after [\d.]+ s: best plan found so far|Proven best plan)/,
    );
    const [proposal] = await values(page);
    expect(proposal).toBeGreaterThan(0);
    await shown(page.getByRole('button', { name: 'Optimize again' }));
  });

  it('explains what it would take for an initiative that is out', async () => {
    const page = await openOptimize();
    await optimize(page, '5 s');
    await shown(status(page));
    const ask = page.getByRole('button', { name: /^What would it take for / }).first();
    const name = /^What would it take for (.*)\?$/.exec(
      (await ask.getAttribute('aria-label')) ?? '',
    )?.[1];
    await ask.click();
    const panel = page.getByTestId('what-it-takes');
    await shown(panel.getByRole('heading', { name: `What would it take: ${name}` }));
    await shown(panel.getByText(/^Why it is out:/), 30_000);
    const text = await panel.innerText();
    expect(text).toMatch(/Value it would need\s+more than [\d,.]+|No value would get it in/);
    await expectNoAxeViolations(page, 'what it would take');
  });

  it('draws the efficient frontier with progress, then runs robustness and stops it part way', async () => {
    const page = await openOptimize();
    await page.getByRole('button', { name: /^Compute the frontier/ }).click();
    await shown(page.getByTestId('frontier-progress').getByText(/^Budget \d+ of 20 solved$/));
    await shown(page.getByRole('button', { name: 'Compute the frontier again' }), 55_000);
    const chart = page.getByTestId('frontier-chart');
    await expect(chart.locator('.frontier__point').count()).resolves.toBe(20);
    await expect(chart.locator('.frontier__current').count()).resolves.toBe(1);
    await expect(chart.locator('.frontier__greedy').count()).resolves.toBe(1);
    await expectNoAxeViolations(page, 'frontier');

    await page.getByLabel('Runs').selectOption('200');
    await page.getByRole('button', { name: 'Run 200 times' }).click();
    await shown(page.getByTestId('robustness-progress').getByText(/^Run [2-9]\d* of 200$/), 30_000);
    await page
      .getByRole('region', { name: 'Robustness' })
      .getByRole('button', { name: 'Stop' })
      .click();
    await shown(page.getByRole('button', { name: 'Run 200 times' }));
    const table = page.getByTestId('robustness-table');
    await shown(table);
    const shares = await table.locator('tbody td.num').allInnerTexts();
    expect(shares.length).toBe(62);
    expect(shares.some((share) => share === '100 %')).toBe(true);
    await expectNoAxeViolations(page, 'robustness');
  });

  it('names the forced-in initiatives that cannot all be done, and what breaks', async () => {
    const page = await openOptimize({ width: 1280, height: 800 });
    const file = fileURLToPath(
      new URL('../fixtures/optimize/forced-conflict.baton.json', import.meta.url),
    );
    await openPortfolioFile(page, file);
    await shown(portfolioHeading(page).getByText('Forced conflict'));
    // Opening a file shows its initiatives; go back to Optimize.
    await page.evaluate(() => {
      window.location.hash = '#/prioritize/optimize';
    });
    await page.getByRole('button', { name: 'Optimize', exact: true }).click();
    await shown(status(page));
    await expect(status(page).innerText()).resolves.toBe(
      'No plan keeps every rule. Audit readiness (forced in) and Backup rebuild (forced in) cannot all be done; placing them in turn, Backup rebuild does not fit: Operations is 3 FTE short in Q1 2027',
    );
    await expect(page.getByRole('button', { name: 'Apply as new scenario' }).count()).resolves.toBe(
      0,
    );
    await expectNoAxeViolations(page, 'optimize, infeasible');
  });
});
