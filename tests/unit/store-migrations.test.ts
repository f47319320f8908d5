// Store schema migrations: a new or version-0 database is migrated, a current one is left alone.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  migrate,
  MIGRATIONS,
  openSqliteStore,
  SCHEMA_VERSION,
  type Migration,
} from '../../server/store/index.ts';

let dir: string;
let file: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'stancegraph-migrate-'));
  file = path.join(dir, 'test.sqlite');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function schemaOf(db: Database.Database): string[] {
  return (
    db
      .prepare("SELECT type || ' ' || name || ' ' || sql AS s FROM sqlite_master ORDER BY name")
      .all() as {
      s: string;
    }[]
  ).map((r) => r.s);
}

const TABLES = ['actors', 'affiliations', 'document_actors', 'documents', 'events'];

function tablesOf(db: Database.Database): string[] {
  return (
    db
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
      )
      .all() as { name: string }[]
  ).map((r) => r.name);
}

describe('migrations', () => {
  it('are numbered in order and end at SCHEMA_VERSION', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    expect(SCHEMA_VERSION).toBe(MIGRATIONS.length);
  });

  it('migrate a database at version 0', () => {
    const raw = new Database(file);
    raw.exec('CREATE TABLE unrelated (x INTEGER)');
    expect(raw.pragma('user_version', { simple: true })).toBe(0);
    raw.close();

    const store = openSqliteStore({ file });
    expect(store.settings().schemaVersion).toBe(SCHEMA_VERSION);
    store.close();

    const check = new Database(file, { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(tablesOf(check)).toEqual(expect.arrayContaining([...TABLES, 'unrelated']));
    const indexes = (
      check
        .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'events'")
        .all() as {
        name: string;
      }[]
    ).map((r) => r.name);
    expect(indexes).toEqual(
      expect.arrayContaining([
        'events_source',
        'events_target',
        'events_document',
        'events_type',
        'events_date',
      ]),
    );
    check.close();
  });

  it('leave a database at the current version untouched', () => {
    openSqliteStore({ file }).close();
    const raw = new Database(file);
    const before = schemaOf(raw);
    expect(migrate(raw)).toEqual([]);
    expect(schemaOf(raw)).toEqual(before);
    expect(raw.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    raw.close();
    // Reopening through the store is a no-op as well.
    const store = openSqliteStore({ file });
    store.close();
    const again = new Database(file, { readonly: true });
    expect(schemaOf(again)).toEqual(before);
    again.close();
  });

  it('apply only the missing steps, in order', () => {
    const steps: Migration[] = [
      { version: 1, name: 'one', sql: 'CREATE TABLE one (x INTEGER)' },
      { version: 2, name: 'two', sql: 'CREATE TABLE two (x INTEGER)' },
    ];
    const db = new Database(':memory:');
    expect(migrate(db, steps.slice(0, 1))).toEqual([1]);
    expect(migrate(db, steps)).toEqual([2]);
    expect(tablesOf(db)).toEqual(['one', 'two']);
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    db.close();
  });

  it('roll back every step of a run that fails', () => {
    const steps: Migration[] = [
      { version: 1, name: 'one', sql: 'CREATE TABLE one (x INTEGER)' },
      { version: 2, name: 'broken', sql: 'CREATE TABLE two (x INTEGER); THIS IS NOT SQL' },
    ];
    const db = new Database(':memory:');
    expect(() => migrate(db, steps)).toThrow();
    expect(tablesOf(db)).toEqual([]);
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    db.close();
  });

  it('refuse steps out of order and a database newer than the code', () => {
    const db = new Database(':memory:');
    expect(() =>
      migrate(db, [
        { version: 2, name: 'b', sql: '' },
        { version: 1, name: 'a', sql: '' },
      ]),
    ).toThrow(/out of order/);
    db.close();

    const raw = new Database(file);
    raw.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    raw.close();
    expect(() => openSqliteStore({ file })).toThrow(/newer than this code/);
  });
});
