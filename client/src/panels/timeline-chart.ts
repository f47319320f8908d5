// The timeline of an actor or a dyad in the details panel: GET /api/timeline by month or ISO week
// under the current event filters, drawn with uPlot as bars of events stacked by quad class and a
// line of the net score (right axis), with a legend, a readout of the period under the pointer and
// the same numbers as a table. uPlot draws on a canvas and styles through CSSOM only, and its
// stylesheet is bundled by Vite, so the explorer's strict CSP needs nothing more.
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { ApiRequestError, type Timeline } from '../api/index.ts';
import { eventFilterQuery, matchesNothing } from '../state/index.ts';
import { h, replace } from './dom.ts';
import { actorName, type PanelContext } from './context.ts';
import {
  NET_COLOR,
  QUAD_COLORS,
  QUAD_LABELS,
  QUAD_ORDER,
  describeBucket,
  describeTimeline,
  niceBound,
  signedScore,
  stackTimeline,
} from './timeline-data.ts';

export type Granularity = 'month' | 'week';

export interface TimelineSubject {
  actor: string;
  /** The dyad's other actor (events both ways), or null for all of the actor's events. */
  partner: string | null;
}

const HEIGHT = 170;
const AXIS = {
  stroke: '#374151',
  font: '11px system-ui, sans-serif',
  ticks: { stroke: '#c9d0d8' },
};

/** The granularity last chosen: the next actor or dyad opens with it. */
let granularity: Granularity = 'month';
/** One chart is shown at a time (in the details panel): the previous one is destroyed. */
let current: { plot: uPlot; observer: ResizeObserver } | null = null;

function destroyCurrent() {
  current?.observer.disconnect();
  current?.plot.destroy();
  current = null;
}

/** Every k-th bucket index, k chosen so labels of this many pixels do not collide. */
function labelSplits(count: number, plotWidth: number, labelWidth: number): number[] {
  const fit = Math.max(1, Math.floor(plotWidth / labelWidth));
  const step = Math.max(1, Math.ceil(count / fit));
  const out: number[] = [];
  for (let i = 0; i < count; i += step) out.push(i);
  return out;
}

function plotOptions(t: Timeline, width: number, onCursor: (idx: number | null) => void) {
  const stacked = stackTimeline(t.buckets);
  const n = t.buckets.length;
  // Symmetric about zero, to a round bound, so the net score axis has a tick at each end and at 0.
  const netBound = niceBound(Math.max(1, ...stacked.net.map(Math.abs)));
  const labelWidth = t.granularity === 'week' ? 64 : 56;
  const bars = uPlot.paths.bars!({ size: [0.7, 48] });
  // Drawn tallest first, so each shorter running total paints over the one before: stacked bars.
  const barSeries: uPlot.Series[] = [...QUAD_ORDER]
    .map((q, i) => ({ q, i }))
    .reverse()
    .map(({ q }) => ({
      label: QUAD_LABELS[q],
      scale: 'y',
      fill: QUAD_COLORS[q],
      stroke: QUAD_COLORS[q],
      width: 0,
      paths: bars,
      points: { show: false },
    }));
  const options: uPlot.Options = {
    width,
    height: HEIGHT,
    legend: { show: false },
    cursor: {
      y: false,
      points: { show: false },
      drag: { x: false, y: false, setScale: false },
    },
    scales: {
      x: { time: false, range: () => [-0.5, n - 0.5] },
      y: { range: (_u, _min, max) => [0, Math.max(1, Math.ceil(max))] },
      net: { range: () => [-netBound, netBound] },
    },
    axes: [
      {
        ...AXIS,
        grid: { show: false },
        splits: (u) => labelSplits(n, u.bbox.width / devicePixelRatio, labelWidth),
        values: (_u, splits) => splits.map((i) => stacked.labels[i] ?? ''),
      },
      {
        ...AXIS,
        scale: 'y',
        size: 34,
        grid: { stroke: '#eef0f3' },
        incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000],
        values: (_u, splits) => splits.map((v) => String(v)),
      },
      {
        ...AXIS,
        scale: 'net',
        side: 1,
        size: 38,
        grid: { show: false },
        splits: () => [-netBound, 0, netBound],
        values: (_u, splits) => splits.map((v) => signedScore(v)),
      },
    ],
    series: [
      {},
      ...barSeries,
      {
        label: 'net score',
        scale: 'net',
        stroke: NET_COLOR,
        width: 2,
        // A single period has no line to draw: a dot, ringed in white to stand out on its bar.
        points: { show: n === 1, size: 9, width: 2, fill: NET_COLOR, stroke: '#ffffff' },
      },
    ],
    hooks: {
      setCursor: [(u) => onCursor(u.cursor.idx ?? null)],
    },
  };
  const data: uPlot.AlignedData = [stacked.x, ...[...stacked.stacks].reverse(), stacked.net];
  return { options, data };
}

function legend(): HTMLElement {
  return h(
    'ul',
    { class: 'timeline-legend' },
    QUAD_ORDER.map((q) =>
      h(
        'li',
        {},
        h('span', {
          class: 'swatch swatch-bar',
          style: `background:${QUAD_COLORS[q]}`,
          'aria-hidden': 'true',
        }),
        ` ${QUAD_LABELS[q]}`,
      ),
    ),
    h(
      'li',
      {},
      h('span', {
        class: 'swatch swatch-line',
        style: `background:${NET_COLOR}`,
        'aria-hidden': 'true',
      }),
      ' net score (right axis)',
    ),
  );
}

function table(t: Timeline): HTMLElement {
  return h(
    'details',
    { class: 'timeline-table' },
    h('summary', {}, 'Counts by period'),
    h(
      'div',
      { class: 'table-scroll' },
      h(
        'table',
        {},
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            h('th', { scope: 'col' }, 'Period'),
            h('th', { scope: 'col' }, 'Events'),
            QUAD_ORDER.map((q) => h('th', { scope: 'col' }, QUAD_LABELS[q])),
            h('th', { scope: 'col' }, 'Net'),
          ),
        ),
        h(
          'tbody',
          {},
          t.buckets.map((b) =>
            h(
              'tr',
              { 'data-period': b.period },
              h('th', { scope: 'row' }, b.period),
              h('td', { 'data-field': 'events' }, String(b.eventCount)),
              QUAD_ORDER.map((q) => h('td', { 'data-quad': q }, String(b.byQuad[q] ?? 0))),
              h(
                'td',
                { class: b.netScore > 0 ? 'pos' : b.netScore < 0 ? 'neg' : '' },
                signedScore(b.netScore),
              ),
            ),
          ),
        ),
      ),
    ),
  );
}

function draw(body: HTMLElement, subject: string, t: Timeline): void {
  destroyCurrent();
  const readout = h('p', { class: 'timeline-readout' }, describeTimeline(t));
  if (t.buckets.length === 0) {
    replace(body, readout);
    return;
  }
  const plotEl = h('div', {
    class: 'timeline-plot',
    role: 'img',
    'aria-label': `Timeline of ${subject}: ${describeTimeline(t)}`,
    'data-periods': String(t.buckets.length),
  });
  replace(body, legend(), plotEl, readout, table(t));
  const summary = describeTimeline(t);
  const onCursor = (idx: number | null) => {
    const b = idx === null ? undefined : t.buckets[idx];
    replace(readout, b ? describeBucket(b) : summary);
  };
  const width = () => Math.max(200, Math.floor(plotEl.clientWidth || 300));
  const { options, data } = plotOptions(t, width(), onCursor);
  const plot = new uPlot(options, data, plotEl);
  const observer = new ResizeObserver(() => {
    if (!plotEl.isConnected) {
      if (current?.plot === plot) destroyCurrent();
      return;
    }
    if (plotEl.clientWidth > 0 && plot.width !== width()) {
      plot.setSize({ width: width(), height: HEIGHT });
    }
  });
  observer.observe(plotEl);
  current = { plot, observer };
}

/** The timeline section for an actor or a dyad; it loads itself and redraws on a new granularity. */
export function createTimelineChart(ctx: PanelContext, subject: TimelineSubject): HTMLElement {
  const name =
    subject.partner === null
      ? actorName(ctx, subject.actor)
      : `${actorName(ctx, subject.actor)} and ${actorName(ctx, subject.partner)}`;
  const body = h('div', { class: 'timeline-body', 'aria-live': 'polite' });
  const buttons = (['month', 'week'] as const).map((g) =>
    h(
      'button',
      {
        type: 'button',
        class: 'timeline-granularity',
        'data-granularity': g,
        'aria-pressed': String(g === granularity),
      },
      g === 'month' ? 'Month' : 'Week',
    ),
  );
  let seq = 0;
  const load = async () => {
    const mine = ++seq;
    for (const b of buttons)
      b.setAttribute('aria-pressed', String(b.dataset.granularity === granularity));
    const filters = ctx.filters();
    if (matchesNothing(filters)) {
      destroyCurrent();
      replace(body, h('p', { class: 'empty' }, 'No events pass the current filters.'));
      return;
    }
    replace(body, h('p', { class: 'loading' }, 'Loading the timeline…'));
    try {
      const t = await ctx.api.timeline({
        actor: subject.actor,
        partner: subject.partner,
        granularity,
        ...eventFilterQuery(filters),
      });
      if (mine === seq && body.isConnected) draw(body, name, t);
    } catch (err) {
      if (mine !== seq) return;
      replace(
        body,
        h(
          'p',
          { class: 'error' },
          err instanceof ApiRequestError && err.unreachable
            ? 'Timeline unavailable: server unreachable.'
            : 'Timeline unavailable.',
        ),
      );
    }
  };
  for (const b of buttons) {
    b.addEventListener('click', () => {
      granularity = b.dataset.granularity as Granularity;
      void load();
    });
  }
  // Loaded once the section is in the page, so the chart can take the panel's width.
  queueMicrotask(() => void load());
  return h(
    'section',
    { class: 'timeline', 'aria-label': `Timeline of ${name}` },
    h(
      'div',
      { class: 'timeline-head' },
      h('h3', {}, 'Timeline'),
      h('div', { class: 'timeline-switch', role: 'group', 'aria-label': 'Period' }, buttons),
    ),
    body,
  );
}
