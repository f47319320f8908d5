// The edge panel: the events behind one drawn edge (a dyad, or a single event), with evidence, and
// the timeline of the pair (both directions).
import type { RenderGraph } from '../graph/index.ts';
import { h, replace } from './dom.ts';
import { actorName, type PanelContext } from './context.ts';
import { eventList } from './event-list.ts';
import { eventRows } from './event-rows.ts';
import { createTimelineChart } from './timeline-chart.ts';

export function renderEdgePanel(
  container: HTMLElement,
  ctx: PanelContext,
  render: RenderGraph,
  edge: string,
): void {
  if (!render.hasEdge(edge)) {
    replace(container, h('p', { class: 'empty' }, 'That relation is no longer in the graph.'));
    return;
  }
  const attrs = render.getEdgeAttributes(edge);
  const source = render.source(edge);
  const target = render.target(edge);
  const rows = eventRows(ctx.data(), attrs.events, ctx.filters());
  replace(
    container,
    h(
      'section',
      { class: 'edge-panel' },
      h(
        'h2',
        {},
        h(
          'button',
          { type: 'button', class: 'link', onclick: () => ctx.selectActor(source) },
          actorName(ctx, source),
        ),
        ' → ',
        h(
          'button',
          { type: 'button', class: 'link', onclick: () => ctx.selectActor(target) },
          actorName(ctx, target),
        ),
      ),
      attrs.role === 'affiliation'
        ? h('p', {}, `Affiliation: ${attrs.label}`)
        : [
            createTimelineChart(ctx, { actor: source, partner: target }),
            h('h3', {}, `Events (${rows.length})`),
            eventList(ctx, rows),
          ],
    ),
  );
}
