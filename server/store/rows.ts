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
  PloverType,
  Polarity,
  Quad,
} from '../model/index.ts';
import { EXTRACTION_SCHEMA } from '../model/index.ts';
import { storedJson } from './integrity.ts';

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

const actorKey = (row: DocumentActorRow) => ({ document: row.document, actor: row.actor });

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

function toExtractedEvent(row: EventRow): ExtractedEvent {
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
