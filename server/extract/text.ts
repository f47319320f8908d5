// Sentence splitting, tokens, POS tags and lemmas from wink-nlp, with offsets into the original body.
import winkNLP, { type ItemSentence, type ItemToken } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { Sentence, Token } from './types.ts';

const nlp = winkNLP(model);
const its = nlp.its;
// The type declarations mistype the lemma accessor; it is a plain token property like pos.
const lemmaOf = its.lemma as unknown as typeof its.pos;

/** Runs of over 100 non-space characters are blanked: the tagger slows quadratically on them. */
const LONG_RUN = new RegExp(`\\S{${100 + 1},}`, 'g');
const ENTITY_CHARS: Record<string, string> = {
  amp: '&',
  quot: '"',
  apos: "'",
  '#39': "'",
  rsquo: '’',
  lsquo: '‘',
  ldquo: '“',
  rdquo: '”',
  ndash: '–',
  mdash: '—',
};

/**
 * The passage as the tagger should see it, with every character kept at its offset: HTML entities
 * become the character they stand for, right-aligned in spaces ("&nbsp;" is all spaces, so
 * "Germany&nbsp;condemned" is two words), and endless non-space runs (minified data) are blanked.
 */
export function maskForTagger(passage: string): string {
  let masked = passage.replace(/&(#?[a-z0-9]{2,8});/gi, (whole, name: string) => {
    const char = ENTITY_CHARS[name.toLowerCase()] ?? '';
    return ' '.repeat(whole.length - char.length) + char;
  });
  masked = masked.replace(LONG_RUN, (run) => ' '.repeat(run.length));
  return masked;
}

/**
 * Splits one passage (a paragraph of the body) into sentences. `offset` is where the passage starts
 * in the body, so every start/end returned points into the body.
 */
export function analysePassage(original: string, offset: number, firstIndex: number): Sentence[] {
  const passage = maskForTagger(original);
  const doc = nlp.readDoc(passage);
  const sentences: Sentence[] = [];
  let cursor = 0;
  doc.sentences().each((s: ItemSentence) => {
    const tokens: Token[] = [];
    s.tokens().each((t: ItemToken) => {
      const text = t.out() as string;
      if (text.trim() === '') return;
      let at = passage.indexOf(text, cursor);
      // wink can normalise a token's text; fall back to the next non-space character.
      if (at < 0 || at - cursor > 40) {
        at = cursor;
        while (at < passage.length && /\s/.test(passage[at]!)) at++;
      }
      const end = Math.min(passage.length, at + text.length);
      tokens.push({
        text: passage.slice(at, end),
        lemma: String(t.out(lemmaOf)).toLowerCase(),
        pos: String(t.out(its.pos)),
        start: offset + at,
        end: offset + end,
      });
      cursor = end;
    });
    if (tokens.length === 0) return;
    const start = tokens[0]!.start;
    const end = tokens[tokens.length - 1]!.end;
    sentences.push({
      index: firstIndex + sentences.length,
      start,
      end,
      text: original.slice(start - offset, end - offset),
      tokens,
    });
  });
  return sentences;
}
