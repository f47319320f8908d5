// Word statistics the name finder was trained with, stored in its model file: lowercase words
// that occur in lowercase in ordinary text ("common" words, so a capitalised "Police" at the start
// of a sentence looks like the common word it is), and a usage profile of proper nouns read from
// unlabelled treebank text: used as a given name (first word of a flat name), as a family name
// (last word of one), after a place preposition ("in Houston"), or beside person cues ("Mr. X",
// "X said"). Words are kept as seeded 32-bit hashes of their lowercase form.
import { hashString } from '../learn/index.ts';

/** Usage bits of a proper noun. */
export const USED_AS = {
  given: 1,
  family: 2,
  locative: 4,
  personContext: 8,
  proper: 16,
} as const;

/** Hash of a lowercase word for these lists (shared by training and inference). */
export function wordStatHash(lower: string): number {
  return hashString(lower, 0x6e616d65);
}

export class WordStats {
  readonly common: ReadonlySet<number>;
  readonly profile: ReadonlyMap<number, number>;

  constructor(common: ReadonlySet<number>, profile: ReadonlyMap<number, number> = new Map()) {
    this.common = common;
    this.profile = profile;
  }

  /** No statistics: the model then learns without these features. */
  static empty(): WordStats {
    return new WordStats(new Set(), new Map());
  }

  isCommon(lower: string): boolean {
    return this.common.has(wordStatHash(lower));
  }

  /** USED_AS bits of a lowercase word (0 when unknown). */
  usage(lower: string): number {
    return this.profile.get(wordStatHash(lower)) ?? 0;
  }

  /** Typed arrays for the model file, in a deterministic order. */
  toArrays(): { common: Uint32Array; profileKeys: Uint32Array; profileBits: Uint8Array } {
    const keys = [...this.profile.keys()].sort((a, b) => a - b);
    return {
      common: Uint32Array.from([...this.common].sort((a, b) => a - b)),
      profileKeys: Uint32Array.from(keys),
      profileBits: Uint8Array.from(keys.map((k) => this.profile.get(k) ?? 0)),
    };
  }

  static fromArrays(common: Uint32Array, keys: Uint32Array, bits: Uint8Array): WordStats {
    if (keys.length !== bits.length) throw new Error('names: inconsistent word profile');
    const profile = new Map<number, number>();
    keys.forEach((k, i) => profile.set(k, bits[i]));
    return new WordStats(new Set(common), profile);
  }
}
