// An open-addressing hash table from 32-bit keys to non-negative int32 values on typed arrays:
// the feature lookup of the perceptron (training and inference), with no per-entry objects.

export class HashIndex {
  private keys: Uint32Array;
  private vals: Int32Array;
  private mask: number;
  /** Number of stored keys. */
  size = 0;

  constructor(capacity = 1024) {
    let n = 16;
    while (n < capacity * 2) n *= 2;
    this.keys = new Uint32Array(n);
    this.vals = new Int32Array(n).fill(-1);
    this.mask = n - 1;
  }

  /** Value stored for `key`, or -1. */
  get(key: number): number {
    const keys = this.keys;
    const vals = this.vals;
    const mask = this.mask;
    let slot = key & mask;
    for (;;) {
      const v = vals[slot];
      if (v < 0) return -1;
      if (keys[slot] === key >>> 0) return v;
      slot = (slot + 1) & mask;
    }
  }

  /** Stores `value` (>= 0) for `key`, replacing any earlier value. */
  set(key: number, value: number): void {
    if ((this.size + 1) * 10 > this.keys.length * 7) this.grow();
    const k = key >>> 0;
    let slot = k & this.mask;
    for (;;) {
      const v = this.vals[slot];
      if (v < 0) {
        this.keys[slot] = k;
        this.vals[slot] = value;
        this.size++;
        return;
      }
      if (this.keys[slot] === k) {
        this.vals[slot] = value;
        return;
      }
      slot = (slot + 1) & this.mask;
    }
  }

  private grow(): void {
    const oldKeys = this.keys;
    const oldVals = this.vals;
    const n = oldKeys.length * 2;
    this.keys = new Uint32Array(n);
    this.vals = new Int32Array(n).fill(-1);
    this.mask = n - 1;
    this.size = 0;
    for (let i = 0; i < oldKeys.length; i++) {
      if (oldVals[i] >= 0) this.set(oldKeys[i], oldVals[i]);
    }
  }
}
