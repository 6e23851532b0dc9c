/** Deterministic synthetic portfolios for benchmarks: sizes beyond any real plan. */
import type { Initiative, Portfolio } from '../../shared/portfolio/types';

export type GenerateOptions = {
  readonly initiatives: number;
  readonly teams: number;
  readonly periods: number;
  /** Share of initiatives that depend on an earlier one. */
  readonly dependencyShare: number;
  readonly seed: number;
};

/** A small linear congruential generator: the same seed gives the same portfolio. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

export function generatePortfolio(options: GenerateOptions): Portfolio {
  const random = seededRandom(options.seed);
  const periods = Array.from({ length: options.periods }, (_, index) => ({
    id: `P${index + 1}`,
    label: `Period ${index + 1}`,
  }));
  const teams = Array.from({ length: options.teams }, (_, index) => ({
    id: `team-${index + 1}`,
    name: `Team ${index + 1}`,
    capacity: Object.fromEntries(
      periods.map((period) => [period.id, 8 + Math.round(random() * 8)]),
    ),
  }));
  const initiatives: Initiative[] = [];
  for (let index = 0; index < options.initiatives; index += 1) {
    const duration = 1 + Math.floor(random() * 3);
    const teamCount = 1 + Math.floor(random() * 3);
    const demand: Record<string, number[]> = {};
    for (let t = 0; t < teamCount; t += 1) {
      const team = teams[Math.floor(random() * teams.length)]!;
      demand[team.id] = Array.from({ length: duration }, () => Math.round(random() * 30) / 10);
    }
    const dependsOn =
      index > 0 && random() < options.dependencyShare
        ? [`i-${Math.floor(random() * index) + 1}`]
        : undefined;
    initiatives.push({
      id: `i-${index + 1}`,
      name: `Initiative ${index + 1}`,
      status: 'proposed',
      value: Math.round(10 + random() * 290),
      demand,
      spend: Array.from({ length: duration }, () => Math.round(random() * 300) * 1000),
      ...(dependsOn && { dependsOn }),
    });
  }
  return {
    name: `Synthetic ${options.initiatives}`,
    currency: 'EUR',
    capacityUnit: 'FTE',
    periods,
    teams,
    budget: Object.fromEntries(periods.map((period) => [period.id, 5_000_000])),
    objectives: [],
    initiatives,
    scenarios: [
      { id: 'base', name: 'Baseline', ranking: initiatives.map((initiative) => initiative.id) },
    ],
  };
}

export type ConstrainedOptions = {
  readonly initiatives: number;
  readonly teams: number;
  readonly periods: number;
  readonly seed: number;
  /** Total demand over total capacity (and total spend over total budget); 2 = twice too much. */
  readonly oversubscription?: number;
};

/**
 * A portfolio where capacity and budget bind, as in a real plan: demand is about twice what the
 * teams can give, the budget covers about half the spend, a quarter of the initiatives depend on
 * an earlier one, a few pairs exclude each other and a few have start windows.
 */
export function generateConstrainedPortfolio(options: ConstrainedOptions): Portfolio {
  const random = seededRandom(options.seed);
  const load = options.oversubscription ?? 2;
  const periods = Array.from({ length: options.periods }, (_, index) => ({
    id: `P${index + 1}`,
    label: `Period ${index + 1}`,
  }));
  const initiatives: Initiative[] = [];
  const teamDemand = new Array<number>(options.teams).fill(0);
  let spendTotal = 0;
  for (let index = 0; index < options.initiatives; index += 1) {
    const duration = 1 + Math.floor(random() * Math.min(4, options.periods));
    const teamCount = 1 + Math.floor(random() * Math.min(3, options.teams));
    const demand: Record<string, number[]> = {};
    let effort = 0;
    for (let t = 0; t < teamCount; t += 1) {
      const team = Math.floor(random() * options.teams);
      const list = Array.from({ length: duration }, () => Math.round(5 + random() * 25) / 10);
      demand[`team-${team + 1}`] = list;
      const sum = list.reduce((a, b) => a + b, 0);
      teamDemand[team] = (teamDemand[team] as number) + sum;
      effort += sum;
    }
    const spend = Array.from({ length: duration }, () => Math.round(20 + random() * 180) * 1000);
    spendTotal += spend.reduce((a, b) => a + b, 0);
    const dependsOn =
      index > 0 && random() < 0.25 ? [`i-${Math.floor(random() * index) + 1}`] : undefined;
    const excludes =
      index > 0 && random() < 0.05 ? [`i-${Math.floor(random() * index) + 1}`] : undefined;
    const windowed = random() < 0.1;
    const latest = Math.floor(random() * options.periods);
    initiatives.push({
      id: `i-${index + 1}`,
      name: `Initiative ${index + 1}`,
      status: 'proposed',
      // Value loosely follows size: some small initiatives are worth a lot, some large ones little.
      value: Math.round(effort * (2 + random() * 14) + random() * 60),
      demand,
      spend,
      ...(dependsOn && { dependsOn }),
      ...(excludes && excludes[0] !== dependsOn?.[0] && { excludes }),
      ...(windowed && { latestStart: `P${latest + 1}` }),
    });
  }
  const teams = Array.from({ length: options.teams }, (_, index) => {
    const perPeriod = (teamDemand[index] as number) / load / options.periods;
    return {
      id: `team-${index + 1}`,
      name: `Team ${index + 1}`,
      capacity: Object.fromEntries(
        periods.map((period) => [
          period.id,
          Math.max(1, Math.round(perPeriod * (0.8 + random() * 0.4) * 2) / 2),
        ]),
      ),
    };
  });
  const budgetPerPeriod = Math.round(spendTotal / load / options.periods / 1000) * 1000;
  return {
    name: `Constrained ${options.initiatives}`,
    currency: 'EUR',
    capacityUnit: 'FTE',
    periods,
    teams,
    budget: Object.fromEntries(periods.map((period) => [period.id, budgetPerPeriod])),
    objectives: [],
    initiatives,
    scenarios: [
      { id: 'base', name: 'Baseline', ranking: initiatives.map((initiative) => initiative.id) },
    ],
  };
}
