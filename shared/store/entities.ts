/**
 * The entity registry: every kind of record the portfolio keeps, in one place. The database's
 * tables and indexes, the key of a record, where the record sits in the portfolio file, how its
 * list is ordered and what a person calls it all derive from the entry. Adding an entity is one
 * entry here plus its schema (shared/portfolio/restore.ts) and, for the file, its key order
 * (shared/portfolio/keys.ts).
 */

/** A record's key: its id, or the pair of ids it belongs to. */
export type EntityKey = string | readonly [string, string];

export type EntityDefinition = {
  /** What a person calls one record ("Initiative"). */
  readonly what: string;
  /** The fields that make up the key, in order. */
  readonly key: readonly [string] | readonly [string, string];
  /**
   * How the list is ordered: `order` (a fractional key kept with each record, file order), `rank`
   * (the record is a place in a ranking; its key is `rank`), or `none` (the portfolio's one meta
   * record).
   */
  readonly ordering: 'order' | 'rank' | 'none';
  /** Further fields the database indexes, to find records without reading every one. */
  readonly indexes: readonly string[];
};

export const ENTITIES = {
  meta: { what: 'Portfolio', key: ['key'], ordering: 'none', indexes: [] },
  periods: { what: 'Period', key: ['id'], ordering: 'order', indexes: [] },
  teams: { what: 'Team', key: ['id'], ordering: 'order', indexes: [] },
  objectives: { what: 'Objective', key: ['id'], ordering: 'order', indexes: ['parentId'] },
  initiatives: { what: 'Initiative', key: ['id'], ordering: 'order', indexes: ['status'] },
  scenarios: { what: 'Scenario', key: ['id'], ordering: 'order', indexes: [] },
  ranks: {
    what: 'Place in a ranking',
    key: ['scenarioId', 'initiativeId'],
    ordering: 'rank',
    indexes: ['scenarioId', 'initiativeId'],
  },
  actuals: {
    what: 'Actual',
    key: ['initiativeId', 'periodId'],
    ordering: 'order',
    indexes: ['initiativeId', 'periodId'],
  },
  decisions: {
    what: 'Decision',
    key: ['id'],
    ordering: 'order',
    indexes: ['date', 'kind', 'supersedes'],
  },
  workshops: { what: 'Workshop session', key: ['id'], ordering: 'order', indexes: [] },
  proposals: { what: 'Proposal', key: ['id'], ordering: 'order', indexes: ['stage'] },
  cadences: { what: 'Meeting series', key: ['id'], ordering: 'order', indexes: [] },
  reviews: { what: 'Review', key: ['id'], ordering: 'order', indexes: ['date', 'cadenceId'] },
  actions: { what: 'Action', key: ['id'], ordering: 'order', indexes: ['reviewId'] },
  selfReviews: { what: 'Self-review', key: ['id'], ordering: 'order', indexes: ['date'] },
} as const satisfies Readonly<Record<string, EntityDefinition>>;

export type EntityName = keyof typeof ENTITIES;

/** Every entity, in the order the portfolio file lists them. */
export const ENTITY_NAMES = Object.keys(ENTITIES) as EntityName[];

/** The entities kept as lists of records (all but the meta record). */
export type ListEntityName = Exclude<EntityName, 'meta'>;
export const LIST_ENTITY_NAMES = ENTITY_NAMES.filter(
  (name): name is ListEntityName => name !== 'meta',
);

/** The key of `record` of `entity`. */
export function keyOf(entity: EntityName, record: object): EntityKey {
  const fields = ENTITIES[entity].key;
  const value = record as Record<string, unknown>;
  if (fields.length === 1) return String(value[fields[0]]);
  return [String(value[fields[0]]), String(value[fields[1]])];
}

/** A key as one string, to look records up in a Map. */
export function keyText(key: EntityKey): string {
  return typeof key === 'string' ? key : JSON.stringify(key);
}

/** Whether two keys name the same record. */
export function sameKey(a: EntityKey, b: EntityKey): boolean {
  return keyText(a) === keyText(b);
}

/**
 * The database's store definition for each entity (Dexie's syntax): the key path first, then the
 * ordering field and the indexes.
 */
export function storeDefinitions(): Record<EntityName, string> {
  const stores = {} as Record<EntityName, string>;
  for (const name of ENTITY_NAMES) {
    const entity: EntityDefinition = ENTITIES[name];
    const keyPath = entity.key.length === 1 ? entity.key[0] : `[${entity.key.join('+')}]`;
    const fields = [keyPath, ...(entity.ordering === 'order' ? ['order'] : []), ...entity.indexes];
    stores[name] = fields.join(', ');
  }
  return stores;
}
