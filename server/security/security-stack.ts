// Assembles the security middleware in the order requests must meet it: Host check, headers, CORS
// and tokens in front of everything; then, under /api, rate limits, the body parser with its size
// bound and the article-length bound, before any route runs.
import express, { type RequestHandler, type Router } from 'express';
import { articleLengthLimit } from './article-limit.ts';
import { requireTokens } from './auth.ts';
import { configRoute } from './config-route.ts';
import { corsPolicy } from './cors.ts';
import { docsPagePolicy, securityHeaders } from './headers.ts';
import { hostCheck } from './host-check.ts';
import { rateLimit, TokenBucketLimiter } from './rate-limit.ts';
import { DEFAULT_SECURITY, type SecuritySettings } from './settings.ts';
import { timeBudgets, type Clock, type TimeBudgets } from './time-budget.ts';

/** Endpoints that run the extractor: the expensive ones a client could flood. */
export const INGEST_PATHS = ['/documents', '/extract'];
/** Writes that share the ingest rate limit without being articles (coded-event imports). */
export const RATE_LIMITED_PATHS = [...INGEST_PATHS, '/import'];

export interface SecurityStack {
  settings: SecuritySettings;
  /** Mounted first on the app. */
  front: RequestHandler[];
  /** Mounted on /api before the API router. */
  api: Router;
  budgets: TimeBudgets;
  limiter: TokenBucketLimiter | null;
}

export interface SecurityStackOptions {
  /** Clock for rate limits and time budgets (tests pass a fake one). */
  now?: Clock;
}

export function createSecurityStack(
  overrides: Partial<SecuritySettings> = {},
  options: SecurityStackOptions = {},
): SecurityStack {
  const settings = { ...DEFAULT_SECURITY, ...overrides };
  const front: RequestHandler[] = [];
  const host = hostCheck(settings.host, settings.allowedHosts);
  if (host) front.push(host);
  front.push(securityHeaders(), corsPolicy(settings.corsOrigin), requireTokens(settings));

  const limiter = settings.ingestRate
    ? new TokenBucketLimiter(settings.ingestRate, options.now)
    : null;
  const api = express.Router();
  api.get('/config', configRoute(settings));
  api.get('/docs', docsPagePolicy);
  if (limiter) api.post(RATE_LIMITED_PATHS, rateLimit(limiter, 'ingest'));
  api.use(express.json({ limit: settings.bodyLimitBytes }));
  api.post(INGEST_PATHS, articleLengthLimit(settings.maxArticleChars));

  return {
    settings,
    front,
    api,
    budgets: timeBudgets(settings.queryBudgetMs, options.now),
    limiter,
  };
}
