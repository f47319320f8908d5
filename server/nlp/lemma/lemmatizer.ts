// The lemmatizer: an exception table learnt from treebanks (form + Penn tag -> lemma, only where
// the regular rules go wrong) in front of the inflection rules of rules.ts, which choose among
// candidate stems with the table's vocabulary of known base forms. Lemmas are kept per (tags,
// form) in a bounded cache, since a text repeats its words.
import { ruleLemma } from './rules.ts';

/** The stored model: per Penn tag, lower-cased form (exact form for proper nouns) -> lemma. */
export interface LemmaTable {
  exceptions: Record<string, Record<string, string>>;
  /** Known base forms (lower case), sorted and joined by single spaces. */
  vocabulary?: string;
}

/** Penn tag assumed when a token comes without one (xpos "_" or empty). */
const DEFAULT_XPOS: Readonly<Record<string, string>> = {
  NOUN: 'NN',
  PROPN: 'NNP',
  VERB: 'VB',
  AUX: 'VB',
  ADJ: 'JJ',
  ADV: 'RB',
  PRON: 'PRP',
  DET: 'DT',
  ADP: 'IN',
  NUM: 'CD',
  CCONJ: 'CC',
  SCONJ: 'IN',
  PART: 'RP',
  INTJ: 'UH',
  PUNCT: '.',
  SYM: 'SYM',
  X: 'FW',
};

/** The table key for a form: proper nouns keep their case, everything else is lower-cased. */
export function lemmaKey(form: string, xpos: string): string {
  return xpos === 'NNP' || xpos === 'NNPS' ? form : form.toLowerCase();
}

/** Lemmas kept before the cache starts over. */
const CACHE_LEMMAS = 50_000;

export class Lemmatizer {
  /** Per Penn tag, per UPOS, per form: the lemma. */
  private readonly cache = new Map<string, Map<string, Map<string, string>>>();
  private cached = 0;
  private readonly exceptions = new Map<string, Map<string, string>>();
  private readonly vocabulary: ReadonlySet<string>;
  private readonly known = (word: string): boolean => this.vocabulary.has(word);

  constructor(table?: LemmaTable) {
    this.vocabulary = new Set(table?.vocabulary ? table.vocabulary.split(' ') : []);
    for (const [xpos, forms] of Object.entries(table?.exceptions ?? {})) {
      this.exceptions.set(xpos, new Map(Object.entries(forms)));
    }
  }

  /** Number of stored exceptions. */
  get size(): number {
    let n = 0;
    for (const forms of this.exceptions.values()) n += forms.size;
    return n;
  }

  lemmatize(form: string, upos: string, xpos: string): string {
    if (this.cached >= CACHE_LEMMAS) {
      this.cache.clear();
      this.cached = 0;
    }
    let byUpos = this.cache.get(xpos);
    if (!byUpos) this.cache.set(xpos, (byUpos = new Map()));
    let forms = byUpos.get(upos);
    if (!forms) byUpos.set(upos, (forms = new Map()));
    let lemma = forms.get(form);
    if (lemma === undefined) {
      lemma = this.compute(form, upos, xpos);
      forms.set(form, lemma);
      this.cached++;
    }
    return lemma;
  }

  private compute(form: string, upos: string, xpos: string): string {
    const tag = xpos && xpos !== '_' ? xpos : (DEFAULT_XPOS[upos] ?? '');
    const hit = this.exceptions.get(tag)?.get(lemmaKey(form, tag));
    return hit ?? ruleLemma(form, upos, tag, this.known);
  }
}
