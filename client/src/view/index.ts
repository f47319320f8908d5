// Public face of the view: the sigma instance over the render graph (with camera fitting and
// zoom), the ForceAtlas2 worker that lays it out, the label layer, keyboard use and PNG export.
export {
  createGraphView,
  type GraphView,
  type GraphViewEvents,
  type Spotlight,
  type StanceSigma,
} from './sigma-view.ts';
export type { DrawnLabel } from './label-layer.ts';
export { runLayout, type LayoutHandle } from './layout.ts';
export { exportCanvas, exportPngDataUrl, downloadPng } from './export-png.ts';
export { attachGraphKeyboard, type GraphKeyboard } from './keyboard.ts';
