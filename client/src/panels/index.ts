// Public face of the panels: search, filters, ranking, export, legend (with colour by bloc),
// actor/edge/path/added-article panels with the timeline chart, article viewer, ingest form, path
// finder, token dialog, the controls over the graph (camera, actors without events) and the
// narrow-screen drawers, plus the text-marking and data helpers they share.
export { h, replace } from './dom.ts';
export { createActorPicker, type ActorPicker } from './actor-picker.ts';
export { createFilterPanel, type FilterPanel } from './filters.ts';
export { createLegend } from './legend.ts';
export {
  createBlocLegend,
  blocName,
  type BlocLegend,
  type BlocLegendActions,
} from './bloc-legend.ts';
export {
  createRankingPanel,
  formatMeasure,
  MEASURE_LABELS,
  type RankingPanel,
} from './ranking-panel.ts';
export { createExportPanel, saveFile, EXPORT_CHOICES, type ExportChoice } from './export-panel.ts';
export { createTimelineChart, type TimelineSubject } from './timeline-chart.ts';
export {
  stackTimeline,
  describeBucket,
  describeTimeline,
  signedScore,
  QUAD_ORDER,
  type StackedTimeline,
} from './timeline-data.ts';
export { provenanceText } from './event-list.ts';
export { safeUrl, sourceLink, type SourceLink } from './source-link.ts';
export { renderActorPanel } from './actor-panel.ts';
export { renderEdgePanel } from './edge-panel.ts';
export { createArticleViewer, type ArticleViewer } from './article-viewer.ts';
export { createIngestForm, extractionMarks, type IngestForm } from './ingest-form.ts';
export { createPathFinder, type PathFinder, type PathFinderActions } from './path-finder.ts';
export { renderPathPanel, type PathResult } from './path-panel.ts';
export { renderAddedPanel } from './added-panel.ts';
export { createEventlessNote, type EventlessNote } from './eventless-note.ts';
export { createShownNote, type ShownNote } from './shown-note.ts';
export { createCameraControls, type CameraActions } from './camera-controls.ts';
export { createDrawers, type Drawers } from './drawers.ts';
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
