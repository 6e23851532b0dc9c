import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { MenuCommand } from '../../../shared/ipc/contract';
import { DEMO_PORTFOLIO } from '../../../shared/demo/demo-portfolio';
import { App } from '../../../renderer/app/App';
import { Sidebar } from '../../../renderer/app/Sidebar';
import { useAppCommands } from '../../../renderer/app/useAppCommands';
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

// jsdom has no modal dialogs: opening one here just marks it open, so that it can be found.
withDialogPolyfill();

beforeEach(() => {
  setProfileName('');
  localStorage.clear();
  openPortfolioFile.mockClear();
  useAppStore.setState({
    settingsOpen: false,
    notices: [],
    refusedFile: null,
  });
});

/** The parts of the app the Settings dialog lives in: its shortcuts and menu, the sidebar. */
function Shell() {
  useAppCommands();
  return <Sidebar />;
}

/** The text of the last notice the app gave. */
const lastNotice = () => useAppStore.getState().notices.at(-1)?.text;

const settingsDialog = () => screen.getByRole('dialog', { name: 'Settings' });
const nameField = () => within(settingsDialog()).getByLabelText('Your name');

describe('your name, in Settings', () => {
  it('opens from the native menu and is kept in local storage', async () => {
    const user = userEvent.setup();
    render(<Shell />);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    act(() => menuListener?.({ type: 'settings' }));
    // The account's name stands in until the user gives one.
    expect(nameField()).toHaveAttribute('placeholder', 'ada');
    expect(profileName()).toBe('ada');
    await user.type(nameField(), 'Ada Lovelace{Enter}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(profileName()).toBe('Ada Lovelace');
    expect(JSON.parse(localStorage.getItem('baton:profile') ?? 'null')).toEqual({
      name: 'Ada Lovelace',
    });
    expect(lastNotice()).toBe('Your changes are recorded as made by Ada Lovelace.');
  });

  it('opens with Ctrl+, in the browser, showing the saved name; Cancel keeps it', async () => {
    setProfileName('Grace Hopper');
    const user = userEvent.setup();
    render(<Shell />);
    await user.keyboard('{Control>},{/Control}');
    expect(nameField()).toHaveValue('Grace Hopper');
    await user.clear(nameField());
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(profileName()).toBe('Grace Hopper');
  });

  it('clears the name with an empty one, and says the account name stands in', async () => {
    setProfileName('Grace Hopper');
    const user = userEvent.setup();
    render(<Shell />);
    await user.keyboard('{Control>},{/Control}');
    await user.clear(nameField());
    await user.keyboard('{Enter}');
    expect(localStorage.getItem('baton:profile')).toBeNull();
    expect(profileName()).toBe('ada');
    expect(lastNotice()).toBe(
      'No name saved: your changes are recorded as made by ada, your account name.',
    );
  });

  it('keeps the app shortcuts away while it is open', async () => {
    const user = userEvent.setup();
    render(<Shell />);
    await user.keyboard('{Control>},{/Control}');
    await user.type(nameField(), 'Grace');
    await user.keyboard('{Control>}o{/Control}');
    expect(openPortfolioFile).not.toHaveBeenCalled();
    expect(settingsDialog()).toBeInTheDocument();
  });

  it("is in the app's File menu, and gives the focus back to the menu's button", async () => {
    await freshApp();
    const user = userEvent.setup();
    render(<App />);
    await screen.findByRole('heading', { level: 1, name: DEMO_PORTFOLIO.name });
    const file = screen.getByRole('button', { name: 'File' });
    await user.click(file);
    await user.click(screen.getByRole('button', { name: /^Settings…/ }));
    await user.type(nameField(), 'Katherine Johnson');
    await user.click(within(settingsDialog()).getByRole('button', { name: 'Save' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(profileName()).toBe('Katherine Johnson');
    expect(file).toHaveFocus();
  });
});
