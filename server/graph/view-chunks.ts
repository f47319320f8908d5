// A graph view serialised as JSON in chunks of a few hundred nodes or edges, so a reply can be
// measured against a size bound before anything is sent, and then streamed chunk by chunk.
import type { SubgraphExport } from './subgraph.ts';

/** Thrown when a view would serialise to more than its bound. */
export class ViewTooLargeError extends Error {
  constructor(
    readonly bytes: number,
    readonly maxBytes: number,
  ) {
    super(`the graph view is over ${maxBytes} bytes (${bytes} bytes so far)`);
    this.name = 'ViewTooLargeError';
  }
}

export interface ViewChunks {
  chunks: string[];
  /** UTF-8 length of all chunks together. */
  bytes: number;
}

const ITEMS_PER_CHUNK = 500;

/**
 * The view's JSON (the same text JSON.stringify gives) as a list of chunks. `check` runs after
 * each chunk (a time budget); past `maxBytes` it stops with ViewTooLargeError.
 */
export function viewChunks(view: SubgraphExport, maxBytes: number, check?: () => void): ViewChunks {
  const chunks: string[] = [];
  let bytes = 0;
  const push = (text: string) => {
    bytes += Buffer.byteLength(text, 'utf8');
    if (bytes > maxBytes) throw new ViewTooLargeError(bytes, maxBytes);
    chunks.push(text);
    check?.();
  };
  const list = (items: readonly unknown[]) => {
    for (let i = 0; i < items.length; i += ITEMS_PER_CHUNK) {
      const part = items.slice(i, i + ITEMS_PER_CHUNK).map((x) => JSON.stringify(x));
      push((i === 0 ? '' : ',') + part.join(','));
    }
  };
  push(
    `{"attributes":${JSON.stringify(view.attributes)},` +
      `"options":${JSON.stringify(view.options)},"nodes":[`,
  );
  list(view.nodes);
  push('],"edges":[');
  list(view.edges);
  push(']}');
  return { chunks, bytes };
}
