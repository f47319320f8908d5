// Public face of the store: the Store interface, its SQLite implementation and the default opener.
export type { DocumentPage, Store, StoreCounts } from './types.ts';
export { StoreInputError } from './types.ts';
export { openSqliteStore } from './sqlite-store.ts';
export type { SqliteSettings, SqliteStore } from './sqlite-store.ts';
export { dataDir, openStore, STORE_FILE } from './open-store.ts';
export { MIGRATIONS, SCHEMA_VERSION, migrate } from './migrations.ts';
export type { Migration } from './migrations.ts';
