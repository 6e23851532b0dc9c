import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { shown } from './support/app';
import { useHarness } from './support/harness';

const harness = useHarness();

/** The smallest heatmap text as drawn on screen: its font size times the drawing's scale. */
function smallestHeatmapText(page: Page): Promise<number> {
  return page.evaluate(() => {
    const svg = document.querySelector<SVGSVGElement>('.board__side .heatmap svg');
    if (!svg) return 0;
    const drawn = svg.getBoundingClientRect().width;
    const scale = drawn / (svg.viewBox.baseVal.width || drawn);
    const sizes = [...svg.querySelectorAll('text')].map(
      (text) => parseFloat(getComputedStyle(text).fontSize) * scale,
    );
    return Math.min(...sizes);
  });
}

/** What spills sideways: the page, the content pane, and boxes that hide what overflows. */
function sidewaysOverflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth)
      found.push(`the page by ${root.scrollWidth - root.clientWidth}px`);
    const content = document.querySelector<HTMLElement>('.app__content');
    if (content && content.scrollWidth > content.clientWidth) {
      found.push(`the content by ${content.scrollWidth - content.clientWidth}px`);
    }
    for (const element of document.querySelectorAll<HTMLElement>('.app__content *')) {
      const style = getComputedStyle(element);
      const hides = style.overflowX === 'hidden' || style.overflowX === 'clip';
      // Text cut short on purpose with an ellipsis, and text only for screen readers, aside.
      if (
        !hides ||
        style.textOverflow === 'ellipsis' ||
        element.matches('.visually-hidden, .skip-link')
      )
        continue;
      if (element.scrollWidth > element.clientWidth + 1) {
        found.push(
          `${element.tagName.toLowerCase()}.${element.className} cut by ${element.scrollWidth - element.clientWidth}px`,
        );
      }
    }
    return found;
  });
}

describe('on a projector', () => {
  it('shows the cut line on the first screen and heatmap text of 12 px at 1280 × 800', async () => {
    const { page } = await harness.open(await harness.profile(), '#/prioritize/board', {
      width: 1280,
      height: 800,
    });
    await shown(page.getByTestId('cut-line'));
    const line = await page.getByTestId('cut-line').boundingBox();
    expect(line, 'the cut line is drawn').not.toBeNull();
    expect(line!.y).toBeGreaterThanOrEqual(0);
    expect(line!.y + line!.height).toBeLessThanOrEqual(800);
    const stack = await page.getByTestId('stack-scroll').boundingBox();
    expect(line!.y + line!.height, 'the cut line is inside the stack as shown').toBeLessThanOrEqual(
      stack!.y + stack!.height,
    );
    expect(await smallestHeatmapText(page)).toBeGreaterThanOrEqual(12);
    expect(await sidewaysOverflow(page)).toEqual([]);
  });

  it('reflows at 150 % zoom: nothing cut off or spilling sideways on the board or the scenarios', async () => {
    // 1280 × 800 at 150 %: 853 × 533 CSS pixels.
    const { page } = await harness.open(await harness.profile(), '#/prioritize/board', {
      width: 853,
      height: 533,
    });
    await shown(page.getByRole('heading', { name: 'Ranked stack' }));
    expect(await sidewaysOverflow(page)).toEqual([]);
    // The summary cards wrap inside the column instead of running off it.
    const figures = await page
      .locator('.board__figures > div')
      .evaluateAll((cards) => cards.map((card) => card.getBoundingClientRect().right));
    const column = await page.locator('.board__side').boundingBox();
    for (const right of figures) expect(right).toBeLessThanOrEqual(column!.x + column!.width + 1);
    expect(await smallestHeatmapText(page)).toBeGreaterThanOrEqual(12);

    await page.getByRole('tab', { name: 'Scenarios' }).click();
    await shown(page.getByRole('button', { name: 'New scenario' }));
    expect(await sidewaysOverflow(page)).toEqual([]);
    const tab = await page.getByRole('tab', { name: 'Scenarios' }).boundingBox();
    expect(tab!.x + tab!.width, 'the Scenarios tab fits').toBeLessThanOrEqual(853);
    const button = await page.getByRole('button', { name: 'New scenario' }).boundingBox();
    expect(button!.x + button!.width, 'New scenario fits').toBeLessThanOrEqual(853);
  });

  it('keeps a grid cell’s message in its own room, clear of the next row', async () => {
    const { page } = await harness.open(await harness.profile(), '#/portfolio/teams');
    const cell = page.getByLabel('Platform capacity in Q1 2027');
    await cell.fill('abc');
    const message = page.getByText('Platform capacity in Q1 2027: enter a number, such as 2.5.');
    await shown(message);
    const row = page.getByRole('row').filter({ has: cell });
    const next = row.locator('xpath=following-sibling::tr[1]');
    const messageBox = await message.boundingBox();
    const nextBox = await next.boundingBox();
    expect(messageBox!.y + messageBox!.height).toBeLessThanOrEqual(nextBox!.y);
  });
});
