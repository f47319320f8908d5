// Training of the tagger: builds the lexicon from the training sentences, then runs a greedy
// left-to-right averaged perceptron over joint UPOS+XPOS classes for a fixed number of epochs
// (sentence order shuffled by a seeded generator, so runs are reproducible).
import { AveragedPerceptron, HashIndex, Rng, argmax } from '../learn/index.ts';
import {
  MAX_TAGGER_FEATURES,
  UNKNOWN_TAG,
  clauseRoles,
  clauseState,
  refineFeatures,
  taggerFeatures,
} from './features.ts';
import { LEX_SURE, Tagger } from './tagger-model.ts';
import { TagSetCounts } from './tag-sets.ts';
import { WordHashes } from './word-hashes.ts';
import { markNames } from './name-matches.ts';
import type { NameLexicon } from '../names/lexicon.ts';

export interface TaggedSentence {
  words: string[];
  upos: string[];
  xpos: string[];
}

export interface TaggerTrainOptions {
  epochs?: number;
  seed?: number;
  /** Words seen fewer times than this get no lexicon entry (default 5). */
  lexiconMinCount?: number;
  /** A word seen at least this often with one tag at least this share of the time is tagged by dictionary. */
  dictMinCount?: number;
  dictMinShare?: number;
  /** Train a second, refining pass that sees the first pass's tags of the following words. */
  twoPass?: boolean;
  /**
   * With two passes: a token whose first-pass margin (best minus runner-up score) reaches this
   * keeps its first-pass tag without the refining pass (default: every token is refined).
   */
  refineMargin?: number;
  /**
   * Features over each word's tag set and its lowercase form's use (tag-sets.ts): 0 none (the
   * default), 1 those of the word and its next neighbours (cached per form at run time), 2 also
   * the tag set with the previous tag and with the next word's tag set. While training, each
   * token's values leave its own occurrence out of the counts.
   */
  tagSets?: number;
  /** With tag sets: a form seen fewer times than this gets none (default 2). */
  tagSetMinCount?: number;
  /**
   * With tag sets: a form without one (unseen; in training, a form's only occurrence) loses its
   * word identity and reads as one unknown form, so that the features of forms seen once learn
   * what those of unseen forms meet.
   */
  unknownForms?: boolean;
  /**
   * With tag sets: the share of training tokens whose tag set and case use are hidden (drawn by a
   * generator of their own, so the sentence order stays that of the seed), so that context, affix
   * and shape features keep the weight unseen forms need (default 0).
   */
  tagSetDropout?: number;
  /**
   * With tag sets: a tag set also says which Penn tags the form took as a verb, so that a past
   * tense seen once is told from a participle.
   */
  verbForms?: boolean;
  /**
   * A gazetteer whose names become features (name-matches.ts): where a word sits in a known name
   * and the name's kinds. The model then needs a gazetteer at run time and records its
   * fingerprint (default: none, no such features).
   */
  names?: NameLexicon;
  /**
   * Features over whether the clause so far (since the sentence start or the last comma, colon,
   * coordinator or wh-word, by the tags given so far) holds a finite verb, with the word's suffix
   * and with the previous tag and the next word's usual tag (default false).
   */
  clauseVerb?: boolean;
  /** Averaged weights below this are pruned from the final model. */
  minWeight?: number;
  /** Called after each epoch with the model so far (e.g. to score a dev set). */
  onEpoch?: (epoch: number, tagger: Tagger) => void;
}

/** Trains a tagger on tagged sentences. */
export function trainTagger(train: TaggedSentence[], options: TaggerTrainOptions = {}): Tagger {
  const epochs = options.epochs ?? 8;
  const rng = new Rng(options.seed ?? 1);
  const lexMin = options.lexiconMinCount ?? 5;
  const dictMin = options.dictMinCount ?? 20;
  const dictShare = options.dictMinShare ?? 0.995;

  // Classes: every UPOS+XPOS pair seen, in order of first appearance.
  const classIndex = new Map<string, number>();
  const upos: string[] = [];
  const xpos: string[] = [];
  const gold: Uint16Array[] = [];
  for (const s of train) {
    const g = new Uint16Array(s.words.length);
    for (let i = 0; i < s.words.length; i++) {
      const key = `${s.upos[i]}\t${s.xpos[i]}`;
      let c = classIndex.get(key);
      if (c === undefined) {
        c = upos.length;
        classIndex.set(key, c);
        upos.push(s.upos[i]);
        xpos.push(s.xpos[i]);
      }
      g[i] = c;
    }
    gold.push(g);
  }
  const nClasses = upos.length;

  // Lexicon: counts per exact form and per normalised form.
  const hashes = new WordHashes();
  const exactCounts = new Map<number, Map<number, number>>();
  const lowerCounts = new Map<number, Map<number, number>>();
  const bump = (m: Map<number, Map<number, number>>, key: number, c: number): void => {
    let inner = m.get(key);
    if (!inner) m.set(key, (inner = new Map()));
    inner.set(c, (inner.get(c) ?? 0) + 1);
  };
  for (let s = 0; s < train.length; s++) {
    hashes.fill(train[s].words);
    for (let i = 0; i < hashes.n; i++) {
      bump(exactCounts, hashes.exact[i], gold[s][i]);
      bump(lowerCounts, hashes.lower[i], gold[s][i]);
    }
  }
  const entries = new Map<number, number>();
  const addEntries = (m: Map<number, Map<number, number>>, exact: boolean): void => {
    for (const [key, inner] of m) {
      let total = 0;
      let best = -1;
      let bestCount = 0;
      for (const [c, k] of inner) {
        total += k;
        if (k > bestCount || (k === bestCount && c < best)) {
          best = c;
          bestCount = k;
        }
      }
      if (total < lexMin) continue;
      const sure = exact && total >= dictMin && bestCount / total >= dictShare;
      if (!entries.has(key)) entries.set(key, best | (sure ? LEX_SURE : 0));
    }
  };
  addEntries(exactCounts, true);
  addEntries(lowerCounts, false);
  const lexKeys = Uint32Array.from([...entries.keys()].sort((a, b) => a - b));
  const lexValues = Uint32Array.from(lexKeys, (k) => entries.get(k) ?? 0);
  const lexicon = new HashIndex(lexKeys.length);
  for (let i = 0; i < lexKeys.length; i++) lexicon.set(lexKeys[i], lexValues[i]);
  const lookup = (e: number, l: number): number => {
    const v = lexicon.get(e);
    if (v >= 0) return v;
    const w = lexicon.get(l);
    return w >= 0 ? w & 0xffff : -1;
  };

  const tagSetLevel = options.tagSets ?? 0;
  const tagSetCounts =
    tagSetLevel > 0
      ? new TagSetCounts(train, hashes, options.tagSetMinCount, options.verbForms === true)
      : null;
  const unknownForms = tagSetCounts !== null && options.unknownForms === true;
  const tagSets = tagSetCounts
    ? unknownForms
      ? { table: tagSetCounts.tables(), level: tagSetLevel, unknownForms }
      : { table: tagSetCounts.tables(), level: tagSetLevel }
    : null;
  const dropout = tagSetCounts ? (options.tagSetDropout ?? 0) : 0;
  const dropRng = new Rng((options.seed ?? 1) + 7919);
  const names = options.names ?? null;
  const roles = options.clauseVerb ? clauseRoles(xpos) : null;

  const p = new AveragedPerceptron(nClasses);
  const p2model = options.twoPass ? new AveragedPerceptron(nClasses) : null;
  let first = new Uint16Array(256);
  const feats = new Uint32Array(MAX_TAGGER_FEATURES);
  const scores = new Float64Array(nClasses);
  let lex = new Uint16Array(256);
  let lexv = new Int32Array(256);
  const order = train.map((_, i) => i);
  const build = (): Tagger => {
    const tagger = new Tagger(
      p.compact({ minWeight: options.minWeight ?? 0 }),
      upos,
      xpos,
      lexKeys,
      lexValues,
      p2model ? p2model.compact({ minWeight: options.minWeight ?? 0 }) : null,
      tagSets,
      names,
    );
    if (options.refineMargin !== undefined) tagger.refineMargin = options.refineMargin;
    tagger.clauseVerb = options.clauseVerb === true;
    return tagger;
  };
  for (let epoch = 1; epoch <= epochs; epoch++) {
    rng.shuffle(order);
    for (const s of order) {
      const words = train[s].words;
      const g = gold[s];
      hashes.fill(words);
      // each training token sees the tag sets as if it had not been counted
      tagSetCounts?.annotateHeldOut(
        hashes,
        train[s].upos,
        tagSetLevel,
        unknownForms,
        train[s].xpos,
      );
      if (names) {
        markNames(words, names, hashes.names);
        hashes.nameFeatures = true;
      }
      if (dropout > 0)
        for (let i = 0; i < hashes.n; i++)
          if (dropRng.next() < dropout) {
            hashes.tagSet[i] = 0;
            hashes.caseUse[i] = 0;
          }
      const n = words.length;
      if (n > lex.length) {
        lex = new Uint16Array(n * 2);
        lexv = new Int32Array(n * 2);
        first = new Uint16Array(n * 2);
      }
      for (let i = 0; i < n; i++) {
        const v = lookup(hashes.exact[i], hashes.lower[i]);
        lexv[i] = v;
        lex[i] = v < 0 ? UNKNOWN_TAG : v & 0xffff;
      }
      let p1 = -1;
      let p2 = -1;
      let verb = roles ? 0 : -1;
      for (let i = 0; i < n; i++) {
        let tag: number;
        if (lexv[i] >= 0 && lexv[i] & LEX_SURE) tag = lexv[i] & 0xffff;
        else {
          const k = taggerFeatures(hashes, lex, i, p1, p2, feats, verb);
          p.score(feats, k, scores);
          tag = argmax(scores, nClasses);
          p.update(feats, k, g[i], tag);
          p.tick();
        }
        first[i] = tag;
        p2 = p1;
        p1 = tag;
        if (roles) verb = clauseState(verb, roles, tag);
      }
      if (p2model) {
        p1 = -1;
        p2 = -1;
        verb = roles ? 0 : -1;
        for (let i = 0; i < n; i++) {
          let tag: number;
          if (lexv[i] >= 0 && lexv[i] & LEX_SURE) tag = lexv[i] & 0xffff;
          else {
            const k = refineFeatures(hashes, lex, first, i, p1, p2, feats, verb);
            p2model.score(feats, k, scores);
            tag = argmax(scores, nClasses);
            p2model.update(feats, k, g[i], tag);
            p2model.tick();
          }
          p2 = p1;
          p1 = tag;
          if (roles) verb = clauseState(verb, roles, tag);
        }
      }
    }
    if (options.onEpoch && epoch < epochs) options.onEpoch(epoch, build());
  }
  const tagger = build();
  options.onEpoch?.(epochs, tagger);
  return tagger;
}
