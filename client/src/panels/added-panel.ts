// The summary of an article just added, in the details area: how many actors and events it
// brought, each actor (highlighted in the graph) and its events with their evidence sentences.
import type { IngestResult } from '../api/index.ts';
import { isEvent } from '../graph/index.ts';
import { h, replace } from './dom.ts';
import type { PanelContext } from './context.ts';
import { eventList } from './event-list.ts';
import { eventRows } from './event-rows.ts';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** "5 actors, 3 events": what an extraction holds. */
function addedCounts(r: Pick<IngestResult, 'extraction'>): string {
  return `${plural(r.extraction.actors.length, 'actor')}, ${plural(r.extraction.events.length, 'event')}`;
}

export function renderAddedPanel(
  container: HTMLElement,
  ctx: PanelContext,
  added: IngestResult,
  onDone: () => void,
): void {
  const data = ctx.data();
  const x = added.extraction;
  const keys = data.filterEdges((_k, a) => isEvent(a) && a.document === added.id);
  const rows = eventRows(data, keys, ctx.filters());
  const hiddenByFilters = keys.length - rows.length;
  replace(
    container,
    h(
      'section',
      { class: 'added-panel', 'aria-labelledby': 'added-title' },
      h('h2', { id: 'added-title' }, added.created ? 'Article added' : 'Article already stored'),
      x.document.title ? h('p', { class: 'added-doc-title' }, x.document.title) : null,
      h('p', { class: 'added-counts' }, addedCounts(added)),
      h('p', { class: 'hint' }, 'Its actors and events are highlighted in the graph.'),
      h(
        'div',
        { class: 'buttons' },
        h(
          'button',
          { type: 'button', onclick: () => ctx.openArticle(added.id, null) },
          'Open article',
        ),
        h('button', { type: 'button', id: 'added-done', onclick: onDone }, 'Done'),
      ),
      h('h3', {}, 'Actors'),
      x.actors.length === 0
        ? h('p', { class: 'empty' }, 'No actors found.')
        : h(
            'ul',
            { class: 'added-actors' },
            x.actors.map((a) =>
              h(
                'li',
                { 'data-actor': a.id },
                h('span', { class: `kind-dot kind-${a.kind}`, 'aria-hidden': 'true' }),
                h(
                  'button',
                  { type: 'button', class: 'link', onclick: () => ctx.selectActor(a.id) },
                  a.name,
                ),
                ` ${a.kind}`,
              ),
            ),
          ),
      h('h3', {}, `Events (${rows.length})`),
      hiddenByFilters > 0
        ? h('p', { class: 'hint' }, `${plural(hiddenByFilters, 'event')} hidden by the filters.`)
        : null,
      rows.length === 0 && keys.length === 0
        ? h('p', { class: 'empty' }, 'No events found.')
        : eventList(ctx, rows),
    ),
  );
}
