// Feature hashing: a fast 32-bit string hash and mixing of numeric ids, so feature templates can be
// combined from pre-hashed parts (word hashes computed once per token) without building strings.

/**
 * The multipliers and addend of hashMix and hashFinish, shared with the WebAssembly scorer, which
 * computes the same chain (wasm-scorer.ts).
 */
export const MIX_C1 = 0xcc9e2d51;
export const MIX_C2 = 0x1b873593;
export const MIX_ADD = 0xe6546b64;
export const FINISH_1 = 0x85ebca6b;
export const FINISH_2 = 0xc2b2ae35;

/** Final avalanche step (from the murmur family of constructions): spreads every input bit. */
export function hashFinish(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, FINISH_1);
  h ^= h >>> 13;
  h = Math.imul(h, FINISH_2);
  h ^= h >>> 16;
  return h >>> 0;
}

/** 32-bit hash of a string's UTF-16 code units (FNV-1a over code units, then an avalanche). */
export function hashString(s: string, seed = 0): number {
  return hashRange(s, 0, s.length, seed);
}

/** Same value as `hashString(s.slice(from, to), seed)` without building the substring. */
export function hashRange(s: string, from: number, to: number, seed = 0): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = from; i < to; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return hashFinish(h ^ (to - from));
}

/** Mixes one 32-bit value into a running hash (order-sensitive). Finish with {@link hashFinish}. */
export function hashMix(h: number, x: number): number {
  let k = Math.imul(x | 0, MIX_C1);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, MIX_C2);
  h ^= k;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + MIX_ADD) | 0;
}

/** Feature id for a template number and one value. */
export function feat1(template: number, a: number): number {
  return hashFinish(hashMix(hashMix(0x9747b28c, template), a));
}

/** Feature id for a template number and two values. */
export function feat2(template: number, a: number, b: number): number {
  return hashFinish(hashMix(hashMix(hashMix(0x9747b28c, template), a), b));
}

/** Feature id for a template number and three values. */
export function feat3(template: number, a: number, b: number, c: number): number {
  return hashFinish(hashMix(hashMix(hashMix(hashMix(0x9747b28c, template), a), b), c));
}

/** Feature id for a template number and four values. */
export function feat4(template: number, a: number, b: number, c: number, d: number): number {
  return hashFinish(hashMix(hashMix(hashMix(hashMix(hashMix(0x9747b28c, template), a), b), c), d));
}

/**
 * Running hash after a template number. The feature ids above are a chain of mixes from a fixed
 * start, so a caller with fixed templates can mix each template once up front:
 * `featWith2(featPrefix(t), a, b) === feat2(t, a, b)`, and likewise for one, three or four values.
 */
export function featPrefix(template: number): number {
  return hashMix(0x9747b28c, template);
}

/** Same value as `feat1(t, a)` given `prefix = featPrefix(t)`. */
export function featWith1(prefix: number, a: number): number {
  return hashFinish(hashMix(prefix, a));
}

/** Same value as `feat2(t, a, b)` given `prefix = featPrefix(t)`. */
export function featWith2(prefix: number, a: number, b: number): number {
  return hashFinish(hashMix(hashMix(prefix, a), b));
}

/** Same value as `feat3(t, a, b, c)` given `prefix = featPrefix(t)`. */
export function featWith3(prefix: number, a: number, b: number, c: number): number {
  return hashFinish(hashMix(hashMix(hashMix(prefix, a), b), c));
}

/** Same value as `feat4(t, a, b, c, d)` given `prefix = featPrefix(t)`. */
export function featWith4(prefix: number, a: number, b: number, c: number, d: number): number {
  return hashFinish(hashMix(hashMix(hashMix(hashMix(prefix, a), b), c), d));
}
