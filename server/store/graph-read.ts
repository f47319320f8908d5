// The SQLite graph read: the documents a batch at a time with their child rows, from one read
// transaction, the file mapped into memory for its duration. The store runs it on its own
// connection; the graph-read thread runs it on a connection of its own (graph-read-thread.ts).
import type Database from 'better-sqlite3';
import {
  graphColumns,
  GRAPH_RANGE,
  type GraphActorTuple,
  type GraphAffiliationTuple,
  type GraphDocumentRow,
  type GraphEventTuple,
} from './graph-columns.ts';

/** The graph read's columns in SQLite's SQL. */
const GRAPH_COLUMNS = graphColumns('sqlite');
/** Bytes of the store file mapped during the graph read (SQLite caps it at its own limit). */
const GRAPH_READ_MMAP = 2 ** 40;

/** One batch of the graph read: the document rows and their child rows, each in seq, ord order. */
export interface GraphRows {
  documents: GraphDocumentRow[];
  actors: GraphActorTuple[];
  affiliations: GraphAffiliationTuple[];
  events: GraphEventTuple[];
}

/** The graph read's four statements, prepared on `db`. */
export function prepareGraphRead(db: Database.Database) {
  return {
    // The documents after a seq, then the child rows of the documents in a seq range, each table
    // read through its document index.
    documents: db.prepare<[number, number], GraphDocumentRow>(
      `SELECT ${GRAPH_COLUMNS.documents} FROM documents d WHERE d.ingest_seq > ?
       ORDER BY d.ingest_seq LIMIT ?`,
    ),
    actors: db
      .prepare<[number, number], GraphActorTuple>(
        `SELECT ${GRAPH_COLUMNS.actors} FROM documents d JOIN document_actors x ON x.document = d.id
         WHERE ${GRAPH_RANGE}`,
      )
      .raw(true),
    affiliations: db
      .prepare<[number, number], GraphAffiliationTuple>(
        `SELECT ${GRAPH_COLUMNS.affiliations} FROM documents d
         JOIN affiliations x ON x.document = d.id WHERE ${GRAPH_RANGE}`,
      )
      .raw(true),
    events: db
      .prepare<[number, number], GraphEventTuple>(
        `SELECT ${GRAPH_COLUMNS.events} FROM documents d JOIN events x ON x.document = d.id
         WHERE ${GRAPH_RANGE}`,
      )
      .raw(true),
  };
}

export type GraphReadStatements = ReturnType<typeof prepareGraphRead>;

/**
 * Reads every stored document's graph rows in ingest order, `batch` documents at a time, from one
 * snapshot; only the batch handed to `onRows` is held. A file store (`mapped`) is mapped into
 * memory for the read, its pages read in place rather than copied in through a system call each
 * (about a tenth of the read's CPU at 1M events), and unmapped again when the read ends.
 */
export function readGraphRows(
  db: Database.Database,
  statements: GraphReadStatements,
  options: { batch: number; mapped: boolean },
  onRows: (rows: GraphRows) => void,
): void {
  if (options.mapped) db.pragma(`mmap_size = ${GRAPH_READ_MMAP}`);
  try {
    db.transaction(() => {
      for (let after = 0; ;) {
        const documents = statements.documents.all(after, options.batch);
        const last = documents[documents.length - 1];
        if (!last) return;
        onRows({
          documents,
          actors: statements.actors.all(after, last.seq),
          affiliations: statements.affiliations.all(after, last.seq),
          events: statements.events.all(after, last.seq),
        });
        after = last.seq;
      }
    })();
  } finally {
    if (options.mapped) db.pragma('mmap_size = 0');
  }
}
