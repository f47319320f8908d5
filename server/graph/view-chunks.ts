// A graph view serialised as JSON in chunks of about CHUNK_CODE_UNITS (items are joined until a
// chunk reaches it), so a reply can be measured against a size bound before anything is sent, and
// then streamed chunk by chunk. Event edges are written from the view's event keys: each one's
// JSON is taken from the kept fragments where it is current, and otherwise made (its quote read
// from the store) and kept.
import type { EventFragments } from './event-fragments.ts';
import { fillQuotes, type QuoteSource } from './quotes.ts';
import type { StanceGraph } from './stance-graph.ts';
import { eventEdge, type EventRef, type ViewParts } from './subgraph.ts';

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

/**
 * The longest chunk joined from several items, in UTF-16 code units. V8 allocates a string of over
 * about 128 KB among its large objects, and joining one costs about ten times what joining the
 * same text in pieces under that size costs (500 edges of a view at a million events, 230 KB:
 * 1.2 ms against 0.15), so chunks stay well below it.
 */
export const CHUNK_CODE_UNITS = 32 * 1024;

/** Where a view's event edges come from and go. */
export interface ViewSources {
  /** Where quotes are read. */
  quotes: QuoteSource;
  /** Event edges' JSON kept across views, if any. */
  fragments?: EventFragments;
}

/**
 * The JSON text of each event edge, its quote read from the store, kept (when every quote was
 * found) as written at `builtAt`: the graph's version when the refs were taken from it.
 */
export async function writeEventEdges(
  sg: StanceGraph,
  refs: readonly EventRef[],
  builtAt: number,
  sources: ViewSources,
): Promise<{ texts: string[]; complete: boolean }> {
  const made = refs.map((ref) => eventEdge(sg, ref));
  const complete = await fillQuotes(
    sources.quotes,
    made.map((edge) => edge.attributes),
  );
  const texts = made.map((edge) => JSON.stringify(edge));
  if (complete) refs.forEach((ref, i) => sources.fragments?.set(ref.event, builtAt, texts[i]!));
  return { texts, complete };
}

/**
 * The JSON text of each event edge of the view built at `builtAt` (the graph's version when
 * `parts` were made): kept ones as they are, the others made with their quotes read from the
 * store. `complete` is false when some event is no longer stored (its quote is then empty and it
 * is not kept).
 */
async function eventTexts(
  sg: StanceGraph,
  parts: ViewParts,
  builtAt: number,
  sources: ViewSources,
): Promise<{ texts: string[]; complete: boolean }> {
  const { events } = parts;
  const { fragments } = sources;
  const texts = new Array<string>(events.length);
  const missing: number[] = [];
  // Events come pair by pair: when the pair's actors last changed is read once a pair.
  let changedAt = 0;
  for (let i = 0; i < events.length; i++) {
    const ref = events[i]!;
    const previous = events[i - 1];
    if (fragments && (previous?.source !== ref.source || previous.target !== ref.target)) {
      changedAt = fragments.changedAt(ref.source, ref.target);
    }
    const kept = fragments?.get(ref.event, changedAt);
    if (kept === undefined) missing.push(i);
    else texts[i] = kept;
  }
  if (missing.length === 0) return { texts, complete: true };
  const written = await writeEventEdges(
    sg,
    missing.map((i) => events[i]!),
    builtAt,
    sources,
  );
  missing.forEach((i, j) => (texts[i] = written.texts[j]!));
  return { texts, complete: written.complete };
}

/**
 * The view's JSON (the same text JSON.stringify gives the view with its quotes filled in) as a
 * list of chunks. `check` runs after each chunk (a time budget); past `maxBytes` it stops with
 * ViewTooLargeError.
 */
export async function viewChunks(
  sg: StanceGraph,
  parts: ViewParts,
  builtAt: number,
  sources: ViewSources,
  maxBytes: number,
  check?: () => void,
): Promise<{ view: ViewChunks; complete: boolean }> {
  const { texts, complete } = await eventTexts(sg, parts, builtAt, sources);
  const chunks: string[] = [];
  let bytes = 0;
  const push = (text: string) => {
    bytes += Buffer.byteLength(text, 'utf8');
    if (bytes > maxBytes) throw new ViewTooLargeError(bytes, maxBytes);
    chunks.push(text);
    check?.();
  };
  /** The items comma-separated, after an earlier item of the same list when `more`. */
  const list = (items: readonly string[], more = false) => {
    let start = 0;
    let units = 0;
    for (let i = 0; i < items.length; i++) {
      units += items[i]!.length + 1;
      if (units < CHUNK_CODE_UNITS && i + 1 < items.length) continue;
      const part = items.slice(start, i + 1);
      // The separating comma joined in: prefixed to the joined text, it would make a second string,
      // copied flat again when its bytes are counted (a quarter of what a view allocated).
      if (start > 0 || more) part.unshift('');
      push(part.join(','));
      start = i + 1;
      units = 0;
    }
  };
  push(
    `{"attributes":${JSON.stringify(parts.attributes)},` +
      `"options":${JSON.stringify(parts.options)},"nodes":[`,
  );
  list(parts.nodes.map((node) => JSON.stringify(node)));
  push('],"edges":[');
  list(texts);
  list(
    parts.edges.map((edge) => JSON.stringify(edge)),
    texts.length > 0,
  );
  push(']}');
  return { view: { chunks, bytes }, complete };
}
