// Where the gazetteer's names lie in a sentence, as the tagger reads them: for each token, whether
// it is a whole known name or starts, continues or ends one, with the kinds of that name (state,
// capital, metonym, demonym, organization, person, surname, given name) and whether the gazetteer
// marks the form ambiguous. A token inside several matches takes the longest one. The values
// depend on the token's neighbours, so the tagger's features over them are never cached per form.
// Treebank sentences hold many gazetteer names, so the tagger learns from them what a match means
// (a demonym is mostly an adjective, a state a proper noun, an ambiguous surname either).
import {
  DEFAULT_GAZETTEER,
  loadNameLexicon,
  type LexiconKind,
  type NameLexicon,
} from '../names/lexicon.ts';

const KIND_BIT: Record<LexiconKind, number> = {
  state: 1,
  capital: 2,
  metonym: 4,
  demonym: 8,
  organization: 16,
  person: 32,
  surname: 64,
  given: 128,
};
/** Set when some entry of the match is marked ambiguous. */
export const NAME_AMBIGUOUS = 256;
/** The token's place in its match, from bit 9: a whole name, its first, an inner or its last token. */
export const NAME_WHOLE = 1 << 9;
export const NAME_FIRST = 2 << 9;
export const NAME_INNER = 3 << 9;
export const NAME_LAST = 4 << 9;

/** Longest number of tokens a match may cover. */
const MAX_TOKENS = 10;
const QUOTES = /[’‘]/g;

/**
 * Writes into out[0..n) each word's name value (0: in no gazetteer name). Words are joined with a
 * space, as the treebanks and the tokenizer separate a name's words. Of two matches over a token
 * the longer wins (at equal length, the later).
 */
export function markNames(words: readonly string[], lexicon: NameLexicon, out: Uint32Array): void {
  const n = words.length;
  out.fill(0, 0, n);
  if (lexicon.size === 0) return;
  const length = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let key = '';
    for (let j = i; j < n && j < i + MAX_TOKENS; j++) {
      const w = words[j];
      key += (j > i ? ' ' : '') + (w.includes('’') || w.includes('‘') ? w.replace(QUOTES, "'") : w);
      if (key.length > lexicon.maxLength) break;
      const node = lexicon.node(key);
      if (!node) break;
      if (node.entries) {
        let kinds = 0;
        for (const e of node.entries)
          kinds |= KIND_BIT[e.kind] | (e.ambiguous ? NAME_AMBIGUOUS : 0);
        const len = j - i + 1;
        for (let t = i; t <= j; t++) {
          if (len < length[t]) continue;
          const place =
            len === 1 ? NAME_WHOLE : t === i ? NAME_FIRST : t === j ? NAME_LAST : NAME_INNER;
          out[t] = kinds | place;
          length[t] = len;
        }
      }
      if (!node.prefix) break;
    }
  }
}

let shared: NameLexicon | undefined;

/** The project's gazetteer (graph-data/gazetteer), loaded once per process. */
export function defaultNameLexicon(): NameLexicon {
  shared ??= loadNameLexicon(DEFAULT_GAZETTEER);
  return shared;
}
