// The parser at inference time: greedy arc-hybrid parsing scored by a compact perceptron.
// Input: token strings with their UPOS and XPOS tags; output: 0-based heads (-1 for the root)
// and UD relations. Linear in sentence length; state and scores live in reused typed arrays.
// Scores are exact integer sums read only for legal actions: when every legal action is RIGHT, or
// none is, only that half of each feature's action row is summed, and every choice stays the same.
import { readFileSync } from 'node:fs';
import {
  ClassPart,
  CompactModel,
  HashIndex,
  hashRange,
  hashString,
  loadModels,
  saveModels,
  type AnyTypedArray,
} from '../learn/index.ts';
import { normalizeWord } from '../tagger/word-hashes.ts';
import {
  MAX_PARSER_FEATURES,
  PARSER_VALUE_COUNT,
  ParserTokens,
  parserStep,
  parserTemplates,
} from './features.ts';
import { BeamSearch, legalLogSoftmax } from './beam-search.ts';
import { ParseState, SHIFT, forcedAction } from './transitions.ts';

export interface ParseResult {
  /** 0-based head per token, -1 for the root. */
  heads: number[];
  deprels: string[];
}

const ROOT_WORD = hashString('<root>', 2);
const UNKNOWN_TAG = 0xfff0;
const ROOT_TAG = 0xfff1;

/** Shared between training and inference: fills token attributes for the feature templates. */
export function fillTokens(
  tk: ParserTokens,
  words: readonly string[],
  xposIds: ArrayLike<number>,
  uposIds: ArrayLike<number>,
  clusters: HashIndex | null,
): void {
  const n = words.length;
  tk.ensure(n);
  tk.n = n;
  tk.hasClusters = clusters !== null;
  for (let i = 0; i < n; i++) {
    const norm = normalizeWord(words[i]);
    const h = hashString(norm, 2);
    tk.word[i] = h;
    tk.suffix[i] = hashRange(norm, Math.max(0, norm.length - 3), norm.length, 8);
    tk.tag[i] = xposIds[i];
    tk.upos[i] = uposIds[i];
    const c = clusters ? clusters.get(h) : -1;
    tk.cluster[i] = c < 0 ? 0xfff0 : c;
    tk.clusterShort[i] = c < 0 ? 0xfff0 : c >>> 16;
  }
  tk.word[n] = ROOT_WORD;
  tk.tag[n] = ROOT_TAG;
  tk.suffix[n] = ROOT_WORD;
  tk.upos[n] = ROOT_TAG;
  tk.cluster[n] = ROOT_TAG;
  tk.clusterShort[n] = ROOT_TAG;
}

/** Chooses the best legal action from the scores (ties: lowest action id). */
export function bestLegal(st: ParseState, scores: ArrayLike<number>): number {
  let best = -1;
  let bestScore = -Infinity;
  if (st.canShift()) {
    best = SHIFT;
    bestScore = scores[SHIFT];
  }
  const L = st.nLabels;
  if (st.canLeft()) {
    if (st.b === st.n) {
      const a = 1 + st.rootLabel;
      if (best < 0 || scores[a] > bestScore) {
        best = a;
        bestScore = scores[a];
      }
    } else {
      for (let l = 0; l < L; l++) {
        if (l === st.rootLabel) continue;
        if (scores[1 + l] > bestScore) {
          best = 1 + l;
          bestScore = scores[1 + l];
        }
      }
    }
  }
  if (st.canRight()) {
    for (let l = 0; l < L; l++) {
      if (l === st.rootLabel) continue;
      if (scores[1 + L + l] > bestScore) {
        best = 1 + L + l;
        bestScore = scores[1 + L + l];
      }
    }
  }
  return best;
}

export class Parser {
  readonly model: CompactModel;
  readonly labels: string[];
  readonly xposTags: string[];
  readonly uposTags: string[];
  private readonly xposIndex: Map<string, number>;
  private readonly uposIndex: Map<string, number>;
  private readonly clusterKeys: Uint32Array;
  private readonly clusterValues: Uint32Array;
  private readonly clusters: HashIndex | null;
  private readonly state: ParseState;
  private beam: BeamSearch | null = null;
  /**
   * Beam width of {@link parseIds} (1: greedy, the default). Measured on EWT dev and not adopted:
   * see README, "Parser experiments".
   */
  beamWidth = 1;
  /**
   * For a greedily trained model: above 0, the beam sums log-probabilities, a softmax over each
   * step's legal actions of the weight sums divided by this; 0: the raw weight sums (a model
   * trained for the beam).
   */
  beamTemperature = 0;
  /** The beam drops hypotheses this far below the step's best (in the units it sums). */
  beamMargin = Infinity;
  private readonly logProbs: Float64Array;
  private readonly tokens = new ParserTokens();
  private xposIds = new Uint32Array(64);
  private uposIds = new Uint32Array(64);

  constructor(
    model: CompactModel,
    labels: string[],
    xposTags: string[],
    uposTags: string[],
    clusterKeys: Uint32Array = new Uint32Array(0),
    clusterValues: Uint32Array = new Uint32Array(0),
  ) {
    const rootLabel = labels.indexOf('root');
    if (rootLabel < 0) throw new Error('parser: no root label');
    if (model.nClasses !== 1 + 2 * labels.length) throw new Error('parser: label count mismatch');
    this.model = model;
    this.labels = labels;
    this.xposTags = xposTags;
    this.uposTags = uposTags;
    this.xposIndex = new Map(xposTags.map((t, i) => [t, i]));
    this.uposIndex = new Map(uposTags.map((t, i) => [t, i]));
    this.clusterKeys = clusterKeys;
    this.clusterValues = clusterValues;
    if (clusterKeys.length > 0) {
      this.clusters = new HashIndex(clusterKeys.length);
      for (let i = 0; i < clusterKeys.length; i++)
        this.clusters.set(clusterKeys[i], clusterValues[i]);
    } else this.clusters = null;
    this.state = new ParseState(labels.length, rootLabel);
    this.logProbs = new Float64Array(1 + 2 * labels.length);
    if (model.input.length < MAX_PARSER_FEATURES || model.values.length < PARSER_VALUE_COUNT)
      throw new Error('parser: feature input too small');
    // The model hashes the templates from the step's values itself, in its own memory.
    model.setTemplates(parserTemplates(this.clusters !== null));
    // Actions: SHIFT, LEFT per label, RIGHT per label; the split parts RIGHT from the rest.
    model.splitClasses(1 + labels.length);
  }

  /** Word-cluster table (may be null) used for features; exposed for training. */
  get clusterIndex(): HashIndex | null {
    return this.clusters;
  }

  /**
   * Parses one sentence; returns the state's head and label arrays (owned by the parser, valid
   * until the next call; index n is the root). Heads use n for the root. Greedy unless
   * {@link beamWidth} is above 1.
   */
  parseIds(
    words: readonly string[],
    upos: readonly string[],
    xpos: readonly string[],
  ): { heads: Int32Array; labels: Int32Array } {
    if (this.beamWidth > 1) return this.searchIds(words, upos, xpos, this.beamWidth);
    this.prepare(words, upos, xpos);
    const st = this.state;
    st.reset(words.length);
    while (!st.isTerminal()) {
      let action = forcedAction(st);
      // Exact integer sums, compared as they are.
      if (action < 0) action = bestLegal(st, this.scoreState(st));
      st.apply(action);
    }
    return { heads: st.heads, labels: st.labels };
  }

  /**
   * Parses one sentence by beam search of the given width over the same scores (the best
   * complete hypothesis by summed action scores; width 1 takes the greedy parser's actions).
   * Returns arrays owned by the parser, as {@link parseIds}.
   */
  searchIds(
    words: readonly string[],
    upos: readonly string[],
    xpos: readonly string[],
    width: number,
  ): { heads: Int32Array; labels: Int32Array } {
    this.prepare(words, upos, xpos);
    if (this.beam?.width !== width || this.beam.margin !== this.beamMargin)
      this.beam = new BeamSearch(this.labels.length, this.state.rootLabel, width, this.beamMargin);
    const beam = this.beam;
    beam.reset(words.length);
    const scorer = this.beamTemperature > 0 ? this.logProbState : this.scoreState;
    while (!beam.isDone()) beam.advance(scorer);
    const best = beam.states[0];
    return { heads: best.heads, labels: best.labels };
  }

  /**
   * Integer action scores at a state (only its legal actions' entries are exact). The step's values
   * and its single-token ids are written straight into the model's memory, where the templates are
   * hashed and the features summed. Without RIGHT the legal actions are SHIFT and LEFT (the classes
   * below the split); with the root at the front of the buffer and two words on the stack, only
   * RIGHT.
   */
  private readonly scoreState = (st: ParseState): Int32Array => {
    const { model, tokens } = this;
    const part = !st.canRight() ? ClassPart.below : !st.canShift() ? ClassPart.from : ClassPart.all;
    return model.scoreTemplates(parserStep(st, tokens, model.values, model.input), part);
  };

  /** Log-probabilities of the legal actions at a state: softmax of the sums / beamTemperature. */
  private readonly logProbState = (st: ParseState): Float64Array =>
    legalLogSoftmax(
      st,
      this.scoreState(st),
      this.model.scale / this.beamTemperature,
      this.logProbs,
    );

  /** Fills the token attributes of a sentence for the feature templates. */
  private prepare(
    words: readonly string[],
    upos: readonly string[],
    xpos: readonly string[],
  ): void {
    const n = words.length;
    if (upos.length !== n || xpos.length !== n) throw new Error('parser: tags do not match words');
    if (n > this.xposIds.length) {
      let size = this.xposIds.length;
      while (size < n) size *= 2;
      this.xposIds = new Uint32Array(size);
      this.uposIds = new Uint32Array(size);
    }
    for (let i = 0; i < n; i++) {
      this.xposIds[i] = this.xposIndex.get(xpos[i]) ?? UNKNOWN_TAG;
      this.uposIds[i] = this.uposIndex.get(upos[i]) ?? UNKNOWN_TAG;
    }
    fillTokens(this.tokens, words, this.xposIds, this.uposIds, this.clusters);
  }

  /** Parses one tagged sentence into heads (0-based, -1 root) and UD relations. */
  parse(words: readonly string[], upos: readonly string[], xpos: readonly string[]): ParseResult {
    const n = words.length;
    const { heads, labels } = this.parseIds(words, upos, xpos);
    const outHeads = new Array<number>(n);
    const deprels = new Array<string>(n);
    for (let i = 0; i < n; i++) {
      outHeads[i] = heads[i] === n ? -1 : heads[i];
      deprels[i] = this.labels[labels[i]];
    }
    return { heads: outHeads, deprels };
  }

  toBuffer(): Buffer {
    const extra: Record<string, AnyTypedArray> = {
      'clusters.keys': this.clusterKeys,
      'clusters.values': this.clusterValues,
    };
    return saveModels(
      { parser: this.model },
      {
        kind: 'stancegraph-parser',
        version: 1,
        labels: this.labels,
        xpos: this.xposTags,
        upos: this.uposTags,
        // Only a beam-search model records its settings (greedy models keep their bytes).
        ...(this.beamWidth > 1
          ? {
              beam: {
                width: this.beamWidth,
                temperature: this.beamTemperature,
                margin: Number.isFinite(this.beamMargin) ? this.beamMargin : null,
              },
            }
          : {}),
      },
      extra,
    );
  }

  static fromBuffer(data: Uint8Array): Parser {
    const { models, meta, arrays } = loadModels(data, ['parser']);
    if (meta.kind !== 'stancegraph-parser') throw new Error('parser: not a parser model');
    const keys = arrays['clusters.keys'];
    const values = arrays['clusters.values'];
    if (
      !(keys instanceof Uint32Array) ||
      !(values instanceof Uint32Array) ||
      keys.length !== values.length
    )
      throw new Error('parser: bad cluster table');
    const parser = new Parser(
      models.parser,
      meta.labels as string[],
      meta.xpos as string[],
      meta.upos as string[],
      keys,
      values,
    );
    // Models saved without beam settings are greedy.
    const beam = meta.beam as
      { width: number; temperature: number; margin: number | null } | undefined;
    if (beam) {
      parser.beamWidth = beam.width;
      parser.beamTemperature = beam.temperature;
      parser.beamMargin = beam.margin ?? Infinity;
    }
    return parser;
  }

  static load(file: string): Parser {
    return Parser.fromBuffer(readFileSync(file));
  }
}
