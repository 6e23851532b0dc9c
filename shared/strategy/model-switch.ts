/**
 * Switching a portfolio from one scoring model to another, and what the switch would do to the
 * ranking before it is made.
 *
 * A portfolio has one `scoring.criteria` list, read by the model in use. Switching keeps every
 * initiative's scores (they are keyed by criterion id, and each model reads only its own keys),
 * and parks the criteria of the model left in `scoring`'s `criteriaOfOtherModels` key (kept in the
 * file as any key Baton does not read for scoring), so that switching back brings that model's
 * criteria, weights and scales back with their scores. Every criterion of the model chosen gets an
 * explicit scale, so that the file says what each score means.
 */
import { compareScenarios } from '../prioritize/scenario-comparison';
import {
  CRITERION_SCALES,
  CRITERION_SOURCES,
  SCORING_MODELS,
  type Criterion,
  type CriterionScale,
  type Extras,
  type Initiative,
  type Portfolio,
  type ScoringModel,
  type ScoringModelKind,
} from '../portfolio/types';
import {
  DEFAULT_WEIGHTED_SCALE,
  MODEL_CRITERIA,
  modelCriteria,
  modelRanking,
  onScale,
  portfolioScorer,
  scaleOf,
  type Scale,
} from './scoring';

/** The key of `scoring` that keeps the criteria of the models not in use, by model. */
export const OTHER_MODELS_KEY = 'criteriaOfOtherModels';

/** The scale a new weighted criterion is scored on. */
export const NEW_CRITERION_SCALE: CriterionScale = '1-5';

/**
 * The weighted model's first criteria, for a portfolio that has none: strategic fit computed from
 * the objective links (35 %), then customer value (25 %), revenue impact and risk reduction (20 %
 * each), typed on 1–5. The weights add up to 100, so each reads as its share.
 */
export const STARTER_CRITERIA: readonly Criterion[] = [
  {
    id: 'strategic-fit',
    name: 'Strategic fit',
    weight: 35,
    scale: '0-100',
    source: 'strategic-fit',
  },
  { id: 'customer-value', name: 'Customer value', weight: 25, scale: NEW_CRITERION_SCALE },
  { id: 'revenue-impact', name: 'Revenue impact', weight: 20, scale: NEW_CRITERION_SCALE },
  { id: 'risk-reduction', name: 'Risk reduction', weight: 20, scale: NEW_CRITERION_SCALE },
];

/** Ids the models other than weighted read their scores from. */
const FIXED_IDS: ReadonlySet<string> = new Set(
  Object.values(MODEL_CRITERIA).flatMap((criteria) => criteria.map((criterion) => criterion.id)),
);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A parked criterion, when it looks like one (the key comes from a file: it is checked again). */
function parkedCriterion(value: unknown): Criterion | undefined {
  if (!isRecord(value) || typeof value.id !== 'string' || value.id === '') return undefined;
  const { id, name, weight, scale, source, ...rest } = value;
  const extras = isRecord(rest.extras) ? (rest.extras as Extras) : undefined;
  return {
    id,
    name: typeof name === 'string' && name.trim() !== '' ? name : id,
    ...(typeof weight === 'number' && { weight }),
    ...((CRITERION_SCALES as readonly unknown[]).includes(scale) && {
      scale: scale as CriterionScale,
    }),
    ...((CRITERION_SOURCES as readonly unknown[]).includes(source) && {
      source: source as Criterion['source'],
    }),
    ...(extras && { extras }),
  };
}

/** The criteria parked for each model not in use, as `scoring` keeps them. */
export function parkedCriteria(
  scoring: ScoringModel | undefined,
): Partial<Record<ScoringModelKind, readonly Criterion[]>> {
  const parked = scoring?.extras?.[OTHER_MODELS_KEY];
  if (!isRecord(parked)) return {};
  const result: Partial<Record<ScoringModelKind, readonly Criterion[]>> = {};
  for (const model of SCORING_MODELS) {
    const list = parked[model];
    if (!Array.isArray(list)) continue;
    const criteria = list.map(parkedCriterion).filter((entry) => entry !== undefined);
    if (criteria.length > 0) result[model] = criteria;
  }
  return result;
}

/**
 * A criterion id made from `name` ("Customer value" → `customer-value`) that no criterion in
 * `taken` has, that no other model reads, and that no initiative has a score under: a new
 * criterion never picks up scores left by a deleted one.
 */
export function newCriterionId(
  name: string,
  taken: Iterable<string>,
  initiatives: readonly Initiative[],
): string {
  const used = new Set(taken);
  for (const initiative of initiatives) {
    for (const key of Object.keys(initiative.scores ?? {})) used.add(key);
  }
  const base =
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40)
      .replace(/-+$/, '') || 'criterion';
  let id = base;
  for (let count = 2; used.has(id) || FIXED_IDS.has(id); count += 1) id = `${base}-${count}`;
  return id;
}

/**
 * The starter criteria, each under its own id unless initiatives have scores under that id that
 * are off its scale (then under a new one): scores typed on them earlier count again.
 */
function starterCriteria(initiatives: readonly Initiative[]): Criterion[] {
  const ids: string[] = [];
  return STARTER_CRITERIA.map((criterion) => {
    const scale = scaleOf(criterion.scale ?? DEFAULT_WEIGHTED_SCALE);
    const fits =
      criterion.source === 'strategic-fit' ||
      initiatives.every((initiative) => {
        const scores = initiative.scores ?? {};
        return !Object.hasOwn(scores, criterion.id) || onScale(scale, scores[criterion.id] ?? 0);
      });
    const id = fits ? criterion.id : newCriterionId(criterion.name, ids, initiatives);
    ids.push(id);
    return { ...criterion, id };
  });
}

/** The criteria a model starts from: parked ones when there are, with every scale explicit. */
function criteriaFor(
  model: ScoringModelKind,
  parked: readonly Criterion[] | undefined,
  initiatives: readonly Initiative[],
): readonly Criterion[] | undefined {
  if (model === 'weighted') {
    if (!parked || parked.length === 0) return starterCriteria(initiatives);
    // A computed criterion takes no typed score, so no scale.
    return parked.map((criterion) =>
      criterion.scale || criterion.source === 'strategic-fit'
        ? criterion
        : { ...criterion, scale: DEFAULT_WEIGHTED_SCALE },
    );
  }
  const own = new Map((parked ?? []).map((criterion) => [criterion.id, criterion]));
  if (model === 'rice') {
    // RICE's scales are its own, not a choice: only names given to its criteria are kept.
    const named = MODEL_CRITERIA.rice.flatMap((fixed) => {
      const given = own.get(fixed.id);
      return given ? [{ ...given, name: given.name || fixed.name }] : [];
    });
    return named.length > 0 ? named : undefined;
  }
  return MODEL_CRITERIA[model].map((fixed) => {
    const given = own.get(fixed.id);
    return {
      ...given,
      id: fixed.id,
      name: given?.name || fixed.name,
      scale: given?.scale ?? fixed.defaultScale ?? DEFAULT_WEIGHTED_SCALE,
    };
  });
}

/**
 * The scoring of a portfolio once switched to `model`: the criteria of `model` (parked ones,
 * else its defaults; the weighted model's starter set when it has none), and the criteria of the
 * model left parked. Scores are not touched. Switching to the model in use changes nothing.
 */
export function scoringAfterSwitch(
  current: ScoringModel | undefined,
  model: ScoringModelKind,
  initiatives: readonly Initiative[],
): ScoringModel {
  if (current?.model === model) return current;
  const parked: Partial<Record<ScoringModelKind, readonly Criterion[]>> = {
    ...parkedCriteria(current),
  };
  if (current && current.criteria && current.criteria.length > 0) {
    parked[current.model] = current.criteria;
  }
  const restored = parked[model];
  delete parked[model];
  const criteria = criteriaFor(model, restored, initiatives);
  const { [OTHER_MODELS_KEY]: _parked, ...otherExtras } = current?.extras ?? {};
  const extras: Extras = {
    ...otherExtras,
    ...(Object.keys(parked).length > 0 && { [OTHER_MODELS_KEY]: parked }),
  };
  return {
    model,
    ...(criteria !== undefined && { criteria }),
    ...(Object.keys(extras).length > 0 && { extras }),
  };
}

/** A typed score a model would refuse: off its criterion's scale. */
export type OffScaleScore = {
  readonly initiativeId: string;
  readonly initiativeName: string;
  readonly criterionId: string;
  readonly criterionName: string;
  readonly score: number;
  readonly scale: Scale;
};

/**
 * The typed scores `scoring` would find off their criterion's scale (what the rules refuse), in
 * initiative order; only the criteria in `only` when given. Computed criteria take no typed score.
 */
export function scoresOffScale(
  initiatives: readonly Initiative[],
  scoring: ScoringModel | undefined,
  only?: ReadonlySet<string>,
): OffScaleScore[] {
  const criteria = modelCriteria(scoring).filter(
    (criterion) => !criterion.computed && (!only || only.has(criterion.id)),
  );
  const found: OffScaleScore[] = [];
  for (const initiative of initiatives) {
    const scores = initiative.scores;
    if (!scores) continue;
    for (const criterion of criteria) {
      if (!Object.hasOwn(scores, criterion.id)) continue;
      const score = scores[criterion.id] as number;
      if (onScale(criterion.scale, score)) continue;
      found.push({
        initiativeId: initiative.id,
        initiativeName: initiative.name,
        criterionId: criterion.id,
        criterionName: criterion.name,
        score,
        scale: criterion.scale,
      });
    }
  }
  return found;
}

/** One initiative's place under the model in use and under the other, and its side of the line. */
export type RankingMove = {
  readonly id: string;
  readonly name: string;
  /** Its place (1 first) in the model's ranking now. */
  readonly placeNow: number;
  /** Its place under the other model. */
  readonly placeOther: number;
  /** Places gained under the other model (negative: lost). */
  readonly gained: number;
  /** Whether the model in use gives it a priority (those without one are ranked last). */
  readonly rankedNow: boolean;
  readonly rankedOther: boolean;
  /** Funded (above the cut line or in a gap) with the ranking now as the stack. */
  readonly fundedNow: boolean;
  readonly fundedOther: boolean;
  /** Crosses the cut line: comes above it under the other model, or goes below. */
  readonly crossing?: 'in' | 'out';
};

/** How the ranking and the cut line move when the portfolio is scored with another model. */
export type ModelComparison = {
  readonly now: ScoringModel | undefined;
  readonly other: ScoringModel;
  /** Every initiative, in the other model's order. */
  readonly moves: readonly RankingMove[];
  /** Funded under the other model, not now; in its placement order. */
  readonly comesIn: readonly string[];
  /** Funded now, not under the other model. */
  readonly goesOut: readonly string[];
  /**
   * How many initiatives are funded (above the line or in a gap behind it, as the board counts
   * them) with each ranking as the stack: what `comesIn` and `goesOut` move between.
   */
  readonly fundedNowCount: number;
  readonly fundedOtherCount: number;
  /** Spend funded under the other model minus spend funded now. */
  readonly spendDelta: number;
  /** Scores the other model would refuse: the switch is refused until they are changed. */
  readonly offScale: readonly OffScaleScore[];
};

/**
 * Compares the ranking of `portfolio`'s model with the ranking `other` would give, worked out on a
 * copy of the portfolio scored with `other`. Each ranking is placed as a stack by the board's cut
 * line engine, so that "funded" means what the board means by it.
 */
export function compareModels(portfolio: Portfolio, other: ScoringModel): ModelComparison {
  const nowRanking = modelRanking(portfolio);
  const copy: Portfolio = { ...portfolio, scoring: other };
  const otherRanking = modelRanking(copy);
  // The board's figures for each ranking as a scenario's stack: one engine, one meaning of funded.
  const asScenarios: Portfolio = {
    ...portfolio,
    scenarios: [
      { id: 'now', name: 'Now', ranking: nowRanking },
      { id: 'other', name: 'Other', ranking: otherRanking },
    ],
  };
  const comparison = compareScenarios(asScenarios, ['now', 'other'], 'now');
  const [nowFigures, otherFigures] = comparison.scenarios;
  if (!nowFigures || !otherFigures) throw new Error('The comparison lost a ranking.');
  const fundedNow = new Set(nowFigures.above);
  const fundedOther = new Set(otherFigures.above);
  const placeNow = new Map(nowRanking.map((id, index) => [id, index + 1]));
  const scoreNow = portfolioScorer(portfolio).score;
  const scoreOther = portfolioScorer(copy).score;
  const byId = new Map(portfolio.initiatives.map((initiative) => [initiative.id, initiative]));
  const moves = otherRanking.map((id, index): RankingMove => {
    const initiative = byId.get(id) as Initiative;
    const now = placeNow.get(id) ?? index + 1;
    const inNow = fundedNow.has(id);
    const inOther = fundedOther.has(id);
    return {
      id,
      name: initiative.name,
      placeNow: now,
      placeOther: index + 1,
      gained: now - (index + 1),
      rankedNow: scoreNow(initiative).priority !== undefined,
      rankedOther: scoreOther(initiative).priority !== undefined,
      fundedNow: inNow,
      fundedOther: inOther,
      ...(inNow !== inOther && { crossing: inOther ? 'in' : 'out' }),
    };
  });
  return {
    now: portfolio.scoring,
    other,
    moves,
    comesIn: otherFigures.vsBaseline.comesIn,
    goesOut: otherFigures.vsBaseline.goesOut,
    fundedNowCount: nowFigures.above.length,
    fundedOtherCount: otherFigures.above.length,
    spendDelta: otherFigures.vsBaseline.spend,
    offScale: scoresOffScale(portfolio.initiatives, other),
  };
}
