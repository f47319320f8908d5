// Versioned schema migrations, tracked in PRAGMA user_version and applied in one transaction.
import type { Database } from 'better-sqlite3';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

// Append only: a shipped migration is never edited, a change is a new version.
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'initial schema',
    sql: `
      CREATE TABLE documents (
        ingest_seq   INTEGER PRIMARY KEY AUTOINCREMENT,
        id           TEXT NOT NULL UNIQUE,
        content_hash TEXT NOT NULL UNIQUE,
        title        TEXT,
        published    TEXT,
        source       TEXT,
        url          TEXT,
        text         TEXT NOT NULL,
        ingested_at  TEXT NOT NULL,
        extractor    TEXT NOT NULL
      );

      CREATE TABLE actors (
        id      TEXT PRIMARY KEY,
        name    TEXT NOT NULL,
        kind    TEXT NOT NULL CHECK (kind IN ('person', 'state', 'organization')),
        country TEXT
      );

      -- name/kind/country as this document gave them, so its extraction round-trips even when
      -- it disagrees with the canonical actor row.
      CREATE TABLE document_actors (
        document TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        actor    TEXT NOT NULL REFERENCES actors(id),
        ord      INTEGER NOT NULL,
        name     TEXT NOT NULL,
        kind     TEXT NOT NULL,
        country  TEXT,
        aliases  TEXT NOT NULL,
        mentions TEXT NOT NULL,
        PRIMARY KEY (document, actor)
      ) WITHOUT ROWID;
      CREATE INDEX document_actors_actor ON document_actors(actor);

      CREATE TABLE affiliations (
        document TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        ord      INTEGER NOT NULL,
        person   TEXT NOT NULL,
        of_actor TEXT NOT NULL,
        role     TEXT NOT NULL,
        ev_start INTEGER NOT NULL,
        ev_end   INTEGER NOT NULL,
        quote    TEXT NOT NULL,
        PRIMARY KEY (document, ord),
        FOREIGN KEY (document, person) REFERENCES document_actors(document, actor) ON DELETE CASCADE,
        FOREIGN KEY (document, of_actor) REFERENCES document_actors(document, actor) ON DELETE CASCADE
      ) WITHOUT ROWID;
      CREATE INDEX affiliations_person ON affiliations(person);

      CREATE TABLE events (
        document       TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        id             TEXT NOT NULL,
        ord            INTEGER NOT NULL,
        source         TEXT NOT NULL,
        target         TEXT NOT NULL,
        type           TEXT NOT NULL,
        quad           TEXT NOT NULL,
        polarity       TEXT NOT NULL,
        score          REAL NOT NULL,
        mode           TEXT,
        date           TEXT,
        date_precision TEXT,
        confidence     REAL NOT NULL,
        sentence       INTEGER NOT NULL,
        ev_start       INTEGER NOT NULL,
        ev_end         INTEGER NOT NULL,
        quote          TEXT NOT NULL,
        extractor      TEXT NOT NULL,
        PRIMARY KEY (document, id),
        FOREIGN KEY (document, source) REFERENCES document_actors(document, actor) ON DELETE CASCADE,
        FOREIGN KEY (document, target) REFERENCES document_actors(document, actor) ON DELETE CASCADE
      );
      CREATE INDEX events_source ON events(source);
      CREATE INDEX events_target ON events(target);
      CREATE INDEX events_document ON events(document, ord);
      CREATE INDEX events_type ON events(type);
      CREATE INDEX events_date ON events(date);
    `,
  },
  {
    version: 2,
    name: 'event origin of imported events',
    // JSON of EventOrigin (file, line, row, layout, storyId, url); NULL for extracted events.
    sql: `ALTER TABLE events ADD COLUMN origin TEXT;`,
  },
  {
    version: 3,
    name: 'change log',
    // Written in the transaction of each add and remove, so every process can follow the store.
    // Documents stored before the log existed enter it as adds, in ingest order.
    sql: `
      CREATE TABLE changes (
        seq      INTEGER PRIMARY KEY AUTOINCREMENT,
        kind     TEXT NOT NULL CHECK (kind IN ('add', 'remove')),
        document TEXT NOT NULL,
        at       TEXT NOT NULL
      );
      CREATE TABLE change_log_state (
        id              INTEGER PRIMARY KEY CHECK (id = 1),
        trimmed_through INTEGER NOT NULL
      );
      INSERT INTO change_log_state (id, trimmed_through) VALUES (1, 0);
      INSERT INTO changes (kind, document, at)
        SELECT 'add', id, ingested_at FROM documents ORDER BY ingest_seq;
    `,
  },
  {
    version: 4,
    name: 'store generation',
    // One row: a random id naming this store and a number every change to what the graph reads
    // raises, in the transaction of the change (every add and remove logs one), so a saved graph
    // can tell whether it still matches the store. It starts at the change log's number.
    sql: `
      CREATE TABLE store_state (
        id         INTEGER PRIMARY KEY CHECK (id = 1),
        store_id   TEXT NOT NULL,
        generation INTEGER NOT NULL
      );
      INSERT INTO store_state (id, store_id, generation)
        SELECT 1, lower(hex(randomblob(16))),
          MAX(COALESCE((SELECT MAX(seq) FROM changes), 0),
            (SELECT trimmed_through FROM change_log_state WHERE id = 1));
      CREATE TRIGGER changes_raise_generation AFTER INSERT ON changes
      BEGIN
        UPDATE store_state SET generation = generation + 1 WHERE id = 1;
      END;
    `,
  },
];

/** The schema version this code writes. */
export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0;

/** Brings the database up to the last migration; returns the versions applied (empty when already current). */
export function migrate(db: Database, migrations: readonly Migration[] = MIGRATIONS): number[] {
  migrations.forEach((m, i) => {
    const previous = i === 0 ? 0 : migrations[i - 1]!.version;
    if (!Number.isInteger(m.version) || m.version <= previous) {
      throw new Error(`store: migration "${m.name}" is out of order (version ${m.version})`);
    }
  });
  const latest = migrations[migrations.length - 1]?.version ?? 0;
  const run = db.transaction((): number[] => {
    const current = db.pragma('user_version', { simple: true }) as number;
    if (current > latest) {
      throw new Error(
        `store: database schema version ${current} is newer than this code (${latest}); upgrade stancegraph`,
      );
    }
    const applied: number[] = [];
    for (const migration of migrations) {
      if (migration.version <= current) continue;
      db.exec(migration.sql);
      // user_version lives in the database header, so it rolls back with the transaction.
      db.pragma(`user_version = ${migration.version}`);
      applied.push(migration.version);
    }
    return applied;
  });
  // IMMEDIATE takes the write lock up front, so two processes opening one file cannot both migrate.
  return run.immediate();
}
