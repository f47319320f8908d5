// Public face of the panels: search, filters, legend, actor/edge panels, article viewer, ingest
// form, path finder and token dialog, plus the text-marking helpers they share.
export { h, replace } from './dom.ts';
export { createActorPicker, type ActorPicker } from './actor-picker.ts';
export { createFilterPanel, type FilterPanel } from './filters.ts';
export { createLegend } from './legend.ts';
export { renderActorPanel } from './actor-panel.ts';
export { renderEdgePanel } from './edge-panel.ts';
export { createArticleViewer, type ArticleViewer } from './article-viewer.ts';
export { createIngestForm, extractionMarks, type IngestForm } from './ingest-form.ts';
export { createPathFinder, type PathFinder } from './path-finder.ts';
export { createTokenDialog, type TokenDialog } from './token-dialog.ts';
export { segmentText, type Mark, type Segment } from './text-marks.ts';
export {
  eventRows,
  partnerStances,
  newestFirst,
  type EventRow,
  type PartnerStance,
} from './event-rows.ts';
export type { PanelContext } from './context.ts';
