// Checks that turn unusable article text into clear errors: empty, binary, too large, not English.
import { malformedUnicode } from '../model/index.ts';
import { ArticleError } from './article-error.ts';

/** Texts up to this many UTF-16 code units are accepted (5 MB of news text fits with room to spare). */
export const MAX_ARTICLE_CHARS = 8 * 1024 * 1024;
/** Files larger than this are refused before they are read. */
export const MAX_ARTICLE_BYTES = 4 * MAX_ARTICLE_CHARS;

/** Below this many words a language guess is unreliable, so short texts are never refused. */
const MIN_WORDS_TO_JUDGE = 40;
/** English prose runs at 20-40% of these words; text with under 5% has almost none. */
const MIN_FUNCTION_WORD_RATIO = 0.05;
const MAX_BAD_CHAR_RATIO = 0.01;
const SAMPLE_CHARS = 200_000;

// Words common in English and rare elsewhere: "a", "in", "an", "was", "will" are left out because
// Spanish, German or Dutch use them too.
const FUNCTION_WORDS = new Set(
  (
    'the of and to is were are be been has have had that this these those it its for with ' +
    'by at from or but not he she they his her their our you who which said says would could ' +
    'should can than there after before about over into against between during while when ' +
    'what where how more'
  ).split(' '),
);

export function checkSize(text: string): void {
  if (text.length > MAX_ARTICLE_CHARS) {
    throw new ArticleError(
      'too-large',
      `text is ${text.length} characters; the limit is ${MAX_ARTICLE_CHARS}`,
    );
  }
}

export function checkNotEmpty(text: string): void {
  if (text.trim() === '') throw new ArticleError('empty', 'the article has no text');
}

/** NUL bytes, or many replacement or control characters, mean the file is not text. */
export function checkNotBinary(text: string): void {
  const sample = text.length > SAMPLE_CHARS ? text.slice(0, SAMPLE_CHARS) : text;
  if (sample.includes('\u0000')) {
    throw new ArticleError('binary', 'the file holds binary data (NUL bytes), not text');
  }
  // eslint-disable-next-line no-control-regex
  const bad = sample.match(/[\uFFFD\u0001-\u0008\u000E-\u001F\u007F]/g)?.length ?? 0;
  if (bad > 0 && bad / sample.length > MAX_BAD_CHAR_RATIO) {
    throw new ArticleError(
      'binary',
      'the file is not valid UTF-8 text (too many invalid or control characters)',
    );
  }
}

/** A cheap function-word count; only refuses text long enough to judge with almost no English. */
export function checkEnglish(text: string): void {
  const sample = text.length > SAMPLE_CHARS ? text.slice(0, SAMPLE_CHARS) : text;
  const words = sample.match(/\p{L}+/gu) ?? [];
  let letters = 0;
  let latin = 0;
  for (const word of words) {
    letters += word.length;
    if (/^[A-Za-z]+$/.test(word)) latin += word.length;
  }
  // Scripts without spaces (Chinese, Japanese) give few, long "words": judge them by letters.
  if (letters >= 100 && latin / letters < 0.3) {
    throw new ArticleError('not-english', 'the article does not appear to be in English');
  }
  if (words.length < MIN_WORDS_TO_JUDGE) return;
  let functional = 0;
  for (const word of words) if (FUNCTION_WORDS.has(word.toLowerCase())) functional++;
  if (functional / words.length < MIN_FUNCTION_WORD_RATIO) {
    throw new ArticleError('not-english', 'the article does not appear to be in English');
  }
}

/** Stored text must be exactly the text given, so a lone surrogate is refused, not replaced. */
export function checkWellFormed(text: string): void {
  const problem = malformedUnicode(text);
  if (problem) throw new ArticleError('malformed-text', `text ${problem}`);
}

/** Every check a body must pass before extraction. */
export function checkArticleText(text: string): void {
  checkSize(text);
  checkWellFormed(text);
  checkNotEmpty(text);
  checkNotBinary(text);
  checkEnglish(text);
}
