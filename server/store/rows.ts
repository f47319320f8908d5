// Row shapes of the SQLite tables and their conversion to and from the model's types.
import type {
  ActorKind,
  DatedRole,
  DocumentRecord,
  DocumentSummary,
  EventMode,
  ExtractedActor,
  ExtractedAffiliation,
  ExtractedEvent,
  Extraction,
  GraphEvent,
  PloverType,
  Polarity,
  Quad,
} from '../model/index.ts';
import { EXTRACTION_SCHEMA } from '../model/index.ts';
import { storedJson } from './integrity.ts';
import { StoreInputError, type GraphDocument } from './types.ts';

export interface DocumentRow {
  ingest_seq: number;
  id: string;
  content_hash: string;
  title: string | null;
  published: string | null;
  source: string | null;
  url: string | null;
  text: string;
  ingested_at: string;
  extractor: string;
}

export type SummaryRow = Omit<DocumentRow, 'text'> & { actor_count: number; event_count: number };

export interface DocumentActorRow {
  document: string;
  actor: string;
  ord: number;
  name: string;
  kind: ActorKind;
  country: string | null;
  aliases: string;
  mentions: string;
}

export interface AffiliationRow {
  document: string;
  ord: number;
  person: string;
  of_actor: string;
  role: string;
  ev_start: number;
  ev_end: number;
  quote: string;
}

export interface EventRow {
  document: string;
  id: string;
  ord: number;
  source: string;
  target: string;
  type: PloverType;
  quad: Quad;
  polarity: Polarity;
  score: number;
  mode: EventMode | null;
  date: string | null;
  date_precision: ExtractedEvent['datePrecision'];
  confidence: number;
  sentence: number;
  ev_start: number;
  ev_end: number;
  quote: string;
  extractor: string;
  origin: string | null;
}

export interface ActorRow {
  id: string;
  name: string;
  kind: ActorKind;
  country: string | null;
}

export interface RoleRow {
  person: string;
  title: string;
  of: string;
  from_date: string | null;
}

/** The fields a document record and its summary both take from the row. */
function documentFields(row: Omit<DocumentRow, 'text'>) {
  return {
    id: row.id,
    title: row.title,
    published: row.published,
    source: row.source,
    url: row.url,
    contentHash: row.content_hash,
  };
}

export function toDocumentRecord(row: DocumentRow): DocumentRecord {
  return {
    ...documentFields(row),
    text: row.text,
    ingestedAt: row.ingested_at,
    extractor: row.extractor,
  };
}

export function toDocumentSummary(row: SummaryRow): DocumentSummary {
  return {
    ...documentFields(row),
    ingestedAt: row.ingested_at,
    extractor: row.extractor,
    actorCount: row.actor_count,
    eventCount: row.event_count,
  };
}

const actorKey = (row: Pick<DocumentActorRow, 'document' | 'actor'>) => ({
  document: row.document,
  actor: row.actor,
});

function toExtractedActor(row: DocumentActorRow): ExtractedActor {
  return {
    id: row.actor,
    name: row.name,
    kind: row.kind,
    country: row.country,
    aliases: storedJson<string[]>('document_actors', actorKey(row), 'aliases', row.aliases),
    mentions: storedJson<ExtractedActor['mentions']>(
      'document_actors',
      actorKey(row),
      'mentions',
      row.mentions,
    ),
  };
}

function toExtractedAffiliation(row: AffiliationRow): ExtractedAffiliation {
  return {
    person: row.person,
    of: row.of_actor,
    role: row.role,
    evidence: { start: row.ev_start, end: row.ev_end, quote: row.quote },
  };
}

/** The event columns an extraction's event is rebuilt from. */
type EventFields = Omit<EventRow, 'ord' | 'extractor'>;

function toExtractedEvent(row: EventFields): ExtractedEvent {
  return {
    id: row.id,
    source: row.source,
    target: row.target,
    type: row.type,
    quad: row.quad,
    polarity: row.polarity,
    score: row.score,
    mode: row.mode,
    date: row.date,
    datePrecision: row.date_precision,
    confidence: row.confidence,
    evidence: { sentence: row.sentence, start: row.ev_start, end: row.ev_end, quote: row.quote },
    ...(row.origin === null
      ? {}
      : {
          origin: storedJson<ExtractedEvent['origin']>(
            'events',
            { document: row.document, id: row.id },
            'origin',
            row.origin,
          ),
        }),
  };
}

/** Rebuilds an extraction from its document row and its child rows (each already in `ord` order). */
export function toExtraction(
  doc: DocumentRow,
  actors: DocumentActorRow[],
  affiliations: AffiliationRow[],
  events: EventRow[],
): Extraction {
  return {
    schema: EXTRACTION_SCHEMA,
    extractor: doc.extractor,
    document: {
      id: doc.id,
      title: doc.title,
      published: doc.published,
      source: doc.source,
      url: doc.url,
    },
    actors: actors.map(toExtractedActor),
    affiliations: affiliations.map(toExtractedAffiliation),
    events: events.map(toExtractedEvent),
  };
}

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
const SEPARATOR = '\u001f';

/** An actor as a document states it, shared by every row stating the same identity. */
type GraphActor = GraphDocument['actors'][number];

/** The fields of an event that repeat across events, shared by every event with the same ones. */
interface EventShape {
  type: EventRow['type'];
  quad: EventRow['quad'];
  polarity: EventRow['polarity'];
  mode: EventRow['mode'];
  date: string | null;
  datePrecision: EventRow['date_precision'];
}

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

/** Distinct identities and event shapes kept decoded across one graph read, at most this many. */
const SHARED_VALUES = 65_536;

/**
 * The decoded joined texts of one graph read: a text seen before gives the object decoded the
 * first time, so documents stating the same actor identity share one (read-only) object, events
 * with the same shape share their strings, and each distinct text is split and parsed about once.
 */
export class GraphRowDecoder {
  private readonly actors = new Map<string, GraphActor>();
  private readonly shapes = new Map<string, EventShape>();

  actor(identity: string, document: string): GraphActor {
    let actor = this.actors.get(identity);
    if (actor === undefined) {
      const [id, kind, country, aliases, name] = splitJoined(identity, 5);
      actor = {
        id,
        name,
        kind: kind as GraphActor['kind'],
        country: country === '' ? null : country,
        aliases: storedJson<string[]>(
          'document_actors',
          { document, actor: id },
          'aliases',
          aliases,
        ),
      };
      if (this.actors.size >= SHARED_VALUES) this.actors.clear();
      this.actors.set(identity, actor);
    }
    return actor;
  }

  shape(joined: string): EventShape {
    let shape = this.shapes.get(joined);
    if (shape === undefined) {
      const [type, quad, polarity, mode, date, precision] = splitJoined(joined, 6);
      shape = {
        type: type as EventShape['type'],
        quad: quad as EventShape['quad'],
        polarity: polarity as EventShape['polarity'],
        mode: mode === '' ? null : (mode as EventShape['mode']),
        date: date === '' ? null : date,
        datePrecision: precision === '' ? null : (precision as EventShape['datePrecision']),
      };
      if (this.shapes.size >= SHARED_VALUES) this.shapes.clear();
      this.shapes.set(joined, shape);
    }
    return shape;
  }
}

/** Splits a joined text into `count` parts; the last part takes the rest (separators included). */
function splitJoined(joined: string, count: number): string[] {
  const parts = new Array<string>(count);
  let from = 0;
  for (let i = 0; i < count - 1; i++) {
    const at = joined.indexOf(SEPARATOR, from);
    if (at < 0) throw new Error(`graph read: a joined row holds ${i + 1} of ${count} columns`);
    parts[i] = joined.slice(from, at);
    from = at + 1;
  }
  parts[count - 1] = joined.slice(from);
  return parts;
}

function eventFromTuple(
  t: GraphEventTuple,
  document: string,
  decoder: GraphRowDecoder,
): GraphEvent {
  const shape = decoder.shape(t[4]);
  const event: GraphEvent = {
    id: t[1],
    source: t[2],
    target: t[3],
    type: shape.type,
    quad: shape.quad,
    polarity: shape.polarity,
    score: t[5],
    mode: shape.mode,
    date: shape.date,
    datePrecision: shape.datePrecision,
    confidence: t[6],
    evidence: { sentence: t[7], start: t[8], end: t[9] },
  };
  const origin = t[10];
  if (origin !== null) {
    event.origin = storedJson<ExtractedEvent['origin']>(
      'events',
      { document, id: t[1] },
      'origin',
      origin,
    );
  }
  return event;
}

/**
 * Builds GraphDocuments from the document rows and the three child row lists (each ordered by seq,
 * then ord) and hands them to `onBatch` `batch` at a time; the last batch may be shorter. Joined
 * texts are decoded through `decoder` (one per graph read), so equal identities are one object.
 */
export function assembleGraphDocuments(
  rows: {
    documents: readonly GraphDocumentRow[];
    actors: readonly GraphActorTuple[];
    affiliations: readonly GraphAffiliationTuple[];
    events: readonly GraphEventTuple[];
  },
  batch: number,
  onBatch: (documents: GraphDocument[]) => void,
  decoder: GraphRowDecoder = new GraphRowDecoder(),
): void {
  const { actors, affiliations, events } = rows;
  let a = 0;
  let f = 0;
  let e = 0;
  let pending: GraphDocument[] = [];
  for (const doc of rows.documents) {
    const seq = doc.seq;
    const id = doc.id;
    // Rows of earlier documents (none in a consistent read) are passed over.
    while (a < actors.length && actors[a]![0] < seq) a++;
    while (f < affiliations.length && affiliations[f]![0] < seq) f++;
    while (e < events.length && events[e]![0] < seq) e++;
    let end = a;
    while (end < actors.length && actors[end]![0] === seq) end++;
    const docActors = new Array<GraphActor>(end - a);
    for (let i = 0; a < end; a++, i++) docActors[i] = decoder.actor(actors[a]![1], id);
    end = f;
    while (end < affiliations.length && affiliations[end]![0] === seq) end++;
    const docAffiliations = new Array<GraphDocument['affiliations'][number]>(end - f);
    for (let i = 0; f < end; f++, i++) {
      const t = affiliations[f]!;
      docAffiliations[i] = { person: t[1], of: t[2], role: t[3] };
    }
    end = e;
    while (end < events.length && events[end]![0] === seq) end++;
    const docEvents = new Array<GraphEvent>(end - e);
    for (let i = 0; e < end; e++, i++) docEvents[i] = eventFromTuple(events[e]!, id, decoder);
    pending.push({
      extractor: doc.extractor,
      document: { id, title: doc.title, published: doc.published },
      actors: docActors,
      affiliations: docAffiliations,
      events: docEvents,
    });
    if (pending.length >= batch) {
      onBatch(pending);
      pending = [];
    }
  }
  if (pending.length > 0) onBatch(pending);
}

/** A batch size a graphDocuments caller may ask for: a whole number from 1. */
export function checkBatch(batch: number): number {
  if (!Number.isInteger(batch) || batch < 1) {
    throw new StoreInputError(`graph read batch must be a whole number from 1, got ${batch}`);
  }
  return batch;
}

export function toDatedRole(row: RoleRow): DatedRole {
  return { title: row.title, of: row.of, from: row.from_date, to: null };
}

/** Code-unit order, the same on every platform and locale. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The union of the surface forms in several JSON alias arrays, sorted and unique. */
export function unionAliases(aliasJson: Iterable<string>): string[] {
  const all = new Set<string>();
  for (const json of aliasJson) for (const alias of JSON.parse(json) as string[]) all.add(alias);
  return [...all].sort(compareStrings);
}

/** Groups rows by a key, keeping their order within each group. */
export function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const group = groups.get(k);
    if (group) group.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}
