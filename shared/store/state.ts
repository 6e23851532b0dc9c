/**
 * The portfolio as the store keeps it: one list of records per entity of the registry, each list
 * in its order (a fractional key per record, so that no edit renumbers others), and a scenario's
 * ranking as one record per ranked initiative. Converting to and from the file's `Portfolio`, and
 * applying changes, are pure functions here.
 */
import type { Cadence, Review, ReviewAction } from '../cadence/types';
import type { IntakeSettings, Proposal } from '../intake/types';
import type { SelfReview } from '../metrics/types';
import type {
  Actual,
  Decision,
  Extras,
  Initiative,
  Objective,
  ObjectiveComparison,
  Period,
  Portfolio,
  Scenario,
  ScoringModel,
  Team,
  Workshop,
} from '../portfolio/types';
import type { Change } from './changes';
import { ENTITIES, LIST_ENTITY_NAMES, keyOf, keyText, type ListEntityName } from './entities';

/** A record with its place in its list: lists sort by `order` (plain string order), then key. */
export type Ordered<T> = T & { readonly order: string };

/** The one record that describes the portfolio as a whole. */
export type PortfolioMeta = {
  readonly key: 'portfolio';
  readonly name: string;
  readonly currency?: string;
  readonly capacityUnit?: string;
  readonly budget?: Readonly<Record<string, number>>;
  readonly objectiveComparisons?: readonly ObjectiveComparison[];
  readonly scoring?: ScoringModel;
  /** The PMO's intake settings; absent: the defaults (shared/intake/types.ts). */
  readonly intakeSettings?: IntakeSettings;
  readonly extras?: Extras;
  /** Where the data came from: the demo, a new empty portfolio, or a file's name. */
  readonly origin: { readonly kind: 'demo' | 'empty' | 'file'; readonly label?: string };
};

export type PeriodRecord = Ordered<Period>;
export type TeamRecord = Ordered<Team>;
export type ObjectiveRecord = Ordered<Objective>;
export type InitiativeRecord = Ordered<Initiative>;
/** A scenario without its ranking: each ranked initiative has a record in `ranks`. */
export type ScenarioRecord = Ordered<Omit<Scenario, 'ranking'>>;
/** An initiative's place in a scenario's stack; stacks sort by `rank` (plain string order). */
export type RankRecord = {
  readonly scenarioId: string;
  readonly initiativeId: string;
  readonly rank: string;
};
export type ActualRecord = Ordered<Actual>;
export type DecisionRecord = Ordered<Decision>;
export type WorkshopRecord = Ordered<Workshop>;
export type ProposalRecord = Ordered<Proposal>;
export type CadenceRecord = Ordered<Cadence>;
export type ReviewRecord = Ordered<Review>;
export type ActionRecord = Ordered<ReviewAction>;
export type SelfReviewRecord = Ordered<SelfReview>;

export type PortfolioState = {
  readonly meta: PortfolioMeta;
  readonly periods: readonly PeriodRecord[];
  readonly teams: readonly TeamRecord[];
  readonly objectives: readonly ObjectiveRecord[];
  readonly initiatives: readonly InitiativeRecord[];
  readonly scenarios: readonly ScenarioRecord[];
  readonly ranks: readonly RankRecord[];
  readonly actuals: readonly ActualRecord[];
  readonly decisions: readonly DecisionRecord[];
  readonly workshops: readonly WorkshopRecord[];
  readonly proposals: readonly ProposalRecord[];
  readonly cadences: readonly CadenceRecord[];
  readonly reviews: readonly ReviewRecord[];
  readonly actions: readonly ActionRecord[];
  readonly selfReviews: readonly SelfReviewRecord[];
};

/** Makes ordering keys. The store passes one in (shared/ has no library or randomness). */
export type OrderKeys = {
  /** A key strictly between `before` and `after` (null: the start or the end of the list). */
  readonly between: (before: string | null, after: string | null) => string;
  /** `count` increasing keys strictly between `before` and `after`. */
  readonly spread: (before: string | null, after: string | null, count: number) => string[];
};

/** Plain string order: the same on every machine and in every locale. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function sortKey(entity: ListEntityName, record: object): string {
  const value = record as Record<string, unknown>;
  return ENTITIES[entity].ordering === 'rank' ? String(value.rank) : String(value.order);
}

/** Sorts a list of `entity` in its order: by its ordering key, ties by the record's key. */
export function sortRecords<T extends object>(entity: ListEntityName, records: readonly T[]): T[] {
  return [...records].sort(
    (a, b) =>
      compareText(sortKey(entity, a), sortKey(entity, b)) ||
      compareText(keyText(keyOf(entity, a)), keyText(keyOf(entity, b))),
  );
}

/** The state with every list in order (the database hands lists over in key order). */
export function normalizeState(state: PortfolioState): PortfolioState {
  const next: Record<string, unknown> = { meta: state.meta };
  for (const name of LIST_ENTITY_NAMES) {
    next[name] = sortRecords(name, (state[name] ?? []) as readonly object[]);
  }
  return next as PortfolioState;
}

function ordered<T extends object>(items: readonly T[], keys: OrderKeys): Ordered<T>[] {
  const orders = keys.spread(null, null, items.length);
  return items.map((item, index) => ({ ...item, order: orders[index] as string }));
}

/** The ranking records that put `ranking` in order, spread so that later moves have room. */
export function rankRecords(
  scenarioId: string,
  ranking: readonly string[],
  keys: OrderKeys,
): RankRecord[] {
  const unique = [...new Set(ranking)];
  const ranks = keys.spread(null, null, unique.length);
  return unique.map((initiativeId, index) => ({
    scenarioId,
    initiativeId,
    rank: ranks[index] as string,
  }));
}

/** The state of a portfolio read from a file (or the demo, or a new empty one). */
export function portfolioToState(
  portfolio: Portfolio,
  origin: PortfolioMeta['origin'],
  keys: OrderKeys,
): PortfolioState {
  const meta: PortfolioMeta = {
    key: 'portfolio',
    name: portfolio.name,
    origin,
    ...(portfolio.currency !== undefined && { currency: portfolio.currency }),
    ...(portfolio.capacityUnit !== undefined && { capacityUnit: portfolio.capacityUnit }),
    ...(portfolio.budget !== undefined && { budget: { ...portfolio.budget } }),
    ...(portfolio.objectiveComparisons !== undefined && {
      objectiveComparisons: portfolio.objectiveComparisons,
    }),
    ...(portfolio.scoring !== undefined && { scoring: portfolio.scoring }),
    ...(portfolio.intakeSettings !== undefined && {
      intakeSettings: plainSettings(portfolio.intakeSettings),
    }),
    ...(portfolio.extras !== undefined && { extras: portfolio.extras }),
  };
  return {
    meta,
    periods: ordered(portfolio.periods, keys),
    teams: ordered(
      portfolio.teams.map((team) => ({ ...team, capacity: { ...team.capacity } })),
      keys,
    ),
    objectives: ordered(portfolio.objectives, keys),
    initiatives: ordered(portfolio.initiatives.map(plainRecords), keys),
    scenarios: ordered(
      portfolio.scenarios.map(({ ranking: _ranking, ...rest }) => rest),
      keys,
    ),
    ranks: sortRecords(
      'ranks',
      portfolio.scenarios.flatMap((scenario) => rankRecords(scenario.id, scenario.ranking, keys)),
    ),
    actuals: ordered((portfolio.actuals ?? []).map(plainEffort), keys),
    decisions: ordered(portfolio.decisions ?? [], keys),
    workshops: ordered(portfolio.workshops ?? [], keys),
    proposals: ordered((portfolio.proposals ?? []).map(plainRecords), keys),
    cadences: ordered(portfolio.cadences ?? [], keys),
    reviews: ordered(portfolio.reviews ?? [], keys),
    actions: ordered(portfolio.actions ?? [], keys),
    selfReviews: ordered(portfolio.selfReviews ?? [], keys),
  };
}

/** The settings' records keyed by stage, size, team or model as plain objects. */
function plainSettings(settings: IntakeSettings): IntakeSettings {
  const sizes: Record<string, unknown> = {};
  for (const [size, template] of Object.entries(settings.sizes)) {
    if (template) sizes[size] = { ...template, demand: { ...template.demand } };
  }
  return {
    ...settings,
    stageLabels: { ...settings.stageLabels },
    sizes,
    gate: {
      ...settings.gate,
      priority: { ...settings.gate.priority, minimum: { ...settings.gate.priority.minimum } },
    },
  };
}

/** An actual's effort by team as a plain object, as the other records keyed by id. */
function plainEffort(actual: Actual): Actual {
  return actual.effort !== undefined ? { ...actual, effort: { ...actual.effort } } : actual;
}

/** Records keyed by id as plain objects (structured clone keeps no null prototype). */
function plainRecords<T extends Pick<Initiative, 'demand' | 'scores'>>(initiative: T): T {
  return {
    ...initiative,
    ...(initiative.demand !== undefined && { demand: { ...initiative.demand } }),
    ...(initiative.scores !== undefined && { scores: { ...initiative.scores } }),
  };
}

function withoutOrder<T extends { readonly order: string }>(record: T): Omit<T, 'order'> {
  const { order: _order, ...rest } = record;
  return rest;
}

/**
 * A record keyed by id with no prototype, as the file reader gives it: a period or team id such as
 * "constructor" then reads what the file says, not a built-in of every object.
 */
function byKey<T>(record: Readonly<Record<string, T>>): Record<string, T> {
  return Object.assign(Object.create(null) as Record<string, T>, record);
}

function withKeyedRecords<T extends Pick<Initiative, 'demand' | 'scores'>>(initiative: T): T {
  return {
    ...initiative,
    ...(initiative.demand !== undefined && { demand: byKey(initiative.demand) }),
    ...(initiative.scores !== undefined && { scores: byKey(initiative.scores) }),
  };
}

/** The ranking of each scenario, by scenario id (ranks in order). */
export function rankingsOf(ranks: readonly RankRecord[]): Map<string, string[]> {
  const rankings = new Map<string, string[]>();
  for (const record of ranks) {
    const list = rankings.get(record.scenarioId) ?? [];
    list.push(record.initiativeId);
    rankings.set(record.scenarioId, list);
  }
  return rankings;
}

/**
 * The portfolio the state describes, as the file format has it. The state's lists must be in
 * order (`normalizeState`). An empty `actuals`, `decisions`, `workshops`, `proposals`,
 * `cadences`, `reviews`, `actions` or `selfReviews` list is left out, as a file without the key reads. Snapshots
 * are not part of the state: the caller adds them when it writes a file.
 */
export function stateToPortfolio(state: PortfolioState): Portfolio {
  const { meta } = state;
  const rankings = rankingsOf(state.ranks);
  const actuals = state.actuals.map((actual) => {
    const plain = withoutOrder(actual);
    return plain.effort !== undefined ? { ...plain, effort: byKey(plain.effort) } : plain;
  });
  const decisions = state.decisions.map(withoutOrder);
  const workshops = (state.workshops ?? []).map(withoutOrder);
  const proposals = (state.proposals ?? []).map((proposal) =>
    withKeyedRecords(withoutOrder(proposal)),
  );
  const cadences = (state.cadences ?? []).map(withoutOrder);
  const reviews = (state.reviews ?? []).map(withoutOrder);
  const actions = (state.actions ?? []).map(withoutOrder);
  const selfReviews = (state.selfReviews ?? []).map(withoutOrder);
  return {
    name: meta.name,
    ...(meta.currency !== undefined && { currency: meta.currency }),
    ...(meta.capacityUnit !== undefined && { capacityUnit: meta.capacityUnit }),
    periods: state.periods.map(withoutOrder),
    teams: state.teams.map((team) => ({ ...withoutOrder(team), capacity: byKey(team.capacity) })),
    ...(meta.budget !== undefined && { budget: byKey(meta.budget) }),
    objectives: state.objectives.map(withoutOrder),
    ...(meta.objectiveComparisons !== undefined && {
      objectiveComparisons: meta.objectiveComparisons,
    }),
    ...(meta.scoring !== undefined && { scoring: meta.scoring }),
    initiatives: state.initiatives.map((initiative) => withKeyedRecords(withoutOrder(initiative))),
    scenarios: state.scenarios.map((scenario) => ({
      ...withoutOrder(scenario),
      ranking: rankings.get(scenario.id) ?? [],
    })),
    ...(actuals.length > 0 && { actuals }),
    ...(decisions.length > 0 && { decisions }),
    ...(workshops.length > 0 && { workshops }),
    ...(meta.intakeSettings !== undefined && { intakeSettings: meta.intakeSettings }),
    ...(proposals.length > 0 && { proposals }),
    ...(cadences.length > 0 && { cadences }),
    ...(reviews.length > 0 && { reviews }),
    ...(actions.length > 0 && { actions }),
    ...(selfReviews.length > 0 && { selfReviews }),
    ...(meta.extras !== undefined && { extras: meta.extras }),
  };
}

/**
 * The state once `changes` are applied, without touching the one given. Lists stay in order:
 * a list whose records changed place is sorted again, others keep their order.
 */
export function applyChanges(state: PortfolioState, changes: readonly Change[]): PortfolioState {
  if (changes.length === 0) return state;
  const next: Record<string, unknown> = { ...state };
  const byTable = new Map<string, Change[]>();
  for (const change of changes) {
    const list = byTable.get(change.table) ?? [];
    list.push(change);
    byTable.set(change.table, list);
  }
  for (const [table, touched] of byTable) {
    if (table === 'meta') {
      const last = touched[touched.length - 1];
      next.meta = last?.after ?? state.meta;
      continue;
    }
    const name = table as ListEntityName;
    const records = state[name] as readonly object[];
    const index = new Map<string, number>();
    records.forEach((record, at) => index.set(keyText(keyOf(name, record)), at));
    const list: (object | undefined)[] = [...records];
    let resort = false;
    for (const change of touched) {
      const key = keyText(change.key);
      const at = index.get(key);
      const after = change.after as object | undefined;
      if (after === undefined) {
        if (at !== undefined) list[at] = undefined;
        index.delete(key);
        continue;
      }
      if (at === undefined || list[at] === undefined) {
        index.set(key, list.length);
        list.push(after);
        resort = true;
      } else {
        if (sortKey(name, list[at] as object) !== sortKey(name, after)) resort = true;
        list[at] = after;
      }
    }
    const kept = list.filter((record): record is object => record !== undefined);
    next[name] = resort ? sortRecords(name, kept) : kept;
  }
  return next as PortfolioState;
}

/** Finds a record of `entity` by key. */
export function findRecord<T extends object>(
  records: readonly T[],
  entity: ListEntityName,
  key: string,
): T | undefined {
  return records.find((record) => keyText(keyOf(entity, record)) === key);
}

/** The last order key of a list, to put a new record after it. */
export function lastOrder(records: readonly { readonly order: string }[]): string | null {
  return records.length === 0 ? null : (records[records.length - 1] as { order: string }).order;
}
