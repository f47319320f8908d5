// Public face of the view: the sigma instance over the render graph, the ForceAtlas2 worker that
// lays it out, and PNG export.
export {
  createGraphView,
  type GraphView,
  type GraphViewEvents,
  type StanceSigma,
} from './sigma-view.ts';
export { runLayout, type LayoutHandle } from './layout.ts';
export { exportCanvas, exportPngDataUrl, downloadPng } from './export-png.ts';
export { attachGraphKeyboard, type GraphKeyboard } from './keyboard.ts';
