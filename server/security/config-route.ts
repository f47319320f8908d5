// GET /api/config: what a client must know before calling the API (whether a token is needed, the
// limits), never the tokens themselves. Open even when reads need a token, so the explorer can ask.
import type { RequestHandler } from 'express';
import { SecurityError } from './http-error.ts';
import type { SecuritySettings } from './settings.ts';

export interface PublicConfig {
  auth: {
    /** POST/DELETE under /api need "Authorization: Bearer <token>". */
    writeTokenRequired: boolean;
    /** GET under /api needs a token too (the read or the write token). */
    readTokenRequired: boolean;
    scheme: 'Bearer';
  };
  limits: {
    bodyBytes: number;
    articleChars: number;
    ingestRate: { requests: number; perSeconds: number } | null;
    queryBudgetMs: number;
  };
}

export function publicConfig(s: SecuritySettings): PublicConfig {
  return {
    auth: { writeTokenRequired: !!s.token, readTokenRequired: !!s.readToken, scheme: 'Bearer' },
    limits: {
      bodyBytes: s.bodyLimitBytes,
      articleChars: s.maxArticleChars,
      ingestRate: s.ingestRate
        ? { requests: s.ingestRate.requests, perSeconds: s.ingestRate.perMs / 1000 }
        : null,
      queryBudgetMs: s.queryBudgetMs,
    },
  };
}

export function configRoute(s: SecuritySettings): RequestHandler {
  const body = publicConfig(s);
  return (req, res) => {
    // Same answer as every API route gives to a parameter it does not take.
    const unknown = Object.keys(req.query);
    if (unknown.length > 0) {
      const names = unknown.slice(0, 5).map((k) => JSON.stringify(k.slice(0, 40)));
      const what = unknown.length === 1 ? 'unknown query parameter' : 'unknown query parameters';
      throw new SecurityError(
        400,
        'unknown_parameter',
        `${what} ${names.join(', ')} (this route takes no query parameters)`,
      );
    }
    res.set('Cache-Control', 'no-store').json(body);
  };
}
