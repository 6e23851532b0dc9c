/**
 * Snapshots of a large portfolio: what holding a review pays to freeze a 5,000-initiative
 * portfolio (20 teams, 12 periods) as canonical file text with its fingerprint, what opening that
 * snapshot read-only pays (the full reader, as for any file), and what comparing two snapshots
 * pays (the second with 100 initiatives added, 100 removed, 250 changed in status, scores or
 * spend, 10 capacity cells and 2 budget periods changed, and its stack reordered so that work
 * crosses the cut line). `BENCH_SNAPSHOT_SIZE` picks another size, `BENCH_RUNS` the runs (7).
 * Prints numbers; asserts nothing.
 */
import { performance } from 'node:perf_hooks';
import { diffPortfolios } from '../../shared/cadence/diff';
import { openSnapshot, takeSnapshot } from '../../shared/cadence/snapshot';
import type { Initiative, Portfolio } from '../../shared/portfolio/types';
import { generatePortfolio } from './generate-portfolio';

const SIZE = Number(process.env.BENCH_SNAPSHOT_SIZE ?? 5_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 7);

function measure<T>(label: string, work: () => T): T {
  let result: T | undefined;
  const times: number[] = [];
  work(); // warm-up: the first call compiles
  for (let run = 0; run < RUNS; run += 1) {
    const start = performance.now();
    result = work();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)] ?? 0;
  const worst = times.at(-1) ?? 0;
  console.log(
    `${label.padEnd(58)} median ${median.toFixed(0).padStart(6)} ms   worst ${worst.toFixed(0).padStart(6)} ms   (${RUNS} runs)`,
  );
  return result as T;
}

/** The portfolio a quarter later: some work added, some gone, some changed, the stack moved. */
function quarterLater(before: Portfolio): Portfolio {
  const removed = new Set(before.initiatives.slice(0, 100).map((item) => item.id));
  const changed = (item: Initiative, index: number): Initiative => {
    if (index % 20 !== 0) return item;
    if (index % 60 === 0) return { ...item, status: item.status === 'active' ? 'done' : 'active' };
    if (index % 40 === 0) return { ...item, value: (item.value ?? 10) + 7 };
    return { ...item, spend: (item.spend ?? [0]).map((amount) => amount * 1.25) };
  };
  const unlinked = (item: Initiative): Initiative => ({
    ...item,
    ...(item.dependsOn && { dependsOn: item.dependsOn.filter((id) => !removed.has(id)) }),
    ...(item.excludes && { excludes: item.excludes.filter((id) => !removed.has(id)) }),
  });
  const kept = before.initiatives
    .filter((item) => !removed.has(item.id))
    .map(unlinked)
    .map(changed);
  const added: Initiative[] = Array.from({ length: 100 }, (_, index) => ({
    id: `new-${index + 1}`,
    name: `New initiative ${index + 1}`,
    status: 'proposed',
    value: 20 + (index % 30),
    demand: { [before.teams[index % before.teams.length]!.id]: [2] },
  }));
  const initiatives = [...kept, ...added];
  const teams = before.teams.map((team, index) =>
    index < 10
      ? {
          ...team,
          capacity: { ...team.capacity, P2: (team.capacity.P2 ?? 0) + 3 },
        }
      : team,
  );
  const budget = before.budget && { ...before.budget, P1: (before.budget.P1 ?? 0) * 0.9, P2: 0 };
  const scenarios = before.scenarios.map((scenario) => {
    const ranking = scenario.ranking.filter((id) => !removed.has(id));
    // The bottom fifth moves to the top: work crosses the line both ways.
    const cut = Math.floor(ranking.length * 0.8);
    return { ...scenario, ranking: [...ranking.slice(cut), ...ranking.slice(0, cut)] };
  });
  return { ...before, initiatives, teams, ...(budget && { budget }), scenarios };
}

const portfolio = generatePortfolio({
  initiatives: SIZE,
  teams: 20,
  periods: 12,
  dependencyShare: 0.3,
  seed: 17,
});
const later = quarterLater(portfolio);
console.log(
  `Snapshots of ${SIZE.toLocaleString('en')} initiatives, 20 teams, 12 periods (${RUNS} runs after a warm-up)`,
);

const first = measure('take a snapshot (canonical text + fingerprint)', () =>
  takeSnapshot(portfolio, { id: 's1', label: 'Before', takenAt: '2027-01-04T10:00:00.000Z' }),
);
const second = takeSnapshot(later, {
  id: 's2',
  label: 'After',
  takenAt: '2027-04-05T10:00:00.000Z',
});
console.log(
  `${'snapshot size'.padEnd(58)} ${(first.text.length / 1024 / 1024).toFixed(1)} MB of text`,
);
const opened = measure('open a snapshot read-only (read + check the text)', () =>
  openSnapshot(first),
);
if (!opened.ok) throw new Error(`The snapshot did not open: ${opened.message}`);
const openedLater = openSnapshot(second);
if (!openedLater.ok) throw new Error(`The snapshot did not open: ${openedLater.message}`);
const diff = measure('diff two opened snapshots (with both cut lines)', () =>
  diffPortfolios(opened.portfolio, openedLater.portfolio),
);
measure('open both and diff them (what "Compare" pays)', () => {
  const a = openSnapshot(first);
  const b = openSnapshot(second);
  if (!a.ok || !b.ok) throw new Error('A snapshot did not open');
  return diffPortfolios(a.portfolio, b.portfolio);
});
console.log(
  `${'the diff found'.padEnd(58)} ${diff.added.length} added, ${diff.removed.length} removed, ${diff.changed.length} changed, ${diff.cutLine.length} across the cut line, ${diff.capacity.length} capacity cells, ${diff.budget.length} budget periods`,
);
