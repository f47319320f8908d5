// A small cache of score rows under integer keys (open addressing on typed arrays, bounded: it
// starts afresh when half full), for sums the name finder computes once per combination of values.
/**
 * Rows of integer scores for keys below 2^30, filled by the caller on first use: an
 * open-addressing table that starts afresh when half full.
 */
export class RowCache {
  private readonly keys: Int32Array;
  readonly rows: Int32Array;
  private readonly mask: number;
  private used = 0;

  /** `slots` a power of two; `width` numbers per row. */
  constructor(
    slots: number,
    private readonly width: number,
  ) {
    this.keys = new Int32Array(slots).fill(-1);
    this.rows = new Int32Array(slots * width);
    this.mask = slots - 1;
  }

  /** Offset of the key's row, or -1 when absent. */
  find(key: number): number {
    const keys = this.keys;
    let slot = (Math.imul(key, 0x9e3779b1) >>> 0) & this.mask;
    for (;;) {
      const k = keys[slot];
      if (k === key) return slot * this.width;
      if (k === -1) return -1;
      slot = (slot + 1) & this.mask;
    }
  }

  /** A zeroed row for an absent key (the table starts afresh when half full); its offset. */
  insert(key: number): number {
    if (2 * this.used >= this.keys.length) {
      this.keys.fill(-1);
      this.used = 0;
    }
    const keys = this.keys;
    let slot = (Math.imul(key, 0x9e3779b1) >>> 0) & this.mask;
    while (keys[slot] !== -1) slot = (slot + 1) & this.mask;
    keys[slot] = key;
    this.used++;
    const at = slot * this.width;
    this.rows.fill(0, at, at + this.width);
    return at;
  }
}
