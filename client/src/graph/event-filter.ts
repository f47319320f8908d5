// Whether one event passes the view's filters; the date rule matches the server's (a partial date
// must lie wholly inside the range, undated events fall outside any range).
import { allows, type Filters } from '../state/index.ts';
import type { EventEdge } from './data-graph.ts';

function lower(date: string): string {
  return date.length === 4 ? `${date}-01` : date.slice(0, 7);
}

function upper(date: string): string {
  return date.length === 4 ? `${date}-12` : date.slice(0, 7);
}

export function eventPasses(
  e: Pick<EventEdge, 'polarity' | 'eventType' | 'quad' | 'confidence' | 'date'>,
  f: Filters,
): boolean {
  if (!allows(f, 'polarities', e.polarity)) return false;
  if (!allows(f, 'types', e.eventType)) return false;
  if (!allows(f, 'quads', e.quad)) return false;
  if (e.confidence < f.minConfidence) return false;
  if (f.from === null && f.to === null) return true;
  if (e.date === null) return false;
  if (f.from !== null && lower(e.date) < f.from) return false;
  if (f.to !== null && upper(e.date) > f.to) return false;
  return true;
}
