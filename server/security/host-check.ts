// DNS-rebinding guard: a server bound to loopback answers only requests addressed to a loopback
// name (or a name listed in STANCEGRAPH_ALLOWED_HOSTS), so a web page cannot rebind its own domain
// to 127.0.0.1 and read or change the data as if it were same-origin.
import { isIP } from 'node:net';
import type { RequestHandler } from 'express';
import { isLoopbackHost } from './bind-check.ts';
import { SecurityError } from './http-error.ts';

// RFC 9110 Host = uri-host [ ":" port ]: an IP literal in brackets, or a registered name (letters,
// digits, dots, hyphens; no userinfo, path or percent-encoding), then an optional decimal port.
// Anything else ("127.0.0.1:80@evil.com", "[::1]evil.com", "a b", "host:port:port") is refused
// whole rather than cut down to a part that happens to look local.
const HOST_HEADER =
  /^(?:\[([0-9a-f:.]+)\]|([a-z0-9](?:[a-z0-9.-]{0,251}[a-z0-9.])?))(?::(\d{1,5}))?$/;

/**
 * The host part of a Host header ("[::1]:3000" -> "::1", "Example.org:80" -> "example.org"), or
 * null when the header is not a well-formed host and optional port.
 */
export function hostName(header: string): string | null {
  const m = HOST_HEADER.exec(header.toLowerCase());
  if (!m) return null;
  if (m[3] !== undefined && Number(m[3]) > 65_535) return null;
  if (m[1] !== undefined) return isIP(m[1]) === 6 ? m[1] : null;
  return m[2]!;
}

export function hostCheck(
  bindHost: string,
  allowedHosts: readonly string[],
): RequestHandler | null {
  if (!isLoopbackHost(bindHost)) return null;
  const allowed = new Set(allowedHosts);
  return (req, _res, next) => {
    const header = req.headers.host;
    const name = header ? hostName(header) : null;
    if (name && (isLoopbackHost(name) || allowed.has(name))) return next();
    return next(
      new SecurityError(
        421,
        'host_not_allowed',
        `this server answers only requests for localhost; the Host header ` +
          `${JSON.stringify(header ?? '')} is not allowed (add its name to STANCEGRAPH_ALLOWED_HOSTS)`,
      ),
    );
  };
}
