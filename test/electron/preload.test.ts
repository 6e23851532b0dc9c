import { beforeEach, describe, expect, it, vi } from 'vitest';
import { MENU_COMMAND_CHANNEL, type BatonBridge } from '../../shared/ipc/contract';

const electron = vi.hoisted(() => {
  type Listener = (event: unknown, ...args: unknown[]) => void;
  const listeners = new Map<string, Set<Listener>>();
  return {
    exposed: new Map<string, unknown>(),
    listeners,
    ipcRenderer: {
      invoke: vi.fn(async (..._args: unknown[]) => 'answer'),
      on: vi.fn((channel: string, listener: Listener) => {
        const set = listeners.get(channel) ?? new Set<Listener>();
        set.add(listener);
        listeners.set(channel, set);
      }),
      removeListener: vi.fn((channel: string, listener: Listener) => {
        listeners.get(channel)?.delete(listener);
      }),
    },
    /** Delivers a message from main the way `webContents.send` would. */
    emit: (channel: string, value: unknown) => {
      for (const listener of listeners.get(channel) ?? []) listener({ sender: 'secret' }, value);
    },
  };
});

vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (key: string, api: unknown) => electron.exposed.set(key, api),
  },
  ipcRenderer: electron.ipcRenderer,
}));

await import('../../electron/preload');
const baton = electron.exposed.get('baton') as BatonBridge;

beforeEach(() => {
  electron.ipcRenderer.invoke.mockClear();
});

describe('preload', () => {
  it('exposes exactly one bridge, window.baton, with one method per channel plus menu events', () => {
    expect([...electron.exposed.keys()]).toEqual(['baton']);
    expect(Object.keys(baton).sort()).toEqual(
      [
        'getInfo',
        'listRecent',
        'onMenuCommand',
        'openExternal',
        'openPortfolio',
        'openRecent',
        'savePortfolio',
        'exportPack',
        'openAudienceWindow',
        'closeAudienceWindow',
        'openImportFile',
        'saveExportFile',
        'listBackups',
        'writeBackup',
        'readBackup',
        'removeBackups',
      ].sort(),
    );
    for (const value of Object.values(baton)) expect(typeof value).toBe('function');
  });

  it('never hands the page ipcRenderer or its methods', () => {
    const values = Object.values(baton);
    expect(values).not.toContain(electron.ipcRenderer);
    expect(values).not.toContain(electron.ipcRenderer.invoke);
    expect(values).not.toContain(electron.ipcRenderer.on);
  });

  it.each([
    ['openPortfolio', [], ['app:open-portfolio']],
    ['listRecent', [], ['app:list-recent']],
    ['getInfo', [], ['app:get-info']],
    ['openAudienceWindow', [], ['app:open-audience-window']],
    ['closeAudienceWindow', [], ['app:close-audience-window']],
    ['openRecent', [{ index: 3 }], ['app:open-recent', { index: 3 }]],
    ['openImportFile', [], ['app:open-import-file']],
    ['listBackups', [], ['app:list-backups']],
    [
      'saveExportFile',
      [{ suggestedName: 'initiatives.csv', data: 'id\n' }],
      ['app:save-export-file', { suggestedName: 'initiatives.csv', data: 'id\n' }],
    ],
    [
      'writeBackup',
      [{ meta: { reason: 'manual', summary: 's', portfolioName: 'p' }, text: '{}' }],
      [
        'app:write-backup',
        { meta: { reason: 'manual', summary: 's', portfolioName: 'p' }, text: '{}' },
      ],
    ],
    ['readBackup', [{ id: 'x' }], ['app:read-backup', { id: 'x' }]],
    ['removeBackups', [{ ids: ['x'] }], ['app:remove-backups', { ids: ['x'] }]],
    [
      'savePortfolio',
      [{ suggestedName: 'plan.baton.json', text: '{}' }],
      ['app:save-portfolio', { suggestedName: 'plan.baton.json', text: '{}' }],
    ],
    [
      'exportPack',
      [{ suggestedName: 'pack.pdf', input: { portfolio: {}, settings: {} } }],
      ['app:export-pack', { suggestedName: 'pack.pdf', input: { portfolio: {}, settings: {} } }],
    ],
    [
      'openExternal',
      [{ url: 'https://docs.baton.app/' }],
      ['app:open-external', { url: 'https://docs.baton.app/' }],
    ],
  ] as const)('%s invokes its channel', async (method, args, expected) => {
    const call = baton[method] as (...values: readonly unknown[]) => Promise<unknown>;
    await expect(call(...args)).resolves.toBe('answer');
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledWith(...expected);
  });

  it('passes valid menu commands to the listener, without the IPC event', () => {
    const listener = vi.fn();
    const unsubscribe = baton.onMenuCommand(listener);
    electron.emit(MENU_COMMAND_CHANNEL, { type: 'undo' });
    electron.emit(MENU_COMMAND_CHANNEL, { type: 'open-recent', index: 2 });
    electron.emit(MENU_COMMAND_CHANNEL, { type: 'settings' });
    electron.emit(MENU_COMMAND_CHANNEL, { type: 'import' });
    electron.emit(MENU_COMMAND_CHANNEL, { type: 'export', path: '/etc' });
    expect(listener.mock.calls).toEqual([
      [{ type: 'undo' }],
      [{ type: 'open-recent', index: 2 }],
      [{ type: 'settings' }],
      [{ type: 'import' }],
      [{ type: 'export' }],
    ]);
    unsubscribe();
  });

  it('drops malformed menu commands', () => {
    const listener = vi.fn();
    const unsubscribe = baton.onMenuCommand(listener);
    for (const value of [
      null,
      'undo',
      { type: 'format-disk' },
      { type: 'open-recent', index: -1 },
    ]) {
      electron.emit(MENU_COMMAND_CHANNEL, value);
    }
    expect(listener).not.toHaveBeenCalled();
    unsubscribe();
  });

  it('stops delivering after unsubscribe, leaving other listeners subscribed', () => {
    const first = vi.fn();
    const second = vi.fn();
    const unsubscribeFirst = baton.onMenuCommand(first);
    const unsubscribeSecond = baton.onMenuCommand(second);
    unsubscribeFirst();
    electron.emit(MENU_COMMAND_CHANNEL, { type: 'new' });
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledWith({ type: 'new' });
    unsubscribeSecond();
    expect(electron.listeners.get(MENU_COMMAND_CHANNEL)?.size ?? 0).toBe(0);
  });
});
