/**
 * The allowlist for `shell.openExternal`. Opening a URL hands it to the operating system, which
 * may start any registered program, so only plain https links to a few known places pass.
 */

/** A place on the web the app may open: one host, and the path under which pages may be. */
type TrustedLocation = { readonly host: string; readonly pathPrefix: string };

/** The user guide, opened from Help > Documentation. */
export const DOCS_URL = 'https://docs.baton.app/';

const TRUSTED_LOCATIONS: readonly TrustedLocation[] = [
  { host: 'docs.baton.app', pathPrefix: '/' },
  // Release notes and the issue tracker; the rest of github.com is anyone's content.
  { host: 'github.com', pathPrefix: '/baton-app/' },
];

const MAX_URL_LENGTH = 2048;

function isUnderPrefix(pathname: string, prefix: string): boolean {
  if (prefix === '/') return true;
  const folder = prefix.endsWith('/') ? prefix : `${prefix}/`;
  return pathname === folder.slice(0, -1) || pathname.startsWith(folder);
}

/**
 * Returns the normalised URL to open when `value` is an https link to an allowed place, or null.
 * Refuses other schemes, credentials, explicit ports, whitespace or control characters (which
 * URL parsing would silently strip), backslashes, and hosts not on the list (exact match, so
 * look-alikes such as `docs.baton.app.evil.example` or a trailing dot fail).
 */
export function toTrustedExternalUrl(value: unknown): string | null {
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_URL_LENGTH) {
    return null;
  }
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (/[\u0000-\u0020\u007f\\]/.test(value)) return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:') return null;
  if (url.username !== '' || url.password !== '') return null;
  if (url.port !== '') return null;
  const place = TRUSTED_LOCATIONS.find((location) => location.host === url.hostname);
  if (place === undefined || !isUnderPrefix(url.pathname, place.pathPrefix)) return null;
  return url.href;
}

/** True when `value` may be opened in the user's browser. */
export function isTrustedExternalUrl(value: unknown): boolean {
  return toTrustedExternalUrl(value) !== null;
}
