// Trains the name finder (server/nlp/names) on GUM's entity annotation (names as defined in
// names-gum.ts) and writes `names.bin`:
//   1. a structured averaged perceptron over BILOU classes, decoded with Viterbi, trained on GUM
//      train; tokens GUM leaves unbracketed are left free (the gold path is the best path that
//      agrees with the known classes); a quarter of name tokens hide their own word on each step,
//      so context and word form carry weight for unseen names; the epoch is chosen on GUM dev;
//   2. a span typer (averaged perceptron over whole spans, own words hidden half of the time),
//      trained on GUM train's gold names; its epoch and its mix with the first stage's label
//      scores are chosen on GUM dev through the whole pipeline;
//   3. the document pass (NameFinder.documentSpans): the label-consistency thresholds
//      (names/document.ts) are chosen on GUM dev read document by document, and switched off
//      (thresholds 0) unless they gain at least a name there; the lone-surname rule
//      (names/lone-surnames.ts) has no setting and runs in every trial.
// Once every choice is made on dev, both stages are trained again on train and dev together, for
// the epochs chosen, and those are the models written.
// Seeded and deterministic: two runs give byte-identical files. The gazetteer is a feature, so
// the file depends on its forms and kinds too: their fingerprint is stored in the file's meta and
// printed by the bench, and a gazetteer edit that adds or changes a form gives another file.
// Tags come from a tagger of the plain recipe when outDir holds a trained tagger, for GUM train
// jackknifed (names-tags.ts); else from the treebank.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { argmax, AveragedPerceptron, Rng, type CompactModel } from '../learn/index.ts';
import { CLASS_COUNT, decodeBilou, NAME_LABELS, type LabelledSpan } from '../names/bilou.ts';
import { sentenceFeatures, transitionFeatures, type SentenceFeatures } from '../names/features.ts';
import {
  DEFAULT_GAZETTEER,
  loadNameLexicon,
  matchLexicon,
  type NameLexicon,
} from '../names/lexicon.ts';
import type { ConsistencyThresholds } from '../names/document.ts';
import { NameFinder } from '../names/name-finder.ts';
import { spanFeatures, spanIdentityCount } from '../names/span-features.ts';
import { spanLabelScores, START_CLASS, viterbi } from '../names/viterbi.ts';
import { USED_AS, WordStats, wordStatHash } from '../names/word-stats.ts';
import { readConllu } from './conllu.ts';
import { type NameExample, type Retagger, readNameExamples } from './names-data.ts';
import { NameScore } from './names-score.ts';
import { jackknifeRetagger, plainRetagger } from './names-tags.ts';
import { loadTrain } from './treebank-files.ts';

export const REPO_ROOT = path.resolve(import.meta.dirname, '..', '..', '..');

export interface NameTrainOptions {
  /** Most epochs to try (default 12); training stops after 3 epochs without a dev gain. */
  maxEpochs?: number;
  seed?: number;
  /** Share of tokens whose tag features are hidden on a training step (default 0.5). */
  tagDropout?: number;
  /** Averaged weights below this are dropped from the saved model (default 0.05). */
  minWeight?: number;
  lexicon?: NameLexicon;
  /**
   * Whether, once epochs, mix and document thresholds are chosen on dev, the models are trained
   * again on train and dev together for the final file (default true).
   */
  refit?: boolean;
  /** Predicted tags for dev (and train, unless `trainRetag` is given); gold tags when absent. */
  retag?: Retagger;
  /** Predicted tags for the training sentences, e.g. jackknifed ones. */
  trainRetag?: Retagger;
  log?: (line: string) => void;
}

interface Prepared {
  ex: NameExample;
  sf: SentenceFeatures;
  masked: boolean;
}

const LOCATIVE = new Set(['in', 'at', 'from', 'near', 'to', 'into', 'across', 'outside']);
const PERSON_BEFORE = new Set(['mr.', 'mrs.', 'ms.', 'dr.', 'mr', 'mrs', 'ms', 'dr']);
const PERSON_AFTER = new Set(['said', 'says', 'told', 'wrote', 'asked']);

/**
 * Word statistics from CoNLL-U files: common words (seen at least twice in lowercase in
 * `commonFiles`) and the usage profile of proper nouns in `profileFiles` (unlabelled use only:
 * first or last word of a flat name, after a place preposition, beside "Mr." or "said").
 */
export function collectWordStats(
  commonFiles: readonly string[],
  profileFiles: readonly string[],
): WordStats {
  const counts = new Map<string, number>();
  for (const f of commonFiles)
    for (const s of readConllu(f))
      for (const w of s.words)
        if (/^\p{Ll}[\p{Ll}'-]*$/u.test(w.form)) counts.set(w.form, (counts.get(w.form) ?? 0) + 1);
  const common = new Set<number>();
  for (const [w, c] of counts) if (c >= 2) common.add(wordStatHash(w));
  const profile = new Map<number, number>();
  const mark = (form: string, bit: number): void => {
    const key = wordStatHash(form.toLowerCase());
    profile.set(key, (profile.get(key) ?? 0) | bit);
  };
  for (const f of profileFiles)
    for (const s of readConllu(f)) {
      const ws = s.words;
      ws.forEach((w, i) => {
        if (w.upos !== 'PROPN') return;
        mark(w.form, USED_AS.proper);
        const next = ws[i + 1];
        const prev = ws[i - 1];
        if (next && next.head === w.id && next.deprel === 'flat' && next.upos === 'PROPN')
          mark(w.form, USED_AS.given);
        if (w.deprel === 'flat' && !(next && next.deprel === 'flat' && next.head === w.head))
          mark(w.form, USED_AS.family);
        if (prev && LOCATIVE.has(prev.form.toLowerCase()) && next?.upos !== 'PROPN')
          mark(w.form, USED_AS.locative);
        if (
          (prev && PERSON_BEFORE.has(prev.form.toLowerCase())) ||
          (next && PERSON_AFTER.has(next.form.toLowerCase()))
        )
          mark(w.form, USED_AS.personContext);
      });
    }
  return new WordStats(common, profile);
}

/** Share of name tokens whose own word the first stage does not see on a training step. */
const WORD_DROPOUT = 0.25;

/** Share of tokens whose tag features the first stage does not see on a training step. */
const TAG_DROPOUT = 0.5;

/**
 * A copy of a sentence's features with some features hidden for this training step: the own-word
 * features of some name tokens, and the tag features of some tokens.
 */
function hideFeatures(d: Prepared, rng: Rng, tagDropout: number): SentenceFeatures {
  const { sf } = d;
  const n = sf.identity.length;
  const hideWord = new Uint8Array(n);
  const hideTags = new Uint8Array(n);
  let any = false;
  for (let i = 0; i < n; i++) {
    if (d.ex.classes[i] !== 0 && rng.next() < WORD_DROPOUT) hideWord[i] = 1;
    if (rng.next() < tagDropout) hideTags[i] = 1;
    any ||= hideWord[i] === 1 || hideTags[i] === 1;
  }
  if (!any) return sf;
  const feats: number[] = [];
  const offsets = new Uint32Array(n + 1);
  for (let i = 0; i < n; i++) {
    const start = sf.offsets[i];
    for (let j = start; j < sf.offsets[i + 1]; j++) {
      const k = j - start;
      if (hideWord[i] && k < sf.identity[i]) continue;
      if (hideTags[i] && k >= sf.identity[i] && k < sf.tagged[i]) continue;
      feats.push(sf.feats[j]);
    }
    offsets[i + 1] = feats.length;
  }
  const none = new Uint8Array(n);
  return { ...sf, feats: Uint32Array.from(feats), offsets, identity: none, tagged: none };
}

/** One structured-perceptron step: moves weights from the predicted path towards the gold path. */
function update(
  p: AveragedPerceptron,
  sf: SentenceFeatures,
  gold: Uint8Array,
  pred: Uint8Array,
): void {
  const tg = new Uint32Array(8);
  const tp = new Uint32Array(8);
  for (let i = 0; i < gold.length; i++) {
    const gPrev = i === 0 ? START_CLASS : gold[i - 1];
    const pPrev = i === 0 ? START_CLASS : pred[i - 1];
    if (gold[i] !== pred[i]) {
      const f = sf.feats.subarray(sf.offsets[i], sf.offsets[i + 1]);
      p.addToClass(f, f.length, gold[i], 1);
      p.addToClass(f, f.length, pred[i], -1);
    }
    if (gold[i] !== pred[i] || gPrev !== pPrev) {
      p.addToClass(tg, transitionFeatures(sf, i, gPrev, tg), gold[i], 1);
      p.addToClass(tp, transitionFeatures(sf, i, pPrev, tp), pred[i], -1);
    }
  }
}

/** Labelled exact-span scores of a model on prepared sentences. */
function scoreModel(
  model: CompactModel | AveragedPerceptron,
  data: readonly Prepared[],
): NameScore {
  const score = new NameScore();
  for (const d of data) score.add(d.ex.gold, decodeBilou(viterbi(model, d.sf)), d.ex.forced);
  return score;
}

function prepare(examples: NameExample[], lexicon: NameLexicon, stats: WordStats): Prepared[] {
  return examples.map((ex) => ({
    ex,
    sf: sentenceFeatures(ex.tokens, lexicon, stats),
    masked: ex.forced.some((c) => c < 0),
  }));
}

const MAIN: readonly ('person' | 'organization' | 'place')[] = ['person', 'organization', 'place'];

/** Trains on GUM train, picks the epoch on GUM dev and returns the finder (not yet saved). */
export function trainNameFinder(treebanks: string, options: NameTrainOptions = {}): NameFinder {
  const log = options.log ?? ((line: string) => console.log(line));
  const gum = path.join(treebanks, 'en-gum');
  const trainFile = path.join(gum, 'en_gum-cc-by-train.conllu');
  const devFile = path.join(gum, 'en_gum-cc-by-dev.conllu');
  const lexicon = options.lexicon ?? loadNameLexicon(DEFAULT_GAZETTEER);
  const ewtTrain = path.join(treebanks, 'en-ewt', 'en_ewt-ud-train.conllu');
  const stats = collectWordStats([trainFile, ewtTrain], [ewtTrain]);
  const trainExamples = readNameExamples(trainFile, options.trainRetag ?? options.retag);
  const devExamples = readNameExamples(devFile, options.retag);
  log(
    `names: ${trainExamples.length} train / ${devExamples.length} dev sentences, ` +
      `${lexicon.size} gazetteer forms (fingerprint ${lexicon.fingerprint()}), ` +
      `${stats.common.size} common words, ` +
      `${stats.profile.size} proper nouns profiled, ` +
      `${options.trainRetag ? 'jackknifed' : options.retag ? 'predicted' : 'gold'} tags for train, ` +
      `${options.retag ? 'predicted' : 'gold'} for dev`,
  );
  return fitNameFinder(trainExamples, devExamples, stats, { ...options, lexicon, log });
}

/**
 * Trains both stages on some examples, choosing epochs (and the stages' mix) on others; `stats`
 * are the word statistics stored with the model.
 */
export function fitNameFinder(
  trainExamples: NameExample[],
  devExamples: NameExample[],
  stats: WordStats,
  options: NameTrainOptions = {},
): NameFinder {
  const log = options.log ?? ((line: string) => console.log(line));
  const lexicon = options.lexicon ?? loadNameLexicon(DEFAULT_GAZETTEER);
  const train = prepare(trainExamples, lexicon, stats);
  const dev = prepare(devExamples, lexicon, stats);
  const seed = options.seed ?? 20240611;
  const tagDropout = options.tagDropout ?? TAG_DROPOUT;
  const maxEpochs = options.maxEpochs ?? 12;
  const minWeight = options.minWeight ?? 0.05;
  // first stage, its epoch chosen on dev
  const first = trainFirstStage(train, dev, new Rng(seed), tagDropout, maxEpochs, minWeight, log);
  const stage1 = first.model;
  // second stage on top of it; then the mix of the two chosen on dev
  const devSpans = dev.map((d) => decodeBilou(viterbi(stage1, d.sf)));
  const typerChoice = trainTyper(
    train,
    dev,
    devSpans,
    stage1,
    new Rng(seed + 100),
    maxEpochs + 3,
    minWeight,
    lexicon,
    stats,
    log,
  );
  const typer = typerChoice.model;
  const devTyper = typerDevData(dev, devSpans, stage1, lexicon, stats);
  let mix = MIXES[0];
  let f1 = -1;
  for (const m of MIXES) {
    const value = typerDevF1(typer, m, devTyper);
    if (value > f1) {
      f1 = value;
      mix = m;
    }
  }
  log(`names: span typer: mix ${mix}, dev F1 ${f1.toFixed(4)}`);
  const meta = {
    epoch: first.epoch,
    tags: options.retag ? 'predicted' : 'gold',
    trainTags: options.trainRetag ? 'jackknifed' : options.retag ? 'predicted' : 'gold',
    tagDropout,
    seed,
    minWeight,
    // what the model saw of the gazetteer: the same code, treebanks and fingerprint give the same file
    gazetteer: { forms: lexicon.size, fingerprint: lexicon.fingerprint() },
  };
  // The typer stays even when dev is a tie or a little worse (GUM dev holds ~400 names, so a
  // point of F1 is noise): it is what labels unseen names from their context and word endings,
  // and the hand-written news sentences of tests/unit/nlp-names.test.ts come out better with it.
  const finder = new NameFinder(
    stage1,
    stats,
    { ...meta, typerEpoch: typerChoice.epoch, mix, devF1: Number(f1.toFixed(4)) },
    typer,
  );
  const consistency = chooseConsistency(finder, devExamples, lexicon);
  log(
    `names: document pass ${consistency.confident > 0 ? `kept (confident ${consistency.confident}, unsure ${consistency.unsure})` : 'off'}: ` +
      `dev F1 ${consistency.f1.toFixed(4)} (without it ${consistency.without.toFixed(4)})`,
  );
  const chosen = {
    ...finder.meta,
    consistency: { confident: consistency.confident, unsure: consistency.unsure },
    documentDevF1: Number(consistency.f1.toFixed(4)),
  };
  if (!(options.refit ?? REFIT)) return new NameFinder(stage1, stats, chosen, typer);
  // With every choice made on dev, each model is trained once more, on train and dev together,
  // for the epochs it was given above: the same recipe on 14% more names.
  const both = [...train, ...dev];
  const refitFirst = trainFirstStage(
    both,
    [],
    new Rng(seed),
    tagDropout,
    0,
    minWeight,
    log,
    first.epoch,
  ).model;
  const refitTyper = trainTyper(
    both,
    [],
    [],
    refitFirst,
    new Rng(seed + 100),
    0,
    minWeight,
    lexicon,
    stats,
    log,
    typerChoice.epoch,
  ).model;
  log(`names: refitted both stages on train and dev (epochs ${first.epoch}, ${typerChoice.epoch})`);
  return new NameFinder(refitFirst, stats, { ...chosen, refit: 'train+dev' }, refitTyper);
}

/** Whether the final models are trained again on train and dev (default of `refit`). */
const REFIT = true;

/** Thresholds of the document pass tried on dev (in the finder's score units). */
const CONFIDENT = [25, 50, 100, 200, 400];
const UNSURE = [12, 25, 50, 100, 200];
/** Least dev gain for the document pass to be kept: one name of GUM dev's ~400. */
const CONSISTENCY_GAIN = 0.0025;

/**
 * The document pass's thresholds with the best dev F1 (person+organization+place, documents as
 * GUM has them), or zeros (off) when no setting beats sentence-by-sentence labels by a name.
 */
function chooseConsistency(
  finder: NameFinder,
  dev: readonly NameExample[],
  lexicon: NameLexicon,
): ConsistencyThresholds & { f1: number; without: number } {
  const docs: NameExample[][] = [];
  dev.forEach((ex, i) => {
    if (i === 0 || ex.docId !== dev[i - 1].docId) docs.push([]);
    docs[docs.length - 1].push(ex);
  });
  const scored = docs.map((doc) =>
    finder.scoreDocument(
      doc.map((ex) => ex.tokens),
      lexicon,
    ),
  );
  const f1Of = (t: ConsistencyThresholds): number => {
    const score = new NameScore();
    docs.forEach((doc, d) => {
      const labelled = finder.documentSpans(
        doc.map((ex) => ex.tokens),
        scored[d],
        t,
      );
      doc.forEach((ex, k) => score.add(ex.gold, labelled[k], ex.forced));
    });
    return score.group(MAIN).f1;
  };
  const without = f1Of({ confident: 0, unsure: 0 });
  let best = { confident: 0, unsure: 0, f1: without, without };
  for (const confident of CONFIDENT)
    for (const unsure of UNSURE) {
      if (unsure > confident) continue;
      const f1 = f1Of({ confident, unsure });
      if (f1 >= without + CONSISTENCY_GAIN && f1 > best.f1)
        best = { confident, unsure, f1, without };
    }
  return best;
}

/** First stage, one seed: structured perceptron epochs until dev F1 stops rising. */
function trainFirstStage(
  train: readonly Prepared[],
  dev: readonly Prepared[],
  rng: Rng,
  tagDropout: number,
  maxEpochs: number,
  minWeight: number,
  log: (line: string) => void,
  fixedEpochs?: number,
): { model: CompactModel; f1: number; epoch: number } {
  const perceptron = new AveragedPerceptron(CLASS_COUNT);
  if (fixedEpochs !== undefined) maxEpochs = fixedEpochs;
  const order = train.map((_, i) => i);
  let best: { model: CompactModel; f1: number; epoch: number } | undefined;
  for (let epoch = 1; epoch <= maxEpochs; epoch++) {
    rng.shuffle(order);
    let errors = 0;
    for (const k of order) {
      const d = train[k];
      const sf = hideFeatures(d, rng, tagDropout);
      const pred = viterbi(perceptron, sf);
      const gold = d.masked ? viterbi(perceptron, sf, d.ex.forced) : d.ex.classes;
      if (pred.some((c, i) => c !== gold[i])) {
        errors++;
        update(perceptron, sf, gold, pred);
      }
      perceptron.tick();
    }
    if (fixedEpochs !== undefined) {
      if (epoch === fixedEpochs) return { model: perceptron.compact({ minWeight }), f1: 0, epoch };
      continue;
    }
    const model = perceptron.compact({ minWeight });
    const f1 = scoreModel(model, dev).group(MAIN).f1;
    log(`names: epoch ${epoch}: ${errors} train sentences wrong; dev F1 ${f1.toFixed(4)}`);
    if (!best || f1 > best.f1) best = { model, f1, epoch };
    else if (epoch - best.epoch >= 3) break;
  }
  if (!best) throw new Error('names: no epoch trained');
  log(`names: keeping epoch ${best.epoch} (dev F1 ${best.f1.toFixed(4)})`);
  return best;
}

interface SpanExample {
  feats: Uint32Array;
  label: number;
  /** How many leading features name the span's own words. */
  identity: number;
}

function spanExamples(
  d: Prepared,
  spans: readonly LabelledSpan[],
  lexicon: NameLexicon,
  stats: WordStats,
): SpanExample[] {
  const matches = matchLexicon(d.ex.tokens, lexicon);
  const buf: number[] = [];
  return spans.map((s) => {
    spanFeatures(d.ex.tokens, s.first, s.last, matches, stats, buf);
    return {
      feats: Uint32Array.from(buf),
      label: NAME_LABELS.indexOf(s.label),
      identity: spanIdentityCount(s.first, s.last),
    };
  });
}

interface TyperDev {
  dev: readonly Prepared[];
  spans: LabelledSpan[][];
  examples: SpanExample[][];
  /** The first stage's label scores per span, in averaged-perceptron units. */
  first: Float64Array[][];
}

function typerDevData(
  dev: readonly Prepared[],
  spans: LabelledSpan[][],
  stage1: CompactModel,
  lexicon: NameLexicon,
  stats: WordStats,
): TyperDev {
  return {
    dev,
    spans,
    examples: dev.map((d, i) => spanExamples(d, spans[i], lexicon, stats)),
    first: dev.map((d, i) => {
      const classes = viterbi(stage1, d.sf);
      return spans[i].map((s) =>
        spanLabelScores(stage1, d.sf, classes, s.first, s.last, NAME_LABELS.length).map(
          (x) => x * stage1.scale,
        ),
      );
    }),
  };
}

/** Dev F1 (person+organization+place) of the pipeline with a typer and a mix. */
function typerDevF1(model: CompactModel, mix: number, t: TyperDev): number {
  const scores = new Float64Array(NAME_LABELS.length);
  const score = new NameScore();
  t.dev.forEach((d, i) => {
    const labelled = t.spans[i].map((s, j) => {
      const e = t.examples[i][j];
      model.score(e.feats, e.feats.length, scores);
      for (let l = 0; l < NAME_LABELS.length; l++)
        scores[l] = scores[l] * model.scale + mix * t.first[i][j][l];
      return { ...s, label: NAME_LABELS[argmax(scores, NAME_LABELS.length)] };
    });
    score.add(d.ex.gold, labelled, d.ex.forced);
  });
  return score.group(MAIN).f1;
}

/**
 * Second stage, one seed: a span labeller trained on GUM train's gold names and scored on dev
 * through the whole pipeline (first-stage spans, then these labels mixed with the first stage's);
 * the best epoch on dev is kept.
 */
function trainTyper(
  train: readonly Prepared[],
  dev: readonly Prepared[],
  devSpans: LabelledSpan[][],
  stage1: CompactModel,
  rng: Rng,
  maxEpochs: number,
  minWeight: number,
  lexicon: NameLexicon,
  stats: WordStats,
  log: (line: string) => void,
  fixedEpochs?: number,
): TyperChoice {
  const examples = train.flatMap((d) => spanExamples(d, d.ex.gold, lexicon, stats));
  if (fixedEpochs !== undefined) maxEpochs = fixedEpochs;
  const devData =
    fixedEpochs === undefined ? typerDevData(dev, devSpans, stage1, lexicon, stats) : undefined;
  const p = new AveragedPerceptron(NAME_LABELS.length);
  const scores = new Float64Array(NAME_LABELS.length);
  const order = examples.map((_, i) => i);
  let best: TyperChoice | undefined;
  for (let epoch = 1; epoch <= maxEpochs; epoch++) {
    rng.shuffle(order);
    let errors = 0;
    for (const k of order) {
      const e = examples[k];
      // half of the time the span's own words are hidden: unseen names have only the rest
      const feats = rng.next() < IDENTITY_DROPOUT ? e.feats.subarray(e.identity) : e.feats;
      p.score(feats, feats.length, scores);
      const guess = argmax(scores, NAME_LABELS.length);
      if (guess !== e.label) {
        errors++;
        p.update(feats, feats.length, e.label, guess);
      }
      p.tick();
    }
    if (!devData) {
      if (epoch === fixedEpochs) return { model: p.compact({ minWeight }), f1: 0, epoch, mix: 0 };
      continue;
    }
    const model = p.compact({ minWeight });
    const results: string[] = [];
    let improved = false;
    for (const mix of MIXES) {
      const f1 = typerDevF1(model, mix, devData);
      results.push(`${mix}: ${f1.toFixed(4)}`);
      if (!best || f1 > best.f1) {
        best = { model, f1, epoch, mix };
        improved = true;
      }
    }
    log(
      `names: typer epoch ${epoch}: ${errors} train spans wrong; dev F1 by mix ${results.join(', ')}`,
    );
    if (!improved && best && epoch - best.epoch >= 4) break;
  }
  if (!best) throw new Error('names: no typer epoch trained');
  log(`names: keeping typer epoch ${best.epoch}, mix ${best.mix} (dev F1 ${best.f1.toFixed(4)})`);
  return best;
}

/** Share of training steps on which the typer does not see a span's own words. */
const IDENTITY_DROPOUT = 0.5;

/** Weights of the first stage's label scores tried beside the typer's. */
const MIXES = [0, 0.5, 1, 2, 4, 8, 16];

interface TyperChoice {
  model: CompactModel;
  f1: number;
  epoch: number;
  mix: number;
}

/** `npm run train` step: trains the name finder and writes `outDir/names.bin`. */
export async function trainNames(treebanks: string, outDir: string): Promise<void> {
  // A trained tagger in outDir means predicted tags: those of the plain recipe, which the finder
  // is tuned on (without one, as in the tests' small runs, GUM's gold tags).
  const taggerFile = path.join(outDir, 'tagger.bin');
  // EWT and GUM train, read once for both of the plain recipe's taggers
  const train = existsSync(taggerFile) ? loadTrain(treebanks) : null;
  const retag = train ? plainRetagger(train) : undefined;
  console.log(
    retag
      ? `names: training on tags predicted by the plain tagger recipe (trained here)`
      : `names: no ${taggerFile}; training on GUM's gold tags`,
  );
  const trainRetag = train
    ? jackknifeRetagger(train, (line) => console.log(`names: ${line}`))
    : undefined;
  const finder = trainNameFinder(treebanks, { retag, trainRetag });
  mkdirSync(outDir, { recursive: true });
  const file = path.join(outDir, 'names.bin');
  const data = finder.save();
  writeFileSync(file, data);
  console.log(`names: wrote ${file} (${(data.length / 1024 / 1024).toFixed(2)} MB)`);
}
