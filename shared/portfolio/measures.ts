/** Derived figures of an initiative: value, duration, total spend and effort. */
import { portfolioScorer } from '../strategy/scoring';
import type { Initiative, Portfolio } from './types';

/**
 * The initiative's value: its explicit `value` when set, otherwise what the portfolio's scoring
 * model makes of its scores (shared/strategy/scoring.ts). Undefined when neither gives a number.
 */
export function initiativeValue(
  initiative: Initiative,
  portfolio: Pick<Portfolio, 'scoring' | 'objectives' | 'objectiveComparisons'>,
): number | undefined {
  return portfolioScorer(portfolio).score(initiative).value;
}

/** Number of active periods: the longest demand or spend list, or `duration` when longer. */
export function initiativeDuration(initiative: Initiative): number {
  let longest = Math.max(initiative.duration ?? 0, initiative.spend?.length ?? 0);
  for (const list of Object.values(initiative.demand ?? {})) {
    longest = Math.max(longest, list.length);
  }
  return longest;
}

/** Sum of the spend over all active periods. */
export function totalSpend(initiative: Initiative): number {
  return (initiative.spend ?? []).reduce((sum, amount) => sum + amount, 0);
}

/** Sum of the demand over all teams and active periods (e.g. FTE-quarters). */
export function totalEffort(initiative: Initiative): number {
  return Object.values(initiative.demand ?? {}).reduce(
    (sum, list) => sum + list.reduce((inner, amount) => inner + amount, 0),
    0,
  );
}
