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

/** The child rows of the graph read, each read as an array (GRAPH_COLUMNS order) without an object
 *  per row, and each tagged with its document's place in ingest order. */
export type GraphActorTuple = [
  seq: number,
  actor: string,
  name: string,
  kind: DocumentActorRow['kind'],
  country: string | null,
  aliases: string,
];
export type GraphAffiliationTuple = [seq: number, person: string, of: string, role: string];
export type GraphEventTuple = [
  seq: number,
  id: string,
  source: string,
  target: string,
  type: EventRow['type'],
  quad: EventRow['quad'],
  polarity: EventRow['polarity'],
  score: number,
  mode: EventRow['mode'],
  date: string | null,
  datePrecision: EventRow['date_precision'],
  confidence: number,
  sentence: number,
  start: number,
  end: number,
  origin: string | null,
];

function eventFromTuple(t: GraphEventTuple, document: string): GraphEvent {
  const event: GraphEvent = {
    id: t[1],
    source: t[2],
    target: t[3],
    type: t[4],
    quad: t[5],
    polarity: t[6],
    score: t[7],
    mode: t[8],
    date: t[9],
    datePrecision: t[10],
    confidence: t[11],
    evidence: { sentence: t[12], start: t[13], end: t[14] },
  };
  const origin = t[15];
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

/** The columns each graph read selects (the child tables aliased x, documents d). */
export const GRAPH_COLUMNS = {
  documents: 'd.ingest_seq AS seq, d.id, d.title, d.published, d.extractor',
  actors: 'd.ingest_seq AS seq, x.actor, x.name, x.kind, x.country, x.aliases',
  affiliations: 'd.ingest_seq AS seq, x.person, x.of_actor, x.role',
  events: `d.ingest_seq AS seq, x.id, x.source, x.target, x.type, x.quad, x.polarity, x.score,
    x.mode, x.date, x.date_precision, x.confidence, x.sentence, x.ev_start, x.ev_end, x.origin`,
} as const;

/** The child rows of the documents with a seq in (lower, upper], in seq then ord order. */
export const GRAPH_RANGE = 'd.ingest_seq > ? AND d.ingest_seq <= ? ORDER BY d.ingest_seq, x.ord';
export const GRAPH_RANGE_PG = GRAPH_RANGE.replace('?', '$1').replace('?', '$2');

/** Distinct alias lists kept parsed across one graph read, at most this many at once. */
const ALIAS_LISTS = 65_536;

/**
 * The parsed alias lists of one graph read: a JSON text seen before gives the array parsed the
 * first time, so the documents stating the same aliases share one (read-only) array and the read
 * parses each distinct list about once.
 */
export class AliasLists {
  private readonly parsed = new Map<string, string[]>();

  of(json: string, document: string, actor: string): string[] {
    let list = this.parsed.get(json);
    if (list === undefined) {
      list = storedJson<string[]>('document_actors', { document, actor }, 'aliases', json);
      if (this.parsed.size >= ALIAS_LISTS) this.parsed.clear();
      this.parsed.set(json, list);
    }
    return list;
  }
}

/**
 * Builds GraphDocuments from the document rows and the three child row lists (each ordered by seq,
 * then ord) and hands them to `onBatch` `batch` at a time; the last batch may be shorter. Alias
 * lists are parsed through `aliases` (one per graph read), so equal lists are one array.
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
  aliases: AliasLists = new AliasLists(),
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
    const docActors = new Array<GraphDocument['actors'][number]>(end - a);
    for (let i = 0; a < end; a++, i++) {
      const t = actors[a]!;
      docActors[i] = {
        id: t[1],
        name: t[2],
        kind: t[3],
        country: t[4],
        aliases: aliases.of(t[5], id, t[1]),
      };
    }
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
    for (let i = 0; e < end; e++, i++) docEvents[i] = eventFromTuple(events[e]!, id);
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
