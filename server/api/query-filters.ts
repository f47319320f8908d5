// The query string's filters (singular names, as in the URL) in the graph module's terms, shared by
// the graph routes and the analytics routes.
import type { z } from 'zod';
import type { AnalysisFilter, EventFilter } from '../graph/index.ts';
import type { RelationsQuery } from './schemas.ts';
import type { MetricsQuery } from './analytics-schemas.ts';

type EventFilterParams = Pick<
  z.infer<typeof RelationsQuery>,
  'from' | 'to' | 'type' | 'quad' | 'polarity' | 'minConfidence'
>;

type AnalysisFilterParams = EventFilterParams & Pick<z.infer<typeof MetricsQuery>, 'kind'>;

export function eventFilter(q: EventFilterParams): EventFilter {
  return {
    from: q.from,
    to: q.to,
    types: q.type,
    quads: q.quad,
    polarities: q.polarity,
    minConfidence: q.minConfidence,
  };
}

/** The event filter plus the actor kinds an analysis keeps. */
export function analysisFilter(q: AnalysisFilterParams): AnalysisFilter {
  return { ...eventFilter(q), kinds: q.kind };
}
