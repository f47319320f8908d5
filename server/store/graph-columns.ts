// The graph read's columns: what each statement selects (SQLite or PostgreSQL), the rows it gives,
// and the walk over a batch's rows a document at a time. Free of the model's code, so the
// graph-read thread loads little.
/** A document's columns the graph keeps, tagged with its place in ingest order. */
export interface GraphDocumentRow {
  seq: number;
  id: string;
  title: string | null;
  published: string | null;
  extractor: string;
}

/**
 * The child rows of the graph read, each read as an array (graphColumns order) without an object
 * per row, and each tagged with its document's place in ingest order. The columns that repeat from
 * row to row come joined into one text (see graphColumns): an actor row's whole identity, an
 * event's type, quad, polarity, mode, date and precision.
 */
export type GraphActorTuple = [seq: number, identity: string];
export type GraphAffiliationTuple = [seq: number, person: string, of: string, role: string];
export type GraphEventTuple = [
  seq: number,
  id: string,
  source: string,
  target: string,
  shape: string,
  score: number,
  confidence: number,
  sentence: number,
  start: number,
  end: number,
  origin: string | null,
];

/** Joins the columns of a graph read's joined texts (a control character no stored value holds). */
export const SEPARATOR = '\u001f';

/**
 * The columns each graph read selects (the child tables aliased x, documents d), for SQLite or
 * PostgreSQL. An actor row's identity comes as one text: id, kind, country (empty for none),
 * aliases (JSON) and, last, the name, the only free text of them (ids are slugs, JSON holds no raw
 * control character), so the text splits back unambiguously. An event's shape likewise: type,
 * quad, polarity, mode, date, precision (empty for none; none of them can be empty).
 */
export function graphColumns(dialect: 'sqlite' | 'postgres') {
  const sep = dialect === 'sqlite' ? 'char(31)' : 'chr(31)';
  const orEmpty = (column: string) =>
    dialect === 'sqlite' ? `ifnull(${column}, '')` : `coalesce(${column}, '')`;
  const joined = (parts: string[]) => parts.join(` || ${sep} || `);
  return {
    documents: 'd.ingest_seq AS seq, d.id, d.title, d.published, d.extractor',
    actors: `d.ingest_seq AS seq, ${joined(['x.actor', 'x.kind', orEmpty('x.country'), 'x.aliases', 'x.name'])}`,
    affiliations: 'd.ingest_seq AS seq, x.person, x.of_actor, x.role',
    events: `d.ingest_seq AS seq, x.id, x.source, x.target,
      ${joined(['x.type', 'x.quad', 'x.polarity', orEmpty('x.mode'), orEmpty('x.date'), orEmpty('x.date_precision')])},
      x.score, x.confidence, x.sentence, x.ev_start, x.ev_end, x.origin`,
  } as const;
}

/** The child rows of the documents with a seq in (lower, upper], in seq then ord order. */
export const GRAPH_RANGE = 'd.ingest_seq > ? AND d.ingest_seq <= ? ORDER BY d.ingest_seq, x.ord';
export const GRAPH_RANGE_PG = GRAPH_RANGE.replace('?', '$1').replace('?', '$2');

/**
 * Calls `visit` for each document row of a graph read's batch with the range [from, to) of its rows
 * in each child list (each list ordered by seq, then ord); rows of earlier documents (none in a
 * consistent read) are passed over.
 */
export function forEachGraphDocument(
  rows: {
    documents: readonly GraphDocumentRow[];
    actors: readonly GraphActorTuple[];
    affiliations: readonly GraphAffiliationTuple[];
    events: readonly GraphEventTuple[];
  },
  visit: (
    doc: GraphDocumentRow,
    actorFrom: number,
    actorTo: number,
    affiliationFrom: number,
    affiliationTo: number,
    eventFrom: number,
    eventTo: number,
  ) => void,
): void {
  const { actors, affiliations, events } = rows;
  let a = 0;
  let f = 0;
  let e = 0;
  for (const doc of rows.documents) {
    const seq = doc.seq;
    while (a < actors.length && actors[a]![0] < seq) a++;
    while (f < affiliations.length && affiliations[f]![0] < seq) f++;
    while (e < events.length && events[e]![0] < seq) e++;
    let aEnd = a;
    while (aEnd < actors.length && actors[aEnd]![0] === seq) aEnd++;
    let fEnd = f;
    while (fEnd < affiliations.length && affiliations[fEnd]![0] === seq) fEnd++;
    let eEnd = e;
    while (eEnd < events.length && events[eEnd]![0] === seq) eEnd++;
    visit(doc, a, aEnd, f, fEnd, e, eEnd);
    a = aEnd;
    f = fEnd;
    e = eEnd;
  }
}
