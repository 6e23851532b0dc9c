import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { eventually, shown } from './support/app';
import { expectNoAxeViolations } from './support/axe';
import { useHarness } from './support/harness';

const harness = useHarness();

/** The name of the tree item that has the focus, or what else has it. */
function focusedItem(page: Page): Promise<string> {
  return page.evaluate(() => {
    const active = document.activeElement;
    if (active?.getAttribute('role') !== 'treeitem') {
      return `(${active?.tagName ?? 'nothing'} ${active?.textContent?.slice(0, 40) ?? ''})`;
    }
    return active.querySelector('.strategy-row__name')?.textContent ?? '';
  });
}

/** The items of the tree in view, indented two spaces a level. */
function outline(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('[role="treeitem"]')].map((item) => {
      const level = Number(item.getAttribute('aria-level'));
      const row = item.querySelector(':scope > .strategy-row');
      const name =
        row?.querySelector('.strategy-row__name')?.textContent ??
        `(renaming ${row?.querySelector('input')?.value ?? ''})`;
      return `${'  '.repeat(level - 1)}${name}`;
    }),
  );
}

function announced(page: Page): Promise<string> {
  return page.evaluate(() => document.querySelector('.strategy__live')?.textContent?.trim() ?? '');
}

describe('the strategy tree', () => {
  it('is built from the keyboard, moved by keyboard and mouse, and kept across a reload', async () => {
    const { page } = await harness.open(await harness.profile(), '#/strategy');
    const tree = page.getByRole('tree', { name: 'Strategy tree' });
    await shown(tree);
    const item = (name: string) => tree.getByRole('treeitem', { name, exact: true });

    // A theme: the Add theme button, its name typed where it goes, Enter.
    await page.getByRole('button', { name: 'Add theme' }).focus();
    await page.keyboard.press('Enter');
    await page.keyboard.type('People and culture');
    await page.keyboard.press('Enter');
    await eventually(() => focusedItem(page), 'People and culture', 'the new theme has the focus');

    // An objective under it: Tab to its details, Add objective.
    await page.keyboard.press('Tab');
    await eventually(
      () => page.evaluate(() => document.activeElement?.textContent ?? ''),
      'Add objective',
      'Tab goes from the tree to the details',
    );
    await page.keyboard.press('Enter');
    await page.keyboard.type('Hire and keep talent');
    await page.keyboard.press('Enter');
    await eventually(() => focusedItem(page), 'Hire and keep talent', 'the new objective');
    expect(await item('Hire and keep talent').getAttribute('aria-level')).toBe('2');

    // Lift it, take it out to the themes, up above its old parent, into the theme above it.
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowRight');
    await eventually(
      () => announced(page),
      '“Hire and keep talent”, under “Secure and compliant foundations”, 3 of 3.',
      'where the lifted objective would go',
    );
    await page.keyboard.press('Space');
    await eventually(
      () => announced(page),
      'Dropped “Hire and keep talent”, under “Secure and compliant foundations”, 3 of 3.',
      'the drop',
    );
    await eventually(() => focusedItem(page), 'Hire and keep talent', 'focus stays on it');

    // A measure under it, and its first actual: Enter, the value, Enter.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await eventually(
      () => page.evaluate(() => document.activeElement?.textContent ?? ''),
      'Add measure',
      'the second action of the details',
    );
    await page.keyboard.press('Enter');
    await page.keyboard.type('Regretted attrition');
    await page.keyboard.press('Enter');
    await eventually(() => focusedItem(page), 'Regretted attrition', 'the new measure');
    await page.keyboard.press('Enter');
    const value = page.getByRole('textbox', { name: 'Value', exact: true });
    await eventually(
      () => value.evaluate((input) => input === document.activeElement),
      true,
      'Enter on a measure puts the focus in its Add actual value',
    );
    await page.keyboard.type('12.5');
    await page.keyboard.press('Enter');
    const actuals = page.getByRole('table', { name: /^Actuals of Regretted attrition/ });
    await shown(actuals.getByRole('cell', { name: '12.5', exact: true }));
    await expectNoAxeViolations(page, 'the Strategy area');

    // The mouse: drag an objective up above its first sibling, the top of the tree in view.
    await page.evaluate(() => document.getElementById('content')?.scrollTo(0, 0));
    const dragged = item('Shift customers to self-service').locator('.strategy-row').first();
    const target = item('Grow e-commerce fulfilment revenue').locator('.strategy-row').first();
    const from = (await dragged.boundingBox())!;
    const to = (await target.boundingBox())!;
    await page.mouse.move(from.x + 200, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(from.x + 200, from.y + from.height / 2 - 12, { steps: 4 });
    await page.mouse.move(to.x + 200, to.y + 6, { steps: 12 });
    await shown(page.locator('.strategy-tree__drop-line'));
    await page.mouse.up();
    await eventually(
      async () => (await outline(page)).filter((line) => /^ {2}\S/.test(line)).slice(0, 3),
      [
        '  Shift customers to self-service',
        '  Grow e-commerce fulfilment revenue',
        '  Improve the delivery experience',
      ],
      'the dragged objective first under its theme',
    );

    // Everything is kept across a reload.
    await page.reload();
    await shown(tree);
    const lines = await outline(page);
    expect(lines.slice(0, 2)).toEqual([
      'Win and keep customers',
      '  Shift customers to self-service',
    ]);
    const foundations = lines.indexOf('Secure and compliant foundations');
    expect(lines.slice(foundations)).toEqual([
      'Secure and compliant foundations',
      '  Strengthen cyber resilience',
      '    Critical vulnerabilities open over 30 days',
      '    Mean time to recover a critical system',
      '  Stay compliant and audit-ready',
      '    Open high-severity audit findings',
      '  Hire and keep talent',
      '    Regretted attrition',
      'People and culture',
    ]);
    await item('Regretted attrition').click();
    await shown(actuals.getByRole('cell', { name: '12.5', exact: true }));
  });
});
