// Replies that show evidence quotes: built from the graph, then filled from the store. The graph
// follows the store, so an event whose document was removed in between has no quote any more;
// the reply is then built again at the graph's new version (twice at most), never sent half-filled
// while the graph has already moved on.
import { fillQuotes, type QuoteSource, type Quoted, type StanceGraph } from '../graph/index.ts';

const REBUILDS = 2;

/**
 * The reply of `attempt`, made again while it is incomplete (some event no longer stored) and the
 * graph has moved on since the attempt began.
 */
export async function completeReply<T>(
  graph: StanceGraph,
  attempt: () => Promise<{ reply: T; complete: boolean }>,
): Promise<T> {
  for (let n = 0; ; n++) {
    const version = graph.version;
    const { reply, complete } = await attempt();
    if (complete || n >= REBUILDS || graph.version === version) return reply;
  }
}

/** The reply `build` makes, its quotes (the items `quotedOf` lists) read from `quotes`. */
export function quotedReply<T>(
  graph: StanceGraph,
  quotes: QuoteSource,
  build: () => T,
  quotedOf: (reply: T) => readonly Quoted[],
): Promise<T> {
  return completeReply(graph, async () => {
    const reply = build();
    return { reply, complete: await fillQuotes(quotes, quotedOf(reply)) };
  });
}
