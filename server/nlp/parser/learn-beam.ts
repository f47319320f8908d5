// Global training of the parser for beam search (a structured perceptron): a sentence is parsed
// by beam search under the current weights beside a gold sequence, the best-scoring sequence among
// those the dynamic oracle allows (at each step the highest-scoring action of cost 0). Where no
// hypothesis in the beam can reach the gold tree any more, the beam's best has beaten the gold
// sequence; the update is made at the first such step ("early") or at the step where the best
// outscores the gold sequence most ("max-violation", also counting the last step when the
// finished best is wrong): the features of the gold prefix are added to its actions, those of the
// beam's best prefix subtracted from its actions (steps both share cancel and are skipped).
import type { AveragedPerceptron } from '../learn/index.ts';
import { BeamSearch, type GoldTree } from './beam-search.ts';
import { ParserTokens, parserFeatures } from './features.ts';
import { ParseState, forcedAction } from './transitions.ts';

export type BeamUpdate = 'max-violation' | 'early';

/** Reused buffers of global training; one per trainer. */
export class BeamTrainer {
  readonly beam: BeamSearch;
  private readonly gold: ParseState;
  private readonly replay: ParseState;
  private readonly costs: Int32Array;
  private readonly scores: Float64Array;
  private readonly feats: Uint32Array;
  private p: AveragedPerceptron | null = null;
  private tk: ParserTokens | null = null;
  private readonly scorer = (st: ParseState): Float64Array => {
    const k = parserFeatures(st, this.tk!, this.feats);
    this.p!.score(this.feats, k, this.scores);
    return this.scores;
  };

  constructor(nLabels: number, rootLabel: number, width: number, maxFeatures: number) {
    this.beam = new BeamSearch(nLabels, rootLabel, width);
    this.gold = new ParseState(nLabels, rootLabel);
    this.replay = new ParseState(nLabels, rootLabel);
    this.costs = new Int32Array(1 + 2 * nLabels);
    this.scores = new Float64Array(1 + 2 * nLabels);
    this.feats = new Uint32Array(maxFeatures);
  }

  /**
   * Parses one sentence (tokens filled for it) and updates the perceptron when the beam lost the
   * gold tree; returns the number of steps updated (0: no violation).
   */
  train(p: AveragedPerceptron, tk: ParserTokens, tree: GoldTree, update: BeamUpdate): number {
    this.p = p;
    this.tk = tk;
    const n = tk.n;
    const { beam, gold, costs } = this;
    beam.reset(n);
    gold.reset(n);
    const goldActions: number[] = [];
    let goldScore = 0;
    let worst = -Infinity;
    let worstStep = 0;
    while (!beam.isDone()) {
      let a = forcedAction(gold);
      if (a < 0) {
        const s = this.scorer(gold);
        gold.costs(tree.heads, tree.labels, costs);
        let best = -Infinity;
        for (let c = 0; c < costs.length; c++)
          if (costs[c] === 0 && s[c] > best) {
            best = s[c];
            a = c;
          }
        goldScore += best;
      }
      gold.apply(a);
      goldActions.push(a);
      beam.advance(this.scorer, tree);
      // Lost: no hypothesis can reach the gold tree, or the finished best is wrong.
      if (beam.anyCorrect() && !(beam.isDone() && !beam.correct[0])) continue;
      const violation = beam.scores[0] - goldScore;
      if (update === 'early') {
        worstStep = beam.steps;
        break;
      }
      if (violation > worst) {
        worst = violation;
        worstStep = beam.steps;
      }
    }
    if (worstStep === 0) return 0;
    const predicted = beam.actionsOf(0, worstStep);
    this.apply(p, tk, goldActions, predicted, worstStep);
    return worstStep;
  }

  /** Adds the gold prefix's features to its actions and subtracts the predicted prefix's. */
  private apply(
    p: AveragedPerceptron,
    tk: ParserTokens,
    goldActions: readonly number[],
    predicted: readonly number[],
    steps: number,
  ): void {
    let shared = 0;
    while (shared < steps && goldActions[shared] === predicted[shared]) shared++;
    if (shared === steps) return;
    const st = this.replay;
    for (const [actions, delta] of [
      [goldActions, 1],
      [predicted, -1],
    ] as const) {
      st.reset(tk.n);
      for (let t = 0; t < shared; t++) st.apply(actions[t]);
      for (let t = shared; t < steps; t++) {
        const a = actions[t];
        if (forcedAction(st) < 0) {
          const k = parserFeatures(st, tk, this.feats);
          p.addToClass(this.feats, k, a, delta);
        }
        st.apply(a);
      }
    }
  }
}
