/**
 * Whether the portfolio an edit leaves is one the file's reader accepts. The state before the
 * edit was, so only what the edit changed needs its shape checked: each changed record against
 * its schema, then the rules between records (references, cycles, unique ids) over the whole.
 */
import {
  MAX_ACTIONS,
  MAX_CADENCES,
  MAX_DECISIONS,
  MAX_PROPOSALS,
  MAX_REVIEWS,
  MAX_SELF_REVIEWS,
  MAX_WORKSHOPS,
  tooManyMessage,
} from '../portfolio/limits';
import { checkRecord, restorePortfolio, type PortfolioProblem } from '../portfolio/restore';
import {
  ACTION_FREE_FIELDS,
  CADENCE_FREE_FIELDS,
  PROPOSAL_UNREAD_FIELDS,
  REVIEW_FREE_FIELDS,
  SELF_REVIEW_FREE_FIELDS,
  WORKSHOP_FREE_FIELDS,
  checkPortfolioRules,
} from '../portfolio/rules';
import type { Portfolio } from '../portfolio/types';
import { portfolioToDocument } from '../portfolio/write';
import type { Change } from './changes';
import { keyOf, keyText, type EntityName, type ListEntityName } from './entities';
import { rankingsOf, stateToPortfolio, type PortfolioState } from './state';

/** Rank keys: base-62 digits, not empty. */
const RANK = /^[0-9A-Za-z]+$/;

/**
 * What is wrong with the rank records beyond what the file's rules see: a rank for a scenario
 * that is gone (the file form would drop it silently), a malformed rank, or two cards of one
 * scenario with the same rank (their order would be undefined). Only the scenarios in `scenarios`
 * are looked at, when given.
 */
export function rankProblems(
  state: PortfolioState,
  scenarios?: ReadonlySet<string>,
): PortfolioProblem[] {
  const problems: PortfolioProblem[] = [];
  const known = new Set(state.scenarios.map((scenario) => scenario.id));
  const seen = new Set<string>();
  for (const record of state.ranks) {
    if (scenarios && !scenarios.has(record.scenarioId)) continue;
    const path = `ranks[${record.scenarioId}/${record.initiativeId}]`;
    if (!known.has(record.scenarioId)) {
      problems.push({ path, message: `scenario "${record.scenarioId}" does not exist` });
    }
    if (!RANK.test(record.rank)) problems.push({ path, message: `"${record.rank}" is not a rank` });
    const key = `${record.scenarioId}\u0000${record.rank}`;
    if (seen.has(key)) {
      problems.push({ path, message: `another card of the scenario has rank "${record.rank}"` });
    }
    seen.add(key);
  }
  return problems;
}

/** Every problem the file's reader would find in the portfolio the state makes. */
export function problemsOf(state: PortfolioState): readonly PortfolioProblem[] {
  const ranks = rankProblems(state);
  if (ranks.length > 0) return ranks;
  const result = restorePortfolio(portfolioToDocument(stateToPortfolio(state)));
  return result.ok ? [] : result.errors;
}

/** The scenarios whose stacks `changes` touch. */
function scenariosTouched(changes: readonly Change[]): Set<string> {
  const ids = new Set<string>();
  for (const change of changes) {
    if (change.table === 'scenarios' && typeof change.key === 'string') ids.add(change.key);
    if (change.table === 'ranks' && typeof change.key !== 'string') ids.add(change.key[0]);
  }
  return ids;
}

/**
 * The portfolio the state describes, for the rules between records: the state's own lists (their
 * records carry an ordering key the rules never read), so that nothing is copied.
 */
function rulesView(state: PortfolioState): Portfolio {
  const rankings = rankingsOf(state.ranks);
  const { meta } = state;
  return {
    name: meta.name,
    ...(meta.currency !== undefined && { currency: meta.currency }),
    ...(meta.capacityUnit !== undefined && { capacityUnit: meta.capacityUnit }),
    ...(meta.budget !== undefined && { budget: meta.budget }),
    ...(meta.objectiveComparisons !== undefined && {
      objectiveComparisons: meta.objectiveComparisons,
    }),
    ...(meta.scoring !== undefined && { scoring: meta.scoring }),
    ...(meta.intakeSettings !== undefined && { intakeSettings: meta.intakeSettings }),
    periods: state.periods,
    teams: state.teams,
    objectives: state.objectives,
    initiatives: state.initiatives,
    scenarios: state.scenarios.map((scenario) => ({
      ...scenario,
      ranking: rankings.get(scenario.id) ?? [],
    })),
    actuals: state.actuals,
    decisions: state.decisions,
    workshops: state.workshops,
    proposals: state.proposals,
    cadences: state.cadences,
    reviews: state.reviews,
    actions: state.actions,
    selfReviews: state.selfReviews,
  };
}

/**
 * The portfolio-wide values (name, currency, budget, scoring, intake settings) checked as the
 * reader checks them. The teams and periods go with them, so that the size templates of the intake
 * settings find the teams they name and the plan they must fit in.
 */
function metaProblems(state: PortfolioState): readonly PortfolioProblem[] {
  const { meta } = state;
  const document = portfolioToDocument({
    name: meta.name,
    ...(meta.currency !== undefined && { currency: meta.currency }),
    ...(meta.capacityUnit !== undefined && { capacityUnit: meta.capacityUnit }),
    ...(meta.budget !== undefined && { budget: meta.budget }),
    ...(meta.objectiveComparisons !== undefined && {
      objectiveComparisons: meta.objectiveComparisons,
    }),
    ...(meta.scoring !== undefined && { scoring: meta.scoring }),
    ...(meta.intakeSettings !== undefined && { intakeSettings: meta.intakeSettings }),
    ...(meta.extras !== undefined && { extras: meta.extras }),
    periods: meta.intakeSettings ? state.periods.map(withoutOrder) : [],
    teams: meta.intakeSettings ? state.teams.map(withoutOrder) : [],
    objectives: [],
    initiatives: [],
    scenarios: [],
  });
  const result = restorePortfolio(document);
  // Budget keys name periods and judgments name objectives, which this document may leave out:
  // the rules below see them. A key reads `budget.P1` or `budget["2026-Q3"]` in a path.
  return result.ok
    ? []
    : result.errors.filter(
        (problem) =>
          !(
            (/^budget[.[]/.test(problem.path) && /does not exist/.test(problem.message)) ||
            (/^objectiveComparisons\[/.test(problem.path) &&
              /does not exist|is not one of/.test(problem.message))
          ),
      );
}

function withoutOrder<T extends { readonly order: string }>(record: T): Omit<T, 'order'> {
  const { order: _order, ...rest } = record;
  return rest;
}

/**
 * Fields no rule between records reads (rules.ts looks at ids, references, periods, demand and
 * spend lengths, scores, dates and the trees): a change of these alone cannot break such a rule.
 * The property test of the operations holds this list to the full reader.
 */
const FREE_FIELDS: Partial<Record<EntityName, ReadonlySet<string>>> = {
  meta: new Set(['name', 'currency', 'capacityUnit', 'origin']),
  periods: new Set(['label', 'order']),
  teams: new Set(['name', 'order']),
  objectives: new Set(['name', 'description', 'order']),
  initiatives: new Set([
    'name',
    'status',
    'description',
    'owner',
    'value',
    'forced',
    'forcedReason',
    'estimateRange',
    'benefit',
    'order',
  ]),
  scenarios: new Set(['name', 'description', 'order']),
  // An actual's figures, RAG and reason: the rules read its initiative, period and effort's teams.
  actuals: new Set(['spend', 'progress', 'rag', 'confidence', 'benefit', 'note', 'order']),
  workshops: new Set([...WORKSHOP_FREE_FIELDS, 'order']),
  proposals: new Set([...PROPOSAL_UNREAD_FIELDS, 'order']),
  cadences: new Set([...CADENCE_FREE_FIELDS, 'order']),
  reviews: new Set([...REVIEW_FREE_FIELDS, 'order']),
  actions: new Set([...ACTION_FREE_FIELDS, 'order']),
  selfReviews: new Set([...SELF_REVIEW_FREE_FIELDS, 'order']),
};

/** Whether `change` updates a record in free fields only (see FREE_FIELDS). */
function onlyFreeFields(change: Change): boolean {
  const free = FREE_FIELDS[change.table];
  if (!free || change.before === undefined || change.after === undefined) return false;
  const before = change.before as Record<string, unknown>;
  const after = change.after as Record<string, unknown>;
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (free.has(key)) continue;
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) return false;
  }
  return true;
}

/**
 * The problems of `next`, the state once `changes` are applied to a state the reader accepted:
 * each record the changes wrote against its schema, the portfolio-wide values when they changed,
 * and the rules between records over the whole. Refuses exactly what the full reader refuses
 * (a property test holds the two to that).
 */
export function problemsAfter(
  next: PortfolioState,
  changes: readonly Change[],
): readonly PortfolioProblem[] {
  const touched = scenariosTouched(changes);
  const ranks = touched.size > 0 ? rankProblems(next, touched) : [];
  if (ranks.length > 0) return ranks;
  const view = rulesView(next);
  const problems: PortfolioProblem[] = [];
  const indexes = new Map<ListEntityName, Map<string, number>>();
  const indexOf = (entity: ListEntityName, key: string): number => {
    let index = indexes.get(entity);
    if (!index) {
      index = new Map();
      (next[entity] as readonly object[]).forEach((record, at) =>
        index?.set(keyText(keyOf(entity, record)), at),
      );
      indexes.set(entity, index);
    }
    return index.get(key) ?? 0;
  };
  let metaChanged = false;
  for (const change of changes) {
    if (change.table === 'meta') {
      metaChanged = true;
      continue;
    }
    if (change.after === undefined || change.table === 'ranks') continue;
    const { order: _order, ...record } = change.after as { order?: string };
    problems.push(
      ...checkRecord(change.table, record, {
        index: indexOf(change.table, keyText(change.key)),
        portfolio: view,
      }),
    );
  }
  if (next.decisions.length > MAX_DECISIONS) {
    problems.push({
      path: 'decisions',
      message: tooManyMessage('decisions', MAX_DECISIONS, next.decisions.length),
    });
  }
  if (next.workshops.length > MAX_WORKSHOPS) {
    problems.push({
      path: 'workshops',
      message: tooManyMessage('workshop sessions', MAX_WORKSHOPS, next.workshops.length),
    });
  }
  if (next.proposals.length > MAX_PROPOSALS) {
    problems.push({
      path: 'proposals',
      message: tooManyMessage('proposals', MAX_PROPOSALS, next.proposals.length),
    });
  }
  const lists = [
    ['cadences', 'meeting series', MAX_CADENCES],
    ['reviews', 'reviews', MAX_REVIEWS],
    ['actions', 'actions', MAX_ACTIONS],
    ['selfReviews', 'self-reviews', MAX_SELF_REVIEWS],
  ] as const;
  for (const [list, what, max] of lists) {
    const count = (next[list] ?? []).length;
    if (count > max) problems.push({ path: list, message: tooManyMessage(what, max, count) });
  }
  if (metaChanged) problems.push(...metaProblems(next));
  if (problems.length > 0) return problems;
  // Names, statuses, descriptions…: the rules between records cannot have changed their answer.
  if (changes.every(onlyFreeFields)) return [];
  return checkPortfolioRules(view);
}
