// The trained name finder, in two stages read from and written to one model file
// (graph-data/models/names.bin): a compact perceptron over BILOU classes finds where names start
// and end (Viterbi decoding), then a second perceptron over whole spans decides each name's label.
// The file also holds the word statistics (common words, proper-noun usage) both were trained with,
// and the thresholds of the document pass (document.ts). Names are joined or cut at hyphens
// (hyphen-names.ts), a span that is not a person splits where a known name of a body or place ends
// and a person follows (gazetteer-split.ts), a person grows over a given name left just outside it
// (given-names.ts), spans inside a known country, capital, body or person become that name
// (known-names.ts), and the document pass also reads lone surnames of persons named in full
// earlier (lone-surnames.ts). At run time the first stage scores through StaticScorer and cached
// transition tables, which give the model's exact scores without hashing or looking up the
// features that depend on one word, one tag or a few small values more than once per type.
import { argmax, CompactModel, readBundle, saveModels } from '../learn/index.ts';
import type { NameSpan } from '../types.ts';
import { CLASS_COUNT, decodeBilou, endClass, NAME_LABELS, type LabelledSpan } from './bilou.ts';
import { consistentLabels, type ConsistencyThresholds } from './document.ts';
import type { NameToken } from './features.ts';
import { gazetteerSplits } from './gazetteer-split.ts';
import { personStart } from './given-names.ts';
import { joinHyphenated } from './hyphen-names.ts';
import { knownNames } from './known-names.ts';
import { matchLexicon, type LexiconMatch, type NameLexicon } from './lexicon.ts';
import { addLoneSurnames } from './lone-surnames.ts';
import { spanFeatures } from './span-features.ts';
import { StaticScorer } from './static-scores.ts';
import { decodeScored, spanLabelScoresScored } from './viterbi.ts';
import { WordStats } from './word-stats.ts';

/** A found span with its score per label (NAME_LABELS order). */
export interface ScoredSpan {
  span: LabelledSpan;
  scores: Float64Array;
}

/** Per sentence of a document: its gazetteer matches and its scored spans. */
export interface ScoredDocument {
  matches: LexiconMatch[][];
  scored: ScoredSpan[][];
}

export const NAME_MODEL_KIND = 'names';
export const NAME_MODEL_VERSION = 1;

const PERSON = NAME_LABELS.indexOf('person');

function scoredSpan(first: number, last: number, scores: Float64Array): ScoredSpan {
  return { span: { first, last, label: NAME_LABELS[argmax(scores, NAME_LABELS.length)] }, scores };
}

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
  private readonly firstStageScores = new Float64Array(NAME_LABELS.length);

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
    return this.scoreMatched(tokens, matchLexicon(tokens, lexicon));
  }

  /**
   * {@link scoreSpans} given the sentence's gazetteer matches. The decoded spans are joined or cut
   * at hyphens (hyphen-names.ts) before they are labelled; a span that is not a person splits where
   * a known name of a body or place ends and the words after it, labelled on their own, are a
   * person (gazetteer-split.ts); a person grows over a given name left outside it
   * (given-names.ts); last, spans inside a known name become that name (known-names.ts).
   */
  private scoreMatched(
    tokens: readonly NameToken[],
    matches: readonly LexiconMatch[],
  ): ScoredSpan[] {
    if (tokens.length === 0) return [];
    const n = tokens.length;
    if (this.statics.length < n * CLASS_COUNT) this.statics = new Float64Array(2 * n * CLASS_COUNT);
    const statics = this.statics;
    const scorer = this.staticScorer;
    scorer.score(tokens, matches, statics);
    const classes = decodeScored(n, statics, scorer.trans);
    const spans = joinHyphenated(tokens, decodeBilou(classes), matches);
    const L = NAME_LABELS.length;
    if (!this.typer)
      return knownNames(
        tokens,
        spans.map((span) => {
          const scores = new Float64Array(L);
          scores[NAME_LABELS.indexOf(span.label)] = 1;
          return { span, scores };
        }),
        matches,
      );
    const out: ScoredSpan[] = [];
    for (const span of spans) {
      const scores = this.labelScores(tokens, matches, classes, span.first, span.last);
      const top = argmax(scores, L);
      let split = false;
      if (top !== PERSON)
        for (const at of gazetteerSplits(tokens, span.first, span.last, matches)) {
          // the words after the point, as if the span had ended there with its own label
          const was = classes[at];
          classes[at] = endClass(NAME_LABELS[top], at === span.first);
          const rest = this.labelScores(tokens, matches, classes, at + 1, span.last);
          classes[at] = was;
          if (argmax(rest, L) !== PERSON) continue;
          const head = this.labelScores(tokens, matches, classes, span.first, at);
          out.push(scoredSpan(span.first, at, head), scoredSpan(at + 1, span.last, rest));
          split = true;
          break;
        }
      if (!split) out.push(this.withGivenName(tokens, matches, classes, span, scores, out));
    }
    return knownNames(tokens, out, matches);
  }

  /**
   * A span labelled a person, grown over a given name left just outside it (given-names.ts) and
   * labelled again as a whole; any other span as it is. `before` are the sentence's spans so far.
   */
  private withGivenName(
    tokens: readonly NameToken[],
    matches: readonly LexiconMatch[],
    classes: Uint8Array,
    span: LabelledSpan,
    scores: Float64Array,
    before: readonly ScoredSpan[],
  ): ScoredSpan {
    if (argmax(scores, NAME_LABELS.length) !== PERSON) return { span, scores };
    const free = before.length > 0 ? before[before.length - 1].span.last + 1 : 0;
    const first = personStart(tokens, span, free, matches, this.stats);
    if (first === span.first) return { span, scores };
    return scoredSpan(
      first,
      span.last,
      this.labelScores(tokens, matches, classes, first, span.last),
    );
  }

  /** Both stages' combined label scores of span [first, last] over the decoded classes. */
  private labelScores(
    tokens: readonly NameToken[],
    matches: readonly LexiconMatch[],
    classes: Uint8Array,
    first: number,
    last: number,
  ): Float64Array {
    const typer = this.typer as CompactModel;
    const buf = this.spanBuffer;
    const mix = this.mix;
    const L = NAME_LABELS.length;
    const firstStage = this.firstStageScores;
    const scorer = this.staticScorer;
    const count = spanFeatures(tokens, first, last, matches, this.stats, buf, scorer.infos);
    if (this.feats.length < count) this.feats = new Uint32Array(2 * count);
    this.feats.set(buf);
    const scores = new Float64Array(L);
    typer.score(this.feats, count, scores);
    if (mix !== 0)
      spanLabelScoresScored(this.statics, scorer.trans, classes, first, last, L, firstStage);
    for (let l = 0; l < L; l++)
      scores[l] =
        scores[l] * typer.scale + (mix !== 0 ? mix * firstStage[l] * this.model.scale : 0);
    return scores;
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

  /** Every sentence's gazetteer matches and scored spans, as the document pass reads them. */
  scoreDocument(
    sentences: readonly (readonly NameToken[])[],
    lexicon: NameLexicon,
  ): ScoredDocument {
    const matches = sentences.map((tokens) => matchLexicon(tokens, lexicon));
    return { matches, scored: sentences.map((tokens, k) => this.scoreMatched(tokens, matches[k])) };
  }

  /**
   * The document pass over a scored document: labels made consistent ({@link consistentLabels},
   * with this model's thresholds unless others are given), then lone surnames of persons named in
   * full earlier added (lone-surnames.ts).
   */
  documentSpans(
    sentences: readonly (readonly NameToken[])[],
    document: ScoredDocument,
    thresholds: ConsistencyThresholds = this.consistency,
  ): LabelledSpan[][] {
    const labelled = consistentLabels(sentences, document.scored, thresholds);
    return addLoneSurnames(sentences, labelled, document.matches, this.stats);
  }

  /**
   * Names in every sentence of one document (an article), in order: each sentence as
   * {@link findNames} would find it, then the document pass ({@link documentSpans}): an unsure
   * mention of a name takes the label of its surest mention, a lone surname of a person found
   * earlier or later is a person, and a lone surname the finder missed is added after the full name.
   */
  findNamesInDocument(
    sentences: readonly (readonly NameToken[])[],
    lexicon: NameLexicon,
  ): NameSpan[][] {
    const spans = this.documentSpans(sentences, this.scoreDocument(sentences, lexicon));
    return spans.map((list, k) => list.map((s) => toNameSpan(sentences[k], s)));
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
