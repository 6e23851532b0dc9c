/**
 * What `baton score` prints: the scoring model, every objective's local and global weight (with
 * the consistency of each group compared pairwise), and every initiative's value, priority and
 * the breakdown by criterion, in the order the model ranks them.
 */
import type { Portfolio } from '../portfolio/types';
import { MODEL_NAMES, modelCriteria, modelRanking, portfolioScorer } from './scoring';

/** Rounds away binary noise (0.30000000000000004) in printed figures. */
function tidy(amount: number): number {
  return Math.round(amount * 1e6) / 1e6;
}

/** The report of how `portfolio` scores, as plain JSON. */
export function scoreReport(portfolio: Portfolio): object {
  const { score, weights } = portfolioScorer(portfolio);
  const scoring = portfolio.scoring;
  const rank = new Map(modelRanking(portfolio).map((id, index) => [id, index + 1]));
  const byId = new Map(portfolio.initiatives.map((initiative) => [initiative.id, initiative]));
  const compared = new Set(
    (portfolio.objectiveComparisons ?? [])
      .filter((comparison) => comparison.judgments.length > 0)
      .map((comparison) => comparison.parentId),
  );
  return {
    model: scoring
      ? {
          kind: scoring.model,
          name: MODEL_NAMES[scoring.model],
          criteria: modelCriteria(scoring).map((criterion) => ({
            id: criterion.id,
            name: criterion.name,
            ...(criterion.weight !== undefined && { weight: criterion.weight }),
            scale: criterion.computed ? 'computed' : (criterion.scaleName ?? criterion.scale.label),
            ...(criterion.computed && { source: 'strategic-fit' }),
          })),
        }
      : null,
    objectives: portfolio.objectives.map((objective) => {
      const weight = weights.objectives.get(objective.id);
      return {
        id: objective.id,
        name: objective.name,
        parentId: objective.parentId ?? null,
        local: tidy(weight?.local ?? 0),
        global: tidy(weight?.global ?? 0),
        from: weight?.source ?? 'weights',
      };
    }),
    comparisons: weights.groups
      .filter((group) => compared.has(group.parentId))
      .map((group) => ({
        parentId: group.parentId,
        ...(group.consistencyRatio !== undefined && {
          consistencyRatio: tidy(group.consistencyRatio),
        }),
        ...(group.consistent !== undefined && { consistent: group.consistent }),
        ...(group.mostInconsistent && { mostInconsistent: group.mostInconsistent }),
        ...(group.problems && { problems: group.problems }),
      })),
    initiatives: modelRanking(portfolio).map((id) => {
      const initiative = byId.get(id);
      const result = initiative ? score(initiative) : undefined;
      return {
        id,
        name: initiative?.name ?? id,
        ...(result?.priority !== undefined && { rank: rank.get(id) }),
        ...(result?.value !== undefined && { value: tidy(result.value) }),
        ...(result?.override !== undefined &&
          result.modelValue !== undefined && { modelValue: tidy(result.modelValue) }),
        ...(result?.override !== undefined && { valueTyped: true }),
        ...(result?.priority !== undefined && { priority: tidy(result.priority) }),
        ...(result?.noPriority !== undefined && { noPriority: result.noPriority }),
        breakdown: (result?.breakdown ?? []).map((part) => ({
          criterion: part.id,
          ...(part.score !== undefined && { score: tidy(part.score) }),
          ...(part.normalized !== undefined && { normalized: tidy(part.normalized) }),
          ...(part.contribution !== undefined && { contribution: tidy(part.contribution) }),
        })),
        ...(result && result.missing.length > 0 && { missing: result.missing }),
      };
    }),
  };
}
