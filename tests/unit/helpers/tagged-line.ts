// Tagged training sentences written as one line of "word/UPOS" tokens, for the tagger's tests.
import type { TaggedSentence } from '../../../server/nlp/tagger/index.ts';

/** "word/UPOS" tokens separated by spaces; the UPOS stands for the Penn tag too. */
export function tagged(line: string): TaggedSentence {
  const pairs = line.split(' ').map((t) => {
    const at = t.lastIndexOf('/');
    return [t.slice(0, at), t.slice(at + 1)];
  });
  return {
    words: pairs.map((p) => p[0]!),
    upos: pairs.map((p) => p[1]!),
    xpos: pairs.map((p) => p[1]!),
  };
}
