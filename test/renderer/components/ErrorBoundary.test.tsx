/**
 * A safe start. A stored portfolio that cannot be shown at start opens the recovery screen
 * (restore a backup, save the stored data as a file, open another file, load the demo, start
 * empty) instead of an error page; once the portfolio was shown, one record an area cannot show
 * replaces only that area, while the File menu still works.
 */
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEMO_PORTFOLIO } from '../../../shared/demo/demo-portfolio';
import { App } from '../../../renderer/app/App';
import { FILE_RECOVERY } from '../../../renderer/app/recovery';
import { backupNow } from '../../../renderer/backup/backups';
import { ErrorBoundary } from '../../../renderer/components/ErrorBoundary';
import { db } from '../../../renderer/db/database';
import { forgetState, readPortfolio } from '../../../renderer/db/repository';
import { getPlatform, setPlatform } from '../../../renderer/platform';
import type { Platform } from '../../../renderer/platform/types';
import { freshApp } from '../app/fresh-app';

const browserPlatform = getPlatform();
const saveExportFile = vi.fn<Platform['saveExportFile']>();

beforeEach(async () => {
  await freshApp();
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  const { backups } = browserPlatform;
  await backups.remove((await backups.list()).map((backup) => backup.id));
  saveExportFile.mockReset();
  saveExportFile.mockResolvedValue({ location: 'your downloads' });
  setPlatform({ ...browserPlatform, saveExportFile });
});

afterEach(() => {
  setPlatform(browserPlatform);
  vi.restoreAllMocks();
});

/** A stored initiative whose id no link can carry, as an older version could have stored. */
async function storeBrokenInitiative(): Promise<void> {
  await db.initiatives.add({ id: 'broken\ud800', name: 'Broken', status: 'proposed', order: 'zz' });
  // As at a new start: this window's copy of the portfolio is read again.
  forgetState();
}

/** The app as main.tsx starts it: inside the recovery screen's boundary. */
const StartedApp = () => (
  <ErrorBoundary recovery={FILE_RECOVERY}>
    <App />
  </ErrorBoundary>
);

const recoveryScreen = () =>
  screen.findByRole('heading', { level: 1, name: 'Baton hit a problem' });

describe('a stored portfolio that cannot be shown at start', () => {
  it('opens the recovery screen, whose backup brings the portfolio back', async () => {
    const backup = await backupNow('manual');
    expect(backup).not.toBeNull();
    await storeBrokenInitiative();
    const user = userEvent.setup();
    render(<StartedApp />);
    await recoveryScreen();
    const backups = screen.getByRole('region', { name: 'Restore a backup' });
    expect(await within(backups).findByText(/Corvane Logistics 2027 portfolio/)).toBeVisible();
    await user.click(within(backups).getByRole('button', { name: /^Restore the backup of / }));
    expect(
      await screen.findByRole('heading', { level: 1, name: DEMO_PORTFOLIO.name }),
    ).toBeVisible();
    const ids = (await readPortfolio()).initiatives.map((initiative) => initiative.id);
    expect(ids).not.toContain('broken\ud800');
    expect(ids).toHaveLength(DEMO_PORTFOLIO.initiatives.length);
  });

  it('saves the stored data as a file, and loads the demo in its place', async () => {
    await storeBrokenInitiative();
    const user = userEvent.setup();
    render(<StartedApp />);
    await recoveryScreen();
    await waitFor(() =>
      expect(screen.getByRole('region', { name: 'Restore a backup' })).toHaveTextContent(
        /There are no backups yet/,
      ),
    );
    await user.click(screen.getByRole('button', { name: 'Save the stored data as a file…' }));
    await waitFor(() => expect(saveExportFile).toHaveBeenCalledTimes(1));
    expect(String(saveExportFile.mock.calls[0]![1])).toContain('"name": "Broken"');
    expect(
      await screen.findByText(/^The stored portfolio was saved to your downloads/),
    ).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Load the demo portfolio' }));
    expect(
      await screen.findByRole('heading', { level: 1, name: DEMO_PORTFOLIO.name }),
    ).toBeVisible();
    expect((await readPortfolio()).initiatives).toHaveLength(DEMO_PORTFOLIO.initiatives.length);
  });

  it('saves every stored row when the stored data no longer reads as a portfolio', async () => {
    await db.meta.delete('portfolio');
    const user = userEvent.setup();
    render(<StartedApp />);
    await recoveryScreen();
    expect(
      screen.getByText('The error: The portfolio is missing from the database.'),
    ).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Save the stored data as a file…' }));
    await waitFor(() => expect(saveExportFile).toHaveBeenCalledTimes(1));
    const [name, text] = saveExportFile.mock.calls[0]!;
    expect(name).toBe('baton-stored-data.json');
    const saved = JSON.parse(String(text)) as { tables: Record<string, unknown[]> };
    expect(saved.tables.initiatives).toHaveLength(DEMO_PORTFOLIO.initiatives.length);
    expect(await screen.findByText(/every record as stored/)).toBeVisible();
  });
});

describe('a record the app cannot show, once the portfolio was shown', () => {
  it('replaces only its area; File › New empty portfolio gets the app back', async () => {
    const user = userEvent.setup();
    render(<App />);
    await screen.findByRole('heading', { level: 1, name: DEMO_PORTFOLIO.name });
    await screen.findByText(`${DEMO_PORTFOLIO.initiatives.length} initiatives`);
    // The user starts to work: from now on a problem stays in its area.
    await user.click(screen.getByLabelText('Search'));
    await storeBrokenInitiative();
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByRole('heading', { name: 'Portfolio hit a problem' })).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'File' }));
    await user.click(await screen.findByRole('button', { name: /New empty portfolio/ }));
    const dialog = screen.queryByRole('dialog');
    if (dialog) await user.click(within(dialog).getByRole('button', { name: 'Replace' }));
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
    expect((await readPortfolio()).initiatives).toEqual([]);
  });
});

function Broken(): never {
  throw new Error('Something in the portfolio could not be drawn.');
}

describe('the recovery screen', () => {
  it('says what happened and starts with an empty portfolio without the rest of the app', async () => {
    const user = userEvent.setup();
    let broken = true;
    function MaybeBroken() {
      return broken ? <Broken /> : <p>Back to work</p>;
    }
    render(
      <ErrorBoundary recovery={FILE_RECOVERY}>
        <MaybeBroken />
      </ErrorBoundary>,
    );
    expect(screen.getByRole('heading', { name: 'Baton hit a problem' })).toBeVisible();
    expect(
      screen.getByText('The error: Something in the portfolio could not be drawn.'),
    ).toBeVisible();
    expect(screen.getByText(/Baton could not show the portfolio/)).toBeVisible();
    broken = false;
    await user.click(screen.getByRole('button', { name: 'Start with an empty portfolio' }));
    expect(await screen.findByText('Back to work')).toBeVisible();
    expect((await readPortfolio()).initiatives).toEqual([]);
  });

  it("says a storage error in words, keeping the browser's as a detail", () => {
    function Full(): never {
      throw new DOMException(
        'Internal error opening backing store for indexedDB.open.',
        'UnknownError',
      );
    }
    render(
      <ErrorBoundary recovery={FILE_RECOVERY}>
        <Full />
      </ErrorBoundary>,
    );
    expect(
      screen.getByText(/^Baton’s storage on this computer could not be read or written/),
    ).toBeVisible();
    expect(
      screen.getByText(/^The browser said: Internal error opening backing store/),
    ).toBeVisible();
  });
});
