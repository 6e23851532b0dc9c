import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  appResponseHeaders,
  handleAppProtocol,
  mimeTypeFor,
  registerAppScheme,
  resolveAppPath,
  serveAppRequest,
} from '../../electron/protocol';

const root = path.resolve('/srv/baton/renderer');

describe('resolveAppPath', () => {
  it.each([
    ['app://baton/index.html', 'index.html'],
    ['app://baton/', 'index.html'],
    ['app://baton', 'index.html'],
    ['app://baton/assets/index-3f2a.js', 'assets/index-3f2a.js'],
    ['app://baton/assets/index.js?v=2#top', 'assets/index.js'],
    ['app://baton/assets/my%20font.woff2', 'assets/my font.woff2'],
    ['app://baton/./assets//x.css', 'assets/x.css'],
  ])('maps %s into the renderer folder', (url, relative) => {
    expect(resolveAppPath(root, url)).toBe(path.join(root, relative));
  });

  it.each([
    ['an encoded slash after dots', 'app://baton/assets/..%2f..%2f..%2fetc/passwd'],
    ['encoded dots and slash together', 'app://baton/%2e%2e%2fsecret.txt'],
    ['an encoded backslash', 'app://baton/..%5c..%5cwindows%5cwin.ini'],
    ['a drive letter', 'app://baton/C:/Windows/win.ini'],
    ['an alternate data stream', 'app://baton/index.html::$DATA'],
    ['an encoded NUL byte', 'app://baton/index.html%00.png'],
    ['malformed percent-encoding', 'app://baton/%E0%A4%A'],
    ['another host on our scheme', 'app://evil/index.html'],
    ['another scheme', 'file:///etc/passwd'],
    ['https', 'https://baton/index.html'],
    ['no URL at all', 'not a url'],
  ])('refuses %s', (_name, url) => {
    expect(resolveAppPath(root, url)).toBeNull();
  });

  it.each(['app://baton/../../etc/passwd', 'app://baton/%2e%2e/%2e%2e/etc/passwd'])(
    'keeps the dot segments of %s inside the folder (URL parsing resolves them first)',
    (url) => {
      expect(resolveAppPath(root, url)).toBe(path.join(root, 'etc/passwd'));
    },
  );
});

describe('mimeTypeFor', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['assets/index-3f2a.js', 'text/javascript; charset=utf-8'],
    ['assets/worker.mjs', 'text/javascript; charset=utf-8'],
    ['assets/index.css', 'text/css; charset=utf-8'],
    ['assets/highs-1a2b.wasm', 'application/wasm'],
    ['assets/logo.svg', 'image/svg+xml'],
    ['assets/logo.PNG', 'image/png'],
    ['assets/inter.woff2', 'font/woff2'],
    ['data/sample.json', 'application/json; charset=utf-8'],
    ['favicon.ico', 'image/x-icon'],
    ['LICENSE', 'application/octet-stream'],
    ['archive.exe', 'application/octet-stream'],
  ])('%s is served as %s', (file, type) => {
    expect(mimeTypeFor(file)).toBe(type);
  });
});

describe('appResponseHeaders', () => {
  it('isolates the page and applies the content security policy', () => {
    const headers = appResponseHeaders('text/html; charset=utf-8');
    expect(headers).toMatchObject({
      'Content-Type': 'text/html; charset=utf-8',
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cross-Origin-Embedder-Policy': 'require-corp',
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
    });
  });

  it('has the policy the page was designed for', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; " +
        "worker-src 'self' blob:; object-src 'none'; base-uri 'none'; form-action 'none'; " +
        "frame-ancestors 'none'",
    );
  });
});

describe('serveAppRequest', () => {
  let folder = '';
  let rendererDir = '';

  beforeAll(async () => {
    folder = await mkdtemp(path.join(os.tmpdir(), 'baton-protocol-'));
    rendererDir = path.join(folder, 'renderer');
    await mkdir(path.join(rendererDir, 'assets'), { recursive: true });
    await writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>Baton</title>');
    await writeFile(
      path.join(rendererDir, 'assets', 'solver.wasm'),
      Buffer.from([0, 97, 115, 109]),
    );
    await writeFile(path.join(folder, 'secret.txt'), 'not for the page');
  });

  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('serves index.html with the security headers', async () => {
    const response = await serveAppRequest(rendererDir, new Request('app://baton/index.html'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    expect(response.headers.get('cross-origin-embedder-policy')).toBe('require-corp');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await response.text()).toContain('<title>Baton</title>');
  });

  it('serves WebAssembly as application/wasm, byte for byte', async () => {
    const response = await serveAppRequest(
      rendererDir,
      new Request('app://baton/assets/solver.wasm'),
    );
    expect(response.headers.get('content-type')).toBe('application/wasm');
    expect([...new Uint8Array(await response.arrayBuffer())]).toEqual([0, 97, 115, 109]);
  });

  it('answers 404 for a missing file and for a folder', async () => {
    for (const url of ['app://baton/nope.js', 'app://baton/assets']) {
      const response = await serveAppRequest(rendererDir, new Request(url));
      expect(response.status).toBe(404);
    }
  });

  it('does not serve a file next to the renderer folder', async () => {
    const response = await serveAppRequest(
      rendererDir,
      new Request('app://baton/%2e%2e/secret.txt'),
    );
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('not for the page');
  });

  it('refuses methods other than GET and HEAD', async () => {
    const response = await serveAppRequest(
      rendererDir,
      new Request('app://baton/index.html', { method: 'POST', body: 'x' }),
    );
    expect(response.status).toBe(405);
  });
});

describe('registration', () => {
  it('declares the app scheme standard, secure and fetchable, without opening it to CORS', () => {
    const protocol = { registerSchemesAsPrivileged: vi.fn() };
    registerAppScheme(protocol);
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
  });

  it('handles the app scheme from the given folder', async () => {
    const protocol = { handle: vi.fn() };
    handleAppProtocol(protocol, root);
    expect(protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    const handler = protocol.handle.mock.calls[0]?.[1] as (request: Request) => Promise<Response>;
    const response = await handler(new Request('app://baton/%2e%2e/x'));
    expect(response.status).toBe(404);
  });
});

describe('the pages’ own Content Security Policy', () => {
  // The browser build has no protocol handler: each page carries the policy in a meta tag, the
  // same as the desktop's header but for frame-ancestors, which a meta tag cannot set.
  const expected = CONTENT_SECURITY_POLICY.split('; ')
    .filter((directive) => !directive.startsWith('frame-ancestors'))
    .join('; ');

  it.each(['index.html', 'pack.html'])('%s has the desktop policy', async (page) => {
    const html = await readFile(new URL(`../../renderer/${page}`, import.meta.url), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]*)"/.exec(html);
    expect(meta?.[1]).toBe(expected);
  });
});
