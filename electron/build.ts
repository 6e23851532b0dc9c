/**
 * Bundles the main process and the preload with esbuild into `dist/electron/`. Each becomes one
 * CommonJS file: the sandboxed preload cannot load other files, and a single main file keeps the
 * package free of node_modules.
 *
 * Also bundles the `baton` command line into `dist/cli/`, so that a call runs plain JavaScript
 * with nothing to compile. It is an ES module split into chunks: each command loads only what it
 * uses (exceljs, the solver, the browser driver are separate chunks loaded on demand).
 */
import { chmod, copyFile, rm } from 'node:fs/promises';
import { builtinModules, createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type BuildOptions, type Metafile } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = 'dist/electron';
const cliDir = 'dist/cli';

const common: BuildOptions = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  external: ['electron'],
  sourcemap: false,
  legalComments: 'none',
  metafile: true,
  logLevel: 'info',
};

const NODE_BUILTINS = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));

/** The modules a bundle still loads at run time. */
function externalImports(metafile: Metafile | undefined): string[] {
  if (metafile === undefined) throw new Error('esbuild returned no metafile');
  return Object.values(metafile.outputs).flatMap((output) =>
    output.imports.filter((entry) => entry.external).map((entry) => entry.path),
  );
}

function assertOnly(bundle: string, imports: string[], allowed: (name: string) => boolean): void {
  const unexpected = imports.filter((name) => !allowed(name));
  if (unexpected.length > 0) {
    throw new Error(`${bundle} must not load ${unexpected.join(', ')} at run time`);
  }
}

/**
 * Run first in every file of the command line: the shebang that makes the entry executable, and
 * what the bundled CommonJS libraries expect of Node (`require`, `__dirname`, `__filename`), which
 * an ES module does not have. `__dirname` is `dist/cli`, where the solver finds `highs.wasm`.
 */
const CLI_BANNER = [
  '#!/usr/bin/env node',
  "import { createRequire as __batonCreateRequire } from 'node:module';",
  "import { fileURLToPath as __batonFileURLToPath } from 'node:url';",
  "import { dirname as __batonDirname } from 'node:path';",
  'const require = __batonCreateRequire(import.meta.url);',
  'const __filename = __batonFileURLToPath(import.meta.url);',
  'const __dirname = __batonDirname(__filename);',
].join('\n');

/** Loaded from node_modules at run time: a browser driver that finds its own files, and Vite. */
const CLI_EXTERNAL = ['playwright-core', 'vite'];

/** Packages that must stay out of what every command loads at start. */
const CLI_ON_DEMAND = ['exceljs', 'highs', 'playwright-core'];

/** The output files `entry` loads before it runs: its static imports, followed through. */
function loadedAtStart(metafile: Metafile, entry: string): Set<string> {
  const loaded = new Set<string>();
  const visit = (file: string) => {
    if (loaded.has(file)) return;
    loaded.add(file);
    for (const imported of metafile.outputs[file]?.imports ?? []) {
      if (imported.kind === 'import-statement') visit(imported.path);
    }
  };
  visit(entry);
  return loaded;
}

// Start clean so that no stale file from an earlier build ends up in the package.
await Promise.all([
  rm(path.join(root, outDir), { recursive: true, force: true }),
  rm(path.join(root, cliDir), { recursive: true, force: true }),
]);

const [main, preload, cli] = await Promise.all([
  build({ ...common, entryPoints: ['electron/main.ts'], outfile: `${outDir}/main.cjs` }),
  build({ ...common, entryPoints: ['electron/preload.ts'], outfile: `${outDir}/preload.cjs` }),
  build({
    ...common,
    entryPoints: { baton: 'electron/cli/baton.ts' },
    outdir: cliDir,
    format: 'esm',
    splitting: true,
    outExtension: { '.js': '.mjs' },
    // One folder for every chunk: the solver's chunk looks for highs.wasm beside itself.
    chunkNames: '[name]-[hash]',
    external: CLI_EXTERNAL,
    banner: { js: CLI_BANNER },
  }),
]);

// The package ships no node_modules, and a sandboxed preload may only require 'electron'.
assertOnly(
  'main.cjs',
  externalImports(main.metafile),
  (name) => name === 'electron' || NODE_BUILTINS.has(name),
);
assertOnly('preload.cjs', externalImports(preload.metafile), (name) => name === 'electron');

// The command line runs from the project's folder, where node_modules holds these.
assertOnly(
  'the command line',
  externalImports(cli.metafile),
  (name) => CLI_EXTERNAL.includes(name) || NODE_BUILTINS.has(name),
);
const cliEntry = `${cliDir}/baton.mjs`;
if (cli.metafile === undefined) throw new Error('esbuild returned no metafile');
const atStart = [...loadedAtStart(cli.metafile, cliEntry)];
const eager = CLI_ON_DEMAND.filter((name) =>
  atStart.some(
    (file) =>
      cli.metafile?.outputs[file]?.imports.some((entry) => entry.path === name) ||
      Object.keys(cli.metafile?.outputs[file]?.inputs ?? {}).some((input) =>
        input.includes(`node_modules/${name}/`),
      ),
  ),
);
if (eager.length > 0) {
  throw new Error(`the command line loads ${eager.join(', ')} at start; load it where it is used`);
}
// Executable, for `npm link` and the package's `bin`; and the solver's WebAssembly beside it.
await chmod(path.join(root, cliEntry), 0o755);
await copyFile(
  createRequire(import.meta.url).resolve('highs/runtime'),
  path.join(root, cliDir, 'highs.wasm'),
);
