// The typed error an article file raises when it cannot become an article: a code and a clear message.

export const ARTICLE_ERROR_CODES = [
  'empty',
  'binary',
  'malformed-text',
  'too-large',
  'not-english',
  'bad-date',
  'bad-url',
  'bad-front-matter',
  'bad-json',
  'unreadable',
] as const;
export type ArticleErrorCode = (typeof ARTICLE_ERROR_CODES)[number];

export class ArticleError extends Error {
  readonly code: ArticleErrorCode;
  /** The article field at fault ("text" unless the problem is in its metadata). */
  readonly field: string;

  constructor(code: ArticleErrorCode, message: string, field = 'text') {
    super(message);
    this.name = 'ArticleError';
    this.code = code;
    this.field = field;
  }
}
