import { describe, expect, it } from 'vitest';
import { DOCS_URL, isTrustedExternalUrl, toTrustedExternalUrl } from '../../electron/trusted-url';

describe('toTrustedExternalUrl', () => {
  it.each([
    ['the docs home page', DOCS_URL, DOCS_URL],
    [
      'a docs page with query and fragment',
      'https://docs.baton.app/guide/scoring?x=1#cut-line',
      null,
    ],
    ['the project on GitHub', 'https://github.com/baton-app/baton', null],
    ['the project organisation itself', 'https://github.com/baton-app', null],
    ['an upper-case host', 'https://DOCS.BATON.APP/guide', 'https://docs.baton.app/guide'],
    [
      'the default port written out',
      'https://docs.baton.app:443/guide',
      'https://docs.baton.app/guide',
    ],
    [
      'dot segments that stay under the prefix',
      'https://github.com/baton-app/x/../baton',
      'https://github.com/baton-app/baton',
    ],
  ])('allows %s', (_name, url, normalised) => {
    expect(toTrustedExternalUrl(url)).toBe(normalised ?? url);
  });

  it.each([
    ['plain http', 'http://docs.baton.app/'],
    ['file URLs', 'file:///etc/passwd'],
    ['javascript URLs', 'javascript:alert(1)'],
    ['data URLs', 'data:text/html,<script>alert(1)</script>'],
    ['custom schemes that start programs', 'ms-msdt:/id PCWDiagnostic'],
    ['our own app scheme', 'app://baton/index.html'],
    ['smb shares', 'smb://docs.baton.app/share'],
    ['credentials in the URL', 'https://user:secret@docs.baton.app/'],
    ['a user name alone', 'https://user@docs.baton.app/'],
    ['a host that is not on the list', 'https://example.com/'],
    ['a look-alike host with our host as a prefix', 'https://docs.baton.app.evil.example/'],
    ['a look-alike host with our host as a suffix', 'https://evildocs.baton.app/'],
    ['a trailing dot on the host', 'https://docs.baton.app./'],
    ['a non-default port', 'https://docs.baton.app:8443/'],
    ['other GitHub accounts', 'https://github.com/someone-else/baton'],
    ['an account whose name extends ours', 'https://github.com/baton-app-evil/x'],
    ['dot segments that climb out of the prefix', 'https://github.com/baton-app/../evil'],
    ['encoded dot segments that climb out', 'https://github.com/baton-app/%2e%2e/evil'],
    ['leading whitespace', ' https://docs.baton.app/'],
    ['a tab inside, which URL parsing would strip', 'https://docs.baton.app/\tx'],
    ['a newline inside', 'https://docs.baton.app/\nx'],
    ['a backslash', 'https://docs.baton.app\\@evil.example/'],
    ['a relative URL', '/guide'],
    ['a protocol-relative URL', '//docs.baton.app/'],
    ['an empty string', ''],
    ['a very long URL', `https://docs.baton.app/${'a'.repeat(2100)}`],
    ['an IP address', 'https://127.0.0.1/'],
  ])('refuses %s', (_name, url) => {
    expect(toTrustedExternalUrl(url)).toBeNull();
    expect(isTrustedExternalUrl(url)).toBe(false);
  });

  it.each([null, undefined, 42, {}, ['https://docs.baton.app/'], { href: DOCS_URL }])(
    'refuses a value that is not a string: %j',
    (value) => {
      expect(toTrustedExternalUrl(value)).toBeNull();
    },
  );
});
