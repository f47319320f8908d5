// The run-time shortcuts of the language layer change no result: the name finder's static scores
// (per-word, per-tag and per-combination caches, partial hashes) equal scoring every feature of
// every token, class by class, and its decoder finds the classes plain Viterbi finds; the tagger's
// per-form rows give the tags of plain feature scoring, also after its form table starts over and
// on a sentence longer than that table; word hashes kept per form equal their definitions; the
// lemma cache gives the lemmas of a fresh lemmatizer. Sentences are written for this test.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hashRange, hashString } from '../../server/nlp/learn/index.ts';
import { Lemmatizer, loadLemmatizer } from '../../server/nlp/lemma/index.ts';
import { CLASS_COUNT } from '../../server/nlp/names/bilou.ts';
import {
  sentenceFeatures,
  transitionFeatures,
  type NameToken,
} from '../../server/nlp/names/features.ts';
import { loadNameLexicon, matchLexicon, NameFinder } from '../../server/nlp/names/index.ts';
import { RowCache } from '../../server/nlp/names/row-cache.ts';
import { StaticScorer } from '../../server/nlp/names/static-scores.ts';
import { decodeScored, START_CLASS, viterbi } from '../../server/nlp/names/viterbi.ts';
import { WordStats } from '../../server/nlp/names/word-stats.ts';
import { loadTagger, type Tagger } from '../../server/nlp/tagger/index.ts';
import {
  FORM_SLOTS,
  normalizeWord,
  WordHashes,
  wordShape,
} from '../../server/nlp/tagger/word-hashes.ts';
import { tokenize } from '../../server/nlp/tokenize/index.ts';
import { plainTags } from './helpers/plain-tags.ts';

const root = path.resolve(import.meta.dirname, '..', '..');
const models = path.join(root, 'graph-data', 'models');

const TEXT = [
  'Foreign Minister Retno Marsudi met her Malaysian counterpart in Kuala Lumpur on Tuesday.',
  '"We will not accept it," said Gen. Abdel Fattah al-Burhan, the head of Sudan\'s army.',
  "The Economic Community of West African States (ECOWAS) gave Niger's junta 14 days.",
  'Erdoğan and Mevlüt Çavuşoğlu flew to Baku, where Azerbaijan hosted talks with Armenia.',
  'PRESIDENT LULA VISITS BEIJING AS BRAZIL SEEKS NEW TRADE DEALS',
  "Chile's Gabriel Boric accused the oil firm of hiding losses; Petrobras denied it.",
  'In Nairobi, the High Court suspended the deployment of 1,000 Kenyan police officers to Haiti.',
  "The U.N. Security Council condemned the strike near Kherson, Ukraine's officials said.",
  'Jacinda Ardern, who led New Zealand until 2023, now teaches at Harvard.',
  'A spokesman for the Taliban, Zabihullah Mujahid, rejected the report as baseless.',
].join(' ');

describe('tagger shortcuts', () => {
  const tagger = loadTagger(path.join(models, 'tagger.bin'));
  const sentences = tokenize(TEXT).map((s) => s.tokens.map((t) => t.text));

  it('tags as plain feature scoring does, warm or cold', () => {
    for (const words of sentences)
      expect([...tagger.tagIds(words)]).toEqual(plainTags(tagger, words));
    for (const words of sentences)
      expect([...tagger.tagIds(words)]).toEqual(plainTags(tagger, words));
  });

  it('tags the same after its form table starts over, and on a sentence longer than the table', () => {
    const before = sentences.map((w) => [...tagger.tagIds(w)]);
    // more distinct forms than the table holds, in sentences of 50
    const forms = Array.from({ length: FORM_SLOTS + 500 }, (_, i) => `Kw${i.toString(36)}`);
    for (let i = 0; i < forms.length; i += 50) tagger.tagIds(forms.slice(i, i + 50));
    expect(sentences.map((w) => [...tagger.tagIds(w)])).toEqual(before);
    const long = [...forms.slice(0, FORM_SLOTS), ...sentences[3]];
    const tags = [...tagger.tagIds(long)];
    expect(tags.slice(-sentences[3].length)).toEqual(
      plainTags(tagger, long).slice(-sentences[3].length),
    );
    expect(sentences.map((w) => [...tagger.tagIds(w)])).toEqual(before);
  });
});

describe('word hashes kept per form', () => {
  it('equal their definitions, also after the table starts over', () => {
    const words = ['Çavuşoğlu', 'co-founder', '1,000', 'U.S.', "don't", 'x'.repeat(80), 'Kherson'];
    const check = (): void => {
      const h = new WordHashes();
      h.fill(words);
      words.forEach((word, i) => {
        const form = word.slice(0, 64);
        const low = normalizeWord(form);
        const L = low.length;
        expect(h.exact[i]).toBe(hashString(form, 1));
        expect(h.lower[i]).toBe(hashString(low, 2));
        expect(h.pre3[i]).toBe(hashRange(low, 0, Math.min(L, 3), 5));
        expect(h.suf4[i]).toBe(hashRange(low, Math.max(0, L - 4), L, 9));
        expect(h.shape[i]).toBe(hashString(wordShape(form), 10));
      });
    };
    check();
    const h = new WordHashes();
    for (let i = 0; i < FORM_SLOTS + 100; i += 100)
      h.fill(Array.from({ length: 100 }, (_, k) => `w${i + k}`));
    check();
  });
});

/** Sentences of the test text as name-finder tokens, tagged by the committed tagger. */
function taggedSentences(tagger: Tagger): NameToken[][] {
  return tokenize(TEXT).map((s) => {
    const { upos, xpos } = tagger.tag(s.tokens.map((t) => t.text));
    return s.tokens.map((t, i) => ({ ...t, upos: upos[i], xpos: xpos[i] }));
  });
}

describe('name finder shortcuts', () => {
  const tagger = loadTagger(path.join(models, 'tagger.bin'));
  const finder = NameFinder.fromBuffer(readFileSync(path.join(models, 'names.bin')));
  const lexicon = loadNameLexicon(path.join(root, 'graph-data', 'gazetteer'));
  const C = CLASS_COUNT;
  const sentences = taggedSentences(tagger);
  // unusual input: more distinct Penn tags than the combined rows keep, and one shared tag
  const oddTags = sentences[3].map((t, i) => ({ ...t, xpos: i % 2 ? `Z${i}` : 'NNP' }));
  const manyTags = Array.from({ length: 90 }, (_, i) => ({
    text: i % 7 === 0 ? 'Kenya' : `word${i % 11}`,
    start: 10 * i,
    end: 10 * i + 5,
    upos: 'X',
    xpos: `T${i}`,
  }));

  /** Every static feature of every token scored plainly, token i's scores at i * C. */
  function plainStatics(tokens: NameToken[], stats: WordStats): Float64Array {
    const sf = sentenceFeatures(tokens, lexicon, stats);
    const out = new Float64Array(tokens.length * C);
    const row = new Float64Array(C);
    for (let i = 0; i < tokens.length; i++) {
      const from = sf.offsets[i];
      finder.model.score(sf.feats.subarray(from, sf.offsets[i + 1]), sf.offsets[i + 1] - from, row);
      out.set(row, i * C);
    }
    return out;
  }

  /** The scorer's statics and transition tables against plain scoring, token by token. */
  function compare(scorer: StaticScorer, tokens: NameToken[], stats: WordStats): void {
    const statics = new Float64Array(tokens.length * C);
    scorer.score(tokens, matchLexicon(tokens, lexicon), statics);
    expect([...statics]).toEqual([...plainStatics(tokens, stats)]);
    const sf = sentenceFeatures(tokens, lexicon, stats);
    const tf = new Uint32Array(8);
    const row = new Float64Array(C);
    for (const i of [0, tokens.length - 1]) {
      for (const p of [0, 3, START_CLASS]) {
        finder.model.score(tf, transitionFeatures(sf, i, p, tf), row);
        expect([...scorer.trans[i].subarray(p * C, p * C + C)]).toEqual([...row]);
      }
    }
    // the decoder on these scores finds the classes of plain Viterbi over every feature
    const plain = {
      score: (f: Uint32Array, n: number, out: Float64Array) => finder.model.score(f, n, out),
    };
    expect([...decodeScored(tokens.length, statics, scorer.trans)]).toEqual([
      ...viterbi(plain, sf),
    ]);
  }

  it('scores every token as plain scoring of all its features does', () => {
    const scorer = new StaticScorer(finder.model, finder.stats);
    for (const tokens of sentences) compare(scorer, tokens, finder.stats);
    // again, from the caches
    for (const tokens of [...sentences].reverse()) compare(scorer, tokens, finder.stats);
  });

  it('scores tags and usage values beyond the combined rows one by one, with the same sums', () => {
    const scorer = new StaticScorer(finder.model, finder.stats);
    compare(scorer, oddTags, finder.stats);
    compare(scorer, manyTags, finder.stats);
    // usage bits outside the profile's five: a word statistics object of another model
    const lower = (w: string): number => hashString(w.toLowerCase(), 0x6e616d65);
    const stats = new WordStats(
      new Set([lower('Court')]),
      new Map([
        [lower('Boric'), 200],
        [lower('Gabriel'), 255],
        [lower('Chile'), 31],
      ]),
    );
    compare(new StaticScorer(finder.model, stats), sentences[5], stats);
  });

  it('finds the same names and scores through the document path as through one sentence', () => {
    const byDocument = finder.findNamesInDocument(sentences, lexicon);
    const fresh = NameFinder.fromBuffer(readFileSync(path.join(models, 'names.bin')));
    const meta = { ...fresh.meta, consistency: { confident: 0, unsure: 0 } };
    const plain = new NameFinder(fresh.model, fresh.stats, meta, fresh.typer);
    const spans = (names: { start: number; end: number }[][]): string[][] =>
      names.map((s) => s.map((n) => `${n.start}-${n.end}`));
    expect(spans(byDocument)).toEqual(spans(sentences.map((t) => plain.findNames(t, lexicon))));
    expect(byDocument.flat().length).toBeGreaterThan(15);
  });
});

describe('row cache', () => {
  it('finds the rows it was given, zeroed when new, and starts afresh when half full', () => {
    const cache = new RowCache(8, 3);
    expect(cache.find(12)).toBe(-1);
    const at = cache.insert(12);
    expect([...cache.rows.subarray(at, at + 3)]).toEqual([0, 0, 0]);
    cache.rows.set([4, -5, 6], at);
    const other = cache.insert(20);
    cache.rows.set([1, 1, 1], other);
    expect(cache.find(12)).toBe(at);
    expect([...cache.rows.subarray(cache.find(12), cache.find(12) + 3)]).toEqual([4, -5, 6]);
    cache.insert(28);
    cache.insert(36);
    // four of eight slots used: the next new key empties the table first
    const again = cache.insert(44);
    expect(cache.find(12)).toBe(-1);
    expect(cache.find(44)).toBe(again);
    expect([...cache.rows.subarray(again, again + 3)]).toEqual([0, 0, 0]);
  });
});

describe('lemma cache', () => {
  it('gives the lemmas of a fresh lemmatizer, for any tags and after it starts over', () => {
    const file = path.join(models, 'lemmas.json');
    const cached = loadLemmatizer(file);
    const inputs: [string, string, string][] = [
      ['talks', 'NOUN', 'NNS'],
      ['talks', 'VERB', 'VBZ'],
      ['Talks', 'PROPN', 'NNPS'],
      ['met', 'VERB', 'VBD'],
      ['accused', 'VERB', 'VBN'],
      ['officers', 'NOUN', '_'],
      ['better', 'ADJ', 'JJR'],
      ['Çavuşoğlu', 'PROPN', 'NNP'],
    ];
    const fresh = (): Lemmatizer => loadLemmatizer(file);
    const expected = inputs.map(([f, u, x]) => fresh().lemmatize(f, u, x));
    expect(inputs.map(([f, u, x]) => cached.lemmatize(f, u, x))).toEqual(expected);
    expect(inputs.map(([f, u, x]) => cached.lemmatize(f, u, x))).toEqual(expected);
    for (let i = 0; i < 60_000; i++) cached.lemmatize(`tested${i}`, 'VERB', 'VBD');
    expect(inputs.map(([f, u, x]) => cached.lemmatize(f, u, x))).toEqual(expected);
    expect(cached.lemmatize('tested59999', 'VERB', 'VBD')).toBe(
      fresh().lemmatize('tested59999', 'VERB', 'VBD'),
    );
  });
});
