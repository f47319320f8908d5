// Public face of the security module: settings from the environment, the bind check, and the
// middleware stack (Host check, helmet/CSP, CORS, tokens, rate limits, body bounds, time budgets).
export {
  DEFAULT_SECURITY,
  SettingsError,
  parseRate,
  parseSize,
  securitySettings,
  type RateSetting,
  type SecuritySettings,
} from './settings.ts';
export { UnsafeBindError, assertSafeBind, isLoopbackHost } from './bind-check.ts';
export { bearerToken, tokensMatch } from './tokens.ts';
export { SecurityError, TimeBudgetExceededError } from './http-error.ts';
export { TokenBucketLimiter, rateLimit } from './rate-limit.ts';
export { TimeBudget, timeBudgets, type Clock, type TimeBudgets } from './time-budget.ts';
export { EXPLORER_CSP, DOCS_PAGE_CSP } from './headers.ts';
export { publicConfig, type PublicConfig } from './config-route.ts';
export {
  INGEST_PATHS,
  createSecurityStack,
  type SecurityStack,
  type SecurityStackOptions,
} from './security-stack.ts';
export {
  HEADERS_TIMEOUT_MS,
  REQUEST_TIMEOUT_MS,
  TIMEOUT_CHECK_INTERVAL_MS,
  appMessageClasses,
  createHttpServer,
  rawJsonError,
  type HttpTimeouts,
} from './http-server.ts';
