/**
 * Runs the `baton` command line in its own process, as a user does. `baton` runs the sources
 * (through tsx, so a test sees the code as it is now, built or not); `builtBaton` runs the bundle
 * `npm run build` makes, with plain Node, as the installed `baton` command does.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

/** The bundled command line; `BATON_CLI_DIST` points at another build of it. */
export const BUILT_CLI = join(process.env.BATON_CLI_DIST ?? join(ROOT, 'dist/cli'), 'baton.mjs');

/** The command line from the sources: `node --import tsx electron/cli/baton.ts`. */
export const SOURCE_CLI = ['--import', 'tsx', 'electron/cli/baton.ts'] as const;

export type Run = { code: number; stdout: string; stderr: string };

function run(file: string, args: readonly string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(file, args, { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

export function baton(...args: string[]): Promise<Run> {
  return run(process.execPath, [...SOURCE_CLI, ...args]);
}

export function builtBaton(...args: string[]): Promise<Run> {
  return run(process.execPath, [BUILT_CLI, ...args]);
}
