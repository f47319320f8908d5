// Replies that show evidence quotes: built from the graph, then filled from the store. The graph
// follows the store, so an event whose document was removed in between has no quote any more;
// the reply is then built again at the graph's new version (twice at most), never sent half-filled
// while the graph has already moved on.
import { fillQuotes, type QuoteSource, type Quoted, type StanceGraph } from '../graph/index.ts';

const REBUILDS = 2;

/** The reply `build` makes, its quotes (the items `quotedOf` lists) read from `quotes`. */
export async function quotedReply<T>(
  graph: StanceGraph,
  quotes: QuoteSource,
  build: () => T,
  quotedOf: (reply: T) => readonly Quoted[],
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    const version = graph.version;
    const reply = build();
    const complete = await fillQuotes(quotes, quotedOf(reply));
    if (complete || attempt >= REBUILDS || graph.version === version) return reply;
  }
}
