// Beam search over arc-hybrid transitions: every hypothesis takes one transition per step (a
// sentence of n words always takes 2n), so the hypotheses of a step compete on the sum of their
// action scores. Each step extends every hypothesis by each legal action and keeps the `width`
// best, ties going to the earlier hypothesis and then the lower action id, so a beam of width 1
// takes the greedy parser's actions. Steps with a single legal action add nothing to the score
// and are not scored (as in the greedy parser). The search keeps, per step, each hypothesis's
// parent and action (to read its transition sequence back for training) and, given a gold tree,
// whether the hypothesis can still reach it (dynamic-oracle cost 0 at every step so far).
import { ParseState, SHIFT, forcedAction } from './transitions.ts';

/** Scores of the actions at a state: entries of its legal actions are read before the next call. */
export type StateScorer = (st: ParseState) => ArrayLike<number>;

export interface GoldTree {
  /** Head per word, n for the root; must be projective. */
  heads: Int32Array;
  labels: Int32Array;
}

export class BeamSearch {
  readonly width: number;
  /** Hypotheses of the current step, best first; `count` of them are live. */
  readonly states: ParseState[];
  scores: Float64Array;
  /** 1 when the hypothesis can still reach the gold tree (only tracked when a gold tree is given). */
  correct: Uint8Array;
  count = 0;
  /** Transitions taken so far. */
  steps = 0;
  /** Spare states for the next step's copies. */
  private readonly next: ParseState[];
  private readonly chosen: ParseState[];
  private readonly spares: ParseState[];
  private readonly kids: Int32Array;
  private nextScores: Float64Array;
  private nextCorrect: Uint8Array;
  // Candidates of a step, best first: parent hypothesis, action and total score.
  private candParent: Int32Array;
  private candAction: Int32Array;
  private candScore: Float64Array;
  private nCand = 0;
  // History: parent and action of hypothesis j after step t at t * width + j.
  private parents = new Int32Array(256);
  private actions = new Int32Array(256);
  private readonly costs: Int32Array;

  /** Hypotheses scoring below the step's best by more than this are dropped. */
  readonly margin: number;

  constructor(nLabels: number, rootLabel: number, width: number, margin = Infinity) {
    if (!(width >= 1 && Number.isInteger(width))) throw new Error('beam: width must be >= 1');
    if (!(margin >= 0)) throw new Error('beam: margin must be >= 0');
    this.width = width;
    this.margin = margin;
    const make = (): ParseState[] =>
      Array.from({ length: width }, () => new ParseState(nLabels, rootLabel));
    this.states = make();
    this.next = make();
    this.chosen = make();
    this.spares = new Array<ParseState>(2 * width);
    this.kids = new Int32Array(width);
    this.scores = new Float64Array(width);
    this.nextScores = new Float64Array(width);
    this.correct = new Uint8Array(width);
    this.nextCorrect = new Uint8Array(width);
    this.candParent = new Int32Array(width);
    this.candAction = new Int32Array(width);
    this.candScore = new Float64Array(width);
    this.costs = new Int32Array(1 + 2 * nLabels);
  }

  /** Starts a sentence of n words with one empty hypothesis (correct by definition). */
  reset(n: number): void {
    this.states[0].reset(n);
    this.scores[0] = 0;
    this.correct[0] = 1;
    this.count = 1;
    this.steps = 0;
  }

  /** True when the hypotheses have parsed the whole sentence (all finish at the same step). */
  isDone(): boolean {
    return this.states[0].isTerminal();
  }

  /** Extends every hypothesis by each legal action and keeps the best `width`. */
  advance(scorer: StateScorer, gold: GoldTree | null = null): void {
    this.nCand = 0;
    for (let i = 0; i < this.count; i++) {
      const st = this.states[i];
      const base = this.scores[i];
      const forced = forcedAction(st);
      if (forced >= 0) {
        this.offer(i, forced, base);
        continue;
      }
      const s = scorer(st);
      // The legal actions in increasing id, as bestLegal reads them.
      if (st.canShift()) this.offer(i, SHIFT, base + s[SHIFT]);
      const L = st.nLabels;
      const root = st.rootLabel;
      if (st.canLeft()) {
        if (st.b === st.n) this.offer(i, 1 + root, base + s[1 + root]);
        else for (let l = 0; l < L; l++) if (l !== root) this.offer(i, 1 + l, base + s[1 + l]);
      }
      if (st.canRight())
        for (let l = 0; l < L; l++) if (l !== root) this.offer(i, 1 + L + l, base + s[1 + L + l]);
    }
    const w = this.width;
    const at = this.steps * w;
    if (at + w > this.parents.length) {
      const grown = new Int32Array(2 * (at + w));
      grown.set(this.parents);
      this.parents = grown;
      const grownActions = new Int32Array(2 * (at + w));
      grownActions.set(this.actions);
      this.actions = grownActions;
    }
    const floor = this.candScore[0] - this.margin;
    while (this.nCand > 1 && this.candScore[this.nCand - 1] < floor) this.nCand--;
    // A hypothesis's last kept extension takes its state over; the others copy it first. States
    // that are not extended, and those of the spare pool, are free for the copies.
    const { kids, states, next, chosen, spares } = this;
    kids.fill(0);
    for (let j = 0; j < this.nCand; j++) kids[this.candParent[j]]++;
    let nSpare = 0;
    for (let i = 0; i < w; i++) {
      spares[nSpare++] = next[i];
      if (i >= this.count || kids[i] === 0) spares[nSpare++] = states[i];
    }
    for (let j = 0; j < this.nCand; j++) {
      const p = this.candParent[j];
      const a = this.candAction[j];
      let ok = 0;
      if (gold && this.correct[p]) {
        states[p].costs(gold.heads, gold.labels, this.costs);
        ok = this.costs[a] === 0 ? 1 : 0;
      }
      let st: ParseState;
      if (--kids[p] === 0) st = states[p];
      else {
        st = spares[--nSpare];
        st.copyFrom(states[p]);
      }
      st.apply(a);
      chosen[j] = st;
      this.nextScores[j] = this.candScore[j];
      this.nextCorrect[j] = ok;
      this.parents[at + j] = p;
      this.actions[at + j] = a;
    }
    for (let j = 0; j < w; j++) states[j] = j < this.nCand ? chosen[j] : spares[--nSpare];
    for (let j = 0; j < w; j++) next[j] = spares[--nSpare];
    [this.scores, this.nextScores] = [this.nextScores, this.scores];
    [this.correct, this.nextCorrect] = [this.nextCorrect, this.correct];
    this.count = this.nCand;
    this.steps++;
  }

  /** True when some live hypothesis can still reach the gold tree. */
  anyCorrect(): boolean {
    for (let i = 0; i < this.count; i++) if (this.correct[i]) return true;
    return false;
  }

  /**
   * The transitions of hypothesis `item` as it stood after step `step` (1-based; default the
   * current step), first transition first.
   */
  actionsOf(item: number, step = this.steps): number[] {
    const out = new Array<number>(step);
    const w = this.width;
    for (let t = step - 1, j = item; t >= 0; t--) {
      out[t] = this.actions[t * w + j];
      j = this.parents[t * w + j];
    }
    return out;
  }

  /** Inserts a candidate among the best `width` (a tie does not displace an earlier one). */
  private offer(parent: number, action: number, score: number): void {
    const w = this.width;
    let k = this.nCand;
    // Below the margin under the best so far: it would be dropped after the step anyway.
    if (k > 0 && score < this.candScore[0] - this.margin) return;
    if (k === w) {
      if (!(score > this.candScore[w - 1])) return;
      k = w - 1;
    } else this.nCand++;
    const { candParent, candAction, candScore } = this;
    while (k > 0 && score > candScore[k - 1]) {
      candParent[k] = candParent[k - 1];
      candAction[k] = candAction[k - 1];
      candScore[k] = candScore[k - 1];
      k--;
    }
    candParent[k] = parent;
    candAction[k] = action;
    candScore[k] = score;
  }
}

/**
 * Writes into out the log-probabilities of a softmax over the state's legal actions of
 * scores × factor (entries of illegal actions are meaningless); returns out. Turns a greedily
 * trained model's scores into per-step log-probabilities that a beam can add up.
 */
export function legalLogSoftmax(
  st: ParseState,
  scores: ArrayLike<number>,
  factor: number,
  out: Float64Array,
): Float64Array {
  const L = st.nLabels;
  const root = st.rootLabel;
  // Legal actions: SHIFT; LEFT with every label but root (only root when the front is the root);
  // RIGHT with every label but root.
  const shift = st.canShift();
  const toRoot = st.b === st.n;
  const leftFrom = !st.canLeft() ? 0 : toRoot ? 1 + root : 1;
  const leftTo = !st.canLeft() ? 0 : toRoot ? 2 + root : 1 + L;
  const rightTo = st.canRight() ? 1 + 2 * L : 1 + L;
  const rootLeft = toRoot ? -1 : 1 + root;
  const rootRight = 1 + L + root;
  let max = shift ? scores[SHIFT] : -Infinity;
  for (let a = leftFrom; a < leftTo; a++) if (a !== rootLeft && scores[a] > max) max = scores[a];
  for (let a = 1 + L; a < rightTo; a++) if (a !== rootRight && scores[a] > max) max = scores[a];
  // Terms below e^-40 of the largest change the sum by less than a double's precision.
  const cut = max - 40 / factor;
  let z = 0;
  if (shift && scores[SHIFT] > cut) z += Math.exp((scores[SHIFT] - max) * factor);
  for (let a = leftFrom; a < leftTo; a++)
    if (a !== rootLeft && scores[a] > cut) z += Math.exp((scores[a] - max) * factor);
  for (let a = 1 + L; a < rightTo; a++)
    if (a !== rootRight && scores[a] > cut) z += Math.exp((scores[a] - max) * factor);
  const lz = Math.log(z);
  for (let a = 0; a < out.length; a++) out[a] = (scores[a] - max) * factor - lz;
  return out;
}
