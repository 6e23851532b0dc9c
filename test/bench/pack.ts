/**
 * The board pack as a PDF: render time with a browser already running, the `baton pack` command
 * end to end from a cold start, the size of the file, and a 300-initiative pack. Needs the built
 * renderer (`npm run build:renderer`) and an installed Chromium. Prints numbers and whether the
 * target is met ("a 20-page pack in at most 1.5 s end to end and at most 2 MB"); asserts nothing.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { launchChromium, renderPackPdf } from '../../electron/cli/render-pack';
import { DEMO_PORTFOLIO } from '../../shared/demo/demo-portfolio';
import { defaultPackSettings } from '../../shared/pack/settings';
import type { PackInput } from '../../shared/pack/types';
import type { Portfolio } from '../../shared/portfolio/types';
import { writePortfolio } from '../../shared/portfolio/write';
import { generatePortfolio } from './generate-portfolio';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const RENDERER_DIR = join(ROOT, 'dist/renderer');
const TARGET_SECONDS = 1.5;
const TARGET_BYTES = 2 * 1024 * 1024;
const WARM_RUNS = 5;
const CLI_RUNS = 3;
const LARGE_RUNS = 3;

const run = promisify(execFile);

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;
const verdict = (met: boolean) => (met ? 'met' : 'NOT met');

function inputFor(portfolio: Portfolio): PackInput {
  return { portfolio, settings: defaultPackSettings(portfolio, '2027-01-15') };
}

/** `npm run --silent baton -- ARGS`, timed from the shell's point of view. */
async function timedBaton(args: readonly string[]): Promise<{ ms: number; stdout: string }> {
  const started = performance.now();
  const { stdout } = await run('npm', ['run', '--silent', 'baton', '--', ...args], { cwd: ROOT });
  return { ms: performance.now() - started, stdout };
}

const folder = await mkdtemp(join(tmpdir(), 'baton-bench-pack-'));
try {
  const demo = inputFor(DEMO_PORTFOLIO);
  const large = inputFor(
    generatePortfolio({ initiatives: 300, teams: 8, periods: 8, dependencyShare: 0.2, seed: 3 }),
  );

  // (a) and (d): one browser for every in-process render.
  const browser = await launchChromium();
  const warm: number[] = [];
  const largeTimes: number[] = [];
  let demoPages = 0;
  let demoBytes = 0;
  let largePages = 0;
  let largeBytes = 0;
  try {
    for (let index = 0; index < WARM_RUNS; index += 1) {
      const started = performance.now();
      const rendered = await renderPackPdf(demo, { rendererDir: RENDERER_DIR, browser });
      warm.push(performance.now() - started);
      demoPages = rendered.pages;
      demoBytes = rendered.pdf.length;
    }
    for (let index = 0; index < LARGE_RUNS; index += 1) {
      const started = performance.now();
      const rendered = await renderPackPdf(large, { rendererDir: RENDERER_DIR, browser });
      largeTimes.push(performance.now() - started);
      largePages = rendered.pages;
      largeBytes = rendered.pdf.length;
    }
  } finally {
    await browser.close();
  }

  // (b): the command line from a cold start (its own Node, tsx and browser each time), and the
  // same start-up without a browser (`validate`), to see where the time goes.
  const file = join(folder, 'demo.baton.json');
  await writeFile(file, writePortfolio(DEMO_PORTFOLIO));
  const cold: number[] = [];
  let cliBytes = 0;
  for (let index = 0; index < CLI_RUNS; index += 1) {
    const out = join(folder, `demo-${index}.pdf`);
    const { ms, stdout } = await timedBaton(['pack', file, '--out', out]);
    cold.push(ms);
    const summary = JSON.parse(stdout) as { bytes: number };
    cliBytes = summary.bytes;
    if ((await stat(out)).size !== cliBytes) throw new Error('the CLI reported a wrong size');
  }
  const startup: number[] = [];
  for (let index = 0; index < CLI_RUNS; index += 1) {
    startup.push((await timedBaton(['validate', file])).ms);
  }

  console.log(`\nBoard pack PDF (target: a 20-page pack ≤ ${TARGET_SECONDS} s end to end, ≤ 2 MB)`);
  console.log(
    `demo pack, ${demoPages} pages, browser already running (${WARM_RUNS} renders)`.padEnd(66) +
      `median ${seconds(median(warm))}   max ${seconds(Math.max(...warm))}   ` +
      `${verdict(median(warm) <= TARGET_SECONDS * 1000)} for the render alone`,
  );
  console.log(
    `\`baton pack\` demo, cold start, end to end (${CLI_RUNS} runs)`.padEnd(66) +
      `median ${seconds(median(cold))}   max ${seconds(Math.max(...cold))}   ` +
      `${verdict(median(cold) <= TARGET_SECONDS * 1000)}`,
  );
  console.log(
    `  of which starting npm, Node and tsx (\`baton validate\`, ${CLI_RUNS} runs)`.padEnd(66) +
      `median ${seconds(median(startup))}`,
  );
  const size = Math.max(demoBytes, cliBytes);
  console.log(
    `PDF size of the ${demoPages}-page demo pack`.padEnd(66) +
      `${megabytes(size)} (${size.toLocaleString('en-GB')} bytes)   ${verdict(size <= TARGET_BYTES)}`,
  );
  console.log(
    `300 initiatives, ${largePages} pages, browser already running (${LARGE_RUNS} renders)`.padEnd(
      66,
    ) +
      `median ${seconds(median(largeTimes))}   max ${seconds(Math.max(...largeTimes))}   ` +
      `${megabytes(largeBytes)}`,
  );
  const met = median(cold) <= TARGET_SECONDS * 1000 && size <= TARGET_BYTES;
  console.log(
    `target (end to end and size): ${verdict(met)}${
      median(warm) <= TARGET_SECONDS * 1000 ? '' : '; the render alone is over it too'
    }`,
  );
} finally {
  await rm(folder, { recursive: true, force: true });
}
