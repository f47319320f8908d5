// The SQLite store's health: a quick structural check before the server starts, a fuller check
// and a repair for the command line, malformed JSON in a stored row named by table and row, and
// recognising a write that failed because the disk (or the database's size limit) is full.
import { existsSync, renameSync, rmSync } from 'node:fs';
import Database from 'better-sqlite3';

/** A damaged store: the message names the file (or table and row) and the repair command. */
export class StoreDamagedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StoreDamagedError';
  }
}

/** A write refused because the disk, or the database's page limit, is full. */
export function isOutOfSpace(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  // SQLite's SQLITE_FULL, the OS's ENOSPC, PostgreSQL's disk_full (53100).
  return code === 'SQLITE_FULL' || code === 'ENOSPC' || code === '53100';
}

/**
 * The parsed value of a JSON column, or a StoreDamagedError naming the table, the row's key and the
 * column, so a damaged row can be found and removed instead of failing somewhere downstream.
 */
export function storedJson<T>(
  table: string,
  key: Record<string, string | number>,
  column: string,
  json: string,
): T {
  try {
    return JSON.parse(json) as T;
  } catch {
    const row = Object.entries(key)
      .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
      .join(', ');
    throw new StoreDamagedError(
      `store: table ${table}, row (${row}): column ${column} holds malformed JSON ` +
        `(${JSON.stringify(json.slice(0, 40))}); run "stancegraph check" for every damaged row`,
    );
  }
}

export interface CheckReport {
  file: string;
  ok: boolean;
  /** Problems as SQLite and the JSON scan word them, at most `limit` of them. */
  problems: string[];
  /** Milliseconds the check took. */
  ms: number;
}

const REPAIR_HINT = 'stop the server and run "stancegraph repair" (DATA_DIR set as for the server)';

/** One line for a report that is not ok: the file, the first problem and the repair command. */
export function damageLine(report: CheckReport): string {
  const more = report.problems.length > 1 ? ` (and ${report.problems.length - 1} more)` : '';
  return `store damaged: ${report.file}: ${report.problems[0] ?? 'unknown damage'}${more}; ${REPAIR_HINT}`;
}

// The JSON columns of the schema and the key that names a row of each table.
const JSON_COLUMNS = [
  { table: 'document_actors', key: ['document', 'actor'], columns: ['aliases', 'mentions'] },
  { table: 'events', key: ['document', 'id'], columns: ['origin'] },
] as const;

function openReadOnly(file: string): Database.Database {
  return new Database(file, { readonly: true, fileMustExist: true });
}

function pragmaProblems(db: Database.Database, pragma: string, limit: number): string[] {
  try {
    const rows = db.pragma(`${pragma}(${limit})`) as Record<string, string>[];
    const lines = rows
      .map((r) => String(Object.values(r)[0]))
      .map((l) => l.replace(/^\*\*\* in database main \*\*\*\s*/, '').replace(/\s*\n\s*/g, '; '));
    return lines.length === 1 && lines[0] === 'ok' ? [] : lines;
  } catch (error) {
    // A page too damaged to read at all ("database disk image is malformed").
    return [(error as Error).message];
  }
}

function jsonProblems(db: Database.Database, limit: number): string[] {
  const problems: string[] = [];
  const tables = new Set(
    (
      db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]
    ).map((r) => r.name),
  );
  for (const { table, key, columns } of JSON_COLUMNS) {
    if (!tables.has(table)) continue;
    for (const column of columns) {
      const sql =
        `SELECT ${key.join(', ')}, ${column} AS value FROM ${table} ` +
        `WHERE ${column} IS NOT NULL AND json_valid(${column}) = 0 LIMIT ?`;
      try {
        for (const row of db.prepare(sql).all(limit) as Record<string, string>[]) {
          const name = key.map((k) => `${k}=${JSON.stringify(row[k])}`).join(', ');
          problems.push(`table ${table}, row (${name}): column ${column} holds malformed JSON`);
        }
      } catch (error) {
        problems.push(`table ${table}: ${(error as Error).message}`);
      }
    }
  }
  return problems.slice(0, limit);
}

/**
 * Checks a store file without changing it. quick (the start-up check): PRAGMA quick_check, which
 * reads every page but does not match indexes to rows; otherwise PRAGMA integrity_check (indexes
 * against rows) plus every JSON column parsed. A file that does not exist yet is healthy.
 */
export function checkStoreFile(file: string, mode: 'quick' | 'full', limit = 20): CheckReport {
  const started = performance.now();
  if (!existsSync(file)) return { file, ok: true, problems: [], ms: 0 };
  let problems: string[];
  let db: Database.Database | null = null;
  try {
    db = openReadOnly(file);
    problems = pragmaProblems(db, mode === 'quick' ? 'quick_check' : 'integrity_check', limit);
    if (mode === 'full' && problems.length < limit) {
      problems.push(...jsonProblems(db, limit - problems.length));
    }
  } catch (error) {
    problems = [(error as Error).message];
  } finally {
    db?.close();
  }
  return { file, ok: problems.length === 0, problems, ms: performance.now() - started };
}

export interface RepairReport {
  file: string;
  method: 'none' | 'reindex' | 'reload';
  /** Where the damaged file was kept, when the store was reloaded into a fresh one. */
  keptAs: string | null;
  /** Rows copied per table by a reload. */
  copied: Record<string, number>;
  /** Rows a reload could not read (per table). */
  lost: Record<string, number>;
  after: CheckReport;
}

/** A repaired store may have lost rows: a graph saved before the repair must not be used. */
function raiseGeneration(file: string): void {
  const db = new Database(file, { fileMustExist: true });
  try {
    const table = db
      .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'store_state'")
      .get();
    if (table) db.exec('UPDATE store_state SET generation = generation + 1 WHERE id = 1');
  } catch {
    // A store still this damaged is reported by the check that follows.
  } finally {
    db.close();
  }
}

function reindex(file: string): boolean {
  const db = new Database(file, { fileMustExist: true });
  try {
    db.exec('REINDEX');
    return true;
  } catch {
    return false;
  } finally {
    db.close();
  }
}

/** Copies every readable row of every table into a fresh file, scanning tables, not indexes. */
function reload(file: string, fresh: string): Pick<RepairReport, 'copied' | 'lost'> {
  const copied: Record<string, number> = {};
  const lost: Record<string, number> = {};
  const old = openReadOnly(file);
  rmSync(fresh, { force: true });
  const target = new Database(fresh);
  try {
    const schema = old
      .prepare(
        "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY type = 'index', rowid",
      )
      .all() as { type: string; name: string; sql: string }[];
    target.pragma('foreign_keys = OFF');
    for (const entry of schema.filter((e) => e.type === 'table')) target.exec(entry.sql);
    for (const { name } of schema.filter((e) => e.type === 'table')) {
      copied[name] = 0;
      lost[name] = 0;
      const columns = (old.pragma(`table_info("${name}")`) as { name: string }[]).map(
        (c) => c.name,
      );
      const list = columns.map((c) => `"${c}"`).join(', ');
      const insert = target.prepare(
        `INSERT INTO "${name}" (${list}) VALUES (${columns.map(() => '?').join(', ')})`,
      );
      const copy = target.transaction(() => {
        try {
          const rows = old.prepare(`SELECT ${list} FROM "${name}" NOT INDEXED`).raw().iterate();
          for (const row of rows) {
            insert.run(...(row as unknown[]));
            copied[name]!++;
          }
        } catch {
          // The rest of a table behind an unreadable page is lost; what was read is kept.
          lost[name]!++;
        }
      });
      copy();
    }
    for (const entry of schema.filter((e) => e.type !== 'table')) target.exec(entry.sql);
    target.pragma(`user_version = ${Number(old.pragma('user_version', { simple: true }))}`);
    target.pragma('journal_mode = WAL');
  } finally {
    old.close();
    target.close();
  }
  return { copied, lost };
}

/**
 * Repairs a store file: REINDEX first (a damaged index is rebuilt from its table); if the file is
 * still damaged, every readable row is reloaded into a fresh file, which takes the store's name
 * while the damaged one is kept beside it. The server must not be running.
 */
export function repairStoreFile(file: string, now = new Date()): RepairReport {
  const before = checkStoreFile(file, 'full');
  const none = { copied: {}, lost: {}, keptAs: null };
  if (before.ok) return { file, method: 'none', ...none, after: before };
  if (reindex(file)) {
    const after = checkStoreFile(file, 'full');
    if (after.ok || after.problems.every((p) => p.includes('malformed JSON'))) {
      raiseGeneration(file);
      return { file, method: 'reindex', ...none, after };
    }
  }
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const fresh = `${file}.repair-${stamp}`;
  const result = reload(file, fresh);
  const keptAs = `${file}.damaged-${stamp}`;
  // The damaged file keeps its write-ahead log beside it, under its new name.
  if (existsSync(`${file}-wal`)) renameSync(`${file}-wal`, `${keptAs}-wal`);
  rmSync(`${file}-shm`, { force: true });
  renameSync(file, keptAs);
  renameSync(fresh, file);
  raiseGeneration(file);
  return { file, method: 'reload', keptAs, ...result, after: checkStoreFile(file, 'full') };
}
