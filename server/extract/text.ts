// Sentence splitting, tokens, POS tags and lemmas from wink-nlp, with offsets into the original body.
import winkNLP, { type ItemSentence, type ItemToken } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { Sentence, Token } from './types.ts';

const nlp = winkNLP(model);
const its = nlp.its;
// The type declarations mistype the lemma accessor; it is a plain token property like pos.
const lemmaOf = its.lemma as unknown as typeof its.pos;

/**
 * Splits one passage (a paragraph of the body) into sentences. `offset` is where the passage starts
 * in the body, so every start/end returned points into the body.
 */
export function analysePassage(passage: string, offset: number, firstIndex: number): Sentence[] {
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
      text: passage.slice(start - offset, end - offset),
      tokens,
    });
  });
  return sentences;
}
