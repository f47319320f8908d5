// The arc-hybrid transition system with the root at the end of the buffer, on typed arrays:
// SHIFT moves the buffer front onto the stack; LEFT-l makes the buffer front the head of the
// stack top; RIGHT-l makes the second stack item the head of the stack top. The root (index n)
// takes exactly one dependent, labelled `root`. Also the static and dynamic oracles.
//
// Actions are numbered 0 = SHIFT, 1 + l = LEFT with label l, 1 + L + l = RIGHT with label l.

export const SHIFT = 0;

export class ParseState {
  /** Number of words; index n is the root. */
  n = 0;
  nLabels: number;
  rootLabel: number;
  stack: Int32Array;
  sp = 0;
  /** Buffer front; the buffer is b..n-1 followed by the root n. */
  b = 0;
  heads: Int32Array;
  labels: Int32Array;
  /** Leftmost and second-leftmost, rightmost and second-rightmost dependents (-1: none). */
  lc1: Int32Array;
  lc2: Int32Array;
  rc1: Int32Array;
  rc2: Int32Array;
  nLeft: Int32Array;
  nRight: Int32Array;
  /** Bit sets of the labels of left and right dependents (label id mod 31). */
  leftLabels: Int32Array;
  rightLabels: Int32Array;

  constructor(nLabels: number, rootLabel: number, capacity = 64) {
    this.nLabels = nLabels;
    this.rootLabel = rootLabel;
    this.stack = new Int32Array(capacity + 1);
    this.heads = new Int32Array(capacity + 1);
    this.labels = new Int32Array(capacity + 1);
    this.lc1 = new Int32Array(capacity + 1);
    this.lc2 = new Int32Array(capacity + 1);
    this.rc1 = new Int32Array(capacity + 1);
    this.rc2 = new Int32Array(capacity + 1);
    this.nLeft = new Int32Array(capacity + 1);
    this.nRight = new Int32Array(capacity + 1);
    this.leftLabels = new Int32Array(capacity + 1);
    this.rightLabels = new Int32Array(capacity + 1);
  }

  get nActions(): number {
    return 1 + 2 * this.nLabels;
  }

  /** Starts a sentence of n words (arrays grow when needed). */
  reset(n: number): void {
    this.ensure(n);
    this.n = n;
    this.sp = 0;
    this.b = 0;
    this.heads.fill(-1, 0, n + 1);
    this.labels.fill(-1, 0, n + 1);
    this.lc1.fill(-1, 0, n + 1);
    this.lc2.fill(-1, 0, n + 1);
    this.rc1.fill(-1, 0, n + 1);
    this.rc2.fill(-1, 0, n + 1);
    this.nLeft.fill(0, 0, n + 1);
    this.nRight.fill(0, 0, n + 1);
    this.leftLabels.fill(0, 0, n + 1);
    this.rightLabels.fill(0, 0, n + 1);
  }

  /** Grows the arrays to hold n words and the root (their contents are then undefined). */
  private ensure(n: number): void {
    if (n + 1 > this.stack.length) {
      let size = this.stack.length;
      while (size < n + 1) size *= 2;
      this.stack = new Int32Array(size);
      this.heads = new Int32Array(size);
      this.labels = new Int32Array(size);
      this.lc1 = new Int32Array(size);
      this.lc2 = new Int32Array(size);
      this.rc1 = new Int32Array(size);
      this.rc2 = new Int32Array(size);
      this.nLeft = new Int32Array(size);
      this.nRight = new Int32Array(size);
      this.leftLabels = new Int32Array(size);
      this.rightLabels = new Int32Array(size);
    }
  }

  /** Makes this state a copy of `src` (same label set), growing the arrays when needed. */
  copyFrom(src: ParseState): void {
    const n = src.n;
    this.ensure(n);
    this.n = n;
    this.sp = src.sp;
    this.b = src.b;
    for (let i = 0; i < src.sp; i++) this.stack[i] = src.stack[i];
    // Element loops: a few dozen entries each, cheaper than making subarray views.
    for (let i = 0; i <= n; i++) {
      this.heads[i] = src.heads[i];
      this.labels[i] = src.labels[i];
      this.lc1[i] = src.lc1[i];
      this.lc2[i] = src.lc2[i];
      this.rc1[i] = src.rc1[i];
      this.rc2[i] = src.rc2[i];
      this.nLeft[i] = src.nLeft[i];
      this.nRight[i] = src.nRight[i];
      this.leftLabels[i] = src.leftLabels[i];
      this.rightLabels[i] = src.rightLabels[i];
    }
  }

  isTerminal(): boolean {
    return this.sp === 0 && this.b === this.n;
  }

  canShift(): boolean {
    return this.b < this.n;
  }

  /** LEFT is allowed with any non-root label when the front is a word, with `root` at the root. */
  canLeft(): boolean {
    return this.sp >= 1 && (this.b < this.n || this.sp === 1);
  }

  canRight(): boolean {
    return this.sp >= 2;
  }

  isLegal(action: number): boolean {
    if (action === SHIFT) return this.canShift();
    const L = this.nLabels;
    if (action <= L) {
      if (!this.canLeft()) return false;
      const toRoot = this.b === this.n;
      return (action - 1 === this.rootLabel) === toRoot;
    }
    return this.canRight() && action - 1 - L !== this.rootLabel && action < 1 + 2 * L;
  }

  apply(action: number): void {
    const L = this.nLabels;
    if (action === SHIFT) {
      this.stack[this.sp++] = this.b++;
    } else if (action <= L) {
      const d = this.stack[--this.sp];
      this.attach(this.b, d, action - 1);
    } else {
      const d = this.stack[--this.sp];
      this.attach(this.stack[this.sp - 1], d, action - 1 - L);
    }
  }

  private attach(h: number, d: number, label: number): void {
    this.heads[d] = h;
    this.labels[d] = label;
    const bit = 1 << (label % 31);
    if (d < h) {
      this.nLeft[h]++;
      this.leftLabels[h] |= bit;
      if (this.lc1[h] < 0 || d < this.lc1[h]) {
        this.lc2[h] = this.lc1[h];
        this.lc1[h] = d;
      } else if (this.lc2[h] < 0 || d < this.lc2[h]) this.lc2[h] = d;
    } else {
      this.nRight[h]++;
      this.rightLabels[h] |= bit;
      if (this.rc1[h] < 0 || d > this.rc1[h]) {
        this.rc2[h] = this.rc1[h];
        this.rc1[h] = d;
      } else if (this.rc2[h] < 0 || d > this.rc2[h]) this.rc2[h] = d;
    }
  }

  /**
   * Dynamic oracle: writes into costs[a] the number of gold arcs (a wrong label counts as one)
   * that become unreachable by taking action a, or -1 when a is illegal. `goldHeads` uses n for
   * the root; the gold tree must be projective for the costs to be exact.
   */
  costs(goldHeads: Int32Array, goldLabels: Int32Array, costs: Int32Array): void {
    const { n, b, sp, stack, nLabels: L } = this;
    const na = 1 + 2 * L;
    costs.fill(-1, 0, na);
    if (this.canShift()) {
      let c = 0;
      const s0 = sp > 0 ? stack[sp - 1] : -1;
      for (let k = 0; k < sp; k++) {
        const s = stack[k];
        if (goldHeads[s] === b) c++;
        if (goldHeads[b] === s && s !== s0) c++;
      }
      costs[SHIFT] = c;
    }
    if (sp >= 1) {
      const s0 = stack[sp - 1];
      const s1 = sp >= 2 ? stack[sp - 2] : -1;
      let deps = 0;
      for (let d = b; d < n; d++) if (goldHeads[d] === s0) deps++;
      const gh = goldHeads[s0];
      if (this.canLeft()) {
        const base = deps + (gh !== b && (gh === s1 || gh > b) ? 1 : 0);
        for (let l = 0; l < L; l++) {
          if (!this.isLegal(1 + l)) continue;
          costs[1 + l] = base + (gh === b && goldLabels[s0] !== l ? 1 : 0);
        }
      }
      if (this.canRight()) {
        const base = deps + (gh !== s1 && gh >= b ? 1 : 0);
        for (let l = 0; l < L; l++) {
          if (l === this.rootLabel) continue;
          costs[1 + L + l] = base + (gh === s1 && goldLabels[s0] !== l ? 1 : 0);
        }
      }
    }
  }
}

/**
 * The only legal action when there is one (an empty stack must shift; the last word left on the
 * stack with only the root in the buffer must attach to it), else -1. These are the steps where
 * the greedy parser (`bestLegal`) returns the same action whatever the scores, so they are not scored.
 */
export function forcedAction(st: ParseState): number {
  if (st.sp === 0) return SHIFT;
  if (st.sp === 1 && st.b === st.n) return 1 + st.rootLabel;
  return -1;
}

/**
 * Static oracle for a projective gold tree (root = n): LEFT or RIGHT when the stack top has its
 * gold head at the buffer front or below it and has collected all its dependents, else SHIFT.
 */
export function staticOracle(
  st: ParseState,
  goldHeads: Int32Array,
  goldLabels: Int32Array,
): number {
  const { sp, stack, b, n, nLabels: L } = st;
  if (sp >= 1) {
    const s0 = stack[sp - 1];
    let pending = false;
    for (let d = b; d < n && !pending; d++) if (goldHeads[d] === s0) pending = true;
    if (!pending) {
      if (goldHeads[s0] === b && st.canLeft()) return 1 + goldLabels[s0];
      if (sp >= 2 && goldHeads[s0] === stack[sp - 2]) return 1 + L + goldLabels[s0];
    }
  }
  return SHIFT;
}

/**
 * Lifts non-projective arcs (each to its head's head, shortest arc first) until the tree is
 * projective. Heads are 0-based with -1 for the root; returns a new array.
 */
export function projectivize(heads: readonly number[]): number[] {
  const h = heads.slice();
  const n = h.length;
  const dominates = (a: number, d: number): boolean => {
    // True when a is an ancestor of d (or d itself).
    let x = d;
    for (let steps = 0; x >= 0 && steps <= n; steps++) {
      if (x === a) return true;
      x = h[x];
    }
    return false;
  };
  const nonProjective = (d: number): boolean => {
    const head = h[d];
    if (head < 0) return false;
    const lo = Math.min(head, d);
    const hi = Math.max(head, d);
    for (let k = lo + 1; k < hi; k++) if (!dominates(head, k)) return true;
    return false;
  };
  for (let guard = 0; guard < n * n; guard++) {
    let best = -1;
    let bestLen = Infinity;
    for (let d = 0; d < n; d++) {
      if (h[d] < 0) continue;
      const len = Math.abs(h[d] - d);
      if (len < bestLen && nonProjective(d)) {
        best = d;
        bestLen = len;
      }
    }
    if (best < 0) break;
    h[best] = h[h[best]];
  }
  return h;
}

/** True when the tree (0-based heads, -1 root) has no crossing arcs. */
export function isProjective(heads: readonly number[]): boolean {
  const n = heads.length;
  for (let d = 0; d < n; d++) {
    const a1 = Math.min(d, heads[d] < 0 ? n : heads[d]);
    const b1 = Math.max(d, heads[d] < 0 ? n : heads[d]);
    for (let e = 0; e < n; e++) {
      const a2 = Math.min(e, heads[e] < 0 ? n : heads[e]);
      const b2 = Math.max(e, heads[e] < 0 ? n : heads[e]);
      if (a1 < a2 && a2 < b1 && b1 < b2) return false;
    }
  }
  return true;
}
