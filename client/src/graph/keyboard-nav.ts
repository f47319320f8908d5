// Keyboard movement between actors on the graph: from the current actor, the arrow keys go to the
// nearest visible actor in that direction (viewport pixels, y downwards), as spatial navigation
// does on a TV remote; Page Down/Up step through every actor by activity, so none is out of
// reach; with no current actor, the most active one comes first.

export type Direction = 'left' | 'right' | 'up' | 'down';

export interface NavPoint {
  x: number;
  y: number;
  /** Ties and the starting actor go to the most active. */
  weight: number;
}

const VECTORS: Record<Direction, [number, number]> = {
  left: [-1, 0],
  right: [1, 0],
  up: [0, -1],
  down: [0, 1],
};

/** The most active actor (ties by id), or null when none is visible. */
export function startNode(points: ReadonlyMap<string, NavPoint>): string | null {
  let best: string | null = null;
  for (const [id, p] of points) {
    const b = best === null ? null : points.get(best)!;
    if (b === null || p.weight > b.weight || (p.weight === b.weight && id < best!)) best = id;
  }
  return best;
}

/** Actors by activity (most active first, ties by id): the Page Down/Up order. */
export function activityOrder(points: ReadonlyMap<string, NavPoint>): string[] {
  return [...points.keys()].sort((a, b) => {
    const d = points.get(b)!.weight - points.get(a)!.weight;
    return d !== 0 ? d : a < b ? -1 : a > b ? 1 : 0;
  });
}

/** The next (delta 1) or previous (-1) actor in activity order, wrapping around. */
export function stepNode(
  points: ReadonlyMap<string, NavPoint>,
  from: string | null,
  delta: 1 | -1,
): string | null {
  const order = activityOrder(points);
  if (order.length === 0) return null;
  const i = from === null ? -1 : order.indexOf(from);
  if (i === -1) return order[0]!;
  return order[(i + delta + order.length) % order.length]!;
}

/**
 * The actor to move to from `from` in a direction: among actors ahead (within 60° either side of
 * the direction, else anywhere in that half-plane), the one with the least distance, counting
 * sideways offset double. Null when nothing lies that way.
 */
export function nextNode(
  points: ReadonlyMap<string, NavPoint>,
  from: string | null,
  dir: Direction,
): string | null {
  const origin = from === null ? undefined : points.get(from);
  if (!origin) return startNode(points);
  const [dx, dy] = VECTORS[dir];
  const pick = (cone: boolean) => {
    let best: string | null = null;
    let bestScore = Infinity;
    for (const [id, p] of points) {
      if (id === from) continue;
      const vx = p.x - origin.x;
      const vy = p.y - origin.y;
      const ahead = vx * dx + vy * dy;
      const side = Math.abs(vx * dy - vy * dx);
      // tan(60°) ≈ 1.73: anything further sideways belongs to another direction first.
      if (ahead <= 0 || (cone && side > ahead * 1.73)) continue;
      const score = ahead + 2 * side;
      if (score < bestScore || (score === bestScore && best !== null && id < best)) {
        best = id;
        bestScore = score;
      }
    }
    return best;
  };
  return pick(true) ?? pick(false);
}
