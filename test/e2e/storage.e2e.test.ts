/**
 * A safe start and storage that is never silent, in Chromium. A stored portfolio that cannot be
 * shown opens the recovery screen at start, whose backup brings the portfolio back; and a schema
 * upgrade in another window never hangs on this one, which says to reload.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DEMO_INITIATIVE_COUNT,
  areaLink,
  listSummary,
  portfolioHeading,
  shown,
} from './support/app';
import { expectNoAxeViolations } from './support/axe';
import { useHarness } from './support/harness';

const harness = useHarness();
const SHOTS = process.env.BATON_SHOTS ?? '/tmp/shots-e';

describe('a safe start', () => {
  it('opens the recovery screen for a portfolio that cannot be shown; a backup brings it back', async () => {
    const profile = await harness.profile();
    const { page, errors } = await harness.open(profile, '#/settings');
    await page.getByRole('button', { name: 'Back up now' }).click();
    await shown(page.getByText('Backed up by hand'));

    // A record an older version could have stored: an id no link can carry.
    await page.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const request = indexedDB.open('baton');
          request.onerror = () => reject(request.error);
          request.onsuccess = () => {
            const database = request.result;
            const tx = database.transaction('initiatives', 'readwrite');
            tx.objectStore('initiatives').put({
              id: 'broken\ud800',
              name: 'Broken',
              status: 'proposed',
              order: 'zz',
            });
            tx.oncomplete = () => {
              database.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error);
          };
        }),
    );
    await page.goto(`${harness.url()}#/portfolio/initiatives`);
    await page.reload();

    await shown(page.getByRole('heading', { level: 1, name: 'Baton hit a problem' }));
    expect(errors.join('\n')).toMatch(/URI malformed/);
    // The crash was expected: the screen is what this test is about.
    errors.length = 0;
    const restore = page.getByRole('region', { name: 'Restore a backup' });
    await shown(restore.getByRole('button', { name: /^Restore the backup of / }));
    await shown(page.getByRole('button', { name: 'Save the stored data as a file…' }));
    await shown(page.getByRole('button', { name: 'Open a portfolio file…' }));
    await shown(page.getByRole('button', { name: 'Load the demo portfolio' }));
    await expectNoAxeViolations(page, 'the recovery screen');
    await mkdir(SHOTS, { recursive: true });
    await page.screenshot({ path: join(SHOTS, 'recovery-1280x800.png'), fullPage: true });

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Save the stored data as a file…' }).click();
    const saved = await download;
    expect(saved.suggestedFilename()).toMatch(/\.baton\.json$/);

    await restore
      .getByRole('button', { name: /^Restore the backup of / })
      .first()
      .click();
    await shown(portfolioHeading(page));
    await shown(listSummary(page));
    expect(await listSummary(page).textContent()).toBe(`${DEMO_INITIATIVE_COUNT} initiatives`);
    // And at the next start too.
    await page.reload();
    await shown(listSummary(page));
    expect(await areaLink(page, 'Portfolio').getAttribute('aria-current')).toBe('page');
  });
});

describe('another window', () => {
  it('never hangs on this window: an upgrade there goes through, and this one says to reload', async () => {
    const profile = await harness.profile();
    const { page, context } = await harness.open(profile);
    await shown(listSummary(page));
    const other = await context.newPage();
    await other.goto(`${harness.url()}#/settings`);
    // The other window upgrades the database, as a newer Baton would.
    const opened = await other.evaluate(
      () =>
        new Promise<number>((resolve, reject) => {
          const probe = indexedDB.open('baton');
          probe.onsuccess = () => {
            const version = probe.result.version;
            probe.result.close();
            const request = indexedDB.open('baton', version + 10);
            request.onsuccess = () => {
              const next = request.result.version;
              request.result.close();
              resolve(next);
            };
            request.onerror = () => reject(request.error);
            request.onblocked = () => reject(new Error('blocked'));
          };
          probe.onerror = () => reject(probe.error);
        }),
    );
    expect(opened).toBeGreaterThan(10);
    const banner = page.getByRole('alert');
    await shown(banner.getByText(/^Another Baton window updated or replaced the stored data/));
    await shown(banner.getByRole('button', { name: 'Reload' }));
    await other.close();
  });
});
