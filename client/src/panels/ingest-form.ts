// The ingest form: paste an article with title and date, preview what the extractor finds
// (actors and events marked in the text), then add it to the graph; once added, the form empties
// and closes, and the app shows what the article brought.
import {
  ApiRequestError,
  type ApiClient,
  type ArticleInput,
  type Extraction,
  type IngestResult,
} from '../api/index.ts';
import { h, replace } from './dom.ts';
import { renderMarkedText } from './marked-text.ts';
import type { Mark } from './text-marks.ts';

export interface IngestForm {
  dialog: HTMLDialogElement;
  open(): void;
}

function errorText(err: unknown): string {
  if (err instanceof ApiRequestError) {
    return err.unreachable
      ? 'The server cannot be reached.'
      : err.message.replace(/^stancegraph: /, '');
  }
  return 'Something went wrong.';
}

export function extractionMarks(x: Extraction): Mark[] {
  const names = new Map(x.actors.map((a) => [a.id, a.name]));
  return [
    ...x.actors.flatMap((a) =>
      a.mentions.map((m) => ({ start: m.start, end: m.end, kind: `mention`, title: a.name })),
    ),
    ...x.events.map((e) => ({
      start: e.evidence.start,
      end: e.evidence.end,
      kind: `evidence`,
      title: `${names.get(e.source) ?? e.source} ${e.type} ${names.get(e.target) ?? e.target}`,
    })),
  ];
}

export function createIngestForm(
  api: ApiClient,
  onAdded: (r: IngestResult) => Promise<void>,
): IngestForm {
  const field = (id: string, label: string, control: HTMLElement) =>
    h('div', { class: 'field' }, h('label', { for: id }, label), control);
  const title = h('input', { id: 'ingest-title', type: 'text', maxlength: '1000' });
  const published = h('input', { id: 'ingest-date', type: 'date' });
  const source = h('input', { id: 'ingest-source', type: 'text', maxlength: '1000' });
  const text = h('textarea', { id: 'ingest-text', rows: '10', required: true });
  const status = h('p', { class: 'ingest-status', role: 'status', 'aria-live': 'polite' });
  const preview = h('div', { class: 'ingest-preview' });
  const previewBtn = h('button', { type: 'button', id: 'ingest-preview' }, 'Preview');
  const addBtn = h(
    'button',
    { type: 'submit', id: 'ingest-add', class: 'primary' },
    'Add to graph',
  );
  const cancel = h('button', { type: 'button' }, 'Close');
  const form = h(
    'form',
    { method: 'dialog', class: 'ingest-form' },
    h('h2', { id: 'ingest-heading' }, 'Add an article'),
    field('ingest-title', 'Title', title),
    h(
      'div',
      { class: 'row' },
      field('ingest-date', 'Published', published),
      field('ingest-source', 'Source', source),
    ),
    field('ingest-text', 'Article text', text),
    h('div', { class: 'buttons' }, previewBtn, addBtn, cancel),
    status,
    preview,
  );
  const dialog = h('dialog', { class: 'ingest-dialog', 'aria-labelledby': 'ingest-heading' }, form);

  const input = (): ArticleInput | null => {
    if (text.value.trim() === '') {
      replace(status, h('span', { class: 'error' }, 'Paste the article text first.'));
      text.focus();
      return null;
    }
    return {
      text: text.value,
      title: title.value.trim() || null,
      published: published.value || null,
      source: source.value.trim() || null,
    };
  };
  const busy = (on: boolean) => {
    previewBtn.disabled = on;
    addBtn.disabled = on;
  };

  previewBtn.addEventListener('click', async () => {
    const article = input();
    if (!article) return;
    busy(true);
    replace(status, 'Extracting…');
    try {
      const x = await api.preview(article);
      replace(status, `Found ${x.actors.length} actors and ${x.events.length} events.`);
      const body = h('div', { class: 'article-text preview-text' });
      renderMarkedText(body, article.text, extractionMarks(x));
      const names = new Map(x.actors.map((a) => [a.id, a.name]));
      replace(
        preview,
        h('h3', {}, 'Actors'),
        h(
          'ul',
          { class: 'preview-actors' },
          x.actors.map((a) =>
            h(
              'li',
              {},
              h('span', { class: `kind-dot kind-${a.kind}`, 'aria-hidden': 'true' }),
              ` ${a.name} (${a.kind})`,
            ),
          ),
        ),
        h('h3', {}, 'Events'),
        x.events.length
          ? h(
              'ul',
              { class: 'preview-events' },
              x.events.map((e) =>
                h(
                  'li',
                  { class: `pol-${e.polarity}` },
                  `${names.get(e.source) ?? e.source} ${e.type} ${names.get(e.target) ?? e.target}`,
                  e.date ? ` (${e.date})` : '',
                ),
              ),
            )
          : h('p', { class: 'empty' }, 'No events found.'),
        h('h3', {}, 'Text'),
        body,
      );
    } catch (err) {
      replace(status, h('span', { class: 'error' }, `Preview failed: ${errorText(err)}`));
    } finally {
      busy(false);
    }
  });

  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const article = input();
    if (!article) return;
    busy(true);
    replace(status, 'Adding…');
    try {
      const r = await api.ingest(article);
      await onAdded(r);
      form.reset();
      dialog.close();
    } catch (err) {
      replace(status, h('span', { class: 'error' }, `Could not add: ${errorText(err)}`));
    } finally {
      busy(false);
    }
  });
  cancel.addEventListener('click', () => dialog.close());

  return {
    dialog,
    open() {
      replace(status);
      replace(preview);
      dialog.showModal();
      text.focus();
    },
  };
}
