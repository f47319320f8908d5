// Evidence quotes: the graph keeps each event's sentence and span, not its quote, so the quotes of
// a million events stay out of the heap. Replies are built with an empty quote in each evidence
// object and filled from the store (Store.eventQuotes satisfies QuoteSource) a batch at a time.
import type { Evidence } from '../model/index.ts';
import type { SubgraphExport } from './subgraph.ts';
import type { EventEdgeAttributes, EventEdgeOut } from './types.ts';

/** Where quotes are read: by (document, event id), null for an event no longer stored. */
export interface QuoteSource {
  eventQuotes(keys: readonly { document: string; id: string }[]): Promise<(string | null)[]>;
}

/** Quotes read from the source per call. */
export const QUOTE_BATCH = 1_000;

/** Anything in a reply that shows an event's evidence. */
export interface Quoted {
  document: string;
  id: string;
  evidence: Evidence;
}

/** An event edge's evidence for a reply: its quote empty until fillQuotes. */
export function evidenceOf(a: EventEdgeAttributes): Evidence {
  return { sentence: a.sentence, start: a.evidenceStart, end: a.evidenceEnd, quote: '' };
}

/** An event edge's attributes as replies give them (a new object; the quote empty until filled). */
export function eventOut(a: EventEdgeAttributes): EventEdgeOut {
  return {
    kind: a.kind,
    id: a.id,
    eventType: a.eventType,
    quad: a.quad,
    polarity: a.polarity,
    score: a.score,
    mode: a.mode,
    date: a.date,
    datePrecision: a.datePrecision,
    confidence: a.confidence,
    document: a.document,
    extractor: a.extractor,
    evidence: evidenceOf(a),
    ...(a.origin ? { origin: a.origin } : {}),
  };
}

/** The event edges of a view, whose quotes a reply fills. */
export function viewQuotes(view: SubgraphExport): Quoted[] {
  const out: Quoted[] = [];
  for (const e of view.edges) if (e.attributes.kind === 'event') out.push(e.attributes);
  return out;
}

/** Keys in the store's order (document, then event id), so lookups walk nearby pages in turn. */
const byStoreKey = (a: Quoted, b: Quoted) =>
  a.document < b.document
    ? -1
    : a.document > b.document
      ? 1
      : a.id < b.id
        ? -1
        : a.id > b.id
          ? 1
          : 0;

/**
 * Fills in each item's quote from the source, QUOTE_BATCH at a time, each batch asked in the
 * store's key order; resolves false when some event is no longer stored (its quote stays empty).
 */
export async function fillQuotes(source: QuoteSource, items: readonly Quoted[]): Promise<boolean> {
  let complete = true;
  for (let i = 0; i < items.length; i += QUOTE_BATCH) {
    const batch = items.slice(i, i + QUOTE_BATCH).sort(byStoreKey);
    const quotes = await source.eventQuotes(batch.map((q) => ({ document: q.document, id: q.id })));
    batch.forEach((item, j) => {
      const quote = quotes[j];
      if (quote === null || quote === undefined) complete = false;
      else item.evidence.quote = quote;
    });
  }
  return complete;
}
