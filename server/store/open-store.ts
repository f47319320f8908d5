// The store for the server and CLI: PostgreSQL when DATABASE_URL names one (postgres://...), else
// SQLite in stancegraph.sqlite under DATA_DIR (default ./data), which needs nothing installed; and
// where the server keeps its saved graph (STANCEGRAPH_GRAPH_SNAPSHOT).
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { openPostgresStore } from './postgres-store.ts';
import { openSqliteStore } from './sqlite-store.ts';
import type { Store } from './types.ts';

export const STORE_FILE = 'stancegraph.sqlite';

/** The data directory named by DATA_DIR, resolved against the working directory. */
export function dataDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(env.DATA_DIR || './data');
}

/** True when DATABASE_URL selects the PostgreSQL store. */
export function usesPostgres(env: NodeJS.ProcessEnv = process.env): boolean {
  return /^postgres(ql)?:\/\//i.test(env.DATABASE_URL ?? '');
}

/** Opens the store the environment names: DATABASE_URL (postgres://...) or the SQLite file. */
export async function openStore(env: NodeJS.ProcessEnv = process.env): Promise<Store> {
  if (env.DATABASE_URL && !usesPostgres(env)) {
    throw new Error('store: DATABASE_URL must be a postgres:// or postgresql:// URL');
  }
  if (usesPostgres(env)) return openPostgresStore({ url: env.DATABASE_URL! });
  const dir = dataDir(env);
  mkdirSync(dir, { recursive: true });
  return openSqliteStore({ file: path.join(dir, STORE_FILE) });
}

/**
 * Where the server saves its built graph: STANCEGRAPH_GRAPH_SNAPSHOT names a file, `off` turns
 * saving off; unset, beside the SQLite store file (PostgreSQL: nowhere unless named).
 */
export function graphSnapshotPath(env: NodeJS.ProcessEnv = process.env): string | null {
  const setting = env.STANCEGRAPH_GRAPH_SNAPSHOT?.trim();
  if (setting === 'off') return null;
  if (setting) return path.resolve(setting);
  if (usesPostgres(env)) return null;
  return path.join(dataDir(env), `${STORE_FILE}.graph-snapshot`);
}
