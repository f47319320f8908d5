// Filling a graph from the store: every stored document as the graph needs it, in ingest order,
// a batch at a time (the server at start-up, the change feed, the CLI's exports).
import type { GraphDocument, Store } from './types.ts';

/** Adds every stored document to `graph` through the store's graph read; returns `graph`. */
export async function fillGraph<G extends { addDocument(document: GraphDocument): void }>(
  store: Store,
  graph: G,
): Promise<G> {
  await store.graphDocuments((batch) => {
    for (const document of batch) graph.addDocument(document);
  });
  return graph;
}
