import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from './support/axe';
import { eventually, notices, shown } from './support/app';
import { useHarness } from './support/harness';

const harness = useHarness();

/** The ids of the rankable cards the stack shows, top to bottom. */
function shownOrder(page: Page): Promise<string[]> {
  return page
    .locator('.stack__row .stack-card')
    .evaluateAll((cards) => cards.map((card) => (card as HTMLElement).dataset.initiativeId ?? ''));
}

function card(page: Page, id: string) {
  return page.locator(`.stack__row .stack-card[data-initiative-id="${id}"]`);
}

function handle(page: Page, id: string) {
  return card(page, id).getByRole('button', { name: /^Move / });
}

/** Waits for a screen-reader announcement of the stack (dnd-kit's visually hidden live region). */
async function announced(page: Page, text: RegExp): Promise<void> {
  await eventually(
    async () =>
      (await page.locator('[aria-live]').allTextContents()).some((said) => text.test(said)),
    true,
    `an announcement matching ${String(text)}; heard when the wait began: ${JSON.stringify(await page.locator('[aria-live]').allTextContents())}`,
  );
}

/**
 * Lifts a card with Space. The keyboard drag listens for arrows from the next task on (a moment
 * no person notices), so wait for a timer queued after that one before pressing more keys.
 */
async function lift(page: Page, id: string): Promise<void> {
  await handle(page, id).focus();
  await page.keyboard.press('Space');
  await shown(page.locator('.stack-card--overlay'));
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 0)));
}

async function lineIndex(page: Page): Promise<number> {
  return Number(await page.getByTestId('cut-line').getAttribute('data-index'));
}

describe('the board', () => {
  it('reorders by mouse: the cut line, counts and heatmap preview move while dragging, and the order survives a reload', async () => {
    const profile = await harness.profile();
    const { page } = await harness.open(profile, '#/prioritize/board', {
      width: 1440,
      height: 1000,
    });
    await shown(page.getByRole('heading', { name: 'Ranked stack' }));
    const before = await shownOrder(page);
    expect(before.length).toBeGreaterThan(8);
    const line = await lineIndex(page);
    expect(line).toBeGreaterThan(0);

    // A card just below the line, with its reason in words.
    const below = before[line] as string;
    await expect(card(page, below).locator('.stack-card__reason').textContent()).resolves.toMatch(
      /short in|needs|excluded by|forced out|cannot/,
    );
    const heatmapBefore = await page.locator('.heatmap').first().innerText();
    const countsBefore = await page.getByTestId('stack-counts').innerText();

    // Drag it by its handle onto the card four places up, and hold it there.
    const target = before[line - 4] as string;
    // Both cards in view, away from the edges where dragging scrolls the stack.
    await page
      .getByTestId('stack-scroll')
      .evaluate((element, top) => element.scrollTo(0, top), Math.max(0, (line - 4) * 68 - 100));
    const from = await handle(page, below).boundingBox();
    const to = await card(page, target).boundingBox();
    if (!from || !to) throw new Error('cards not laid out');
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(from.x + 10, from.y - 20, { steps: 4 });
    await page.mouse.move(from.x + from.width / 2, to.y + to.height / 2, { steps: 12 });
    await shown(page.getByText(/^Preview while dragging/).first());
    await eventually(
      async () => (await page.locator('.heatmap').first().innerText()) !== heatmapBefore,
      true,
      'the heatmap shows the effect of the hovered drop',
    );
    await eventually(
      async () => (await page.getByTestId('stack-counts').innerText()) !== countsBefore,
      true,
      'the counts above and below the line follow the hovered drop',
    );
    await page.mouse.up();

    const expected = [...before.slice(0, line - 4), below, ...before.slice(line - 4, line)];
    await eventually(
      async () => (await shownOrder(page)).slice(0, line + 1),
      expected,
      'the dragged card in its new place',
    );
    await expect(card(page, below).locator('.stack-card__start').textContent()).resolves.toMatch(
      /^starts /,
    );
    expect(await lineIndex(page)).not.toBe(line);
    const after = await shownOrder(page);
    await shown(page.locator('.topbar').getByRole('button', { name: 'Undo', exact: true }));

    await page.reload();
    await shown(page.getByRole('heading', { name: 'Ranked stack' }));
    await eventually(
      async () => (await shownOrder(page)).slice(0, line + 1),
      after.slice(0, line + 1),
      'the order after a reload',
    );
  });

  it('reorders by keyboard: Space lifts, arrows move, Space drops, Escape cancels; undo restores', async () => {
    const { page } = await harness.open(await harness.profile(), '#/prioritize/board');
    await shown(page.getByRole('heading', { name: 'Ranked stack' }));
    const before = await shownOrder(page);
    const moving = before[1] as string;

    await lift(page, moving);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Space');
    const expected = [before[0], before[2], before[3], before[4], moving, ...before.slice(5)];
    await eventually(
      async () => (await shownOrder(page)).slice(0, 6),
      expected.slice(0, 6),
      'the order after a keyboard move',
    );
    await announced(page, /^Dropped\. /);

    // Lift and cancel: nothing changes.
    await lift(page, before[0] as string);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Escape');
    await announced(page, /^Cancelled\. /);
    await eventually(
      async () => (await shownOrder(page)).slice(0, 6),
      expected.slice(0, 6),
      'the order after a cancelled move',
    );

    await page.keyboard.press('Control+z');
    await shown(
      notices(page).getByText(/^Undone: Moved “.+” (to the top|to the bottom|above “.+”) in “.+”/),
    );
    await eventually(
      async () => (await shownOrder(page)).slice(0, 6),
      before.slice(0, 6),
      'the order after undo',
    );
  });

  it('announces where a card lands and whether it fits, even with fast key presses', async () => {
    const { page } = await harness.open(await harness.profile(), '#/prioritize/board');
    await shown(page.getByRole('heading', { name: 'Ranked stack' }));
    const before = await shownOrder(page);
    const line = await lineIndex(page);
    const below = before[line] as string;
    const name = await card(page, below).locator('.stack-card__name').innerText();

    await lift(page, below);
    for (let step = 0; step < 4; step += 1) await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Space');
    await announced(
      page,
      new RegExp(`^Dropped\\. ${name} is at position \\d+ of \\d+; above the line, starts `),
    );
    await eventually(
      async () => (await shownOrder(page)).indexOf(below),
      line - 4,
      'the card four places up',
    );
  });

  it('moves selected cards to the bottom together', async () => {
    const { page } = await harness.open(await harness.profile(), '#/prioritize/board');
    await shown(page.getByRole('heading', { name: 'Ranked stack' }));
    const before = await shownOrder(page);
    const names = await Promise.all(
      [before[0], before[2]].map(async (id) =>
        card(page, id as string)
          .locator('.stack-card__name')
          .innerText(),
      ),
    );
    for (const name of names) await page.getByRole('checkbox', { name: `Select ${name}` }).check();
    await shown(page.getByText('2 selected'));
    await page.getByRole('button', { name: 'Move to bottom' }).click();
    await eventually(
      async () => (await shownOrder(page)).slice(0, 3),
      [before[1], before[3], before[4]],
      'the top of the stack after moving two cards down',
    );
    await shown(page.getByText('Moved 2 cards to the bottom.'));
  });

  it('drags several selected cards together with the mouse', async () => {
    const { page } = await harness.open(await harness.profile(), '#/prioritize/board');
    await shown(page.getByRole('heading', { name: 'Ranked stack' }));
    const before = await shownOrder(page);
    for (const id of [before[3], before[5]] as string[]) {
      const name = await card(page, id).locator('.stack-card__name').innerText();
      await page.getByRole('checkbox', { name: `Select ${name}` }).check();
    }
    const from = await handle(page, before[5] as string).boundingBox();
    const to = await card(page, before[0] as string).boundingBox();
    if (!from || !to) throw new Error('cards not laid out');
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(from.x + from.width / 2, from.y - 20, { steps: 4 });
    await page.mouse.move(from.x + from.width / 2, to.y + to.height / 2, { steps: 12 });
    await shown(page.locator('.stack__overlay').getByText('2 cards'));
    await page.mouse.up();
    await eventually(
      async () => (await shownOrder(page)).slice(0, 4),
      [before[3], before[5], before[0], before[1]],
      'both selected cards on top, in their order',
    );
  });

  it('drops with the mouse where it aimed, near the top edge of a scrolled stack', async () => {
    const { page } = await harness.open(await harness.profile(), '#/prioritize/board', {
      width: 1440,
      height: 1000,
    });
    await shown(page.getByRole('heading', { name: 'Ranked stack' }));
    const scroll = page.getByTestId('stack-scroll');
    // Card 11 of the rankable stack sits just below the top edge; card 20 is dragged onto it.
    await scroll.evaluate((element) => element.scrollTo(0, 10 * 68));
    await page.waitForTimeout(100);
    /** The id of the card at a 0-based place in the rankable stack (only drawn rows count). */
    const cardAt = (index: number) =>
      page
        .locator(`.stack__row[aria-posinset="${index + 1}"] .stack-card`)
        .getAttribute('data-initiative-id');
    const placeOf = (id: string) =>
      page
        .locator('.stack__row')
        .filter({ has: page.locator(`.stack-card[data-initiative-id="${id}"]`) })
        .getAttribute('aria-posinset')
        .then((place) => Number(place) - 1);
    const moving = (await cardAt(20)) as string;
    const aimed = (await cardAt(11)) as string;
    const aimedPosition = await card(page, aimed).locator('.stack-card__position').innerText();
    const from = await handle(page, moving).boundingBox();
    const to = await card(page, aimed).boundingBox();
    const box = await scroll.boundingBox();
    if (!from || !to || !box) throw new Error('cards not laid out');
    // The aim is in the top fifth of the stack, where dragging used to scroll it away.
    expect(to.y + to.height / 2 - box.y).toBeLessThan(box.height * 0.2);
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(from.x + from.width / 2, from.y - 20, { steps: 4 });
    await page.mouse.move(from.x + from.width / 2, to.y + to.height / 2, { steps: 16 });
    // Hold still over the aim for a moment, as a person does before letting go.
    await page.waitForTimeout(700);
    const indicated = await page.locator('.stack__overlay .stack-card__position').innerText();
    expect(indicated, 'the dragged card shows the place it will land').toBe(aimedPosition);
    await page.mouse.up();
    await eventually(() => placeOf(moving), 11, 'the dropped card where it was aimed');
    expect(await card(page, moving).locator('.stack-card__position').innerText()).toBe(
      aimedPosition,
    );
  });

  it('is usable from the keyboard: skip link, one stop for the stack, the selection two Tabs away, focus kept by a drop and an undo', async () => {
    const { page } = await harness.open(await harness.profile(), '#/prioritize/board');
    await shown(page.getByRole('heading', { name: 'Ranked stack' }));
    const before = await shownOrder(page);
    const focusedCard = () =>
      page.evaluate(
        () =>
          (document.activeElement?.closest('.stack__row [data-initiative-id]') as HTMLElement)
            ?.dataset.initiativeId ?? document.activeElement?.tagName,
      );
    const focusedName = () =>
      page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');

    // The skip link is the first stop in the board and shows itself when focused.
    const skip = page.getByRole('link', { name: 'Skip to ranked stack' });
    const firstInBoard = await page.evaluate(() => {
      const focusable = document.querySelector<HTMLElement>(
        '.board a[href], .board button:not([disabled]), .board input, .board select',
      );
      return focusable?.textContent;
    });
    expect(firstInBoard).toBe('Skip to ranked stack');
    await skip.focus();
    const shownBox = await skip.boundingBox();
    expect(shownBox?.width ?? 0).toBeGreaterThan(60);
    await page.keyboard.press('Enter');
    expect(await focusedCard()).toBe(before[0]);

    // The stack is one stop: the arrows go from card to card, Tab leaves after the card's own.
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await focusedCard()).toBe(before[2]);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    await shown(page.getByText('1 selected'));
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await focusedName()).toBe('Move to top');
    await page.keyboard.press('Enter');
    await eventually(async () => (await shownOrder(page))[0], before[2], 'the ticked card on top');
    await page.getByRole('button', { name: 'Clear' }).click();

    // A far keyboard move, then Ctrl+Z: focus stays on the moved card both times.
    const moving = before[1] as string;
    await lift(page, moving);
    for (let step = 0; step < 25; step += 1) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Space');
    await announced(page, /^Dropped\. /);
    await eventually(focusedCard, moving, 'focus on the dropped card');
    await page.keyboard.press('Control+z');
    await shown(
      notices(page).getByText(/^Undone: Moved “.+” (to the top|to the bottom|above “.+”) in “.+”/),
    );
    await eventually(focusedCard, moving, 'focus on the card after undo');
    const focusedBox = await page.evaluate(() => {
      const rect = document.activeElement?.getBoundingClientRect();
      return rect ? rect.top >= 0 && rect.bottom <= window.innerHeight : false;
    });
    expect(focusedBox, 'the focused card is on screen').toBe(true);
  });

  it('passes axe on the board, while a card is lifted, on the roadmap and the scenarios', async () => {
    const { page } = await harness.open(await harness.profile(), '#/prioritize/board');
    await shown(page.getByRole('heading', { name: 'Ranked stack' }));
    await expectNoAxeViolations(page, 'the board');
    const first = (await shownOrder(page))[0] as string;
    await lift(page, first);
    await page.keyboard.press('ArrowDown');
    await shown(page.getByText(/^Preview while dragging/).first());
    await expectNoAxeViolations(page, 'the board while a card is lifted');
    await page.keyboard.press('Escape');
    await page.getByRole('tab', { name: 'Roadmap' }).click();
    await shown(page.getByText(/Drag a bar to another period/));
    await expectNoAxeViolations(page, 'the roadmap');
    await page.getByRole('tab', { name: 'Scenarios' }).click();
    await expectNoAxeViolations(page, 'the scenarios');
  });
});

describe('the roadmap and the scenarios', () => {
  it('pins a start on the roadmap from the keyboard, and Ctrl+Z takes it back', async () => {
    const { page } = await harness.open(await harness.profile(), '#/prioritize/roadmap');
    const bar = page.getByRole('button', { name: /^Route optimisation v2, starts / });
    const startsAt = async () =>
      /starts ([^,]+)/.exec((await bar.getAttribute('aria-label')) ?? '')?.[1];
    const before = await startsAt();
    expect(await bar.getAttribute('aria-label')).not.toMatch(/pinned/);

    await bar.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await shown(notices(page).getByText(/^Route optimisation v2 now starts in /));
    await eventually(
      async () => /pinned$/.test((await bar.getAttribute('aria-label')) ?? ''),
      true,
      'the bar is pinned',
    );
    expect(await startsAt()).not.toBe(before);

    await page.keyboard.press('Control+z');
    await shown(
      notices(page).getByText('Undone: Changed the fixed start of “Route optimisation v2”'),
    );
    await eventually(startsAt, before, 'the start after undo');
  });

  it('creates a scenario, opens it on the board, and keeps it across a reload', async () => {
    const { page } = await harness.open(await harness.profile(), '#/prioritize/scenarios');
    await page.getByRole('button', { name: 'New scenario' }).click();
    await page.getByLabel('Name of the new scenario').fill('Cost cut');
    await page.getByRole('button', { name: 'Create' }).click();
    const row = page.getByRole('row', { name: /Cost cut/ });
    await shown(row);
    await row.getByRole('button', { name: 'Open on the board' }).click();
    await shown(page.getByRole('heading', { name: 'Ranked stack' }));
    await eventually(
      () =>
        page
          .getByLabel('Scenario')
          .evaluate((select) => (select as HTMLSelectElement).selectedOptions[0]?.textContent),
      'Cost cut',
      'the scenario on the board',
    );
    // New scenarios get an opaque id: the address names it, not a slug of its name.
    expect(page.url()).toMatch(/#\/prioritize\/board\/s-[0-9a-z]{10}$/);
    await page.reload();
    await shown(page.getByRole('heading', { name: 'Ranked stack' }));
    await eventually(
      () =>
        page
          .getByLabel('Scenario')
          .evaluate((select) => (select as HTMLSelectElement).selectedOptions[0]?.textContent),
      'Cost cut',
      'the scenario on the board after a reload',
    );
  });
});
