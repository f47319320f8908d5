// Public face of the store: the Store interface, its SQLite and PostgreSQL implementations, the
// opener that picks one from the environment, and the change feed that keeps a graph in step.
export type {
  Change,
  ChangePage,
  DocumentPage,
  EventKey,
  GraphDocument,
  Store,
  StoreCounts,
  StoreGeneration,
} from './types.ts';
export { GRAPH_BATCH, MAX_QUOTE_BATCH, StoreInputError } from './types.ts';
export { openSqliteStore } from './sqlite-store.ts';
export type { SqliteSettings, SqliteStore } from './sqlite-store.ts';
export { openPostgresStore, type PostgresStoreOptions } from './postgres-store.ts';
export { PG_MIGRATIONS, PG_SCHEMA_VERSION, migratePostgres } from './postgres-migrations.ts';
export { dataDir, graphSnapshotPath, openStore, STORE_FILE, usesPostgres } from './open-store.ts';
export { MIGRATIONS, SCHEMA_VERSION, migrate } from './migrations.ts';
export type { Migration } from './migrations.ts';
export { ChangeFeed, type FollowedGraph } from './change-feed.ts';
export { fillGraph } from './fill-graph.ts';
export {
  StoreDamagedError,
  checkStoreFile,
  damageLine,
  isOutOfSpace,
  repairStoreFile,
  type CheckReport,
  type RepairReport,
} from './integrity.ts';
