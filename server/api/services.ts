// The services a route handler may use, wired once per app.
import type { StanceGraph } from '../graph/index.ts';
import type { Store } from '../store/index.ts';
import { DocumentService } from './document-service.ts';
import { GraphService } from './graph-service.ts';

export interface Services {
  graph: GraphService;
  documents: DocumentService;
}

export function createServices(store: Store, graph: StanceGraph): Services {
  return { graph: new GraphService(graph, store), documents: new DocumentService(store, graph) };
}
