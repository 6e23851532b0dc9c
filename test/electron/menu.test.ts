import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import type { MenuCommand } from '../../shared/ipc/contract';

const electron = vi.hoisted(() => ({
  applied: [] as unknown[],
}));

vi.mock('electron', () => ({
  Menu: {
    buildFromTemplate: (template: unknown) => ({ template }),
    setApplicationMenu: (menu: unknown) => electron.applied.push(menu),
  },
}));

const { buildMenuTemplate, installApplicationMenu, recentFileLabel } =
  await import('../../electron/menu');

type Options = Parameters<typeof buildMenuTemplate>[0];

function build(overrides: Partial<Options> = {}) {
  const actions = { sendCommand: vi.fn(), openDocs: vi.fn(), clearRecent: vi.fn() };
  const options: Options = {
    platform: 'linux',
    appName: 'Baton',
    isPackaged: true,
    recentFiles: ['/home/ada/plans/2026.baton.json', '/mnt/share/R&D.baton.json'],
    homeDir: '/home/ada',
    actions,
    ...overrides,
  };
  return { template: buildMenuTemplate(options), actions };
}

function submenuOf(item: MenuItemConstructorOptions | undefined): MenuItemConstructorOptions[] {
  const submenu = item?.submenu;
  if (!Array.isArray(submenu)) throw new Error(`${item?.label ?? item?.role} has no submenu`);
  return submenu;
}

function menu(template: MenuItemConstructorOptions[], label: string) {
  return submenuOf(template.find((item) => item.label === label || item.role === label));
}

function item(items: MenuItemConstructorOptions[], label: string) {
  const found = items.find((entry) => entry.label === label || entry.role === label);
  if (found === undefined) throw new Error(`no menu item ${label}`);
  return found;
}

function click(entry: MenuItemConstructorOptions): void {
  (entry.click as (() => void) | undefined)?.();
}

describe('buildMenuTemplate', () => {
  it('has File, Edit, View and Help on Windows and Linux', () => {
    for (const platform of ['linux', 'win32'] as const) {
      const { template } = build({ platform });
      expect(template.map((entry) => entry.label ?? entry.role)).toEqual([
        'File',
        'Edit',
        'View',
        'help',
      ]);
    }
  });

  it('puts the app menu first and adds the Window menu on macOS', () => {
    const { template, actions } = build({ platform: 'darwin' });
    expect(template.map((entry) => entry.label ?? entry.role)).toEqual([
      'Baton',
      'File',
      'Edit',
      'View',
      'windowMenu',
      'help',
    ]);
    const appMenu = menu(template, 'Baton');
    click(item(appMenu, 'About Baton'));
    expect(actions.sendCommand).toHaveBeenCalledWith({ type: 'about' });
    const settings = item(appMenu, 'Settings…');
    expect(settings.accelerator).toBe('CmdOrCtrl+,');
    click(settings);
    expect(actions.sendCommand).toHaveBeenLastCalledWith({ type: 'settings' });
    expect(appMenu.map((entry) => entry.role).filter(Boolean)).toContain('quit');
    // Quit is in the app menu on macOS, so File closes the window instead.
    expect(menu(template, 'File').at(-1)).toEqual({ role: 'close' });
    // Settings is in the app menu only.
    expect(menu(template, 'File').map((entry) => entry.label)).not.toContain('Settings…');
  });

  it('sends the File commands to the renderer with their shortcuts', () => {
    const { template, actions } = build();
    const file = menu(template, 'File');
    const expected: [string, string, MenuCommand][] = [
      ['New', 'CmdOrCtrl+N', { type: 'new' }],
      ['Open…', 'CmdOrCtrl+O', { type: 'open' }],
      ['Save As…', 'CmdOrCtrl+Shift+S', { type: 'save-as' }],
      ['Settings…', 'CmdOrCtrl+,', { type: 'settings' }],
    ];
    for (const [label, accelerator, command] of expected) {
      const entry = item(file, label);
      expect(entry.accelerator).toBe(accelerator);
      click(entry);
      expect(actions.sendCommand).toHaveBeenLastCalledWith(command);
    }
    expect(file.map((entry) => entry.label ?? entry.role ?? entry.type)).toEqual([
      'New',
      'Open…',
      'Open Recent',
      'Save As…',
      'separator',
      'Import…',
      'Export…',
      'separator',
      'Settings…',
      'separator',
      'quit',
    ]);
  });

  it('sends Import and Export to the renderer, without shortcuts that text fields use', () => {
    for (const platform of ['linux', 'darwin'] as const) {
      const { template, actions } = build({ platform });
      const file = menu(template, 'File');
      for (const [label, type] of [
        ['Import…', 'import'],
        ['Export…', 'export'],
      ] as const) {
        const entry = item(file, label);
        expect(entry.accelerator).toBeUndefined();
        click(entry);
        expect(actions.sendCommand).toHaveBeenLastCalledWith({ type });
      }
    }
  });

  it('lists recent files newest first and opens them by index', () => {
    const { template, actions } = build();
    const recent = submenuOf(item(menu(template, 'File'), 'Open Recent'));
    expect(recent.map((entry) => entry.label ?? entry.type)).toEqual([
      '~/plans/2026.baton.json',
      '/mnt/share/R&&D.baton.json',
      'separator',
      'Clear Recent',
    ]);
    click(recent[1] as MenuItemConstructorOptions);
    expect(actions.sendCommand).toHaveBeenCalledWith({ type: 'open-recent', index: 1 });
    const clear = item(recent, 'Clear Recent');
    expect(clear.enabled).toBe(true);
    click(clear);
    expect(actions.clearRecent).toHaveBeenCalled();
  });

  it('shows an empty recent list as such, with Clear disabled', () => {
    const { template } = build({ recentFiles: [] });
    const recent = submenuOf(item(menu(template, 'File'), 'Open Recent'));
    expect(recent[0]).toMatchObject({ label: 'No Recent Files', enabled: false });
    expect(item(recent, 'Clear Recent').enabled).toBe(false);
  });

  it('sends undo and redo to the renderer without registering the keys twice', () => {
    const { template, actions } = build();
    const edit = menu(template, 'Edit');
    const undo = item(edit, 'Undo');
    const redo = item(edit, 'Redo');
    expect(undo).toMatchObject({ accelerator: 'CmdOrCtrl+Z', registerAccelerator: false });
    expect(redo).toMatchObject({ accelerator: 'CmdOrCtrl+Shift+Z', registerAccelerator: false });
    click(undo);
    click(redo);
    expect(actions.sendCommand.mock.calls).toEqual([[{ type: 'undo' }], [{ type: 'redo' }]]);
    expect(edit.map((entry) => entry.role).filter(Boolean)).toEqual([
      'cut',
      'copy',
      'paste',
      'selectAll',
    ]);
  });

  it('offers developer tools only when not packaged', () => {
    const roles = (isPackaged: boolean) =>
      menu(build({ isPackaged }).template, 'View').map((entry) => entry.role);
    expect(roles(true)).not.toContain('toggleDevTools');
    expect(roles(false)).toContain('toggleDevTools');
    expect(roles(true)).toEqual(
      expect.arrayContaining(['reload', 'resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']),
    );
  });

  it('opens the documentation and the About box from Help', () => {
    const { template, actions } = build();
    const help = menu(template, 'help');
    click(item(help, 'Baton Documentation'));
    expect(actions.openDocs).toHaveBeenCalled();
    click(item(help, 'About Baton'));
    expect(actions.sendCommand).toHaveBeenCalledWith({ type: 'about' });
  });
});

describe('recentFileLabel', () => {
  it('shortens the home folder and escapes mnemonics where they exist', () => {
    expect(recentFileLabel('/home/ada/a&b.json', '/home/ada', 'linux')).toBe('~/a&&b.json');
    expect(recentFileLabel('/Users/ada/a&b.json', '/Users/ada/', 'darwin')).toBe('~/a&b.json');
    expect(recentFileLabel('/home/adam/x.json', '/home/ada', 'linux')).toBe('/home/adam/x.json');
    expect(recentFileLabel('C:\\Users\\ada\\R&D.json', 'C:\\Users\\ada', 'win32')).toBe(
      'C:\\Users\\ada\\R&&D.json',
    );
  });
});

describe('installApplicationMenu', () => {
  it('builds the template and installs it as the application menu', () => {
    installApplicationMenu({
      platform: 'linux',
      appName: 'Baton',
      isPackaged: true,
      recentFiles: [],
      homeDir: '/home/ada',
      actions: { sendCommand: vi.fn(), openDocs: vi.fn(), clearRecent: vi.fn() },
    });
    expect(electron.applied).toHaveLength(1);
    const applied = electron.applied[0] as { template: MenuItemConstructorOptions[] };
    expect(applied.template.map((entry) => entry.label ?? entry.role)).toContain('File');
  });
});
