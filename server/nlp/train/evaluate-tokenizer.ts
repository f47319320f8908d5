// Scores the tokenizer against UD treebanks: rebuilds each document's raw text from its sentences'
// `# text` lines (sentences joined by a space, paragraphs and documents by a blank line), derives
// gold sentence spans and syntactic-word offsets from the word and multiword forms, and counts
// exact offset matches (precision, recall, F1), as the CoNLL 2018 shared task scores them.
import path from 'node:path';
import { readConllu, type ConlluSentence } from './conllu.ts';
import type { Sentence } from '../types.ts';

/** A rebuilt document: raw text with gold sentence spans and gold word spans. */
export interface GoldDocument {
  text: string;
  sentences: Array<[number, number]>;
  words: Array<[number, number]>;
  /** Number of source sentences (for sentences/s figures). */
  count: number;
}

export interface Score {
  precision: number;
  recall: number;
  f1: number;
  gold: number;
  predicted: number;
}

export interface TokenizerScore {
  name: string;
  sentences: Score;
  /**
   * Sentence boundaries: sentence ends inside documents (the end of a document is given, so it is
   * left out), each found where gold has one. More lenient than spans, which need both ends right.
   */
  boundaries: Score;
  words: Score;
}

function startsParagraph(s: ConlluSentence): boolean {
  return s.comments.has('newpar') || s.comments.has('newpar id');
}

function startsDocument(s: ConlluSentence): boolean {
  return s.comments.has('newdoc') || s.comments.has('newdoc id');
}

/**
 * Rebuilds raw documents from CoNLL-U sentences. Word offsets come from matching each surface
 * form (a multiword token's form, or a plain word's) in the sentence text; words inside a
 * multiword token get consecutive spans from their own forms.
 */
export function rebuildDocuments(sentences: ConlluSentence[]): GoldDocument[] {
  const docs: GoldDocument[] = [];
  let doc: GoldDocument | undefined;
  let parts: string[] = [];
  let length = 0;
  const finish = (): void => {
    if (doc) {
      doc.text = parts.join('');
      docs.push(doc);
    }
  };
  for (const s of sentences) {
    const text = s.comments.get('text');
    if (text === undefined) throw new Error('evaluate-tokenizer: a sentence has no "# text"');
    if (!doc || startsDocument(s)) {
      finish();
      doc = { text: '', sentences: [], words: [], count: 0 };
      parts = [];
      length = 0;
    } else {
      const sep = startsParagraph(s) ? '\n\n' : ' ';
      parts.push(sep);
      length += sep.length;
    }
    const base = length;
    parts.push(text);
    length += text.length;
    doc.count++;
    doc.sentences.push([base, base + text.length]);
    const multi = new Map(s.multiwords.map((m) => [m.first, m]));
    let cursor = 0;
    const place = (form: string): number => {
      while (cursor < text.length && /\s/.test(text[cursor]!)) cursor++;
      if (!text.startsWith(form, cursor)) {
        throw new Error(`evaluate-tokenizer: "${form}" not found at ${cursor} in "${text}"`);
      }
      const at = cursor;
      cursor += form.length;
      return at;
    };
    for (let w = 0; w < s.words.length; w++) {
      const m = multi.get(s.words[w]!.id);
      if (m) {
        let at = place(m.form);
        const covered = s.words.filter((x) => x.id >= m.first && x.id <= m.last);
        const rebuilds = covered.map((x) => x.form).join('') === m.form;
        for (const x of covered) {
          // Forms that do not rebuild the surface (rare) all get the whole token's span.
          const len = rebuilds ? x.form.length : m.form.length;
          doc.words.push([base + at, base + at + len]);
          if (rebuilds) at += len;
        }
        w += covered.length - 1;
      } else {
        const at = place(s.words[w]!.form);
        doc.words.push([base + at, base + at + s.words[w]!.form.length]);
      }
    }
  }
  finish();
  return docs;
}

function score(gold: Set<string>, predicted: Set<string>): Score {
  let hit = 0;
  for (const p of predicted) if (gold.has(p)) hit++;
  const precision = predicted.size ? hit / predicted.size : 0;
  const recall = gold.size ? hit / gold.size : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, gold: gold.size, predicted: predicted.size };
}

/** Scores `tokenize` on rebuilt documents: sentence spans, sentence ends and word spans. */
export function scoreTokenizer(
  name: string,
  docs: GoldDocument[],
  tokenize: (text: string) => Sentence[],
): TokenizerScore {
  const gs = new Set<string>();
  const ps = new Set<string>();
  const gb = new Set<string>();
  const pb = new Set<string>();
  const gw = new Set<string>();
  const pw = new Set<string>();
  docs.forEach((doc, d) => {
    for (const [a, b] of doc.sentences) {
      gs.add(`${d}:${a}:${b}`);
      if (b < doc.text.length) gb.add(`${d}:${b}`);
    }
    for (const [a, b] of doc.words) gw.add(`${d}:${a}:${b}`);
    for (const s of tokenize(doc.text)) {
      ps.add(`${d}:${s.start}:${s.end}`);
      if (s.end < doc.text.length) pb.add(`${d}:${s.end}`);
      for (const t of s.tokens) pw.add(`${d}:${t.start}:${t.end}`);
    }
  });
  return { name, sentences: score(gs, ps), boundaries: score(gb, pb), words: score(gw, pw) };
}

/** The evaluation sets: EWT test, GUM test and the news half of PUD (sent_id starting "n"). */
export function evaluationSets(treebanks: string): Array<{ name: string; docs: GoldDocument[] }> {
  const pud = readConllu(path.join(treebanks, 'en-pud', 'en_pud-ud-test.conllu')).filter((s) =>
    (s.comments.get('sent_id') ?? '').startsWith('n'),
  );
  return [
    {
      name: 'EWT test',
      docs: rebuildDocuments(readConllu(path.join(treebanks, 'en-ewt', 'en_ewt-ud-test.conllu'))),
    },
    {
      name: 'GUM test',
      docs: rebuildDocuments(
        readConllu(path.join(treebanks, 'en-gum', 'en_gum-cc-by-test.conllu')),
      ),
    },
    { name: 'PUD news', docs: rebuildDocuments(pud) },
  ];
}

/** Tokenizer scores on every evaluation set. */
export function evaluateTokenizer(
  treebanks: string,
  tokenize: (text: string) => Sentence[],
): TokenizerScore[] {
  return evaluationSets(treebanks).map((set) => scoreTokenizer(set.name, set.docs, tokenize));
}
