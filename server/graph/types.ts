// Attribute shapes of the stance graph's nodes (actors), edges (events, affiliations) and dyads.
import type {
  ActorKind,
  DatePrecision,
  EventOrigin,
  Evidence,
  EventMode,
  PloverType,
  Polarity,
  Quad,
} from '../model/index.ts';

/** Tallies of events touching an actor or a dyad, by polarity. */
export interface PolarityCounts {
  cooperative: number;
  hostile: number;
  neutral: number;
}

export interface ActorNodeAttributes extends PolarityCounts {
  kind: ActorKind;
  name: string;
  country: string | null;
  /** Sorted union of the surface forms seen across documents. */
  aliases: string[];
  /** Number of documents that mention the actor. */
  documents: number;
  eventCount: number;
  outCount: number;
  inCount: number;
}

export interface EventEdgeAttributes {
  kind: 'event';
  /** The event id from the extraction (the edge key may be namespaced if ids collide). */
  id: string;
  /**
   * The PLOVER type. Not `type`: sigma reads an edge's `type` as the name of its edge program, so
   * the exports put a sigma program name there instead.
   */
  eventType: PloverType;
  quad: Quad;
  polarity: Polarity;
  score: number;
  mode: EventMode | null;
  date: string | null;
  datePrecision: DatePrecision | null;
  confidence: number;
  document: string;
  extractor: string;
  /**
   * Where the evidence stands in the document: its sentence and UTF-16 span. The quote itself
   * stays in the store and is read when a reply shows it (quotes.ts).
   */
  sentence: number;
  evidenceStart: number;
  evidenceEnd: number;
  /** Imported events only: the file and row in place of a sentence. */
  origin?: EventOrigin;
}

/**
 * What names one event in the graph for a later look-up (stance-graph.ts event()): its number in
 * the event table. Exports give events string keys instead (StanceGraph.edgeKey).
 */
export type EventKey = number;

/** The fields of an event edge that replies give as one `evidence` object, with its quote. */
type EvidenceFields = 'sentence' | 'evidenceStart' | 'evidenceEnd';

/** An event edge's attributes as replies and exports give them: its evidence whole. */
export type EventEdgeOut = Omit<EventEdgeAttributes, EvidenceFields | 'origin'> & {
  evidence: Evidence;
  origin?: EventOrigin;
};

/** What the graph keeps of a document besides its edges: enough to cite it. */
export interface DocumentInfo {
  id: string;
  title: string | null;
  published: string | null;
}

export interface AffiliationEdgeAttributes {
  kind: 'affiliation';
  role: string;
  document: string;
}

export type StanceEdgeAttributes = EventEdgeAttributes | AffiliationEdgeAttributes;

/** The aggregate stance of one ordered pair (source -> target) over its events. */
export interface DyadStance extends PolarityCounts {
  source: string;
  target: string;
  eventCount: number;
  netScore: number;
  firstDate: string | null;
  lastDate: string | null;
}

/**
 * An event as the queries return it: the edge attributes plus its endpoints, with the PLOVER type
 * under `type` as in the extraction contract.
 */
export interface EventView extends Omit<EventEdgeOut, 'kind' | 'eventType'> {
  type: PloverType;
  source: string;
  target: string;
}

/**
 * A time allowance a long query checks as it works; check() throws once it is spent. The security
 * module's TimeBudget satisfies it, so the graph need not import security.
 */
export interface Budget {
  check(): void;
}
