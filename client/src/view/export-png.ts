// Export of the current view as one PNG: sigma's canvas layers drawn in order onto one canvas.
// The render and the read happen in the same task, so WebGL layers still hold their pixels
// without preserveDrawingBuffer.

/** The part of a sigma instance the export needs (any node/edge attribute types). */
export interface Exportable {
  getDimensions(): { width: number; height: number };
  refresh(): unknown;
  getCanvases(): Record<string, HTMLCanvasElement>;
}

const LAYER_ORDER = ['edges', 'nodes', 'edgeLabels', 'labels', 'hovers', 'hoverNodes'];

export function exportCanvas(sigma: Exportable, background = '#ffffff'): HTMLCanvasElement {
  const { width, height } = sigma.getDimensions();
  const ratio = window.devicePixelRatio || 1;
  const out = document.createElement('canvas');
  out.width = Math.round(width * ratio);
  out.height = Math.round(height * ratio);
  const ctx = out.getContext('2d');
  if (!ctx) throw new Error('stancegraph: 2D canvas unavailable for export');
  ctx.fillStyle = background;
  ctx.fillRect(0, 0, out.width, out.height);
  sigma.refresh();
  const canvases = sigma.getCanvases();
  for (const layer of LAYER_ORDER) {
    const c = canvases[layer];
    if (c) ctx.drawImage(c, 0, 0, out.width, out.height);
  }
  return out;
}

export function exportPngDataUrl(sigma: Exportable): string {
  return exportCanvas(sigma).toDataURL('image/png');
}

/** Saves the view through a temporary download link. */
export function downloadPng(sigma: Exportable, filename = 'stancegraph.png'): void {
  const a = document.createElement('a');
  a.href = exportPngDataUrl(sigma);
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
}
