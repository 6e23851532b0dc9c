/**
 * How far above the best known plan the optimizer's bounds sit on the 40-initiative benchmark
 * portfolios (the generator and seeds of `optimize.ts`): the LP relaxation, and the pattern bound
 * (per-team period packing, `test/bench/bound/pattern-bound.ts`). Target: the pattern bound within
 * 5 % of the best known plan, in a few seconds. Printed, not asserted.
 *
 * The best known values come from a long solve (60 s, `BOUND_BEST_LIMIT`); the pattern bound
 * gets `BOUND_TIME` seconds (default 10). Run with `npx tsx test/bench/bound.ts`.
 */
import highsLoader from 'highs';
import { buildModel } from '../../../shared/optimize/model';
import { patternBound } from './pattern-bound';
import { solveModel } from '../../../shared/optimize/solve';
import { generateConstrainedPortfolio } from '../generate-portfolio';

const highs = await highsLoader();
const now = () => performance.now() / 1000;
const bestLimit = Number(process.env.BOUND_BEST_LIMIT ?? 60);
const boundTime = Number(process.env.BOUND_TIME ?? 10);
const TARGET = 0.05;

const pct = (value: number) => `${(value * 100).toFixed(1).padStart(5)} %`;

console.log(
  `\nBounds on 40 initiatives × 5 teams × 6 quarters (target: pattern bound ≤ ${pct(TARGET)} above the best known, in a few seconds)`,
);
const gaps: number[] = [];
for (let seed = 1; seed <= 5; seed += 1) {
  const portfolio = generateConstrainedPortfolio({ initiatives: 40, teams: 5, periods: 6, seed });
  const model = buildModel(portfolio);
  const best = solveModel(highs, model, { timeLimit: bestLimit, now });
  const began = now();
  const result = patternBound(highs, model, {
    timeLimit: boundTime,
    now,
    smoothing: 0.5,
    pricingGap: 1e-3,
    pricingTimeLimit: 0.5,
    ...(best.x && { plans: [best.x] }),
  });
  const took = now() - began;
  const known = best.objective;
  const gap = (result.bound - known) / known;
  gaps.push(gap);
  console.log(
    `  seed ${seed}: best known ${Math.round(known)} (${best.status}); LP bound ${result.lpBound.toFixed(1)} (${pct((result.lpBound - known) / known)}); ` +
      `pattern bound ${result.bound.toFixed(1)} (${pct(gap)}) in ${took.toFixed(1)} s, ${result.rounds} rounds, ${result.converged ? 'converged' : 'not converged'}`,
  );
}
const worst = Math.max(...gaps);
console.log(
  `  worst pattern-bound gap ${pct(worst)}: ${worst <= TARGET ? 'met' : '**not met**'} (target ${pct(TARGET)})`,
);
