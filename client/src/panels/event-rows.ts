// Events of the data graph as rows for the panels: filtered, newest first, undated last.
import { eventPasses, isEvent, type DataGraph, type EventEdge } from '../graph/index.ts';
import type { Filters } from '../state/index.ts';

/** An event edge without its sigma program name (`type`), plus its key and endpoints. */
export interface EventRow extends Omit<EventEdge, 'type'> {
  key: string;
  source: string;
  target: string;
}

export function newestFirst(a: EventRow, b: EventRow): number {
  if (a.date !== b.date) {
    if (a.date === null) return 1;
    if (b.date === null) return -1;
    return a.date > b.date ? -1 : 1;
  }
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

/** Events among the given data edge keys that pass the filters. */
export function eventRows(data: DataGraph, keys: Iterable<string>, filters: Filters): EventRow[] {
  const rows: EventRow[] = [];
  for (const key of keys) {
    if (!data.hasEdge(key)) continue;
    const a = data.getEdgeAttributes(key);
    if (!isEvent(a) || !eventPasses(a, filters)) continue;
    rows.push({ ...a, key, source: data.source(key), target: data.target(key) });
  }
  return rows.sort(newestFirst);
}

export interface PartnerStance {
  id: string;
  count: number;
  cooperative: number;
  hostile: number;
  neutral: number;
  netScore: number;
}

/** An actor's stance with each partner over the rows, both directions, most events first. */
export function partnerStances(actor: string, rows: readonly EventRow[]): PartnerStance[] {
  const byPartner = new Map<string, PartnerStance>();
  for (const r of rows) {
    const other = r.source === actor ? r.target : r.source;
    if (other === actor && r.source !== r.target) continue;
    let p = byPartner.get(other);
    if (!p) {
      p = { id: other, count: 0, cooperative: 0, hostile: 0, neutral: 0, netScore: 0 };
      byPartner.set(other, p);
    }
    p.count += 1;
    p[r.polarity] += 1;
    p.netScore = Math.round((p.netScore + r.score) * 100) / 100;
  }
  return [...byPartner.values()].sort(
    (a, b) =>
      b.count - a.count || Math.abs(b.netScore) - Math.abs(a.netScore) || (a.id < b.id ? -1 : 1),
  );
}
