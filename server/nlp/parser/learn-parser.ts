// Training of the parser: greedy arc-hybrid with a dynamic oracle and error exploration,
// averaged perceptron over hashed features. Gold trees are projectivized for training (the
// oracle is exact on projective trees); tags in the input should be predicted (jackknifed).
// With `ensemble` > 1, that many perceptrons learn in step from different seeds (their own
// shuffles and explorations) and the model is the mean of their averaged weights. With `beam`,
// the perceptron is trained globally for beam search of that width instead (learn-beam.ts) and
// the parser decodes with that width.
import { AveragedPerceptron, HashIndex, Rng } from '../learn/index.ts';
import { BeamTrainer, type BeamUpdate } from './learn-beam.ts';
import { meanModel } from './mean-model.ts';
import { MAX_PARSER_FEATURES, ParserTokens, parserFeatures } from './features.ts';
import { Parser, bestLegal, fillTokens } from './parser-model.ts';
import { ParseState, projectivize } from './transitions.ts';

export interface ParserTrainSentence {
  words: string[];
  /** Tags the parser will see (predicted ones for robustness). */
  upos: string[];
  xpos: string[];
  /** 0-based heads, -1 for the root. */
  heads: number[];
  deprels: string[];
}

export interface ParserTrainOptions {
  epochs?: number;
  seed?: number;
  /** From this epoch on, follow the model's own (possibly wrong) action with probability `explore`. */
  exploreFrom?: number;
  explore?: number;
  minWeight?: number;
  /** Perceptrons trained in step (seeds seed, seed + 1, ...) whose weights are averaged; default 1. */
  ensemble?: number;
  /**
   * Beam width for global training and decoding (structured perceptron, see learn-beam.ts); unset:
   * greedy training with the dynamic oracle. Measured and not adopted (README, "Parser experiments").
   */
  beam?: number;
  /** Update of global training: at the largest violation (default) or the first. */
  beamUpdate?: BeamUpdate;
  /** Word clusters: keys are word hashes (normalised form, as the parser hashes), values cluster ids. */
  clusterKeys?: Uint32Array;
  clusterValues?: Uint32Array;
  /** Called after each epoch; `withPruning` builds the model with another pruning threshold. */
  onEpoch?: (epoch: number, parser: Parser, withPruning: (minWeight: number) => Parser) => void;
  log?: (line: string) => void;
}

export function trainParser(
  train: ParserTrainSentence[],
  options: ParserTrainOptions = {},
): Parser {
  const epochs = options.epochs ?? 15;
  const seed = options.seed ?? 7;
  const ensemble = options.ensemble ?? 1;
  const exploreFrom = options.exploreFrom ?? 2;
  const explore = options.explore ?? 0.9;

  const labelSet = new Set<string>();
  const xposSet = new Set<string>();
  const uposSet = new Set<string>();
  for (const s of train) {
    for (const l of s.deprels) labelSet.add(l);
    for (const t of s.xpos) xposSet.add(t);
    for (const t of s.upos) uposSet.add(t);
  }
  labelSet.add('root');
  const labels = [...labelSet].sort();
  const xposTags = [...xposSet].sort();
  const uposTags = [...uposSet].sort();
  const labelIndex = new Map(labels.map((l, i) => [l, i]));
  const xposIndex = new Map(xposTags.map((l, i) => [l, i]));
  const uposIndex = new Map(uposTags.map((l, i) => [l, i]));
  const rootLabel = labelIndex.get('root') ?? 0;
  const L = labels.length;
  const nActions = 1 + 2 * L;

  const clusterKeys = options.clusterKeys ?? new Uint32Array(0);
  const clusterValues = options.clusterValues ?? new Uint32Array(0);
  let clusters: HashIndex | null = null;
  if (clusterKeys.length > 0) {
    clusters = new HashIndex(clusterKeys.length);
    for (let i = 0; i < clusterKeys.length; i++) clusters.set(clusterKeys[i], clusterValues[i]);
  }

  // Prepared sentences: projective gold heads (root = n), label ids, tag ids.
  interface Prepared {
    words: string[];
    xpos: Uint32Array;
    upos: Uint32Array;
    heads: Int32Array;
    labels: Int32Array;
  }
  const prepared: Prepared[] = [];
  for (const s of train) {
    const n = s.words.length;
    if (n === 0) continue;
    const proj = projectivize(s.heads);
    const roots = proj.filter((h) => h < 0).length;
    if (roots !== 1) continue;
    prepared.push({
      words: s.words,
      xpos: Uint32Array.from(s.xpos, (t) => xposIndex.get(t) ?? 0),
      upos: Uint32Array.from(s.upos, (t) => uposIndex.get(t) ?? 0),
      heads: Int32Array.from(proj, (h) => (h < 0 ? n : h)),
      labels: Int32Array.from(s.deprels, (l, i) =>
        proj[i] < 0 ? rootLabel : (labelIndex.get(l) ?? 0),
      ),
    });
  }

  // One learner per seed: its perceptron, random stream and sentence order.
  const learners = Array.from({ length: ensemble }, (_, k) => ({
    p: new AveragedPerceptron(nActions),
    rng: new Rng(seed + k),
    order: prepared.map((_, i) => i),
  }));
  const st = new ParseState(L, rootLabel);
  const tk = new ParserTokens();
  const feats = new Uint32Array(MAX_PARSER_FEATURES);
  const scores = new Float64Array(nActions);
  const costs = new Int32Array(nActions);
  const build = (minWeight = options.minWeight ?? 0): Parser => {
    const model =
      learners.length === 1
        ? learners[0].p.compact({ minWeight })
        : meanModel(
            learners.map((l) => l.p.compact()),
            minWeight,
          );
    const parser = new Parser(model, labels, xposTags, uposTags, clusterKeys, clusterValues);
    parser.beamWidth = options.beam ?? 1;
    return parser;
  };
  const beamTrainer = options.beam
    ? new BeamTrainer(L, rootLabel, options.beam, MAX_PARSER_FEATURES)
    : null;

  for (let epoch = 1; epoch <= epochs; epoch++) {
    let steps = 0;
    let errors = 0;
    for (const { p, rng, order } of learners) {
      rng.shuffle(order);
      for (const si of order) {
        const s = prepared[si];
        fillTokens(tk, s.words, s.xpos, s.upos, clusters);
        if (beamTrainer) {
          // Global: one update per sentence at most; "wrong" counts the transitions updated.
          errors += beamTrainer.train(p, tk, s, options.beamUpdate ?? 'max-violation');
          steps += 2 * s.words.length;
          p.tick();
          continue;
        }
        st.reset(s.words.length);
        while (!st.isTerminal()) {
          const k = parserFeatures(st, tk, feats);
          p.score(feats, k, scores);
          st.costs(s.heads, s.labels, costs);
          const guess = bestLegal(st, scores);
          let minCost = Infinity;
          for (let a = 0; a < nActions; a++)
            if (costs[a] >= 0 && costs[a] < minCost) minCost = costs[a];
          let best = -1;
          let bestScore = -Infinity;
          for (let a = 0; a < nActions; a++) {
            if (costs[a] === minCost && scores[a] > bestScore) {
              best = a;
              bestScore = scores[a];
            }
          }
          steps++;
          if (costs[guess] > minCost) {
            errors++;
            p.update(feats, k, best, guess);
          }
          p.tick();
          const follow = epoch >= exploreFrom && rng.next() < explore;
          st.apply(follow ? guess : best);
        }
      }
    }
    const features = learners.map((l) => l.p.featureCount).join(' + ');
    options.log?.(
      `parser epoch ${epoch}: ${((100 * errors) / Math.max(1, steps)).toFixed(2)}% wrong transitions, ${features} features`,
    );
    if (options.onEpoch && epoch < epochs) options.onEpoch(epoch, build(), build);
  }
  const parser = build();
  options.onEpoch?.(epochs, parser, build);
  return parser;
}
