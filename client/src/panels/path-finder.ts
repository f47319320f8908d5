// The path finder: two actors, the shortest chain of events between them (GET /api/paths),
// drawn on the graph and listed hop by hop with the events along it.
import { ApiRequestError, type ActorHit, type ApiClient, type Path } from '../api/index.ts';
import { createActorPicker } from './actor-picker.ts';
import { h, replace } from './dom.ts';
import { actorName, type PanelContext } from './context.ts';
import { eventList } from './event-list.ts';
import type { EventRow } from './event-rows.ts';

export interface PathFinder {
  root: HTMLElement;
  /** Runs the search for a pair (used when a link reopens a path). */
  find(from: string, to: string): Promise<void>;
}

export function createPathFinder(
  api: ApiClient,
  ctx: PanelContext,
  onPath: (from: string | null, to: string | null, nodes: string[] | null) => void,
): PathFinder {
  let from: ActorHit | null = null;
  let to: ActorHit | null = null;
  const result = h('div', { class: 'path-result', 'aria-live': 'polite' });
  const fromPicker = createActorPicker({ api, label: 'From', onChoose: (hit) => (from = hit) });
  const toPicker = createActorPicker({ api, label: 'To', onChoose: (hit) => (to = hit) });
  const go = h('button', { type: 'button', id: 'path-go' }, 'Find path');
  const clear = h('button', { type: 'button', id: 'path-clear' }, 'Clear');

  const show = (path: Path, a: string, b: string) => {
    if (!path.found) {
      replace(
        result,
        h(
          'p',
          { class: 'empty' },
          `No path between ${actorName(ctx, a)} and ${actorName(ctx, b)}.`,
        ),
      );
      onPath(a, b, null);
      return;
    }
    onPath(a, b, path.nodes);
    replace(
      result,
      h('p', { class: 'path-chain' }, path.nodes.map((n) => actorName(ctx, n)).join(' — ')),
      h(
        'ol',
        { class: 'hops' },
        path.hops.map((hop) =>
          h(
            'li',
            {},
            h('strong', {}, `${actorName(ctx, hop.from)} — ${actorName(ctx, hop.to)}`),
            ` (${hop.eventCount} event${hop.eventCount === 1 ? '' : 's'})`,
            eventList(
              ctx,
              hop.events.map(({ type, ...e }): EventRow => ({
                ...e,
                eventType: type,
                kind: 'event',
                key: e.id,
              })),
            ),
          ),
        ),
      ),
    );
  };

  const find = async (a: string, b: string) => {
    replace(result, h('p', { class: 'loading' }, 'Searching…'));
    try {
      show(await api.paths(a, b), a, b);
    } catch (err) {
      onPath(null, null, null);
      replace(
        result,
        h(
          'p',
          { class: 'error' },
          err instanceof ApiRequestError
            ? err.unreachable
              ? 'The server cannot be reached.'
              : err.message.replace(/^stancegraph: /, '')
            : 'Path search failed.',
        ),
      );
    }
  };

  go.addEventListener('click', () => {
    const a = from?.id ?? fromPicker.chosen()?.id;
    const b = to?.id ?? toPicker.chosen()?.id;
    if (!a || !b) {
      replace(result, h('p', { class: 'error' }, 'Choose both actors from the suggestions.'));
      return;
    }
    void find(a, b);
  });
  clear.addEventListener('click', () => {
    from = to = null;
    fromPicker.setValue('');
    toPicker.setValue('');
    replace(result);
    onPath(null, null, null);
  });

  return {
    root: h(
      'section',
      { class: 'path-finder', 'aria-labelledby': 'path-heading' },
      h('h2', { id: 'path-heading' }, 'Path finder'),
      fromPicker.root,
      toPicker.root,
      h('div', { class: 'buttons' }, go, clear),
      result,
    ),
    async find(a, b) {
      fromPicker.setValue(actorName(ctx, a));
      toPicker.setValue(actorName(ctx, b));
      from = { id: a } as ActorHit;
      to = { id: b } as ActorHit;
      await find(a, b);
    },
  };
}
