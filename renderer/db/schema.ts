/**
 * The Dexie database that holds the portfolio. Schema versions are append-only: a new version
 * adds an entry to SCHEMA_VERSIONS, and one that changes data names a pure migration function
 * (renderer/db/migrations.ts) that is tested on its own.
 */
import Dexie, { type EntityTable, type Transaction } from 'dexie';
import type {
  Actual,
  Initiative,
  Objective,
  Period,
  Scenario,
  ScoringModel,
  Team,
  Extras,
} from '../../shared/portfolio/types';
import { MIGRATIONS, type MigrationTables } from './migrations';

export const DATABASE_NAME = 'baton';

/** A row keeps the entity and its position in the portfolio's list order. */
export type Positioned<T> = T & { readonly pos: number };

export type PeriodRow = Positioned<Period>;
export type TeamRow = Positioned<Team>;
export type ObjectiveRow = Positioned<Objective>;
export type InitiativeRow = Positioned<Initiative>;
/** A scenario without its ranking: each ranked initiative has a row in `ranks`. */
export type ScenarioRow = Positioned<Omit<Scenario, 'ranking'>>;
/**
 * An initiative's place in a scenario's stack: ranks sort with a plain string comparison
 * (shared/prioritize/fractional-rank.ts), so moving a card rewrites its row alone.
 */
export type RankRow = {
  readonly scenarioId: string;
  readonly initiativeId: string;
  readonly rank: string;
};
export type ActualRow = Positioned<Actual>;

/** The one row of the `meta` table that describes the portfolio as a whole. */
export type PortfolioMetaRow = {
  readonly key: 'portfolio';
  readonly name: string;
  readonly currency?: string;
  readonly capacityUnit?: string;
  readonly budget?: Readonly<Record<string, number>>;
  readonly scoring?: ScoringModel;
  readonly extras?: Extras;
  /** Where the data came from: the demo, a new empty portfolio, or a file's name. */
  readonly origin: { readonly kind: 'demo' | 'empty' | 'file'; readonly label?: string };
};

/** The row of the `meta` table that says whether there are changes not saved to a file. */
export type PortfolioStatusRow = { readonly key: 'status'; readonly unsavedChanges: boolean };

export type MetaRow = PortfolioMetaRow | PortfolioStatusRow;

export type TableName =
  'meta' | 'periods' | 'teams' | 'objectives' | 'initiatives' | 'scenarios' | 'ranks' | 'actuals';

export const TABLE_NAMES: readonly TableName[] = [
  'meta',
  'periods',
  'teams',
  'objectives',
  'initiatives',
  'scenarios',
  'ranks',
  'actuals',
];

export type SchemaVersion = {
  readonly version: number;
  readonly stores: Readonly<Record<string, string | null>>;
  /** Name of the migration in MIGRATIONS that upgrades the data to this version, if any. */
  readonly migration?: keyof typeof MIGRATIONS;
};

/** Every schema version ever shipped, oldest first. Append only. */
export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [
  {
    version: 1,
    stores: {
      meta: 'key',
      periods: 'id, pos',
      teams: 'id, pos',
      objectives: 'id, pos, parentId',
      initiatives: 'id, pos, status',
      scenarios: 'id, pos',
      actuals: '[initiativeId+periodId], pos, initiativeId, periodId',
    },
  },
  {
    version: 2,
    stores: { ranks: '[scenarioId+initiativeId], scenarioId, initiativeId' },
    migration: 'fractionalRanks',
  },
];

export const CURRENT_SCHEMA_VERSION = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]?.version ?? 1;

export class BatonDatabase extends Dexie {
  meta!: EntityTable<MetaRow, 'key'>;
  periods!: EntityTable<PeriodRow, 'id'>;
  teams!: EntityTable<TeamRow, 'id'>;
  objectives!: EntityTable<ObjectiveRow, 'id'>;
  initiatives!: EntityTable<InitiativeRow, 'id'>;
  scenarios!: EntityTable<ScenarioRow, 'id'>;
  ranks!: Dexie.Table<RankRow, [string, string]>;
  actuals!: Dexie.Table<ActualRow, [string, string]>;

  constructor(name = DATABASE_NAME, versions: readonly SchemaVersion[] = SCHEMA_VERSIONS) {
    super(name);
    for (const schema of versions) {
      const version = this.version(schema.version).stores(schema.stores);
      const migrationName = schema.migration;
      if (migrationName) {
        version.upgrade((tx: Transaction) => runMigration(migrationName, tx));
      }
    }
  }
}

async function runMigration(name: keyof typeof MIGRATIONS, tx: Transaction): Promise<void> {
  const migration = MIGRATIONS[name];
  if (!migration) throw new Error(`Unknown migration "${String(name)}".`);
  const tables: MigrationTables = {};
  for (const table of migration.reads) {
    tables[table] = await tx.table(table).toArray();
  }
  const result = migration.migrate(tables);
  for (const [table, rows] of Object.entries(result)) {
    const store = tx.table(table);
    await store.clear();
    await store.bulkAdd(rows);
  }
}
