// Export buttons in the sidebar: the graph under the current filters (and ego view) as GEXF,
// GraphML, graphology JSON or the CSV nodes and edges tables, fetched from GET /api/export and
// saved as a file. Every event is an edge, with its evidence and document.
import { ApiRequestError, type ApiClient, type DownloadedFile } from '../api/index.ts';
import { exportQuery, matchesNothing, type ViewState } from '../state/index.ts';
import { h, replace } from './dom.ts';

export interface ExportChoice {
  id: string;
  label: string;
  format: 'gexf' | 'graphml' | 'json' | 'csv';
  table?: 'nodes' | 'edges';
  title: string;
}

export const EXPORT_CHOICES: readonly ExportChoice[] = [
  { id: 'export-gexf', label: 'GEXF', format: 'gexf', title: 'GEXF 1.3 for Gephi, dated events' },
  {
    id: 'export-graphml',
    label: 'GraphML',
    format: 'graphml',
    title: 'GraphML for Gephi and others',
  },
  { id: 'export-json', label: 'JSON', format: 'json', title: 'graphology JSON' },
  {
    id: 'export-csv-nodes',
    label: 'CSV nodes',
    format: 'csv',
    table: 'nodes',
    title: 'the actors as a CSV table',
  },
  {
    id: 'export-csv-edges',
    label: 'CSV edges',
    format: 'csv',
    table: 'edges',
    title: 'the events as a CSV table, with quotes and document ids',
  },
];

/** Saves a fetched file through a temporary object URL and download link. */
export function saveFile(file: DownloadedFile): void {
  const url = URL.createObjectURL(file.blob);
  const a = h('a', { href: url, download: file.fileName, class: 'sr-only' });
  document.body.append(a);
  a.click();
  a.remove();
  // The download has started from the click; the URL is released once it has been read.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function createExportPanel(api: ApiClient, view: () => ViewState): HTMLElement {
  const status = h('p', { class: 'export-status hint', 'aria-live': 'polite' });
  const buttons = EXPORT_CHOICES.map((c) => {
    const b = h('button', { type: 'button', id: c.id, title: `Download ${c.title}` }, c.label);
    b.addEventListener('click', async () => {
      const v = view();
      if (matchesNothing(v.filters)) {
        replace(status, h('span', { class: 'error' }, 'No events pass the current filters.'));
        return;
      }
      b.disabled = true;
      replace(status, `Preparing ${c.label}…`);
      try {
        const file = await api.exportFile(exportQuery(v, c.format, c.table));
        saveFile(file);
        replace(status, `Saved ${file.fileName}.`);
      } catch (err) {
        replace(
          status,
          h(
            'span',
            { class: 'error' },
            err instanceof ApiRequestError
              ? err.unreachable
                ? 'Export failed: server unreachable.'
                : `Export failed: ${err.message.replace(/^stancegraph: /, '')}`
              : 'Export failed.',
          ),
        );
      } finally {
        b.disabled = false;
      }
    });
    return b;
  });
  return h(
    'section',
    { class: 'export', 'aria-labelledby': 'export-heading' },
    h('h2', { id: 'export-heading' }, 'Export'),
    h(
      'p',
      { class: 'hint' },
      'The graph under the current filters and ego view, every event an edge.',
    ),
    h('div', { class: 'export-buttons' }, buttons),
    status,
  );
}
