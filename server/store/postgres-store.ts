// The PostgreSQL implementation of Store (the pg driver, a connection pool), for several server
// replicas over one database. Writes take one transaction-scoped advisory lock, so change numbers
// are handed out in commit order: a follower that has read change n has seen every change below n.
// Followers are woken by LISTEN/NOTIFY and, in case a notification is lost, by a slow poll.
import pg from 'pg';
import type { Actor, DocumentBundle, Extraction } from '../model/index.ts';
import { contentHash } from '../model/index.ts';
import { checkLimit, decodeCursor, encodeCursor } from './cursor.ts';
import { migratePostgres } from './postgres-migrations.ts';
import {
  assembleGraphDocuments,
  checkBatch,
  compareStrings,
  graphColumns,
  GraphRowDecoder,
  GRAPH_RANGE_PG,
  groupBy,
  toDatedRole,
  toDocumentRecord,
  toDocumentSummary,
  toExtraction,
  unionAliases,
} from './rows.ts';
import type {
  ActorRow,
  AffiliationRow,
  DocumentActorRow,
  DocumentRow,
  EventRow,
  GraphActorTuple,
  GraphAffiliationTuple,
  GraphDocumentRow,
  GraphEventTuple,
  RoleRow,
  SummaryRow,
} from './rows.ts';
import { GRAPH_BATCH, MAX_CHANGE_PAGE, StoreInputError, checkQuoteKeys } from './types.ts';
import type { Change, Store } from './types.ts';
import { validateBundle } from './validate-bundle.ts';

/** The graph read's columns in this store's SQL. */
const GRAPH_COLUMNS = graphColumns('postgres');

/** Advisory lock key every write holds until it commits. */
const WRITE_LOCK = 7_305_114_043;
export const CHANGE_CHANNEL = 'stancegraph_changes';
/** The backstop poll of the log's last number, for a notification lost with its connection. */
const BACKSTOP_POLL_MS = 1000;
const RELISTEN_MS = 500;

// int8 (ingest_seq, change numbers, COUNT) as a JS number: safe far beyond any realistic store.
const TYPES = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === pg.types.builtins.INT8
      ? (value: string) => Number(value)
      : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

// A log trimmed empty still reports the number it reached.
const LAST_CHANGE = `SELECT GREATEST(COALESCE((SELECT MAX(seq) FROM changes), 0),
  (SELECT trimmed_through FROM change_log_state WHERE id = 1)) AS seq`;

const SUMMARY_COLUMNS = `d.ingest_seq, d.id, d.content_hash, d.title, d.published, d.source, d.url,
  d.ingested_at, d.extractor,
  (SELECT COUNT(*) FROM document_actors da WHERE da.document = d.id) AS actor_count,
  (SELECT COUNT(*) FROM events e WHERE e.document = d.id) AS event_count`;

const ROLE_SELECT = `SELECT a.person AS person, a.role AS title, a.of_actor AS "of",
  MIN(d.published COLLATE "C") AS from_date
  FROM affiliations a JOIN documents d ON d.id = a.document`;
const ROLE_ORDER = `GROUP BY a.person, a.role, a.of_actor
  ORDER BY a.person COLLATE "C", MIN(d.published COLLATE "C") IS NULL,
    MIN(d.published COLLATE "C"), a.role COLLATE "C", a.of_actor COLLATE "C"`;

/** The child rows of one bundle, as the JSON arrays the inserts above unpack. */
function childRows(bundle: DocumentBundle) {
  const { extraction } = bundle;
  return {
    actors: extraction.actors.map((a, ord) => ({
      actor: a.id,
      ord,
      name: a.name,
      kind: a.kind,
      country: a.country,
      aliases: JSON.stringify(a.aliases),
      mentions: JSON.stringify(a.mentions),
    })),
    affiliations: extraction.affiliations.map((a, ord) => ({
      ord,
      person: a.person,
      of_actor: a.of,
      role: a.role,
      ev_start: a.evidence.start,
      ev_end: a.evidence.end,
      quote: a.evidence.quote,
    })),
    events: extraction.events.map((e, ord) => ({
      id: e.id,
      ord,
      source: e.source,
      target: e.target,
      type: e.type,
      quad: e.quad,
      polarity: e.polarity,
      score: e.score,
      mode: e.mode,
      date: e.date,
      date_precision: e.datePrecision,
      confidence: e.confidence,
      sentence: e.evidence.sentence,
      ev_start: e.evidence.start,
      ev_end: e.evidence.end,
      quote: e.evidence.quote,
      origin: e.origin ? JSON.stringify(e.origin) : null,
    })),
  };
}

async function inTransaction<T>(
  pool: pg.Pool,
  begin: string,
  work: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query(begin);
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** PostgreSQL text cannot hold U+0000, so such a bundle is refused as input, not failed as a 500. */
function holdsNul(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (Array.isArray(value)) return value.some(holdsNul);
  if (value && typeof value === 'object') return Object.values(value).some(holdsNul);
  return false;
}

export interface PostgresStoreOptions {
  url: string;
  /** Connections in the pool (default 10). */
  poolSize?: number;
}

/** Opens a PostgreSQL store, running any pending migration first (once, even across replicas). */
export async function openPostgresStore(options: PostgresStoreOptions): Promise<Store> {
  const config = { connectionString: options.url, types: TYPES };
  const pool = new pg.Pool({ ...config, max: options.poolSize ?? 10 });
  // An idle connection dropped by the server must not crash the process; the next query reconnects.
  pool.on('error', (error) =>
    console.warn('stancegraph: database connection lost:', error.message),
  );
  try {
    const client = await pool.connect();
    try {
      await migratePostgres(client);
    } finally {
      client.release();
    }
  } catch (error) {
    await pool.end();
    throw error;
  }

  const one = async <R extends pg.QueryResultRow>(sql: string, values: unknown[] = []) =>
    (await pool.query<R>(sql, values)).rows[0];
  const all = async <R extends pg.QueryResultRow>(sql: string, values: unknown[] = []) =>
    (await pool.query<R>(sql, values)).rows;

  const actorFrom = (row: ActorRow, aliases: string[], roles: RoleRow[]): Actor => ({
    id: row.id,
    name: row.name,
    kind: row.kind,
    country: row.country,
    aliases,
    roles: roles.map(toDatedRole),
  });

  // ---- watching the log: LISTEN on one dedicated connection, plus the backstop poll ----------
  const watchers = new Set<() => void>();
  const wakeAll = () => {
    for (const wake of watchers) wake();
  };
  let listener: pg.Client | null = null;
  let backstop: NodeJS.Timeout | null = null;
  let relisten: NodeJS.Timeout | null = null;
  let closed = false;
  let lastSeen = -1;

  const listen = async () => {
    if (closed || listener || watchers.size === 0) return;
    const client = new pg.Client(config);
    listener = client;
    const drop = () => {
      if (listener !== client) return;
      listener = null;
      client.end().catch(() => undefined);
      if (!closed && watchers.size > 0) {
        relisten = setTimeout(() => void listen(), RELISTEN_MS);
        relisten.unref();
      }
    };
    client.on('error', drop);
    client.on('end', drop);
    client.on('notification', (message) => {
      if (message.channel === CHANGE_CHANNEL) wakeAll();
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANGE_CHANNEL}`);
      // Anything committed while no one listened is found by reading the log.
      wakeAll();
    } catch {
      drop();
    }
  };

  const stopWatching = () => {
    if (backstop) clearInterval(backstop);
    if (relisten) clearTimeout(relisten);
    backstop = relisten = null;
    const client = listener;
    listener = null;
    client?.end().catch(() => undefined);
  };

  const store: Store = {
    kind: 'postgres',

    async addDocument(input, options) {
      const bundle = validateBundle(input);
      if (holdsNul(bundle)) {
        throw new StoreInputError('a document cannot hold the character U+0000');
      }
      const ingestedAt = options?.ingestedAt ?? new Date().toISOString();
      const rows = childRows(bundle);
      const { extraction } = bundle;
      const doc = {
        ...extraction.document,
        content_hash: contentHash(bundle.text),
        text: bundle.text,
        ingested_at: ingestedAt,
        extractor: extraction.extractor,
      };
      try {
        const result = await one<{ result: { id: string; created: boolean } }>(
          'SELECT stancegraph_add_document($1, $2, $3, $4, $5, $6) AS result',
          [
            JSON.stringify(doc),
            JSON.stringify(rows.actors),
            JSON.stringify(rows.affiliations),
            JSON.stringify(rows.events),
            WRITE_LOCK,
            CHANGE_CHANNEL,
          ],
        );
        return result!.result;
      } catch (error) {
        if ((error as { code?: string }).code === 'SG001') {
          throw new StoreInputError((error as Error).message);
        }
        throw error;
      }
    },

    async removeDocument(id) {
      return inTransaction(pool, 'BEGIN', async (client) => {
        await client.query('SELECT pg_advisory_xact_lock($1)', [WRITE_LOCK]);
        const deleted = await client.query('DELETE FROM documents WHERE id = $1', [id]);
        if (!deleted.rowCount) return false;
        await client.query(
          `DELETE FROM actors
           WHERE NOT EXISTS (SELECT 1 FROM document_actors da WHERE da.actor = actors.id)`,
        );
        await logChange(client, 'remove', id, new Date().toISOString());
        return true;
      });
    },

    async getDocument(id) {
      const row = await one<DocumentRow>('SELECT * FROM documents WHERE id = $1', [id]);
      return row ? toDocumentRecord(row) : null;
    },

    async getExtraction(id) {
      // One statement, so one snapshot: the document row and its child rows as JSON arrays.
      const row = await one<{
        doc: DocumentRow;
        actors: DocumentActorRow[];
        affiliations: AffiliationRow[];
        events: EventRow[];
      }>(
        `SELECT row_to_json(d) AS doc,
           (SELECT COALESCE(json_agg(x ORDER BY x.ord), '[]') FROM document_actors x
             WHERE x.document = d.id) AS actors,
           (SELECT COALESCE(json_agg(x ORDER BY x.ord), '[]') FROM affiliations x
             WHERE x.document = d.id) AS affiliations,
           (SELECT COALESCE(json_agg(x ORDER BY x.ord), '[]') FROM events x
             WHERE x.document = d.id) AS events
         FROM documents d WHERE d.id = $1`,
        [id],
      );
      return row ? toExtraction(row.doc, row.actors, row.affiliations, row.events) : null;
    },

    async findByHash(hash) {
      return (
        (await one<{ id: string }>('SELECT id FROM documents WHERE content_hash = $1', [hash]))
          ?.id ?? null
      );
    },

    async listDocuments({ limit, cursor }) {
      checkLimit(limit);
      const before = cursor == null ? Number.MAX_SAFE_INTEGER : decodeCursor(cursor);
      const rows = await all<SummaryRow>(
        `SELECT ${SUMMARY_COLUMNS} FROM documents d
         WHERE d.ingest_seq < $1 ORDER BY d.ingest_seq DESC LIMIT $2`,
        [before, limit + 1],
      );
      const more = rows.length > limit;
      const page = more ? rows.slice(0, limit) : rows;
      const last = page[page.length - 1];
      return {
        items: page.map(toDocumentSummary),
        nextCursor: more && last ? encodeCursor(last.ingest_seq) : null,
      };
    },

    async allExtractions(): Promise<Extraction[]> {
      return inTransaction(pool, 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY', async (c) => {
        const docs = await c.query<DocumentRow>('SELECT * FROM documents ORDER BY ingest_seq');
        const actors = groupBy(
          (await c.query<DocumentActorRow>('SELECT * FROM document_actors ORDER BY document, ord'))
            .rows,
          (r) => r.document,
        );
        const affiliations = groupBy(
          (await c.query<AffiliationRow>('SELECT * FROM affiliations ORDER BY document, ord')).rows,
          (r) => r.document,
        );
        const events = groupBy(
          (await c.query<EventRow>('SELECT * FROM events ORDER BY document, ord')).rows,
          (r) => r.document,
        );
        return docs.rows.map((doc) =>
          toExtraction(
            doc,
            actors.get(doc.id) ?? [],
            affiliations.get(doc.id) ?? [],
            events.get(doc.id) ?? [],
          ),
        );
      });
    },

    async graphDocuments(onBatch, options) {
      const batch = checkBatch(options?.batch ?? GRAPH_BATCH);
      const decoder = new GraphRowDecoder();
      // One snapshot; each round trip reads one batch of documents and the child rows in its range.
      await inTransaction(pool, 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY', async (c) => {
        for (let after = 0; ;) {
          const documents = (
            await c.query<GraphDocumentRow>(
              `SELECT ${GRAPH_COLUMNS.documents} FROM documents d WHERE d.ingest_seq > $1
               ORDER BY d.ingest_seq LIMIT $2`,
              [after, batch],
            )
          ).rows;
          const last = documents[documents.length - 1];
          if (!last) return;
          const bounds = [after, last.seq];
          const [actors, affiliations, events] = await Promise.all([
            c.query<GraphActorTuple>({
              text: `SELECT ${GRAPH_COLUMNS.actors} FROM documents d
               JOIN document_actors x ON x.document = d.id WHERE ${GRAPH_RANGE_PG}`,
              values: bounds,
              rowMode: 'array',
            }),
            c.query<GraphAffiliationTuple>({
              text: `SELECT ${GRAPH_COLUMNS.affiliations} FROM documents d
               JOIN affiliations x ON x.document = d.id WHERE ${GRAPH_RANGE_PG}`,
              values: bounds,
              rowMode: 'array',
            }),
            c.query<GraphEventTuple>({
              text: `SELECT ${GRAPH_COLUMNS.events} FROM documents d
               JOIN events x ON x.document = d.id WHERE ${GRAPH_RANGE_PG}`,
              values: bounds,
              rowMode: 'array',
            }),
          ]);
          assembleGraphDocuments(
            {
              documents,
              actors: actors.rows,
              affiliations: affiliations.rows,
              events: events.rows,
            },
            batch,
            onBatch,
            decoder,
          );
          after = last.seq;
        }
      });
    },

    async eventQuotes(keys) {
      checkQuoteKeys(keys);
      if (keys.length === 0) return [];
      const rows = await all<{ i: string; quote: string | null }>(
        `SELECT k.i, e.quote
         FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS k(document, id, i)
         LEFT JOIN events e ON e.document = k.document AND e.id = k.id`,
        [keys.map((k) => k.document), keys.map((k) => k.id)],
      );
      const out: (string | null)[] = keys.map(() => null);
      for (const r of rows) out[Number(r.i) - 1] = r.quote;
      return out;
    },

    async getActor(id) {
      const row = await one<ActorRow>('SELECT * FROM actors WHERE id = $1', [id]);
      if (!row) return null;
      const aliases = await all<{ aliases: string }>(
        'SELECT aliases FROM document_actors WHERE actor = $1',
        [id],
      );
      const roles = await all<RoleRow>(`${ROLE_SELECT} WHERE a.person = $1 ${ROLE_ORDER}`, [id]);
      return actorFrom(row, unionAliases(aliases.map((r) => r.aliases)), roles);
    },

    async listActors() {
      return inTransaction(pool, 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY', async (c) => {
        const aliases = groupBy(
          (
            await c.query<{ actor: string; aliases: string }>(
              'SELECT actor, aliases FROM document_actors',
            )
          ).rows,
          (r) => r.actor,
        );
        const roles = groupBy(
          (await c.query<RoleRow>(`${ROLE_SELECT} ${ROLE_ORDER}`)).rows,
          (r) => r.person,
        );
        const actors = (await c.query<ActorRow>('SELECT * FROM actors')).rows;
        return actors
          .sort((a, b) => compareStrings(a.id, b.id))
          .map((row) =>
            actorFrom(
              row,
              unionAliases((aliases.get(row.id) ?? []).map((r) => r.aliases)),
              roles.get(row.id) ?? [],
            ),
          );
      });
    },

    async documentsOfActor(id) {
      const rows = await all<{ id: string }>(
        `SELECT d.id FROM document_actors da JOIN documents d ON d.id = da.document
         WHERE da.actor = $1 ORDER BY d.ingest_seq`,
        [id],
      );
      return rows.map((r) => r.id);
    },

    async counts() {
      const row = await one<{ documents: number; actors: number; events: number }>(
        `SELECT (SELECT COUNT(*) FROM documents) AS documents, (SELECT COUNT(*) FROM actors) AS actors,
           (SELECT COUNT(*) FROM events) AS events`,
      );
      return row ?? { documents: 0, actors: 0, events: 0 };
    },

    async changesSince(after, limit) {
      if (!Number.isInteger(limit) || limit < 1 || limit > MAX_CHANGE_PAGE) {
        throw new StoreInputError(
          `change page limit must be 1 to ${MAX_CHANGE_PAGE}, got ${limit}`,
        );
      }
      return inTransaction(pool, 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY', async (c) => {
        const changes = await c.query<Change>(
          'SELECT seq, kind, document FROM changes WHERE seq > $1 ORDER BY seq LIMIT $2',
          [after, limit],
        );
        const state = await c.query<{ trimmed_through: number }>(
          'SELECT trimmed_through FROM change_log_state WHERE id = 1',
        );
        return { changes: changes.rows, trimmedThrough: state.rows[0]?.trimmed_through ?? 0 };
      });
    },

    async lastChange() {
      return (await one<{ seq: number }>(LAST_CHANGE))?.seq ?? 0;
    },

    async generation() {
      return inTransaction(pool, 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY', async (c) => {
        const state = await c.query<{ store_id: string; generation: number }>(
          'SELECT store_id, generation FROM store_state WHERE id = 1',
        );
        const last = await c.query<{ seq: number }>(LAST_CHANGE);
        const row = state.rows[0]!;
        return {
          store: row.store_id,
          generation: row.generation,
          lastChange: last.rows[0]?.seq ?? 0,
        };
      });
    },

    async trimChanges(upTo) {
      return inTransaction(pool, 'BEGIN', async (client) => {
        await client.query('SELECT pg_advisory_xact_lock($1)', [WRITE_LOCK]);
        const last = (await client.query<{ seq: number }>(LAST_CHANGE)).rows[0]?.seq ?? 0;
        const through = Math.min(upTo, last);
        const dropped = await client.query('DELETE FROM changes WHERE seq <= $1', [through]);
        await client.query(
          'UPDATE change_log_state SET trimmed_through = GREATEST(trimmed_through, $1) WHERE id = 1',
          [through],
        );
        return dropped.rowCount ?? 0;
      });
    },

    watchChanges(wake) {
      watchers.add(wake);
      if (!closed && !backstop) {
        backstop = setInterval(() => {
          store
            .lastChange()
            .then((seq) => {
              if (seq !== lastSeen) {
                lastSeen = seq;
                wakeAll();
              }
            })
            .catch(() => undefined);
        }, BACKSTOP_POLL_MS);
        backstop.unref();
        void listen();
      }
      return () => {
        watchers.delete(wake);
        if (watchers.size === 0) stopWatching();
      };
    },

    async close() {
      if (closed) return;
      closed = true;
      watchers.clear();
      stopWatching();
      await pool.end();
    },
  };

  async function logChange(
    client: pg.PoolClient,
    kind: Change['kind'],
    document: string,
    at: string,
  ): Promise<void> {
    const { rows } = await client.query<{ seq: number }>(
      'INSERT INTO changes (kind, document, at) VALUES ($1, $2, $3) RETURNING seq',
      [kind, document, at],
    );
    // Delivered at commit, and only if the transaction commits.
    await client.query('SELECT pg_notify($1, $2)', [CHANGE_CHANNEL, String(rows[0]!.seq)]);
  }

  return store;
}
