/**
 * Settings is an area: the Settings… command (the native menu, Ctrl+, and the File menu) leads
 * there with the focus in "Your name", which is kept in local storage as before.
 */
import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { MenuCommand } from '../../../shared/ipc/contract';
import { DEMO_PORTFOLIO } from '../../../shared/demo/demo-portfolio';
import { App } from '../../../renderer/app/App';
import { getPlatform, setPlatform } from '../../../renderer/platform';
import { profileName, setProfileName } from '../../../renderer/state/profile';
import { useAppStore } from '../../../renderer/state/store';
import { freshApp } from './fresh-app';
import { withDialogPolyfill } from '../dialog-polyfill';

// A browser platform whose "OS account" is ada, with a native menu the test can use.
let menuListener: ((command: MenuCommand) => void) | undefined;
const openPortfolioFile = vi.fn(async () => null);
setPlatform({
  ...getPlatform(),
  defaultProfileName: async () => 'ada',
  openPortfolioFile,
  onMenuCommand: (listener) => {
    menuListener = listener;
    return () => {
      menuListener = undefined;
    };
  },
});

withDialogPolyfill();

beforeEach(async () => {
  await freshApp();
  setProfileName('');
  localStorage.clear();
  openPortfolioFile.mockClear();
});

/** The text of the last notice the app gave. */
const lastNotice = () => useAppStore.getState().notices.at(-1)?.text;
const nameField = () => screen.getByRole('textbox', { name: 'Your name' });

async function startApp() {
  const user = userEvent.setup();
  render(<App />);
  await screen.findByRole('heading', { level: 1, name: DEMO_PORTFOLIO.name });
  return user;
}

describe('Settings', () => {
  it('opens from the native menu as an area, with the focus in Your name', async () => {
    const user = await startApp();
    act(() => menuListener?.({ type: 'settings' }));
    expect(await screen.findByRole('heading', { level: 2, name: 'Settings' })).toBeVisible();
    expect(window.location.hash).toBe('#/settings');
    await waitFor(() => expect(nameField()).toHaveFocus());
    // The account's name stands in until the user gives one.
    expect(nameField()).toHaveAttribute('placeholder', 'ada');
    expect(profileName()).toBe('ada');
    await user.type(nameField(), 'Ada Lovelace{Enter}');
    expect(profileName()).toBe('Ada Lovelace');
    expect(JSON.parse(localStorage.getItem('baton:profile') ?? 'null')).toEqual({
      name: 'Ada Lovelace',
    });
    expect(lastNotice()).toBe('Your changes are recorded as made by Ada Lovelace.');
  });

  it('opens with Ctrl+, and from the File menu', async () => {
    const user = await startApp();
    await user.keyboard('{Control>},{/Control}');
    expect(await screen.findByRole('heading', { level: 2, name: 'Settings' })).toBeVisible();
    await user.click(screen.getByRole('link', { name: /Portfolio/ }));
    await user.click(screen.getByRole('button', { name: 'File' }));
    await user.click(screen.getByRole('button', { name: /^Settings…/ }));
    await waitFor(() => expect(nameField()).toHaveFocus());
  });

  it('leads there when anything raises the old dialog flag', async () => {
    await startApp();
    act(() => useAppStore.getState().setSettingsOpen(true));
    expect(await screen.findByRole('heading', { level: 2, name: 'Settings' })).toBeVisible();
    expect(useAppStore.getState().settingsOpen).toBe(false);
  });

  it('refuses a name that is too long, and clears the name with an empty one', async () => {
    setProfileName('Grace Hopper');
    const user = await startApp();
    await user.click(screen.getByRole('link', { name: 'Settings' }));
    expect(nameField()).toHaveValue('Grace Hopper');
    await user.clear(nameField());
    await user.type(nameField(), 'x'.repeat(81));
    await user.click(screen.getByRole('button', { name: 'Save name' }));
    expect(nameField()).toHaveAttribute('aria-invalid', 'true');
    expect(
      screen.getByText('Your name can be at most 80 characters; this one has 81.'),
    ).toBeVisible();
    expect(profileName()).toBe('Grace Hopper');
    await user.clear(nameField());
    await user.click(screen.getByRole('button', { name: 'Save name' }));
    expect(localStorage.getItem('baton:profile')).toBeNull();
    expect(profileName()).toBe('ada');
    expect(lastNotice()).toBe(
      'No name saved: your changes are recorded as made by ada, your account name.',
    );
  });
});
