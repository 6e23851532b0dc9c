/**
 * The Settings area: the number format the screens honour, the backups (listed, taken by hand,
 * restored in one click after a question), persistent storage, and all the data at once.
 */
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEMO_PORTFOLIO } from '../../../../shared/demo/demo-portfolio';
import { readPortfolioText } from '../../../../shared/portfolio/restore';
import { SettingsArea } from '../../../../renderer/areas/settings/SettingsArea';
import { AppConfirmDialog, AppNotices } from '../../../../renderer/app/ConnectedDialogs';
import { readPortfolio } from '../../../../renderer/db/repository';
import { renameInitiative } from '../../../../renderer/db/edits';
import { undoLastEdit } from '../../../../renderer/state/history-actions';
import { displayLocale, formatNumber } from '../../../../renderer/format';
import { getPlatform, setPlatform } from '../../../../renderer/platform';
import type { Platform } from '../../../../renderer/platform/types';
import { setChosenLocale } from '../../../../renderer/state/preferences';
import { useAppStore } from '../../../../renderer/state/store';
import { freshApp } from '../../app/fresh-app';
import { withDialogPolyfill } from '../../dialog-polyfill';

withDialogPolyfill();

const browserPlatform = getPlatform();
const saveExportFile = vi.fn<Platform['saveExportFile']>();
let persistence: 'persistent' | 'best-effort' | 'unsupported' = 'best-effort';
let grant = false;

beforeEach(async () => {
  await freshApp();
  localStorage.clear();
  setChosenLocale('');
  const { backups } = browserPlatform;
  await backups.remove((await backups.list()).map((backup) => backup.id));
  saveExportFile.mockReset();
  saveExportFile.mockResolvedValue({ location: 'your downloads' });
  persistence = 'best-effort';
  grant = false;
  setPlatform({
    ...browserPlatform,
    saveExportFile,
    storagePersistence: async () => persistence,
    requestPersistentStorage: async () => {
      if (grant) persistence = 'persistent';
      return grant;
    },
  });
});

afterEach(() => setPlatform(browserPlatform));

const lastNotice = () => useAppStore.getState().notices.at(-1)?.text;

function renderSettings() {
  const user = userEvent.setup();
  render(
    <>
      <SettingsArea portfolio={DEMO_PORTFOLIO} />
      <AppConfirmDialog />
      <AppNotices />
    </>,
  );
  return user;
}

const backupsTable = () => screen.findByRole('table', { name: /^Backups, newest first/ });

describe('language and number format', () => {
  it('writes numbers as in the chosen locale, everywhere, and keeps the choice', async () => {
    const user = renderSettings();
    const select = screen.getByRole('combobox', { name: 'Numbers and dates' });
    await user.selectOptions(select, 'de-DE');
    expect(displayLocale()).toBe('de-DE');
    expect(formatNumber(1234.5)).toBe('1.234,5');
    expect(JSON.parse(localStorage.getItem('baton:preferences') ?? 'null')).toEqual({
      locale: 'de-DE',
    });
    // The sample under the choice shows a number, money and a day in that format.
    expect(screen.getByText(/^1\.234,5 · 12\.500\s€ · 04\.12\.2026$/)).toBeVisible();
    expect(lastNotice()).toBe('Numbers and dates are now written as in German (Germany).');
    await user.selectOptions(select, '');
    expect(localStorage.getItem('baton:preferences')).toBeNull();
    expect(displayLocale()).toBe(new Intl.NumberFormat().resolvedOptions().locale);
  });
});

describe('backups', () => {
  it('backs up now, lists it, and restores it in one click after a question; undo takes it back', async () => {
    const user = renderSettings();
    expect(await screen.findByText(/^No backups yet/)).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Back up now' }));
    const table = await backupsTable();
    const row = within(table).getAllByRole('row')[1]!;
    expect(row).toHaveTextContent('Backed up by hand');
    expect(row).toHaveTextContent(DEMO_PORTFOLIO.name);
    expect(row).toHaveTextContent(/\d+(\.\d)? KB/);

    const first = DEMO_PORTFOLIO.initiatives[0]!;
    await renameInitiative(first.id, 'Renamed after the backup');
    await user.click(within(row).getByRole('button', { name: /^Restore the backup of / }));
    const question = await screen.findByRole('dialog', { name: /^Restore the backup of / });
    expect(question).toHaveTextContent('Undo (Ctrl+Z) takes it back');
    await user.click(within(question).getByRole('button', { name: 'Restore' }));
    await waitFor(async () =>
      expect((await readPortfolio()).initiatives[0]?.name).toBe(first.name),
    );
    expect(lastNotice()).toMatch(/^Restored the backup of .*Undo \(Ctrl\+Z\) takes it back\.$/);
    // The restore backed up the portfolio as it was first, and is listed.
    await waitFor(async () =>
      expect(within(await backupsTable()).getByText('Before a restore')).toBeVisible(),
    );
    await undoLastEdit();
    expect((await readPortfolio()).initiatives[0]?.name).toBe('Renamed after the backup');
  });

  it('changes nothing when the question is cancelled', async () => {
    const user = renderSettings();
    await user.click(await screen.findByRole('button', { name: 'Back up now' }));
    const table = await backupsTable();
    await renameInitiative(DEMO_PORTFOLIO.initiatives[0]!.id, 'Kept');
    await user.click(within(table).getByRole('button', { name: /^Restore the backup of / }));
    const question = await screen.findByRole('dialog', { name: /^Restore the backup of / });
    await user.click(within(question).getByRole('button', { name: 'Cancel' }));
    expect((await readPortfolio()).initiatives[0]?.name).toBe('Kept');
  });
});

describe('persistent storage', () => {
  it('asks the browser and says whether it was granted', async () => {
    grant = true;
    const user = renderSettings();
    expect(await screen.findByText(/^Not persistent yet/)).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Ask the browser to keep the data' }));
    expect(await screen.findByText(/^Persistent storage is granted/)).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Ask the browser to keep the data' })).toBeNull();
  });

  it('says so when the browser says no', async () => {
    const user = renderSettings();
    await user.click(
      await screen.findByRole('button', { name: 'Ask the browser to keep the data' }),
    );
    expect(await screen.findByText(/The browser said no/)).toBeVisible();
  });
});

describe('all your data', () => {
  it('exports everything as one portfolio file that Open reads back', async () => {
    const user = renderSettings();
    await user.click(screen.getByRole('button', { name: 'Export everything…' }));
    await waitFor(() => expect(saveExportFile).toHaveBeenCalledTimes(1));
    const [name, text] = saveExportFile.mock.calls[0]!;
    expect(name).toMatch(/\.baton\.json$/);
    const read = readPortfolioText(String(text));
    expect(read.ok && read.portfolio.initiatives.length).toBe(DEMO_PORTFOLIO.initiatives.length);
    expect(lastNotice()).toBe(`Exported everything in "${DEMO_PORTFOLIO.name}" to your downloads.`);
  });

  it('deletes everything only after asking, backs up first, and the backup brings it back', async () => {
    const user = renderSettings();
    await user.click(screen.getByRole('button', { name: 'Delete everything…' }));
    const question = await screen.findByRole('dialog', { name: 'Delete everything?' });
    await user.click(within(question).getByRole('button', { name: 'Cancel' }));
    expect((await readPortfolio()).initiatives).toHaveLength(DEMO_PORTFOLIO.initiatives.length);

    await user.click(screen.getByRole('button', { name: 'Delete everything…' }));
    await user.click(
      within(await screen.findByRole('dialog', { name: 'Delete everything?' })).getByRole(
        'button',
        { name: 'Back up, then delete everything' },
      ),
    );
    await waitFor(async () => expect((await readPortfolio()).initiatives).toEqual([]));
    expect(lastNotice()).toMatch(
      /^Deleted everything: .* Settings › Backups brings it back \(Baton keeps it for at least 14 days\)/,
    );
    const table = await backupsTable();
    await waitFor(() =>
      expect(within(table).getByText(DEMO_PORTFOLIO.name, { exact: false })).toBeVisible(),
    );
    // Listed as what it is, apart from the backups taken by hand.
    const row = within(table).getByText(DEMO_PORTFOLIO.name, { exact: false }).closest('tr')!;
    expect(row).toHaveTextContent('Before Delete everything');
    await user.click(within(table).getByRole('button', { name: /^Restore the backup of / }));
    await user.click(
      within(await screen.findByRole('dialog', { name: /^Restore/ })).getByRole('button', {
        name: 'Restore',
      }),
    );
    await waitFor(async () =>
      expect((await readPortfolio()).initiatives).toHaveLength(DEMO_PORTFOLIO.initiatives.length),
    );
  });
});
