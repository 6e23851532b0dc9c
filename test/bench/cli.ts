/**
 * The `baton` command line as installed: the bundle `npm run build` makes (dist/cli/baton.mjs),
 * started by plain Node in a new process each time, timed from the spawn to the process's end
 * (wall time, median of several runs after one untimed run that fills the disk cache). Targets:
 * `validate` on the demo ≤ 0.5 s; `cutline` on 1,000 initiatives × 20 teams × 12 periods ≤ 0.8 s;
 * `optimize --time-limit T` returns within T + 0.3 s. Prints numbers; asserts nothing.
 * `BATON_CLI_DIST` points at another build of the command line.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { DEMO_PORTFOLIO } from '../../shared/demo/demo-portfolio';
import { writePortfolio } from '../../shared/portfolio/write';
import { generateConstrainedPortfolio, generatePortfolio } from './generate-portfolio';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CLI_DIR = process.env.BATON_CLI_DIST ?? join(ROOT, 'dist/cli');
const CLI = join(CLI_DIR, 'baton.mjs');
const STARTUP_RUNS = 15;
const CUTLINE_RUNS = 10;
const OPTIMIZE_RUNS = 5;
/** What `optimize --time-limit T` may take beyond T, whole process. */
const OPTIMIZE_GRACE = 0.3;

type Timed = { readonly seconds: number; readonly code: number; readonly stdout: string };

/** Runs `command args` in a new process; the wall time from the spawn to its exit. */
function timed(command: string, args: readonly string[]): Promise<Timed> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      resolve({ seconds: (performance.now() - started) / 1000, code: code ?? 1, stdout });
    });
  });
}

/** One untimed run (disk cache, the first start of Node), then `runs` timed ones. */
async function repeat(command: string, args: readonly string[], runs: number): Promise<Timed[]> {
  const first = await timed(command, args);
  if (first.code !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${first.code}`);
  const results: Timed[] = [];
  for (let index = 0; index < runs; index += 1) results.push(await timed(command, args));
  return results;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

const seconds = (value: number) => `${value.toFixed(2)} s`;
const verdict = (met: boolean) => (met ? 'met' : 'NOT met');
const line = (label: string, rest: string) => console.log(`${label.padEnd(62)}${rest}`);

function summary(results: readonly Timed[]): { median: number; max: number; text: string } {
  const times = results.map((result) => result.seconds);
  const mid = median(times);
  const max = Math.max(...times);
  return { median: mid, max, text: `median ${seconds(mid)}   max ${seconds(max)}` };
}

if (!existsSync(CLI)) {
  throw new Error(
    `${CLI} is missing: run \`npm run build\` (or \`npm run build:electron\`) first.`,
  );
}

const folder = await mkdtemp(join(tmpdir(), 'baton-bench-cli-'));
try {
  const demo = join(folder, 'demo.baton.json');
  await writeFile(demo, writePortfolio(DEMO_PORTFOLIO));
  const large = join(folder, 'cutline-1000.baton.json');
  await writeFile(
    large,
    writePortfolio(
      generatePortfolio({
        initiatives: 1000,
        teams: 20,
        periods: 12,
        dependencyShare: 0.3,
        seed: 7,
      }),
    ),
  );
  const constrained = join(folder, 'constrained-200.baton.json');
  await writeFile(
    constrained,
    writePortfolio(
      generateConstrainedPortfolio({ initiatives: 200, teams: 8, periods: 8, seed: 1 }),
    ),
  );

  const files = await readdir(CLI_DIR);
  const sizes = await Promise.all(
    files.map(async (file) => ({ file, bytes: (await stat(join(CLI_DIR, file))).size })),
  );
  const kilobytes = (bytes: number) => `${Math.round(bytes / 1024).toLocaleString('en-GB')} kB`;
  console.log(
    `\nThe \`baton\` command line, bundled (${sizes
      .sort((a, b) => b.bytes - a.bytes)
      .map(({ file, bytes }) => `${file} ${kilobytes(bytes)}`)
      .join(', ')}), run by plain Node, wall time per call`,
  );

  const floor = summary(await repeat(process.execPath, ['-e', '0'], STARTUP_RUNS));
  line(`Node alone, \`node -e 0\` (${STARTUP_RUNS} runs)`, `${floor.text}   (the floor)`);

  const validate = summary(await repeat(process.execPath, [CLI, 'validate', demo], STARTUP_RUNS));
  line(
    `\`baton validate\` on the demo (${STARTUP_RUNS} runs)`,
    `${validate.text}   target ≤ 0.50 s: ${verdict(validate.median <= 0.5)}`,
  );
  const viaNpm = summary(
    await repeat('npm', ['run', '--silent', 'baton', '--', 'validate', demo], 5),
  );
  line(`  the same through \`npm run --silent baton --\` (5 runs)`, viaNpm.text);

  const cutline = summary(await repeat(process.execPath, [CLI, 'cutline', large], CUTLINE_RUNS));
  line(
    `\`baton cutline\`, 1,000 × 20 × 12 (${CUTLINE_RUNS} runs)`,
    `${cutline.text}   target ≤ 0.80 s: ${verdict(cutline.median <= 0.8)}`,
  );

  for (const limit of [2, 5]) {
    const runs = await repeat(
      process.execPath,
      [CLI, 'optimize', constrained, '--time-limit', String(limit)],
      OPTIMIZE_RUNS,
    );
    const result = summary(runs);
    const target = limit + OPTIMIZE_GRACE;
    const reports = runs.map(
      (run) => JSON.parse(run.stdout) as { status: string; objective: number; gap?: number },
    );
    const values = reports.map((report) => report.objective);
    const gaps = reports.flatMap((report) => (report.gap === undefined ? [] : [report.gap]));
    const proven = reports.filter((report) => report.status === 'optimal').length;
    line(
      `\`baton optimize --time-limit ${limit}\`, 200 × 8 × 8 (${OPTIMIZE_RUNS} runs)`,
      `${result.text}   target ≤ ${seconds(target)} every run: ${verdict(result.max <= target)}`,
    );
    line(
      '',
      `value median ${Math.round(median(values))}; ${proven} proven optimal; certified gap ` +
        (gaps.length > 0
          ? `median ${(median(gaps) * 100).toFixed(1)} % (${gaps.length} runs with a bound)`
          : 'none (no bound within the limit)'),
    );
  }
} finally {
  await rm(folder, { recursive: true, force: true });
}
