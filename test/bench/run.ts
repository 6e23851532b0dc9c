/**
 * Benchmarks: each prints what it measured. Run with `npm run bench`; numbers are for this
 * machine and load, so they are reported, never asserted.
 */
import { performance } from 'node:perf_hooks';
import { readPortfolioText } from '../../shared/portfolio/restore';
import { checkPortfolioRules } from '../../shared/portfolio/rules';
import { writePortfolio } from '../../shared/portfolio/write';
import { cutLineReport, scenarioCutLine } from '../../shared/prioritize/cutline';
import { generatePortfolio } from './generate-portfolio';

function measure(label: string, runs: number, work: () => void, warmUpRuns = 0): void {
  for (let run = 0; run < warmUpRuns; run += 1) work();
  const times: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const start = performance.now();
    work();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)] ?? 0;
  const p95 = times[Math.min(times.length - 1, Math.floor(times.length * 0.95))] ?? 0;
  console.log(
    `${label.padEnd(58)} median ${median.toFixed(2).padStart(8)} ms   p95 ${p95.toFixed(2).padStart(8)} ms   (${runs} runs)`,
  );
}

for (const size of [100, 1000, 5000]) {
  const portfolio = generatePortfolio({
    initiatives: size,
    teams: 20,
    periods: 12,
    dependencyShare: 0.3,
    seed: 7,
  });
  const text = writePortfolio(portfolio);
  console.log(
    `\n${size} initiatives × 20 teams × 12 periods: file of ${(text.length / 1024).toFixed(0)} KiB`,
  );
  const runs = size >= 5000 ? 10 : 40;
  measure('read and validate the file (import)', runs, () => {
    if (!readPortfolioText(text).ok) throw new Error('generated portfolio is invalid');
  });
  measure('write the file (export)', runs, () => writePortfolio(portfolio));
  measure('check every rule (done on each edit in the app)', runs, () =>
    checkPortfolioRules(portfolio),
  );
}

{
  const portfolio = generatePortfolio({
    initiatives: 1000,
    teams: 20,
    periods: 12,
    dependencyShare: 0.3,
    seed: 7,
  });
  const cutLine = scenarioCutLine(portfolio);
  const above = cutLine.placements.filter((placement) => placement.above).length;
  console.log(
    `\nCut line, 1000 initiatives × 20 teams × 12 periods, 30 % with a dependency: ${above} above, ${cutLine.placements.length - above} below`,
  );
  measure(
    'place the stack (the live cut line on the board)',
    400,
    () => scenarioCutLine(portfolio),
    100,
  );
  measure(
    'place it and write every reason (the cutline command)',
    400,
    () => cutLineReport(portfolio, scenarioCutLine(portfolio)),
    100,
  );
}
