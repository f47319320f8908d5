// The store health commands: `stancegraph check` (integrity of pages and indexes, and every
// stored JSON value) and `stancegraph repair` (rebuild indexes, or reload every readable row into
// a fresh file and keep the damaged one). Both work on the SQLite file under DATA_DIR.
import path from 'node:path';
import type { CliIo } from './cli.ts';

export const STORE_USAGE = `  check [--json]
      Check the store under DATA_DIR: PRAGMA integrity_check (pages and indexes) and
      every stored JSON value; damaged rows are named by table and key. Exit 1 when damaged.
  repair
      Stop the server first. Rebuild the indexes (REINDEX); if the store is still damaged,
      reload every readable row into a fresh file, keeping the damaged one beside it.
`;

async function storeFile(io: CliIo, usage: (message: string) => Error): Promise<string> {
  const { STORE_FILE, dataDir, usesPostgres } = await import('./store/index.ts');
  if (usesPostgres(io.env)) {
    throw usage('check and repair work on the SQLite store; PostgreSQL checks its own pages');
  }
  return path.join(dataDir(io.env), STORE_FILE);
}

export async function checkCommand(
  rest: string[],
  json: boolean,
  io: CliIo,
  usage: (message: string) => Error,
): Promise<number> {
  if (rest.length > 0) throw usage('check takes no arguments');
  const { checkStoreFile } = await import('./store/index.ts');
  const report = checkStoreFile(await storeFile(io, usage), 'full');
  if (json) io.stdout(`${JSON.stringify(report)}\n`);
  else if (report.ok) io.stdout(`ok: ${report.file} (${report.ms.toFixed(0)} ms)\n`);
  else {
    io.stdout(`damaged: ${report.file}\n${report.problems.map((p) => `  ${p}\n`).join('')}`);
    io.stdout('run "stancegraph repair" with the server stopped\n');
  }
  return report.ok ? 0 : 1;
}

export async function repairCommand(
  rest: string[],
  io: CliIo,
  usage: (message: string) => Error,
): Promise<number> {
  if (rest.length > 0) throw usage('repair takes no arguments');
  const { repairStoreFile } = await import('./store/index.ts');
  const r = repairStoreFile(await storeFile(io, usage));
  if (r.method === 'none') io.stdout(`ok: ${r.file} needed no repair\n`);
  if (r.method === 'reindex') io.stdout(`rebuilt the indexes of ${r.file}\n`);
  if (r.method === 'reload') {
    const tables = Object.keys(r.copied).map(
      (t) => `  ${t}: ${r.copied[t]} rows${r.lost[t] ? ' (rest of the table unreadable)' : ''}\n`,
    );
    io.stdout(`reloaded ${r.file} into a fresh file; the damaged one is kept as ${r.keptAs}\n`);
    io.stdout(tables.join(''));
  }
  if (!r.after.ok) {
    io.stdout(`still damaged:\n${r.after.problems.map((p) => `  ${p}\n`).join('')}`);
    io.stdout('rows with malformed JSON: delete their documents and ingest them again\n');
  }
  return r.after.ok ? 0 : 1;
}
