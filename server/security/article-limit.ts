// The article-length bound for the API: longer texts are refused before extraction, which is
// synchronous and would otherwise hold the server for the whole text.
import type { RequestHandler } from 'express';
import { SecurityError } from './http-error.ts';

export function articleLengthLimit(maxChars: number): RequestHandler {
  return (req, _res, next) => {
    const text = (req.body as { text?: unknown } | undefined)?.text;
    if (typeof text !== 'string' || text.length <= maxChars) return next();
    return next(
      new SecurityError(
        413,
        'article_too_long',
        `body field "text": the article is ${text.length} characters; the limit is ${maxChars} ` +
          '(STANCEGRAPH_MAX_ARTICLE_CHARS)',
      ),
    );
  };
}
