import os from 'node:os';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { osUserName } from '../../electron/os-user';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('osUserName', () => {
  it("gives the account's user name", () => {
    expect(osUserName(() => ({ username: 'ada' }))).toBe('ada');
    expect(osUserName(() => ({ username: ' ada.lovelace ' }))).toBe('ada.lovelace');
  });

  it('gives nothing when the system has no user entry (userInfo throws) or an empty name', () => {
    const noEntry = () => {
      throw Object.assign(new Error('uv_os_get_passwd returned ENOENT'), { code: 'ENOENT' });
    };
    expect(osUserName(noEntry)).toBeUndefined();
    expect(osUserName(() => ({ username: '' }))).toBeUndefined();
  });

  it('asks os.userInfo by default', () => {
    vi.spyOn(os, 'userInfo').mockReturnValue({
      username: 'grace',
      uid: 1000,
      gid: 1000,
      shell: '/bin/sh',
      homedir: '/home/grace',
    });
    expect(osUserName()).toBe('grace');
  });
});
