// Sentence splitting, tokens, tags, lemmas, dependency trees and names from the project's language layer, with offsets
// into the original body.
import { languageLayer } from '../nlp/index.ts';
import type { Sentence, Token } from './types.ts';

/**
 * Runs of over 100 non-space characters are blanked: they are data, not prose. A run is only tried
 * from its first character, so a passage of ordinary words is read once, not once per letter.
 */
const LONG_RUN = new RegExp(`(?<!\\S)\\S{${100 + 1},}`, 'g');
const ENTITY = /&(#?[a-z0-9]{2,8});/gi;
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
  let masked = passage.includes('&')
    ? passage.replace(ENTITY, (whole, name: string) => {
        const char = ENTITY_CHARS[name.toLowerCase()] ?? '';
        return ' '.repeat(whole.length - char.length) + char;
      })
    : passage;
  if (masked.length > 100) masked = masked.replace(LONG_RUN, (run) => ' '.repeat(run.length));
  return masked;
}

/**
 * Splits one passage (a paragraph of the body) into sentences. `offset` is where the passage starts
 * in the body, so every start/end returned points into the body.
 */
export function analysePassage(original: string, offset: number, firstIndex: number): Sentence[] {
  const passage = maskForTagger(original);
  const sentences: Sentence[] = [];
  for (const s of languageLayer().analyze(passage)) {
    const tokens: Token[] = s.tokens.map((t) => ({
      text: t.text,
      lemma: t.lemma.toLowerCase(),
      pos: t.upos,
      xpos: t.xpos,
      start: offset + t.start,
      end: offset + t.end,
      head: t.head,
      deprel: t.deprel,
    }));
    if (tokens.length === 0) continue;
    const start = tokens[0]!.start;
    const end = tokens[tokens.length - 1]!.end;
    sentences.push({
      index: firstIndex + sentences.length,
      start,
      end,
      text: original.slice(start - offset, end - offset),
      tokens,
      names: s.names.map((n) => ({ ...n, start: offset + n.start, end: offset + n.end })),
    });
  }
  return sentences;
}
