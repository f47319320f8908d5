// Zod schemas of what the store keeps and the graph and API serve: documents, actors with dated
// roles, affiliations and events with full provenance.
import { z } from 'zod';
import { ActorKind } from './ontology.ts';
import {
  ActorId,
  DocumentMeta,
  ExtractedAffiliation,
  ExtractedEvent,
  Extraction,
  IsoDate,
} from './extraction.ts';

/** An office held over a period: from/to are ISO dates, null when open. */
export const DatedRole = z.object({
  title: z.string(),
  office: z.string().nullable().optional(),
  of: ActorId.nullable(),
  from: IsoDate.nullable(),
  to: IsoDate.nullable(),
});
export type DatedRole = z.infer<typeof DatedRole>;

/** A document as stored: its metadata, its body, and when and how it was ingested. */
export const DocumentRecord = DocumentMeta.extend({
  contentHash: z.string(),
  text: z.string(),
  ingestedAt: z.string(),
  extractor: z.string(),
});
export type DocumentRecord = z.infer<typeof DocumentRecord>;
export const DocumentSummary = DocumentRecord.omit({ text: true }).extend({
  actorCount: z.number().int(),
  eventCount: z.number().int(),
});
export type DocumentSummary = z.infer<typeof DocumentSummary>;

/** An actor across all documents. */
export const Actor = z.object({
  id: ActorId,
  name: z.string(),
  kind: ActorKind,
  country: ActorId.nullable(),
  aliases: z.array(z.string()),
  roles: z.array(DatedRole),
});
export type Actor = z.infer<typeof Actor>;

export const Affiliation = ExtractedAffiliation.extend({ document: z.string() });
export type Affiliation = z.infer<typeof Affiliation>;

/** An event with its provenance: the document, the extractor version, and (in evidence) sentence and span. */
export const Event = ExtractedEvent.extend({
  document: z.string(),
  extractor: z.string(),
});
export type Event = z.infer<typeof Event>;

/** What one ingest hands to the store: the document text and its extraction. */
export const DocumentBundle = z.object({
  text: z.string(),
  extraction: Extraction,
});
export type DocumentBundle = z.infer<typeof DocumentBundle>;

export { IsoDate };
