// A list of events with date, type, direction and the evidence quote; a quote is a button that
// opens the article at that sentence.
import { h } from './dom.ts';
import { actorName, type PanelContext } from './context.ts';
import type { EventRow } from './event-rows.ts';

const LIMIT = 100;

export function eventList(ctx: PanelContext, rows: readonly EventRow[]): HTMLElement {
  if (rows.length === 0) return h('p', { class: 'empty' }, 'No events pass the current filters.');
  const items = rows.slice(0, LIMIT).map((r) =>
    h(
      'li',
      { class: `event event-${r.polarity}`, 'data-event': r.key },
      h(
        'div',
        { class: 'event-head' },
        h('span', { class: 'event-date' }, r.date ?? 'undated'),
        ' ',
        h('span', { class: `event-type pol-${r.polarity}` }, r.eventType),
        r.mode ? h('span', { class: 'event-mode' }, ` (${r.mode})`) : null,
        h(
          'span',
          { class: 'event-conf', title: 'confidence' },
          ` ${Math.round(r.confidence * 100)}%`,
        ),
      ),
      h(
        'div',
        { class: 'event-actors' },
        actorName(ctx, r.source),
        ' → ',
        actorName(ctx, r.target),
      ),
      h(
        'button',
        {
          type: 'button',
          class: 'quote',
          title: 'Open the article at this sentence',
          onclick: () =>
            ctx.openArticle(r.document, { start: r.evidence.start, end: r.evidence.end }),
        },
        `“${r.evidence.quote}”`,
      ),
    ),
  );
  const list = h('ul', { class: 'events' }, items);
  if (rows.length <= LIMIT) return list;
  return h('div', {}, list, h('p', { class: 'more' }, `${rows.length - LIMIT} more not shown`));
}
