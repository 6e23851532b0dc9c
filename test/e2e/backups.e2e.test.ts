/**
 * Backups in a real browser: a backup taken by hand, the portfolio edited after it, the backup
 * restored from Settings (which backs up the edited portfolio first), and the restore undone.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  areaLink,
  dialog,
  eventually,
  initiativeLink,
  initiativeNameField,
  shown,
} from './support/app';
import { useHarness } from './support/harness';

const harness = useHarness();

/** The backups in the page's "baton-backups" database: reason and text, newest first. */
function storedBackups(page: Page): Promise<{ reason: string; text: string }[]> {
  return page.evaluate(
    () =>
      new Promise<{ reason: string; text: string }[]>((resolve, reject) => {
        const request = indexedDB.open('baton-backups');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const database = request.result;
          const tx = database.transaction(['infos', 'texts'], 'readonly');
          const infos = tx.objectStore('infos').getAll();
          const texts = tx.objectStore('texts').getAll();
          tx.oncomplete = () => {
            const byId = new Map(
              (texts.result as { id: string; text: string }[]).map((row) => [row.id, row.text]),
            );
            const rows = (infos.result as { id: string; at: string; reason: string }[])
              .sort((a, b) => (a.at < b.at ? 1 : -1))
              .map((info) => ({ reason: info.reason, text: byId.get(info.id) ?? '' }));
            database.close();
            resolve(rows);
          };
        };
      }),
  );
}

async function rename(page: Page, name: string): Promise<void> {
  await page.evaluate(() => {
    window.location.hash = '#/portfolio/initiatives/cloud-landing-zone';
  });
  const field = initiativeNameField(page);
  await shown(field);
  await field.fill(name);
  await shown(initiativeLink(page, name));
}

describe('backups', () => {
  it('restores a backup from Settings, backing up first, and Undo takes the restore back', async () => {
    const { page } = await harness.open(
      await harness.profile(),
      '#/portfolio/initiatives/cloud-landing-zone',
    );
    await rename(page, 'Cloud landing zone, as backed up');

    await areaLink(page, 'Settings').click();
    await page.getByRole('button', { name: 'Back up now' }).click();
    const handMade = page.getByRole('row').filter({ hasText: 'Backed up by hand' });
    await shown(handMade);

    await rename(page, 'Cloud landing zone, edited after');
    await areaLink(page, 'Settings').click();
    await handMade.getByRole('button', { name: /^Restore the backup of / }).click();
    const confirm = dialog(page, /^Restore the backup of .+\?$/);
    await shown(confirm);
    await expect.poll(() => confirm.textContent()).toMatch(/Undo \(Ctrl\+Z\) takes it back/);
    await confirm.getByRole('button', { name: 'Restore', exact: true }).click();

    await shown(initiativeLink(page, 'Cloud landing zone, as backed up'));
    await eventually(
      () => initiativeLink(page, 'Cloud landing zone, edited after').count(),
      0,
      'the edit made after the backup is gone',
    );
    // The portfolio as it was before the restore was backed up in the browser's backup database.
    const stored = await storedBackups(page);
    expect(stored.map((backup) => backup.reason)).toEqual(['before-restore', 'manual']);
    expect(stored[0]?.text).toContain('Cloud landing zone, edited after');
    expect(stored[1]?.text).toContain('Cloud landing zone, as backed up');

    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+z');
    await shown(initiativeLink(page, 'Cloud landing zone, edited after'));

    // And it survives a reload: the restore and its undo are stored edits.
    await page.reload();
    await shown(initiativeLink(page, 'Cloud landing zone, edited after'));
  });
});
