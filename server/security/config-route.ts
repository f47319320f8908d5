// GET /api/config: what a client must know before calling the API (whether a token is needed, the
// limits), never the tokens themselves. Open even when reads need a token, so the explorer can ask.
import type { RequestHandler } from 'express';
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
  return (_req, res) => {
    res.set('Cache-Control', 'no-store').json(body);
  };
}
