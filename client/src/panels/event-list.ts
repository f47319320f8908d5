// A list of events with date, type, direction and the evidence: the whole sentence with the
// evidence span marked (the span alone until the document's sentences arrive, fetched once the row
// comes into view); the sentence is a button that opens the article there. An imported event has
// no sentence: it names the file and row it came from instead, and the button opens the file at
// that row.
import { h } from './dom.ts';
import { actorName, type PanelContext } from './context.ts';
import type { EventRow } from './event-rows.ts';
import { renderMarkedText } from './marked-text.ts';
import { safeUrl } from './source-link.ts';
import { whenVisible } from './when-visible.ts';

const LIMIT = 100;

/** "imported from events.csv, row 12": where an imported event came from. */
export function provenanceText(origin: { file: string; row: number }): string {
  return `imported from ${origin.file}, row ${origin.row}`;
}

function originButton(ctx: PanelContext, r: EventRow, origin: NonNullable<EventRow['origin']>) {
  const { start, end } = r.evidence;
  const text = provenanceText(origin);
  const url = safeUrl(origin.url);
  return h(
    'div',
    { class: 'provenance' },
    h(
      'button',
      {
        type: 'button',
        class: 'quote imported',
        title: 'Open the imported file at this row',
        onclick: () => ctx.openArticle(r.document, { start, end }),
      },
      text.charAt(0).toUpperCase() + text.slice(1),
    ),
    url
      ? h(
          'a',
          { href: url, target: '_blank', rel: 'noopener noreferrer', class: 'source-link' },
          'source',
        )
      : null,
  );
}

function evidenceButton(ctx: PanelContext, r: EventRow): HTMLElement {
  if (r.origin) return originButton(ctx, r, r.origin);
  const { start, end, quote } = r.evidence;
  const text = h('span', { class: 'sentence' }, h('mark', { class: 'mark-evidence' }, quote));
  const button = h(
    'button',
    {
      type: 'button',
      class: 'quote',
      title: 'Open the article at this sentence',
      onclick: () => ctx.openArticle(r.document, { start, end }),
    },
    '“',
    text,
    '”',
  );
  whenVisible(button, () => {
    ctx.sentence(r.document, { start, end }).then(
      (s) =>
        renderMarkedText(text, s.text, [
          { start: start - s.start, end: end - s.start, kind: 'evidence' },
        ]),
      // The marked span stays as it is when the article cannot be fetched.
      () => {},
    );
  });
  return button;
}

export function eventList(ctx: PanelContext, rows: readonly EventRow[]): HTMLElement {
  if (rows.length === 0) return h('p', { class: 'empty' }, 'No events pass the current filters.');
  const items = rows
    .slice(0, LIMIT)
    .map((r) =>
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
        evidenceButton(ctx, r),
      ),
    );
  const list = h('ul', { class: 'events' }, items);
  if (rows.length <= LIMIT) return list;
  return h('div', {}, list, h('p', { class: 'more' }, `${rows.length - LIMIT} more not shown`));
}
