import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  AUDIENCE_POPUP_BLOCKED_MESSAGE,
  AUDIENCE_WINDOW_NAME,
  createBrowserPlatform,
} from '../../../renderer/platform/browser';
import { createElectronPlatform } from '../../../renderer/platform/electron';
import { fakeBridge } from './fake-bridge';

/** A pop-up as `window.open` returns it: only what the platform uses. */
function fakePopup() {
  const popup = {
    closed: false,
    focus: vi.fn(),
    close: vi.fn(() => {
      popup.closed = true;
    }),
  };
  return popup;
}

function stubOpen(...answers: (ReturnType<typeof fakePopup> | null)[]) {
  const open = vi.fn((..._args: unknown[]) => answers.shift() ?? null);
  vi.spyOn(window, 'open').mockImplementation(open as unknown as typeof window.open);
  return open;
}

afterEach(() => {
  vi.restoreAllMocks();
  window.location.hash = '';
});

describe('the audience window in a browser', () => {
  it('opens this page on the audience route in a named pop-up', async () => {
    window.location.hash = '#/board';
    const open = stubOpen(fakePopup());
    await expect(createBrowserPlatform().openAudienceWindow()).resolves.toEqual({
      ok: true,
      where: 'browser-window',
    });
    expect(open).toHaveBeenCalledTimes(1);
    const [url, name, features] = open.mock.calls[0] ?? [];
    const expected = new URL(window.location.href);
    expected.hash = '#/audience';
    expect(url).toBe(expected.href);
    expect(String(url).endsWith('#/audience')).toBe(true);
    expect(name).toBe(AUDIENCE_WINDOW_NAME);
    expect(name).toBe('baton-audience');
    expect(features).toBe('popup,width=1280,height=800');
  });

  it('tells the user to allow pop-ups when the browser blocks it', async () => {
    stubOpen(null);
    await expect(createBrowserPlatform().openAudienceWindow()).resolves.toEqual({
      ok: false,
      message:
        'The browser blocked the audience window: allow pop-ups for this page and try again.',
    });
    expect(AUDIENCE_POPUP_BLOCKED_MESSAGE).toMatch(/allow pop-ups/);
  });

  it('tries again after a block, and opens once pop-ups are allowed', async () => {
    const popup = fakePopup();
    const open = stubOpen(null, popup);
    const platform = createBrowserPlatform();
    await expect(platform.openAudienceWindow()).resolves.toMatchObject({ ok: false });
    await expect(platform.openAudienceWindow()).resolves.toMatchObject({ ok: true });
    expect(open).toHaveBeenCalledTimes(2);
  });

  it('brings the open pop-up forward instead of opening another', async () => {
    const popup = fakePopup();
    const open = stubOpen(popup, fakePopup());
    const platform = createBrowserPlatform();
    await platform.openAudienceWindow();
    await expect(platform.openAudienceWindow()).resolves.toEqual({
      ok: true,
      where: 'browser-window',
    });
    expect(open).toHaveBeenCalledTimes(1);
    expect(popup.focus).toHaveBeenCalledTimes(1);
  });

  it('opens a new pop-up when the user closed the last one', async () => {
    const first = fakePopup();
    const second = fakePopup();
    const open = stubOpen(first, second);
    const platform = createBrowserPlatform();
    await platform.openAudienceWindow();
    first.closed = true;
    await platform.openAudienceWindow();
    expect(open).toHaveBeenCalledTimes(2);
    expect(first.focus).not.toHaveBeenCalled();
  });

  it('closes the pop-up; closing again, or with none open, does nothing', async () => {
    const popup = fakePopup();
    stubOpen(popup);
    const platform = createBrowserPlatform();
    await platform.closeAudienceWindow();
    await platform.openAudienceWindow();
    await platform.closeAudienceWindow();
    await platform.closeAudienceWindow();
    expect(popup.close).toHaveBeenCalledTimes(1);
  });
});

describe('the audience window on the desktop', () => {
  it("passes main's answer on", async () => {
    const openAudienceWindow = vi.fn(async () => ({ ok: true, where: 'second-display' }) as const);
    const closeAudienceWindow = vi.fn(async () => undefined);
    const platform = createElectronPlatform(
      fakeBridge({ openAudienceWindow, closeAudienceWindow }),
    );
    await expect(platform.openAudienceWindow()).resolves.toEqual({
      ok: true,
      where: 'second-display',
    });
    await expect(platform.closeAudienceWindow()).resolves.toBeUndefined();
    expect(closeAudienceWindow).toHaveBeenCalledTimes(1);
  });

  it('turns a refusal of main, or an answer it cannot read, into a message for the user', async () => {
    const refused = createElectronPlatform(
      fakeBridge({
        openAudienceWindow: async () => {
          throw new Error(
            "Error invoking remote method 'app:open-audience-window': Error: no display",
          );
        },
      }),
    );
    await expect(refused.openAudienceWindow()).resolves.toEqual({
      ok: false,
      message: 'Baton could not open the audience window (no display).',
    });
    const odd = createElectronPlatform(
      fakeBridge({ openAudienceWindow: async () => ({ ok: true, where: 'moon' }) as never }),
    );
    await expect(odd.openAudienceWindow()).resolves.toEqual({
      ok: false,
      message: 'Baton could not open the audience window.',
    });
  });
});
