// Zod schemas of the extraction contract (stancegraph/extraction@1) and the types inferred from them.
import { z } from 'zod';
import { ActorKind, EventMode, PloverType, Polarity, Quad } from './ontology.ts';

export const EXTRACTION_SCHEMA = 'stancegraph/extraction@1';

/** Days in a month of the proleptic Gregorian calendar. */
function daysInMonth(year: number, month: number): number {
  if (month !== 2) return [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
}

/** A day that exists: no 30 February, no 31 April. Months and years pass as they are. */
function existingDay(date: string): boolean {
  if (date.length !== 10) return true;
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return d <= daysInMonth(y, m);
}

/** A calendar date, a month or a year: YYYY-MM-DD, YYYY-MM or YYYY. */
export const IsoDate = z
  .string()
  .regex(
    /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/,
    'expected YYYY, YYYY-MM or YYYY-MM-DD',
  )
  .refine(existingDay, 'expected a day that exists in its month');
export const DatePrecision = z.enum(['day', 'month', 'year']);
export type DatePrecision = z.infer<typeof DatePrecision>;

/** Actor ids are lowercase ASCII slugs: "xi-jinping", "un-security-council". */
export const ActorId = z
  .string()
  .min(1)
  .max(120)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected a lowercase slug such as "north-korea"');

export const Span = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});
export type Span = z.infer<typeof Span>;

/** A span with the text it covers. */
const Quote = Span.extend({ quote: z.string() });

export const DocumentMeta = z.object({
  id: z.string().min(1).max(64),
  title: z.string().nullable(),
  published: IsoDate.nullable(),
  source: z.string().nullable(),
  url: z.string().nullable(),
});
export type DocumentMeta = z.infer<typeof DocumentMeta>;

export const ExtractedActor = z.object({
  id: ActorId,
  name: z.string().min(1),
  kind: ActorKind,
  country: ActorId.nullable(),
  aliases: z.array(z.string()),
  mentions: z.array(Span),
});
export type ExtractedActor = z.infer<typeof ExtractedActor>;

export const ExtractedAffiliation = z.object({
  person: ActorId,
  of: ActorId,
  role: z.string(),
  evidence: Quote,
});
export type ExtractedAffiliation = z.infer<typeof ExtractedAffiliation>;

export const Evidence = Quote.extend({ sentence: z.number().int().nonnegative() });
export type Evidence = z.infer<typeof Evidence>;

/**
 * Where an imported event came from, in place of a sentence: the file, its line and data row, the
 * column layout, and the row's own story id and URL when the file has them. Extracted events have none.
 */
export const EventOrigin = z.object({
  file: z.string().max(500),
  /** 1-based physical line of the file where the record starts (the header is line 1). */
  line: z.number().int().min(1),
  /** 1-based data row (the first record after the header is row 1). */
  row: z.number().int().min(1),
  layout: z.string().max(64),
  storyId: z.string().max(500).nullable(),
  url: z.string().max(4000).nullable(),
});
export type EventOrigin = z.infer<typeof EventOrigin>;

export const ExtractedEvent = z.object({
  id: z.string().min(1),
  source: ActorId,
  target: ActorId,
  type: PloverType,
  quad: Quad,
  polarity: Polarity,
  score: z.number().min(-10).max(10),
  mode: EventMode.nullable(),
  date: IsoDate.nullable(),
  datePrecision: DatePrecision.nullable(),
  confidence: z.number().min(0).max(1),
  evidence: Evidence,
  /** Imported events only (POST /api/import, `stancegraph import`). */
  origin: EventOrigin.optional(),
});
export type ExtractedEvent = z.infer<typeof ExtractedEvent>;

export const Extraction = z.object({
  schema: z.literal(EXTRACTION_SCHEMA),
  extractor: z.string(),
  document: DocumentMeta,
  actors: z.array(ExtractedActor),
  affiliations: z.array(ExtractedAffiliation),
  events: z.array(ExtractedEvent),
});
export type Extraction = z.infer<typeof Extraction>;

/**
 * What the graph is built from: an extraction without the article's source and url, the actors'
 * mention spans and the affiliations' evidence. An Extraction is one, and so is what the store's
 * graph read gives.
 */
export interface GraphDocument {
  extractor: string;
  document: Pick<DocumentMeta, 'id' | 'title' | 'published'>;
  actors: readonly Omit<ExtractedActor, 'mentions'>[];
  affiliations: readonly Pick<ExtractedAffiliation, 'person' | 'of' | 'role'>[];
  events: readonly GraphEvent[];
}

/** An event as the graph takes it: the graph keeps where its evidence stands, not the quote. */
export type GraphEvent = Omit<ExtractedEvent, 'evidence'> & {
  evidence: Omit<Evidence, 'quote'>;
};
