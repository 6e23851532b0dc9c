import { describe, expect, it } from 'vitest';
import { commandForKey } from '../../../renderer/app/useAppCommands';

const key = (
  k: string,
  mods: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }> = {},
) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

describe('keyboard shortcuts', () => {
  it('maps Ctrl+Z to undo, Ctrl+Shift+Z and Ctrl+Y to redo, with Cmd on a Mac too', () => {
    expect(commandForKey(key('z', { ctrlKey: true }), 'browser')).toEqual({ type: 'undo' });
    expect(commandForKey(key('Z', { ctrlKey: true, shiftKey: true }), 'browser')).toEqual({
      type: 'redo',
    });
    expect(commandForKey(key('y', { ctrlKey: true }), 'electron')).toEqual({ type: 'redo' });
    expect(commandForKey(key('z', { metaKey: true }), 'electron')).toEqual({ type: 'undo' });
  });

  it('leaves file shortcuts to the native menu on the desktop', () => {
    expect(commandForKey(key('o', { ctrlKey: true }), 'browser')).toEqual({ type: 'open' });
    expect(commandForKey(key('o', { ctrlKey: true }), 'electron')).toBeNull();
    expect(commandForKey(key('S', { ctrlKey: true, shiftKey: true }), 'browser')).toEqual({
      type: 'save-as',
    });
  });

  it('opens Settings with Ctrl+, in the browser; the native menu has it on the desktop', () => {
    expect(commandForKey(key(',', { ctrlKey: true }), 'browser')).toEqual({ type: 'settings' });
    expect(commandForKey(key(',', { metaKey: true }), 'browser')).toEqual({ type: 'settings' });
    expect(commandForKey(key(',', { ctrlKey: true }), 'electron')).toBeNull();
    expect(commandForKey(key(','), 'browser')).toBeNull();
  });

  it('ignores plain keys and Alt combinations', () => {
    expect(commandForKey(key('z'), 'browser')).toBeNull();
    expect(commandForKey(key('z', { ctrlKey: true, altKey: true }), 'browser')).toBeNull();
  });
});
