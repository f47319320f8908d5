// Public face of the tokenizer: `tokenize(text)` cuts raw text into sentences of tokens following
// UD English (EWT, GUM) conventions, with UTF-16 offsets into the original text.
import type { Sentence } from '../types.ts';
import { scanTokens } from './scan.ts';
import { splitSentences } from './sentences.ts';

export { MAX_SENTENCE_TOKENS } from './sentences.ts';

export type { Sentence, Token } from '../types.ts';

/**
 * Sentences of tokens for `text`. Every token satisfies `text.slice(t.start, t.end) === t.text`;
 * tokens are in order, never overlap and lie inside their sentence. Linear in the text's length.
 */
export function tokenize(text: string): Sentence[] {
  return splitSentences(text, scanTokens(text));
}
