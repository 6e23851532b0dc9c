/**
 * Optimizer benchmarks: proven optimality on small portfolios, certified gaps over time on large
 * ones, the efficient frontier. Numbers are for this machine and load; they are printed, not
 * asserted. Run with `npm run bench` (or `npx tsx test/bench/optimize.ts [section]`).
 */
import highsLoader from 'highs';
import { efficientFrontier } from '../../shared/optimize/frontier';
import { optimizePortfolio, type OptimizeProgress } from '../../shared/optimize/optimize';
import { generateConstrainedPortfolio } from './generate-portfolio';

const highs = await highsLoader();
const now = () => performance.now() / 1000;
const only = process.argv[2];

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

const pct = (gap: number | undefined) =>
  gap === undefined || !Number.isFinite(gap)
    ? '   –   '
    : `${(gap * 100).toFixed(2).padStart(5)} %`;

/** Solves and follows the certified gap over time. */
function follow(
  initiatives: number,
  teams: number,
  periods: number,
  seed: number,
  timeLimit: number,
) {
  const portfolio = generateConstrainedPortfolio({ initiatives, teams, periods, seed });
  const began = now();
  let firstPlan: number | undefined;
  const gapAt: { time: number; gap: number }[] = [];
  const seen = (progress: OptimizeProgress) => {
    if (progress.plan && firstPlan === undefined) firstPlan = now() - began;
    if (progress.gap !== undefined) gapAt.push({ time: now() - began, gap: progress.gap });
  };
  const result = optimizePortfolio(highs, portfolio, { timeLimit, now, onProgress: seen });
  const total = now() - began;
  gapAt.push({ time: total, gap: result.gap });
  const gapBy = (time: number) => {
    const known = gapAt.filter((entry) => entry.time <= time + 1e-9);
    return known.length ? Math.min(...known.map((entry) => entry.gap)) : undefined;
  };
  const reached = (gap: number) => gapAt.find((entry) => entry.gap <= gap + 1e-12)?.time;
  return { result, total, firstPlan, gapBy, reached };
}

if (!only || only === 'small') {
  for (const [size, limit] of [
    [25, 30],
    [40, 30],
  ] as const) {
    console.log(
      `\n${size} initiatives × 5 teams × 6 quarters, 25 % with a dependency, budget (time limit ${limit} s)`,
    );
    const times: number[] = [];
    for (let seed = 1; seed <= 5; seed += 1) {
      const run = follow(size, 5, 6, seed, limit);
      times.push(run.result.status === 'optimal' ? run.total : Number.POSITIVE_INFINITY);
      console.log(
        `  seed ${seed}: ${run.result.status.padEnd(8)} value ${String(Math.round(run.result.objective)).padStart(6)}  ` +
          `${run.result.status === 'optimal' ? `proven in ${run.total.toFixed(2)} s` : `gap ${pct(run.result.gap)} after ${run.total.toFixed(1)} s`}` +
          `   gap at 1 s ${pct(run.gapBy(1))}, at 5 s ${pct(run.gapBy(5))}`,
      );
    }
    const m = median(times);
    console.log(
      `  median time to proven optimal: ${Number.isFinite(m) ? `${m.toFixed(2)} s` : `not within ${limit} s`}`,
    );
  }
}

if (!only || only === 'large') {
  for (const [size, teams, periods, limit] of [
    [200, 8, 8, 10],
    [1000, 20, 12, 10],
  ] as const) {
    console.log(
      `\n${size} initiatives × ${teams} teams × ${periods} periods (time limit ${limit} s)`,
    );
    for (let seed = 1; seed <= 3; seed += 1) {
      const run = follow(size, teams, periods, seed, limit);
      console.log(
        `  seed ${seed}: first plan ${run.firstPlan?.toFixed(3)} s, gap at 2 s ${pct(run.gapBy(2))}, at 10 s ${pct(run.gapBy(10))}; ` +
          `1 % reached ${run.reached(0.01)?.toFixed(1) ?? 'no'}, 0.5 % reached ${run.reached(0.005)?.toFixed(1) ?? 'no'}; value ${Math.round(run.result.objective)}`,
      );
    }
  }
}

if (!only || only === 'frontier') {
  const portfolio = generateConstrainedPortfolio({
    initiatives: 200,
    teams: 8,
    periods: 8,
    seed: 1,
  });
  const began = now();
  const frontier = efficientFrontier(highs, portfolio, { points: 20, timeLimit: 20, now });
  const proven = frontier.points.filter((point) => point.status === 'optimal').length;
  const worst = Math.max(
    ...frontier.points.map((point) => (point.bound - point.value) / Math.max(point.value, 1)),
  );
  console.log(
    `\nEfficient frontier, 200 initiatives × 8 teams × 8 periods: ${frontier.points.length} points in ${(now() - began).toFixed(1)} s, ${proven} proven, worst gap ${pct(worst)}`,
  );
}
