import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Platform } from '../../../renderer/platform';
import type * as Profile from '../../../renderer/state/profile';

type ProfileModule = typeof Profile;

const KEY = 'baton:profile';

/**
 * The profile module as on a fresh page: nothing read yet, the platform not asked. The platform
 * offers `defaultName` (or fails to answer when it is an Error).
 */
async function freshProfile(defaultName?: string | Error): Promise<{
  profile: ProfileModule;
  asked: ReturnType<typeof vi.fn>;
}> {
  vi.resetModules();
  const platform = await import('../../../renderer/platform');
  const asked = vi.fn(async () => {
    if (defaultName instanceof Error) throw defaultName;
    return defaultName;
  });
  platform.setPlatform({
    ...platform.getPlatform(),
    defaultProfileName: asked,
  } satisfies Platform);
  const profile = await import('../../../renderer/state/profile');
  return { profile, asked };
}

/** Lets the platform's answer arrive. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

/** The profile once the app has started: first used (which asks the platform), answer in. */
async function startedProfile(defaultName?: string | Error): Promise<ProfileModule> {
  const { profile } = await freshProfile(defaultName);
  profile.profileName();
  await settle();
  return profile;
}

beforeEach(() => {
  localStorage.clear();
});

afterEach(() => {
  localStorage.clear();
});

describe('the local profile', () => {
  it('gives the saved name', async () => {
    localStorage.setItem(KEY, JSON.stringify({ name: 'Ada Lovelace' }));
    const profile = await startedProfile('ada');
    expect(profile.profileName()).toBe('Ada Lovelace');
    expect(profile.savedProfileName()).toBe('Ada Lovelace');
  });

  it("falls back to the platform's default, asked for once, then to nothing", async () => {
    const { profile, asked } = await freshProfile('ada');
    // Before the platform answers there is no name yet.
    expect(profile.profileName()).toBe('');
    await settle();
    expect(profile.profileName()).toBe('ada');
    expect(profile.defaultProfileName()).toBe('ada');
    expect(profile.savedProfileName()).toBe('');
    profile.profileName();
    expect(asked).toHaveBeenCalledTimes(1);

    const none = await startedProfile(undefined);
    expect(none.profileName()).toBe('');
  });

  it('has no name when the platform fails to answer', async () => {
    const profile = await startedProfile(new Error('main is gone'));
    expect(profile.profileName()).toBe('');
  });

  it.each([
    ['bad JSON', '{"name": "Ada"'],
    ['a bare string', '"Ada"'],
    ['no name', '{"nom":"Ada"}'],
    ['a name that is not text', '{"name":["Ada"]}'],
  ])('reads %s as no profile, so the default stands in', async (_what, text) => {
    localStorage.setItem(KEY, text);
    const profile = await startedProfile('ada');
    expect(profile.savedProfileName()).toBe('');
    expect(profile.profileName()).toBe('ada');
  });

  it('saves the name trimmed, as JSON under baton:profile', async () => {
    const { profile } = await freshProfile('ada');
    expect(profile.setProfileName('  Grace Hopper  ')).toBe(true);
    expect(profile.profileName()).toBe('Grace Hopper');
    expect(JSON.parse(localStorage.getItem(KEY) ?? 'null')).toEqual({ name: 'Grace Hopper' });
  });

  it('keeps at most 80 characters', async () => {
    const { profile } = await freshProfile();
    profile.setProfileName('x'.repeat(120));
    expect(profile.profileName()).toBe('x'.repeat(80));
  });

  it('clears the profile with an empty name, so the default stands in again', async () => {
    localStorage.setItem(KEY, JSON.stringify({ name: 'Grace' }));
    const profile = await startedProfile('ada');
    profile.setProfileName('   ');
    expect(localStorage.getItem(KEY)).toBeNull();
    expect(profile.profileName()).toBe('ada');
  });

  it('keeps the name for the session when storage refuses it, and says so', async () => {
    const { profile } = await freshProfile();
    const setItem = vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    try {
      expect(profile.setProfileName('Grace')).toBe(false);
    } finally {
      setItem.mockRestore();
    }
    expect(profile.profileName()).toBe('Grace');
  });

  it('tells subscribers when the name changes: saved here, in another window, or by default', async () => {
    const { profile } = await freshProfile('ada');
    const listener = vi.fn();
    const unsubscribe = profile.subscribeProfile(listener);
    await settle();
    expect(listener).toHaveBeenCalledTimes(1);
    expect(profile.profileName()).toBe('ada');

    profile.setProfileName('Grace');
    expect(listener).toHaveBeenCalledTimes(2);
    // The same name again changes nothing.
    profile.setProfileName('Grace ');
    expect(listener).toHaveBeenCalledTimes(2);

    // Another window of the app saves a name: this one hears of it through the storage event.
    localStorage.setItem(KEY, JSON.stringify({ name: 'Margaret' }));
    window.dispatchEvent(new StorageEvent('storage', { key: KEY }));
    expect(listener).toHaveBeenCalledTimes(3);
    expect(profile.profileName()).toBe('Margaret');

    unsubscribe();
    profile.setProfileName('Katherine');
    expect(listener).toHaveBeenCalledTimes(3);
  });
});
