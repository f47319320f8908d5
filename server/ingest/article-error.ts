// The typed error an article file raises when it cannot become an article: a code and a clear message.

export const ARTICLE_ERROR_CODES = [
  'empty',
  'binary',
  'malformed-text',
  'too-large',
  'not-english',
  'bad-date',
  'bad-front-matter',
  'bad-json',
  'unreadable',
] as const;
export type ArticleErrorCode = (typeof ARTICLE_ERROR_CODES)[number];

export class ArticleError extends Error {
  readonly code: ArticleErrorCode;

  constructor(code: ArticleErrorCode, message: string) {
    super(message);
    this.name = 'ArticleError';
    this.code = code;
  }
}
