// Training and evaluation examples for the name finder from GUM CoNLL-U files: tokens with
// character offsets rebuilt from SpaceAfter=No, tags (gold, or from a tagger when one is given),
// gold names under the definition in names-gum.ts, and the tokens whose class is unknown.
import { OUTSIDE, encodeBilou } from '../names/bilou.ts';
import type { NameToken } from '../names/features.ts';
import { type ConlluSentence, miscValue, readConllu } from './conllu.ts';
import { type GoldName, goldNames, isTitleWord, sentenceMentions } from './names-gum.ts';

export interface NameExample {
  docId: string;
  tokens: NameToken[];
  gold: GoldName[];
  /** Gold class per token. */
  classes: Uint8Array;
  /**
   * Per token: its gold class, or -1 where GUM leaves it unknown: a proper noun outside every
   * name that is neither a date, a title word nor a plural group noun, e.g. "US" in "the US team",
   * which GUM does not bracket on its own. Training lets the model choose there.
   */
  forced: Int8Array;
}

/** Re-tags tokens in place (predicted upos/xpos); used when a trained tagger exists. */
export type Retagger = (tokens: NameToken[]) => void;

function docIds(sentences: ConlluSentence[]): string[] {
  let doc = '';
  return sentences.map((s) => {
    const id = s.comments.get('newdoc id');
    if (id !== undefined) doc = id;
    return doc;
  });
}

/** Tokens of a CoNLL-U sentence with offsets into its reconstructed text. */
export function conlluTokens(sentence: ConlluSentence): NameToken[] {
  let at = 0;
  return sentence.words.map((w) => {
    const token = { text: w.form, start: at, end: at + w.form.length, upos: w.upos, xpos: w.xpos };
    at = token.end + (miscValue(w.misc, 'SpaceAfter') === 'No' ? 0 : 1);
    return token;
  });
}

export function nameExample(sentence: ConlluSentence, docId: string): NameExample {
  const tokens = conlluTokens(sentence);
  const gold = goldNames(sentence);
  const classes = encodeBilou(tokens.length, gold);
  const forced = Int8Array.from(classes);
  const covered = new Uint8Array(tokens.length);
  for (const g of gold) covered.fill(1, g.first, g.last + 1);
  const timeOrGroup = new Uint8Array(tokens.length);
  for (const m of sentenceMentions(sentence.words))
    if (m.etype === 'time') timeOrGroup.fill(1, m.first, m.last + 1);
  sentence.words.forEach((w, i) => {
    if (covered[i] || timeOrGroup[i] || w.upos !== 'PROPN') return;
    if (w.xpos === 'NNPS' || isTitleWord(w.form)) return;
    if (classes[i] === OUTSIDE) forced[i] = -1;
  });
  return { docId, tokens, gold, classes, forced };
}

/** Examples of one CoNLL-U file, optionally re-tagged. */
export function readNameExamples(file: string, retag?: Retagger): NameExample[] {
  const sentences = readConllu(file);
  const ids = docIds(sentences);
  return sentences.map((s, i) => {
    const ex = nameExample(s, ids[i]);
    if (retag) retag(ex.tokens);
    return ex;
  });
}
