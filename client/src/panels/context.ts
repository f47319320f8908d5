// What the panels need from the app: the API, the current data and filters, and the actions
// they can trigger (open an article, select or focus an actor).
import type { ApiClient } from '../api/index.ts';
import type { DataGraph } from '../graph/index.ts';
import type { Filters } from '../state/index.ts';

export interface PanelContext {
  api: ApiClient;
  data(): DataGraph;
  filters(): Filters;
  openArticle(documentId: string, span: { start: number; end: number } | null): void;
  selectActor(id: string): void;
  focusActor(id: string, depth: number): void;
}

export function actorName(ctx: PanelContext, id: string): string {
  const g = ctx.data();
  return g.hasNode(id) ? g.getNodeAttribute(id, 'name') : id;
}
