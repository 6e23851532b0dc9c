/**
 * A page that holds only the XLSX worker client (`renderer/exchange/xlsx-client.ts`, exposed as
 * `window.__xlsx`), built by Vite with the renderer's own config (plugins, resolve and worker
 * settings) and the app's CSP meta tag, so that tests and benchmarks run the worker exactly as
 * the app builds it, without going through the app's screens.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, loadConfigFromFile } from 'vite';
import type { readXlsxInWorker, writeXlsxInWorker } from '../../../renderer/exchange/xlsx-client';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

export type XlsxProbe = {
  readonly readXlsxInWorker: typeof readXlsxInWorker;
  readonly writeXlsxInWorker: typeof writeXlsxInWorker;
};

declare global {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- augmenting the DOM's Window needs an interface
  interface Window {
    __xlsx: XlsxProbe;
  }
}

export type ProbeBuild = {
  /** The built page's folder, to serve. */
  readonly dist: string;
  readonly remove: () => Promise<void>;
};

/** Builds the probe page into a new temporary folder. */
export async function buildXlsxProbe(): Promise<ProbeBuild> {
  const folder = await mkdtemp(join(tmpdir(), 'baton-xlsx-probe-'));
  const source = join(folder, 'src');
  const dist = join(folder, 'dist');
  await mkdir(source, { recursive: true });
  const appHtml = await readFile(join(ROOT, 'renderer/index.html'), 'utf8');
  const csp = /<meta\s+http-equiv="Content-Security-Policy"[^>]*>/s.exec(appHtml)?.[0];
  if (!csp) throw new Error('renderer/index.html has no Content-Security-Policy meta tag.');
  await writeFile(
    join(source, 'index.html'),
    `<!doctype html><html lang="en"><head>${csp}<title>xlsx worker</title></head><body><script type="module" src="./probe.ts"></script></body></html>`,
  );
  const client = join(ROOT, 'renderer/exchange/xlsx-client.ts');
  await writeFile(
    join(source, 'probe.ts'),
    `import { readXlsxInWorker, writeXlsxInWorker } from ${JSON.stringify(client)};\nwindow.__xlsx = { readXlsxInWorker, writeXlsxInWorker };\n`,
  );
  const loaded = await loadConfigFromFile(
    { command: 'build', mode: 'production' },
    join(ROOT, 'renderer/vite.config.ts'),
  );
  const config = loaded?.config ?? {};
  await build({
    ...config,
    configFile: false,
    root: source,
    logLevel: 'warn',
    build: {
      ...config.build,
      outDir: dist,
      emptyOutDir: true,
      rollupOptions: { input: join(source, 'index.html') },
    },
  });
  return { dist, remove: () => rm(folder, { recursive: true, force: true }) };
}
