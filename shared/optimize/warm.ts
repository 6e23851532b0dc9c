/**
 * Warming the solver: HiGHS runs as WebAssembly, whose code is compiled for speed only once it
 * runs, so the first real solve in a process does the same work markedly slower than the next
 * (about 1.7× on a 100-initiative root). A throwaway solve of a portfolio like those users bring,
 * before the one that counts, makes the short solves users wait for as good as later ones.
 */
import type { Highs } from 'highs';
import type { Initiative, Portfolio } from '../portfolio/types';
import { buildModel } from './model';
import { seededRandom } from './random';
import { solveModel } from './solve';

/** A small portfolio whose capacity and budget bind, the same on every call. */
export function warmUpPortfolio(initiatives = 60): Portfolio {
  const random = seededRandom(12345);
  const periodCount = 6;
  const teamCount = 4;
  const periods = Array.from({ length: periodCount }, (_, p) => ({
    id: `P${p + 1}`,
    label: `P${p + 1}`,
  }));
  const list: Initiative[] = [];
  const teamDemand = new Array<number>(teamCount).fill(0);
  let spendTotal = 0;
  for (let index = 0; index < initiatives; index += 1) {
    const duration = 1 + Math.floor(random() * 4);
    const demand: Record<string, number[]> = {};
    let effort = 0;
    for (let k = 0, teams = 1 + Math.floor(random() * 3); k < teams; k += 1) {
      const team = Math.floor(random() * teamCount);
      const amounts = Array.from({ length: duration }, () => Math.round(5 + random() * 25) / 10);
      demand[`t${team + 1}`] = amounts;
      const sum = amounts.reduce((a, b) => a + b, 0);
      teamDemand[team] = (teamDemand[team] as number) + sum;
      effort += sum;
    }
    const spend = Array.from({ length: duration }, () => Math.round(20 + random() * 180) * 1000);
    spendTotal += spend.reduce((a, b) => a + b, 0);
    const dependsOn = index > 0 && random() < 0.25 ? [`i${Math.floor(random() * index)}`] : [];
    list.push({
      id: `i${index}`,
      name: `i${index}`,
      status: 'proposed',
      value: Math.round(effort * (2 + random() * 14) + random() * 60),
      demand,
      spend,
      ...(dependsOn.length > 0 && { dependsOn }),
      ...(random() < 0.1 && { latestStart: `P${1 + Math.floor(random() * periodCount)}` }),
    });
  }
  return {
    name: 'Warm-up',
    currency: 'EUR',
    capacityUnit: 'FTE',
    periods,
    teams: teamDemand.map((total, t) => ({
      id: `t${t + 1}`,
      name: `t${t + 1}`,
      capacity: Object.fromEntries(
        periods.map((period) => [period.id, Math.max(1, Math.round(total / periodCount))]),
      ),
    })),
    budget: Object.fromEntries(
      periods.map((period) => [period.id, Math.round(spendTotal / 2 / periodCount / 1000) * 1000]),
    ),
    objectives: [],
    initiatives: list,
    scenarios: [{ id: 'base', name: 'Base', ranking: list.map((initiative) => initiative.id) }],
  };
}

/**
 * Runs a throwaway solve so that the next ones run at full speed: the root of a 60-initiative
 * portfolio (one node), which runs the code a real solve spends its time in. Synchronous, so it
 * pays where it runs ahead of time, as in the app's worker. A job that arrives meanwhile waits for
 * it, so it is bounded by `seconds` (`WARM_UP_SECONDS` unless told).
 */
export const WARM_UP_SECONDS = 0.5;

export function warmSolver(
  highs: Highs,
  options: { readonly seconds?: number; readonly initiatives?: number } = {},
): void {
  const model = buildModel(warmUpPortfolio(options.initiatives ?? 60));
  solveModel(highs, model, {
    timeLimit: options.seconds ?? WARM_UP_SECONDS,
    solverOptions: { mip_max_nodes: 1 },
  });
}
