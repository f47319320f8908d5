// Turning event edges into query results, and the newest-first order they are listed in.
import { byCodeUnits } from './contributions.ts';
import { evidenceOf } from './quotes.ts';
import type { StanceGraph } from './stance-graph.ts';
import type { EventKey, EventView } from './types.ts';

/**
 * The event behind an edge, or null for affiliation edges; `eventType` goes back to `type`. Its
 * quote is empty until fillQuotes reads it from the store.
 */
export function eventView(sg: StanceGraph, key: EventKey): EventView | null {
  const at = sg.event(key);
  if (!at) return null;
  const attrs = at.event;
  const { id, eventType, quad, polarity, score, mode, date, datePrecision, confidence } = attrs;
  return {
    id,
    type: eventType,
    quad,
    polarity,
    score,
    mode,
    date,
    datePrecision,
    confidence,
    document: attrs.document,
    extractor: attrs.extractor,
    evidence: evidenceOf(attrs),
    ...(attrs.origin ? { origin: attrs.origin } : {}),
    source: at.source,
    target: at.target,
  };
}

/** Newest first; undated events last; ties by event id so the order is total. */
export function newestFirst(
  a: { date: string | null; id: string },
  b: { date: string | null; id: string },
): number {
  if (a.date !== b.date) {
    if (a.date === null) return 1;
    if (b.date === null) return -1;
    return a.date > b.date ? -1 : 1;
  }
  return byCodeUnits(a.id, b.id);
}
