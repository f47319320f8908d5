// Colours and sizes of the graph view: node colour by kind, edge colour by polarity, and the
// scales that turn activity into node size and event counts into edge width.
import type { ActorKind, Polarity } from '../state/index.ts';

export const KIND_COLORS: Record<ActorKind, string> = {
  person: '#e07b24',
  state: '#2f6fd0',
  organization: '#8a4fc9',
};

export const POLARITY_COLORS: Record<Polarity, string> = {
  cooperative: '#23965a',
  hostile: '#d23b32',
  neutral: '#8c939b',
};

export const AFFILIATION_COLOR = '#c3c9d1';
export const DIMMED_NODE_COLOR = '#dfe3e8';
export const DIMMED_EDGE_COLOR = '#eceff2';
export const PATH_EDGE_COLOR = '#111827';

/** Lighter shades for actors with no events (named only through a role): present, not loud. */
export const QUIET_KIND_COLORS: Record<ActorKind, string> = {
  person: '#f0bd91',
  state: '#9fbbe8',
  organization: '#c9aee6',
};

/**
 * Node size from the number of events an actor takes part in: area grows with activity, and an
 * actor without events is a dot, small enough to stay under the label threshold until zoomed in.
 */
export function nodeSize(eventCount: number): number {
  if (eventCount <= 0) return 3;
  return Math.min(24, 5 + 2.5 * Math.sqrt(eventCount));
}

export function nodeColor(kind: ActorKind, eventCount: number): string {
  return eventCount > 0 ? KIND_COLORS[kind] : QUIET_KIND_COLORS[kind];
}

/** Edge width from its event count, logarithmic so one busy dyad does not swamp the view. */
export function edgeSize(count: number): number {
  return Math.min(8, 1 + 1.5 * Math.log2(1 + Math.max(0, count)));
}

/** The polarity with most events; ties fall to neutral, as on the server. */
export function majorityPolarity(c: Record<Polarity, number>): Polarity {
  if (c.cooperative > c.hostile && c.cooperative >= c.neutral) return 'cooperative';
  if (c.hostile > c.cooperative && c.hostile >= c.neutral) return 'hostile';
  return 'neutral';
}
