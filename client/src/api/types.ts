// The shapes the API answers with, taken from the server's model and graph modules (type-only
// imports, so nothing of the server reaches the bundle).
import type {
  ActorDetails,
  ActorSearchResult,
  AlignedPair,
  BlocsResult,
  EventView,
  KPathsResult,
  Measure,
  Ranking,
  StanceResult,
  SubgraphExport,
  TimelineResult,
} from '../../../server/graph/index.ts';
import type { DocumentRecord, DocumentSummary, Extraction } from '../../../server/model/index.ts';
import type { ArticleInput } from '../../../server/extract/index.ts';
import type { IngestResult } from '../../../server/ingest/index.ts';

export type GraphExport = SubgraphExport;
export type ActorSearch = ActorSearchResult;
export type ActorHit = ActorSearchResult['items'][number];
export type ActorInfo = ActorDetails;
export type EventItem = EventView & { extractor?: string };
/** GET /api/paths: the k shortest paths between two actors, cheapest first. */
export type Paths = KPathsResult;
export type Stance = StanceResult;
/** GET /api/metrics: actors ranked by one measure over the filtered graph. */
export type Metrics = Ranking;
export type { Measure };
/** GET /api/blocs: Louvain blocs, the net stance between them, and aligned pairs. */
export type Blocs = BlocsResult & { alignment: AlignedPair[] };
/** GET /api/timeline: counts by quad class and net score per month or week. */
export type Timeline = TimelineResult;

/** A file the server sent as an attachment (GET /api/export). */
export interface DownloadedFile {
  fileName: string;
  blob: Blob;
}
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
  /** The body's sentences in order, as UTF-16 spans (index = evidence.sentence). */
  sentences: { start: number; end: number }[];
}
