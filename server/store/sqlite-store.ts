// The SQLite implementation of Store (better-sqlite3, one connection per process; the work is
// synchronous, the interface answers with settled promises like every Store).
// Pragmas: WAL so the API can read while an ingest writes; synchronous=NORMAL because in WAL mode it
// cannot corrupt the database, and a power cut loses at most the last few commits, which re-ingest
// restores (documents are deduplicated by content hash); foreign_keys=ON so the schema itself refuses
// a dangling actor reference; busy_timeout so a second process waits for the write lock, not fails.
import Database from 'better-sqlite3';
import type { Actor, DocumentBundle, Extraction } from '../model/index.ts';
import { contentHash } from '../model/index.ts';
import { migrate } from './migrations.ts';
import {
  assembleGraphDocuments,
  checkBatch,
  compareStrings,
  graphColumns,
  GraphRowDecoder,
  GRAPH_RANGE,
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
import { decodeCursor, encodeCursor, checkLimit } from './cursor.ts';
import { GRAPH_BATCH, MAX_CHANGE_PAGE, StoreInputError, checkQuoteKeys } from './types.ts';
import type { Change, Store } from './types.ts';
import { validateBundle } from './validate-bundle.ts';

/** The graph read's columns in this store's SQL. */
const GRAPH_COLUMNS = graphColumns('sqlite');

const BUSY_TIMEOUT_MS = 5000;
/** Bytes of the store file mapped during the graph read (SQLite caps it at its own limit). */
const GRAPH_READ_MMAP = 2 ** 40;
/** How often a watcher asks SQLite whether another connection committed (PRAGMA data_version). */
const WATCH_POLL_MS = 100;

const SUMMARY_COLUMNS = `d.ingest_seq, d.id, d.content_hash, d.title, d.published, d.source, d.url,
  d.ingested_at, d.extractor,
  (SELECT COUNT(*) FROM document_actors da WHERE da.document = d.id) AS actor_count,
  (SELECT COUNT(*) FROM events e WHERE e.document = d.id) AS event_count`;

// Earliest publication date of a document stating each (person, role, of); MIN ignores undated ones.
const ROLE_SELECT = `SELECT a.person AS person, a.role AS title, a.of_actor AS "of",
  MIN(d.published) AS from_date
  FROM affiliations a JOIN documents d ON d.id = a.document`;
const ROLE_ORDER = `GROUP BY a.person, a.role, a.of_actor
  ORDER BY a.person, from_date IS NULL, from_date, a.role, a.of_actor`;

function prepareStatements(db: Database.Database) {
  return {
    findByHash: db.prepare<[string], { id: string }>(
      'SELECT id FROM documents WHERE content_hash = ?',
    ),
    documentById: db.prepare<[string], DocumentRow>('SELECT * FROM documents WHERE id = ?'),
    insertDocument: db.prepare(
      `INSERT INTO documents (id, content_hash, title, published, source, url, text, ingested_at, extractor)
       VALUES (@id, @contentHash, @title, @published, @source, @url, @text, @ingestedAt, @extractor)`,
    ),
    insertActor: db.prepare(
      // The first document's canonical name/kind/country wins; later disagreement is not an error.
      `INSERT INTO actors (id, name, kind, country) VALUES (@id, @name, @kind, @country)
       ON CONFLICT (id) DO NOTHING`,
    ),
    insertDocumentActor: db.prepare(
      `INSERT INTO document_actors (document, actor, ord, name, kind, country, aliases, mentions)
       VALUES (@document, @actor, @ord, @name, @kind, @country, @aliases, @mentions)`,
    ),
    insertAffiliation: db.prepare(
      `INSERT INTO affiliations (document, ord, person, of_actor, role, ev_start, ev_end, quote)
       VALUES (@document, @ord, @person, @of, @role, @start, @end, @quote)`,
    ),
    insertEvent: db.prepare(
      `INSERT INTO events (document, id, ord, source, target, type, quad, polarity, score, mode, date,
         date_precision, confidence, sentence, ev_start, ev_end, quote, extractor, origin)
       VALUES (@document, @id, @ord, @source, @target, @type, @quad, @polarity, @score, @mode, @date,
         @datePrecision, @confidence, @sentence, @start, @end, @quote, @extractor, @origin)`,
    ),
    deleteDocument: db.prepare('DELETE FROM documents WHERE id = ?'),
    deleteOrphanActors: db.prepare(
      `DELETE FROM actors
       WHERE NOT EXISTS (SELECT 1 FROM document_actors da WHERE da.actor = actors.id)`,
    ),
    actorsOfDocument: db.prepare<[string], DocumentActorRow>(
      'SELECT * FROM document_actors WHERE document = ? ORDER BY ord',
    ),
    affiliationsOfDocument: db.prepare<[string], AffiliationRow>(
      'SELECT * FROM affiliations WHERE document = ? ORDER BY ord',
    ),
    eventsOfDocument: db.prepare<[string], EventRow>(
      'SELECT * FROM events WHERE document = ? ORDER BY ord',
    ),
    allDocuments: db.prepare<[], DocumentRow>('SELECT * FROM documents ORDER BY ingest_seq'),
    allDocumentActors: db.prepare<[], DocumentActorRow>(
      'SELECT * FROM document_actors ORDER BY document, ord',
    ),
    allAffiliations: db.prepare<[], AffiliationRow>(
      'SELECT * FROM affiliations ORDER BY document, ord',
    ),
    allEvents: db.prepare<[], EventRow>('SELECT * FROM events ORDER BY document, ord'),
    // The graph read, a batch of documents at a time: the documents after a seq, then the child
    // rows of the documents in a seq range, each table read through its document index.
    graphDocuments: db.prepare<[number, number], GraphDocumentRow>(
      `SELECT ${GRAPH_COLUMNS.documents} FROM documents d WHERE d.ingest_seq > ?
       ORDER BY d.ingest_seq LIMIT ?`,
    ),
    graphActors: db
      .prepare<[number, number], GraphActorTuple>(
        `SELECT ${GRAPH_COLUMNS.actors} FROM documents d JOIN document_actors x ON x.document = d.id
         WHERE ${GRAPH_RANGE}`,
      )
      .raw(true),
    graphAffiliations: db
      .prepare<[number, number], GraphAffiliationTuple>(
        `SELECT ${GRAPH_COLUMNS.affiliations} FROM documents d
         JOIN affiliations x ON x.document = d.id WHERE ${GRAPH_RANGE}`,
      )
      .raw(true),
    graphEvents: db
      .prepare<[number, number], GraphEventTuple>(
        `SELECT ${GRAPH_COLUMNS.events} FROM documents d JOIN events x ON x.document = d.id
         WHERE ${GRAPH_RANGE}`,
      )
      .raw(true),
    eventQuote: db
      .prepare<[string, string], string>('SELECT quote FROM events WHERE document = ? AND id = ?')
      .pluck(true),
    listDocuments: db.prepare<[number, number], SummaryRow>(
      `SELECT ${SUMMARY_COLUMNS} FROM documents d
       WHERE d.ingest_seq < ? ORDER BY d.ingest_seq DESC LIMIT ?`,
    ),
    actorById: db.prepare<[string], ActorRow>('SELECT * FROM actors WHERE id = ?'),
    allActors: db.prepare<[], ActorRow>('SELECT * FROM actors ORDER BY id'),
    aliasesOfActor: db.prepare<[string], { aliases: string }>(
      'SELECT aliases FROM document_actors WHERE actor = ?',
    ),
    allAliases: db.prepare<[], { actor: string; aliases: string }>(
      'SELECT actor, aliases FROM document_actors',
    ),
    rolesOfActor: db.prepare<[string], RoleRow>(`${ROLE_SELECT} WHERE a.person = ? ${ROLE_ORDER}`),
    allRoles: db.prepare<[], RoleRow>(`${ROLE_SELECT} ${ROLE_ORDER}`),
    documentsOfActor: db.prepare<[string], { id: string }>(
      `SELECT d.id FROM document_actors da JOIN documents d ON d.id = da.document
       WHERE da.actor = ? ORDER BY d.ingest_seq`,
    ),
    logChange: db.prepare<[string, string, string]>(
      'INSERT INTO changes (kind, document, at) VALUES (?, ?, ?)',
    ),
    changesSince: db.prepare<[number, number], Change>(
      'SELECT seq, kind, document FROM changes WHERE seq > ? ORDER BY seq LIMIT ?',
    ),
    // A log trimmed empty still reports the number it reached.
    lastChange: db.prepare<[], { seq: number }>(
      `SELECT MAX(COALESCE((SELECT MAX(seq) FROM changes), 0),
         (SELECT trimmed_through FROM change_log_state WHERE id = 1)) AS seq`,
    ),
    generation: db.prepare<[], { store_id: string; generation: number }>(
      'SELECT store_id, generation FROM store_state WHERE id = 1',
    ),
    trimmedThrough: db.prepare<[], { trimmed_through: number }>(
      'SELECT trimmed_through FROM change_log_state WHERE id = 1',
    ),
    trimChanges: db.prepare<[number]>('DELETE FROM changes WHERE seq <= ?'),
    raiseTrimmed: db.prepare<[number]>(
      'UPDATE change_log_state SET trimmed_through = MAX(trimmed_through, ?) WHERE id = 1',
    ),
    counts: db.prepare<[], { documents: number; actors: number; events: number }>(
      `SELECT (SELECT COUNT(*) FROM documents) AS documents, (SELECT COUNT(*) FROM actors) AS actors,
         (SELECT COUNT(*) FROM events) AS events`,
    ),
  };
}

/** The connection settings actually in force, for diagnostics and tests. */
export interface SqliteSettings {
  journalMode: string;
  foreignKeys: boolean;
  synchronous: 'OFF' | 'NORMAL' | 'FULL' | 'EXTRA';
  busyTimeoutMs: number;
  schemaVersion: number;
  /** Bytes of the file SQLite may read through a memory map: 0 outside the graph read. */
  mapBytes: number;
}

/** A Store that can also report its SQLite settings; it is still usable as a plain Store. */
export interface SqliteStore extends Store {
  settings(): SqliteSettings;
}

const SYNCHRONOUS_NAMES = ['OFF', 'NORMAL', 'FULL', 'EXTRA'] as const;

/** Opens (creating and migrating as needed) a SQLite store in a file or in memory. */
export function openSqliteStore(options: { file: string } | { memory: true }): SqliteStore {
  const db = new Database('file' in options ? options.file : ':memory:');
  try {
    if ('file' in options) db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    db.pragma('synchronous = NORMAL');
    migrate(db);
  } catch (error) {
    db.close();
    throw error;
  }
  const stmt = prepareStatements(db);
  // The file a file store reads (none in memory).
  const file = 'file' in options && options.file !== ':memory:' ? options.file : null;

  const insertBundle = (bundle: DocumentBundle, hash: string, ingestedAt: string) => {
    const { text, extraction } = bundle;
    const document = extraction.document.id;
    stmt.insertDocument.run({
      ...extraction.document,
      contentHash: hash,
      text,
      ingestedAt,
      extractor: extraction.extractor,
    });
    extraction.actors.forEach((actor, ord) => {
      stmt.insertActor.run({
        id: actor.id,
        name: actor.name,
        kind: actor.kind,
        country: actor.country,
      });
      stmt.insertDocumentActor.run({
        document,
        actor: actor.id,
        ord,
        name: actor.name,
        kind: actor.kind,
        country: actor.country,
        aliases: JSON.stringify(actor.aliases),
        mentions: JSON.stringify(actor.mentions),
      });
    });
    extraction.affiliations.forEach((a, ord) => {
      stmt.insertAffiliation.run({
        document,
        ord,
        person: a.person,
        of: a.of,
        role: a.role,
        ...a.evidence,
      });
    });
    extraction.events.forEach((e, ord) => {
      stmt.insertEvent.run({
        document,
        ord,
        id: e.id,
        source: e.source,
        target: e.target,
        type: e.type,
        quad: e.quad,
        polarity: e.polarity,
        score: e.score,
        mode: e.mode,
        date: e.date,
        datePrecision: e.datePrecision,
        confidence: e.confidence,
        ...e.evidence,
        extractor: extraction.extractor,
        origin: e.origin ? JSON.stringify(e.origin) : null,
      });
    });
  };

  const addTransaction = db.transaction(
    (bundle: DocumentBundle, hash: string, ingestedAt: string) => {
      const existing = stmt.findByHash.get(hash);
      if (existing) return { id: existing.id, created: false };
      const id = bundle.extraction.document.id;
      if (stmt.documentById.get(id)) {
        throw new StoreInputError(`document id ${id} is already stored for a different text`);
      }
      insertBundle(bundle, hash, ingestedAt);
      stmt.logChange.run('add', id, ingestedAt);
      return { id, created: true };
    },
  );

  const removeTransaction = db.transaction((id: string): boolean => {
    if (stmt.deleteDocument.run(id).changes === 0) return false;
    stmt.deleteOrphanActors.run();
    stmt.logChange.run('remove', id, new Date().toISOString());
    return true;
  });

  const trimTransaction = db.transaction((upTo: number): number => {
    const through = Math.min(upTo, stmt.lastChange.get()?.seq ?? 0);
    const dropped = stmt.trimChanges.run(through).changes;
    stmt.raiseTrimmed.run(through);
    return dropped;
  });

  // Own commits wake watchers at once; other connections' commits show in data_version.
  const watchers = new Set<() => void>();
  const wakeAll = () => {
    for (const wake of watchers) wake();
  };
  let poll: NodeJS.Timeout | null = null;
  let seenVersion = 0;
  const startPolling = () => {
    seenVersion = Number(db.pragma('data_version', { simple: true }));
    poll = setInterval(() => {
      if (!db.open) return;
      const version = Number(db.pragma('data_version', { simple: true }));
      if (version === seenVersion) return;
      seenVersion = version;
      wakeAll();
    }, WATCH_POLL_MS);
    poll.unref();
  };

  const actorFrom = (row: ActorRow, aliases: string[], roles: RoleRow[]): Actor => ({
    id: row.id,
    name: row.name,
    kind: row.kind,
    country: row.country,
    aliases,
    roles: roles.map(toDatedRole),
  });

  return {
    kind: 'sqlite',

    async addDocument(input, options) {
      const bundle = validateBundle(input);
      const ingestedAt = options?.ingestedAt ?? new Date().toISOString();
      // IMMEDIATE: the duplicate check and the insert see the same database, even across processes.
      const result = addTransaction.immediate(bundle, contentHash(bundle.text), ingestedAt);
      if (result.created) wakeAll();
      return result;
    },

    async removeDocument(id) {
      const removed = removeTransaction.immediate(id);
      if (removed) wakeAll();
      return removed;
    },

    async getDocument(id) {
      const row = stmt.documentById.get(id);
      return row ? toDocumentRecord(row) : null;
    },

    async getExtraction(id) {
      const row = stmt.documentById.get(id);
      if (!row) return null;
      return toExtraction(
        row,
        stmt.actorsOfDocument.all(id),
        stmt.affiliationsOfDocument.all(id),
        stmt.eventsOfDocument.all(id),
      );
    },

    async findByHash(hash) {
      return stmt.findByHash.get(hash)?.id ?? null;
    },

    async listDocuments({ limit, cursor }) {
      checkLimit(limit);
      const before = cursor == null ? Number.MAX_SAFE_INTEGER : decodeCursor(cursor);
      const rows = stmt.listDocuments.all(before, limit + 1);
      const more = rows.length > limit;
      const page = more ? rows.slice(0, limit) : rows;
      const last = page[page.length - 1];
      return {
        items: page.map(toDocumentSummary),
        nextCursor: more && last ? encodeCursor(last.ingest_seq) : null,
      };
    },

    async allExtractions(): Promise<Extraction[]> {
      // A consistent snapshot: four reads inside one read transaction.
      return db.transaction(() => {
        const actors = groupBy(stmt.allDocumentActors.all(), (r) => r.document);
        const affiliations = groupBy(stmt.allAffiliations.all(), (r) => r.document);
        const events = groupBy(stmt.allEvents.all(), (r) => r.document);
        return stmt.allDocuments
          .all()
          .map((doc) =>
            toExtraction(
              doc,
              actors.get(doc.id) ?? [],
              affiliations.get(doc.id) ?? [],
              events.get(doc.id) ?? [],
            ),
          );
      })();
    },

    async graphDocuments(onBatch, options) {
      const batch = checkBatch(options?.batch ?? GRAPH_BATCH);
      const decoder = new GraphRowDecoder();
      // The read walks the whole file in order: mapped into memory for its duration, its pages are
      // read in place rather than copied in through a system call each (about a tenth of the
      // start-up's CPU at 1M events); the mapping goes again when it ends.
      if (file !== null) db.pragma(`mmap_size = ${GRAPH_READ_MMAP}`);
      try {
        // One read transaction, so one snapshot; only the batch being handed over is held.
        db.transaction(() => {
          for (let after = 0; ;) {
            const documents = stmt.graphDocuments.all(after, batch);
            const last = documents[documents.length - 1];
            if (!last) return;
            const rows = {
              documents,
              actors: stmt.graphActors.all(after, last.seq),
              affiliations: stmt.graphAffiliations.all(after, last.seq),
              events: stmt.graphEvents.all(after, last.seq),
            };
            assembleGraphDocuments(rows, batch, onBatch, decoder);
            after = last.seq;
          }
        })();
      } finally {
        if (file !== null) db.pragma('mmap_size = 0');
      }
    },

    async eventQuotes(keys) {
      checkQuoteKeys(keys);
      // One snapshot for the batch.
      return db.transaction(() => keys.map((k) => stmt.eventQuote.get(k.document, k.id) ?? null))();
    },

    async getActor(id) {
      const row = stmt.actorById.get(id);
      if (!row) return null;
      const aliases = unionAliases(stmt.aliasesOfActor.all(id).map((r) => r.aliases));
      return actorFrom(row, aliases, stmt.rolesOfActor.all(id));
    },

    async listActors() {
      return db.transaction(() => {
        const aliases = groupBy(stmt.allAliases.all(), (r) => r.actor);
        const roles = groupBy(stmt.allRoles.all(), (r) => r.person);
        return stmt.allActors
          .all()
          .sort((a, b) => compareStrings(a.id, b.id))
          .map((row) =>
            actorFrom(
              row,
              unionAliases((aliases.get(row.id) ?? []).map((r) => r.aliases)),
              roles.get(row.id) ?? [],
            ),
          );
      })();
    },

    async documentsOfActor(id) {
      return stmt.documentsOfActor.all(id).map((r) => r.id);
    },

    async counts() {
      const row = stmt.counts.get();
      return row ?? { documents: 0, actors: 0, events: 0 };
    },

    async changesSince(after, limit) {
      if (!Number.isInteger(limit) || limit < 1 || limit > MAX_CHANGE_PAGE) {
        throw new StoreInputError(
          `change page limit must be 1 to ${MAX_CHANGE_PAGE}, got ${limit}`,
        );
      }
      return db.transaction(() => ({
        changes: stmt.changesSince.all(after, limit),
        trimmedThrough: stmt.trimmedThrough.get()?.trimmed_through ?? 0,
      }))();
    },

    async lastChange() {
      return stmt.lastChange.get()?.seq ?? 0;
    },

    async generation() {
      return db.transaction(() => {
        const row = stmt.generation.get()!;
        const lastChange = stmt.lastChange.get()?.seq ?? 0;
        return { store: row.store_id, generation: row.generation, lastChange };
      })();
    },

    async trimChanges(through) {
      return trimTransaction.immediate(through);
    },

    watchChanges(wake) {
      watchers.add(wake);
      if (!poll && db.open) startPolling();
      return () => {
        watchers.delete(wake);
        if (watchers.size === 0 && poll) {
          clearInterval(poll);
          poll = null;
        }
      };
    },

    async close() {
      if (poll) clearInterval(poll);
      poll = null;
      watchers.clear();
      if (db.open) db.close();
    },

    settings() {
      const get = (name: string) => db.pragma(name, { simple: true });
      return {
        journalMode: String(get('journal_mode')),
        foreignKeys: get('foreign_keys') === 1,
        synchronous: SYNCHRONOUS_NAMES[Number(get('synchronous'))] ?? 'FULL',
        busyTimeoutMs: Number(get('busy_timeout')),
        schemaVersion: Number(get('user_version')),
        mapBytes: Number(get('mmap_size')),
      };
    },
  };
}
