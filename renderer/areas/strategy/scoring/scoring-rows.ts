/**
 * What the scoring grid shows: each initiative with what the model makes of its scores and its
 * place in the model's ranking, found by a search and a status, in the order asked for; and the
 * words for a criterion's scale and for a score that is off it.
 */
import { scoreOffScaleMessage } from '../../../../shared/portfolio/rules';
import type {
  Initiative,
  InitiativeStatus,
  Portfolio,
  ScoringModelKind,
} from '../../../../shared/portfolio/types';
import {
  modelRanking,
  onScale,
  portfolioScorer,
  type InitiativeScore,
  type ModelCriterion,
} from '../../../../shared/strategy/scoring';

export type ScoringRow = {
  readonly initiative: Initiative;
  /** Its place in the portfolio's list, 1 first. */
  readonly order: number;
  /** Its place in the model's ranking, when the model gives it a priority. */
  readonly place?: number;
  readonly score: InitiativeScore;
};

export const SCORING_SORTS = ['priority', 'order', 'name'] as const;
export type ScoringSort = (typeof SCORING_SORTS)[number];

export const SORT_LABELS: Readonly<Record<ScoringSort, string>> = {
  priority: 'Priority, highest first',
  order: 'Portfolio order',
  name: 'Name',
};

export type ScoringQuery = {
  readonly search: string;
  readonly status: InitiativeStatus | 'all';
  readonly sort: ScoringSort;
};

export const DEFAULT_SCORING_QUERY: ScoringQuery = { search: '', status: 'all', sort: 'priority' };

/** Every initiative with its score and place, in the model's order (priority, highest first). */
export function scoringRows(portfolio: Portfolio): ScoringRow[] {
  const { score } = portfolioScorer(portfolio);
  const order = new Map(portfolio.initiatives.map((initiative, index) => [initiative.id, index]));
  const byId = new Map(portfolio.initiatives.map((initiative) => [initiative.id, initiative]));
  let place = 0;
  return modelRanking(portfolio).map((id) => {
    const initiative = byId.get(id) as Initiative;
    const result = score(initiative);
    if (result.priority !== undefined) place += 1;
    return {
      initiative,
      order: (order.get(id) ?? 0) + 1,
      ...(result.priority !== undefined && { place }),
      score: result,
    };
  });
}

/** The rows the search and the status filter find, in the order the query sorts them. */
export function queryRows(rows: readonly ScoringRow[], query: ScoringQuery): ScoringRow[] {
  const needle = query.search.trim().toLocaleLowerCase();
  const found = rows.filter(
    (row) =>
      (query.status === 'all' || row.initiative.status === query.status) &&
      (needle === '' ||
        row.initiative.name.toLocaleLowerCase().includes(needle) ||
        row.initiative.id.toLocaleLowerCase().includes(needle) ||
        (row.initiative.owner ?? '').toLocaleLowerCase().includes(needle)),
  );
  if (query.sort === 'order') return found.sort((a, b) => a.order - b.order);
  if (query.sort === 'name') {
    return found.sort((a, b) => a.initiative.name.localeCompare(b.initiative.name));
  }
  return found;
}

/** How a scale reads in a column header: "1–5", "Fibonacci", "100 / 80 / 50 %". */
export function scaleHint(criterion: ModelCriterion): string {
  if (criterion.computed) return 'computed, 0–100';
  const { scale } = criterion;
  if (criterion.percent && scale.kind === 'set') {
    return `${scale.values.map((value) => Math.round(value * 100)).join(' / ')} %`;
  }
  if (criterion.scaleName === 'fibonacci') return 'Fibonacci';
  if (scale.kind === 'set') return scale.values.join(' · ');
  // RICE's reach and effort: any amount, as large as it is.
  return criterion.scaleName ? scale.label : `${scale.min} or more`;
}

/** Why `score` cannot be `criterion`'s score under `model`, or null when it is on its scale. */
export function offScaleText(
  criterion: ModelCriterion,
  model: ScoringModelKind,
  score: number,
): string | null {
  if (onScale(criterion.scale, score)) return null;
  const { scale } = criterion;
  if (criterion.percent && scale.kind === 'set') {
    return `${criterion.name} must be one of ${scale.values
      .map((value) => Math.round(value * 100))
      .join(', ')}, typed as a percentage.`;
  }
  return `${criterion.name} ${scoreOffScaleMessage(model, scale)}.`;
}

/** What each model makes of the scores, in a sentence. */
export const MODEL_FORMULAS: Readonly<Record<ScoringModelKind, string>> = {
  weighted:
    'Value is the weighted mean of the scores, each counted 0–100 on its scale; the priority is the value.',
  wsjf: 'Value is the cost of delay (business value + time criticality + risk reduction / opportunity enablement); the priority is the cost of delay ÷ job size.',
  rice: 'Value is reach × impact × confidence; the priority is the value ÷ effort in person-months.',
  'value-effort': 'Value is the value score; the priority is the value ÷ effort.',
};
