// Where the camera goes to show a set of actors whole: the centre of their bounding box and the
// zoom ratio at which it fits the viewport with a margin, in sigma's framed-graph coordinates.

export interface CameraTarget {
  x: number;
  y: number;
  ratio: number;
}

export interface FitOptions {
  /** Viewport size in CSS pixels. */
  viewport: { width: number; height: number };
  /** Framed-graph units one pixel spans at camera ratio 1. */
  unitsPerPixel: number;
  /** Pixels kept free on every side (node discs and labels). */
  margin: number;
  /** The closest zoom a fit goes to, so one actor alone is not blown up. */
  minRatio: number;
}

/** The camera state framing the points, or null when there are none. */
export function fitCamera(
  points: readonly { x: number; y: number }[],
  opts: FitOptions,
): CameraTarget | null {
  if (points.length === 0 || !(opts.unitsPerPixel > 0)) return null;
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  for (const p of points) {
    minX = Math.min(minX, p.x);
    maxX = Math.max(maxX, p.x);
    minY = Math.min(minY, p.y);
    maxY = Math.max(maxY, p.y);
  }
  const width = Math.max(1, opts.viewport.width - 2 * opts.margin) * opts.unitsPerPixel;
  const height = Math.max(1, opts.viewport.height - 2 * opts.margin) * opts.unitsPerPixel;
  return {
    x: (minX + maxX) / 2,
    y: (minY + maxY) / 2,
    ratio: Math.max(opts.minRatio, (maxX - minX) / width, (maxY - minY) / height),
  };
}
