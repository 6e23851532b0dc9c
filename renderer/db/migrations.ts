/**
 * Data migrations between schema versions, as named pure functions over whole tables: rows in,
 * rows out. Each is tested on its own, and a meta-test fails when one is never exercised.
 */

export type MigrationTables = Record<string, unknown[]>;

export type Migration = {
  /** The tables the migration reads, as they were before the upgrade. */
  readonly reads: readonly string[];
  /** Returns the full new content of every table it rewrites. */
  readonly migrate: (tables: Readonly<MigrationTables>) => MigrationTables;
};

/** Registered migrations by name. Version 1 is the first schema and needs none. */
export const MIGRATIONS: Readonly<Record<string, Migration>> = {};
