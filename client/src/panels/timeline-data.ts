// The numbers behind the timeline chart, as pure functions of GET /api/timeline: period labels,
// the quad-class counts stacked bottom to top, the net score, and the text read out for a period.
import type { Timeline } from '../api/index.ts';
import { QUADS, type Quad } from '../state/index.ts';

export type TimelineBucket = Timeline['buckets'][number];

/** Stacked bottom to top: cooperation below conflict, verbal below material. */
export const QUAD_ORDER: readonly Quad[] = QUADS;

export const QUAD_LABELS: Record<Quad, string> = {
  'verbal-cooperation': 'verbal cooperation',
  'material-cooperation': 'material cooperation',
  'verbal-conflict': 'verbal conflict',
  'material-conflict': 'material conflict',
};

/** Bar fills: light and dark green for cooperation, light and dark red for conflict. */
export const QUAD_COLORS: Record<Quad, string> = {
  'verbal-cooperation': '#86cfa3',
  'material-cooperation': '#1d7a49',
  'verbal-conflict': '#f3a395',
  'material-conflict': '#b42318',
};

export const NET_COLOR = '#1f2937';

export interface StackedTimeline {
  /** Period labels, one per bucket (YYYY-MM or YYYY-Www). */
  labels: string[];
  /** x positions: the bucket index. */
  x: number[];
  /**
   * Running totals per bucket, one array per quad in QUAD_ORDER: stacks[i][j] is the count of the
   * first i + 1 quads in bucket j, so the last array is the bucket's event count.
   */
  stacks: number[][];
  net: number[];
}

export function stackTimeline(buckets: readonly TimelineBucket[]): StackedTimeline {
  const stacks = QUAD_ORDER.map(() => new Array<number>(buckets.length).fill(0));
  buckets.forEach((b, j) => {
    let sum = 0;
    QUAD_ORDER.forEach((q, i) => {
      sum += b.byQuad[q] ?? 0;
      stacks[i]![j] = sum;
    });
  });
  return {
    labels: buckets.map((b) => b.period),
    x: buckets.map((_b, j) => j),
    stacks,
    net: buckets.map((b) => b.netScore),
  };
}

/** The smallest of 1, 2, 5 times a power of ten at or above x (x > 0): an axis bound with ticks. */
export function niceBound(x: number): number {
  if (!(x > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(x));
  for (const m of [1, 2, 5, 10]) if (m * power >= x - 1e-9) return m * power;
  return 10 * power;
}

/** A score with its sign, rounded to one decimal: "+12.5", "−3", "0". */
export function signedScore(n: number): string {
  const r = Math.round(n * 10) / 10;
  if (r === 0) return '0';
  return r > 0 ? `+${r}` : `−${Math.abs(r)}`;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** "2022-11: 7 events (5 verbal cooperation, 2 verbal conflict), net +12.5". */
export function describeBucket(b: TimelineBucket): string {
  const parts = QUAD_ORDER.filter((q) => (b.byQuad[q] ?? 0) > 0).map(
    (q) => `${b.byQuad[q]} ${QUAD_LABELS[q]}`,
  );
  const detail = parts.length ? ` (${parts.join(', ')})` : '';
  return `${b.period}: ${plural(b.eventCount, 'event')}${detail}, net ${signedScore(b.netScore)}`;
}

/** The line under the chart when no period is pointed at: the whole span in one sentence. */
export function describeTimeline(t: Pick<Timeline, 'buckets' | 'offTimeline' | 'granularity'>) {
  const dated = t.buckets.reduce((n, b) => n + b.eventCount, 0);
  const net = t.buckets.reduce((n, b) => n + b.netScore, 0);
  const unit = t.granularity === 'week' ? 'week' : 'month';
  const span =
    t.buckets.length === 0
      ? ''
      : t.buckets.length === 1
        ? ` in ${t.buckets[0]!.period}`
        : ` over ${plural(t.buckets.length, unit)}, ${t.buckets[0]!.period} to ${t.buckets[t.buckets.length - 1]!.period}`;
  const off =
    t.offTimeline > 0
      ? `; ${plural(t.offTimeline, 'event')} dated too coarsely for ${unit}s ${t.offTimeline === 1 ? 'is' : 'are'} left out`
      : '';
  return `${plural(dated, 'event')}${span}, net ${signedScore(net)}${off}.`;
}
