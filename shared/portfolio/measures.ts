/** Derived figures of an initiative: value, duration, total spend and effort. */
import type { Initiative, ScoringModel } from './types';

/**
 * The initiative's value: its explicit `value` when set, otherwise what the scoring model makes
 * of its scores. Weighted: the weighted mean of the criteria scores. WSJF: (businessValue +
 * timeCriticality + riskReduction) / jobSize. RICE: reach × impact × confidence / effort.
 * Value/effort: value / effort. Undefined when neither gives a number.
 */
export function initiativeValue(
  initiative: Initiative,
  scoring: ScoringModel | undefined,
): number | undefined {
  if (initiative.value !== undefined) return initiative.value;
  const scores = initiative.scores;
  if (!scores || !scoring) return undefined;
  const score = (key: string) => scores[key];
  switch (scoring.model) {
    case 'weighted': {
      let total = 0;
      let weights = 0;
      for (const criterion of scoring.criteria ?? []) {
        const value = score(criterion.id);
        if (value === undefined) continue;
        const weight = criterion.weight ?? 1;
        total += weight * value;
        weights += weight;
      }
      return weights > 0 ? total / weights : undefined;
    }
    case 'wsjf': {
      const size = score('jobSize');
      const delay =
        (score('businessValue') ?? 0) +
        (score('timeCriticality') ?? 0) +
        (score('riskReduction') ?? 0);
      return size ? delay / size : undefined;
    }
    case 'rice': {
      const effort = score('effort');
      const reach = score('reach');
      if (!effort || reach === undefined) return undefined;
      return (reach * (score('impact') ?? 1) * (score('confidence') ?? 1)) / effort;
    }
    case 'value-effort': {
      const effort = score('effort');
      const value = score('value');
      return effort && value !== undefined ? value / effort : undefined;
    }
  }
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
