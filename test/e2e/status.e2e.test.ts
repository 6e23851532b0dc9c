/**
 * Status counts on the board, the roadmap and the team editor: cancelled work is never planned,
 * committed work (active, done) is pinned and placed first, the counts agree with the drawn line,
 * and an edit that takes committed work out of the plan says so with Undo.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { eventually, notices, shown } from './support/app';
import { useHarness } from './support/harness';

const harness = useHarness();

type Card = { readonly index: number; readonly gap: boolean; readonly text: string };

/** Every rankable card of the (virtual) stack, read by scrolling it from top to bottom. */
async function readStack(page: Page): Promise<Map<string, Card>> {
  const scroll = page.getByTestId('stack-scroll');
  const cards = new Map<string, Card>();
  const height = await scroll.evaluate((element) => element.scrollHeight);
  for (let top = 0; top <= height; top += 300) {
    await scroll.evaluate((element, y) => element.scrollTo(0, y), top);
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
    const seen = await page.locator('.stack__row .stack-card').evaluateAll((elements) =>
      elements.map((element) => ({
        id: (element as HTMLElement).dataset.initiativeId ?? '',
        position: Number(element.querySelector('.stack-card__position')?.textContent),
        gap: element.querySelector('.badge--gap') !== null,
        text: (element as HTMLElement).innerText,
      })),
    );
    for (const card of seen)
      cards.set(card.id, { index: card.position, gap: card.gap, text: card.text });
  }
  await scroll.evaluate((element) => element.scrollTo(0, 0));
  return cards;
}

const pinnedCard = (page: Page, id: string) =>
  page.locator(`.stack__pinned .stack-card[data-initiative-id="${id}"]`);

describe('status on the board', () => {
  it('never plans cancelled work, pins work under way, and counts what the line shows', async () => {
    const { page } = await harness.open(await harness.profile(), '#/prioritize/board', {
      width: 1440,
      height: 1000,
    });
    await shown(page.getByRole('heading', { name: 'Committed and forced in · placed first' }));
    await expect(page.getByTestId('pinned-summary').innerText()).resolves.toBe('10 · all fit');
    await page.getByRole('button', { name: 'Show all 10' }).click();
    const wms = pinnedCard(page, 'wms-upgrade');
    await expect(wms.getByTestId('card-status').innerText()).resolves.toBe('Active');
    await expect(wms.locator('.stack-card__start').innerText()).resolves.toMatch(/^starts Q3 2026/);

    // Finding 1: Voice assistant booking (cancelled) is below, takes nothing, fills no gap.
    const stack = await readStack(page);
    const voice = stack.get('voice-booking');
    expect(voice?.text).toContain('Cancelled');
    expect(voice?.text).toMatch(/\bcancelled\b/);
    expect(voice?.gap).toBe(false);

    // Finding 3: the header counts are the drawing's.
    const counts = await page.getByTestId('stack-counts').innerText();
    const match = /^(\d+) above the line · (\d+) funded in a gap · (\d+) below$/.exec(counts);
    expect(match, counts).not.toBeNull();
    const [above, gap, below] = (match as RegExpExecArray).slice(1).map(Number) as number[];
    expect(above! + gap! + below!).toBe(62);
    const pinnedCount = await page.locator('.stack__pinned .stack-card').count();
    const line = Number(await page.getByTestId('cut-line').getAttribute('data-index'));
    const gapCards = [...stack.values()].filter((card) => card.gap);
    expect(gapCards).toHaveLength(gap!);
    for (const card of gapCards) expect(card.index).toBeGreaterThan(pinnedCount + line);
    await expect(page.getByTestId('figure-above').innerText()).resolves.toBe(`${above} of 62`);
    await expect(page.getByTestId('figure-gap').innerText()).resolves.toBe(String(gap));

    // Finding 2: ranking other work to the top cannot push WMS (active, fixed start) out.
    for (const name of ['Customer portal v2', 'Real-time shipment tracking']) {
      const id = name === 'Customer portal v2' ? 'customer-portal-v2' : 'realtime-tracking';
      const position = stack.get(id)?.index ?? 0;
      await page
        .getByTestId('stack-scroll')
        .evaluate(
          (element, y) => element.scrollTo(0, y),
          Math.max(0, (position - pinnedCount - 3) * 68),
        );
      await page.getByRole('checkbox', { name: `Select ${name}` }).click();
    }
    await page.getByRole('button', { name: 'Move to top' }).click();
    await shown(notices(page).getByText('Moved 2 cards to the top.'));
    await expect(wms.locator('.stack-card__start').innerText()).resolves.toMatch(/^starts Q3 2026/);
    // Approved work may be pushed out (and is said so); work under way never is.
    await expect(
      notices(page)
        .getByText(/WMS upgrade to v12/)
        .count(),
    ).resolves.toBe(0);

    // The roadmap draws work under way and never cancelled work.
    await page.getByRole('tab', { name: 'Roadmap' }).click();
    const roadmap = page.locator('.roadmap').first();
    await shown(roadmap.getByText('WMS upgrade to v12').first());
    await expect(roadmap.getByText('Voice assistant booking').count()).resolves.toBe(0);
  });

  it('says at once when a capacity cut takes work under way out of the plan, and Undo restores it', async () => {
    const { page } = await harness.open(await harness.profile(), '#/portfolio/teams');
    const cell = page.getByLabel('Platform capacity in Q3 2026');
    await shown(cell);
    const before = await cell.inputValue();
    await cell.fill('0');
    await cell.press('Tab');
    const warning = notices(page).getByText(
      /^This change takes WMS upgrade to v12 \(active\) out of the plan: Platform is [\d.]+ FTE short in Q3 2026\./,
    );
    await shown(warning);
    // On the board, what no longer fits stays in the pinned group, shortage named.
    await page.evaluate(() => {
      window.location.hash = '#/prioritize/board';
    });
    await shown(pinnedCard(page, 'wms-upgrade'));
    await expect(page.getByTestId('pinned-summary').innerText()).resolves.toMatch(
      /^\d+ of 10 fit · \d+ short$/,
    );
    await expect(
      pinnedCard(page, 'wms-upgrade').locator('.stack-card__reason').innerText(),
    ).resolves.toMatch(/^Platform is [\d.]+ FTE short in Q3 2026$/);
    await notices(page).getByRole('button', { name: 'Undo' }).click();
    await eventually(
      () => page.getByTestId('pinned-summary').innerText(),
      '10 · all fit',
      'the pinned group after Undo',
    );
    await page.evaluate(() => {
      window.location.hash = '#/portfolio/teams';
    });
    await eventually(() => cell.inputValue(), before, 'the capacity after Undo');
    await eventually(
      () =>
        notices(page)
          .getByText(/out of the plan/)
          .count(),
      0,
      'the warning gone after Undo',
    );
  });
});
