// The shapes the language layer hands to the rest of the product: sentences of tokens with UTF-16
// offsets into the original text, tags, lemmas, a dependency tree and named-entity spans.

/** A surface token: `text === source.slice(start, end)` always holds. */
export interface Token {
  text: string;
  /** UTF-16 code-unit offsets into the text given to the tokenizer. */
  start: number;
  end: number;
}

export interface Sentence {
  start: number;
  end: number;
  tokens: Token[];
}

/** A token after tagging and parsing. `head` is a 0-based index into the sentence's tokens, -1 for the root. */
export interface AnalyzedToken extends Token {
  /** Universal POS tag (NOUN, PROPN, VERB ...). */
  upos: string;
  /** Penn Treebank tag (NN, NNP, VBD ...). */
  xpos: string;
  lemma: string;
  head: number;
  /** UD relation with subtype (nsubj:pass, obl:agent, acl:relcl ...). */
  deprel: string;
}

export type NameLabel = 'person' | 'organization' | 'place' | 'other';

/** A named-entity span over tokens [first, last] (inclusive, 0-based within the sentence). */
export interface NameSpan {
  first: number;
  last: number;
  label: NameLabel;
  /** Character offsets into the text. */
  start: number;
  end: number;
}

export interface AnalyzedSentence {
  start: number;
  end: number;
  tokens: AnalyzedToken[];
  names: NameSpan[];
}
