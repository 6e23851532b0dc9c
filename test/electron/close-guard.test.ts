import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({}));

const { STORE_EDITS_SCRIPT, storeEditsBeforeClose } = await import('../../electron/close-guard');

/** A window whose `close()` emits `close` the way Electron's does, and closes unless held. */
class FakeWindow extends EventEmitter {
  closed = false;
  readonly webContents = { executeJavaScript: vi.fn<(code: string) => Promise<unknown>>() };
  isDestroyed = () => this.closed;
  close = () => {
    let held = false;
    this.emit('close', { preventDefault: () => (held = true) });
    if (!held) this.closed = true;
  };
}

function guarded(options: { quitting?: boolean } = {}) {
  const window = new FakeWindow();
  const quit = vi.fn();
  storeEditsBeforeClose(window as never, {
    timeoutMs: 1000,
    quitting: () => options.quitting ?? false,
    quit,
  });
  return { window, quit };
}

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('closing a window', () => {
  it('asks the page to store its edits first, and closes once it has', async () => {
    const { window } = guarded();
    let stored!: (count: number) => void;
    window.webContents.executeJavaScript.mockReturnValue(
      new Promise((resolve) => (stored = resolve)),
    );
    window.close();
    expect(window.webContents.executeJavaScript).toHaveBeenCalledWith(STORE_EDITS_SCRIPT);
    expect(window.closed).toBe(false);

    // A second click on the close button while the page is storing does not ask again.
    window.close();
    expect(window.webContents.executeJavaScript).toHaveBeenCalledTimes(1);
    expect(window.closed).toBe(false);

    stored(2);
    await vi.runAllTimersAsync();
    expect(window.closed).toBe(true);
  });

  it('closes after the timeout when the page does not answer', async () => {
    const { window } = guarded();
    window.webContents.executeJavaScript.mockReturnValue(new Promise(() => undefined));
    window.close();
    await vi.advanceTimersByTimeAsync(999);
    expect(window.closed).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(window.closed).toBe(true);
  });

  it('closes when the page fails to answer', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { window } = guarded();
    window.webContents.executeJavaScript.mockRejectedValue(new Error('page crashed'));
    window.close();
    await vi.runAllTimersAsync();
    expect(window.closed).toBe(true);
    expect(warn).toHaveBeenCalled();
    warn.mockRestore();
  });

  it('quits the app again when the held close was part of a quit', async () => {
    const { window, quit } = guarded({ quitting: true });
    window.webContents.executeJavaScript.mockResolvedValue(0);
    window.close();
    await vi.runAllTimersAsync();
    expect(quit).toHaveBeenCalledTimes(1);
  });
});
