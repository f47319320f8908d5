// The shapes the API answers with, taken from the server's model and graph modules (type-only
// imports, so nothing of the server reaches the bundle).
import type {
  ActorDetails,
  ActorSearchResult,
  EventView,
  PathResult,
  StanceResult,
  SubgraphExport,
} from '../../../server/graph/index.ts';
import type {
  DatedRole,
  DocumentRecord,
  DocumentSummary,
  Extraction,
} from '../../../server/model/index.ts';
import type { ArticleInput } from '../../../server/extract/index.ts';
import type { IngestResult } from '../../../server/ingest/index.ts';

export type GraphExport = SubgraphExport;
export type ActorSearch = ActorSearchResult;
export type ActorHit = ActorSearchResult['items'][number];
export type ActorInfo = ActorDetails & { roles: DatedRole[] };
export type EventItem = EventView & { extractor?: string };
export type Path = PathResult;
export type Stance = StanceResult;
export type { Extraction, DocumentRecord, ArticleInput, IngestResult };

export interface RelationsPage {
  items: EventItem[];
  total: number;
  nextCursor: string | null;
}

export interface DocumentsPage {
  items: DocumentSummary[];
  nextCursor: string | null;
}

export interface DocumentWithExtraction {
  document: DocumentRecord;
  extraction: Extraction;
}
