// The article viewer: a dialog with the document text rendered as text nodes, the evidence
// sentence marked and scrolled into view, and actor mentions underlined.
import { ApiRequestError, type DocumentCache } from '../api/index.ts';
import { h, replace } from './dom.ts';
import { renderMarkedText } from './marked-text.ts';
import { sourceLink } from './source-link.ts';
import type { Mark } from './text-marks.ts';

export interface ArticleViewer {
  dialog: HTMLDialogElement;
  open(documentId: string, span: { start: number; end: number } | null): Promise<void>;
}

export function createArticleViewer(docs: DocumentCache): ArticleViewer {
  const title = h('h2', { id: 'article-title' }, 'Article');
  const meta = h('p', { class: 'article-meta' });
  const body = h('div', { class: 'article-text', tabindex: '0', 'aria-label': 'Article text' });
  const close = h('button', { type: 'button', class: 'close', 'aria-label': 'Close article' }, '×');
  const dialog = h(
    'dialog',
    { class: 'article-dialog', 'aria-labelledby': 'article-title' },
    h('header', {}, title, close),
    meta,
    body,
  );
  close.addEventListener('click', () => dialog.close());
  let seq = 0;

  return {
    dialog,
    async open(documentId, span) {
      const mine = ++seq;
      replace(title, 'Loading article…');
      replace(meta);
      replace(body, h('p', { class: 'loading' }, 'Loading…'));
      if (!dialog.open) dialog.showModal();
      try {
        const { document: doc, extraction } = await docs.get(documentId);
        if (mine !== seq) return;
        replace(title, doc.title ?? 'Untitled article');
        const link = sourceLink(doc.url);
        replace(
          meta,
          [doc.source, doc.published].filter(Boolean).join(' · '),
          link
            ? [
                ' · ',
                link.kind === 'link'
                  ? h(
                      'a',
                      { href: link.href, rel: 'noopener noreferrer', target: '_blank' },
                      'source',
                    )
                  : h('span', { class: 'source-text', title: 'not an http(s) link' }, link.text),
              ]
            : null,
        );
        const marks: Mark[] = extraction.actors.flatMap((a) =>
          a.mentions.map((m) => ({ start: m.start, end: m.end, kind: 'mention', title: a.name })),
        );
        if (span) marks.push({ start: span.start, end: span.end, kind: 'evidence' });
        const marked = renderMarkedText(body, doc.text, marks);
        const first = marked.find((el) => el.classList.contains('mark-evidence'));
        first?.scrollIntoView({ block: 'center' });
      } catch (err) {
        if (mine !== seq) return;
        replace(title, 'Article unavailable');
        replace(
          body,
          h(
            'p',
            { class: 'error' },
            err instanceof ApiRequestError && err.unreachable
              ? 'The server cannot be reached.'
              : err instanceof ApiRequestError && err.status === 404
                ? 'This article is no longer stored.'
                : 'The article could not be loaded.',
          ),
        );
      }
    },
  };
}
