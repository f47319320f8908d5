// Hand-tagged sentences for name-finder tests: "Word/TAG Word/TAG ..." as tokens one space apart,
// each with the universal tag its Penn tag maps to (X when the map lacks it).
import type { NameToken } from '../../server/nlp/names/features.ts';

/** Universal tags of the Penn tags the tests write. */
export const UPOS: Record<string, string> = {
  NNP: 'PROPN',
  NNPS: 'PROPN',
  NN: 'NOUN',
  NNS: 'NOUN',
  JJ: 'ADJ',
  VB: 'VERB',
  VBD: 'VERB',
  VBG: 'VERB',
  VBN: 'VERB',
  VBZ: 'VERB',
  IN: 'ADP',
  DT: 'DET',
  POS: 'PART',
  TO: 'PART',
  MD: 'AUX',
  RB: 'ADV',
  RP: 'ADP',
  CC: 'CCONJ',
  CD: 'NUM',
  WP: 'PRON',
  '.': 'PUNCT',
  ',': 'PUNCT',
};

/** Tokens of a sentence written as "word/XPOS ..." (offsets from single spaces). */
export function taggedTokens(line: string): NameToken[] {
  let at = 0;
  return line.split(' ').map((item) => {
    const slash = item.lastIndexOf('/');
    const text = item.slice(0, slash);
    const xpos = item.slice(slash + 1);
    const t = { text, start: at, end: at + text.length, upos: UPOS[xpos] ?? 'X', xpos };
    at = t.end + 1;
    return t;
  });
}
