// The store's interface: what extract, graph and api may ask of persistence, free of any SQLite or
// PostgreSQL type. Every call returns a promise, so a networked store implements it as well as the
// in-process SQLite one.
import type {
  Actor,
  DocumentBundle,
  DocumentRecord,
  DocumentSummary,
  Extraction,
  GraphDocument,
} from '../model/index.ts';

export type { GraphDocument };

export interface DocumentPage {
  items: DocumentSummary[];
  nextCursor: string | null;
}

export interface StoreCounts {
  documents: number;
  actors: number;
  events: number;
}

/** Documents handed to a graphDocuments reader at once unless it asks otherwise. */
export const GRAPH_BATCH = 100;

/** What Store.generation() reads, in one snapshot. */
export interface StoreGeneration {
  /** A random id given to the store when the generation was added to its schema. */
  store: string;
  generation: number;
  /** The number of the last change logged (as lastChange()). */
  lastChange: number;
}

/** One entry of the change log: a document added or removed, numbered in commit order. */
export interface Change {
  seq: number;
  kind: 'add' | 'remove';
  document: string;
}

export interface ChangePage {
  changes: Change[];
  /** The highest number trimmed from the log; a reader that applied less than this must rebuild. */
  trimmedThrough: number;
}

/** An event named by its document and its id within the document. */
export interface EventKey {
  document: string;
  id: string;
}

/** The most keys one eventQuotes call takes. */
export const MAX_QUOTE_BATCH = 10_000;

export interface Store {
  /** Which database this is, for logs and health answers. */
  readonly kind: 'sqlite' | 'postgres';
  /** One transaction: the document with all its actors, document-actor mentions, affiliations and
   *  events, and its 'add' change, or nothing. Deduplicates by contentHash(bundle.text): when a
   *  document with the same hash exists, returns {id: existingId, created: false} and writes nothing. */
  addDocument(
    bundle: DocumentBundle,
    options?: { ingestedAt?: string },
  ): Promise<{ id: string; created: boolean }>;
  /** Removes the document, its mentions, affiliations and events, and logs a 'remove' change; actors
   *  left with no mention in any document are deleted. Resolves false if unknown. */
  removeDocument(id: string): Promise<boolean>;
  getDocument(id: string): Promise<DocumentRecord | null>;
  /** The extraction as it was added (deep-equal round trip, same array orders). */
  getExtraction(id: string): Promise<Extraction | null>;
  findByHash(contentHash: string): Promise<string | null>;
  /** Newest-ingested first, keyset cursor (opaque string), limit 1..500. */
  listDocuments(options: { limit: number; cursor?: string | null }): Promise<DocumentPage>;
  /** Every stored extraction in ingest order, whole (the graph is filled through graphDocuments). */
  allExtractions(): Promise<Extraction[]>;
  /**
   * Every stored document as the graph needs it (GraphDocument), in ingest order and from one
   * snapshot, handed to `onBatch` `batch` documents at a time (default GRAPH_BATCH): only a batch
   * is held at once, and only the columns the graph keeps are read. Documents stating the same
   * alias list may share one array: treat what is handed over as read-only.
   */
  graphDocuments(
    onBatch: (documents: GraphDocument[]) => void,
    options?: { batch?: number },
  ): Promise<void>;
  /**
   * The evidence quote of each stored event named by (document, event id), in the order asked; null
   * for an event not stored. The graph keeps only an event's offsets, so replies that show quotes
   * read them here, a page or batch at a time (at most MAX_QUOTE_BATCH keys a call).
   */
  eventQuotes(keys: readonly EventKey[]): Promise<(string | null)[]>;
  /** Actor across documents: canonical name/kind/country, aliases = union of surface forms (sorted, unique), roles = one DatedRole per distinct affiliation. */
  getActor(id: string): Promise<Actor | null>;
  /** Every actor, ordered by id. */
  listActors(): Promise<Actor[]>;
  /** Documents mentioning the actor (ids, in ingest order). */
  documentsOfActor(id: string): Promise<string[]>;
  counts(): Promise<StoreCounts>;
  /** Changes numbered above `after`, in order, at most `limit` (1..10,000) of them. */
  changesSince(after: number, limit: number): Promise<ChangePage>;
  /** The number of the last change logged (0 when none). */
  lastChange(): Promise<number>;
  /**
   * The store's id, its generation (raised in the transaction of every write the graph reads) and
   * the last change logged, read together: a graph saved at a generation still matches the store
   * while both say the same.
   */
  generation(): Promise<StoreGeneration>;
  /** Drops changes numbered up to `through`; resolves how many were dropped. */
  trimChanges(through: number): Promise<number>;
  /** Calls `wake` when the log may have grown (a hint, never the truth: read changesSince). Returns
   *  a function that stops watching. */
  watchChanges(wake: () => void): () => void;
  close(): Promise<void>;
}

/** Thrown for input the store refuses (invalid bundle, dangling reference, bad cursor or limit): a 400, not a 500. */
export class StoreInputError extends Error {
  constructor(message: string) {
    super(`store: ${message}`);
    this.name = 'StoreInputError';
  }
}

export const MAX_PAGE_LIMIT = 500;

/** The keys of an eventQuotes call, checked: at most MAX_QUOTE_BATCH of them. */
export function checkQuoteKeys(keys: readonly EventKey[]): readonly EventKey[] {
  if (keys.length > MAX_QUOTE_BATCH) {
    throw new StoreInputError(`at most ${MAX_QUOTE_BATCH} event quotes a call, got ${keys.length}`);
  }
  return keys;
}
export const MAX_CHANGE_PAGE = 10_000;
