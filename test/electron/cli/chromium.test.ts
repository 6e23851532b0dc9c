/** Finding an installed browser for the command line's board pack. */
import { describe, expect, it } from 'vitest';
import { NO_CHROMIUM_MESSAGE, findChromium } from '../../../electron/cli/chromium';

describe('findChromium', () => {
  it('takes the browser BATON_CHROMIUM names first', () => {
    const exists = (path: string) => path === '/opt/chrome/chrome' || path === '/usr/bin/chromium';
    expect(findChromium({ BATON_CHROMIUM: '/opt/chrome/chrome' }, exists)).toBe(
      '/opt/chrome/chrome',
    );
  });

  it('falls back to the usual install places', () => {
    expect(findChromium({}, (path) => path === '/usr/bin/google-chrome')).toBe(
      '/usr/bin/google-chrome',
    );
    expect(
      findChromium({ PROGRAMFILES: 'C:\\Program Files' }, (path) =>
        path.startsWith('C:\\Program Files\\Google'),
      ),
    ).toBe('C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe');
  });

  it('names what to install when there is no browser', () => {
    expect(() => findChromium({ BATON_CHROMIUM: '/nowhere' }, () => false)).toThrow(
      NO_CHROMIUM_MESSAGE,
    );
    expect(NO_CHROMIUM_MESSAGE).toContain('apt-get install chromium');
  });
});
