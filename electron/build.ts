/**
 * Bundles the main process and the preload with esbuild into `dist/electron/`. Each becomes one
 * CommonJS file: the sandboxed preload cannot load other files, and a single main file keeps the
 * package free of node_modules.
 */
import { rm } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type BuildOptions, type Metafile } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = 'dist/electron';

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

// Start clean so that no stale file from an earlier build ends up in the package.
await rm(path.join(root, outDir), { recursive: true, force: true });

const [main, preload] = await Promise.all([
  build({ ...common, entryPoints: ['electron/main.ts'], outfile: `${outDir}/main.cjs` }),
  build({ ...common, entryPoints: ['electron/preload.ts'], outfile: `${outDir}/preload.cjs` }),
]);

// The package ships no node_modules, and a sandboxed preload may only require 'electron'.
assertOnly(
  'main.cjs',
  externalImports(main.metafile),
  (name) => name === 'electron' || NODE_BUILTINS.has(name),
);
assertOnly('preload.cjs', externalImports(preload.metafile), (name) => name === 'electron');
