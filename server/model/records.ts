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

/** A role the gazetteer records for a person, with its real dates; current until it ends. */
export const GazetteerRole = DatedRole.extend({
  basis: z.literal('gazetteer'),
  /** The name of `of` (the state or organization), for display. */
  ofName: z.string().nullable(),
  /** True only while the gazetteer has no end date for the role. */
  current: z.boolean(),
});
export type GazetteerRole = z.infer<typeof GazetteerRole>;

/**
 * A role an article states ("Iranian President X"): known to hold as of the article's date, not
 * from it; never current on the article's word alone.
 */
export const StatedRole = z.object({
  basis: z.literal('article'),
  /** The role as the article words it. */
  title: z.string(),
  of: ActorId,
  ofName: z.string().nullable(),
  /** The published date of the latest article stating it; null when that article is undated. */
  asOf: IsoDate.nullable(),
  /** That article. */
  document: z.object({ id: z.string(), title: z.string().nullable() }),
  current: z.literal(false),
  /**
   * When the gazetteer ends this office for the person before asOf (death, resignation, end of
   * term), that end date: the article speaks of a role no longer held.
   */
  endedBefore: IsoDate.nullable(),
});
export type StatedRole = z.infer<typeof StatedRole>;

/** A role as the actor details give it: from the gazetteer, or as stated in an article. */
export const ActorRole = z.discriminatedUnion('basis', [GazetteerRole, StatedRole]);
export type ActorRole = z.infer<typeof ActorRole>;

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
