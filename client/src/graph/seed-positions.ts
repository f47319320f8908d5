// Seeded starting positions: each node's place comes from a hash of its id, so the same graph
// always starts (and, with a deterministic layout, ends) in the same shape.
import { seededRandom } from '../../../server/model/seeded-random.ts';

/** FNV-1a over UTF-16 code units: a small, stable 32-bit string hash. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A point in a disc whose radius grows with the node count, chosen by the id's hash. */
export function seedPosition(id: string, count: number): { x: number; y: number } {
  const rand = seededRandom(hashString(id));
  const radius = 10 * Math.sqrt(Math.max(1, count));
  const angle = rand() * 2 * Math.PI;
  const r = radius * Math.sqrt(rand());
  return { x: r * Math.cos(angle), y: r * Math.sin(angle) };
}
