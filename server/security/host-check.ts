// DNS-rebinding guard: a server bound to loopback answers only requests addressed to a loopback
// name (or a name listed in STANCEGRAPH_ALLOWED_HOSTS), so a web page cannot rebind its own domain
// to 127.0.0.1 and read or change the data as if it were same-origin.
import type { RequestHandler } from 'express';
import { isLoopbackHost } from './bind-check.ts';
import { SecurityError } from './http-error.ts';

/** The host part of a Host header ("[::1]:3000" -> "::1", "example.org:80" -> "example.org"). */
export function hostName(header: string): string {
  const h = header.trim().toLowerCase();
  if (h.startsWith('[')) return h.slice(1, h.indexOf(']') > 0 ? h.indexOf(']') : undefined);
  const colon = h.lastIndexOf(':');
  return colon >= 0 && h.indexOf(':') === colon ? h.slice(0, colon) : h;
}

export function hostCheck(
  bindHost: string,
  allowedHosts: readonly string[],
): RequestHandler | null {
  if (!isLoopbackHost(bindHost)) return null;
  const allowed = new Set(allowedHosts);
  return (req, _res, next) => {
    const header = req.get('host');
    const name = header ? hostName(header) : '';
    if (name && (isLoopbackHost(name) || allowed.has(name))) return next();
    return next(
      new SecurityError(
        421,
        'host_not_allowed',
        `this server answers only requests for localhost; the Host header "${header ?? ''}" is ` +
          'not allowed (add it to STANCEGRAPH_ALLOWED_HOSTS)',
      ),
    );
  };
}
