// Filling a graph from the store: every stored document as the graph needs it, in ingest order,
// a batch at a time (the server at start-up, the change feed, the CLI's exports).
import type { GraphDocument, Store } from './types.ts';

/**
 * Adds every stored document to `graph` through the store's graph read (`thread`: its rows read on
 * a worker thread where the store can, see Store.graphDocuments); returns `graph`.
 */
export async function fillGraph<G extends { addDocument(document: GraphDocument): void }>(
  store: Store,
  graph: G,
  options: { thread?: boolean } = {},
): Promise<G> {
  await store.graphDocuments(
    (batch) => {
      for (const document of batch) graph.addDocument(document);
    },
    { thread: options.thread },
  );
  return graph;
}
