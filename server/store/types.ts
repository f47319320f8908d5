// The store's interface: what extract, graph and api may ask of persistence, free of any SQLite type
// so that a PostgreSQL store can implement it too.
import type {
  Actor,
  DocumentBundle,
  DocumentRecord,
  DocumentSummary,
  Extraction,
} from '../model/index.ts';

export interface DocumentPage {
  items: DocumentSummary[];
  nextCursor: string | null;
}

export interface StoreCounts {
  documents: number;
  actors: number;
  events: number;
}

export interface Store {
  /** One transaction: the document with all its actors, document-actor mentions, affiliations and events, or nothing.
   *  Deduplicates by contentHash(bundle.text): when a document with the same hash exists, returns {id: existingId, created: false} and writes nothing. */
  addDocument(
    bundle: DocumentBundle,
    options?: { ingestedAt?: string },
  ): { id: string; created: boolean };
  /** Removes the document, its mentions, affiliations and events; actors left with no mention in any document are deleted. Returns false if unknown. */
  removeDocument(id: string): boolean;
  getDocument(id: string): DocumentRecord | null;
  /** The extraction as it was added (deep-equal round trip, same array orders). */
  getExtraction(id: string): Extraction | null;
  findByHash(contentHash: string): string | null;
  /** Newest-ingested first, keyset cursor (opaque string), limit 1..500. */
  listDocuments(options: { limit: number; cursor?: string | null }): DocumentPage;
  /** Every stored extraction in ingest order (for building the graph at start-up). */
  allExtractions(): Extraction[];
  /** Actor across documents: canonical name/kind/country, aliases = union of surface forms (sorted, unique), roles = one DatedRole per distinct affiliation. */
  getActor(id: string): Actor | null;
  /** Every actor, ordered by id. */
  listActors(): Actor[];
  /** Documents mentioning the actor (ids, in ingest order). */
  documentsOfActor(id: string): string[];
  counts(): StoreCounts;
  close(): void;
}

/** Thrown for input the store refuses (invalid bundle, dangling reference, bad cursor or limit): a 400, not a 500. */
export class StoreInputError extends Error {
  constructor(message: string) {
    super(`store: ${message}`);
    this.name = 'StoreInputError';
  }
}

export const MAX_PAGE_LIMIT = 500;
