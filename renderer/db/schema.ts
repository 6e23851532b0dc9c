/**
 * The Dexie database that holds the portfolio. Its tables derive from the entity registry
 * (shared/store/entities.ts), plus the change history and each window's undo stacks. Schema
 * versions are append-only: a new version adds an entry to SCHEMA_VERSIONS, and one that changes
 * data names a pure migration (renderer/db/migrations.ts) that is tested on its own.
 */
import Dexie, { type EntityTable, type Transaction } from 'dexie';
import type { Snapshot } from '../../shared/cadence/types';
import { ENTITY_NAMES, storeDefinitions, type EntityName } from '../../shared/store/entities';
import type { HistoryEntry } from '../../shared/store/history';
import type {
  ActionRecord,
  ActualRecord,
  CadenceRecord,
  DecisionRecord,
  InitiativeRecord,
  ObjectiveRecord,
  PeriodRecord,
  PortfolioMeta,
  ProposalRecord,
  RankRecord,
  ReviewRecord,
  ScenarioRecord,
  SelfReviewRecord,
  TeamRecord,
  WorkshopRecord,
} from '../../shared/store/state';
import { MIGRATIONS, type MigrationTables } from './migrations';

export const DATABASE_NAME = 'baton';

export type {
  ActionRecord as ActionRow,
  ActualRecord as ActualRow,
  CadenceRecord as CadenceRow,
  DecisionRecord as DecisionRow,
  InitiativeRecord as InitiativeRow,
  ObjectiveRecord as ObjectiveRow,
  PeriodRecord as PeriodRow,
  PortfolioMeta as PortfolioMetaRow,
  ProposalRecord as ProposalRow,
  RankRecord as RankRow,
  ReviewRecord as ReviewRow,
  ScenarioRecord as ScenarioRow,
  SelfReviewRecord as SelfReviewRow,
  TeamRecord as TeamRow,
  WorkshopRecord as WorkshopRow,
};

/** The row of the `meta` table that says whether there are changes not saved to a file. */
export type PortfolioStatusRow = { readonly key: 'status'; readonly unsavedChanges: boolean };

/**
 * The row of the `meta` table every write increases: a window whose copy of the portfolio has
 * the same revision need not read it again.
 */
export type RevisionRow = {
  readonly key: 'revision';
  readonly value: number;
  /** Made when the database is filled: a database deleted and made again has another. */
  readonly epoch?: string;
};

export type MetaRow = PortfolioMeta | PortfolioStatusRow | RevisionRow;

/** One window's undo and redo stacks: the history entries it can undo and redo, newest last. */
export type StackRow = {
  readonly window: string;
  readonly undo: readonly number[];
  readonly redo: readonly number[];
};

export type TableName = EntityName;

/** The portfolio's tables, one per entity of the registry. */
export const TABLE_NAMES: readonly TableName[] = ENTITY_NAMES;

/**
 * The table of the snapshots taken when reviews were held. It is not an entity of the registry:
 * edits, undo and the change history never touch it, and opening or replacing the portfolio
 * leaves its rows (renderer/db/snapshots.ts).
 */
export const SNAPSHOTS_TABLE = 'snapshots';

/** The tables of the change history and the undo stacks. */
export const HISTORY_TABLES = ['history', 'stacks'] as const;

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
  {
    version: 3,
    stores: {
      ...storeDefinitions(),
      history: '++seq, at',
      stacks: 'window',
    },
    migration: 'orderKeys',
  },
  { version: 4, stores: {}, migration: 'scoresOnTheirScale' },
  { version: 5, stores: { workshops: storeDefinitions().workshops } },
  // Proposals get a table; the intake settings live in the portfolio's meta row. No data changes.
  { version: 6, stores: { proposals: storeDefinitions().proposals } },
  // Meeting series, reviews and actions get tables; snapshots a table of their own, outside the
  // registry. No data changes.
  {
    version: 7,
    stores: {
      cadences: storeDefinitions().cadences,
      reviews: storeDefinitions().reviews,
      actions: storeDefinitions().actions,
      snapshots: 'id, reviewId',
    },
  },
  // The PMO's self-reviews get a table (actuals have one since version 1; their confidence and
  // benefit are new optional fields of the same rows). No data changes.
  { version: 8, stores: { selfReviews: storeDefinitions().selfReviews } },
];

export const CURRENT_SCHEMA_VERSION = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]?.version ?? 1;

/**
 * Runs before every opening of the database, before Dexie upgrades it: the app backs up a
 * database stored at an older schema version (renderer/backup/before-upgrade.ts). It must not
 * throw; if it does, the database opens anyway.
 */
export type BeforeOpen = (database: BatonDatabase) => Promise<void>;

export class BatonDatabase extends Dexie {
  meta!: EntityTable<MetaRow, 'key'>;
  periods!: EntityTable<PeriodRecord, 'id'>;
  teams!: EntityTable<TeamRecord, 'id'>;
  objectives!: EntityTable<ObjectiveRecord, 'id'>;
  initiatives!: EntityTable<InitiativeRecord, 'id'>;
  scenarios!: EntityTable<ScenarioRecord, 'id'>;
  ranks!: Dexie.Table<RankRecord, [string, string]>;
  actuals!: Dexie.Table<ActualRecord, [string, string]>;
  decisions!: EntityTable<DecisionRecord, 'id'>;
  workshops!: EntityTable<WorkshopRecord, 'id'>;
  proposals!: EntityTable<ProposalRecord, 'id'>;
  cadences!: EntityTable<CadenceRecord, 'id'>;
  reviews!: EntityTable<ReviewRecord, 'id'>;
  actions!: EntityTable<ActionRecord, 'id'>;
  selfReviews!: EntityTable<SelfReviewRecord, 'id'>;
  snapshots!: EntityTable<Snapshot, 'id'>;
  history!: Dexie.Table<HistoryEntry, number>;
  stacks!: EntityTable<StackRow, 'window'>;

  /** The opening under way (its `beforeOpen` first), shared by every call to `open` meanwhile. */
  private opening: Promise<unknown> | null = null;

  constructor(
    name = DATABASE_NAME,
    versions: readonly SchemaVersion[] = SCHEMA_VERSIONS,
    private readonly beforeOpen?: BeforeOpen,
  ) {
    super(name);
    for (const schema of versions) {
      const version = this.version(schema.version).stores(schema.stores);
      const migrationName = schema.migration;
      if (migrationName) {
        version.upgrade((tx: Transaction) => runMigration(migrationName, tx));
      }
    }
  }

  /**
   * Opens the database, after `beforeOpen`. Dexie calls this too when a query finds the database
   * closed, so the hook runs before any opening, the first query's included.
   */
  override open(): ReturnType<Dexie['open']> {
    const beforeOpen = this.beforeOpen;
    if (!beforeOpen || this.isOpen()) return super.open();
    this.opening ??= beforeOpen(this)
      .catch((error: unknown) => {
        console.warn('The check before opening the database failed', error);
      })
      .then(() => super.open())
      .finally(() => {
        this.opening = null;
      });
    return Dexie.Promise.resolve(this.opening).then(() => this) as ReturnType<Dexie['open']>;
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
