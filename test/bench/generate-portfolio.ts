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
