/**
 * The scoring models: what each criterion is scored on, and what a model makes of an initiative's
 * scores. Every model gives two numbers:
 *
 * - **value**, an additive benefit: what the cut line sums, the optimizer maximizes and the board
 *   pack reports;
 * - **priority**, the order "Rank by model" gives a scenario (highest first).
 *
 * Weighted criteria: value = the weighted mean of the scores, each normalized to 0–100 on its
 * scale; priority = value. WSJF (SAFe): value = cost of delay = business value + time criticality
 * + risk reduction / opportunity enablement; priority = cost of delay ÷ job size. RICE (Intercom):
 * value = reach × impact × confidence; priority = value ÷ effort (person-months). Value / effort:
 * value = the value score; priority = value ÷ effort.
 *
 * An initiative's explicit `value` (a business-case figure) overrides the model's value, not its
 * priority; the model's own value is still given beside it.
 */
import type {
  Criterion,
  CriterionScale,
  Initiative,
  Portfolio,
  ScoringModel,
  ScoringModelKind,
} from '../portfolio/types';
import { localWeights, type ObjectiveWeights } from './weights';

/** The modified Fibonacci scale of WSJF and planning poker. */
export const FIBONACCI = [1, 2, 3, 5, 8, 13, 20] as const;
/** RICE's impact: massive 3, high 2, medium 1, low 0.5, minimal 0.25. */
export const RICE_IMPACTS = [3, 2, 1, 0.5, 0.25] as const;
/** RICE's confidence: high 100 %, medium 80 %, low 50 %. */
export const RICE_CONFIDENCES = [1, 0.8, 0.5] as const;

/** Largest reach a RICE score may give (people or events per period). */
export const MAX_REACH = 1e9;
/** Largest RICE effort, in person-months. */
export const MAX_EFFORT_MONTHS = 1e6;

/**
 * What a score may be: any number from `min` to `max`, or one of `values`. `label` names the scale
 * as a person reads it ("1–5", "modified Fibonacci").
 */
export type Scale =
  | { readonly kind: 'range'; readonly min: number; readonly max: number; readonly label: string }
  | { readonly kind: 'set'; readonly values: readonly number[]; readonly label: string };

const RANGES: Readonly<Record<Exclude<CriterionScale, 'fibonacci'>, readonly [number, number]>> = {
  '1-5': [1, 5],
  '1-10': [1, 10],
  '0-10': [0, 10],
  '0-100': [0, 100],
};

/** The scale a criterion scale name stands for. */
export function scaleOf(scale: CriterionScale): Scale {
  if (scale === 'fibonacci') {
    return {
      kind: 'set',
      values: FIBONACCI,
      label: 'modified Fibonacci',
    };
  }
  const [min, max] = RANGES[scale];
  return { kind: 'range', min, max, label: `${min}–${max}` };
}

/** Whether `score` is on `scale`. */
export function onScale(scale: Scale, score: number): boolean {
  return scale.kind === 'range'
    ? score >= scale.min && score <= scale.max
    : scale.values.includes(score);
}

/** A score on `scale` as a share of the scale, 0–100 (lowest point 0, highest 100). */
export function normalizeScore(scale: Scale, score: number): number {
  const [low, high] =
    scale.kind === 'range'
      ? [scale.min, scale.max]
      : [Math.min(...scale.values), Math.max(...scale.values)];
  if (high <= low) return 0;
  return Math.min(100, Math.max(0, ((score - low) / (high - low)) * 100));
}

/** One criterion of a model, resolved: its scale and where its score comes from. */
export type ModelCriterion = {
  readonly id: string;
  readonly name: string;
  /** The weighted model's weight (1 when the file sets none); absent for other models. */
  readonly weight?: number;
  readonly scale: Scale;
  /** The scale's name, where the user may choose it. */
  readonly scaleName?: CriterionScale;
  /** Computed from the objective links, not typed. */
  readonly computed: boolean;
  /** Shown as a percentage (RICE confidence, a fraction). */
  readonly percent?: boolean;
};

type FixedCriterion = {
  readonly id: string;
  readonly name: string;
  /** The scale a file without one is read with; absent: fixed, not a user's choice. */
  readonly defaultScale?: CriterionScale;
  readonly scale?: Scale;
  readonly percent?: boolean;
};

/** The criteria of the models that define their own, with their scales. */
export const MODEL_CRITERIA: Readonly<
  Record<Exclude<ScoringModelKind, 'weighted'>, readonly FixedCriterion[]>
> = {
  wsjf: [
    { id: 'businessValue', name: 'Business value', defaultScale: 'fibonacci' },
    { id: 'timeCriticality', name: 'Time criticality', defaultScale: 'fibonacci' },
    {
      id: 'riskReduction',
      name: 'Risk reduction / opportunity enablement',
      defaultScale: 'fibonacci',
    },
    { id: 'jobSize', name: 'Job size', defaultScale: 'fibonacci' },
  ],
  rice: [
    {
      id: 'reach',
      name: 'Reach per period',
      scale: { kind: 'range', min: 0, max: MAX_REACH, label: 'people or events per period' },
    },
    {
      id: 'impact',
      name: 'Impact',
      scale: { kind: 'set', values: RICE_IMPACTS, label: 'massive, high, medium, low, minimal' },
    },
    {
      id: 'confidence',
      name: 'Confidence',
      scale: {
        kind: 'set',
        values: RICE_CONFIDENCES,
        label: '100 %, 80 %, 50 %',
      },
      percent: true,
    },
    {
      id: 'effort',
      name: 'Effort (person-months)',
      scale: { kind: 'range', min: 0, max: MAX_EFFORT_MONTHS, label: 'person-months' },
    },
  ],
  'value-effort': [
    { id: 'value', name: 'Value', defaultScale: '0-100' },
    { id: 'effort', name: 'Effort', defaultScale: '0-100' },
  ],
};

/** The weighted model's scale for a criterion the file gives none (Baton's first scale). */
export const DEFAULT_WEIGHTED_SCALE: CriterionScale = '0-10';

/** The names of the models, as a person reads them. */
export const MODEL_NAMES: Readonly<Record<ScoringModelKind, string>> = {
  weighted: 'Weighted criteria',
  wsjf: 'WSJF',
  rice: 'RICE',
  'value-effort': 'Value / effort',
};

/**
 * The criteria of `scoring`, each with its scale. The weighted model's are the file's; the other
 * models' are fixed, and a file's criterion of the same id may name another scale (WSJF, value /
 * effort) or another name.
 */
export function modelCriteria(scoring: ScoringModel | undefined): readonly ModelCriterion[] {
  if (!scoring) return [];
  const given = new Map((scoring.criteria ?? []).map((criterion) => [criterion.id, criterion]));
  if (scoring.model === 'weighted') {
    return (scoring.criteria ?? []).map((criterion) => {
      const scaleName = criterion.scale ?? DEFAULT_WEIGHTED_SCALE;
      return {
        id: criterion.id,
        name: criterion.name,
        weight: criterion.weight ?? 1,
        scale: scaleOf(scaleName),
        scaleName,
        computed: criterion.source === 'strategic-fit',
      };
    });
  }
  return MODEL_CRITERIA[scoring.model].map((fixed) => {
    const own: Criterion | undefined = given.get(fixed.id);
    const scaleName = fixed.defaultScale && (own?.scale ?? fixed.defaultScale);
    return {
      id: fixed.id,
      name: own?.name || fixed.name,
      scale: scaleName ? scaleOf(scaleName) : (fixed.scale as Scale),
      ...(scaleName && { scaleName }),
      computed: false,
      ...(fixed.percent && { percent: true }),
    };
  });
}

/** How one criterion counted for an initiative. */
export type CriterionPart = {
  readonly id: string;
  readonly name: string;
  /** The score typed, or computed for strategic fit; absent when not scored. */
  readonly score?: number;
  /** The weighted model: the score as 0–100 on its scale. */
  readonly normalized?: number;
  /** The weighted model: the criterion's share of the weights. */
  readonly share?: number;
  /** The weighted model: what it adds to the value (share × normalized). */
  readonly contribution?: number;
};

/** What a model makes of one initiative. */
export type InitiativeScore = {
  /** The value counted: the explicit value when set, else the model's. */
  readonly value?: number;
  /** What the model says, with or without an explicit value. */
  readonly modelValue?: number;
  /** The initiative's explicit value, when it has one. */
  readonly override?: number;
  readonly priority?: number;
  /** Why there is no priority though everything is scored ("Job size is 0: …"). */
  readonly noPriority?: string;
  readonly breakdown: readonly CriterionPart[];
  /** Names of the criteria the model needs that have no score. */
  readonly missing: readonly string[];
};

/**
 * Scores one initiative under `scoring`. `fit` is the initiative's strategic fit (0–100), for a
 * weighted criterion whose source is `strategic-fit`; without it that criterion is not scored.
 */
export function scoreInitiative(
  initiative: Initiative,
  scoring: ScoringModel | undefined,
  fit?: number,
): InitiativeScore {
  const override = initiative.value;
  const result = scoring
    ? modelScore(initiative.scores ?? {}, scoring, fit)
    : { breakdown: [], missing: [] };
  const value = override ?? result.modelValue;
  // The priority is always the model's: a typed business-case figure is in other units (money,
  // points of another method) and would outrank every scored initiative.
  const priority = result.priority;
  return {
    ...(value !== undefined && { value }),
    ...(result.modelValue !== undefined && { modelValue: result.modelValue }),
    ...(override !== undefined && { override }),
    ...(priority !== undefined && { priority }),
    ...(result.noPriority !== undefined && { noPriority: result.noPriority }),
    breakdown: result.breakdown,
    missing: result.missing,
  };
}

type ModelResult = {
  readonly modelValue?: number;
  readonly priority?: number;
  readonly noPriority?: string;
  readonly breakdown: readonly CriterionPart[];
  readonly missing: readonly string[];
};

function modelScore(
  scores: Readonly<Record<string, number>>,
  scoring: ScoringModel,
  fit: number | undefined,
): ModelResult {
  const criteria = modelCriteria(scoring);
  const scoreOf = (criterion: ModelCriterion): number | undefined => {
    if (criterion.computed) return fit;
    return Object.hasOwn(scores, criterion.id) ? scores[criterion.id] : undefined;
  };
  const missing = criteria
    .filter((criterion) => scoreOf(criterion) === undefined)
    .map((c) => c.name);
  const plain = (): CriterionPart[] =>
    criteria.map((criterion) => {
      const score = scoreOf(criterion);
      return { id: criterion.id, name: criterion.name, ...(score !== undefined && { score }) };
    });
  switch (scoring.model) {
    case 'weighted': {
      const scored = criteria.filter((criterion) => scoreOf(criterion) !== undefined);
      const weights = scored.reduce((sum, criterion) => sum + (criterion.weight ?? 1), 0);
      let total = 0;
      const breakdown = criteria.map((criterion): CriterionPart => {
        const score = scoreOf(criterion);
        if (score === undefined) return { id: criterion.id, name: criterion.name };
        // A computed fit is already 0–100.
        const normalized = criterion.computed ? score : normalizeScore(criterion.scale, score);
        const share = weights > 0 ? (criterion.weight ?? 1) / weights : 0;
        total += share * normalized;
        return {
          id: criterion.id,
          name: criterion.name,
          score,
          normalized,
          share,
          contribution: share * normalized,
        };
      });
      const modelValue = weights > 0 ? total : undefined;
      return {
        ...(modelValue !== undefined && { modelValue, priority: modelValue }),
        breakdown,
        missing,
      };
    }
    case 'wsjf': {
      const [business, time, risk, size] = criteria.map(scoreOf);
      const delay =
        business === undefined && time === undefined && risk === undefined
          ? undefined
          : (business ?? 0) + (time ?? 0) + (risk ?? 0);
      return withPriority(delay, size, criteria[3]?.name ?? 'Job size', plain(), missing);
    }
    case 'rice': {
      const [reach, impact, confidence, effort] = criteria.map(scoreOf);
      const value =
        reach === undefined || impact === undefined || confidence === undefined
          ? undefined
          : reach * impact * confidence;
      return withPriority(value, effort, criteria[3]?.name ?? 'Effort', plain(), missing);
    }
    case 'value-effort': {
      const [value, effort] = criteria.map(scoreOf);
      return withPriority(value, effort, criteria[1]?.name ?? 'Effort', plain(), missing);
    }
  }
}

/** The value, and the priority as the value over a positive divisor. */
function withPriority(
  value: number | undefined,
  divisor: number | undefined,
  divisorName: string,
  breakdown: readonly CriterionPart[],
  missing: readonly string[],
): ModelResult {
  const usable = divisor !== undefined && divisor > 0 ? divisor : undefined;
  return {
    ...(value !== undefined && { modelValue: value }),
    ...(value !== undefined && usable !== undefined && { priority: value / usable }),
    ...(value !== undefined &&
      divisor === 0 && {
        noPriority: `${divisorName} is 0: nothing can be divided by it, so there is no priority`,
      }),
    breakdown,
    missing,
  };
}

/**
 * An initiative's strategic fit, 0–100: how strongly it serves the objectives that matter most.
 * Each link adds the objective's global weight × its contribution ÷ 3 (a strong contribution
 * counts whole, a weak one a third); the sum is taken relative to the largest global weight of an
 * objective without children, and capped at 100. So an initiative that contributes strongly to the
 * heaviest objective fits 100, and one linked to nothing fits 0. Links to unknown objectives count
 * nothing.
 */
export function strategicFit(
  initiative: Initiative,
  globalWeights: ReadonlyMap<string, number>,
  heaviestLeaf: number,
): number {
  if (!(heaviestLeaf > 0)) return 0;
  let sum = 0;
  for (const link of initiative.objectives ?? []) {
    const weight = globalWeights.get(link.id);
    if (weight !== undefined) sum += (weight * link.contribution) / 3;
  }
  return Math.min(100, (sum / heaviestLeaf) * 100);
}

type ScoringInput = Pick<Portfolio, 'scoring' | 'objectives' | 'objectiveComparisons'>;

/** What every initiative of a portfolio is worth: global weights are worked out once. */
export type PortfolioScorer = {
  readonly score: (initiative: Initiative) => InitiativeScore;
  readonly weights: ObjectiveWeights;
};

const scorers = new WeakMap<ScoringInput, PortfolioScorer>();

/**
 * The scorer of `portfolio`'s model, with its objectives' weights for strategic fit. Kept per
 * portfolio object (a portfolio is never changed in place), so that the many callers that value
 * one initiative at a time do not weigh the tree again each time.
 */
export function portfolioScorer(portfolio: ScoringInput): PortfolioScorer {
  const known = scorers.get(portfolio);
  if (known) return known;
  const weights = localWeights(portfolio);
  const global = new Map([...weights.objectives].map(([id, weight]) => [id, weight.global]));
  const parents = new Set(portfolio.objectives.map((objective) => objective.parentId ?? null));
  let heaviestLeaf = 0;
  for (const objective of portfolio.objectives) {
    if (!parents.has(objective.id)) {
      heaviestLeaf = Math.max(heaviestLeaf, global.get(objective.id) ?? 0);
    }
  }
  const needsFit = modelCriteria(portfolio.scoring).some((criterion) => criterion.computed);
  const scorer: PortfolioScorer = {
    weights,
    score: (initiative) =>
      scoreInitiative(
        initiative,
        portfolio.scoring,
        needsFit ? strategicFit(initiative, global, heaviestLeaf) : undefined,
      ),
  };
  scorers.set(portfolio, scorer);
  return scorer;
}

/**
 * The initiatives' ids in the order the model ranks them: highest priority first, equal
 * priorities by value, then in the order given; those without a priority follow in the order
 * given. "Rank by model" gives a scenario this order.
 */
export function modelRanking(
  portfolio: ScoringInput & Pick<Portfolio, 'initiatives'>,
): readonly string[] {
  const { score } = portfolioScorer(portfolio);
  const rows = portfolio.initiatives.map((initiative, index) => ({
    id: initiative.id,
    index,
    ...score(initiative),
  }));
  const ranked = rows
    .filter((row) => row.priority !== undefined)
    .sort(
      (a, b) =>
        (b.priority as number) - (a.priority as number) ||
        (b.value ?? 0) - (a.value ?? 0) ||
        a.index - b.index,
    );
  const unranked = rows.filter((row) => row.priority === undefined);
  return [...ranked, ...unranked].map((row) => row.id);
}
