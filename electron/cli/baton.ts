/**
 * The `baton` command line: `baton COMMAND FILE [options]`, built into `dist/cli/baton.mjs` by
 * `npm run build`. Reads files and prints; every decision is made by the pure commands in
 * shared/cli.
 */
import { mkdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Highs } from 'highs';
import {
  EXIT_BAD_FILE,
  EXIT_FAILURE,
  USAGE,
  cutlineCommand,
  metricsCommand,
  scoreCommand,
  optimizeCommand,
  exportRequest,
  importRequest,
  packRequest,
  parseArgs,
  validateCommand,
  type CliOutput,
} from '../../shared/cli/commands';
import { MAX_IMPORT_FILE_BYTES } from '../../shared/ipc/contract';
import { MAX_PORTFOLIO_FILE_BYTES, fileTooLargeMessage } from '../../shared/portfolio/limits';
import { decodeUtf8 } from '../../shared/portfolio/text';
import { isoDay } from '../../shared/format';
import { writeFileAtomic } from '../atomic-file';

/** Seconds since the process started: Node's performance clock counts from there. */
const sinceStart = () => performance.now() / 1000;

/** What a file may weigh, and the app's words for one that weighs more. */
type SizeLimit = { readonly bytes: number; readonly tooLarge: (size: number) => string };

const PORTFOLIO_LIMIT: SizeLimit = {
  bytes: MAX_PORTFOLIO_FILE_BYTES,
  tooLarge: fileTooLargeMessage,
};

/** The app refuses an import file over its own, smaller limit (shared/ipc/contract.ts). */
const IMPORT_LIMIT: SizeLimit = {
  bytes: MAX_IMPORT_FILE_BYTES,
  tooLarge: (size: number) => {
    const megabytes = (count: number) =>
      `${Math.ceil(count / (1024 * 1024)).toLocaleString('en-US')} MB`;
    return `is ${megabytes(size)}, over the ${megabytes(MAX_IMPORT_FILE_BYTES)} limit of an import file; Baton does not read it`;
  },
};

/**
 * The file's bytes; refuses what the app refuses too: over `limit` (a portfolio file's, unless
 * given the import file's), in the app's words.
 */
async function readBytes(
  file: string,
  limit: SizeLimit = PORTFOLIO_LIMIT,
): Promise<Uint8Array | CliOutput> {
  try {
    const info = await stat(file);
    if (info.isFile() && info.size > limit.bytes) {
      return { stdout: '', stderr: `${file}: ${limit.tooLarge(info.size)}\n`, code: EXIT_BAD_FILE };
    }
    const data = await readFile(file);
    // A view of the Buffer, not a copy: a portfolio file may be 200 MB.
    return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  } catch (error) {
    return cannotRead(file, error);
  }
}

function cannotRead(file: string, error: unknown): CliOutput {
  const code = (error as NodeJS.ErrnoException).code;
  const reason =
    code === 'ENOENT'
      ? 'no such file'
      : code === 'EISDIR'
        ? 'is a folder, not a file'
        : code === 'EACCES'
          ? 'permission denied'
          : String((error as Error).message);
  return { stdout: '', stderr: `${file}: cannot read: ${reason}\n`, code: EXIT_BAD_FILE };
}

/**
 * Writes `data` to `file` whole or not at all (a crash or a full disk leaves the file as it was:
 * `--out` is often the `--into` portfolio itself); null when written, else what to print.
 */
async function writeOut(file: string, data: string | Uint8Array): Promise<CliOutput | null> {
  try {
    await writeFileAtomic(file, data);
    return null;
  } catch (error) {
    return {
      stdout: '',
      stderr: `baton: cannot write ${file}, which is left as it was: ${(error as Error).message}\n`,
      code: EXIT_FAILURE,
    };
  }
}

/** `import`: reads SOURCE (and --mapping, --into), writes the portfolio file --out. */
async function runImport(
  source: string,
  options: Readonly<Record<string, string>>,
): Promise<CliOutput> {
  const bytes = await readBytes(source, IMPORT_LIMIT);
  if (!(bytes instanceof Uint8Array)) return bytes;
  let mapping: { label: string; text: string } | undefined;
  if (options.mapping !== undefined) {
    const text = await readText(options.mapping);
    if (typeof text !== 'string') return text;
    mapping = { label: options.mapping, text };
  }
  let into: { label: string; text: string } | undefined;
  if (options.into !== undefined) {
    const text = await readText(options.into);
    if (typeof text !== 'string') return text;
    into = { label: options.into, text };
  }
  const request = await importRequest({
    source: { label: source, bytes },
    options,
    ...(mapping && { mapping }),
    ...(into && { into }),
    today: isoDay(new Date()),
    // Loaded only here: exceljs is large, and only an XLSX import needs it.
    readXlsx: async (data) => (await import('../../shared/exchange/xlsx')).readXlsx(data),
  });
  if (!('text' in request)) return request;
  const failed = await writeOut(request.out, request.text);
  if (failed) return failed;
  return { stdout: request.stdout, stderr: request.stderr, code: 0 };
}

/** The file's text; refuses what the app refuses too (over the size limit, not UTF-8). */
async function readText(file: string): Promise<string | CliOutput> {
  const bytes = await readBytes(file);
  if (!(bytes instanceof Uint8Array)) return bytes;
  const decoded = decodeUtf8(bytes);
  if (decoded.ok) return decoded.text;
  return { stdout: '', stderr: `${file}: ${decoded.message}\n`, code: EXIT_BAD_FILE };
}

/** Whether this process loaded the solver (see the end of this file). */
let solverLoaded = false;

/** Loaded only for `optimize`: the solver is large, and the other commands do not need it. */
async function loadSolver(): Promise<Highs> {
  solverLoaded = true;
  const { default: loadHighs } = await import('highs');
  return loadHighs();
}

/**
 * `optimize`: the time limit counts from the process start, so that the whole command returns
 * within it. The solver loads while the file is read. It does not warm up first: a throwaway
 * solve short enough to spare from the user's limit gains back no more than it costs.
 */
async function runOptimize(file: string, timeLimitText: string | undefined): Promise<CliOutput> {
  const solver = loadSolver();
  // A failed read returns before the solver is awaited; its loading must not throw unheard then.
  solver.catch(() => undefined);
  const text = await readText(file);
  if (typeof text !== 'string') return text;
  const highs = await solver;
  return optimizeCommand(file, text, timeLimitText, highs, sinceStart, 0);
}

/**
 * `pack`: the browser driver loads and the browser starts (with the print page) while the file is
 * read and checked; a file that fails its checks closes the browser unused.
 */
async function runPack(
  file: string,
  options: Readonly<Record<string, string>>,
): Promise<CliOutput> {
  // A file that is not there is told at once, before a browser is started for nothing.
  const isFile = await stat(file).then(
    (info) => info.isFile(),
    () => false,
  );
  if (!isFile) {
    const text = await readText(file);
    if (typeof text !== 'string') return text;
  }
  // Loaded only here: the other commands need no browser driver.
  const loading = import('./write-pack');
  const request = readText(file).then((text) =>
    typeof text === 'string' ? packRequest(file, text, options, isoDay(new Date())) : text,
  );
  // writePack awaits it only after the print page is checked; a failure before then is still its
  // to report, and must not count as unhandled meanwhile.
  request.catch(() => undefined);
  const { writePack } = await loading;
  return writePack(request);
}

/** Runs one command line and returns what to print and the exit code. */
export async function runBaton(args: readonly string[]): Promise<CliOutput> {
  const parsed = parseArgs(args);
  if ('error' in parsed) {
    return {
      stdout: parsed.error ? '' : USAGE,
      stderr: parsed.error ? `baton: ${parsed.error}\n\n${USAGE}` : '',
      code: parsed.error ? EXIT_FAILURE : 0,
    };
  }
  if (parsed.command === 'import') return runImport(parsed.file, parsed.options);
  if (parsed.command === 'optimize') return runOptimize(parsed.file, parsed.options['time-limit']);
  if (parsed.command === 'pack') return runPack(parsed.file, parsed.options);
  const text = await readText(parsed.file);
  if (typeof text !== 'string') return text;
  if (parsed.command === 'export') {
    const request = exportRequest(parsed.file, text, parsed.options);
    if ('tables' in request) {
      // Loaded only here: exceljs is large, and only an XLSX export needs it.
      const { writeXlsx } = await import('../../shared/exchange/xlsx');
      const failed = await writeOut(request.out, await writeXlsx(request.tables));
      if (failed) return failed;
      return {
        stdout: `${JSON.stringify({ files: [request.out] }, null, 2)}\n`,
        stderr: '',
        code: 0,
      };
    }
    if (!('files' in request)) return request;
    await mkdir(request.out, { recursive: true });
    const written: string[] = [];
    for (const file of request.files) {
      const path = join(request.out, file.name);
      const failed = await writeOut(path, file.text);
      if (failed) return failed;
      written.push(path);
    }
    return { stdout: `${JSON.stringify({ files: written }, null, 2)}\n`, stderr: '', code: 0 };
  }
  if (parsed.command === 'score') return scoreCommand(parsed.file, text);
  if (parsed.command === 'metrics') {
    return metricsCommand(parsed.file, text, parsed.options['as-of'], isoDay(new Date()));
  }
  return parsed.command === 'cutline'
    ? cutlineCommand(parsed.file, text, parsed.options.scenario)
    : validateCommand(parsed.file, text);
}

const output = await runBaton(process.argv.slice(2)).catch((error: unknown): CliOutput => ({
  stdout: '',
  stderr: `baton: ${error instanceof Error ? error.message : String(error)}\n`,
  code: EXIT_FAILURE,
}));
process.stdout.write(output.stdout);
process.stderr.write(output.stderr);
process.exitCode = output.code;
if (solverLoaded) {
  // The solver's WebAssembly is still being optimized in the background for code that ran late.
  // Left to end by itself, Node would wait for all of it; exiting stops what has not started.
  // The callbacks run once what was written above has been handed over.
  process.stdout.write('', () => process.stderr.write('', () => process.exit()));
}
