// The paths panel in the details area: the shortest chains of actors between two actors (up to the
// few the API gives, shortest first), the one drawn on the graph listed hop by hop with the events
// along it and their evidence sentences, the others ready to be drawn instead; or why there are
// none.
import type { Paths } from '../api/index.ts';
import { h, replace } from './dom.ts';
import { actorName, type PanelContext } from './context.ts';
import { eventList } from './event-list.ts';
import type { EventRow } from './event-rows.ts';

export type PathResult =
  | { from: string; to: string; state: 'searching' }
  /** `shown`: the index of the path drawn on the graph and listed hop by hop. */
  | { from: string; to: string; state: 'found'; paths: Paths['paths']; shown: number }
  | { from: string; to: string; state: 'none' }
  | { from: string; to: string; state: 'failed'; message: string };

type ActorPath = Paths['paths'][number];

export interface PathPanelActions {
  show(index: number): void;
  clear(): void;
}

function actorLink(ctx: PanelContext, id: string): HTMLElement {
  return h(
    'button',
    { type: 'button', class: 'link', onclick: () => ctx.selectActor(id) },
    actorName(ctx, id),
  );
}

const hopsText = (n: number) => `${n} hop${n === 1 ? '' : 's'}`;

function chain(ctx: PanelContext, path: ActorPath): HTMLElement {
  const p = h('p', { class: 'path-chain' });
  path.nodes.forEach((id, i) => {
    if (i > 0) p.append(' — ');
    p.append(actorLink(ctx, id));
  });
  return p;
}

function hopList(ctx: PanelContext, path: ActorPath): HTMLElement {
  return h(
    'ol',
    { class: 'hops' },
    path.hops.map((hop) =>
      h(
        'li',
        { class: 'hop', 'data-hop': `${hop.from}>${hop.to}` },
        h(
          'h4',
          {},
          `${actorName(ctx, hop.from)} — ${actorName(ctx, hop.to)}`,
          ` (${hop.eventCount} event${hop.eventCount === 1 ? '' : 's'})`,
        ),
        eventList(
          ctx,
          hop.events.map(({ type, ...e }): EventRow => ({
            ...e,
            eventType: type,
            kind: 'event',
            key: e.id,
          })),
        ),
        hop.eventCount > hop.events.length
          ? h('p', { class: 'hint' }, `The ${hop.events.length} newest shown.`)
          : null,
      ),
    ),
  );
}

function body(ctx: PanelContext, result: PathResult, actions: PathPanelActions): HTMLElement[] {
  const pair = `${actorName(ctx, result.from)} and ${actorName(ctx, result.to)}`;
  switch (result.state) {
    case 'searching':
      return [h('p', { class: 'loading' }, `Searching for paths between ${pair}…`)];
    case 'none':
      return [h('p', { class: 'empty' }, `No path between ${pair}.`)];
    case 'failed':
      return [h('p', { class: 'error' }, result.message)];
    case 'found': {
      const { paths, shown } = result;
      return [
        h(
          'p',
          { class: 'path-summary' },
          paths.length === 1
            ? 'One path; it is drawn on the graph.'
            : `${paths.length} paths, shortest first; the one drawn on the graph is listed hop by hop.`,
        ),
        ...paths.map((path, i) =>
          h(
            'section',
            {
              class: `path-option${i === shown ? ' shown' : ''}`,
              'data-path': String(i),
              'aria-label': `Path ${i + 1}`,
            },
            h('h3', {}, `Path ${i + 1} · ${hopsText(path.hops.length)}`),
            chain(ctx, path),
            i === shown
              ? hopList(ctx, path)
              : h(
                  'button',
                  { type: 'button', class: 'path-show', onclick: () => actions.show(i) },
                  'Draw this path',
                ),
          ),
        ),
      ];
    }
  }
}

export function renderPathPanel(
  container: HTMLElement,
  ctx: PanelContext,
  result: PathResult,
  actions: PathPanelActions,
): void {
  replace(
    container,
    h(
      'section',
      { class: 'path-panel', 'aria-labelledby': 'path-panel-title' },
      h('h2', { id: 'path-panel-title' }, 'Paths'),
      body(ctx, result, actions),
      h(
        'button',
        { type: 'button', id: 'path-panel-clear', onclick: () => actions.clear() },
        'Clear paths',
      ),
    ),
  );
}
