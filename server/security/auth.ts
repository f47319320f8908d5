// Token checks: data-changing requests need the write token; API reads need a token only when
// STANCEGRAPH_READ_TOKEN is set. The explorer's files and /api/config stay open so it can ask.
import type { RequestHandler } from 'express';
import { SecurityError } from './http-error.ts';
import type { SecuritySettings } from './settings.ts';
import { bearerToken, tokensMatch } from './tokens.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Paths a client must reach before it has a token. */
const OPEN_PATHS = new Set(['/api/config']);

function unauthorized(scope: 'write' | 'read', given: string | null): SecurityError {
  const variable = scope === 'write' ? 'STANCEGRAPH_TOKEN' : 'STANCEGRAPH_READ_TOKEN';
  const challenge = given
    ? 'Bearer realm="stancegraph", error="invalid_token"'
    : 'Bearer realm="stancegraph"';
  return new SecurityError(
    401,
    'unauthorized',
    given
      ? `the bearer token is not valid for ${scope === 'write' ? 'changing data' : 'reading'}`
      : `${scope === 'write' ? 'changing data' : 'reading'} needs "Authorization: Bearer <token>" (the server's ${variable})`,
    { 'WWW-Authenticate': challenge },
  );
}

export function requireTokens(
  settings: Pick<SecuritySettings, 'token' | 'readToken'>,
): RequestHandler {
  const { token, readToken } = settings;
  return (req, _res, next) => {
    if (!token || req.method === 'OPTIONS') return next();
    const given = bearerToken(req.get('authorization'));
    // Every unsafe method needs the token wherever it points, so no spelling of a path slips by.
    if (!SAFE_METHODS.has(req.method)) {
      return next(tokensMatch(given, token) ? undefined : unauthorized('write', given));
    }
    if (!readToken) return next();
    // Express matches routes case-insensitively and ignores a trailing slash; so does this.
    const path = req.path.toLowerCase().replace(/\/+$/, '');
    if (path !== '/api' && !path.startsWith('/api/')) return next();
    if (OPEN_PATHS.has(path)) return next();
    // Both comparisons always run so the answer time does not tell which token was close.
    const read = tokensMatch(given, readToken);
    const write = tokensMatch(given, token);
    return next(read || write ? undefined : unauthorized('read', given));
  };
}
