// Third-person pronouns as the coreference stage reads them: what they can refer to (a person, a
// body or state, or a group of either), whether they are reflexive, and "it" that refers to nothing.
import type { Token } from '../types.ts';

/** What a pronoun agrees with: a person, a state or organization, or either in the plural. */
export type Agreement = 'person' | 'body' | 'plural';

export interface PronounInfo {
  agreement: Agreement;
  /** For "he" and "she" and their forms: the gender an antecedent must not contradict. */
  gender?: 'm' | 'f';
  reflexive: boolean;
  possessive: boolean;
}

const PRONOUNS: Record<string, PronounInfo> = {};
function add(words: string, agreement: Agreement, reflexive = false, possessive = false): void {
  for (const w of words.split(' ')) {
    const info: PronounInfo = { agreement, reflexive, possessive };
    if (/^(?:he|him|his|himself)$/.test(w)) info.gender = 'm';
    if (/^(?:she|her|hers|herself)$/.test(w)) info.gender = 'f';
    PRONOUNS[w] = info;
  }
}
add('he him she her', 'person');
add('his hers', 'person', false, true);
add('himself herself', 'person', true);
add('it', 'body');
add('its', 'body', false, true);
add('itself', 'body', true);
add('they them', 'plural');
add('their theirs', 'plural', false, true);
add('themselves', 'plural', true);

/** The pronoun reading of token `i`, or null for any other word and for an "it" that refers to nothing. */
export function pronounAt(tokens: Token[], i: number): PronounInfo | null {
  const t = tokens[i]!;
  if (t.pos !== 'PRON' && !/^PRP/.test(t.xpos)) return null;
  const key = t.text.toLowerCase().replace(/\u2019/g, "'");
  const info = Object.hasOwn(PRONOUNS, key) ? PRONOUNS[key]! : null;
  if (!info) return null;
  // "her" as a possessive determiner ("her ministry") is tagged PRP$.
  if (key === 'her' && t.xpos === 'PRP$') return { ...info, possessive: true };
  if (key === 'it' && pleonastic(tokens, i)) return null;
  return info;
}

/**
 * "It is likely that ...", "it remains unclear whether ...", "it was decided to ...": an "it"
 * whose predicate takes a clause refers to nothing.
 */
function pleonastic(tokens: Token[], i: number): boolean {
  const t = tokens[i]!;
  if (t.deprel === 'expl' || t.deprel.startsWith('expl')) return true;
  if (!t.deprel.startsWith('nsubj')) return false;
  const head = t.head;
  if (head < 0) return false;
  const h = tokens[head]!;
  if (!/^(?:JJ|VBN|NN)/.test(h.xpos) && h.lemma !== 'seem' && h.lemma !== 'appear') return false;
  return tokens.some(
    (x, k) => k > head && x.head === head && /^(?:ccomp|csubj|xcomp|advcl)/.test(x.deprel),
  );
}
