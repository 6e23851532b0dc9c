/**
 * One record the app cannot show must leave a way out: the area shows the problem while the File
 * menu still works, and the last-resort screen can start again without the rest of the app.
 */
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../renderer/app/App';
import { FILE_RECOVERY } from '../../../renderer/app/recovery';
import { ErrorBoundary } from '../../../renderer/components/ErrorBoundary';
import { db } from '../../../renderer/db/database';
import { readPortfolio } from '../../../renderer/db/repository';
import { freshApp } from '../app/fresh-app';

beforeEach(async () => {
  await freshApp();
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});

/** A stored initiative whose id no link can carry, as an older version could have stored. */
async function storeBrokenInitiative(): Promise<void> {
  await db.initiatives.add({ id: 'broken\ud800', name: 'Broken', status: 'proposed', order: 'zz' });
}

describe('a record the app cannot show', () => {
  it('replaces only its area; File › New empty portfolio gets the app back', async () => {
    await storeBrokenInitiative();
    const user = userEvent.setup();
    render(<App />);
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

describe('the last-resort screen', () => {
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
    expect(screen.getByText('Something in the portfolio could not be drawn.')).toBeVisible();
    broken = false;
    await user.click(screen.getByRole('button', { name: 'Start with an empty portfolio' }));
    expect(await screen.findByText('Back to work')).toBeVisible();
    expect((await readPortfolio()).initiatives).toEqual([]);
  });
});
