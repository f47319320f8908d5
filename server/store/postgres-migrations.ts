// Versioned schema migrations of the PostgreSQL store, tracked in stancegraph_schema and applied
// under a transaction-scoped advisory lock, so replicas starting together migrate exactly once.
import type pg from 'pg';
import type { Migration } from './migrations.ts';

/** Advisory lock key of migrations (any fixed 64-bit number unique to this application). */
export const MIGRATION_LOCK = 7_305_114_042;

// Append only, like the SQLite list. Text columns sort in code-unit order wherever order matters
// (queries say COLLATE "C"), so both stores answer in the same order whatever the database locale.
export const PG_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'initial schema with change log',
    sql: `
      CREATE TABLE documents (
        ingest_seq   BIGSERIAL PRIMARY KEY,
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
      );
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
      );
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
        score          DOUBLE PRECISION NOT NULL,
        mode           TEXT,
        date           TEXT,
        date_precision TEXT,
        confidence     DOUBLE PRECISION NOT NULL,
        sentence       INTEGER NOT NULL,
        ev_start       INTEGER NOT NULL,
        ev_end         INTEGER NOT NULL,
        quote          TEXT NOT NULL,
        extractor      TEXT NOT NULL,
        origin         TEXT,
        PRIMARY KEY (document, id),
        FOREIGN KEY (document, source) REFERENCES document_actors(document, actor) ON DELETE CASCADE,
        FOREIGN KEY (document, target) REFERENCES document_actors(document, actor) ON DELETE CASCADE
      );
      CREATE INDEX events_source ON events(source);
      CREATE INDEX events_target ON events(target);
      CREATE INDEX events_document ON events(document, ord);
      CREATE TABLE changes (
        seq      BIGSERIAL PRIMARY KEY,
        kind     TEXT NOT NULL CHECK (kind IN ('add', 'remove')),
        document TEXT NOT NULL,
        at       TEXT NOT NULL
      );
      CREATE TABLE change_log_state (
        id              INTEGER PRIMARY KEY CHECK (id = 1),
        trimmed_through BIGINT NOT NULL
      );
      INSERT INTO change_log_state (id, trimmed_through) VALUES (1, 0);

      -- One round trip per document: the write lock, the duplicate and id checks, every row and
      -- the change with its notification, in the caller's single-statement transaction.
      CREATE FUNCTION stancegraph_add_document(doc json, actor_rows json, affiliation_rows json,
          event_rows json, lock_key bigint, channel text) RETURNS json
      LANGUAGE plpgsql AS $fn$
      DECLARE
        doc_id text := doc->>'id';
        existing text;
        change_seq bigint;
      BEGIN
        PERFORM pg_advisory_xact_lock(lock_key);
        SELECT d.id INTO existing FROM documents d WHERE d.content_hash = doc->>'content_hash';
        IF existing IS NOT NULL THEN
          RETURN json_build_object('id', existing, 'created', false);
        END IF;
        IF EXISTS (SELECT 1 FROM documents d WHERE d.id = doc_id) THEN
          RAISE EXCEPTION 'document id % is already stored for a different text', doc_id
            USING ERRCODE = 'SG001';
        END IF;
        INSERT INTO documents (id, content_hash, title, published, source, url, text, ingested_at,
            extractor)
          SELECT r.id, r.content_hash, r.title, r.published, r.source, r.url, r.text, r.ingested_at,
            r.extractor
          FROM json_to_record(doc) AS r(id text, content_hash text, title text, published text,
            source text, url text, text text, ingested_at text, extractor text);
        INSERT INTO actors (id, name, kind, country)
          SELECT r.actor, r.name, r.kind, r.country
          FROM json_to_recordset(actor_rows) AS r(actor text, name text, kind text, country text)
          ON CONFLICT (id) DO NOTHING;
        INSERT INTO document_actors (document, actor, ord, name, kind, country, aliases, mentions)
          SELECT doc_id, r.actor, r.ord, r.name, r.kind, r.country, r.aliases, r.mentions
          FROM json_to_recordset(actor_rows) AS r(actor text, ord int, name text, kind text,
            country text, aliases text, mentions text);
        INSERT INTO affiliations (document, ord, person, of_actor, role, ev_start, ev_end, quote)
          SELECT doc_id, r.ord, r.person, r.of_actor, r.role, r.ev_start, r.ev_end, r.quote
          FROM json_to_recordset(affiliation_rows) AS r(ord int, person text, of_actor text,
            role text, ev_start int, ev_end int, quote text);
        INSERT INTO events (document, id, ord, source, target, type, quad, polarity, score, mode,
            date, date_precision, confidence, sentence, ev_start, ev_end, quote, extractor, origin)
          SELECT doc_id, r.id, r.ord, r.source, r.target, r.type, r.quad, r.polarity, r.score,
            r.mode, r.date, r.date_precision, r.confidence, r.sentence, r.ev_start, r.ev_end,
            r.quote, doc->>'extractor', r.origin
          FROM json_to_recordset(event_rows) AS r(id text, ord int, source text, target text,
            type text, quad text, polarity text, score float8, mode text, date text,
            date_precision text, confidence float8, sentence int, ev_start int, ev_end int,
            quote text, origin text);
        INSERT INTO changes (kind, document, at) VALUES ('add', doc_id, doc->>'ingested_at')
          RETURNING seq INTO change_seq;
        PERFORM pg_notify(channel, change_seq::text);
        RETURN json_build_object('id', doc_id, 'created', true);
      END;
      $fn$;
    `,
  },
  {
    version: 2,
    name: 'store generation',
    // As the SQLite store's: a random id naming this store and a number raised by a trigger in the
    // transaction of every logged change (every add and remove logs one).
    sql: `
      CREATE TABLE store_state (
        id         INTEGER PRIMARY KEY CHECK (id = 1),
        store_id   TEXT NOT NULL,
        generation BIGINT NOT NULL
      );
      INSERT INTO store_state (id, store_id, generation)
        SELECT 1, md5(random()::text || clock_timestamp()::text),
          GREATEST(COALESCE((SELECT MAX(seq) FROM changes), 0),
            (SELECT trimmed_through FROM change_log_state WHERE id = 1));
      CREATE FUNCTION stancegraph_raise_generation() RETURNS trigger
      LANGUAGE plpgsql AS $fn$
      BEGIN
        UPDATE store_state SET generation = generation + 1 WHERE id = 1;
        RETURN NULL;
      END;
      $fn$;
      CREATE TRIGGER changes_raise_generation AFTER INSERT ON changes
        FOR EACH ROW EXECUTE FUNCTION stancegraph_raise_generation();
    `,
  },
];

export const PG_SCHEMA_VERSION = PG_MIGRATIONS[PG_MIGRATIONS.length - 1]?.version ?? 0;

/** Brings the database up to the last migration in one transaction; returns the versions applied. */
export async function migratePostgres(
  client: pg.ClientBase,
  migrations: readonly Migration[] = PG_MIGRATIONS,
): Promise<number[]> {
  const latest = migrations[migrations.length - 1]?.version ?? 0;
  await client.query('BEGIN');
  try {
    // Every replica waits here for the one that got the lock first, then finds nothing left to do.
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query(
      'CREATE TABLE IF NOT EXISTS stancegraph_schema (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())',
    );
    const { rows } = await client.query<{ version: number | null }>(
      'SELECT MAX(version) AS version FROM stancegraph_schema',
    );
    const current = rows[0]?.version ?? 0;
    if (current > latest) {
      throw new Error(
        `store: database schema version ${current} is newer than this code (${latest}); upgrade stancegraph`,
      );
    }
    const applied: number[] = [];
    for (const migration of migrations) {
      if (migration.version <= current) continue;
      await client.query(migration.sql);
      await client.query('INSERT INTO stancegraph_schema (version, name) VALUES ($1, $2)', [
        migration.version,
        migration.name,
      ]);
      applied.push(migration.version);
    }
    await client.query('COMMIT');
    return applied;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
