// The trained name finder, in two stages read from and written to one model file
// (graph-data/models/names.bin): a compact perceptron over BILOU classes finds where names start
// and end (Viterbi decoding), then a second perceptron over whole spans decides each name's label.
// The file also holds the word statistics (common words, proper-noun usage) both were trained with,
// and the thresholds of the document pass (document.ts). At run time the first stage scores
// through StaticScorer and cached transition tables, which give the model's exact scores without
// hashing or looking up the features that depend on one word, one tag or a few small values more
// than once per type.
import { argmax, CompactModel, readBundle, saveModels } from '../learn/index.ts';
import type { NameSpan } from '../types.ts';
import { CLASS_COUNT, decodeBilou, NAME_LABELS, type LabelledSpan } from './bilou.ts';
import { consistentLabels, type ConsistencyThresholds } from './document.ts';
import type { NameToken } from './features.ts';
import { matchLexicon, type NameLexicon } from './lexicon.ts';
import { spanFeatures } from './span-features.ts';
import { StaticScorer } from './static-scores.ts';
import { decodeScored, spanLabelScoresScored } from './viterbi.ts';
import { WordStats } from './word-stats.ts';

/** A found span with its score per label (NAME_LABELS order). */
export interface ScoredSpan {
  span: LabelledSpan;
  scores: Float64Array;
}

export const NAME_MODEL_KIND = 'names';
export const NAME_MODEL_VERSION = 1;

function toNameSpan(tokens: readonly NameToken[], s: LabelledSpan): NameSpan {
  return {
    first: s.first,
    last: s.last,
    label: s.label,
    start: tokens[s.first].start,
    end: tokens[s.last].end,
  };
}

export class NameFinder {
  /** First stage: BILOU classes per token. */
  readonly model: CompactModel;
  /** Second stage: one of NAME_LABELS per span; absent, the first stage's labels stand. */
  readonly typer: CompactModel | undefined;
  readonly stats: WordStats;
  readonly meta: Record<string, unknown>;

  private readonly staticScorer: StaticScorer;
  /** Scratch: static scores of the current sentence, span features of the current span. */
  private statics = new Float64Array(64 * CLASS_COUNT);
  private feats = new Uint32Array(256);
  private readonly spanBuffer: number[] = [];
  private readonly labelScores = new Float64Array(NAME_LABELS.length);

  constructor(
    model: CompactModel,
    stats: WordStats,
    meta: Record<string, unknown> = {},
    typer?: CompactModel,
  ) {
    this.model = model;
    this.stats = stats;
    this.meta = meta;
    this.typer = typer;
    this.staticScorer = new StaticScorer(model, stats);
  }

  /**
   * Weight of the first stage's label scores beside the typer's when labelling a span (both
   * scaled to the averaged perceptrons' units); chosen on GUM dev at training time.
   */
  get mix(): number {
    return typeof this.meta.mix === 'number' ? this.meta.mix : 1;
  }

  /** Spans of one sentence, labelled by both stages. */
  findSpans(tokens: readonly NameToken[], lexicon: NameLexicon): LabelledSpan[] {
    return this.scoreSpans(tokens, lexicon).map(({ span, scores }) => ({
      ...span,
      label: NAME_LABELS[argmax(scores, NAME_LABELS.length)],
    }));
  }

  /**
   * Spans of one sentence with both stages' combined score per label (NAME_LABELS order, in the
   * averaged perceptrons' units); each span's label is its best-scoring one.
   */
  scoreSpans(tokens: readonly NameToken[], lexicon: NameLexicon): ScoredSpan[] {
    if (tokens.length === 0) return [];
    const n = tokens.length;
    const matches = matchLexicon(tokens, lexicon);
    if (this.statics.length < n * CLASS_COUNT) this.statics = new Float64Array(2 * n * CLASS_COUNT);
    const statics = this.statics;
    const scorer = this.staticScorer;
    scorer.score(tokens, matches, statics);
    const classes = decodeScored(n, statics, scorer.trans);
    const spans = decodeBilou(classes);
    const typer = this.typer;
    const L = NAME_LABELS.length;
    if (!typer)
      return spans.map((span) => {
        const scores = new Float64Array(L);
        scores[NAME_LABELS.indexOf(span.label)] = 1;
        return { span, scores };
      });
    const buf = this.spanBuffer;
    const mix = this.mix;
    const first = this.labelScores;
    return spans.map((span) => {
      const count = spanFeatures(
        tokens,
        span.first,
        span.last,
        matches,
        this.stats,
        buf,
        scorer.infos,
      );
      if (this.feats.length < count) this.feats = new Uint32Array(2 * count);
      this.feats.set(buf);
      const scores = new Float64Array(L);
      typer.score(this.feats, count, scores);
      if (mix !== 0)
        spanLabelScoresScored(statics, scorer.trans, classes, span.first, span.last, L, first);
      for (let l = 0; l < L; l++)
        scores[l] = scores[l] * typer.scale + (mix !== 0 ? mix * first[l] * this.model.scale : 0);
      return { span, scores };
    });
  }

  /**
   * Thresholds of the document pass ({@link consistentLabels}), chosen on GUM dev at training
   * time; both 0 when the pass did not help there, so labels stay as each sentence has them.
   */
  get consistency(): ConsistencyThresholds {
    const c = this.meta.consistency as Partial<ConsistencyThresholds> | undefined;
    return {
      confident: typeof c?.confident === 'number' ? c.confident : 0,
      unsure: typeof c?.unsure === 'number' ? c.unsure : 0,
    };
  }

  /**
   * Names in every sentence of one document (an article), in order: each sentence as
   * {@link findNames} would find it, then labels made consistent across the document (an unsure
   * mention of a name takes the label of its surest mention; a lone surname of a person found
   * earlier or later is a person).
   */
  findNamesInDocument(
    sentences: readonly (readonly NameToken[])[],
    lexicon: NameLexicon,
  ): NameSpan[][] {
    const scored = sentences.map((tokens) => this.scoreSpans(tokens, lexicon));
    return consistentLabels(sentences, scored, this.consistency).map((spans, k) =>
      spans.map((s) => toNameSpan(sentences[k], s)),
    );
  }

  /** Names in one sentence's tokens (text, offsets, upos and xpos tags), in token order. */
  findNames(tokens: readonly NameToken[], lexicon: NameLexicon): NameSpan[] {
    return this.findSpans(tokens, lexicon).map((s) => toNameSpan(tokens, s));
  }

  /** The model file's bytes. */
  save(extraMeta: Record<string, unknown> = {}): Buffer {
    const words = this.stats.toArrays();
    const models: Record<string, CompactModel> = { names: this.model };
    if (this.typer) models.types = this.typer;
    return saveModels(
      models,
      { ...this.meta, ...extraMeta, kind: NAME_MODEL_KIND, version: NAME_MODEL_VERSION },
      {
        common: words.common,
        'profile.keys': words.profileKeys,
        'profile.bits': words.profileBits,
      },
    );
  }

  /** Reads a model file written by {@link NameFinder.save}; throws on another kind of file. */
  static fromBuffer(data: Uint8Array): NameFinder {
    const { meta, arrays } = readBundle(data);
    if (meta.kind !== NAME_MODEL_KIND) throw new Error('names: not a name-finder model file');
    if (meta.version !== NAME_MODEL_VERSION)
      throw new Error(`names: unsupported model version ${String(meta.version)}`);
    const { common } = arrays;
    const keys = arrays['profile.keys'];
    const bits = arrays['profile.bits'];
    if (
      !(common instanceof Uint32Array) ||
      !(keys instanceof Uint32Array) ||
      !(bits instanceof Uint8Array)
    )
      throw new Error('names: model file lacks its word lists');
    const model = CompactModel.fromParts('names.', meta, arrays);
    const typer =
      typeof meta['types.nClasses'] === 'number'
        ? CompactModel.fromParts('types.', meta, arrays)
        : undefined;
    return new NameFinder(model, WordStats.fromArrays(common, keys, bits), meta, typer);
  }
}
