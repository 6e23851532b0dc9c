/**
 * The `baton` command line as it is installed: the bundle `npm run build` makes, run by plain
 * Node with nothing to compile. Each command family loads its own part of the bundle (the solver
 * and its WebAssembly, the spreadsheet library, the browser driver), so each is run once here;
 * what the commands answer is tested on the sources in test/electron/cli.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PORTFOLIO } from '../../shared/demo/demo-portfolio';
import { writePortfolio } from '../../shared/portfolio/write';
import { BUILT_CLI, ROOT, baton, builtBaton, type Run } from '../electron/cli/run-baton';

let dir = '';
let demo = '';

beforeAll(async () => {
  if (!existsSync(BUILT_CLI)) {
    throw new Error(`${BUILT_CLI} is missing: run \`npm run build\` before the end-to-end tests.`);
  }
  dir = await mkdtemp(join(tmpdir(), 'baton-built-cli-'));
  demo = join(dir, 'demo.baton.json');
  await writeFile(demo, writePortfolio(DEMO_PORTFOLIO));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Runs a file as a program, the way a shell runs an installed command. */
function runProgram(file: string, args: readonly string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(file, args, { cwd: ROOT }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

describe('the installed `baton` command', () => {
  it("is the package's bin, and runs by itself from any folder", async () => {
    const manifest = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as {
      bin?: Record<string, string>;
    };
    expect(manifest.bin).toEqual({ baton: 'dist/cli/baton.mjs' });
    // The shebang and the executable bit are what `npm link` and a package install rely on.
    const run = await runProgram(BUILT_CLI, ['validate', demo]);
    expect(run).toEqual({
      code: 0,
      stdout: `${demo}: valid baton-portfolio version 1 "Corvane Logistics 2027 portfolio" (62 initiatives, 6 teams, 6 periods, 11 objectives, 2 scenarios; 3 meeting series)\n`,
      stderr: '',
    });
  });

  it('prints its usage, and refuses a command it does not know', async () => {
    const help = await builtBaton('--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('baton validate FILE');
    const unknown = await builtBaton('frobnicate', demo);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('baton validate FILE');
  });

  it('answers as the sources do: validate, cutline, score, metrics', async () => {
    const commands = [
      ['validate', 'test/fixtures/orlib-mknap1/mknap1-07.json'],
      ['cutline', 'test/fixtures/cutline/reasons.baton.json', '--scenario', 'growth'],
      ['score', 'test/fixtures/strategy/ahp-wsjf.baton.json'],
      ['metrics', demo, '--as-of', '2027-01-15'],
      ['validate', join(dir, 'missing.json')],
    ];
    for (const args of commands) {
      const [built, sources] = await Promise.all([builtBaton(...args), baton(...args)]);
      expect(built, args.join(' ')).toEqual(sources);
    }
  });

  it('optimizes with the bundled solver, proving the optimum of a small problem', async () => {
    const run = await builtBaton(
      'optimize',
      'test/fixtures/orlib-mknap1/mknap1-03.json',
      '--time-limit',
      '20',
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ status: 'optimal', objective: 4015 });
  });

  it('returns a plan even when the time limit is shorter than starting up', async () => {
    const run = await builtBaton('optimize', demo, '--time-limit', '0.01');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as { status: string; selected: unknown[] };
    expect(['optimal', 'feasible']).toContain(report.status);
    expect(report.selected.length).toBeGreaterThan(0);
  });

  it('writes an XLSX workbook and reads it back into a portfolio', async () => {
    const workbook = join(dir, 'demo.xlsx');
    const exported = await builtBaton('export', demo, '--format', 'xlsx', '--out', workbook);
    expect(exported).toEqual({
      code: 0,
      stdout: `${JSON.stringify({ files: [workbook] }, null, 2)}\n`,
      stderr: '',
    });
    expect((await readFile(workbook)).subarray(0, 2).toString('latin1')).toBe('PK');
    const portfolio = join(dir, 'from-xlsx.baton.json');
    const imported = await builtBaton('import', workbook, '--out', portfolio);
    expect(imported.code).toBe(0);
    const validated = await builtBaton('validate', portfolio);
    expect(validated.code).toBe(0);
    expect(validated.stdout).toContain('(62 initiatives,');
  });

  it('prints a board pack to PDF with an installed browser', async () => {
    const out = join(dir, 'cover.pdf');
    const run = await builtBaton('pack', demo, '--out', out, '--sections', 'cover');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const summary = JSON.parse(run.stdout) as { out: string; pages: number; bytes: number };
    expect(summary.out).toBe(out);
    expect(summary.pages).toBeGreaterThanOrEqual(1);
    expect((await stat(out)).size).toBe(summary.bytes);
    expect((await readFile(out)).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });
});
