// CORS: closed unless CORS_ORIGIN names one origin; then that origin alone may call the API, with
// preflight answered here. Other origins get no CORS headers, so browsers keep their answers hidden.
import type { RequestHandler } from 'express';
import { SecurityError } from './http-error.ts';

const ALLOWED_METHODS = 'GET, HEAD, POST, DELETE';
const ALLOWED_HEADERS = 'Authorization, Content-Type';

export function corsPolicy(allowedOrigin: string | null): RequestHandler {
  return (req, res, next) => {
    const origin = req.get('origin');
    const preflight = req.method === 'OPTIONS' && req.get('access-control-request-method');
    res.vary('Origin');
    if (!origin || !preflight) {
      if (origin && origin === allowedOrigin) {
        res.set('Access-Control-Allow-Origin', origin);
        res.set('Access-Control-Expose-Headers', 'Retry-After, WWW-Authenticate');
      }
      return next();
    }
    if (origin !== allowedOrigin) {
      return next(
        new SecurityError(
          403,
          'cors_forbidden',
          allowedOrigin
            ? `cross-origin requests are allowed only from ${allowedOrigin} (CORS_ORIGIN)`
            : 'cross-origin requests are not allowed; set CORS_ORIGIN to allow one origin',
        ),
      );
    }
    res.set({
      'Access-Control-Allow-Origin': origin,
      'Access-Control-Allow-Methods': ALLOWED_METHODS,
      'Access-Control-Allow-Headers': ALLOWED_HEADERS,
      'Access-Control-Max-Age': '600',
    });
    res.status(204).end();
  };
}
