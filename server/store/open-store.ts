// The default store for the server and CLI: stancegraph.sqlite under DATA_DIR (default ./data).
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { openSqliteStore } from './sqlite-store.ts';
import type { Store } from './types.ts';

export const STORE_FILE = 'stancegraph.sqlite';

/** The data directory named by DATA_DIR, resolved against the working directory. */
export function dataDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(env.DATA_DIR || './data');
}

/** Opens the default store: file stancegraph.sqlite under process.env.DATA_DIR (default ./data, created if missing). */
export function openStore(env: NodeJS.ProcessEnv = process.env): Store {
  const dir = dataDir(env);
  mkdirSync(dir, { recursive: true });
  return openSqliteStore({ file: path.join(dir, STORE_FILE) });
}
