/**
 * Settings in Chromium: reached with Ctrl+, ; the number format it sets is the one the screens
 * write; a backup taken by hand is listed and restores the portfolio in one click after a
 * question, and Undo takes the restore back. axe finds nothing, and screenshots at three window
 * sizes go to /tmp/shots-e for a person to look at.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DEMO_NAME,
  areaLink,
  dialog,
  editor,
  initiativeLink,
  initiativeNameField,
  notices,
  portfolioHeading,
  shown,
} from './support/app';
import { expectNoAxeViolations } from './support/axe';
import { useHarness } from './support/harness';

const harness = useHarness();

/** Where the screenshots go, for a person to look at. */
const SHOTS = process.env.BATON_SHOTS ?? '/tmp/shots-e';
const SIZES = [
  { width: 1440, height: 900 },
  { width: 1280, height: 800 },
  { width: 853, height: 533 },
] as const;

describe('Settings', () => {
  it('sets the number format, backs up and restores, and is accessible', async () => {
    const profile = await harness.profile();
    const { page } = await harness.open(profile);
    await shown(portfolioHeading(page));

    await page.keyboard.press('Control+,');
    await shown(page.getByRole('heading', { level: 2, name: 'Settings' }));
    expect(page.url()).toMatch(/#\/settings$/);
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.id))
      .toBe('settings-your-name');
    await page.keyboard.type('Ada Lovelace');
    await page.keyboard.press('Enter');
    await shown(notices(page).getByText('Your changes are recorded as made by Ada Lovelace.'));

    // German numbers, everywhere: the spend column of the initiative list.
    await page.getByRole('combobox', { name: 'Numbers and dates' }).selectOption('de-DE');
    await shown(
      notices(page).getByText('Numbers and dates are now written as in German (Germany).'),
    );
    await areaLink(page, 'Portfolio').click();
    await shown(
      page
        .getByRole('table')
        .getByText(/^\d{1,3}(\.\d{3})+\s€$|^\d+(,\d)?\sMio\.\s€$/)
        .first(),
    );

    // A backup by hand, an edit, and the restore that takes it away again.
    await areaLink(page, 'Settings').click();
    await page.getByRole('button', { name: 'Back up now' }).click();
    const backups = page.getByRole('table', { name: /^Backups, newest first/ });
    await shown(backups.getByText('Backed up by hand'));
    await expect.poll(() => backups.getByRole('row').nth(1).textContent()).toContain(DEMO_NAME);

    await areaLink(page, 'Portfolio').click();
    await initiativeLink(page, 'Cloud landing zone').click();
    await initiativeNameField(page).fill('Renamed after the backup');
    await shown(initiativeLink(page, 'Renamed after the backup'));
    await page.keyboard.press('Escape');
    await shown(editor(page).or(page.getByRole('table')).first());

    await areaLink(page, 'Settings').click();
    await backups
      .getByRole('button', { name: /^Restore the backup of / })
      .first()
      .click();
    const question = dialog(page, /^Restore the backup of /);
    await shown(question.getByText(/Undo \(Ctrl\+Z\) takes it back/));
    await question.getByRole('button', { name: 'Restore' }).click();
    await shown(initiativeLink(page, 'Cloud landing zone'));
    await shown(notices(page).getByText(/^Restored the backup of /));

    await page.keyboard.press('Control+z');
    await shown(initiativeLink(page, 'Renamed after the backup'));

    // Persistent storage: Chromium starts a site on best-effort storage, so the page says so and
    // offers to ask. A fresh profile has no engagement with the site (no bookmark, no install),
    // so Chromium says no: the page says that, and the button stays to try again later.
    await areaLink(page, 'Settings').click();
    const persistence = page.getByRole('status').filter({ hasText: /persistent/i });
    await shown(persistence.getByText(/^Not persistent yet: the browser may clear/));
    const ask = page.getByRole('button', { name: 'Ask the browser to keep the data' });
    await ask.click();
    await expect
      .poll(() => persistence.textContent())
      .toMatch(
        /^Not persistent yet: .* The browser said no: browsers grant it to sites you bookmarked, installed or use often\./,
      );
    expect(await ask.isEnabled()).toBe(true);
    await shown(
      page.getByRole('table', { name: /^Backups, newest first/ }).getByText('Before a restore'),
    );

    await expectNoAxeViolations(page, 'Settings');
    await mkdir(SHOTS, { recursive: true });
    for (const size of SIZES) {
      await page.setViewportSize(size);
      await page.screenshot({
        path: join(SHOTS, `settings-${size.width}x${size.height}.png`),
        fullPage: true,
      });
    }
  });
});
