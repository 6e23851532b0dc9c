/**
 * What a scenario made by the optimizer remembers of how it was made: the scenario it was
 * optimized from and the run's result (status, value, bound and gap, when), kept in the
 * scenario's `extras` under `optimizedFrom`, so that it travels with the portfolio file and a
 * pack of that scenario can print the optimizer's record and compare with where it came from.
 */
import type { Extras, Portfolio, Scenario } from '../portfolio/types';
import type { FrozenOptimizeResult } from './types';

/** The key in a scenario's extras. */
export const OPTIMIZED_FROM_KEY = 'optimizedFrom';

/** The suffix the Optimize view gives the scenario it makes from a plan. */
export const OPTIMIZED_SUFFIX = ' (optimized)';

export type OptimizedFrom = {
  /** The scenario the optimizer ran on. */
  readonly scenarioId: string;
  /** ISO date-time the plan was made into this scenario. */
  readonly at: string;
  readonly result: FrozenOptimizeResult;
};

/** The extras that record where an optimized scenario came from (to store with the scenario). */
export function optimizedFromExtras(record: OptimizedFrom, extras?: Extras): Extras {
  return { ...extras, [OPTIMIZED_FROM_KEY]: record };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const isNumber = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value);

const STATUSES = ['optimal', 'feasible', 'infeasible', 'unknown'] as const;

/**
 * The record a scenario carries, read tolerantly (it comes from a file): undefined when there is
 * none or it is not readable, rather than a pack that fails.
 */
export function readOptimizedFrom(scenario: Scenario | undefined): OptimizedFrom | undefined {
  const raw = scenario?.extras?.[OPTIMIZED_FROM_KEY];
  if (!isRecord(raw) || typeof raw.scenarioId !== 'string' || typeof raw.at !== 'string') {
    return undefined;
  }
  const result = raw.result;
  if (
    !isRecord(result) ||
    !STATUSES.includes(result.status as (typeof STATUSES)[number]) ||
    !isNumber(result.objective) ||
    !isNumber(result.elapsed) ||
    !isNumber(result.spend) ||
    !Array.isArray(result.selected)
  ) {
    return undefined;
  }
  const selected = result.selected.flatMap((entry: unknown) =>
    isRecord(entry) && typeof entry.id === 'string' && typeof entry.start === 'string'
      ? [{ id: entry.id, start: entry.start }]
      : [],
  );
  return {
    scenarioId: raw.scenarioId,
    at: raw.at,
    result: {
      status: result.status as FrozenOptimizeResult['status'],
      objective: result.objective,
      ...(isNumber(result.bound) && { bound: result.bound }),
      ...(isNumber(result.gap) && { gap: result.gap }),
      elapsed: result.elapsed,
      stopped: result.stopped === true,
      selected,
      spend: result.spend,
      ...(typeof result.conflict === 'string' && { conflict: result.conflict }),
    },
  };
}

/**
 * The scenario `scenario` was optimized from: the one its record names, else the one whose name
 * it carries with " (optimized)" after it; undefined for a scenario of its own making.
 */
export function optimizedOrigin(
  portfolio: Portfolio,
  scenario: Scenario | undefined,
): Scenario | undefined {
  if (!scenario) return undefined;
  const others = portfolio.scenarios.filter((other) => other.id !== scenario.id);
  const recorded = readOptimizedFrom(scenario)?.scenarioId;
  const byRecord = others.find((other) => other.id === recorded);
  if (byRecord) return byRecord;
  if (!scenario.name.endsWith(OPTIMIZED_SUFFIX)) return undefined;
  const base = scenario.name.slice(0, -OPTIMIZED_SUFFIX.length);
  return others.find((other) => other.name === base);
}
