// Splitting a text into plain and marked segments for highlighting spans (evidence, mentions)
// without HTML: the caller turns each segment into a text node or a <mark> holding a text node.

export interface Mark {
  start: number;
  end: number;
  /** What the mark is: a CSS class and a tooltip. */
  kind: string;
  title?: string;
}

export interface Segment {
  text: string;
  start: number;
  marks: Mark[];
}

/**
 * Cuts the text at every mark boundary; each segment lists the marks covering it. Marks outside
 * the text are clipped; empty marks are dropped.
 */
export function segmentText(text: string, marks: readonly Mark[]): Segment[] {
  const clipped = marks
    .map((m) => ({ ...m, start: Math.max(0, m.start), end: Math.min(text.length, m.end) }))
    .filter((m) => m.end > m.start);
  const cuts = new Set([0, text.length]);
  for (const m of clipped) cuts.add(m.start).add(m.end);
  const points = [...cuts].sort((a, b) => a - b);
  const out: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    out.push({
      text: text.slice(start, end),
      start,
      marks: clipped.filter((m) => m.start <= start && m.end >= end),
    });
  }
  return out;
}
