// Public face of the graph view: data and render graphs, the display model and reducers, the
// layout run, camera fitting, histogram and bloc colours. Pure: the sigma view lives in ../view.
export {
  buildDataGraph,
  isEvent,
  type DataGraph,
  type EventEdge,
  type DataNode,
} from './data-graph.ts';
export {
  buildRenderGraph,
  parallelCurvatures,
  dyadEdgeKey,
  eventEdgeKey,
  affiliationEdgeKey,
  type RenderGraph,
  type RenderNode,
  type RenderEdge,
  type Positions,
} from './render-graph.ts';
export {
  computeDisplayModel,
  egoNodes,
  type DisplayModel,
  type EdgeTally,
  type SpotlitDocument,
} from './display-model.ts';
export { eventPasses } from './event-filter.ts';
export {
  activityOrder,
  nextNode,
  startNode,
  stepNode,
  type Direction,
  type NavPoint,
} from './keyboard-nav.ts';
export { fitCamera, type CameraTarget, type FitOptions } from './camera-fit.ts';
export { placeLabels, keepInside, labelSettings, type LabelBox } from './label-placement.ts';
export { reduceNode, reduceEdge, type Interaction } from './reducers.ts';
export {
  blocColoring,
  blocColor,
  BLOC_PALETTE,
  UNALIGNED_COLOR,
  type BlocColoring,
} from './bloc-colors.ts';
export { monthHistogram, eventDates, nextMonth, type MonthBin } from './histogram.ts';
export { seedPosition, hashString } from './seed-positions.ts';
export {
  KIND_COLORS,
  QUIET_KIND_COLORS,
  POLARITY_COLORS,
  AFFILIATION_COLOR,
  nodeColor,
  nodeSize,
  edgeSize,
} from './styles.ts';
export {
  createLayoutRun,
  iterationBudget,
  layoutInput,
  type LayoutInput,
  type LayoutStep,
} from './layout-core.ts';
