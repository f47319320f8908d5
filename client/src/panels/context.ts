// What the panels need from the app: the API, the current data and filters, evidence sentences,
// and the actions they can trigger (open an article, select or focus an actor).
import type { ApiClient, SentenceText, Span } from '../api/index.ts';
import type { DataGraph } from '../graph/index.ts';
import type { Filters } from '../state/index.ts';

export interface PanelContext {
  api: ApiClient;
  data(): DataGraph;
  filters(): Filters;
  openArticle(documentId: string, span: Span | null): void;
  /** The whole sentence around an evidence span, from the document's body. */
  sentence(documentId: string, span: Span): Promise<SentenceText>;
  selectActor(id: string): void;
  focusActor(id: string, depth: number): void;
}

export function actorName(ctx: PanelContext, id: string): string {
  const g = ctx.data();
  return g.hasNode(id) ? g.getNodeAttribute(id, 'name') : id;
}
