/**
 * Never silent about storage, in the app: a failed write and another window's upgrade put a
 * banner above the area that says what happened and what to do, and offers the last backup.
 */
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEMO_PORTFOLIO } from '../../../shared/demo/demo-portfolio';
import { App } from '../../../renderer/app/App';
import { backupNow } from '../../../renderer/backup/backups';
import { db } from '../../../renderer/db/database';
import { renameInitiative } from '../../../renderer/db/edits';
import { readPortfolio } from '../../../renderer/db/repository';
import { DATABASE_NAME } from '../../../renderer/db/schema';
import { getPlatform } from '../../../renderer/platform';
import { useAppStore } from '../../../renderer/state/store';
import { freshApp } from './fresh-app';

beforeEach(async () => {
  await freshApp();
  useAppStore.setState({ storageProblem: null });
  const { backups } = getPlatform();
  await backups.remove((await backups.list()).map((backup) => backup.id));
});

afterEach(() => vi.restoreAllMocks());

const banner = () => screen.findByRole('alert');

describe('storage problems in the app', () => {
  it('says a full disk in words and offers the last backup; nothing is changed', async () => {
    await backupNow('manual');
    const user = userEvent.setup();
    render(<App />);
    await screen.findByRole('heading', { level: 1, name: DEMO_PORTFOLIO.name });
    const first = DEMO_PORTFOLIO.initiatives[0]!;
    vi.spyOn(db, 'transaction').mockRejectedValueOnce(
      new Dexie.AbortError('Transaction aborted', new DOMException('full', 'QuotaExceededError')),
    );
    await expect(renameInitiative(first.id, 'Never stored')).rejects.toThrow(
      /^Your change was not stored\. There is no room left/,
    );
    const alert = await banner();
    expect(alert).toHaveTextContent(/There is no room left for Baton’s data/);
    expect(alert).toHaveTextContent(/Free some disk space/);
    expect(await within(alert).findByText(/^Your last backup is of .*Corvane/)).toBeVisible();
    expect(within(alert).getByRole('button', { name: 'Restore the last backup…' })).toBeVisible();
    expect(alert).not.toHaveTextContent(/AbortError/);
    expect((await readPortfolio()).initiatives[0]?.name).toBe(first.name);
    await user.click(within(alert).getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it("steps aside for another window's upgrade and says to reload", async () => {
    render(<App />);
    await screen.findByRole('heading', { level: 1, name: DEMO_PORTFOLIO.name });
    const newer = new Dexie(DATABASE_NAME);
    newer.version(db.verno + 1).stores({});
    // Would hang if this window kept the database open.
    await newer.open();
    const alert = await banner();
    expect(alert).toHaveTextContent(/Another Baton window updated or replaced the stored data/);
    expect(within(alert).getByRole('button', { name: 'Reload' })).toBeVisible();
    newer.close();
    await waitFor(() => expect(db.isOpen()).toBe(false));
  });
});
