// Which node labels to draw so they do not pile up: a greedy pass over label boxes in viewport
// pixels, forced labels first, then bigger (more active) actors, each kept only if it overlaps
// no label already kept; and where a box goes so it stays inside the canvas.

export interface LabelBox {
  key: string;
  x: number;
  y: number;
  width: number;
  height: number;
  /** Higher wins a contested place (the node's drawn size). */
  priority: number;
  /** Hovered, selected or on a path: always drawn. */
  forced: boolean;
}

function overlaps(a: LabelBox, b: LabelBox): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** Deterministic order: forced, then priority, then key. */
function compare(a: LabelBox, b: LabelBox): number {
  if (a.forced !== b.forced) return a.forced ? -1 : 1;
  if (a.priority !== b.priority) return b.priority - a.priority;
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

/** The labels to draw, in drawing order. Forced labels are always kept. */
export function placeLabels<T extends LabelBox>(boxes: readonly T[]): T[] {
  const kept: T[] = [];
  for (const box of [...boxes].sort(compare)) {
    if (box.forced || !kept.some((k) => overlaps(k, box))) kept.push(box);
  }
  return kept;
}

/**
 * The box moved so the whole label lies inside the canvas: a label that would run past the right
 * edge goes to the node's left instead, and any box still sticking out is slid back in.
 */
export function keepInside<T extends LabelBox>(
  box: T,
  node: { x: number; size: number },
  canvas: { width: number; height: number },
): T {
  let x = box.x;
  if (x + box.width > canvas.width) {
    const left = node.x - node.size - 2 - box.width;
    x = left >= 0 ? left : canvas.width - box.width;
  }
  x = Math.max(0, Math.min(x, canvas.width - box.width));
  const y = Math.max(0, Math.min(box.y, canvas.height - box.height));
  return x === box.x && y === box.y ? box : { ...box, x, y };
}

/** sigma's label-grid settings by graph size: small graphs offer every label to placeLabels. */
export function labelSettings(order: number): {
  labelDensity: number;
  labelGridCellSize: number;
  labelRenderedSizeThreshold: number;
} {
  if (order <= 150) {
    return { labelDensity: 4, labelGridCellSize: 60, labelRenderedSizeThreshold: 5 };
  }
  // Many actors: only the most active per cell are candidates, which bounds the work per frame.
  return { labelDensity: 1.5, labelGridCellSize: 100, labelRenderedSizeThreshold: 7 };
}
