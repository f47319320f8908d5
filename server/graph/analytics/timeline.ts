// GET /api/timeline: events by quad class and net score per month or ISO week, for one actor (all
// its events, either direction) or a dyad (the events between two actors, either direction).
import { QUADS, type Quad } from '../../model/index.ts';
import { UnknownActorError } from '../errors.ts';
import { eventMatches, type EventFilter } from '../event-filter.ts';
import type { StanceGraph } from '../stance-graph.ts';
import type { EventEdgeAttributes } from '../types.ts';

export type Granularity = 'month' | 'week';

export interface TimelineBucket {
  /** YYYY-MM, or YYYY-Www (ISO 8601 week). */
  period: string;
  /** The first day of the period, YYYY-MM-DD (for charting). */
  start: string;
  eventCount: number;
  netScore: number;
  byQuad: Record<Quad, number>;
}

export interface TimelineResult {
  actor: string;
  partner: string | null;
  granularity: Granularity;
  /** Every period from the first to the last dated event, empty ones included. */
  buckets: TimelineBucket[];
  /** Events too coarsely dated for the granularity (a year; a month for weeks) or undated. */
  offTimeline: number;
  eventCount: number;
}

/** Periods filled in between the first and last event at most; a longer span lists only busy ones. */
const MAX_FILLED_PERIODS = 5000;

function emptyQuads(): Record<Quad, number> {
  return Object.fromEntries(QUADS.map((q) => [q, 0])) as Record<Quad, number>;
}

function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** The Monday starting the ISO week of a day, and the week's label (its Thursday's year). */
export function isoWeek(day: string): { period: string; start: string } {
  const d = new Date(`${day}T00:00:00Z`);
  const weekday = (d.getUTCDay() + 6) % 7;
  const monday = new Date(d.getTime() - weekday * 86_400_000);
  const thursday = new Date(monday.getTime() + 3 * 86_400_000);
  const year = thursday.getUTCFullYear();
  const jan1 = Date.UTC(year, 0, 1);
  const week = 1 + Math.floor((thursday.getTime() - jan1) / (7 * 86_400_000));
  return { period: `${year}-W${String(week).padStart(2, '0')}`, start: isoDay(monday) };
}

function periodOf(date: string | null, granularity: Granularity) {
  if (date === null) return null;
  if (granularity === 'month') {
    return date.length >= 7 ? { period: date.slice(0, 7), start: `${date.slice(0, 7)}-01` } : null;
  }
  return date.length === 10 ? isoWeek(date) : null;
}

function nextStart(start: string, granularity: Granularity): string {
  const d = new Date(`${start}T00:00:00Z`);
  if (granularity === 'week') return isoDay(new Date(d.getTime() + 7 * 86_400_000));
  return isoDay(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1)));
}

function bucketAt(start: string, granularity: Granularity): TimelineBucket {
  const period = granularity === 'month' ? start.slice(0, 7) : isoWeek(start).period;
  return { period, start, eventCount: 0, netScore: 0, byQuad: emptyQuads() };
}

function eachEventOf(
  sg: StanceGraph,
  actor: string,
  partner: string | null,
  visit: (e: EventEdgeAttributes) => void,
): void {
  if (partner === null) {
    sg.forEachEventOf(actor, 'any', visit);
    return;
  }
  sg.forEachEventBetween(actor, partner, visit);
  if (partner !== actor) sg.forEachEventBetween(partner, actor, visit);
}

export function timeline(
  sg: StanceGraph,
  actor: string,
  {
    partner,
    granularity = 'month',
    filter = {},
  }: {
    partner?: string;
    granularity?: Granularity;
    filter?: EventFilter;
  } = {},
): TimelineResult {
  if (!sg.hasActor(actor)) throw new UnknownActorError(actor, 'actor');
  if (partner !== undefined && !sg.hasActor(partner))
    throw new UnknownActorError(partner, 'partner');
  const buckets = new Map<string, TimelineBucket>();
  // Dates repeat (a busy actor's 100,000 events fall on a few thousand days): each distinct date's
  // period is worked out once.
  const periods = new Map<string | null, ReturnType<typeof periodOf>>();
  let offTimeline = 0;
  let eventCount = 0;
  const add = (e: EventEdgeAttributes) => {
    if (!eventMatches(e, filter)) return;
    eventCount += 1;
    let p = periods.get(e.date);
    if (p === undefined) periods.set(e.date, (p = periodOf(e.date, granularity)));
    if (!p) {
      offTimeline += 1;
      return;
    }
    let b = buckets.get(p.start);
    if (!b) buckets.set(p.start, (b = { ...p, eventCount: 0, netScore: 0, byQuad: emptyQuads() }));
    b.eventCount += 1;
    b.netScore += e.score;
    b.byQuad[e.quad] += 1;
  };
  eachEventOf(sg, actor, partner ?? null, add);
  const busy = [...buckets.values()].sort((a, b) => (a.start < b.start ? -1 : 1));
  for (const b of busy) b.netScore = Math.round(b.netScore * 1e6) / 1e6;
  const out: TimelineBucket[] = [];
  if (busy.length > 0) {
    const last = busy[busy.length - 1]!.start;
    let start = busy[0]!.start;
    while (start <= last && out.length <= MAX_FILLED_PERIODS) {
      out.push(buckets.get(start) ?? bucketAt(start, granularity));
      start = nextStart(start, granularity);
    }
  }
  return {
    actor,
    partner: partner ?? null,
    granularity,
    buckets: out.length > MAX_FILLED_PERIODS ? busy : out,
    offTimeline,
    eventCount,
  };
}
