/**
 * Import of 10,000 initiatives (20 teams, 12 periods, 30 % with a dependency) from the CSV and
 * the XLSX that Baton's own export writes, each step timed: reading the file, guessing the
 * column mapping, reading the records (the draft), and merging them into a portfolio that has
 * the teams and periods but no initiatives (10,000 added), and into the portfolio they came from
 * (10,000 matched by id). In Node, then the XLSX read again in Chromium's worker, as
 * the app does it (the page stays responsive meanwhile: its longest task is printed). Also what
 * writing the XLSX export takes, in Node and in the worker. `BENCH_IMPORT_SIZE=2000` picks
 * another size, `BENCH_RUNS` the runs (5). Prints numbers; asserts nothing.
 */
import { performance } from 'node:perf_hooks';
import { chromium } from 'playwright-core';
import { tableToCsv } from '../../shared/exchange/csv';
import { readCsv } from '../../shared/exchange/import/csv-read';
import { draftFromTable } from '../../shared/exchange/import/draft';
import { guessMapping } from '../../shared/exchange/import/mapping';
import { mergeDraft } from '../../shared/exchange/import/merge';
import type { ImportFormat, RawTable } from '../../shared/exchange/import/types';
import { initiativesTable } from '../../shared/exchange/tables';
import { readXlsx, writeXlsx } from '../../shared/exchange/xlsx';
import type { Portfolio } from '../../shared/portfolio/types';
import { CHROMIUM_ARGS, chromiumPath } from '../e2e/support/browser';
import { startStaticServer } from '../e2e/support/server';
import { buildXlsxProbe } from '../e2e/support/xlsx-probe';
import { generatePortfolio } from './generate-portfolio';

const SIZE = Number(process.env.BENCH_IMPORT_SIZE ?? 10_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const TODAY = '2027-01-04';

type Timings = Record<string, number[]>;

function note(timings: Timings, label: string, ms: number): void {
  (timings[label] ??= []).push(ms);
}

async function timed<T>(timings: Timings, label: string, work: () => T | Promise<T>): Promise<T> {
  const start = performance.now();
  const result = await work();
  note(timings, label, performance.now() - start);
  return result;
}

function report(title: string, timings: Timings): void {
  console.log(`\n${title}`);
  for (const [label, times] of Object.entries(timings)) {
    const sorted = [...times].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
    const worst = sorted.at(-1) ?? 0;
    console.log(
      `${label.padEnd(58)} median ${median.toFixed(0).padStart(7)} ms   worst ${worst.toFixed(0).padStart(7)} ms   (${times.length} runs)`,
    );
  }
}

/**
 * Mapping, draft and both merges of a sheet already read; answers the time of mapping, draft and
 * the merge that adds them (what one import pays after reading the file).
 */
async function importSheet(
  timings: Timings,
  table: RawTable,
  empty: Portfolio,
  full: Portfolio,
  format: ImportFormat,
): Promise<number> {
  const start = performance.now();
  const mapping = await timed(timings, 'guess the column mapping', () =>
    guessMapping(table, empty),
  );
  if (mapping.kind !== 'initiatives') throw new Error(`guessed ${mapping.kind}, not initiatives`);
  const drafted = await timed(
    timings,
    `read ${SIZE.toLocaleString('en')} initiatives (draft)`,
    () => draftFromTable(table, mapping, empty, format),
  );
  if (!drafted.ok) throw new Error(`draft refused: ${drafted.problems[0]?.message}`);
  if (drafted.draft.initiatives.length !== SIZE) throw new Error('the draft lost initiatives');
  const added = await timed(timings, 'merge into a portfolio without them (all added)', () =>
    mergeDraft(empty, drafted.draft, 'merge', TODAY),
  );
  if (!added.ok) throw new Error(`merge refused: ${added.problems[0]?.message}`);
  if (added.summary.initiatives.added.length !== SIZE) throw new Error('not every one was added');
  const importing = performance.now() - start;
  const matched = await timed(timings, 'merge into the portfolio they came from (matched)', () =>
    mergeDraft(full, drafted.draft, 'merge', TODAY),
  );
  if (!matched.ok) throw new Error(`merge refused: ${matched.problems[0]?.message}`);
  if (matched.summary.initiatives.added.length !== 0) throw new Error('some were not matched');
  return importing;
}

const full = generatePortfolio({
  initiatives: SIZE,
  teams: 20,
  periods: 12,
  dependencyShare: 0.3,
  seed: 7,
});
const empty: Portfolio = { ...full, initiatives: [], scenarios: [] };
const table = initiativesTable(full);

const exportTimings: Timings = {};
let csv = '';
let xlsx: Uint8Array = new Uint8Array();
for (let run = 0; run < RUNS; run += 1) {
  csv = await timed(exportTimings, 'write the initiatives as CSV', () => tableToCsv(table));
  xlsx = await timed(exportTimings, 'write the initiatives as XLSX (exceljs, Node)', () =>
    writeXlsx([table]),
  );
}
console.log(
  `\nImport of ${SIZE.toLocaleString('en')} initiatives × 20 teams × 12 periods: CSV ${(csv.length / 1024 / 1024).toFixed(1)} MB, XLSX ${(xlsx.length / 1024 / 1024).toFixed(1)} MB`,
);
report('Export', exportTimings);

const csvTimings: Timings = {};
for (let run = 0; run < RUNS; run += 1) {
  const start = performance.now();
  const read = await timed(csvTimings, 'read the CSV (papaparse)', () =>
    readCsv(csv, 'initiatives'),
  );
  if (!read.ok) throw new Error(`CSV refused: ${read.problems[0]?.message}`);
  const reading = performance.now() - start;
  const rest = await importSheet(csvTimings, read.table, empty, full, 'csv');
  note(csvTimings, 'in all: read, map, draft, merge (added)', reading + rest);
}
report('From CSV (Node)', csvTimings);

const xlsxTimings: Timings = {};
for (let run = 0; run < RUNS; run += 1) {
  const start = performance.now();
  const read = await timed(xlsxTimings, 'read the XLSX (exceljs)', () => readXlsx(xlsx));
  if (!read.ok) throw new Error(`XLSX refused: ${read.problems[0]?.message}`);
  const sheet = read.tables[0];
  if (!sheet) throw new Error('the workbook has no sheet');
  const reading = performance.now() - start;
  const rest = await importSheet(xlsxTimings, sheet, empty, full, 'xlsx');
  note(xlsxTimings, 'in all: read, map, draft, merge (added)', reading + rest);
}
report('From XLSX (Node)', xlsxTimings);

// The XLSX read in Chromium's worker, as the app does it.
const probe = await buildXlsxProbe();
const server = await startStaticServer(probe.dist);
const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage();
  await page.goto(server.url);
  await page.waitForFunction(() => window.__xlsx !== undefined);
  // The bytes reach the page once, as base64 (an array of numbers would be slow to pass).
  await page.evaluate((base64) => {
    const text = atob(base64);
    (window as unknown as { __bytes: Uint8Array }).__bytes = Uint8Array.from(text, (char) =>
      char.charCodeAt(0),
    );
  }, Buffer.from(xlsx).toString('base64'));
  const browserTimings: Timings = {};
  for (let run = 0; run < RUNS; run += 1) {
    const measured = await page.evaluate(async () => {
      const bytes = (window as unknown as { __bytes: Uint8Array }).__bytes;
      const longTasks: number[] = [];
      const observer = new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) longTasks.push(entry.duration);
      });
      observer.observe({ type: 'longtask' });
      let firstProgress = -1;
      const start = performance.now();
      const read = await window.__xlsx.readXlsxInWorker(bytes, () => {
        if (firstProgress < 0) firstProgress = performance.now() - start;
      });
      const ms = performance.now() - start;
      // Long tasks are reported after they end: give the observer a frame.
      await new Promise((resolve) => requestAnimationFrame(resolve));
      observer.disconnect();
      const rows = read.ok ? (read.tables[0]?.rows.length ?? 0) : -1;
      return { ms, firstProgress, rows, longest: Math.max(0, ...longTasks) };
    });
    if (measured.rows !== SIZE + 1) throw new Error(`the worker read ${measured.rows} rows`);
    note(browserTimings, 'read the XLSX in a worker (start, read, rows back)', measured.ms);
    note(browserTimings, 'until its first progress message', measured.firstProgress);
    note(browserTimings, "the page's longest task meanwhile", measured.longest);
  }
  // Writing the export in the worker, as File › Export… does, the table passed in.
  for (let run = 0; run < RUNS; run += 1) {
    const ms = await page.evaluate(
      async (tables) => {
        const start = performance.now();
        const bytes = await window.__xlsx.writeXlsxInWorker(tables);
        if (bytes.length === 0) throw new Error('an empty workbook');
        return performance.now() - start;
      },
      [table],
    );
    note(browserTimings, 'write the initiatives as XLSX in a worker', ms);
  }
  report('From XLSX in Chromium (the app’s worker)', browserTimings);
} finally {
  await browser.close();
  await server.close();
  await probe.remove();
}
