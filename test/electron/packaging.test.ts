/**
 * Packages the built app with electron-builder, the way `npm run dist` does, but into a folder
 * (`--dir`) and against a stub Electron: the real binary cannot be downloaded everywhere tests
 * run. Then checks what a user would get inside `app.asar`.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
// Comes with electron-builder, which uses it to write the archive being checked here.
import { extractFile, listPackage } from '@electron/asar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../..', import.meta.url));
const ELECTRON_VERSION = '45.5.0';

/** Marks the fuse wire in an Electron binary; @electron/fuses looks for it to flip fuses. */
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** Electron's default fuses: RunAsNode, cookie encryption, NODE_OPTIONS, --inspect, asar integrity, only-asar, V8 snapshot, file: privileges. */
const DEFAULT_FUSES = '10110001';

const REQUIRED_BUILD_OUTPUT = [
  'dist/electron/main.cjs',
  'dist/electron/preload.cjs',
  'dist/renderer/index.html',
];

let workDir = '';
let archive = '';
let executable = '';
let entries: string[] = [];

/** An Electron distribution folder with everything electron-builder copies, and no Electron. */
async function createStubElectron(folder: string): Promise<void> {
  await mkdir(path.join(folder, 'resources'), { recursive: true });
  const script = [
    '#!/bin/sh',
    `# fuse wire: ${FUSE_SENTINEL}\u0001\u0008${DEFAULT_FUSES}`,
    'echo "stub Electron for packaging tests" >&2',
    'exit 1',
    '',
  ].join('\n');
  await writeFile(path.join(folder, 'electron'), script, 'latin1');
  await chmod(path.join(folder, 'electron'), 0o755);
  await writeFile(path.join(folder, 'version'), ELECTRON_VERSION);
  await writeFile(path.join(folder, 'LICENSE'), 'stub');
  await writeFile(path.join(folder, 'LICENSES.chromium.html'), '<p>stub</p>');
}

/** The fuse states of a packaged executable, one character per fuse ('0' off, '1' on). */
async function readFuses(file: string): Promise<string> {
  const bytes = await readFile(file);
  const start = bytes.indexOf(FUSE_SENTINEL);
  if (start === -1) throw new Error(`no fuse wire in ${file}`);
  const wire = start + FUSE_SENTINEL.length;
  const length = bytes[wire + 1] ?? 0;
  return bytes.subarray(wire + 2, wire + 2 + length).toString('latin1');
}

beforeAll(async () => {
  const missing = REQUIRED_BUILD_OUTPUT.filter((file) => !existsSync(path.join(root, file)));
  if (missing.length > 0) {
    throw new Error(
      `The packaging test needs the built app, but ${missing.join(', ')} is missing. ` +
        'Run `npm run build` first (`npm test` does).',
    );
  }
  workDir = await mkdtemp(path.join(os.tmpdir(), 'baton-packaging-'));
  const stub = path.join(workDir, 'electron-dist');
  const output = path.join(workDir, 'release');
  await createStubElectron(stub);

  await run(
    process.execPath,
    [
      path.join(root, 'node_modules', 'electron-builder', 'cli.js'),
      '--dir',
      '--linux',
      '--x64',
      '-c',
      'electron-builder.yml',
      `-c.electronDist=${stub}`,
      `-c.directories.output=${output}`,
    ],
    { cwd: root, env: { ...process.env, CI: 'true' }, maxBuffer: 16 * 1024 * 1024 },
  );

  const unpacked = path.join(output, 'linux-unpacked');
  archive = path.join(unpacked, 'resources', 'app.asar');
  executable = path.join(unpacked, 'baton');
  // Archive paths use the platform separator and start with one; compare them as `dist/...`.
  entries = listPackage(archive, { isPack: false }).map((entry) =>
    entry.split(path.sep).join('/').replace(/^\//, ''),
  );
}, 120_000);

afterAll(async () => {
  if (workDir !== '') await rm(workDir, { recursive: true, force: true });
});

describe('packaged app', () => {
  it('holds the main process, the preload, the renderer and package.json', () => {
    expect(entries).toEqual(
      expect.arrayContaining([
        'package.json',
        'dist/electron/main.cjs',
        'dist/electron/preload.cjs',
        'dist/renderer/index.html',
      ]),
    );
    expect(entries.some((entry) => /^dist\/renderer\/assets\/.+\.js$/.test(entry))).toBe(true);
  });

  it('holds nothing else: no sources, tests, source maps or node_modules', () => {
    const files = entries.filter((entry) => /\.[a-z0-9]+$/i.test(entry));
    const unexpected = files.filter(
      (entry) =>
        entry !== 'package.json' &&
        !entry.startsWith('dist/electron/') &&
        !entry.startsWith('dist/renderer/'),
    );
    expect(unexpected).toEqual([]);
    expect(entries.filter((entry) => /\.(ts|tsx|map)$/.test(entry))).toEqual([]);
    expect(
      entries.filter((entry) => /(^|\/)(node_modules|test|tests|__tests__)(\/|$)/.test(entry)),
    ).toEqual([]);
  });

  it('starts the bundled main process', () => {
    const manifest = JSON.parse(extractFile(archive, 'package.json').toString('utf8')) as Record<
      string,
      unknown
    >;
    expect(manifest.main).toBe('dist/electron/main.cjs');
    expect(manifest).not.toHaveProperty('devDependencies');
    expect(manifest).not.toHaveProperty('scripts');
  });

  it('ships a preload that loads nothing but electron, as a sandboxed preload must', () => {
    const preload = extractFile(archive, path.join('dist', 'electron', 'preload.cjs')).toString(
      'utf8',
    );
    const required = [...preload.matchAll(/require\(["']([^"']+)["']\)/g)].map((match) => match[1]);
    expect(new Set(required)).toEqual(new Set(['electron']));
    expect(preload).toContain('exposeInMainWorld("baton"');
  });

  it('turns off the Electron features the app does not use', async () => {
    const fuses = await readFuses(executable);
    expect({
      runAsNode: fuses[0],
      nodeOptionsVariable: fuses[2],
      inspectArguments: fuses[3],
      onlyLoadAppFromAsar: fuses[5],
      fileProtocolPrivileges: fuses[7],
    }).toEqual({
      runAsNode: '0',
      nodeOptionsVariable: '0',
      inspectArguments: '0',
      onlyLoadAppFromAsar: '1',
      fileProtocolPrivileges: '0',
    });
  });
});

describe('icon', () => {
  it('is a 1024 px square PNG', async () => {
    const png = await readFile(path.join(root, 'build', 'icon.png'));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    // The IHDR chunk starts at byte 16: width, then height, as 32-bit big-endian numbers.
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1024, 1024]);
  });
});
